"""Where a group sits in a structure (session 9): "sits under", "is part of the (governance) structure of",
"forms part of", "Three sub-groups sit under X: A, B and C", fronted "Under X sit A and B", and every group
of "has established the A and the B". Only a part (a group, committee, panel ...) becomes a sub-group:
an organisation that is part of a board is its member, not its sub-group. Invented sentences about
invented bodies (Kestrel ...).
"""

from __future__ import annotations

import pytest
from govgraph.graph.model import Relation

from tests.extract_forms import extract, stated

KSAB = "Kestrel Safeguarding Adults Board"
AUDIT = "Kestrel Audit Group"
LEARNING = "Kestrel Learning Group"


@pytest.mark.parametrize(
    "sentence",
    [
        "The Kestrel Audit Group sits under the KSAB.",
        "The Kestrel Audit Group is part of the governance structure of the KSAB.",
        "The Kestrel Audit Group forms part of the KSAB.",
    ],
)
def test_a_group_that_sits_under_or_is_part_of_a_body_is_its_sub_group(sentence: str) -> None:
    assert stated(extract(sentence), Relation.SUBGROUP_OF) == {(AUDIT, KSAB)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Two sub-groups sit under the KSAB: the Kestrel Audit Group and the Kestrel Learning Group.",
        "Under the KSAB sit the Kestrel Audit Group and the Kestrel Learning Group.",
        "The KSAB has established the Kestrel Audit Group and the Kestrel Learning Group.",
    ],
)
def test_every_group_listed_under_a_body_is_its_sub_group(sentence: str) -> None:
    assert stated(extract(sentence), Relation.SUBGROUP_OF) == {(AUDIT, KSAB), (LEARNING, KSAB)}


def test_an_organisation_that_is_part_of_a_board_is_no_sub_group() -> None:
    assert stated(extract("Kestrel Council is part of the KSAB."), Relation.SUBGROUP_OF) == set()


def test_a_group_that_does_not_sit_under_a_body_is_no_sub_group() -> None:
    found = extract("The Kestrel Audit Group does not sit under the KSAB.")
    assert stated(found, Relation.SUBGROUP_OF) == set()
