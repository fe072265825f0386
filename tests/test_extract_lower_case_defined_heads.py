"""A body defined by an acronym that spells its head, printed in lower case ('the Drug Action team
(DAT)'): invented sentences, no area's names."""

from __future__ import annotations

from govgraph.loaders.extract.entities import find_entities
from govgraph.loaders.extract.segment import segment


def _entities(text: str) -> dict[str, str | None]:
    entities = find_entities(segment(text).clauses, None)
    return {e.name: e.acronym for e in entities.items.values() if not e.role}


def test_an_acronym_spelling_a_lower_case_head_defines_the_body() -> None:
    text = (
        "Fenmoor Community Safety Partnership\n\n"
        "The Partnership oversees the Substance Misuse Action team (SMAT). The Board will monitor the SMAT.\n"
    )
    assert _entities(text).get("Substance Misuse Action team") == "SMAT"


def test_a_lower_case_word_that_is_no_head_defines_nothing() -> None:
    text = "Fenmoor Community Safety Partnership\n\nThe Board read the Annual Action plan (AAP) in March.\n"
    assert "Annual Action plan" not in _entities(text)
