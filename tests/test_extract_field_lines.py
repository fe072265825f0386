"""A group's terms of reference printed as field lines under its name ("Audit Review Group" / "Reports
to: KSAB" / "Chair: Designated Nurse"), the name a heading of its own or a numbered line ("3.1 Audit
Review Group"): the fields are about the group just named (issue 9, layout not read: tables and
headings). Also "Head of Quality", a post by its complement. Invented terms of reference."""

from __future__ import annotations

import pytest
from govgraph.graph.model import Relation

from tests.extract_forms import extract, stated

KSAB, KSCP = "Kestrel Safeguarding Adults Board", "Kestrel Safeguarding Children Partnership"


@pytest.mark.parametrize(
    "layout",
    [
        "Sub-groups\n\nAudit Review Group\n\nReports to: KSAB\n\nChair: Designated Nurse\n",
        "Sub-groups\n\nAudit Review Group\nAccountable to: the KSAB\nChaired by: the Designated Nurse\n",
    ],
)
def test_the_fields_under_a_groups_name_are_its_own(layout: str) -> None:
    found = extract(layout)
    assert stated(found, Relation.REPORTS_TO) == {("Audit Review Group", KSAB)}
    assert stated(found, Relation.CHAIRS) == {("Designated Nurse", "Audit Review Group")}


def test_each_numbered_groups_fields_are_its_own() -> None:
    found = extract(
        "Sub-groups\n\n3.1 Audit Review Group\n\nReports to: KSAB\n\nChair: Designated Nurse\n\n"
        "3.2 Learning Practice Group\n\nAccountable to: KSCP\n\nChair: Head of Quality\n"
    )
    assert stated(found, Relation.REPORTS_TO) == {
        ("Audit Review Group", KSAB),
        ("Learning Practice Group", KSCP),
    }
    assert stated(found, Relation.CHAIRS) == {
        ("Designated Nurse", "Audit Review Group"),
        ("Head of Quality", "Learning Practice Group"),
    }


def test_a_field_after_a_sentence_is_not_the_last_named_groups() -> None:
    found = extract(
        "Sub-groups\n\n3.1 Audit Review Group\n\nThe group meets every quarter to review audits.\n\n"
        "Chair: Designated Nurse\n"
    )
    assert ("Designated Nurse", "Audit Review Group") not in stated(found, Relation.CHAIRS)
