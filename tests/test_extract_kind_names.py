"""Names of a kind of body and the body itself (invented sentences, no area's names): a head before
"for", a placed name read as a kind's alias, a kind defined twice (plural, curly apostrophe), and a
minutes page's 'the Board'."""

from __future__ import annotations

from pathlib import Path

from govgraph.loaders.extract.entities import classify, find_entities
from govgraph.loaders.extract.pipeline import extract_text
from govgraph.loaders.extract.reading import SourceText
from govgraph.loaders.extract.segment import segment


def _entities(text: str, area: str | None = None):  # type: ignore[no-untyped-def]
    return find_entities(segment(text).clauses, area)


def test_a_body_head_before_for_makes_a_body() -> None:
    assert classify("Local Safeguarding Board for Children and Adults") == "body"
    assert classify("Decisions of the Board") is None


def test_a_placed_name_read_as_a_kinds_alias_names_the_body() -> None:
    text = (
        "Why do we have a Safeguarding Children Board?\n\n"
        "Each local authority must establish a Local Safeguarding Children Board (LSCB).\n\n"
        "Fenmoor Safeguarding Children Board structure can be seen at appendix 1.\n"
    )
    names = {e.name for e in _entities(text, "Fenmoor").items.values()}
    assert "Fenmoor Safeguarding Children Board" in names


def test_a_kind_defined_twice_is_one_name() -> None:
    text = (
        "Annual report\n\n"
        "The Local Safeguarding Children's Board (LSCB) presented its report. The Act requires Local "
        "Safeguarding Children\u2019s Boards (LSCBs) to publish one. The LSCB met in May.\n"
    )
    entities = _entities(text)
    boards = [e for e in entities.items.values() if "Safeguarding" in e.name]
    assert len(boards) == 1 and entities.resolve("LSCB") == boards[0].key


def test_on_a_minutes_page_the_board_is_the_meetings_body() -> None:
    text = (
        "Fenmoor Safeguarding Children Board (FSCB) Annual Report\n\n"
        "Meeting: 05/12/2012 - Fenmoor Health and Wellbeing Board (Item 29)\n\n"
        "Minutes:\n\n"
        "29.1 The Board considered the annual report of the FSCB.\n"
    )
    found = extract_text(SourceText(Path("minutes.txt"), text, False), "Fenmoor")
    assert found.entities.resolve("the Board") == found.entities.resolve("Fenmoor Health and Wellbeing Board")


def test_lay_members_are_a_body_of_the_community() -> None:
    text = (
        "Fenmoor Safeguarding Children Board\n\n"
        "The Fenmoor Safeguarding Children Board includes representation from the voluntary sector and "
        "lay members.\n"
    )
    entities = _entities(text, "Fenmoor")
    lay = entities.items.get("lay-member")
    assert lay is not None and not lay.role and lay.kind is not None and lay.kind.value == "community"


def test_lay_members_appointed_hold_a_post() -> None:
    text = (
        "Fenmoor Safeguarding Children Board\n\n"
        "The Board will be opened up to public scrutiny through the appointment of two lay members drawn "
        "from the local community.\n"
    )
    lay = _entities(text, "Fenmoor").items.get("lay-member")
    assert lay is not None and lay.role


def test_an_nhs_body_printed_with_nhs_is_the_one_defined_without() -> None:
    text = (
        "Fenmoor Health and Wellbeing Partnership\n\n"
        "The Partnership is a committee of the Fenmoor Integrated Care Board (ICB). Its members are NHS "
        "Fenmoor Integrated Care Board and Fenmoor County Council.\n"
    )
    entities = _entities(text, "Fenmoor")
    assert entities.resolve("NHS Fenmoor Integrated Care Board") == entities.resolve("ICB") is not None


def test_a_political_group_or_party_is_no_body() -> None:
    assert classify("Main Opposition Political Group") is None
    assert classify("Fenmoor Independent Party") is None
    assert classify("Opposition Political Group Representative") == "role"


def test_a_title_in_capitals_that_names_a_placed_body_is_the_body() -> None:
    text = (
        "FENMOOR COMMUNITY SAFETY PARTNERSHIP\n\n"
        "PARTNERSHIP AGREEMENT\n\n"
        "1.1 The partners agree to work together on community safety.\n"
    )
    entities = _entities(text, "Fenmoor")
    key = entities.resolve("Fenmoor Community Safety Partnership")
    assert key is not None and entities.resolve("FENMOOR COMMUNITY SAFETY PARTNERSHIP") == key


def test_known_as_gives_the_subject_body_an_alias() -> None:
    text = (
        "Fenmoor Community Safety Partnership (FCSP)\n\n"
        "In Fenmoor the FCSP is known as Safer Fenmoor. Safer Fenmoor meets four times a year.\n"
    )
    entities = _entities(text, "Fenmoor")
    assert entities.resolve("Safer Fenmoor") == entities.resolve("FCSP") is not None


def test_the_named_partners_of_a_body_are_kept_as_a_body() -> None:
    text = (
        "Fenmoor Safeguarding Children Partnership (FSCP)\n\n"
        "As a Partnership we are committed to joined up working with all FSCP Partners.\n"
    )
    found = extract_text(SourceText(Path("p.txt"), text, False), "Fenmoor")
    assert "FSCP Partners" in {e.name for e in found.entities.items.values()}


def test_partners_in_lower_case_are_not_kept_for_nothing() -> None:
    text = (
        "Fenmoor Safeguarding Children Board (FSCB)\n\n"
        "The business plan had been agreed by FSCB partners in September.\n"
    )
    found = extract_text(SourceText(Path("p.txt"), text, False), "Fenmoor")
    assert not any("partners" in e.name.lower() for e in found.entities.items.values())
