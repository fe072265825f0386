"""The relation lexicon read between the parties of one clause (session 9): each form an invented sentence
about invented bodies (Kestrel ...), so no rule can lean on one area's names or phrasing.

- cooperation: "works in partnership with", "alongside", "in conjunction with", "liaises with", "has a
  close working relationship with", as well as "works closely with";
- "jointly responsible / chaired / funded" shares an attribute and states no cooperation;
- a reporting line stated inside a relative clause belongs to the clause's antecedent, not to the
  sentence's subject ("The Board oversees the Group, which is accountable to it");
- "provides regular updates to", "is responsible to" state a reporting line.
"""

from __future__ import annotations

import pytest
from govgraph.graph.model import Relation

from tests.extract_forms import extract, stated

KSAB = "Kestrel Safeguarding Adults Board"
KHWB = "Kestrel Health and Wellbeing Board"
KSCP = "Kestrel Safeguarding Children Partnership"
AUDIT = "Kestrel Audit Group"


def _pairs(sentence: str, relation: Relation) -> set[frozenset[str] | tuple[str, str]]:
    found = stated(extract(sentence), relation)
    return {frozenset(p) for p in found} if relation == Relation.COOPERATES_WITH else found


@pytest.mark.parametrize(
    "sentence",
    [
        "The KSAB works closely with the KHWB.",
        "The KSAB works in partnership with the KHWB.",
        "The KSAB will work alongside the KHWB on shared priorities.",
        "The KSAB will work in conjunction with the KHWB.",
        "The KSAB works collaboratively with the KHWB.",
        "The KSAB will liaise with the KHWB.",
        "The KSAB has a close working relationship with the KHWB.",
        "The KSAB will cooperate with the KHWB.",
    ],
)
def test_a_verb_of_working_together_joins_the_subject_and_the_body_after_it(sentence: str) -> None:
    assert _pairs(sentence, Relation.COOPERATES_WITH) == {frozenset({KSAB, KHWB})}


@pytest.mark.parametrize(
    "sentence",
    [
        "The KSAB and the KHWB are jointly responsible for the protocol.",
        "The Kestrel Audit Group is jointly chaired by the KSAB and the KHWB.",
        "The KSAB and the KHWB will be jointly accountable for the strategy.",
    ],
)
def test_a_shared_attribute_states_no_cooperation(sentence: str) -> None:
    assert _pairs(sentence, Relation.COOPERATES_WITH) == set()


def test_jointly_doing_something_still_states_cooperation() -> None:
    assert _pairs(
        "The KSAB and the KHWB will jointly commission an annual review.", Relation.COOPERATES_WITH
    ) == {frozenset({KSAB, KHWB})}


def test_a_reporting_line_in_a_relative_clause_is_the_antecedents_with_it_as_the_subject() -> None:
    found = _pairs(
        "The KSAB oversees the Kestrel Audit Group, which is accountable to it.", Relation.REPORTS_TO
    )
    assert found == {(AUDIT, KSAB)}


def test_which_in_turn_reports_is_the_receivers_line_not_the_subjects() -> None:
    found = _pairs(
        "The Kestrel Audit Group reports to the KSAB, which in turn reports to the KHWB.", Relation.REPORTS_TO
    )
    assert found == {(AUDIT, KSAB), (KSAB, KHWB)}


def test_a_closed_relative_clause_leaves_the_main_verb_to_the_subject() -> None:
    found = _pairs("The Kestrel Audit Group, which meets monthly, reports to the KSAB.", Relation.REPORTS_TO)
    assert found == {(AUDIT, KSAB)}


@pytest.mark.parametrize(
    "sentence",
    [
        "The Kestrel Audit Group provides regular updates to the KSAB.",
        "The Kestrel Audit Group is responsible to the KSAB for its work.",
    ],
)
def test_updates_and_responsibility_to_a_body_are_a_reporting_line(sentence: str) -> None:
    assert _pairs(sentence, Relation.REPORTS_TO) == {(AUDIT, KSAB)}
