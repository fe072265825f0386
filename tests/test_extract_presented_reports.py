"""Reports presented at a meeting (session 9): minutes state a reporting line by who presented what to whom,
on invented minutes of invented bodies (Kestrel ...).

- "The Director of Adult Services introduced a report ...": the presenter's post reports to the body
  whose minutes these are; "... presented the Annual Report to the KHWB": to the body named after 'to';
- a post of the meeting's own body ("the Cabinet Member for Health" at the Cabinet) reports to no one by
  presenting to it;
- "presented the KSAB Annual Report" makes the KSAB no receiver (it names the report);
- "The KSAB Annual Report was presented to the KHWB": the passive in the past tense.
"""

from __future__ import annotations

from pathlib import Path

from govgraph.graph.model import Relation
from govgraph.loaders.extract.pipeline import Extraction, extract_text
from govgraph.loaders.extract.reading import SourceText

from tests.extract_forms import extract, stated


def _minutes(meeting: str, text: str) -> Extraction:
    page = f"Meeting: 05/12/2016 - {meeting} (Item 5)\n\nKestrel Safeguarding Adults Board Annual Report\n\n"
    page += "Minutes:\n\n" + text + "\n"
    return extract_text(SourceText(Path("minutes.txt"), page, False), "Kestrel")


def test_the_post_that_introduced_a_report_reports_to_the_meetings_body() -> None:
    found = _minutes(
        "Kestrel Scrutiny Panel",
        "The Director of Adult Services introduced a report on the work of the Kestrel Safeguarding Adults "
        "Board.",
    )
    assert stated(found, Relation.REPORTS_TO) == {("Director of Adult Services", "Kestrel Scrutiny Panel")}


def test_a_person_named_before_the_post_is_passed_over_for_the_post() -> None:
    found = _minutes(
        "Kestrel Scrutiny Panel",
        "Jo Bloggs, Independent Chair of the Kestrel Safeguarding Adults Board (KSAB), presented the Annual "
        "Report 2015/16.",
    )
    assert stated(found, Relation.REPORTS_TO) == {
        ("Independent Chair of the Kestrel Safeguarding Adults Board", "Kestrel Scrutiny Panel")
    }


def test_a_post_of_the_meetings_own_body_presenting_to_it_is_no_reporting_line() -> None:
    found = _minutes("Cabinet", "Councillor Jo Bloggs, Cabinet Member for Health, introduced the report.")
    assert stated(found, Relation.REPORTS_TO) == set()


def test_the_body_named_after_to_receives_the_presented_report() -> None:
    found = extract(
        "Jo Bloggs, Independent Chair of the KSAB, presented the Annual Report to the KHWB on 3 March."
    )
    chair = {s for s, t in stated(found, Relation.REPORTS_TO) if t == "Kestrel Health and Wellbeing Board"}
    assert chair and all("Chair" in s for s in chair)


def test_the_body_a_presented_report_is_named_after_receives_nothing() -> None:
    found = extract("The Independent Chair of the KSAB presented the KSAB Annual Report.")
    assert stated(found, Relation.REPORTS_TO) == set()


def test_a_report_that_was_presented_to_a_body_is_its_authors_reporting_line() -> None:
    found = extract("The KSAB Annual Report was presented to the KHWB in March.")
    assert stated(found, Relation.REPORTS_TO) == {
        ("Kestrel Safeguarding Adults Board", "Kestrel Health and Wellbeing Board")
    }


def test_an_update_on_a_bodys_work_makes_that_body_no_receiver() -> None:
    found = _minutes(
        "Kestrel Scrutiny Panel",
        "The Director of Adult Services provided an update on the work of the Kestrel Safeguarding Adults "
        "Board.",
    )
    assert stated(found, Relation.REPORTS_TO) == {("Director of Adult Services", "Kestrel Scrutiny Panel")}


def test_a_report_presented_by_a_post_is_the_posts_reporting_line_to_the_meeting() -> None:
    found = _minutes(
        "Kestrel Scrutiny Panel",
        "The annual report of the Kestrel Safeguarding Adults Board was introduced by Jo Bloggs, Independent "
        "Chair of the Kestrel Safeguarding Adults Board.",
    )
    assert (
        "Independent Chair of the Kestrel Safeguarding Adults Board",
        "Kestrel Scrutiny Panel",
    ) in stated(found, Relation.REPORTS_TO)


def test_a_report_presented_to_a_named_body_by_a_post_goes_to_that_body() -> None:
    found = extract("The annual report was presented to the KHWB by the Director of Adult Services.")
    assert stated(found, Relation.REPORTS_TO) == {
        ("Director of Adult Services", "Kestrel Health and Wellbeing Board")
    }


def test_a_post_that_attended_to_present_the_report_reports_to_the_meeting() -> None:
    found = _minutes(
        "Kestrel Scrutiny Panel",
        "The Director of Adult Services attended the meeting to present the annual report.",
    )
    assert stated(found, Relation.REPORTS_TO) == {("Director of Adult Services", "Kestrel Scrutiny Panel")}


def test_a_motion_presented_by_a_post_is_no_report() -> None:
    found = _minutes("Kestrel Scrutiny Panel", "The motion was presented by the Director of Adult Services.")
    assert stated(found, Relation.REPORTS_TO) == set()
