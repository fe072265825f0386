"""A list of names that share one plural head printed once after the last item ('the Audit; Practice
Review; and Communications Sub-Groups') names one body per item: invented sentences, no area's names."""

from __future__ import annotations

from govgraph.loaders.extract.entities import find_entities
from govgraph.loaders.extract.segment import segment


def _bodies(text: str) -> set[str]:
    entities = find_entities(segment(text).clauses, None)
    return {e.name for e in entities.items.values() if not e.role and not e.collective}


def test_items_separated_by_semicolons_each_take_the_shared_head() -> None:
    text = (
        "Fenmoor Safeguarding Adults Board\n\n"
        "Annual updates from the Audit; Practice Review; Learning and Development; and Communications "
        "Sub-Groups were presented to the Board.\n"
    )
    bodies = _bodies(text)
    assert {
        "Audit Sub-Group",
        "Practice Review Sub-Group",
        "Learning and Development Sub-Group",
        "Communications Sub-Group",
    } <= bodies


def test_without_a_comma_before_and_the_last_two_items_are_two_bodies() -> None:
    text = (
        "Fenmoor Safeguarding Adults Board\n\n"
        "Reports from the Quality Assurance, Practice Review and Communications Sub-Groups were noted.\n"
    )
    bodies = _bodies(text)
    assert {"Quality Assurance Sub-Group", "Practice Review Sub-Group", "Communications Sub-Group"} <= bodies
    assert "Practice Review and Communications Sub-Group" not in bodies


def test_one_plural_name_with_and_inside_it_is_not_split() -> None:
    text = "Fenmoor Health and Wellbeing Board\n\nThe Health and Wellbeing Boards of the region met.\n"
    bodies = _bodies(text)
    assert "Health Board" not in bodies and "Wellbeing Board" not in bodies
