"""A reporting line fronted before its subject ("Reporting to the KSAB, the Audit Review Group ...",
"Accountable to the KSCP, the Panel ..."): the subject after the comma reports to the body the fronted
phrase names (issue 9, sentence forms: participial and fronted forms). Invented sentences."""

from __future__ import annotations

import pytest
from govgraph.graph.model import Relation

from tests.extract_forms import extract, stated


@pytest.mark.parametrize(
    ("sentence", "receiver"),
    [
        (
            "Reporting to the KSAB, the Audit Review Group monitors the data.",
            "Kestrel Safeguarding Adults Board",
        ),
        (
            "Accountable to the KSCP, the Audit Review Group meets monthly.",
            "Kestrel Safeguarding Children Partnership",
        ),
        (
            "Reporting directly to the KHWB, the Audit Review Group publishes its plan.",
            "Kestrel Health and Wellbeing Board",
        ),
    ],
)
def test_the_subject_after_the_comma_reports_to_the_fronted_body(sentence: str, receiver: str) -> None:
    assert stated(extract(sentence), Relation.REPORTS_TO) == {("Audit Review Group", receiver)}


def test_reporting_as_a_subject_with_no_comma_names_no_reporting_line() -> None:
    found = extract("Reporting to the KSAB is a duty of the Audit Review Group and of the KSCP.")
    assert not stated(found, Relation.REPORTS_TO) - {
        ("Audit Review Group", "Kestrel Safeguarding Adults Board")
    }
    assert ("Kestrel Safeguarding Children Partnership", "Kestrel Safeguarding Adults Board") not in stated(
        found, Relation.REPORTS_TO
    )
