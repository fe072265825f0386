"""A group's name printed with its head word in lower case after one capitalised word or acronym ("the
Executive group", "the Audit panel", "the SAR sub group"): one body, so the relation it is an end of is
found; with "of the" inside ("the Voice of the Learner sub group") its tail is no body of its own (issue
9, entities missing or wrongly bounded). Invented sentences."""

from __future__ import annotations

import pytest
from govgraph.graph.model import Relation

from tests.extract_forms import extract, stated

KSAB = "Kestrel Safeguarding Adults Board"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The Executive group reports to the KSAB.", "Executive group"),
        ("The Audit panel reports to the KSAB.", "Audit panel"),
        ("The SAR sub group reports to the KSAB.", "SAR sub group"),
        (
            "The Quality and Performance sub-committee reports to the KSAB.",
            "Quality and Performance sub-committee",
        ),
    ],
)
def test_a_name_with_a_lower_case_head_is_one_body(sentence: str, name: str) -> None:
    assert stated(extract(sentence), Relation.REPORTS_TO) == {(name, KSAB)}


def test_a_lower_case_group_after_no_capitalised_word_names_no_body() -> None:
    found = extract("The working group reports to the KSAB.")
    assert not {entity.name for entity in found.entities.items.values()} & {"working group", "group"}


def test_the_tail_of_a_name_with_of_the_inside_is_no_body_of_its_own() -> None:
    found = extract("The Voice of the Learner sub group reports to the KSAB.")
    assert "Learner sub group" not in {entity.name for entity in found.entities.items.values()}
