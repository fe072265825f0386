"""Body-finding rules on short sentences in the style of real protocols (none taken from the corpus's test
half): which names are bodies, where a name begins and ends, and which found names are not bodies."""

from __future__ import annotations

from pathlib import Path

from govgraph.loaders.extract.entities import add_listed_entity, find_entities
from govgraph.loaders.extract.pipeline import extract_text
from govgraph.loaders.extract.reading import SourceText
from govgraph.loaders.extract.segment import segment


def _bodies(text: str, area: str | None = None) -> set[str]:
    entities = find_entities(segment(text).clauses, area)
    return {e.name for e in entities.items.values() if not e.role and not e.collective}


def _draft_bodies(text: str, area: str | None = None) -> set[str]:
    extraction = extract_text(SourceText(Path("protocol.txt"), text, False), area)
    return {e.name for e in extraction.entities.items.values() if not e.role}


def test_a_collective_no_finding_uses_is_not_a_body_of_the_draft() -> None:
    text = (
        "Protocol of the Fenmoor Safeguarding Adults Board\n\n"
        "The review of the Fenmoor Safeguarding Adults Board was supported by key partners and the local "
        "community.\n"
    )
    assert _draft_bodies(text) == {"Fenmoor Safeguarding Adults Board"}


def test_a_post_of_a_named_body_names_the_body_too() -> None:
    text = (
        "Notes of the meeting\n\n"
        "The partners met Jo Marsh, the Chief Executive of Fenmoor District Council, and the Independent "
        "Chair of Fenmoor Safeguarding Children Partnership.\n"
    )
    bodies = _bodies(text)
    assert {"Fenmoor District Council", "Fenmoor Safeguarding Children Partnership"} <= bodies


def test_a_head_before_of_decides_and_a_committee_of_the_council_is_its_own_name() -> None:
    text = (
        "Decisions of the Board\n\n"
        "The Fenmoor Health and Wellbeing Board reports each year to the Adult Care Select Committee of "
        "the Council, which the Fenmoor Borough Council appoints.\n"
    )
    bodies = _bodies(text)
    assert "Adult Care Select Committee" in bodies
    assert not any(name.startswith("Decisions") or name.endswith("of the Council") for name in bodies)


def test_and_the_always_separates_two_names_but_police_and_crime_does_not() -> None:
    text = (
        "Agreement\n\n"
        "The plan is agreed between the Regional Development Office and the Fenmoor Strategy Board. An "
        "update came from the Office of the Fenmoor Police and Crime Commissioner.\n"
    )
    bodies = _bodies(text)
    assert "Fenmoor Strategy Board" in bodies
    assert "Office of the Fenmoor Police and Crime Commissioner" in bodies
    assert not any(" and the " in name or name.endswith("Fenmoor Police") for name in bodies)


def test_acronym_definitions_with_an_unspelt_head_an_inner_the_a_place_and_a_split_name() -> None:
    text = (
        "Terms of Reference\n\n"
        "The Audit, Quality and Assurance Group (AQA) reports to the Fenmoor & Dale Health & Wellbeing "
        "Board (HWB). Work is delegated to the Safer Streets (SS) Delivery Group, which the Office of the "
        "Police and Crime Commissioner (OPCC) funds.\n"
    )
    entities = find_entities(segment(text).clauses)
    by_acronym = {e.acronym: e.name for e in entities.items.values() if e.acronym}
    assert by_acronym["AQA"] == "Audit, Quality and Assurance Group"
    assert by_acronym["HWB"] == "Fenmoor & Dale Health & Wellbeing Board"
    assert by_acronym["SS"] == "Safer Streets Delivery Group"
    assert by_acronym["OPCC"] == "Office of the Police and Crime Commissioner"
    assert "Delivery Group" not in {e.name for e in entities.items.values()}


def test_a_body_defined_twice_once_with_its_place_is_one_body() -> None:
    text = (
        "Report\n\n"
        "The Health & Wellbeing Board (HWB) met in March. The Fenmoor Health & Wellbeing Board (HWB) "
        "agreed its terms.\n"
    )
    assert _bodies(text) == {"Fenmoor Health & Wellbeing Board"}


def test_a_name_printed_without_the_area_inside_it_is_the_same_body() -> None:
    text = (
        "Update\n\n"
        "An update came from the Office of the Fenmoor Police and Crime Commissioner. The Office of the "
        "Police and Crime Commissioner chairs the Fenmoor Community Safety Partnership.\n"
    )
    assert "Office of the Police and Crime Commissioner" not in _bodies(text, "Fenmoor")


def test_a_kind_of_body_is_not_a_body_but_one_of_its_representatives_belongs_to_one() -> None:
    text = (
        "About the Fenmoor Safeguarding Adults Board\n\n"
        "Each local authority must set up a Safeguarding Adults Board (SAB). Local Safeguarding Children "
        "Boards were replaced in 2019. The Fenmoor Safeguarding Adults Board asked for an Integrated Care "
        "Partnership representative. There are a number of FSAB Sub Groups.\n"
    )
    bodies = _bodies(text)
    assert "Safeguarding Adults Board" not in bodies
    assert "Local Safeguarding Children Board" not in bodies
    assert {"Fenmoor Safeguarding Adults Board", "Integrated Care Partnership"} <= bodies
    assert any(name.startswith("FSAB Sub Group") for name in bodies)


def test_organisations_named_as_associations_companies_healthwatch_and_prisons_are_bodies() -> None:
    text = (
        "Membership\n\n"
        "The review was supported by the Regional Councils Association, the Fenmoor Rehabilitation "
        "Company, Healthwatch Fenmoor and HMP Fenmoor.\n"
    )
    assert {
        "Regional Councils Association",
        "Fenmoor Rehabilitation Company",
        "Healthwatch Fenmoor",
        "HMP Fenmoor",
    } <= _bodies(text)
    assert "Healthwatch" not in _bodies(
        "Plan\n\nThe Board must consult the local Healthwatch organisation.\n"
    )


def test_the_numbered_rows_of_a_signature_table_are_items_and_the_signatories_names_not_bodies() -> None:
    text = (
        "Fenmoor Safeguarding Adults Board Constitution\n\n"
        "The undersigned agree on behalf of their organisation to be bound by this constitution:\n\n"
        "1 Jane Marsh Fenmoor Borough Council\n\n"
        "2 Fenmoor Constabulary\n\n"
        "3 Omar Hale Dale Valley Hospitals NHS Foundation Trust\n\n"
        "4 Probation Service\n"
    )
    segmented = segment(text)
    rows = [c for c in segmented.clauses if c.kind == "item"]
    assert [c.text for c in rows][-1] == "Probation Service" and not segmented.headings
    assert {
        "Fenmoor Borough Council",
        "Fenmoor Constabulary",
        "Dale Valley Hospitals NHS Foundation Trust",
        "Probation Service",
    } <= _bodies(text, "Fenmoor")
    assert not any("Marsh" in name or "Hale" in name for name in _bodies(text, "Fenmoor"))


def test_a_numbered_heading_with_no_lead_in_is_still_a_heading() -> None:
    text = "Protocol\n\n3 The Fenmoor Children's Trust\n\nThe Trust meets four times a year.\n"
    assert [h.text for h in segment(text).headings] == ["The Fenmoor Children's Trust"]


def test_a_glossary_line_defines_a_body_and_is_no_heading() -> None:
    text = (
        "Terms of Reference\n\nThe Board meets quarterly.\n\nGlossary of Terms\n\n"
        "DVHT: Dale Valley Hospitals NHS Trust\n\nFRC: Fenmoor Rehabilitation Company\n"
    )
    entities = find_entities(segment(text).clauses)
    by_acronym = {e.acronym: e.name for e in entities.items.values() if e.acronym}
    assert by_acronym == {"DVHT": "Dale Valley Hospitals NHS Trust", "FRC": "Fenmoor Rehabilitation Company"}


def test_a_listed_figure_or_a_signatory_is_not_made_a_body() -> None:
    text = (
        "Fenmoor Safeguarding Adults Board\n\n"
        "The Board's structure is shown in:\n\n"
        "- Appendix 2 Safeguarding Adults Board Delivery Structure\n"
        "- Governance and operational structure\n\n"
        "The undersigned agree on behalf of their organisation to be bound by this constitution:\n\n"
        "- Voluntary Sector\n"
        "- Trevor Hale\n"
    )
    clauses = segment(text).clauses
    entities = find_entities(clauses, "Fenmoor")
    items = {c.text: c for c in clauses if c.kind == "item"}
    assert len(items) == 4
    for figure in (
        "Appendix 2 Safeguarding Adults Board Delivery Structure",
        "Governance and operational structure",
    ):
        assert add_listed_entity(entities, figure, items[figure]) is None
    assert add_listed_entity(entities, "Trevor Hale", items["Trevor Hale"]) is None
    contact = segment("Report\n\nQuestions should be addressed to:\n\n- Ann Marsh\n").clauses
    assert add_listed_entity(find_entities(contact), "Ann Marsh", contact[-1]) is None
    key = add_listed_entity(entities, "Voluntary Sector", items["Voluntary Sector"])
    assert key is not None and entities.items[key].name == "Voluntary Sector"


def test_a_name_with_commas_before_a_lower_case_head_is_one_body() -> None:
    text = (
        "Structure\n\n"
        "The Board has two subgroups; the Audit, Learning and Practice group who review cases, and the "
        "Case Review group.\n"
    )
    assert {"Audit, Learning and Practice group", "Case Review group"} <= _bodies(text)


def test_undefined_acronyms_listed_where_organisations_stand_are_bodies() -> None:
    text = (
        "Minutes\n\n"
        "The annual report of the Fenmoor Safeguarding Children Board, covering FBC, DVC and NFC, was "
        "noted. Figures from JSNA were discussed.\n"
    )
    bodies = _bodies(text)
    assert {"FBC", "DVC", "NFC"} <= bodies and "JSNA" not in bodies


def test_organisations_a_membership_sentence_lists_are_bodies_even_without_a_head_noun() -> None:
    text = (
        "About the Board\n\n"
        "The Fenmoor Safeguarding Children Board includes representation from all four district councils "
        "in Fenmoor, as well as the Dale Valley and Fenmoor NHS Foundation Trust, Public Health for "
        "Fenmoor, schools and Further Education colleges, the voluntary sector, local organisations and "
        "the Chair of the Board.\n"
    )
    bodies = _bodies(text, "Fenmoor")
    assert {
        "all four district councils in Fenmoor",
        "Dale Valley and Fenmoor NHS Foundation Trust",
        "Public Health for Fenmoor",
        "schools",
        "Further Education colleges",
        "voluntary sector",
    } <= bodies
    assert not any("organisations" in name or "Chair" in name or name == "Dale Valley" for name in bodies)
