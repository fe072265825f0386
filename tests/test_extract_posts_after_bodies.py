"""A post printed after the full name of its body ('the Fenmoor Fire Service Station Commander') names
that body too: invented sentences, no area's names."""

from __future__ import annotations

from govgraph.loaders.extract.entities import find_entities
from govgraph.loaders.extract.segment import segment


def _found(text: str) -> tuple[set[str], dict[str, str | None]]:
    entities = find_entities(segment(text).clauses, None)
    items = entities.items
    bodies = {e.name for e in items.values() if not e.role and not e.collective}
    posts = {e.name: (items[e.body].name if e.body else None) for e in items.values() if e.role}
    return bodies, posts


def test_the_body_before_a_post_is_a_body_and_the_post_is_its_post() -> None:
    text = (
        "Fenmoor Executive Leadership Group\n\n"
        "The Group comprises the Director of Children's Services and the Northmarch Fire Service "
        "Station Commander.\n"
    )
    bodies, posts = _found(text)
    assert "Northmarch Fire Service" in bodies
    assert posts.get("Northmarch Fire Service Station Commander") == "Northmarch Fire Service"


def test_an_executive_director_is_no_executive_body() -> None:
    text = (
        "Fenmoor Safeguarding Adults Board\n\n"
        "The chair will report to the Tri-county Executive Director of Adult Social Care.\n"
    )
    bodies, _ = _found(text)
    assert "Tri-county Executive" not in bodies
