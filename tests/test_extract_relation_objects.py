"""A relation verb ending in its preposition ('report to', 'in response to', 'accountable to') takes as its
object only the body right after it, a few modifiers aside (session 9): a body named further on, past a
clause of other words, is no end of it. Invented sentences about invented bodies (Kestrel ...).
"""

from __future__ import annotations

import pytest
from govgraph.graph.model import Relation

from tests.extract_forms import extract, stated

KSAB = "Kestrel Safeguarding Adults Board"
KHWB = "Kestrel Health and Wellbeing Board"


def test_a_body_named_past_the_object_of_response_to_is_no_end() -> None:
    found = extract(
        "The KSAB will commission services in direct response to our identified strategic priorities and "
        "manage the funding of the KHWB."
    )
    assert stated(found, Relation.RESPONDS_TO) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "The KSAB reports to the KHWB.",
        "The KSAB reports to the statutory local KHWB each year.",
        "The KSAB will respond to the KHWB within a month.",
    ],
)
def test_the_object_right_after_the_preposition_is_the_end(sentence: str) -> None:
    relation = Relation.RESPONDS_TO if "respond" in sentence else Relation.REPORTS_TO
    assert stated(extract(sentence), relation) == {(KSAB, KHWB)}


@pytest.mark.parametrize(
    "sentence",
    [
        "The KSAB is accountable to, and reports to, the KHWB.",
        "The KSAB will report on its progress to the KHWB.",
        "The KSAB will report on safeguarding to the KHWB each year.",
    ],
)
def test_a_receiver_after_a_comma_or_after_the_topic_is_still_the_end(sentence: str) -> None:
    assert stated(extract(sentence), Relation.REPORTS_TO) == {(KSAB, KHWB)}
