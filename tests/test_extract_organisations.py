"""Organisations named without a governance head noun (a lexicon of English public-sector bodies) and
well-known acronyms printed undefined: invented sentences, no area's names."""

from __future__ import annotations

from govgraph.loaders.extract.entities import classify, find_entities
from govgraph.loaders.extract.segment import segment


def _bodies(text: str, area: str | None = None) -> set[str]:
    entities = find_entities(segment(text).clauses, area)
    return {e.name for e in entities.items.values() if not e.role and not e.collective}


def test_a_service_named_by_its_function_alone_is_a_body() -> None:
    assert classify("Probation") == "body"
    assert classify("Public Health") == "body"
    assert classify("Fenmoor Public Health") == "body"
    assert classify("CAFCASS") == "body"
    assert classify("NHS England") == "body"


def test_a_post_whose_remit_is_such_a_service_stays_a_post() -> None:
    assert classify("Director of Public Health") == "role"
    assert classify("Public Health Lead") == "role"


def test_organisation_heads_beyond_the_governance_vocabulary() -> None:
    assert classify("Fenmoor Integrated Care System") == "body"
    assert classify("Northmarch Regional Consortium") == "body"
    assert classify("Skills and Enterprise Sub-Partnership") == "body"
    assert classify("Government Office North Marches") == "body"
    assert classify("Fenmoor Teaching Hospital") == "body"


def test_a_word_that_is_only_part_of_a_longer_name_is_no_body_alone() -> None:
    assert classify("National Probation") is None


def test_bare_names_in_a_funding_list_are_bodies() -> None:
    text = (
        "Fenmoor Safeguarding Children Board budget\n\n"
        "The partners of the Fenmoor Safeguarding Children Board contribute as follows:\n\n"
        "Fenmoor Borough Council 60%\n\nCCG 30%\n\nPolice 8%\n\nProbation 2%\n"
    )
    bodies = _bodies(text)
    assert {"CCG", "Probation", "Fenmoor Borough Council"} <= bodies


def test_senior_leaders_from_two_services_are_two_bodies() -> None:
    text = (
        "Fenmoor Safeguarding Adults Board\n\n"
        "The Board members are joined by senior leaders from Healthwatch and Public Health.\n"
    )
    assert {"Healthwatch", "Public Health"} <= _bodies(text)


def test_a_known_acronym_the_text_defines_as_something_else_is_not_the_organisation() -> None:
    text = (
        "Fenmoor Health and Wellbeing Board\n\n"
        "The Board prepares an Integrated Care Strategy (ICS) with its partners. The ICS sets out the "
        "priorities of the Fenmoor Health and Wellbeing Board.\n"
    )
    assert "ICS" not in _bodies(text)


def test_a_known_acronym_before_a_process_word_is_not_the_organisation_named() -> None:
    text = (
        "Fenmoor Safeguarding Adults Board\n\n"
        "The Fenmoor Safeguarding Adults Board reviews each CQC inspection of local care homes.\n"
    )
    assert "CQC" not in _bodies(text)


def test_a_known_acronym_that_is_a_named_bodys_initials_is_that_body() -> None:
    text = (
        "Fenmoor Safeguarding Adults Board\n\n"
        "The Fenmoor Clinical Commissioning Group is a member. The CCG pays a third of the budget.\n"
    )
    bodies = _bodies(text, "Fenmoor")
    assert "CCG" not in bodies
    assert "Fenmoor Clinical Commissioning Group" in bodies


def test_a_kinds_acronym_after_a_place_is_a_body() -> None:
    assert classify("Fenmoor CCG") == "body"
    assert classify("Fenmoor CVS") == "body"


def test_a_known_acronym_inside_a_known_name_is_not_a_body_of_its_own() -> None:
    text = "Fenmoor Safeguarding Adults Board\n\nMembers include NHS Fenmoor ICB and Fenmoor Police.\n"
    assert "ICB" not in _bodies(text, "Fenmoor")


def test_a_placed_acronym_is_the_body_the_acronym_names() -> None:
    text = (
        "Fenmoor Health and Wellbeing Board\n\n"
        "The Board thanked Fenmoor Heartlands ICP for its work. The Integrated Care Partnership meets "
        "monthly.\n"
    )
    bodies = _bodies(text, "Fenmoor")
    assert "Integrated Care Partnership" in bodies
    assert "Fenmoor Heartlands ICP" not in bodies


def test_cabinet_alone_is_a_body_and_a_report_label_no_post() -> None:
    text = (
        "Report to: Cabinet\n\n"
        "Heron Safeguarding Children Partnership Annual Report\n\n"
        "Cabinet is recommended to note the report of the Heron Safeguarding Children Partnership.\n\n"
        "Contact Officer: Jane Smith, Head of Safeguarding, Tel: 01234 567890\n"
    )
    entities = find_entities(segment(text).clauses, "Heron")
    names = {e.name for e in entities.items.values()}
    assert "Cabinet" in names
    assert "Contact Officer" not in names
    assert classify("Cabinet Member") == "role"
