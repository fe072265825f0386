"""Body-finding rules on short sentences in the style of real protocols (none taken from the corpus's test
half): which names are bodies, where a name begins and ends, and which found names are not bodies."""

from __future__ import annotations

from pathlib import Path

from govgraph.loaders.extract.entities import find_entities
from govgraph.loaders.extract.pipeline import extract_text
from govgraph.loaders.extract.reading import SourceText
from govgraph.loaders.extract.segment import segment


def _bodies(text: str, area: str | None = None) -> set[str]:
    entities = find_entities(segment(text).clauses, area)
    return {e.name for e in entities.items.values() if not e.role and not e.collective}


def _draft_bodies(text: str, area: str | None = None) -> set[str]:
    extraction = extract_text(SourceText(Path("protocol.txt"), text, False), area)
    return {e.name for e in extraction.entities.items.values() if not e.role}


def test_a_collective_no_finding_uses_is_not_a_body_of_the_draft() -> None:
    text = (
        "Protocol of the Fenmoor Safeguarding Adults Board\n\n"
        "The review of the Fenmoor Safeguarding Adults Board was supported by key partners and the local "
        "community.\n"
    )
    assert _draft_bodies(text) == {"Fenmoor Safeguarding Adults Board"}
