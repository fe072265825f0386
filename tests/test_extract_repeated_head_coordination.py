"""Two body names coordinated by "and" that end in the same head noun ('Fenmoor Hospitals and Marsh and
Vale Hospitals') are two bodies, not one: invented sentences, no area's names."""

from __future__ import annotations

from govgraph.loaders.extract.entities import find_entities
from govgraph.loaders.extract.segment import segment


def _bodies(text: str) -> set[str]:
    entities = find_entities(segment(text).clauses, None)
    return {e.name for e in entities.items.values() if not e.role and not e.collective}


def test_two_names_with_the_same_head_joined_by_and_are_two_bodies() -> None:
    text = (
        "Fenmoor Safeguarding Adults Board\n\n"
        "Updates were provided by Fenmoor Police; Fenmoor Hospitals (Upper Marsh Hospitals and "
        "Brackwater and Vale Hospitals); and the Fenmoor County Council.\n"
    )
    bodies = _bodies(text)
    assert {"Upper Marsh Hospitals", "Brackwater and Vale Hospitals"} <= bodies
    assert "Upper Marsh Hospitals and Brackwater and Vale Hospitals" not in bodies


def test_one_name_with_and_inside_it_stays_whole() -> None:
    text = "Fenmoor Health and Wellbeing Board\n\nThe Fenmoor Health and Wellbeing Board met in March.\n"
    bodies = _bodies(text)
    assert "Fenmoor Health and Wellbeing Board" in bodies
