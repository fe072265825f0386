"""A list of names that share one plural head printed once after the last item ('the Audit; Practice
Review; and Communications Sub-Groups') names one body per item: invented sentences, no area's names."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from govgraph.loaders.extract.entities import find_entities
from govgraph.loaders.extract.segment import segment

from govgraph.cli import main


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


def test_a_joined_name_a_post_belongs_to_is_kept_and_the_draft_validates(tmp_path: Path) -> None:
    """'the Practice Review and Learning Sub-Group' read as one name is dropped in favour of the list's
    items only while nothing refers to it: a post whose body it is (its Chair) would otherwise name an
    unknown body, and the draft would fail its own validation."""
    source = tmp_path / "protocol.txt"
    source.write_text(
        "Fenmoor Safeguarding Adults Board protocol\n\n"
        "1. The Board has three sub-groups: the Audit, Practice Review and Learning Sub-Groups.\n\n"
        "2. The Chair of the Practice Review and Learning Sub-Group reports to the Board.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["extract", str(source), "--area", "Fenmoor", "-o", str(tmp_path / "d.yaml")]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "d.yaml").is_file()
