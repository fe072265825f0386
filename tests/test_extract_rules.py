"""The extraction rules on small invented texts: segmentation, names and aliases, duties and relations.

None of these texts comes from the bundled protocols, so a rule keyed to their names would not pass.
"""

from __future__ import annotations

from pathlib import Path

from govgraph.graph.model import Capacity, DeclarationKind, Relation
from govgraph.loaders.extract.entities import find_entities
from govgraph.loaders.extract.relations import Findings, find_relations
from govgraph.loaders.extract.segment import segment
from govgraph.loaders.text import fold

PROTOCOL = (Path(__file__).resolve().parent / "fixtures" / "extract" / "kestrel-rules.txt").read_text()


BUNDLED_NAMES = ("Leicester", "Wirral", "LSCB", "WCT", "H&WB", "CTB", "Northmoor", "Ashdown", "NSAB", "SAP")


def _run(text: str = PROTOCOL) -> tuple:
    segmented = segment(text)
    entities = find_entities(segmented.clauses)
    return segmented, entities, find_relations(segmented.clauses, entities)


def _relations(found: Findings) -> set[tuple[str, str, str]]:
    return {(r.type.value, r.source, r.target) for r in found.relations}


def test_clauses_keep_numbers_headings_and_exact_spans() -> None:
    segmented, _, _ = _run()
    by_id = segmented.by_id()
    assert list(by_id)[:3] == ["title", "1a", "2a"]
    assert by_id["2a"].is_lead_in and by_id["2b"].lead_in == "2a"
    assert by_id["3.1"].number == "3.1" and by_id["3.1"].heading == "Roles"
    assert segmented.headings[0].text == "Purpose"  # footnote mark dropped from the heading
    for clause in segmented.clauses:
        assert fold(PROTOCOL[clause.start : clause.end]) == clause.text


def test_a_lead_in_printed_as_a_bullet_opens_its_own_list_and_empty_bullets_vanish() -> None:
    segmented, _, found = _run()
    by_id = segmented.by_id()
    lead = next(c for c in segmented.clauses if c.text.startswith("In respect of the HWB"))
    assert lead.is_lead_in and by_id[lead.items[0]].text.startswith("Respond formally")
    assert all(c.text for c in segmented.clauses)
    respond = next(d for d in found.duties if d.text.startswith("Respond formally"))
    assert (respond.owner, respond.towards) == ("partnership", "hwb")
    assert not any(d.text.startswith("In respect of") for d in found.duties)


def test_markup_glued_headings_and_wrapped_lines() -> None:
    text = (
        "Protocol between the Heron Trust and the Heron Board**1.0 Aim**\n\n"
        "1.1 The Heron Board will report to the Heron Trust on the arrangements for local\n"
        "safeguarding each quarter.\n"
        "1.2 (a) first item;\n"
    )
    segmented = segment(text)
    assert [c.id for c in segmented.clauses] == ["title", "1.1", "1.2"]
    assert segmented.clauses[0].text == "Protocol between the Heron Trust and the Heron Board"
    assert segmented.headings[0].number == "1.0" and segmented.headings[0].text == "Aim"
    assert segmented.clauses[1].text.endswith("for local safeguarding each quarter.")


def test_other_numbering_styles_and_duplicate_section_numbers() -> None:
    text = (
        "Memorandum\n\nSection 1 \u2013 Parties\n\n1) The Board is a partnership.\n\n"
        "Part 2: Items\n\nThe Board will:\n(a) report;\n(b) consult.\n\n"
        "2. Signatures\n\nSigned:\nThe Board\n"
    )
    segmented = segment(text)
    ids = [c.id for c in segmented.clauses]
    assert ids == ["title", "1", "2a", "2b", "2c", "signatures-a", "signatures-b"]
    assert any("used twice" in note for note in segmented.notes)


def test_bodies_aliases_roles_and_unknown_references() -> None:
    _, entities, _ = _run()
    items = entities.items
    assert entities.area == "Kestrel"
    assert entities.parties == ["ksab", "partnership", "hwb"]
    assert {"KSAB", "Safeguarding Adults Board"} <= set(items["ksab"].aliases)
    assert "the Partnership" in items["partnership"].aliases
    assert entities.resolve("KYP Board") == "partnership"  # undefined initials + "Board"
    assert items["das"].role and items["independent-chair"].role
    assert items["prevention-panel"].kind is not None
    notes = " ".join(n.message for n in entities.notes)
    assert "'KYP'" in notes and "'QRG'" in notes
    assert "ambiguous reference 'the Board'" in notes  # two bodies are boards: not guessed


def test_lead_in_duties_purpose_phrases_and_typed_relations() -> None:
    _, _, found = _run()
    relations = _relations(found)
    assert ("REPORTS_TO", "partnership", "ksab") in relations
    assert {("SCRUTINISES", "ksab", "partnership"), ("CHALLENGES", "ksab", "partnership")} <= relations
    assert ("CHALLENGES", "partnership", "ksab") not in relations  # the challenge is the KSAB's
    assert ("CONSULTS", "partnership", "ksab") in relations
    assert ("RESPONDS_TO", "partnership", "hwb") in relations
    assert ("REPORTS_TO", "ksab", "hwb") in relations
    report = next(r for r in found.relations if r.type == Relation.REPORTS_TO and r.source == "ksab")
    assert report.frequency == "quarterly" and report.duty is not None


def test_memberships_chairs_subgroups_and_declarations() -> None:
    _, _, found = _run()
    members = {(r.source, r.target, r.capacity) for r in found.relations if r.type == Relation.MEMBER_OF}
    assert members == {("das", "ksab", Capacity.MEMBER), ("das", "hwb", Capacity.MEMBER)}
    relations = _relations(found)
    assert ("CHAIRS", "independent-chair", "ksab") in relations
    assert ("SUBGROUP_OF", "prevention-panel", "ksab") in relations
    kinds = {(d.kind, tuple(d.bodies)) for d in found.declarations}
    assert (DeclarationKind.INDEPENDENT, ("ksab",)) in kinds
    assert (DeclarationKind.SEPARATE_CHAIRS, ("ksab", "partnership")) in kinds
    # "neither ... a subgroup of any other local body" is a declaration, not a SUBGROUP_OF edge
    assert not any(r.type == Relation.SUBGROUP_OF and r.source == "ksab" for r in found.relations)


def test_pronoun_subjects_and_unclassified_obligations() -> None:
    _, _, found = _run()
    publish = next(d for d in found.duties if "publish a plan" in d.text)
    assert publish.owner == "ksab" and publish.towards is None
    unclassified = [u.text for u in found.unclassified]
    assert "This will improve outcomes for adults." in unclassified
    assert any("The Board will advise the QRG" in u for u in unclassified)  # "the Board" is ambiguous


def test_joint_obligations_each_other_and_partners() -> None:
    text = (
        "Protocol between the Heron Safeguarding Board (HSB) and the Heron Community Safety Partnership "
        "(CSP)\n\n"
        "1. Working together\n\n"
        "1.1 The HSB, the CSP and their constituent partners will challenge each other.\n"
        "1.2 The HSB and the CSP will jointly commission training.\n"
        "1.3 Partner agencies retain their own lines of accountability. Neither the HSB nor the CSP has the "
        "power to direct other organisations.\n"
    )
    _, entities, found = _run(text)
    relations = _relations(found)
    assert {("CHALLENGES", "hsb", "csp"), ("CHALLENGES", "csp", "hsb")} <= relations
    assert ("COOPERATES_WITH", "hsb", "csp") in relations
    assert ("COOPERATES_WITH", "csp", "hsb") not in relations
    assert {("MEMBER_OF", "partners", "hsb"), ("MEMBER_OF", "partners", "csp")} <= relations
    partners_duty = next(d for d in found.duties if d.owner == "partners")
    assert partners_duty.towards is None  # "each other" among three: no single counterpart
    kinds = {d.kind for d in found.declarations}
    assert {DeclarationKind.SEPARATE_ACCOUNTABILITY, DeclarationKind.NO_DIRECTION_POWER} <= kinds
    assert entities.items["partners"].collective


def test_no_rule_names_an_area_or_a_bundled_body() -> None:
    """The method must work for any area: no rule (code or pattern; docstrings may cite examples) may
    mention the bundled or fixture protocols' names."""
    import ast

    import govgraph.loaders.extract as package

    for path in Path(package.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text())
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        words = [
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
        ]
        words += [node.id for node in ast.walk(tree) if isinstance(node, ast.Name)]
        code = " ".join(words)
        for name in BUNDLED_NAMES:
            assert name not in code, (path.name, name)
