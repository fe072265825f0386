"""One protocol text through segmentation, entities and relations: the extraction as data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from govgraph.loaders.errors import InputError
from govgraph.loaders.extract import ids
from govgraph.loaders.extract.entities import Entities, find_entities, heading_names_body
from govgraph.loaders.extract.people import PersonDraft, find_people
from govgraph.loaders.extract.prune import (
    collective_keys,
    drop_unreferenced_collectives,
    one_chair_per_body,
    referenced_keys,
    without_generic_counterparts,
)
from govgraph.loaders.extract.reading import SourceText, read_document
from govgraph.loaders.extract.relations import Findings, Unclassified, find_relations
from govgraph.loaders.extract.segment import Segmented, add_heading_clauses, segment


@dataclass
class Extraction:
    source: SourceText
    segmented: Segmented
    entities: Entities
    findings: Findings
    area_id: str
    area_name: str
    people: list[PersonDraft] = field(default_factory=list)


def extract_file(path: Path, area: str | None = None) -> Extraction:
    return extract_text(read_document(path), area)


def extract_text(source: SourceText, area: str | None = None) -> Extraction:
    segmented = segment(source.text)
    if not segmented.clauses:
        raise InputError(source.path, "has no clauses: no paragraph, numbered clause or bullet was found")
    add_heading_clauses(segmented, heading_names_body)
    entities = find_entities(segmented.clauses, area)
    if not any(not e.role for e in entities.items.values()):
        raise InputError(
            source.path,
            "names no body (no board, trust, partnership or council was found): is it a governance protocol?",
        )
    findings = find_relations(segmented.clauses, entities)
    people = find_people(segmented.clauses, entities)
    one_chair_per_body(findings, people, entities)
    without_generic_counterparts(findings, entities)
    used = referenced_keys(findings, people, unless_suggested=collective_keys(entities))
    dropped = drop_unreferenced_collectives(entities, used)  # bodies' hook
    _suggestions_as_notes(findings, set(dropped), segmented)
    name = area or entities.area or _from_file_name(source.path)
    return Extraction(source, segmented, entities, findings, slug(name) or "area", name, people)


def _suggestions_as_notes(findings: Findings, dropped: set[str], segmented: Segmented) -> None:
    """The suggestions whose generic end ("partners") was dropped: kept for the reviewer as notes of the
    draft (its comments), not as relations to a body no one named."""
    lines = {clause.id: clause.line for clause in segmented.clauses}
    kept = []
    for rel in findings.relations:
        if rel.source in dropped or rel.target in dropped:
            reason = f"a suggestion with a generic end, {rel.type.value} {rel.source} -> {rel.target}"
            findings.unclassified.append(
                Unclassified(rel.clause, lines.get(rel.clause, 0), rel.quote, reason)
            )
        else:
            kept.append(rel)
    findings.relations = kept


_NOT_A_PLACE_IN_A_FILE_NAME = {
    "text", "protocol", "protocols", "draft", "final", "version", "document", "agreement", "joint",
    "working", "governance", "partnership", "board", "boards", "trust", "and", "the", "between", "lscb",
    "scp", "sab", "csp", "hwb", "hwbb", "lsab", "ct", "safeguarding", "children", "adults", "health",
}  # fmt: skip


def _from_file_name(path: Path) -> str:
    """The place a file name starts with, all its words ("north-yorkshire-scp.txt": North Yorkshire),
    else the folder it is in ("bristol/text.txt": Bristol), since a file is often filed by area."""
    for stem in (path.stem, path.resolve().parent.name):
        words = []
        for word in re.split(r"[-_ .]+", stem):
            if not word.isalpha() or word.lower() in _NOT_A_PLACE_IN_A_FILE_NAME:
                break
            words.append(word.capitalize())
        if words:
            return " ".join(words)
    return "Area"


def slug(text: str) -> str:
    return ids.slug(text, 60)
