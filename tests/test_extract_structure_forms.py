"""Sub-groups, chairs, fronted reporting lines and cooperation in more of the shapes English protocols print
them in (session 9), each on an invented sentence about invented bodies (Kestrel ...):

- "is a task and finish group of", "is one of the sub-groups of", "was established as a sub-group of",
  "is a joint sub-group of the A and the B" (both parents), "is supported by a number of sub-groups,
  including A and B";
- "X is the Chair of the Y" where the entities know the post "Chair of the Y" (or not even Y), and
  "X will chair the Y";
- "Reporting to the Board are the A and the B" (the subjects after the verb);
- "The A, working closely with the B, will ..." and "The A and the B will collaborate on ...".
"""

from __future__ import annotations

import pytest
from govgraph.graph.model import Relation

from tests.extract_forms import extract, stated

KSAB = "Kestrel Safeguarding Adults Board"
KHWB = "Kestrel Health and Wellbeing Board"
KSCP = "Kestrel Safeguarding Children Partnership"
AUDIT = "Kestrel Audit Group"
LEARNING = "Kestrel Learning Group"
DPH = "Director of Public Health"


@pytest.mark.parametrize(
    "sentence",
    [
        "The Kestrel Audit Group is a task and finish group of the KSAB.",
        "The Kestrel Audit Group is one of the sub-groups of the KSAB.",
        "The Kestrel Audit Group was established as a sub-group of the KSAB.",
        "The Kestrel Audit Group is a standing sub-committee of the KSAB.",
    ],
)
def test_a_qualified_part_noun_of_a_body_is_a_sub_group(sentence: str) -> None:
    assert stated(extract(sentence), Relation.SUBGROUP_OF) == {(AUDIT, KSAB)}


def test_a_joint_sub_group_of_two_bodies_is_a_sub_group_of_each() -> None:
    found = stated(
        extract("The Kestrel Audit Group is a joint sub-group of the KSAB and the KSCP."),
        Relation.SUBGROUP_OF,
    )
    assert found == {(AUDIT, KSAB), (AUDIT, KSCP)}


def test_a_body_named_further_on_is_no_parent() -> None:
    """'are groups of professionals from the KSAB': the body is not right after 'of'."""
    found = stated(
        extract(
            "The Kestrel Audit Group and the Kestrel Learning Group are groups of professionals from "
            "the KSAB."
        ),
        Relation.SUBGROUP_OF,
    )
    assert found == set()


def test_a_body_supported_by_sub_groups_including_some_has_them_as_sub_groups() -> None:
    found = stated(
        extract(
            "The KSAB is supported by a number of sub-groups, including the Kestrel Audit Group and the "
            "Kestrel Learning Group."
        ),
        Relation.SUBGROUP_OF,
    )
    assert found == {(AUDIT, KSAB), (LEARNING, KSAB)}


@pytest.mark.parametrize(
    "sentence",
    [
        "The Director of Public Health is the Chair of the Kestrel Audit Group.",
        "The Director of Public Health will chair the Kestrel Audit Group.",
        "The Kestrel Audit Group meets. The Director of Public Health chairs the Kestrel Audit Group.",
    ],
)
def test_a_post_that_is_or_will_be_the_chair_of_a_body_chairs_it(sentence: str) -> None:
    assert (DPH, AUDIT) in stated(extract(sentence), Relation.CHAIRS)


def test_the_chair_of_a_body_named_only_there_is_a_post_of_a_new_body() -> None:
    found = extract("The Director of Public Health is the Chair of the Kestrel Practice Review Panel.")
    assert stated(found, Relation.CHAIRS) == {(DPH, "Kestrel Practice Review Panel")}


def test_reporting_to_a_body_are_the_groups_after_the_verb() -> None:
    found = stated(
        extract("Reporting to the KSAB are the Kestrel Audit Group and the Kestrel Learning Group."),
        Relation.REPORTS_TO,
    )
    assert found == {(AUDIT, KSAB), (LEARNING, KSAB)}


def test_the_fronted_reporting_form_with_a_comma_still_reads() -> None:
    found = stated(
        extract("Reporting to the KSAB, the Kestrel Audit Group reviews cases."), Relation.REPORTS_TO
    )
    assert found == {(AUDIT, KSAB)}


@pytest.mark.parametrize(
    "sentence",
    [
        "The KSAB, working closely with the KHWB, will publish a strategy.",
        "The KSAB, in partnership with the KHWB, will publish a strategy.",
        "The KSAB and the KHWB will collaborate on shared priorities.",
    ],
)
def test_a_participle_or_a_coordinated_subject_states_cooperation(sentence: str) -> None:
    found = {frozenset(p) for p in stated(extract(sentence), Relation.COOPERATES_WITH)}
    assert found == {frozenset({KSAB, KHWB})}


def test_collaborating_with_a_third_body_joins_each_owner_to_it_not_to_each_other() -> None:
    found = {
        frozenset(p)
        for p in stated(
            extract("The KSAB and the KHWB will collaborate with the KSCP."), Relation.COOPERATES_WITH
        )
    }
    assert frozenset({KSAB, KHWB}) not in found
    assert found == {frozenset({KSAB, KSCP}), frozenset({KHWB, KSCP})}


@pytest.mark.parametrize(
    "sentence",
    [
        "The KSAB, together with the KHWB, is a party to this protocol.",
        "Alongside the KHWB, the KSAB has a duty to publish a plan.",
        "The KSAB works to protect adults at risk in the area of the KHWB.",
        "The KSAB was established as a statutory body by the KHWB.",
    ],
)
def test_a_coordination_or_a_shared_aim_states_no_cooperation(sentence: str) -> None:
    assert stated(extract(sentence), Relation.COOPERATES_WITH) == set()
