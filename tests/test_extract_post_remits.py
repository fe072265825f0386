"""Posts printed with their remit after a comma, colon or dash, posts whose remits are listed before
them, and the post heads 'Portfolio Holder' and 'Representative' (invented sentences, no area's
names)."""

from __future__ import annotations

from govgraph.loaders.extract.entities import classify, find_entities
from govgraph.loaders.extract.segment import segment


def _roles(text: str, area: str | None = None) -> set[str]:
    entities = find_entities(segment(text).clauses, area)
    return {e.name for e in entities.items.values() if e.role}


def test_a_remit_after_a_comma_colon_or_dash_is_part_of_the_post() -> None:
    text = (
        "Report to the Fenmoor Health and Wellbeing Board\n\n"
        "Report of: Executive Director, Housing & Adult Social Care\n\n"
        "The report was presented by the Cabinet Member: Children & Family Services.\n\n"
        "Speakers: Jo Marsh, Assistant Director - Safer Streets, FBC\n"
    )
    roles = _roles(text)
    assert {
        "Executive Director, Housing & Adult Social Care",
        "Cabinet Member: Children & Family Services",
        "Assistant Director - Safer Streets",
    } <= roles
    assert not {"Executive Director", "Cabinet Member", "Assistant Director"} & roles


def test_a_post_in_capitals_takes_a_remit_in_capitals() -> None:
    text = "Decision of the Fenmoor Cabinet\n\nAction by:\n\nDIRECTOR, CHILDRENS SERVICES (J. MARSH)\n"
    assert "DIRECTOR, CHILDRENS SERVICES" in _roles(text)


def test_no_remit_when_a_person_a_post_or_a_placed_body_follows() -> None:
    text = (
        "Fenmoor Safeguarding Adults Board\n\n"
        "The Chair, Vice-Chair and Secretary meet monthly. Ann Bell, Chief Executive, Fenmoor Borough "
        "Council, opened the meeting. Chair: Jo Marsh\n"
    )
    roles = _roles(text)
    assert not any("," in name or ":" in name for name in roles)


def test_remits_listed_before_a_post_are_part_of_it() -> None:
    text = (
        "Decision of the Fenmoor Cabinet\n\n"
        "(Interim Policy, Programmes and Community Insight Manager (A. Walters)\n"
    )
    assert "Interim Policy, Programmes and Community Insight Manager" in _roles(text)


def test_portfolio_holders_and_representatives_are_posts() -> None:
    assert classify("Elected Member Portfolio Holder for Health") == "role"
    assert classify("Opposition Political Group Representative") == "role"
    assert classify("Cabinet Member, Adult Social Care") == "role"


def test_a_contact_lines_phone_or_address_is_not_part_of_the_post() -> None:
    text = (
        "Fenmoor Safeguarding Adults Board\n\n"
        "Contact: Tan Lee, Strategic Safeguarding Partnerships Manager Tel: 01234 567890\n\n"
        "Fenmoor Safeguarding Adults Board Manager County Hall Cross Street Fenmoor FE1 2AB\n"
    )
    roles = _roles(text, "Fenmoor")
    assert "Strategic Safeguarding Partnerships Manager" in roles
    assert "Fenmoor Safeguarding Adults Board Manager" in roles
