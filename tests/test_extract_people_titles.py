"""People named with a rank or title, by surname alone after 'Councillor', or by initial and surname in
brackets after their post (invented sentences, no area's names)."""

from __future__ import annotations

from pathlib import Path

from govgraph.loaders.extract.pipeline import extract_text
from govgraph.loaders.extract.reading import SourceText


def _people(text: str) -> dict[str, set[str]]:
    found = extract_text(SourceText(Path("minutes.txt"), text, False), "Fenmoor")
    names = {key: entity.name for key, entity in found.entities.items.items()}
    return {p.name: {names.get(k, k) for k in p.holds} for p in found.people}


def test_a_rank_or_title_before_a_name_in_those_present() -> None:
    text = (
        "Minutes of the Fenmoor Safeguarding Children Partnership\n\n"
        "Present: Jo Marsh (Chair); Detective Superintendent Ann Bell, Fenmoor Police; Dr Sam Hill, "
        "Designated Doctor, Fenmoor Integrated Care Board.\n"
    )
    people = _people(text)
    assert "Ann Bell" in people
    assert people.get("Sam Hill") == {"Designated Doctor"}
    assert not any(name.startswith(("Detective", "Dr")) for name in people)


def test_a_councillor_named_by_surname_alone() -> None:
    text = (
        "Minutes of the Fenmoor Health and Wellbeing Board\n\n"
        "29.4 Councillor Greaves asked about home education. Councillor Greaves then thanked the Board.\n"
    )
    assert "Greaves" in _people(text)


def test_a_councillor_call_for_action_names_nobody() -> None:
    text = (
        "Fenmoor Crime and Disorder Scrutiny Panel\n\n"
        "The Panel will consider Councillor Calls for Action that arise through the Council's process, and "
        "any Councillor Call for Action referred to it. Councillor Greaves chairs the Panel.\n"
    )
    people = _people(text)
    assert "Greaves" in people
    assert not {"Calls", "Call"} & set(people)


def test_an_initial_and_surname_in_brackets_after_a_post() -> None:
    text = (
        "Decision of the Fenmoor Cabinet\n\n"
        "Action by:\n\n"
        "DIRECTOR, CHILDRENS SERVICES (J. MARSH)\n\n"
        "The report was noted (A. Brown).\n"
    )
    people = _people(text)
    assert people.get("J. MARSH") == {"DIRECTOR, CHILDRENS SERVICES"}
    assert "A. Brown" not in people  # no post beside it
