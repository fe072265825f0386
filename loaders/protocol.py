"""Protocol YAML → a validated GraphBatch, or one InputError naming file, line and field.

Everything is checked before the database is touched: the schema (pydantic), unique ids, references
that resolve, and quotes that really occur in the protocol's text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from graph.model import DeclarationKind, Label
from loaders.batch import GraphBatch
from loaders.document import ProtocolDocument, RelationDoc
from loaders.errors import InputError
from loaders.source import Location, Parsed, dotted, parse_yaml, read_text
from loaders.text import FoldedText, Span

LEGISLATION_NAMESPACE = "legislation"


@dataclass
class ValidProtocol:
    path: Path
    document: ProtocolDocument
    source_path: Path
    source_text: str
    clause_spans: dict[str, Span]
    batch: GraphBatch

    def summary(self) -> str:
        d = self.document
        return (
            f"protocol '{self.batch.source}': {len(d.clauses)} clauses, {len(d.bodies)} bodies, "
            f"{len(d.roles)} roles, {len(d.duties)} duties, {len(d.relations)} relations, "
            f"{len(d.declarations)} declarations"
        )


def read_protocol(path: Path) -> ValidProtocol:
    text = read_text(path)
    parsed = parse_yaml(path, text)
    document = _validate_schema(path, parsed)
    checker = _Checker(path, parsed, document)
    source_path, source_text, spans = checker.run()
    digest = hashlib.sha256(text.encode() + b"\0" + source_text.encode()).hexdigest()
    batch = to_batch(document, source_path, source_text, spans, digest)
    return ValidProtocol(path, document, source_path, source_text, spans, batch)


def _validate_schema(path: Path, parsed: Parsed) -> ProtocolDocument:
    try:
        return ProtocolDocument.model_validate(parsed.data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(part for part in first["loc"] if not str(part).startswith("function-after"))
        extra = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        message = first["msg"]
        if first["type"] == "missing":
            message = "required field is missing"
        elif first["type"] == "extra_forbidden":
            message = "unknown field (a typo?)"
        raise InputError(path, message + extra, line=parsed.line_of(loc), field=dotted(loc) or None) from None


class _Checker:
    """The cross-reference and quotation checks pydantic cannot express."""

    def __init__(self, path: Path, parsed: Parsed, document: ProtocolDocument) -> None:
        self.path, self.parsed, self.doc = path, parsed, document
        self.clause_text: dict[str, FoldedText] = {}

    def fail(self, loc: Location, message: str) -> InputError:
        return InputError(self.path, message, line=self.parsed.line_of(loc), field=dotted(loc))

    def run(self) -> tuple[Path, str, dict[str, Span]]:
        doc = self.doc
        source_path = (self.path.parent / doc.protocol.source).resolve()
        try:
            source_text = read_text(source_path)
        except InputError as exc:
            raise self.fail(("protocol", "source"), f"source text {source_path}: {exc.message}") from None
        self._unique("clauses", [c.id for c in doc.clauses])
        self._unique("bodies", [b.id for b in doc.bodies])
        self._unique(
            "roles", [r.id for r in doc.roles], taken={b.id for b in doc.bodies}, what="body or role"
        )
        self._unique("legislation", [leg.id for leg in doc.legislation])
        self._unique("duties", [d.id for d in doc.duties])
        spans = self._clauses(FoldedText(source_text))
        self._references()
        self._quotes()
        self._duplicate_relations()
        return source_path, source_text, spans

    def _unique(self, section: str, ids: list[str], taken: Iterable[str] = (), what: str = "id") -> None:
        seen = set(taken)
        for index, item_id in enumerate(ids):
            if item_id in seen:
                raise self.fail((section, index, "id"), f"duplicate {what} '{item_id}'")
            seen.add(item_id)

    def _clauses(self, source: FoldedText) -> dict[str, Span]:
        spans = {}
        after = 0
        for index, clause in enumerate(self.doc.clauses):
            span = source.find(clause.text, after)
            if span is None:
                raise self.fail(
                    ("clauses", index, "text"),
                    f"clause '{clause.id}' text does not occur in {self.doc.protocol.source}",
                )
            spans[clause.id] = span
            after = span.folded_end
            self.clause_text[clause.id] = FoldedText(clause.text)
        return spans

    def _references(self) -> None:
        doc = self.doc
        bodies = {b.id for b in doc.bodies}
        actors = bodies | {r.id for r in doc.roles}
        duties = {d.id for d in doc.duties}
        checks: list[tuple[Location, str | None, set[str], str]] = []
        checks += [
            (("protocol", "parties", i), party, bodies, "body")
            for i, party in enumerate(doc.protocol.parties)
        ]
        checks += [
            (("protocol", "approved_by", i, "body"), a.body, bodies, "body")
            for i, a in enumerate(doc.protocol.approved_by)
        ]
        checks += [(("roles", i, "body"), r.body, bodies, "body") for i, r in enumerate(doc.roles)]
        for i, duty in enumerate(doc.duties):
            checks += [
                (("duties", i, "owner"), duty.owner, actors, "body or role"),
                (("duties", i, "towards"), duty.towards, actors, "body or role"),
            ]
        for i, rel in enumerate(doc.relations):
            checks += [
                (("relations", i, "from"), rel.from_, actors, "body or role"),
                (("relations", i, "to"), rel.to, actors, "body or role"),
                (("relations", i, "duty"), rel.duty, duties, "duty"),
            ]
        for i, decl in enumerate(doc.declarations):
            checks += [
                (("declarations", i, "bodies", j), b, actors, "body or role")
                for j, b in enumerate(decl.bodies)
            ]
        for loc, ref, known, what in checks:
            if ref is not None and ref not in known:
                raise self.fail(loc, f"unknown {what} '{ref}'")
        for loc, clause in self._clause_refs():
            if clause not in self.clause_text:
                raise self.fail(loc, f"unknown clause '{clause}'")

    def _clause_refs(self) -> Iterable[tuple[Location, str]]:
        doc = self.doc
        for section in ("bodies", "roles", "legislation", "duties", "relations", "declarations"):
            for i, item in enumerate(getattr(doc, section)):
                if getattr(item, "clause", None) is not None:
                    yield (section, i, "clause"), item.clause
        for i, approval in enumerate(doc.protocol.approved_by):
            yield ("protocol", "approved_by", i, "clause"), approval.clause

    def _quotes(self) -> None:
        doc = self.doc
        quotes: list[tuple[Location, str, str]] = []
        quotes += [
            (("bodies", i, "quote" if b.quote else "name"), b.clause, b.quote or b.name)
            for i, b in enumerate(doc.bodies)
        ]
        quotes += [
            (("roles", i, "quote" if r.quote else "name"), r.clause, r.quote or r.name)
            for i, r in enumerate(doc.roles)
        ]
        quotes += [
            (("legislation", i, "quote"), leg.clause, leg.quote) for i, leg in enumerate(doc.legislation)
        ]
        quotes += [(("duties", i, "text"), d.clause, d.text) for i, d in enumerate(doc.duties)]
        quotes += [
            (("relations", i, "quote"), r.clause, r.quote)
            for i, r in enumerate(doc.relations)
            if r.clause and r.quote
        ]
        quotes += [(("declarations", i, "quote"), d.clause, d.quote) for i, d in enumerate(doc.declarations)]
        quotes += [
            (("protocol", "approved_by", i, "quote"), a.clause, a.quote)
            for i, a in enumerate(doc.protocol.approved_by)
        ]
        for loc, clause, quote in quotes:
            if quote not in self.clause_text[clause]:
                raise self.fail(loc, f"quote does not occur in clause '{clause}': \"{_short(quote)}\"")
        duties = {d.id: d for d in doc.duties}
        for i, rel in enumerate(doc.relations):
            if rel.duty and rel.clause and rel.clause != duties[rel.duty].clause and rel.quote is None:
                raise self.fail(
                    ("relations", i, "clause"),
                    f"clause '{rel.clause}' differs from duty '{rel.duty}''s; give a quote too",
                )

    def _duplicate_relations(self) -> None:
        seen: dict[tuple, int] = {}
        for i, rel in enumerate(self.doc.relations):
            key = (rel.type, rel.from_, rel.to, _relation_clause(rel, self.doc), rel.capacity)
            if key in seen:
                raise self.fail(("relations", i), f"duplicate relation: same as relations[{seen[key]}]")
            seen[key] = i


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _relation_clause(rel: RelationDoc, doc: ProtocolDocument) -> str:
    if rel.clause:
        return rel.clause
    return next(d.clause for d in doc.duties if d.id == rel.duty)


def _relation_quote(rel: RelationDoc, doc: ProtocolDocument) -> str:
    if rel.quote:
        return rel.quote
    return next(d.text for d in doc.duties if d.id == rel.duty)


def to_batch(
    doc: ProtocolDocument, source_path: Path, source_text: str, spans: dict[str, Span], digest: str
) -> GraphBatch:
    """Translate the reviewed document into nodes and edges with stable ``<area>/<slug>`` ids."""
    area = doc.area.id
    protocol_id = f"{area}/{doc.protocol.id}"
    batch = GraphBatch(source=protocol_id, label=Label.PROTOCOL, digest=digest)

    def local(slug: str) -> str:
        return f"{area}/{slug}"

    def clause_id(ref: str) -> str:
        return f"{protocol_id}/{ref}"

    batch.node(area, Label.AREA, name=doc.area.name)
    batch.node(
        protocol_id,
        Label.PROTOCOL,
        title=doc.protocol.title,
        area=area,
        source_file=source_path.name,
        sha256=hashlib.sha256(source_text.encode()).hexdigest(),
        digest=digest,
    )
    batch.edge("COVERS", protocol_id, area, shared=True)
    for clause in doc.clauses:
        span = spans[clause.id]
        batch.node(
            clause_id(clause.id),
            Label.CLAUSE,
            source=protocol_id,
            protocol=protocol_id,
            area=area,
            ref=clause.id,
            number=clause.number,
            heading=clause.heading,
            text=clause.text,
            line=span.line,
            start=span.start,
            end=span.end,
        )
        batch.edge("PART_OF", clause_id(clause.id), protocol_id)

    independent = {b for d in doc.declarations if d.kind == DeclarationKind.INDEPENDENT for b in d.bodies}
    for body in doc.bodies:
        batch.node(
            local(body.id),
            Label.BODY,
            name=body.name,
            kind=body.kind,
            aliases=list(body.aliases),
            alias_text=" | ".join(body.aliases),
            area=area,
            independent=body.id in independent,
        )
        _defined(batch, local(body.id), area, clause_id(body.clause), body.quote or body.name)
    for role in doc.roles:
        batch.node(
            local(role.id),
            Label.ROLE,
            name=role.name,
            aliases=list(role.aliases),
            alias_text=" | ".join(role.aliases),
            area=area,
        )
        _defined(batch, local(role.id), area, clause_id(role.clause), role.quote or role.name)
        if role.body:
            batch.edge("ROLE_IN", local(role.id), local(role.body), clause=clause_id(role.clause))
    for party in doc.protocol.parties:
        batch.edge("HAS_PARTY", protocol_id, local(party))
    for approval in doc.protocol.approved_by:
        batch.edge(
            "APPROVED",
            local(approval.body),
            protocol_id,
            clause=clause_id(approval.clause),
            quote=approval.quote,
        )
    for leg in doc.legislation:
        leg_id = f"{LEGISLATION_NAMESPACE}/{leg.id}"
        batch.node(leg_id, Label.LEGISLATION, title=leg.title)
        batch.edge("DEFINES", protocol_id, leg_id)
        batch.edge("CITES", clause_id(leg.clause), leg_id, clause=clause_id(leg.clause), quote=leg.quote)

    for duty in doc.duties:
        duty_id = f"{protocol_id}/duty/{duty.id}"
        batch.node(
            duty_id,
            Label.DUTY,
            source=protocol_id,
            protocol=protocol_id,
            area=area,
            ref=duty.id,
            text=duty.text,
            kind=duty.kind,
            owner=local(duty.owner),
            towards=local(duty.towards) if duty.towards else None,
            clause=clause_id(duty.clause),
        )
        batch.edge("OWES", local(duty.owner), duty_id, clause=clause_id(duty.clause))
        if duty.towards:
            batch.edge("TOWARDS", duty_id, local(duty.towards), clause=clause_id(duty.clause))
        batch.edge("STATED_IN", duty_id, clause_id(duty.clause), clause=clause_id(duty.clause))

    for rel in doc.relations:
        props = {
            "clause": clause_id(_relation_clause(rel, doc)),
            "quote": _relation_quote(rel, doc),
            "what": rel.what,
            "frequency": rel.frequency,
            "capacity": rel.capacity,
            "note": rel.note,
            "duty": f"{protocol_id}/duty/{rel.duty}" if rel.duty else None,
        }
        batch.edge(rel.type, local(rel.from_), local(rel.to), **props)

    for index, decl in enumerate(doc.declarations, start=1):
        decl_id = f"{protocol_id}/declaration/{index}"
        batch.node(
            decl_id,
            Label.DECLARATION,
            source=protocol_id,
            protocol=protocol_id,
            area=area,
            kind=decl.kind,
            quote=decl.quote,
            clause=clause_id(decl.clause),
            bodies=[local(b) for b in decl.bodies],
        )
        batch.edge("STATED_IN", decl_id, clause_id(decl.clause), clause=clause_id(decl.clause))
        for body in decl.bodies:
            batch.edge("CONCERNS", decl_id, local(body), clause=clause_id(decl.clause))
    return batch


def _defined(batch: GraphBatch, node_id: str, area: str, clause: str, quote: str) -> None:
    """Shared nodes (bodies, roles) hang off their protocol and area, and point at the clause naming them."""
    batch.edge("DEFINES", batch.source, node_id)
    batch.edge("IN_AREA", node_id, area, shared=True)
    batch.edge("DEFINED_IN", node_id, clause, clause=clause, quote=quote)
