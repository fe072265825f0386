"""A membership list printed as one sentence whose whole is named before the verb ("Members of the KSAB
include A, B and C", "The KSAB's statutory partners are A, B and C"), and list items that name an
organisation through the people it sends ("senior representatives from the Heron Police"): each item is
the organisation, a member of the whole (issue 9, layout not read; entities wrongly bounded).
Invented sentences of those shapes."""

from __future__ import annotations

import pytest
from govgraph.graph.model import Relation

from tests.extract_forms import extract, stated

LISTED = "the Heron Police, the Kestrel Borough Council and Healthwatch Kestrel"
KSAB = "Kestrel Safeguarding Adults Board"
MEMBERS = {("Heron Police", KSAB), ("Kestrel Borough Council", KSAB), ("Healthwatch Kestrel", KSAB)}


@pytest.mark.parametrize(
    "sentence",
    [
        f"Members of the KSAB include {LISTED}.",
        f"Membership of the KSAB comprises {LISTED}.",
        f"The KSAB's statutory partners are {LISTED}.",
        f"The KSAB\u2019s core members will be {LISTED}.",
        "The KSAB is made up of senior representatives from the Heron Police, the Kestrel Borough Council "
        "and Healthwatch Kestrel.",
        "The KSAB brings together nominated officers of the Heron Police, the Kestrel Borough Council and "
        "Healthwatch Kestrel.",
    ],
)
def test_each_item_is_a_member_of_the_whole_named_before_the_verb(sentence: str) -> None:
    found = extract(sentence)
    assert stated(found, Relation.MEMBER_OF) >= MEMBERS
    names = {entity.name for entity in found.entities.items.values()}
    assert not [
        n for n in names if n.lower().startswith(("representatives", "senior", "officers", "nominated"))
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Members of the KSAB are expected to attend, contribute and send deputies.",
        "The KSAB's members are responsible for their own agencies, budgets and staff.",
    ],
)
def test_a_sentence_about_members_that_lists_no_names_adds_no_member(sentence: str) -> None:
    assert not stated(extract(sentence), Relation.MEMBER_OF)
