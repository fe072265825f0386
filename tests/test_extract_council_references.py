"""'the Council', 'the local authority': the one council a text names, or, where it names none, the
council it speaks of (invented sentences, no area's names)."""

from __future__ import annotations

from govgraph.loaders.extract.entities import find_entities
from govgraph.loaders.extract.segment import segment


def _entities(text: str, area: str | None = None):  # type: ignore[no-untyped-def]
    return find_entities(segment(text).clauses, area)


def _bodies(text: str, area: str | None = None) -> set[str]:
    return {e.name for e in _entities(text, area).items.values() if not e.role and not e.collective}


def test_the_local_authority_is_the_one_council_named_in_full() -> None:
    text = (
        "Fenmoor Health and Wellbeing Board\n\n"
        "The Board is a committee of Fenmoor Borough Council. Boards are committees of the Local "
        "Authority, so their terms are approved by the local authority.\n"
    )
    entities = _entities(text)
    bodies = {e.name for e in entities.items.values() if not e.role}
    assert "Local Authority" not in bodies
    council = entities.resolve("Fenmoor Borough Council")
    assert council is not None and entities.resolve("the local authority") == council


def test_a_council_named_only_by_its_kind_is_a_body_as_printed() -> None:
    text = (
        "Minutes of the Cabinet\n\n"
        "The Fenmoor Safeguarding Adults Board presented its annual report. He called on the Council to "
        "continue its support for the Board.\n"
    )
    assert "Council" in _bodies(text)


def test_the_local_authority_as_an_adjective_or_in_a_law_is_no_body() -> None:
    text = (
        "Fenmoor Health and Wellbeing Board\n\n"
        "Its place within the local authority governance system gives the Fenmoor Health and Wellbeing "
        "Board democratic weight. The Act names the partners (other than the local authority) of each "
        "board.\n"
    )
    assert not any("authority" in name.lower() for name in _bodies(text))


def test_two_councils_leave_the_council_unresolved() -> None:
    text = (
        "Joint protocol\n\n"
        "Fenmoor District Council and Northmarch County Council agree this protocol. The Council will "
        "report each year.\n"
    )
    entities = _entities(text)
    assert entities.resolve("the Council") is None
    assert "Council" not in {e.name for e in entities.items.values()}
