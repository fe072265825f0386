"""The corpus of real protocols: every reviewed file is valid load input, traceable to where it came from."""

from __future__ import annotations

import pytest
from govgraph.loaders.protocol import read_protocol

from tests.corpus import CorpusDocument, documents, half_of

CORPUS = documents()


def test_the_corpus_is_big_enough_and_both_halves_are_used() -> None:
    assert len(CORPUS) >= 20
    halves = {doc.half for doc in CORPUS}
    assert halves == {"dev", "test"}
    assert half_of("bradford") != half_of("kirklees")  # the split is by slug, fixed for ever


@pytest.mark.parametrize("doc", CORPUS, ids=[doc.slug for doc in CORPUS])
def test_each_reviewed_file_loads_and_names_its_source(doc: CorpusDocument) -> None:
    valid = read_protocol(doc.reviewed)  # every quote verbatim in its clause, every clause in the text
    assert valid.document.bodies
    source = (doc.folder / "SOURCE").read_text().splitlines()
    assert source and source[0].startswith(("http://", "https://")), doc.slug
