"""A terms of reference's membership field under a group's heading (session 9): "Membership: A; B; C" or
"Members: A, B and C" makes each post or body it names a member of the group the heading names, with the
capacity its own item states. Invented text about invented bodies (Kestrel ...).
"""

from __future__ import annotations

from pathlib import Path

from govgraph.graph.model import Capacity, Relation
from govgraph.loaders.extract.pipeline import Extraction, extract_text
from govgraph.loaders.extract.reading import SourceText

from tests.extract_forms import PARTIES, stated

AUDIT = "Kestrel Audit Group"


def _read(text: str) -> Extraction:
    return extract_text(SourceText(Path("terms.txt"), PARTIES + text + "\n", False), "Kestrel")


def test_a_membership_field_lists_the_headed_groups_members() -> None:
    found = _read(
        "Kestrel Audit Group\n\nChair: Director of Public Health\n"
        "Membership: Director of Adult Services; Head of Quality\nReports to: KSAB"
    )
    members = stated(found, Relation.MEMBER_OF)
    assert {("Director of Adult Services", AUDIT), ("Head of Quality", AUDIT)} <= members


def test_a_members_field_gives_each_item_its_own_capacity() -> None:
    found = _read("Kestrel Audit Group\n\nMembers: Director of Adult Services, Head of Quality (observer)")
    names = {key: e.name for key, e in found.entities.items.items()}
    capacities = {
        names[r.source]: r.capacity for r in found.findings.relations if r.type == Relation.MEMBER_OF
    }
    assert capacities.get("Director of Adult Services") == Capacity.MEMBER
    assert capacities.get("Head of Quality") == Capacity.OBSERVER


def test_a_membership_field_under_no_body_names_no_members() -> None:
    found = _read("3. Notes\n\nMembership: Director of Adult Services; Head of Quality")
    members = {member for member, _ in stated(found, Relation.MEMBER_OF)}
    assert not members & {"Director of Adult Services", "Head of Quality"}
