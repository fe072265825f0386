"""Approval needed from named bodies, and bodies named 'as members' of the one they set up (session 9), on
invented sentences about invented bodies (Kestrel ...):

- "The terms of reference of the KSAB may only be changed with the joint approval of the KHWB and the
  KSCP": the KSAB seeks the approval of each;
- "The KSAB was established jointly by the KHWB and the KSCP as equal partners and statutory members":
  each founder is a member of the KSAB (the sentence is a declaration of equal standing too);
- an acronym in brackets does not break a coordinated group: "the Kestrel Care Board (KCB) and the KSCP".
"""

from __future__ import annotations

from govgraph.graph.model import Relation

from tests.extract_forms import extract, stated

KSAB = "Kestrel Safeguarding Adults Board"
KHWB = "Kestrel Health and Wellbeing Board"
KSCP = "Kestrel Safeguarding Children Partnership"


def test_a_change_needing_the_approval_of_bodies_seeks_it_from_each() -> None:
    found = extract(
        "The terms of reference of the KSAB may only be changed with the joint approval of the KHWB and the "
        "KSCP."
    )
    assert stated(found, Relation.SEEKS_APPROVAL_FROM) == {(KSAB, KHWB), (KSAB, KSCP)}


def test_subject_to_the_agreement_of_a_body_is_an_approval_sought() -> None:
    found = extract("Any change to the budget of the KSAB is subject to the agreement of the KHWB.")
    assert stated(found, Relation.SEEKS_APPROVAL_FROM) == {(KSAB, KHWB)}


def test_an_approval_of_no_named_body_is_no_relation() -> None:
    found = extract("The plan of the KSAB is subject to the approval of its members.")
    assert stated(found, Relation.SEEKS_APPROVAL_FROM) == set()


def test_founders_named_as_members_are_members_of_what_they_established() -> None:
    found = extract(
        "The KSAB was established jointly by the KHWB and the KSCP as equal partners and statutory members."
    )
    assert {(KHWB, KSAB), (KSCP, KSAB)} <= stated(found, Relation.MEMBER_OF)


def test_an_acronym_in_brackets_keeps_the_group_together() -> None:
    found = extract(
        "The KSAB was established by the Kestrel Care Board (KCB) and the KSCP as founding members."
    )
    assert {("Kestrel Care Board", KSAB), (KSCP, KSAB)} <= stated(found, Relation.MEMBER_OF)
