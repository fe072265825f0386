"""A body's report that a meeting took (session 9): minutes say the meeting 'considered the KSAB Annual
Report', or 'To receive the KSAB's annual report', or, under a heading naming the report, only 'considered
the annual report'. The body the report is named by reports to the body that took it: the sentence's
subject, else the meeting whose minutes these are. Invented minutes of invented bodies (Kestrel ...).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from govgraph.graph.model import Relation
from govgraph.loaders.extract.pipeline import Extraction, extract_text
from govgraph.loaders.extract.reading import SourceText

from tests.extract_forms import extract, stated

KSAB = "Kestrel Safeguarding Adults Board"
KHWB = "Kestrel Health and Wellbeing Board"
PANEL = "Kestrel Scrutiny Panel"


def _minutes(text: str, heading: str = "Agenda") -> Extraction:
    page = f"Meeting: 05/12/2016 - {PANEL} (Item 5)\n\n{heading}\n\nMinutes:\n\n{text}\n"
    return extract_text(SourceText(Path("minutes.txt"), page, False), "Kestrel")


@pytest.mark.parametrize(
    "sentence",
    [
        "The KHWB considered the KSAB Annual Report 2015/16.",
        "The KHWB noted the KSAB (KSAB) annual report.",
        "The KHWB received the KSAB's annual report.",
    ],
)
def test_the_body_a_taken_report_is_named_by_reports_to_the_subject(sentence: str) -> None:
    assert stated(extract(sentence), Relation.REPORTS_TO) == {(KSAB, KHWB)}


def test_a_decision_to_receive_a_bodys_report_is_the_meetings() -> None:
    found = _minutes("To receive the Kestrel Safeguarding Adults Board Annual Report.")
    assert (KSAB, PANEL) in stated(found, Relation.REPORTS_TO)


def test_the_annual_report_under_a_heading_naming_it_is_the_headings_bodys() -> None:
    found = _minutes(
        "The Panel considered the annual report and thanked the officers.",
        heading="Kestrel Safeguarding Adults Board Annual Report 2015/16",
    )
    assert (KSAB, PANEL) in stated(found, Relation.REPORTS_TO)


def test_a_body_named_after_a_taken_report_that_names_no_report_is_no_author() -> None:
    found = extract("The KHWB considered the KSAB membership at length.")
    assert stated(found, Relation.REPORTS_TO) == set()


def test_the_report_from_a_named_body_is_not_read_as_the_headings() -> None:
    found = _minutes(
        "To note the report from the Kestrel Safeguarding Adults Board.",
        heading="Kestrel Carers Forum Annual Report 2015/16",
    )
    assert not any(author == "Kestrel Carers Forum" for author, _ in stated(found, Relation.REPORTS_TO))
