"""Rules added on the corpus's development half, each on a small invented text (no area's names):
list lead-ins whose noun gives the relation, items with no known head noun, membership headings, the
independence vocabulary, and people named beside their posts."""

from __future__ import annotations

from govgraph.graph.model import DeclarationKind, Relation
from govgraph.loaders.extract.entities import find_entities
from govgraph.loaders.extract.people import find_people
from govgraph.loaders.extract.relations import find_relations
from govgraph.loaders.extract.segment import segment

LISTS = """Protocol of the Kestrel Safeguarding Adults Board (KSAB)

1. Membership

1.1 The KSAB consists of:

- Heron Borough Council
- Public Health
- CAFCASS
- NHS England (one member)

1.2 The sub groups of the KSAB are:

- Quality Assurance Sub Group
- Learning and Development Sub Group
"""

VOICE = """Protocol of the Kestrel Safeguarding Adults Board (KSAB)

1. Independence

1.1 The KSAB should not be subordinate to, nor subsumed within, other local structures.
1.2 The KSAB has no statutory powers over its constituent partners.
1.3 Partners remain responsible and accountable to their own organisations.
"""

PEOPLE = """Protocol of the Kestrel Safeguarding Adults Board (KSAB)

1. Governance

1.1 The Independent Chair of the KSAB will report to the Heron Borough Council.
1.2 The KSAB is chaired by Jo Bloggs (Independent Chair of the KSAB).
1.3 Sam Smith, Director of Adult Services, is a member of the KSAB.
"""


def _run(text: str):  # type: ignore[no-untyped-def]
    segmented = segment(text)
    entities = find_entities(segmented.clauses)
    return entities, find_relations(segmented.clauses, entities)


def test_a_lead_ins_noun_gives_every_items_relation() -> None:
    entities, found = _run(LISTS)
    names = {e.key: e.name for e in entities.items.values()}
    members = {
        names[r.source] for r in found.relations if r.type == Relation.MEMBER_OF and r.target == "ksab"
    }
    assert {"Heron Borough Council", "Public Health", "CAFCASS", "NHS England"} <= members
    subgroups = {names[r.source] for r in found.relations if r.type == Relation.SUBGROUP_OF}
    assert subgroups == {"Quality Assurance Sub Group", "Learning and Development Sub Group"}


def test_short_items_under_a_membership_heading_are_members() -> None:
    text = "Protocol of the Kestrel Safeguarding Adults Board (KSAB)\n\n# Membership of the Board\n\n"
    text += "- Heron Borough Council\n- River Valley Police\n\n# Purpose\n\nThe KSAB is a statutory body.\n"
    entities, found = _run(text)
    members = {entities.items[r.source].name for r in found.relations if r.type == Relation.MEMBER_OF}
    assert members == {"Heron Borough Council", "River Valley Police"}


def test_the_independence_vocabulary() -> None:
    _, found = _run(VOICE)
    kinds = [d.kind for d in found.declarations]
    assert kinds == [
        DeclarationKind.INDEPENDENT,
        DeclarationKind.NO_DIRECTION_POWER,
        DeclarationKind.SEPARATE_ACCOUNTABILITY,
    ]
    assert found.declarations[0].bodies == ["ksab"]


def test_people_are_named_beside_the_posts_they_hold() -> None:
    segmented = segment(PEOPLE)
    entities = find_entities(segmented.clauses)
    people = {p.name: p for p in find_people(segmented.clauses, entities)}
    assert set(people) == {"Jo Bloggs", "Sam Smith"}
    assert [entities.items[r].name for r in people["Jo Bloggs"].holds] == ["Independent Chair of the KSAB"]
    assert [entities.items[r].name for r in people["Sam Smith"].holds] == ["Director of Adult Services"]


def test_a_chair_of_no_named_body_chairs_the_body_of_its_clause_or_is_a_suggestion() -> None:
    text = (
        "Protocol of the Kestrel Safeguarding Adults Board (KSAB)\n\n1. Governance\n\n"
        "1.1 The KSAB has an Independent Chair.\n\n2. Support\n\n"
        "2.1 The work is led by a Vice-Chair.\n"
    )
    entities, found = _run(text)
    chairs = {(entities.items[r.source].name, r.target, r.reason is not None) for r in found.relations}
    assert ("Independent Chair", "ksab", False) in chairs  # stated: its clause names the KSAB
    assert ("Vice-Chair", "ksab", True) in chairs  # implied only: flagged, with a reason
