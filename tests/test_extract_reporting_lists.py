"""A lead-in whose subject is its list and whose verb is a reporting line ("The following groups report
to the KSAB:", "Reporting to the KSAB are:"): every item below reports to the body the lead-in ends with
(issue 9, layout not read). Invented sentences of that shape."""

from __future__ import annotations

import pytest
from govgraph.graph.model import Relation

from tests.extract_forms import extract, stated

ITEMS = "\n- the Audit Review Group\n- the Learning Practice Group"
BOTH = {("Audit Review Group", "Kestrel Safeguarding Adults Board"),
        ("Learning Practice Group", "Kestrel Safeguarding Adults Board")}  # fmt: skip


@pytest.mark.parametrize(
    "lead",
    [
        "The following groups report to the KSAB:",
        "These groups are accountable to the KSAB:",
        "Reporting to the KSAB are:",
        "The following groups feed into the KSAB as follows:",
    ],
)
def test_every_item_reports_to_the_body_the_lead_in_ends_with(lead: str) -> None:
    assert stated(extract(lead + ITEMS), Relation.REPORTS_TO) >= BOTH


@pytest.mark.parametrize(
    "lead",
    [
        "The KSCP reports to the KSAB on:",  # a body's own report: the items are its topics
        "The following groups do not report to the KSAB:",
        "The following groups report to the KSAB on their work and on:",
    ],
)
def test_no_item_reports_when_the_lead_in_has_its_own_subject_or_goes_on(lead: str) -> None:
    found = stated(extract(lead + ITEMS), Relation.REPORTS_TO)
    assert not {source for source, _ in found} & {"Audit Review Group", "Learning Practice Group"}
