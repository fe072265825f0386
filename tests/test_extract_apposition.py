"""A part named only by its head ("a statutory Committee of the X", "a Sub-group of the X") and the
apposition that says what a body is ("the Y, a sub-group of the X, ..."): issue 9's "entities wrongly
bounded" ("...is an Executive Committee of the Council" swallowed into one body) and "sentence forms not
covered". Invented names, the forms of real minutes and terms of reference.
"""

from __future__ import annotations

from govgraph.graph.model import Relation
from govgraph.loaders.extract.entities import find_entities
from govgraph.loaders.extract.people import find_people
from govgraph.loaders.extract.relations import find_relations
from govgraph.loaders.extract.segment import segment


def _read(text: str) -> tuple:
    clauses = segment("Kestrel governance\n\n" + text + "\n").clauses
    entities = find_entities(clauses)
    return entities, find_relations(clauses, entities)


def _names(entities) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.name for e in entities.items.values() if not e.role}


def _subgroups(entities, found) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    name = {k: e.name for k, e in entities.items.items()}
    return {
        (name[r.source], name[r.target])
        for r in found.relations
        if r.type == Relation.SUBGROUP_OF and r.reason is None
    }


def test_a_part_named_by_its_head_alone_is_no_body_but_its_parent_is() -> None:
    for text in (
        "The Heron Care Partnership is a statutory Committee of the Kestrel Health and Wellbeing Board.",
        "The Heron Care Partnership was set up as a Sub-group of the Kestrel Health and Wellbeing Board.",
    ):
        entities, _ = _read(text)
        assert _names(entities) == {"Heron Care Partnership", "Kestrel Health and Wellbeing Board"}, text


def test_is_a_statutory_committee_of_is_a_sub_group() -> None:
    entities, found = _read(
        "The Heron Care Partnership is a statutory Committee of the Kestrel Health and Wellbeing Board."
    )
    assert _subgroups(entities, found) == {("Heron Care Partnership", "Kestrel Health and Wellbeing Board")}


def test_an_apposition_says_the_body_before_it_is_a_sub_group() -> None:
    for text in (
        "Jo Bloggs gave an update on the Heron Children Partnership, a Sub-group of the Kestrel Health and "
        "Wellbeing Board . The group met twice.",
        "Jo Bloggs reported on the Heron Children Partnership (HCP), one of the working groups of the "
        "Kestrel Health and Wellbeing Board.",
    ):
        entities, found = _read(text)
        assert _subgroups(entities, found) == {
            ("Heron Children Partnership", "Kestrel Health and Wellbeing Board")
        }, text


def test_an_apposition_after_something_else_than_a_body_relates_nothing() -> None:
    entities, found = _read(
        "The Heron Children Partnership met in May, a month after the Kestrel Health and Wellbeing Board, "
        "a committee of the Kestrel Borough Council. Its report, a sub-group of the papers, was noted."
    )
    assert _subgroups(entities, found) == {("Kestrel Health and Wellbeing Board", "Kestrel Borough Council")}


# -- "X, chaired by P (Post)" and "X, chaired by P" --------------------------------------------------------


def _chairs(entities, found) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    name = {k: e.name for k, e in entities.items.items()}
    return {(name[r.source], name[r.target]) for r in found.relations if r.type == Relation.CHAIRS}


def test_chaired_by_a_person_with_no_post_beside_them_is_the_bodys_chair() -> None:
    text = (
        "The recent meeting of the Kestrel Health and Wellbeing Board, Chaired by Cllr Jo Bloggs following "
        "discussion with the Lead Member for Children, Cllr Sam Hart, focused on schools."
    )
    clauses = segment("Kestrel governance\n\n" + text + "\n").clauses
    entities = find_entities(clauses)
    found = find_relations(clauses, entities)
    assert _chairs(entities, found) == {
        ("Chair of the Kestrel Health and Wellbeing Board", "Kestrel Health and Wellbeing Board")
    }  # not the Lead Member named further on
    post = next(e for e in entities.items.values() if e.name.startswith("Chair of"))
    assert post.quote in text
    holders = {p.name: p.holds for p in find_people(clauses, entities)}
    assert holders["Jo Bloggs"] == [post.key] and "Cllr Jo Bloggs" not in holders


def test_chaired_by_a_post_keeps_the_post() -> None:
    entities, found = _read(
        "The Kestrel Neglect Task Group, chaired by the Kestrel Director of Public Health, met."
    )
    assert _chairs(entities, found) == {("Kestrel Director of Public Health", "Kestrel Neglect Task Group")}


def test_a_name_whose_head_is_printed_in_lower_case_is_a_body() -> None:
    entities, _ = _read(
        "The Policy and Procedures working group works on behalf of the Kestrel Safeguarding Adults Board. "
        "It liaises with the Training and Workforce Development working group."
    )
    assert {
        "Policy and Procedures working group",
        "Training and Workforce Development working group",
    } <= _names(entities)


def test_a_department_or_office_of_state_is_a_body() -> None:
    entities, _ = _read(
        "In anticipation of guidance from the Department for Education and the Home Office, the Kestrel "
        "Safeguarding Partnership was set up. The Director of Children's Services attended."
    )
    assert {"Department for Education", "Home Office", "Kestrel Safeguarding Partnership"} <= _names(entities)
    assert "Director of Children's Services" not in _names(entities)
