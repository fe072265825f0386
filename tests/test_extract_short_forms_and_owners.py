"""Short forms and owners of names: 'the <head>' only for a head word, a body's possessive before
another body's name, the initials of an NHS body named with its place (invented sentences, no area's
names)."""

from __future__ import annotations

from govgraph.loaders.extract.entities import find_entities
from govgraph.loaders.extract.segment import segment


def _entities(text: str, area: str | None = None):  # type: ignore[no-untyped-def]
    return find_entities(segment(text).clauses, area)


def test_the_last_word_of_a_name_shortens_it_only_when_it_names_a_kind() -> None:
    text = (
        "Fenmoor Safeguarding Adults Board\n\n"
        "Members include NHS England, Healthwatch Fenmoor and the Fenmoor Housing Association.\n"
    )
    entities = _entities(text, "Fenmoor")
    assert entities.resolve("the England") is None
    assert entities.resolve("the Association") == entities.resolve("Fenmoor Housing Association")


def test_a_bodys_possessive_before_a_name_is_its_owner_not_part_of_the_name() -> None:
    text = (
        "Fenmoor Safeguarding Adults Board\n\n"
        "The Board reports each year to the Council's Adult Social Care Scrutiny Committee.\n"
    )
    names = {e.name for e in _entities(text, "Fenmoor").items.values()}
    assert "Adult Social Care Scrutiny Committee" in names
    assert not any(name.startswith("Council") for name in names)


def test_the_initials_of_an_nhs_body_named_with_its_place() -> None:
    text = (
        "Fenmoor Safeguarding Children Partnership\n\n"
        "Dr Sam Hill, Designated Doctor, NHS Fenmoor Integrated Care Board, attended. The ICB pays a "
        "quarter of the budget.\n"
    )
    entities = _entities(text, "Fenmoor")
    assert entities.resolve("ICB") == entities.resolve("NHS Fenmoor Integrated Care Board")
    assert "ICB" not in {e.name for e in entities.items.values()}


def test_a_kinds_name_in_brackets_after_a_body_is_its_alias() -> None:
    text = (
        "Fenmoor joint protocol\n\n"
        "This protocol covers the Fenmoor Safeguarding Adults Board and Safer Fenmoor Partnership (the "
        "Community Safety Partnership). The Community Safety Partnership meets quarterly.\n"
    )
    entities = _entities(text, "Fenmoor")
    safer = entities.resolve("Safer Fenmoor Partnership")
    assert safer is not None and entities.resolve("the Community Safety Partnership") == safer
    assert "Community Safety Partnership" not in {e.name for e in entities.items.values()}


def test_a_placed_name_without_its_head_is_the_body() -> None:
    text = (
        "Fenmoor joint protocol\n\n"
        "Safer Fenmoor Partnership leads on community safety. Safer Fenmoor reports to the Police and "
        "Crime Panel.\n"
    )
    entities = _entities(text, "Fenmoor")
    assert entities.resolve("Safer Fenmoor") == entities.resolve("Safer Fenmoor Partnership") is not None


def test_the_risk_assessment_conference_is_a_body() -> None:
    text = (
        "Fenmoor Community Safety Partnership\n\n"
        "The Fenmoor Multi-Agency Risk Assessment Conference meets fortnightly; the partnership oversees "
        "the MARAC.\n"
    )
    names = {e.name for e in _entities(text, "Fenmoor").items.values()}
    assert "Fenmoor Multi-Agency Risk Assessment Conference" in names


def test_the_initials_of_an_nhs_body_named_with_two_places() -> None:
    text = (
        "Fenmoor Health and Wellbeing Board\n\n"
        "Members include two representatives of NHS Fenmoor and Heron Integrated Care Board. The "
        "Vice-Chair shall be a representative of the ICB.\n"
    )
    entities = _entities(text, "Fenmoor")
    assert entities.resolve("ICB") == entities.resolve("NHS Fenmoor and Heron Integrated Care Board")


def test_a_listed_representative_of_a_body_names_the_body() -> None:
    from govgraph.loaders.extract.entities import add_listed_entity

    text = (
        "Fenmoor Health and Wellbeing Board\n\n"
        "The Board shall comprise:\n\n- A representative of Healthwatch Fenmoor\n"
    )
    entities = _entities(text, "Fenmoor")
    clause = segment(text).clauses[-1]
    key = add_listed_entity(entities, "Two representatives of the Fenmoor Voluntary Sector Forum", clause)
    assert key is not None and entities.items[key].name == "Fenmoor Voluntary Sector Forum"
