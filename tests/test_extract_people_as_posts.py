"""People named with the post they hold in the forms minutes and constitutions use: "Jo Bloggs, as Chair
of the KSAB", "Jo Bloggs has been appointed as Independent Chair of the KSAB", "The Chair of the KHWB is
Councillor Jo Bloggs", several people holding one plural post ("Jo Bloggs and Sam Smith, as Co-Chairs of
the KSAB"), and a post whose head word is prefixed ("Co-Chair", "Deputy-Director"). Issue 9: people named
beside their posts become Person nodes holding them. Invented names and sentences."""

from __future__ import annotations

import pytest
from govgraph.graph.model import Relation
from govgraph.loaders.extract.entities import classify

from tests.extract_forms import extract, held, stated


@pytest.mark.parametrize(
    ("sentence", "post"),
    [
        ("Mira Okonjo, as Chair of the KSAB, presented the annual report.", "Chair of the KSAB"),
        ("Mira Okonjo has been appointed as Independent Chair of the KSAB.", "Independent Chair of the KSAB"),
        ("Mira Okonjo was appointed Independent Chair of the KSAB in May.", "Independent Chair of the KSAB"),
        ("The Chair of the KHWB is Councillor Mira Okonjo.", "Chair of the KHWB"),
    ],
)
def test_the_person_holds_the_post_named_beside_them(sentence: str, post: str) -> None:
    found = extract(sentence)
    assert post in held(found).get("Mira Okonjo", set())
    assert post in {source for source, _ in stated(found, Relation.CHAIRS)}


def test_people_coordinated_before_a_plural_post_each_hold_it() -> None:
    found = extract("Mira Okonjo and Tomas Reyes, as Co-Chairs of the KSAB, presented the annual report.")
    post = "Co-Chairs of the KSAB"
    assert held(found) == {"Mira Okonjo": {post}, "Tomas Reyes": {post}}
    assert stated(found, Relation.CHAIRS) == {(post, "Kestrel Safeguarding Adults Board")}


def test_a_body_coordinated_before_the_post_is_no_person() -> None:
    found = extract("The Heron Police and Tomas Reyes, as Co-Chair of the KSAB, presented the report.")
    assert "Heron Police" not in held(found)


def test_a_body_that_is_chair_of_another_makes_no_post() -> None:
    """ "X is Chair of Y" between two bodies stays a statement: no post of its own is added."""
    found = extract("The KHWB is Chair of the KSAB Executive for this year.")
    assert not held(found)


@pytest.mark.parametrize("name", ["Co-Chair of the KSAB", "Co-Chairs", "Joint-Chair", "Deputy-Director"])
def test_a_prefixed_head_word_is_the_post_it_qualifies(name: str) -> None:
    assert classify(name) == "role"


def test_a_date_after_a_post_is_not_part_of_its_name() -> None:
    found = extract("Tomas Reyes became Co-Chair of the KSAB in September 2023.")
    assert "Co-Chair of the KSAB" in {entity.name for entity in found.entities.items.values()}
    assert stated(found, Relation.CHAIRS) == {("Co-Chair of the KSAB", "Kestrel Safeguarding Adults Board")}
