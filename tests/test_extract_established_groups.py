"""A group a body says it has set up ("The KSCP has established an Audit Review Group", "The KSAB has set
up a Learning Review Group to ..."): one group introduced by its name (not a kind, though after "a"), and
a sub-group of the body that set it up (issue 9, sentence forms). Invented sentences."""

from __future__ import annotations

import pytest
from govgraph.graph.model import Relation

from tests.extract_forms import extract, stated


@pytest.mark.parametrize(
    ("sentence", "group", "whole"),
    [
        (
            "The KSCP has established an Audit Review Group.",
            "Audit Review Group",
            "Kestrel Safeguarding Children Partnership",
        ),
        (
            "The KSAB has set up a Learning Review Group to oversee reviews.",
            "Learning Review Group",
            "Kestrel Safeguarding Adults Board",
        ),
        (
            "The KHWB has also convened a Joint Commissioning Panel.",
            "Joint Commissioning Panel",
            "Kestrel Health and Wellbeing Board",
        ),
    ],
)
def test_a_group_the_body_set_up_is_its_sub_group(sentence: str, group: str, whole: str) -> None:
    assert stated(extract(sentence), Relation.SUBGROUP_OF) == {(group, whole)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Each local authority must set up a Safeguarding Adults Board.",  # a duty, a kind: no one body
        "The KSAB has not established a Learning Review Group.",
    ],
)
def test_a_group_to_be_set_up_or_not_set_up_is_no_sub_group(sentence: str) -> None:
    assert not stated(extract(sentence), Relation.SUBGROUP_OF)
