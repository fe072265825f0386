"""Bodies named only in a heading, and one body printed two ways (issue 9, session 4): short invented
sentences in the shapes real protocols use. The names ("Kestrel ...") are invented."""

from __future__ import annotations

from pathlib import Path

from govgraph.graph.model import Relation
from govgraph.loaders.extract.entities import find_entities
from govgraph.loaders.extract.pipeline import Extraction, extract_text
from govgraph.loaders.extract.reading import SourceText
from govgraph.loaders.extract.segment import segment


def _extract(text: str, area: str | None = "Kestrel") -> Extraction:
    return extract_text(SourceText(Path("protocol.txt"), text, False), area)


def _bodies(extraction: Extraction) -> dict[str, str]:
    return {e.name: e.key for e in extraction.entities.items.values() if not e.role and not e.collective}


def _entity_bodies(text: str) -> set[str]:
    """The body names entity finding alone gives (before relations or the draft)."""
    return {e.name for e in find_entities(segment(text).clauses, "Kestrel").items.values() if not e.role}


def _edges(extraction: Extraction, relation: Relation) -> set[tuple[str, str]]:
    return {
        (r.source, r.target) for r in extraction.findings.relations if r.type == relation and r.reason is None
    }


HEADED = (
    "Kestrel safeguarding structure\n\n"
    "The Kestrel Safeguarding Adults Board (KSAB) leads adult safeguarding in Kestrel.\n\n"
    "Quality Assurance Sub-Group\n\n"
    "It reports to the KSAB every quarter.\n\n"
    "Assistant Director Housing Services\n\n"
    "The post holder attends the Board.\n\n"
    "Safeguarding Adults Board\n\n"
    "A Safeguarding Adults Board has three core duties.\n"
)


def test_a_heading_that_names_a_body_is_a_clause_and_the_subject_of_its_section() -> None:
    extraction = _extract(HEADED)
    bodies = _bodies(extraction)
    assert "Quality Assurance Sub-Group" in bodies
    heading = next(c for c in extraction.segmented.clauses if c.kind == "heading")
    assert heading.text == "Quality Assurance Sub-Group"
    assert HEADED[heading.start : heading.end] == heading.text  # its exact span
    entity = extraction.entities.items[bodies["Quality Assurance Sub-Group"]]
    assert entity.clause == heading.id
    reports = _edges(extraction, Relation.REPORTS_TO)
    assert (bodies["Quality Assurance Sub-Group"], bodies["Kestrel Safeguarding Adults Board"]) in reports


def test_a_post_or_a_bare_kind_as_a_heading_names_no_body() -> None:
    extraction = _extract(HEADED)
    headings = [c.text for c in extraction.segmented.clauses if c.kind == "heading"]
    assert headings == ["Quality Assurance Sub-Group"]
    assert "Assistant Director Housing Services" not in _bodies(extraction)


def test_a_heading_repeating_a_defined_groups_kind_is_that_group() -> None:
    text = (
        "Kestrel partnership structure\n\n"
        "The Monitoring, Quality and Performance Group (MQP) reports to the Kestrel Safeguarding Children "
        "Partnership.\n\n"
        "Monitoring Quality and Performance Group Sub-Committee\n\n"
        "It meets every month.\n"
    )
    bodies = _bodies(_extract(text))
    assert "Monitoring Quality and Performance Group Sub-Committee" not in bodies
    assert "Monitoring, Quality and Performance Group" in bodies


def test_words_reordered_or_without_the_area_name_one_body() -> None:
    text = (
        "Kestrel boards\n\n"
        "The Chair met the independent Chair of Kestrel Safeguarding Adults Board.\n\n"
        "The Adult Safeguarding Board was created on a statutory footing.\n"
    )
    bodies = _entity_bodies(text)
    assert "Adult Safeguarding Board" not in bodies
    assert "Kestrel Safeguarding Adults Board" in bodies


def test_the_same_words_after_different_places_are_different_bodies() -> None:
    text = (
        "Kestrel partners\n\n"
        "Members include Harrow Teaching Hospitals NHS Foundation Trust and Kestrel Teaching Hospitals NHS "
        "Foundation Trust.\n"
    )
    bodies = _entity_bodies(text)
    assert {
        "Harrow Teaching Hospitals NHS Foundation Trust",
        "Kestrel Teaching Hospitals NHS Foundation Trust",
    } <= bodies


PARTNERSHIP = (
    "Kestrel partnership structure\n\n"
    "The Kestrel Safeguarding Children Partnership (KSCP) consists of an Executive and four sub-groups.\n\n"
    "Kestrel Safeguarding Children Partnership Executive\n\n"
    "The Partnership Executive oversees the Partnership's arrangements. View the KSCP Executive terms of "
    "reference.\n\n"
    "Quality Group\n\n"
    "The Quality Group (QG) provides a monitoring function with sharply defined accountability to the "
    "Executive. The QG is led by the Independent Chair and Scrutineer.\n\n"
    "Three sub-committees report to the Quality Group:\n\n"
    "1 Training and Development Sub-Committee\n\n"
    "This develops training materials across the Partnership.\n\n"
    "2 Practice Review Sub-Committee (PRS)\n\n"
    "This provides local child safeguarding practice reviews.\n"
)


def test_an_acronym_before_a_groups_kind_is_the_spelt_out_group() -> None:
    bodies = _bodies(_extract(PARTNERSHIP))
    assert "KSCP Executive" not in bodies
    assert "Kestrel Safeguarding Children Partnership Executive" in bodies


def test_a_partnership_consisting_of_an_executive_has_it_as_a_sub_group() -> None:
    extraction = _extract(PARTNERSHIP)
    executive = _bodies(extraction)["Kestrel Safeguarding Children Partnership Executive"]
    assert (executive, "kscp") in _edges(extraction, Relation.SUBGROUP_OF)


def test_accountability_to_a_body_is_no_monitoring_of_it() -> None:
    extraction = _extract(PARTNERSHIP)
    executive = _bodies(extraction)["Kestrel Safeguarding Children Partnership Executive"]
    quality = extraction.entities.resolve("QG")
    assert (quality, executive) in _edges(extraction, Relation.REPORTS_TO)
    assert (quality, executive) not in _edges(extraction, Relation.OVERSEES)


def test_the_independent_chair_and_scrutineer_is_one_post() -> None:
    extraction = _extract(PARTNERSHIP)
    roles = {e.name: e.key for e in extraction.entities.items.values() if e.role}
    assert "Independent Chair and Scrutineer" in roles and "Scrutineer" not in roles
    quality = extraction.entities.resolve("QG")
    assert (roles["Independent Chair and Scrutineer"], quality) in _edges(extraction, Relation.CHAIRS)


def test_numbered_headings_after_a_lead_in_with_no_items_are_its_items() -> None:
    extraction = _extract(PARTNERSHIP)
    training = _bodies(extraction)["Training and Development Sub-Committee"]
    reports = _edges(extraction, Relation.REPORTS_TO)
    quality = extraction.entities.resolve("QG")
    assert {(training, quality), ("prs", quality)} <= reports


def test_a_bodys_acronym_before_a_title_is_the_same_post_as_title_of_the_body() -> None:
    text = (
        "Kestrel adults board\n\n"
        "The Kestrel Safeguarding Adults Board (KSAB) meets quarterly. Members include the Chair of the "
        "Board. Issues are raised with the agreement of the KSAB Chair.\n"
    )
    entities = find_entities(segment(text).clauses, "Kestrel")
    posts = [e for e in entities.items.values() if e.role]
    assert len(posts) == 1 and entities.resolve("KSAB Chair") == entities.resolve("Chair of the Board")


def test_a_committee_of_a_named_body_is_its_sub_group() -> None:
    text = (
        "Kestrel reporting\n\n"
        "The Kestrel Safeguarding Adults Board (KSAB) provides its annual report to the Healthier Lives "
        "Select Committee of the Kestrel Borough Council.\n"
    )
    extraction = _extract(text)
    bodies = _bodies(extraction)
    committee, council = bodies["Healthier Lives Select Committee"], bodies["Kestrel Borough Council"]
    assert (committee, council) in _edges(extraction, Relation.SUBGROUP_OF)
    assert ("ksab", council) not in _edges(extraction, Relation.SUBGROUP_OF)


def test_a_documents_title_names_the_body_it_starts_with() -> None:
    text = (
        "Kestrel arrangements\n\n"
        "The arrangements can be viewed in full here: Kestrel Safeguarding Children Partnership "
        "Arrangements 2024\n"
    )
    assert "Kestrel Safeguarding Children Partnership" in _bodies(_extract(text))


def test_the_area_and_the_kind_alone_shorten_the_one_such_body() -> None:
    text = (
        "Kestrel children\n\n"
        "The Kestrel Board is led by an independent chair. The Kestrel Safeguarding Children Board "
        "publishes an annual report.\n"
    )
    bodies = _bodies(_extract(text))
    assert "Kestrel Board" not in bodies and "Kestrel Safeguarding Children Board" in bodies


def test_groups_named_after_a_counted_sub_group_noun_are_the_bodys_sub_groups() -> None:
    text = (
        "Kestrel Safeguarding Adults Board (KSAB) annual report\n\n"
        "There is an overview of the work of the two subgroups; the Quality and Practice group who work "
        "on practice standards and the Adult Review group who action referrals.\n"
    )
    extraction = _extract(text)
    bodies = _bodies(extraction)
    subgroups = _edges(extraction, Relation.SUBGROUP_OF)
    ksab = bodies["Kestrel Safeguarding Adults Board"]
    assert {(bodies["Quality and Practice group"], ksab), (bodies["Adult Review group"], ksab)} <= subgroups
    assert (bodies["Adult Review group"], bodies["Quality and Practice group"]) not in subgroups


def test_the_three_partners_are_the_three_listed_before() -> None:
    text = (
        "Kestrel arrangements\n\n"
        "The three organisations (the Safeguarding Partners) who lead the arrangements: Kestrel Borough "
        "Council, Kestrel Police and NHS Kestrel Integrated Care Board. Acting as a leadership group the "
        "three lead safeguarding partners oversee the Kestrel Safeguarding Children Partnership (KSCP).\n"
    )
    extraction = _extract(text)
    bodies = _bodies(extraction)
    overseers = {source for source, target in _edges(extraction, Relation.OVERSEES) if target == "kscp"}
    assert overseers == {
        bodies["Kestrel Borough Council"],
        bodies["Kestrel Police"],
        bodies["NHS Kestrel Integrated Care Board"],
    }


def test_an_organisation_broken_over_two_lines_of_a_numbered_table_is_one_name() -> None:
    text = (
        "Kestrel constitution\n\n"
        "The undersigned agree on behalf of their organisation to be bound by this constitution:\n\n"
        "Name Organisation Signature 1 Jo Bloggs Kestrel Borough Council\n\n"
        "2 Sam Smith Kestrel NHS\n\n"
        "Clinical Commissioning Group\n\n"
        "3 Kestrel Police\n"
    )
    extraction = _extract(text)
    assert "Kestrel NHS Clinical Commissioning Group" in _bodies(extraction)
    assert "Clinical Commissioning Group" not in _bodies(extraction)
    row = next(c for c in extraction.segmented.clauses if "Sam Smith" in c.text)
    assert row.text.endswith("Sam Smith Kestrel NHS Clinical Commissioning Group")


def test_full_council_is_the_council_and_the_accountable_body_no_body() -> None:
    text = (
        "Kestrel terms of reference\n\n"
        "The terms were agreed by the Board and subsequently by Kestrel City Council Full Council. The "
        "Council is the Accountable Body for the Board's budget. The March 2021 Full Council noted them.\n"
    )
    bodies = _bodies(_extract(text))
    assert "Kestrel City Council" in bodies
    assert not {"Full Council", "Kestrel City Council Full Council", "Accountable Body"} & set(bodies)


def test_a_long_bodys_id_ends_at_a_word_and_a_folder_names_the_area(tmp_path: Path) -> None:
    extraction = _extract(HEADED)
    assert extraction.entities.resolve("Quality Assurance Sub-Group") == "quality-assurance-sub-group"
    long_name = "Training and Workforce Development Sub-Committee"
    text = f"Kestrel structure\n\nThe {long_name} reports to the Kestrel Safeguarding Adults Board (KSAB).\n"
    key = _extract(text).entities.resolve(long_name)
    assert key == "training-and-workforce-development-sub-committee"
    folder = tmp_path / "fenmoor"
    folder.mkdir()
    (folder / "text.txt").write_text(text, encoding="utf-8")
    unplaced = SourceText(folder / "text.txt", "Notes\n\nThe Board (TB) meets.\n", False)
    assert extract_text(unplaced).area_id == "fenmoor"  # no place in the text nor the file's name


def test_our_independent_chair_in_title_case_chairs_the_one_party() -> None:
    text = (
        "Kestrel Safeguarding Adults Partnership Board (KSAPB)\n\n"
        "Our Independent Chair Is Ann Baxter, who was appointed in 2020.\n"
    )
    extraction = _extract(text)
    roles = {e.name: e.key for e in extraction.entities.items.values() if e.role}
    assert "Independent Chair" in roles
    assert (roles["Independent Chair"], "ksapb") in _edges(extraction, Relation.CHAIRS)


def test_the_partners_named_after_a_body_keep_its_name() -> None:
    text = (
        "Kestrel arrangements\n\n"
        "The Kestrel Safeguarding Children Partnership (KSCP) works with all KSCP Partners and their "
        "partner agencies.\n"
    )
    entities = find_entities(segment(text).clauses, "Kestrel")
    assert entities.items["partners"].name == "KSCP Partners"
