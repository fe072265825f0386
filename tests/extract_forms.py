"""A small shared helper for the tests of one sentence or layout form each (issue 9): an invented
protocol of invented bodies (Kestrel ..., so a rule keyed to a real area's names cannot pass), the form
under test appended as its clause 2, and the stated edges and people the whole pipeline finds."""

from __future__ import annotations

from pathlib import Path

from govgraph.graph.model import Relation
from govgraph.loaders.extract.pipeline import Extraction, extract_text
from govgraph.loaders.extract.reading import SourceText

PARTIES = (
    "Kestrel governance protocol\n\n"
    "1. This protocol is agreed by the Kestrel Safeguarding Adults Board (KSAB), the Kestrel Health and "
    "Wellbeing Board (KHWB) and the Kestrel Safeguarding Children Partnership (KSCP).\n\n"
)


def extract(form: str) -> Extraction:
    """The pipeline's extraction of the invented protocol with `form` as its clause 2."""
    return extract_text(SourceText(Path("protocol.txt"), PARTIES + "2. " + form + "\n", False), "Kestrel")


def stated(found: Extraction, relation: Relation) -> set[tuple[str, str]]:
    """The (source, target) names of the stated (not suggested) edges of one type, by entity name."""
    names = {key: entity.name for key, entity in found.entities.items.items()}
    return {
        (names.get(r.source, r.source), names.get(r.target, r.target))
        for r in found.findings.relations
        if r.type == relation and r.reason is None
    }


def held(found: Extraction) -> dict[str, set[str]]:
    """Each person found and the names of the posts they hold."""
    names = {key: entity.name for key, entity in found.entities.items.items()}
    return {p.name: {names.get(k, k) for k in p.holds} for p in found.people}
