"""A reporting line inside a that-clause is its own subject's (session 9): minutes' decisions ("RESOLVED:
That the KSAB report to the KHWB annually"), reported speech ("She explained that the KSAB was
accountable to the KHWB"), and requirements ("The KHWB will ensure that the KSAB reports to the KSCP":
the KSAB reports, not the KHWB). Invented sentences about invented bodies (Kestrel ...).
"""

from __future__ import annotations

import pytest
from govgraph.graph.model import Relation

from tests.extract_forms import extract, stated

KSAB = "Kestrel Safeguarding Adults Board"
KHWB = "Kestrel Health and Wellbeing Board"
KSCP = "Kestrel Safeguarding Children Partnership"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("RESOLVED: That the KSAB report to the KHWB annually.", {(KSAB, KHWB)}),
        ("She explained that the KSAB was accountable to the KHWB.", {(KSAB, KHWB)}),
        ("It was agreed that the KSAB should continue to report to the KHWB.", {(KSAB, KHWB)}),
        ("The KHWB will ensure that the KSAB reports to the KSCP.", {(KSAB, KSCP)}),
        ("The KSAB noted that the KHWB had reported to the KSCP on progress.", {(KHWB, KSCP)}),
        ("The Chair said that the KSAB does not report to the KHWB.", set()),
        ("The KSAB reports to the KHWB and ensures that partners are informed.", {(KSAB, KHWB)}),
    ],
)
def test_a_that_clauses_reporting_line_is_its_own_subjects(
    sentence: str, expected: set[tuple[str, str]]
) -> None:
    assert stated(extract(sentence), Relation.REPORTS_TO) == expected
