"""Posts named only in the plural are people in general, not posts of the protocol (invented
sentences, no area's names)."""

from __future__ import annotations

from govgraph.loaders.extract.entities import find_entities
from govgraph.loaders.extract.segment import segment


def _roles(text: str, area: str | None = None) -> set[str]:
    entities = find_entities(segment(text).clauses, area)
    return {e.name for e in entities.items.values() if e.role}


def test_a_post_named_only_in_the_plural_is_no_post() -> None:
    text = (
        "Fenmoor Safeguarding Adults Board\n\n"
        "Members of the Executive Group are Chief Officers from the following organisations: Fenmoor "
        "Council and Fenmoor Police. It was decided that separate Chairs were needed, and certain "
        "Officers sit on the Board by law.\n"
    )
    roles = _roles(text, "Fenmoor")
    assert not {"Chief Officer", "Chief Officers", "Chairs", "Officers"} & roles


def test_a_post_named_once_in_the_singular_stays() -> None:
    text = (
        "Fenmoor Safeguarding Adults Board\n\n"
        "The Chief Officers of the partners meet yearly. The Chief Officer of Fenmoor Police attends.\n"
    )
    assert any(name.startswith("Chief Officer") for name in _roles(text, "Fenmoor"))


def test_would_be_the_chair_of_is_a_statement_not_a_post() -> None:
    text = (
        "Fenmoor Health and Wellbeing Board\n\n"
        "The Police and Crime Commissioner would likely be the Chair of the Fenmoor Community Safety "
        "Board.\n"
    )
    assert not any(name.startswith("Chair of") for name in _roles(text, "Fenmoor"))
