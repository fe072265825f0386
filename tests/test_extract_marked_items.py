"""A membership lead-in whose items the layout printed as marked paragraphs ("i. ...", "(b) ...", "3) ...")
rather than bullets (session 9): each marked paragraph after the lead-in is one of its items, until a
paragraph that is not marked; and "Elected Member - Leader of the X Group" is the post after the dash.
Invented text about invented bodies (Kestrel ...).
"""

from __future__ import annotations

from pathlib import Path

from govgraph.loaders.extract.pipeline import Extraction, extract_text
from govgraph.loaders.extract.reading import SourceText

OPENING = (
    "Kestrel Health and Wellbeing Board terms of reference\n\n"
    "1. The Kestrel Health and Wellbeing Board (KHWB) is a committee of Kestrel Council.\n\n"
)


def _read(text: str) -> Extraction:
    return extract_text(SourceText(Path("terms.txt"), OPENING + text + "\n", False), "Kestrel")


def _members(found: Extraction) -> set[tuple[str, str]]:
    names = {key: entity.name for key, entity in found.entities.items.items()}
    return {
        (names[r.source], names[r.target])
        for r in found.findings.relations
        if r.type.value == "MEMBER_OF" and r.reason is None
    }


def test_roman_marked_paragraphs_after_a_membership_lead_in_are_its_members() -> None:
    found = _read(
        "2. The membership of the KHWB will consist of:\n\n"
        "i. The Director of Public Health\n\n"
        "ii. The Director of Adult Social Services\n\n"
        "iii. The Chief Officer of Kestrel Healthwatch\n\n"
        "The Board meets quarterly."
    )
    board = "Kestrel Health and Wellbeing Board"
    members = _members(found)
    assert ("Director of Public Health", board) in members
    assert ("Director of Adult Social Services", board) in members


def test_a_paragraph_that_is_not_marked_ends_the_list() -> None:
    found = _read(
        "2. The membership of the KHWB will consist of:\n\n"
        "(a) The Director of Public Health\n\n"
        "The Director of Adult Social Services attends the Kestrel Council Cabinet.\n\n"
        "(b) The Kestrel Police Commander will be invited."
    )
    members = _members(found)
    assert ("Director of Public Health", "Kestrel Health and Wellbeing Board") in members
    assert not any(member == "Kestrel Police Commander" for member, _ in members)


def test_marked_paragraphs_after_no_lead_in_are_no_members() -> None:
    found = _read("2. The KHWB meets quarterly.\n\ni. The Director of Public Health\n\nii. The Chief Officer")
    assert _members(found) == set()


def test_the_post_after_a_dash_is_the_member_not_the_general_post_before_it() -> None:
    found = _read(
        "2. The membership of the KHWB will consist of:\n\n"
        "i. Elected Member \u2013 Leader of the Kestrel Opposition Group\n\n"
        "ii. The Director of Public Health\n\n"
        "The Board meets quarterly."
    )
    members = {member for member, _ in _members(found)}
    assert "Elected Member" not in members
    assert any("Leader of the Kestrel Opposition Group" in m for m in members)
