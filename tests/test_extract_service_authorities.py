"""An authority named for one service ('Fenmoor Fire and Rescue Authority') is not the council that
'the Council' names: invented sentences, no area's names."""

from __future__ import annotations

from govgraph.loaders.extract.entities import find_entities
from govgraph.loaders.extract.segment import segment


def _aliases(text: str) -> dict[str, list[str]]:
    entities = find_entities(segment(text).clauses, None)
    return {e.name: e.aliases for e in entities.items.values() if not e.role}


def test_the_council_is_not_a_fire_and_rescue_authority() -> None:
    text = (
        "Fenmoor Crime and Disorder Scrutiny Panel\n\n"
        "The Panel scrutinises the functions of the Council and of the Fire and Rescue Authority.\n"
    )
    found = _aliases(text)
    assert "the Council" not in found.get("Fire and Rescue Authority", [])
    assert "Council" in found


def test_a_council_named_in_full_still_takes_the_council() -> None:
    text = "Fenmoor Scrutiny Panel\n\nThe Panel reports to the Fenmoor Borough Council. The Council agrees.\n"
    assert "the Council" in _aliases(text).get("Fenmoor Borough Council", [])
