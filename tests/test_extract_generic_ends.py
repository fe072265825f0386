"""Generic ends (issue 9: "a 'Partners' body added to most drafts"; what has a generic end is emitted only
as a flagged suggestion, never as a fact). Invented sentences of the forms the issue lists.
"""

from __future__ import annotations

from pathlib import Path

from govgraph.graph.model import Relation
from govgraph.loaders.extract.draft import render
from govgraph.loaders.extract.pipeline import Extraction, extract_text
from govgraph.loaders.extract.reading import SourceText

KSCB = "The Kestrel Safeguarding Children Board (KSCB)"


def _extract(text: str) -> Extraction:
    return extract_text(
        SourceText(Path("protocol.txt"), "Kestrel governance\n\n" + text + "\n", False), "Kestrel"
    )


def _keys(extraction: Extraction) -> set[str]:
    return set(extraction.entities.items)


def test_plain_partners_as_members_are_a_suggestion_kept_as_a_note_not_a_body() -> None:
    extraction = _extract(
        f"{KSCB} meets monthly. The plan was agreed by the Board and their partners in May."
    )
    assert "partners" not in _keys(extraction)
    assert not [r for r in extraction.findings.relations if "partners" in (r.source, r.target)]
    notes = [u for u in extraction.findings.unclassified if "generic end" in u.reason]
    assert [n.reason for n in notes] == ["a suggestion with a generic end, MEMBER_OF partners -> kscb"]
    assert "MEMBER_OF partners -> kscb" in render(extraction, "text.txt", "text.txt")


def test_a_body_overseeing_plain_partners_is_a_suggestion_kept_as_a_note() -> None:
    extraction = _extract(
        f"{KSCB} must assure itself that local arrangements and partners act to protect children."
    )
    assert not [r for r in extraction.findings.relations if r.type == Relation.OVERSEES]
    notes = [u.reason for u in extraction.findings.unclassified if "generic end" in u.reason]
    assert notes == ["a suggestion with a generic end, OVERSEES kscb -> partners"]
    assert "partners" not in _keys(extraction)


def test_partners_the_text_names_as_a_bodys_stay_a_stated_end() -> None:
    extraction = _extract(f"{KSCB} will challenge all KSCB Partners on their plans.")
    challenges = [r for r in extraction.findings.relations if r.type == Relation.CHALLENGES]
    assert [(r.source, r.target, r.reason) for r in challenges] == [("kscb", "partners", None)]
    assert extraction.entities.items["partners"].name == "KSCB Partners"


def test_equal_partners_beside_two_named_bodies_declare_only_the_two() -> None:
    extraction = _extract(
        "The Kestrel Health and Wellbeing Partnership (KHWP) is established jointly between the Kestrel "
        "Integrated Care Board (KICB) and Kestrel County Council as equal partners."
    )
    declared = [set(d.bodies) for d in extraction.findings.declarations]
    assert declared and all("partners" not in bodies and len(bodies) >= 2 for bodies in declared)


def test_a_duty_towards_all_agencies_has_no_counterpart_and_drafts_no_body_for_them() -> None:
    extraction = _extract(
        f"{KSCB} meets monthly. The Kestrel Procedures Group will publish procedures which will apply to all "
        "agencies who work with children in Kestrel."
    )
    assert extraction.findings.duties
    assert all(d.towards is None for d in extraction.findings.duties if d.owner != "kscb")
    assert not [e for e in extraction.entities.items.values() if e.collective]
