"""A membership table printed one cell a line under a "Membership" heading (an organisation, then the
posts it sends, each a short title-case line, after a header row "Agency Job Title"): the lines are rows,
members of the body, not headings; the header row is no clause; a post named by its title and remit
("Assistant Director Housing Services", "Acting Designated Nurse Safeguarding Adults") is a post, not a
body (issue 9, layout not read: tables). An invented table."""

from __future__ import annotations

from govgraph.graph.model import Relation
from govgraph.loaders.extract.entities import classify

from tests.extract_forms import extract, stated

TABLE = (
    "The KSAB is made up of the organisations below.\n\n"
    "Membership of the Board\n\n"
    "Agency Job Title\n\n"
    "Kestrel Borough Council\n\n"
    "Director of Adult Social Services\n\n"
    "Assistant Director Housing Services\n\n"
    "Heron Police\n\n"
    "Detective Chief Inspector\n\n"
    "Meetings\n\n"
    "The Board meets four times a year.\n"
)
KSAB = "Kestrel Safeguarding Adults Board"


def test_the_rows_of_a_membership_table_are_members_not_headings() -> None:
    found = extract(TABLE)
    members = {member for member, body in stated(found, Relation.MEMBER_OF) if body == KSAB}
    assert {"Kestrel Borough Council", "Director of Adult Social Services", "Heron Police"} <= members
    # (named with its head in the singular, as every name ending in a plural head is)
    assert {"Assistant Director Housing Service", "Assistant Director Housing Services"} & members
    posts = {e.name for e in found.entities.items.values() if e.role}
    assert any(name.startswith("Assistant Director Housing") for name in posts)


def test_the_header_row_and_a_heading_without_a_post_or_organisation_are_no_members() -> None:
    found = extract(TABLE)
    names = {entity.name for entity in found.entities.items.values()}
    assert not {"Agency Job Title", "Meetings"} & names
    assert any(c.text == "The Board meets four times a year." for c in found.segmented.clauses)


def test_a_post_named_by_its_title_and_remit_is_a_post() -> None:
    assert classify("Assistant Director Housing Services") == "role"
    assert classify("Director Adult Services") == "role"
    assert classify("Kestrel Adult Services") == "body"
