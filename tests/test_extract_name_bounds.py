"""Where a body's name begins and ends: a period word, a product of the body, a team of an
organisation, a list item the list reader cut mid-bracket (invented sentences, no area's names)."""

from __future__ import annotations

from govgraph.loaders.extract.entities import add_listed_entity, find_entities
from govgraph.loaders.extract.segment import segment


def _entities(text: str, area: str | None = None):  # type: ignore[no-untyped-def]
    return find_entities(segment(text).clauses, area)


def _bodies(text: str, area: str | None = None) -> set[str]:
    return {e.name for e in _entities(text, area).items.values() if not e.role and not e.collective}


def test_a_period_word_is_the_reports_not_the_bodys() -> None:
    text = (
        "Reports of the Board\n\n"
        "- Annual Fenmoor Safeguarding Adults Board Report 2022-23\n"
        "- Annual Fenmoor Safeguarding Adults Board Executive summary 2021-22\n"
        "- The nominee is identified at Annual Council each May.\n"
    )
    bodies = _bodies(text)
    assert "Fenmoor Safeguarding Adults Board" in bodies
    assert not any(name.startswith("Annual") or name.endswith("Executive") for name in bodies)


def test_a_product_of_a_body_names_the_body_after_it() -> None:
    text = (
        "Additional documents\n\n"
        "- Webcast for Fenmoor Safeguarding Adults Board Annual Report 2014-15\n"
        "- Terms of Reference for the Fenmoor Quality Assurance Sub-Group\n"
    )
    bodies = _bodies(text)
    assert "Fenmoor Safeguarding Adults Board" in bodies
    assert "Fenmoor Quality Assurance Sub-Group" in bodies
    assert not any(name.startswith(("Webcast", "Terms")) for name in bodies)


def test_a_team_for_the_organisation_is_the_organisations_and_both_are_bodies() -> None:
    text = (
        "Fenmoor Safeguarding Adults Board\n\n"
        "The Board Manager post sits within the Safeguarding Adults Team for the Fenmoor Borough Council.\n"
    )
    bodies = _bodies(text)
    assert {"Safeguarding Adults Team", "Fenmoor Borough Council"} <= bodies


def test_without_the_the_words_after_for_are_part_of_the_name() -> None:
    text = (
        "Fenmoor Safeguarding Adults Board\n\n"
        "The Fenmoor Council for Voluntary Service is a member of the Fenmoor Safeguarding Adults Board.\n"
    )
    assert "Fenmoor Council for Voluntary Service" in _bodies(text)


def test_a_list_item_cut_inside_a_bracket_is_the_name_in_it() -> None:
    text = (
        "Fenmoor Safeguarding Adults Board\n\n"
        "The Executive Group is made up of the statutory partners (Local Authority, Police and CCG "
        "representing Health).\n"
    )
    entities = _entities(text)
    clause = segment(text).clauses[-1]
    key = add_listed_entity(entities, "statutory partners (Local Authority", clause)
    assert key is not None and entities.items[key].name == "Local Authority"
    ccg = add_listed_entity(entities, "CCG representing Health) at the highest level", clause)
    assert ccg is not None and entities.items[ccg].name == "CCG"


def test_a_name_printed_in_quotes_before_its_head_is_one_body() -> None:
    text = (
        "Minutes of the Fenmoor Safeguarding Children Board\n\n"
        "The Chair's performance is reviewed by an annual multi-agency \u201cChallenge and Support\u201d "
        "Panel.\n"
    )
    assert "Challenge and Support Panel" in _bodies(text)
