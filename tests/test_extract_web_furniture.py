"""A web page's furniture and a diagram's boxes (invented text, no area's names): a menu line is its own
clause and names no 'Your Council'; a body's name after 'Cookies on the' is the body's; boxes read as
one run are cut where a head repeats."""

from __future__ import annotations

from govgraph.loaders.extract.entities import find_entities
from govgraph.loaders.extract.segment import segment

PAGE = (
    "Skip to main content\n"
    "Home | Your Council | Health and Social Care | Safeguarding | Contact Us\n"
    "Cookies on the Fenmoor Council website\n\n"
    "Fenmoor Safeguarding Adults Board\n\n"
    "The Fenmoor Safeguarding Adults Board (FSAB) is hosted by Fenmoor Council.\n\n"
    "Diagram 1\n\n"
    "Learning from Reviews Sub-Group    Quality Assurance Sub-Group    Prevention Sub-Group\n"
)


def _bodies(text: str, area: str | None = None) -> set[str]:
    entities = find_entities(segment(text).clauses, area)
    return {e.name for e in entities.items.values() if not e.role and not e.collective}


def test_a_menu_line_is_a_clause_of_its_own() -> None:
    clauses = segment(PAGE).clauses
    assert any(c.text.endswith("Contact Us") for c in clauses)


def test_page_furniture_names_no_body() -> None:
    bodies = _bodies(PAGE, "Fenmoor")
    assert "Fenmoor Council" in bodies
    assert not any(name.startswith(("Your", "Contact", "Cookies")) for name in bodies)


def test_boxes_read_as_one_run_are_cut_where_a_head_repeats() -> None:
    bodies = _bodies(PAGE, "Fenmoor")
    assert {"Quality Assurance Sub-Group", "Prevention Sub-Group"} <= bodies
    assert not any(name.count("Sub-Group") > 1 for name in bodies)


def test_two_names_joined_by_and_the_are_still_two() -> None:
    text = "Fenmoor Board\n\nThe Nurse chairs the Audit Review Group and the Learning Group.\n"
    assert {"Audit Review Group", "Learning Group"} <= _bodies(text, "Fenmoor")
