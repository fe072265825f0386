"""The extraction written as governance-as-code YAML that ``govgraph load`` takes, for review.

Review notes (confidence, how each item was found, unknown references, unclassified sentences) are YAML
comments: the loader forbids unknown fields, and comments survive a reviewer's edits where they belong.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from loaders.document import FORMAT
from loaders.extract.entities import Entity
from loaders.extract.pipeline import Extraction, slug

_WIDTH = 110


def render(extraction: Extraction, source_ref: str, input_name: str) -> str:
    """The draft YAML; ``source_ref`` is the text file the quotes are checked against, relative to it."""
    lines: list[str] = []
    lines += _header(extraction, input_name)
    lines += [
        f"format: {FORMAT}",
        f"area: {{id: {_q(extraction.area_id)}, name: {_q(extraction.area_name)}}}",
    ]
    lines += _protocol(extraction, source_ref)
    lines += _clauses(extraction)
    lines += _entities(extraction, role=False)
    lines += _entities(extraction, role=True)
    lines += _people(extraction)
    lines += _legislation(extraction)
    lines += _duties(extraction)
    lines += _relations(extraction)
    lines += _declarations(extraction)
    lines += _unclassified(extraction)
    return "\n".join(lines) + "\n"


def _header(extraction: Extraction, input_name: str) -> list[str]:
    out = [
        f"# Draft extracted by `govgraph extract` from {input_name}. Review every item before loading:",
        "# each clause, name, quote and duty text is verbatim from the source text; owners, targets, kinds",
        "# and relation types are the extractor's reading, with its confidence in a comment.",
    ]
    notes = [*extraction.source.notes, *extraction.segmented.notes]
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


def _protocol(extraction: Extraction, source_ref: str) -> list[str]:
    clauses = extraction.segmented.clauses
    title = next((c.text for c in clauses if c.kind == "title"), None) or extraction.source.path.stem
    parties = extraction.entities.parties
    protocol_id = slug("-".join(parties)) or slug(extraction.source.path.stem) or "protocol"
    out = [
        "protocol:",
        f"  id: {_q(protocol_id[:80].strip('-'))}",
        f"  title: {_q(title)}",
        f"  source: {_q(source_ref)}",
        f"  parties: [{', '.join(parties)}]",
    ]
    approvals = extraction.findings.approvals
    if approvals:
        out.append("  approved_by:")
        out += [f"    - {{body: {a.body}, clause: {_q(a.clause)}, quote: {_q(a.quote)}}}" for a in approvals]
    return out


def _clauses(extraction: Extraction) -> list[str]:
    out = ["", "clauses:"]
    for clause in extraction.segmented.clauses:
        fields = [f"id: {_q(clause.id)}"]
        if clause.number:
            fields.append(f"number: {_q(clause.number)}")
        if clause.heading:
            fields.append(f"heading: {_q(clause.heading)}")
        fields.append(f"text: {_q(clause.text)}")
        out.append(f"  # line {clause.line}" + (" (a lead-in)" if clause.is_lead_in else ""))
        out.append("  - {" + ", ".join(fields) + "}")
    return out


def _entities(extraction: Extraction, role: bool) -> list[str]:
    items = [e for e in extraction.entities.items.values() if e.role == role]
    if not items:
        return [] if role else ["", "bodies: []"]
    out = ["", "roles:" if role else "bodies:"]
    for entity in items:
        out.append(f"  # {entity.how}")
        out.append("  - {" + ", ".join(_entity_fields(entity)) + "}")
    return out


def _entity_fields(entity: Entity) -> list[str]:
    fields = [f"id: {entity.key}", f"name: {_q(entity.name)}"]
    if not entity.role and entity.kind is not None:
        fields.append(f"kind: {entity.kind.value}")
    aliases = _unique(a for a in entity.aliases if a != entity.name)
    if aliases:
        fields.append(f"aliases: [{', '.join(_q(a) for a in aliases)}]")
    if entity.role and entity.body:
        fields.append(f"body: {entity.body}")
    fields.append(f"clause: {_q(entity.clause)}")
    if entity.quote != entity.name:
        fields.append(f"quote: {_q(entity.quote)}")
    return fields


def _people(extraction: Extraction) -> list[str]:
    if not extraction.people:
        return []
    out = ["", "people:"]
    for person in extraction.people:
        out.append("  # named in the text" + (" beside the post it holds" if person.holds else ""))
        fields = [f"id: {person.key}", f"name: {_q(person.name)}"]
        if person.holds:
            fields.append(f"holds: [{', '.join(person.holds)}]")
        fields.append(f"clause: {_q(person.clause)}")
        out.append("  - {" + ", ".join(fields) + "}")
    return out


def _legislation(extraction: Extraction) -> list[str]:
    items = extraction.findings.legislation
    if not items:
        return []
    out = ["", "legislation:"]
    out += [
        f"  - {{id: {leg.key}, title: {_q(leg.title)}, clause: {_q(leg.clause)}, quote: {_q(leg.quote)}}}"
        for leg in items
    ]
    return out


def _duties(extraction: Extraction) -> list[str]:
    duties = extraction.findings.duties
    if not duties:
        return []
    out = ["", "duties:"]
    for duty in duties:
        out.append(f"  # confidence {duty.confidence:.2f}: {duty.why}")
        fields = [f"id: {duty.key}", f"owner: {duty.owner}"]
        if duty.towards:
            fields.append(f"towards: {duty.towards}")
        fields += [f"kind: {duty.kind.value}", f"clause: {_q(duty.clause)}", f"text: {_q(duty.text)}"]
        out.append("  - {" + ", ".join(fields) + "}")
    return out


def _relations(extraction: Extraction) -> list[str]:
    relations = extraction.findings.relations
    if not relations:
        return []
    out = ["", "relations:"]
    for rel in relations:
        out.append(f"  # confidence {rel.confidence:.2f}: {rel.why}")
        fields = [f"type: {rel.type.value}", f"from: {rel.source}", f"to: {rel.target}"]
        if rel.duty:
            fields.append(f"duty: {rel.duty}")
        else:
            fields += [f"clause: {_q(rel.clause)}", f"quote: {_q(rel.quote)}"]
        if rel.capacity:
            fields.append(f"capacity: {rel.capacity.value}")
        if rel.frequency:
            fields.append(f"frequency: {_q(rel.frequency)}")
        if rel.reason:
            out[-1] += " (a SUGGESTION: implied, not stated; accept or delete it)"
            fields += ["inferred: true", f"reason: {_q(rel.reason)}"]
        out.append("  - {" + ", ".join(fields) + "}")
    return out


def _declarations(extraction: Extraction) -> list[str]:
    items = extraction.findings.declarations
    if not items:
        return []
    out = ["", "declarations:"]
    for d in items:
        bodies = ", ".join(d.bodies)
        out.append(
            f"  - {{kind: {d.kind.value}, bodies: [{bodies}], clause: {_q(d.clause)}, quote: {_q(d.quote)}}}"
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
