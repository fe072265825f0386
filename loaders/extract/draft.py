"""The extraction written as governance-as-code YAML that ``govgraph load`` takes, for review.

Review notes (confidence, how each item was found, unknown references, unclassified sentences) are YAML
comments: the loader forbids unknown fields, and comments survive a reviewer's edits where they belong.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from govgraph.loaders.document import FORMAT, MAX_NAME, MAX_NOTE, MAX_TEXT
from govgraph.loaders.extract import ids
from govgraph.loaders.extract.entities import Entity
from govgraph.loaders.extract.pipeline import Extraction, slug

_WIDTH = 110


def render(extraction: Extraction, source_ref: str, input_name: str, notes: Sequence[str] = ()) -> str:
    """The draft YAML; ``source_ref`` is the text file the quotes are checked against, relative to it,
    and ``notes`` are review notes of the caller's (such as where the text was copied)."""
    fields = _Fields()
    lines: list[str] = [
        f"format: {FORMAT}",
        f"area: {{id: {_q(extraction.area_id)}, name: {fields.name(extraction.area_name)}}}",
    ]
    lines += _protocol(extraction, source_ref, fields)
    lines += _clauses(extraction, fields)
    lines += _entities(extraction, fields, role=False)
    lines += _entities(extraction, fields, role=True)
    lines += _people(extraction, fields)
    lines += _legislation(extraction, fields)
    lines += _duties(extraction, fields)
    lines += _relations(extraction, fields)
    lines += _declarations(extraction, fields)
    lines += _unclassified(extraction)
    notes = [*notes, *fields.review_notes()]
    return "\n".join([*_header(extraction, input_name, notes), *lines]) + "\n"


class _Fields:
    """Each free-text field as a YAML scalar within the loader's bound for its kind (names, notes,
    texts: ``loaders.document``), cut at a word boundary; what was cut is said in the review notes. A
    cut quote or name is a prefix of the words it was, so it still occurs where they do."""

    def __init__(self) -> None:
        self.cuts: dict[tuple[str, int], int] = {}

    def name(self, value: str, what: str = "name") -> str:
        return _q(self.bounded(value, MAX_NAME, what))

    def note(self, value: str, what: str) -> str:
        return _q(self.bounded(value, MAX_NOTE, what))

    def text(self, value: str, what: str) -> str:
        return _q(self.bounded(value, MAX_TEXT, what))

    def bounded(self, value: str, limit: int, what: str) -> str:
        if len(value) <= limit:
            return value
        self.cuts[what, limit] = self.cuts.get((what, limit), 0) + 1
        return _cut(value, limit)

    def review_notes(self) -> list[str]:
        return [
            f"{count} {what}(s) longer than the load format allows were cut to {limit:,} characters: "
            "check them against the text"
            for (what, limit), count in self.cuts.items()
        ]


def _cut(value: str, limit: int) -> str:
    """``value`` within ``limit`` characters: at the last space in its second half, else at the limit."""
    cut = value[:limit]
    space = max(cut.rfind(" ", limit // 2), cut.rfind("\n", limit // 2))
    if space > 0:
        cut = cut[:space]
    return cut.rstrip() or value[:limit]


def _header(extraction: Extraction, input_name: str, extra: Sequence[str] = ()) -> list[str]:
    out = [
        f"# Draft extracted by `govgraph extract` from {input_name}. Review every item before loading:",
        "# each clause, name, quote and duty text is verbatim from the source text; owners, targets, kinds",
        "# and relation types are the extractor's reading, with its confidence in a comment.",
    ]
    notes = [*extra, *extraction.source.notes, *extraction.segmented.notes]
    notes += [f"clause {n.clause} (line {n.line}): {n.message}" for n in extraction.entities.notes]
    unclassified = extraction.findings.unclassified
    if unclassified:
        notes.append(
            f"{len(unclassified)} sentence(s) could not be classified: listed at the end of this file"
        )
    if notes:
        out.append("#")
        out.append("# Review notes:")
        out += [f"# - {note}" for note in notes]
    return out


def _protocol(extraction: Extraction, source_ref: str, fields: _Fields) -> list[str]:
    clauses = extraction.segmented.clauses
    title = next((c.text for c in clauses if c.kind == "title"), None) or extraction.source.path.stem
    parties = extraction.entities.parties
    out = [
        "protocol:",
        f"  id: {_q(_protocol_id(extraction))}",
        f"  title: {fields.note(title, 'title')}",
        f"  source: {_q(source_ref)}",
        f"  parties: [{', '.join(parties)}]",
    ]
    approvals = extraction.findings.approvals
    if approvals:
        out.append("  approved_by:")
        out += [
            f"    - {{body: {a.body}, clause: {_q(a.clause)}, quote: {fields.text(a.quote, 'quote')}}}"
            for a in approvals
        ]
    return out


def _protocol_id(extraction: Extraction) -> str:
    """The protocol's id, which the loader keeps apart from every body's, role's and person's (a
    protocol of one party would otherwise share that party's id)."""
    wanted = slug("-".join(extraction.entities.parties)) or slug(extraction.source.path.stem) or "protocol"
    pool = ids.IdPool()
    pool.taken.update(e.key for e in extraction.entities.items.values())
    pool.taken.update(p.key for p in extraction.people)
    if wanted in pool:
        wanted = f"{wanted[: ids.MAX_ID - len('-protocol')].strip('-')}-protocol"
    return pool.take(wanted)


def _clauses(extraction: Extraction, fields: _Fields) -> list[str]:
    out = ["", "clauses:"]
    for clause in extraction.segmented.clauses:
        items = [f"id: {_q(clause.id)}"]
        if clause.number:
            items.append(f"number: {fields.name(clause.number, 'clause number')}")
        if clause.heading:
            items.append(f"heading: {fields.note(clause.heading, 'heading')}")
        items.append(f"text: {fields.text(clause.text, 'clause text')}")
        out.append(f"  # line {clause.line}" + (" (a lead-in)" if clause.is_lead_in else ""))
        out.append("  - {" + ", ".join(items) + "}")
    return out


def _entities(extraction: Extraction, fields: _Fields, role: bool) -> list[str]:
    items = [e for e in extraction.entities.items.values() if e.role == role]
    if not items:
        return [] if role else ["", "bodies: []"]
    out = ["", "roles:" if role else "bodies:"]
    for entity in items:
        out.append(f"  # {entity.how}")
        out.append("  - {" + ", ".join(_entity_fields(entity, fields)) + "}")
    return out


def _entity_fields(entity: Entity, fields: _Fields) -> list[str]:
    name = fields.bounded(entity.name, MAX_NAME, "name")
    items = [f"id: {entity.key}", f"name: {_q(name)}"]
    if not entity.role and entity.kind is not None:
        items.append(f"kind: {entity.kind.value}")
    bounded = (fields.bounded(a, MAX_NAME, "alias") for a in entity.aliases if a != entity.name)
    aliases = _unique(a for a in bounded if a != name)
    if aliases:
        items.append(f"aliases: [{', '.join(_q(a) for a in aliases)}]")
    if entity.role and entity.body:
        items.append(f"body: {entity.body}")
    items.append(f"clause: {_q(entity.clause)}")
    if entity.quote != name:
        items.append(f"quote: {fields.text(entity.quote, 'quote')}")
    return items


def _people(extraction: Extraction, fields: _Fields) -> list[str]:
    if not extraction.people:
        return []
    out = ["", "people:"]
    for person in extraction.people:
        out.append("  # named in the text" + (" beside the post it holds" if person.holds else ""))
        items = [f"id: {person.key}", f"name: {fields.name(person.name)}"]
        if person.holds:
            items.append(f"holds: [{', '.join(person.holds)}]")
        items.append(f"clause: {_q(person.clause)}")
        out.append("  - {" + ", ".join(items) + "}")
    return out


def _legislation(extraction: Extraction, fields: _Fields) -> list[str]:
    items = extraction.findings.legislation
    if not items:
        return []
    out = ["", "legislation:"]
    out += [
        f"  - {{id: {leg.key}, title: {fields.note(leg.title, 'legislation title')}, "
        f"clause: {_q(leg.clause)}, quote: {fields.text(leg.quote, 'quote')}}}"
        for leg in items
    ]
    return out


def _duties(extraction: Extraction, fields: _Fields) -> list[str]:
    duties = extraction.findings.duties
    if not duties:
        return []
    out = ["", "duties:"]
    for duty in duties:
        out.append(f"  # confidence {duty.confidence:.2f}: {duty.why}")
        items = [f"id: {duty.key}", f"owner: {duty.owner}"]
        if duty.towards:
            items.append(f"towards: {duty.towards}")
        items += [
            f"kind: {duty.kind.value}",
            f"clause: {_q(duty.clause)}",
            f"text: {fields.text(duty.text, 'duty text')}",
        ]
        out.append("  - {" + ", ".join(items) + "}")
    return out


def _relations(extraction: Extraction, fields: _Fields) -> list[str]:
    relations = extraction.findings.relations
    if not relations:
        return []
    out = ["", "relations:"]
    for rel in relations:
        out.append(f"  # confidence {rel.confidence:.2f}: {rel.why}")
        items = [f"type: {rel.type.value}", f"from: {rel.source}", f"to: {rel.target}"]
        if rel.duty:
            items.append(f"duty: {rel.duty}")
        else:
            items += [f"clause: {_q(rel.clause)}", f"quote: {fields.text(rel.quote, 'quote')}"]
        if rel.capacity:
            items.append(f"capacity: {rel.capacity.value}")
        if rel.frequency:
            items.append(f"frequency: {fields.name(rel.frequency, 'frequency')}")
        if rel.reason:
            out[-1] += " (a SUGGESTION: implied, not stated; accept or delete it)"
            items += ["inferred: true", f"reason: {fields.note(rel.reason, 'reason')}"]
        out.append("  - {" + ", ".join(items) + "}")
    return out


def _declarations(extraction: Extraction, fields: _Fields) -> list[str]:
    items = extraction.findings.declarations
    if not items:
        return []
    out = ["", "declarations:"]
    for d in items:
        bodies = ", ".join(d.bodies)
        out.append(
            f"  - {{kind: {d.kind.value}, bodies: [{bodies}], clause: {_q(d.clause)}, "
            f"quote: {fields.text(d.quote, 'quote')}}}"
        )
    return out


def _unclassified(extraction: Extraction) -> list[str]:
    items = extraction.findings.unclassified
    if not items:
        return []
    out = ["", "# Unclassified: sentences that read like obligations or relations but were not classified."]
    for item in items:
        out.append(f"# - clause {item.clause} (line {item.line}), {item.reason}:")
        out += [f"#     {line}" for line in _wrap(item.text)]
    return out


def _q(value: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of it)."""
    return json.dumps(value, ensure_ascii=False)


def _unique(values: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for value in values:
        if value.lower() not in seen:
            seen.add(value.lower())
            out.append(value)
    return out


def _wrap(text: str) -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > _WIDTH - 8:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines
