"""'representatives from the youth, carers, arts and faith sectors': the listed words name sectors sharing
the head "sectors", not organisations: invented sentences, no area's names."""

from __future__ import annotations

from govgraph.loaders.extract.entities import find_entities
from govgraph.loaders.extract.segment import segment


def _bodies(text: str) -> set[str]:
    entities = find_entities(segment(text).clauses, None)
    return {e.name for e in entities.items.values() if not e.role and not e.collective}


def test_words_before_a_shared_sectors_head_are_no_bodies() -> None:
    text = (
        "Fenmoor Health and Wellbeing Board\n\n"
        "Members noted that representatives from the youth, carers, arts and faith sectors were not "
        "currently included.\n"
    )
    bodies = _bodies(text)
    assert not {"youth", "arts", "carers"} & bodies
