"""Reporting lines in the sentence forms other areas' protocols use (issue 9, session 7), and one chair
of two bodies named with their articles, each on an invented sentence of the same form.

The names ("Kestrel ...", "Wrenford ...") are invented, so a rule keyed to one area's names would not pass.
"""

from __future__ import annotations

import pytest
from govgraph.graph.model import Relation
from govgraph.loaders.extract.entities import find_entities
from govgraph.loaders.extract.relations import Findings, find_relations
from govgraph.loaders.extract.segment import segment

KSAB = "the Kestrel Safeguarding Adults Board (KSAB)"
KHWB = "the Kestrel Health and Wellbeing Board (KHWB)"
PARTIES = f"1. This protocol is agreed by {KSAB} and {KHWB}.\n\n"


def _read(text: str) -> tuple:  # type: ignore[type-arg]
    clauses = segment("Kestrel governance\n\n" + PARTIES + "2. " + text + "\n").clauses
    entities = find_entities(clauses)
    return entities, find_relations(clauses, entities)


def _edges(found: Findings, relation: Relation) -> set[tuple[str, str]]:
    return {(r.source, r.target) for r in found.relations if r.type == relation and r.reason is None}


def _stated(found: Findings) -> set[tuple[Relation, str, str]]:
    return {(r.type, r.source, r.target) for r in found.relations if r.reason is None}


# -- one chair of two bodies, or one body named "A and B" ---------------------------------------------


def test_the_chair_of_two_known_bodies_each_with_its_article_is_one_post_of_both() -> None:
    entities, found = _read(
        "The Chair of the KSAB and the KHWB will report to the Kestrel Council each year."
    )
    chairs = _edges(found, Relation.CHAIRS)
    chair = {source for source, _ in chairs}
    assert len(chair) == 1 and entities.items[next(iter(chair))].role
    assert {target for _, target in chairs} == {"ksab", "khwb"}
    reporting = _edges(found, Relation.REPORTS_TO)
    assert {source for source, _ in reporting} == chair, "the KHWB is no second actor"


def test_the_chair_of_the_a_and_the_b_where_a_is_no_body_chairs_one_body_of_the_longer_name() -> None:
    """'the Kestrel Carers' is no body of the document: the words are one body's name, chaired by one
    post, not a second actor."""
    entities, found = _read(
        "The Chair of the Kestrel Carers and the Young People Forum will report to the Kestrel Council."
    )
    chairs = _edges(found, Relation.CHAIRS)
    assert len(chairs) == 1, chairs
    chair, body = next(iter(chairs))
    assert entities.items[body].name == "Kestrel Carers and the Young People Forum"
    assert {source for source, _ in _edges(found, Relation.REPORTS_TO)} == {chair}


def test_the_chair_of_a_body_and_another_post_stays_two_actors() -> None:
    _, found = _read("The Chair of the KSAB and the Director of Public Health will report to the KHWB.")
    assert {target for _, target in _edges(found, Relation.CHAIRS)} == {"ksab"}
    assert len({source for source, _ in _edges(found, Relation.REPORTS_TO)}) == 2


# -- REPORTS_TO: the forms other areas write a reporting line in ----------------------------------------

KSAB_KHWB = ("ksab", "khwb")


@pytest.mark.parametrize(
    "sentence",
    [
        "The KSAB is accountable to the KHWB for its work.",
        "The KSAB will report annually to the KHWB on its priorities.",
        "The KSAB will report regularly to the KHWB.",
        "Reports from the KSAB go to the KHWB each year.",
        "The KSAB provides an annual report to the KHWB.",
        "The KHWB receives reports from the KSAB.",
        "The KSAB is accountable through the KHWB.",
        "The KSAB will be accountable to the KHWB through its chair.",
        "Progress reports from the KSAB will go to the KHWB.",
        "The KSAB will provide the KHWB with an annual report.",
        "The KSAB will submit its annual report to the KHWB.",
        "The KHWB will receive an annual report from the KSAB.",
        "The KSAB has a reporting line to the KHWB.",
        "The KSAB is answerable to the KHWB.",
        "The KSAB will report progress against its plan to the KHWB.",
        "The annual report of the Kestrel Safeguarding Adults Board will be presented to the KHWB.",
        "The KSAB annual report is brought to the KHWB each year.",
        "The KSAB will publish an annual report and submit it to the KHWB.",
        "The KHWB received an update from the KSAB.",
        "The KSAB is accountable for its work to the KHWB.",
        "Report of the KSAB to the KHWB.",
        "The KSAB will take its annual report to the KHWB.",
        "The KSAB, which reports to the KHWB, meets quarterly.",
        "The KSAB (which is accountable to the KHWB) meets quarterly.",
        "The KHWB will be provided with the KSAB annual report.",
        "The KHWB will be presented with the annual report of the KSAB.",
    ],
)
def test_a_reporting_line_in_the_forms_protocols_use(sentence: str) -> None:
    _, found = _read(sentence)
    assert _edges(found, Relation.REPORTS_TO) == {KSAB_KHWB}, sentence


@pytest.mark.parametrize(
    "sentence", ["The KSAB is held to account by the KHWB.", "The KSAB will be held accountable by the KHWB."]
)
def test_held_to_account_by_keeps_the_direction_stated(sentence: str) -> None:
    _, found = _read(sentence)
    assert (Relation.HOLDS_TO_ACCOUNT, "khwb", "ksab") in _stated(found)
    assert (Relation.HOLDS_TO_ACCOUNT, "ksab", "khwb") not in _stated(found)
    assert KSAB_KHWB[::-1] not in _edges(found, Relation.REPORTS_TO)


@pytest.mark.parametrize(
    "sentence",
    [
        "The KSAB is not accountable to the KHWB.",
        "The KHWB does not receive reports from the KSAB.",
        "The KSAB will report on its priorities in the KHWB's annual report.",
        "The KSAB, which does not report to the KHWB, meets quarterly.",
    ],
)
def test_no_reporting_line_where_none_is_stated(sentence: str) -> None:
    _, found = _read(sentence)
    assert KSAB_KHWB not in _edges(found, Relation.REPORTS_TO), sentence


def test_progress_reported_back_is_the_subject_befores_reporting_line() -> None:
    """'Progress would be reported back to Y' names no author: the body the sentences before were
    about (the subject carried on) reports to Y."""
    _, found = _read(
        "The KSAB explained its plan for the year, with clear outcomes. Progress would be reported back to "
        "the KHWB."
    )
    assert _edges(found, Relation.REPORTS_TO) == {KSAB_KHWB}


# -- the ends a reporting line needs: names a slide runs together, a definition line's term -------------


def test_a_body_name_running_into_the_next_cells_words_ends_at_its_head() -> None:
    entities, _ = _read(
        "Community Safety & Criminal Justice Board Pan-Kestrel partnership groups responsible for delivering "
        "shared priorities. Report to the KHWB."
    )
    board = entities.resolve("Community Safety & Criminal Justice Board")
    assert board is not None and entities.items[board].name == "Community Safety & Criminal Justice Board"
    assert not [e for e in entities.items.values() if "Pan-Kestrel" in e.name]


def test_a_definition_lines_term_is_a_body_that_reports() -> None:
    """'Theme groups (dash) responsible for ..., reporting to Y': a slide's or glossary's definition line
    names the groups it defines, and their reporting line."""
    entities, found = _read(
        "Theme groups \u2013 responsible for delivering shared priorities and work, reporting to the KHWB."
    )
    groups = entities.resolve("Theme groups")
    assert groups is not None and not entities.items[groups].role
    assert _edges(found, Relation.REPORTS_TO) == {(groups, "khwb")}


# -- a council minutes page: the meeting's body takes the reports ------------------------------------


def _minutes(body: str) -> str:
    return f"Issue - meetings\n\nKestrel annual report\n\nMeeting: 03/11/2015 - {body} (Item 5)\n\n"


def test_a_minutes_pages_meeting_body_takes_a_report_it_considered() -> None:
    """'Meeting: DATE - X (Item N)' names the body whose minutes these are; 'The Board considered a
    report of Y' there is Y's report to it, though another Board is named too."""
    text = _minutes("Shadow Kestrel Health Board") + (
        "Minutes:\n\n29.1 The Board considered a report of the Kestrel Safeguarding Adults Board Independent "
        "Chair which presented the annual report of the Kestrel Safeguarding Adults Board.\n"
    )
    clauses = segment(text).clauses
    entities = find_entities(clauses)
    found = find_relations(clauses, entities)
    meeting = entities.meeting
    assert meeting is not None and entities.items[meeting].name == "Shadow Kestrel Health Board"
    chair = entities.resolve("Kestrel Safeguarding Adults Board Independent Chair")
    assert (chair, meeting) in _edges(found, Relation.REPORTS_TO)


def test_a_numbered_decision_to_note_a_report_is_a_clause_and_a_reporting_line() -> None:
    text = _minutes("Cabinet") + (
        "Decision:\n\nDECISION\n\n1. To note the report from the Kestrel Safeguarding Adults Board\n\n"
        "Minutes:\n\nThe Cabinet Member introduced the report.\n"
    )
    segmented = segment(text)
    assert "To note the report from the Kestrel Safeguarding Adults Board" in [
        c.text for c in segmented.clauses
    ]
    entities = find_entities(segmented.clauses)
    found = find_relations(segmented.clauses, entities)
    cabinet = entities.resolve("Cabinet")
    assert cabinet is not None and entities.meeting == cabinet
    board = entities.resolve("Kestrel Safeguarding Adults Board")
    assert _edges(found, Relation.REPORTS_TO) == {(board, cabinet)}


def test_no_meeting_line_no_meeting_body() -> None:
    clauses = segment("Kestrel protocol\n\n1. The Board considered a report of the KSAB.\n").clauses
    entities = find_entities(clauses)
    assert entities.meeting is None
    assert not _edges(find_relations(clauses, entities), Relation.REPORTS_TO)


def test_a_post_that_updated_the_meetings_board_reports_to_it() -> None:
    """'Agenda item for KHWB.' names the meeting's body by its acronym; 'X updated the Board on Y' is
    X's report to that Board, never to the Y named after 'on'."""
    text = (
        "Agenda item\n\nKestrel update\n\nThe Kestrel Health and Wellbeing Board (KHWB) met.\n\n"
        "Agenda item for KHWB.\n\nMinutes:\n\n1. The Kestrel Programme Lead updated the Board on the "
        "mobilisation of the Kestrel Prevention Board (KPB).\n"
    )
    clauses = segment(text).clauses
    entities = find_entities(clauses)
    found = find_relations(clauses, entities)
    assert entities.meeting == "khwb"
    lead = entities.resolve("Kestrel Programme Lead")
    assert _edges(found, Relation.REPORTS_TO) == {(lead, "khwb")}


def test_updated_with_no_actor_as_its_object_is_no_reporting_line() -> None:
    _, found = _read("The KSAB updated the Strategy on the advice of the KHWB.")
    assert not _edges(found, Relation.REPORTS_TO)


def test_a_terms_of_references_reporting_field_is_the_titles_bodys_line() -> None:
    for label in ("Accountable to", "Reports to", "Reporting to"):
        text = (
            "Kestrel Quality Assurance Sub-Group\n\nTerms of Reference\n\n"
            f"{label}: the Kestrel Safeguarding Adults Board\n\n"
            "1. Purpose\n\nThe group will audit practice.\n"
        )
        clauses = segment(text).clauses
        entities = find_entities(clauses)
        group = entities.resolve("Kestrel Quality Assurance Sub-Group")
        board = entities.resolve("Kestrel Safeguarding Adults Board")
        assert _edges(find_relations(clauses, entities), Relation.REPORTS_TO) == {(group, board)}, label


def test_a_report_of_a_body_with_no_receiver_named_is_no_line() -> None:
    _, found = _read("Report of the KSAB on the Kestrel plan.")
    assert not _edges(found, Relation.REPORTS_TO)


# -- one post printed two ways is one role ---------------------------------------------------------


def _pipeline(text: str):  # type: ignore[no-untyped-def]
    from pathlib import Path

    from govgraph.loaders.extract.pipeline import extract_text
    from govgraph.loaders.extract.reading import SourceText

    return extract_text(SourceText(Path("kestrel.txt"), text, False), "Kestrel")


def test_two_names_of_the_one_chair_of_a_body_are_one_role() -> None:
    extraction = _pipeline(
        "Kestrel protocol\n\n"
        "1. The Kestrel Safeguarding Adults Board (KSAB) is chaired by the KSAB Chair.\n\n"
        "2. The Independent Chair of the KSAB will report to the Kestrel Council each year.\n"
    )
    roles = [e for e in extraction.entities.items.values() if e.role]
    assert len(roles) == 1, [r.name for r in roles]
    chair = roles[0]
    assert {chair.name, *chair.aliases} >= {"KSAB Chair", "Independent Chair of the KSAB"}
    stated = {(r.type, r.source, r.target) for r in extraction.findings.relations}
    assert (Relation.CHAIRS, chair.key, "ksab") in stated
    assert (Relation.REPORTS_TO, chair.key, "kestrel-council") in stated


def test_a_vice_chair_stays_a_post_of_its_own() -> None:
    extraction = _pipeline(
        "Kestrel protocol\n\n"
        "1. The Kestrel Safeguarding Adults Board (KSAB) is chaired by the KSAB Chair.\n\n"
        "2. The Vice-Chair of the KSAB will chair the KSAB when the KSAB Chair is absent.\n"
    )
    names = sorted(e.name for e in extraction.entities.items.values() if e.role)
    assert len(names) == 2 and any("Vice" in n for n in names), names


def test_minutes_that_call_their_meeting_the_committee_name_its_body() -> None:
    """Minutes with no meeting line, whose meeting is only 'the committee': the word names the meeting's
    body, and a report presented to it is a reporting line."""
    text = (
        "Agenda item\n\nKestrel annual report\n\nThe Independent Chair of the Kestrel Safeguarding Adults "
        "Board (KSAB) will present the annual report of the KSAB to the committee.\n\nMinutes:\n\n"
        "The annual report was introduced to the committee by the Independent Chair.\n"
    )
    clauses = segment(text).clauses
    entities = find_entities(clauses)
    found = find_relations(clauses, entities)
    committee = entities.meeting
    assert committee is not None and entities.items[committee].name == "committee"
    chair = entities.resolve("Independent Chair of the Kestrel Safeguarding Adults Board")
    assert (chair, committee) in _edges(found, Relation.REPORTS_TO)


def test_no_minutes_line_no_bare_meeting_body() -> None:
    clauses = segment(
        "Kestrel protocol\n\n1. The KSAB will present its annual report to the committee.\n"
    ).clauses
    assert find_entities(clauses).meeting is None


def test_a_summary_of_what_a_report_holds_is_no_report_to_its_hearer() -> None:
    _, found = _read(
        "The KSAB Manager will provide the KHWB with a summary of key points within the Annual Report."
    )
    assert not _edges(found, Relation.REPORTS_TO)


def test_a_post_stated_to_chair_a_body_is_not_merged_into_its_chair_post() -> None:
    """'SAP is chaired by the Cabinet Member for Communities' beside 'the Chair of SAP': the member is a
    post of its own that chairs (reviewed files keep both), not another name of the chair."""
    extraction = _pipeline(
        "Kestrel protocol\n\n1. The Kestrel Safer Partnership (KSP) invites the Chair of KSP to meetings.\n\n"
        "2. KSP is chaired by the Cabinet Member for Communities.\n"
    )
    names = {e.name for e in extraction.entities.items.values() if e.role}
    assert {"Chair of KSP", "Cabinet Member for Communities"} <= names, names
