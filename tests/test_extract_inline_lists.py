"""Lists printed inside one sentence (issue 9, cause "layout not read": a lead-in whose noun gives the
relation of every item after it). Each test is an invented sentence of the same form; the names
("Kestrel ...", "Heron ...") are made up so that no rule keyed to a real area's names would pass.
"""

from __future__ import annotations

from govgraph.graph.model import Capacity, Relation
from govgraph.loaders.extract.entities import find_entities
from govgraph.loaders.extract.lists import list_items, names_kinds
from govgraph.loaders.extract.relations import Findings, find_relations
from govgraph.loaders.extract.segment import segment


def _read(text: str) -> tuple:
    clauses = segment("Kestrel governance\n\n" + text + "\n").clauses
    entities = find_entities(clauses)
    return entities, find_relations(clauses, entities)


def _edges(found: Findings, relation: Relation) -> set[tuple[str, str]]:
    return {(r.source, r.target) for r in found.relations if r.type == relation and r.reason is None}


def _named(entities, found: Findings, relation: Relation) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    name = {key: entity.name for key, entity in entities.items.items()}
    return {(name[a], name[b]) for a, b in _edges(found, relation)}


def _items(text: str, count: int | None = None) -> list[str]:
    return [words for _, words in list_items(text, 0, len(text), count)]


def test_a_list_splits_at_commas_and_its_final_and() -> None:
    assert _items("Heron Police, the Heron Council and Heron Fire Service.") == [
        "Heron Police",
        "Heron Council",
        "Heron Fire Service",
    ]


def test_after_an_oxford_comma_the_last_item_keeps_its_own_commas() -> None:
    assert _items("Audit and Outcomes, the Voice of the Child, and Policy, Practice and Procedures") == [
        "Audit and Outcomes",
        "Voice of the Child",
        "Policy, Practice and Procedures",
    ]


def test_a_count_that_the_pieces_already_make_keeps_the_last_and() -> None:
    assert _items("Audit, Learning and Development", count=2) == ["Audit", "Learning and Development"]
    assert _items("Audit, Learning and Development") == ["Audit", "Learning", "Development"]


def test_an_aside_after_an_item_is_not_its_name_but_an_acronym_is_kept() -> None:
    assert _items("the Heron Group (see below), the Heron Panel (HP) and Heron Forum") == [
        "Heron Group",
        "Heron Panel (HP)",
        "Heron Forum",
    ]


def test_a_list_of_kinds_names_no_body() -> None:
    assert names_kinds(list_items("different, smaller groups", 0, 25))
    assert not names_kinds(list_items("Vulnerable Groups, Heron Panels", 0, 31))


def test_the_sub_groups_are_a_list_of_the_subjects_sub_groups_even_with_no_head_noun() -> None:
    entities, found = _read(
        "The Kestrel Safeguarding Adults Board (KSAB) meets quarterly. Its four sub-groups are Audit and "
        "Assurance, Hidden Harm, the Voice of the Adult, and Learning, Practice and Development."
    )
    groups = ("Audit and Assurance", "Hidden Harm", "Voice of the Adult")
    groups += ("Learning, Practice and Development",)
    assert _named(entities, found, Relation.SUBGROUP_OF) == {
        (name, "Kestrel Safeguarding Adults Board") for name in groups
    }


def test_members_of_a_group_are_officers_from_the_listed_organisations() -> None:
    entities, found = _read(
        "The Kestrel Core Group (KCG) supports the Board. Members of the Kestrel Core Group are senior "
        "officers from the following organisations: Kestrel Council, the Kestrel Police Service, Heron NHS "
        "Trust and the Chair of the Board."
    )
    members = {a for a, b in _named(entities, found, Relation.MEMBER_OF) if b == "Kestrel Core Group"}
    assert {"Kestrel Council", "Kestrel Police Service", "Heron NHS Trust", "Chair of the Board"} <= members


def test_includes_representation_from_lists_members_named_as_printed() -> None:
    entities, found = _read(
        "The Kestrel Board is led by an independent chair and includes representation from both district "
        "councils, as well as the Heron Probation service, schools, the voluntary sector and lay members."
    )
    members = {a for a, b in _named(entities, found, Relation.MEMBER_OF) if b == "Kestrel Board"}
    assert {"both district councils", "Heron Probation service", "schools", "voluntary sector"} <= members
    lay = [r for r in found.relations if r.type == Relation.MEMBER_OF and r.capacity == Capacity.LAY_MEMBER]
    assert [entities.items[r.source].name.lower() for r in lay] == ["lay member"]


def test_a_list_of_kinds_or_a_negated_list_adds_nothing() -> None:
    for text in (
        "The Kestrel Safeguarding Children Board is made up of different, smaller groups.",
        "The Kestrel Safeguarding Children Board does not include representation from Heron Police, Heron "
        "Council and Heron Fire Service.",
    ):
        _, found = _read(text)
        assert not _edges(found, Relation.MEMBER_OF), text
        assert not _edges(found, Relation.SUBGROUP_OF), text


def test_posts_listed_within_one_membership_item_are_members_too() -> None:
    entities, found = _read(
        "The membership of the Kestrel Safeguarding Adults Board (KSAB) is:\n\n"
        "- Kestrel Council: five members (to include the Director of Adult Services, the Kestrel Head of "
        "Safeguarding and the Cabinet Member for Health)\n"
        "- Heron NHS Trust (one member)"
    )
    members = {
        a for a, b in _named(entities, found, Relation.MEMBER_OF) if b == "Kestrel Safeguarding Adults Board"
    }
    assert members == {
        "Kestrel Council",
        "Director of Adult Services",
        "Kestrel Head of Safeguarding",
        "Cabinet Member for Health",
        "Heron NHS Trust",
    }
    council_item = next(
        r.clause for r in found.relations if entities.items[r.source].name == "Kestrel Council"
    )
    for relation in found.relations:
        if relation.clause == council_item:
            assert relation.quote in entities.clause_texts[council_item]  # verbatim in its clause
