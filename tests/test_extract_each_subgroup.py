"""'Each sub-group reports to the Board' after the sub-groups are named (session 9), and a purpose ('for
scrutiny', 'for review') whose actor must be the body the thing goes to. Invented text about invented
bodies (Kestrel ...).
"""

from __future__ import annotations

import pytest
from govgraph.graph.model import Relation

from tests.extract_forms import extract, stated

KSAB = "Kestrel Safeguarding Adults Board"
KHWB = "Kestrel Health and Wellbeing Board"
GROUPS = "The KSAB has two sub-groups: the Kestrel Audit Group and the Kestrel Learning Group. "


@pytest.mark.parametrize(
    "sentence",
    [
        "Each sub-group is chaired by a member of the KSAB and reports to the KSAB quarterly.",
        "Each sub-group reports to the KSAB.",
        "All sub-groups report to the KSAB.",
        "The sub-groups will report to the KSAB twice a year.",
    ],
)
def test_each_named_sub_group_reports_where_the_sub_groups_do(sentence: str) -> None:
    found = stated(extract(GROUPS + sentence), Relation.REPORTS_TO)
    assert found == {("Kestrel Audit Group", KSAB), ("Kestrel Learning Group", KSAB)}


def test_a_member_of_the_board_chairing_a_sub_group_is_no_chair_of_it_by_the_board() -> None:
    found = stated(extract(GROUPS + "Each sub-group is chaired by a member of the KSAB."), Relation.CHAIRS)
    assert not any(chair == KSAB for chair, _ in found)


def test_a_purpose_names_its_actor_only_after_to() -> None:
    found = extract("The Director of Adult Services considers referrals to the KSAB for review.")
    assert ("Kestrel Safeguarding Adults Board", "Director of Adult Services") in stated(
        found, Relation.SCRUTINISES
    )
    found = extract("The Director of Adult Services considers referrals for review.")
    assert stated(found, Relation.SCRUTINISES) == set()


def test_a_report_to_a_body_for_scrutiny_is_scrutinised_by_it() -> None:
    found = extract("The KSAB will submit its annual report to the KHWB for scrutiny.")
    assert (KHWB, KSAB) in stated(found, Relation.SCRUTINISES)
