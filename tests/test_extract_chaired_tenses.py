"""Chairs stated in any tense, and a bare 'The Chair' after a sentence saying who chairs a body (session 9),
on invented text about invented bodies (Kestrel ...):

- "has been / was / is currently chaired by the Director of Public Health": that post chairs the body;
- "chaired by Jo Bloggs (Director of Public Health)": the post beside the person;
- "chaired by Jo Bloggs, who is independent of the Kestrel Council": no post, so no chair (the Council
  named further on is not it);
- "The KSAB has been chaired by Jo Bloggs since 2021." then "The Chair reports to ...": the Chair is the
  KSAB's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from govgraph.graph.model import Relation
from govgraph.loaders.extract.pipeline import extract_text
from govgraph.loaders.extract.reading import SourceText

from tests.extract_forms import extract, stated

KSAB = "Kestrel Safeguarding Adults Board"
DPH = "Director of Public Health"


@pytest.mark.parametrize(
    "sentence",
    [
        "The KSAB has been chaired by the Director of Public Health since 2021.",
        "The KSAB was chaired by the Director of Public Health.",
        "The KSAB is currently chaired by the Director of Public Health.",
        "The KSAB is chaired by Jo Bloggs (Director of Public Health).",
    ],
)
def test_a_post_that_chairs_a_body_in_any_tense_chairs_it(sentence: str) -> None:
    assert (DPH, KSAB) in stated(extract(sentence), Relation.CHAIRS)


def test_a_body_named_after_the_chairs_name_is_not_the_chair() -> None:
    found = extract("The KSAB has been chaired by Jo Bloggs, who is independent of the Kestrel Council.")
    assert not any(chair == "Kestrel Council" for chair, _ in stated(found, Relation.CHAIRS))


def test_the_chair_after_a_sentence_saying_who_chairs_the_board_is_its_chair() -> None:
    text = (
        "Kestrel adults\n\n"
        "The Kestrel Safeguarding Adults Board has been chaired by Jo Bloggs since 2021, independently of "
        "the Kestrel Council.\n\n"
        "The Chair reports directly to the Chief Executive of the Kestrel Council.\n"
    )
    found = extract_text(SourceText(Path("page.txt"), text, False), "Kestrel")
    assert ("Chair", KSAB) in stated(found, Relation.CHAIRS)
