"""Groups a text sets up, says exist or gives a purpose to, printed in lower case (invented sentences,
no area's names)."""

from __future__ import annotations

from govgraph.loaders.extract.entities import find_entities
from govgraph.loaders.extract.segment import segment


def _bodies(text: str, area: str | None = None) -> set[str]:
    entities = find_entities(segment(text).clauses, area)
    return {e.name for e in entities.items.values() if not e.role and not e.collective}


def test_a_group_the_text_sets_up_is_a_body() -> None:
    text = (
        "Minutes of the Fenmoor Safeguarding Children Board\n\n"
        "A pilot induction group had been established to train new members of both boards. A local "
        "review panel would be set up next year.\n"
    )
    assert {"pilot induction group", "local review panel"} <= _bodies(text)


def test_a_group_said_to_exist_is_a_body() -> None:
    text = (
        "Fenmoor Safeguarding Children Board\n\n"
        "There are several sub groups, and an executive group in addition to the main Board.\n"
    )
    assert "executive group" in _bodies(text)


def test_a_group_given_its_purpose_is_a_body() -> None:
    text = (
        "Fenmoor Safeguarding Adults Board sub-groups\n\n"
        "The purpose of the learning and development sub-group is to make sure staff are trained.\n"
    )
    assert "learning and development sub-group" in _bodies(text)


def test_a_kind_of_group_said_of_a_named_body_is_no_body() -> None:
    text = (
        "Fenmoor Safeguarding Adults Board\n\n"
        "The Fenmoor Safeguarding Adults Board is a multi-agency group. The relevant group was set up "
        "by the partners. The Council had to set up a joint committee.\n"
    )
    bodies = _bodies(text)
    assert not any(name.endswith(("group", "committee")) for name in bodies)


def test_full_council_is_the_council_when_none_is_named_in_full() -> None:
    text = (
        "Minutes of the Health and Wellbeing Board\n\n"
        "The terms of reference of the Fenmoor Health and Wellbeing Partnership were agreed at full "
        "Council in November.\n"
    )
    assert "Council" in _bodies(text)


def test_capitalised_words_before_a_lower_case_working_group_name_it() -> None:
    text = (
        "Fenmoor Safeguarding Adults Board\n\n"
        "The group will liaise with and report to Practice Standards working group each quarter.\n"
    )
    assert "Practice Standards working group" in _bodies(text)
