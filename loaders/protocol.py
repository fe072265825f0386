"""Protocol YAML → a validated GraphBatch, or one InputError naming file, line and field.

Everything is checked before the database is touched: the schema (pydantic), unique ids, references
that resolve, and quotes that really occur in the protocol's text.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from govgraph.graph.model import DeclarationKind, Label
from govgraph.loaders.batch import GraphBatch
from govgraph.loaders.document import BodyDoc, DutyDoc, ProtocolDocument, RelationDoc
from govgraph.loaders.errors import InputError
from govgraph.loaders.integrity import Placed
from govgraph.loaders.source import Location, Parsed, dotted, parse_yaml, paused_collector, read_text
from govgraph.loaders.text import FoldedText, Span, fold
from pydantic import ValidationError

LEGISLATION_NAMESPACE = "legislation"


@dataclass
class ValidProtocol:
    path: Path
    document: ProtocolDocument
    source_path: Path
    source_text: str
    clause_spans: dict[str, Span]
    batch: GraphBatch
    claims: list[Placed]

    def summary(self) -> str:
        d = self.document
        return (
            f"protocol '{self.batch.source}': {len(d.clauses)} clauses, {len(d.bodies)} bodies, "
            f"{len(d.roles)} roles, {len(d.duties)} duties, {len(d.relations)} relations, "
            f"{len(d.declarations)} declarations"
        )


def read_protocol(path: Path) -> ValidProtocol:
    """One protocol file validated, or an ``InputError``; the cyclic garbage collector is paused meanwhile.

    What validation builds (dicts, lists, models, rows) holds no reference cycles and is freed by
    reference counting; the collector would only rescan the growing tree again and again (about a
    fifth of validation's CPU time, measured in /tmp on the synthetic files). A file is bounded
    (MAX_FILE_BYTES), so the pause is too.
    """
    with paused_collector():
        return _read_protocol(path)


def _read_protocol(path: Path) -> ValidProtocol:
    text = read_text(path)
    parsed = parse_yaml(path, text)
    document = _validate_schema(path, parsed)
    checker = _Checker(path, parsed, document)
    source_path, source_text, spans = checker.run()
    digest = hashlib.sha256(text.encode() + b"\0" + source_text.encode()).hexdigest()
    batch = to_batch(document, source_path, source_text, spans, digest)
    return ValidProtocol(path, document, source_path, source_text, spans, batch, checker.claims)


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
        self.clause_text: dict[str, str] = {}  # each clause's text, folded
        self.claims: list[Placed] = []  # every node id the document makes, found once

    def fail(self, loc: Location, message: str) -> InputError:
        return InputError(self.path, message, line=self.parsed.line_of(loc), field=dotted(loc))

    def run(self) -> tuple[Path, str, dict[str, Span]]:
        doc = self.doc
        source_path, source_text = self._source()
        self._unique("clauses", [c.id for c in doc.clauses])
        self._unique("bodies", [b.id for b in doc.bodies])
        self._unique(
            "roles", [r.id for r in doc.roles], taken={b.id for b in doc.bodies}, what="body or role"
        )
        self._unique(
            "people",
            [p.id for p in doc.people],
            taken={b.id for b in doc.bodies} | {r.id for r in doc.roles},
            what="body, role or person",
        )
        self._unique("legislation", [leg.id for leg in doc.legislation])
        self._unique("duties", [d.id for d in doc.duties])
        self._ids_across_kinds()
        spans = self._clauses(FoldedText(source_text))
        self._references()
        self._quotes()
        self._duplicate_relations()
        return source_path, source_text, spans

    def _source(self) -> tuple[Path, str]:
        """The protocol's text: a regular file beside or below the YAML (never ../../etc/passwd)."""
        # os.path on strings: pathlib's resolve() does the same system calls, then parses paths again.
        folder = os.path.realpath(self.path.parent)
        resolved = _resolved(folder, self.doc.protocol.source)
        source_path = Path(resolved)
        if resolved != folder and not resolved.startswith(folder.rstrip(os.sep) + os.sep):
            raise self.fail(
                ("protocol", "source"),
                f"source text {self.doc.protocol.source} must be a file beside or below {self.path.name}",
            )
        try:
            return source_path, read_text(source_path)
        except InputError as exc:
            raise self.fail(("protocol", "source"), f"source text {source_path}: {exc.message}") from None

    def _ids_across_kinds(self) -> None:
        """Every node the document makes has an id of its own, whatever its kind (a body may not share
        the protocol's id, nor a body of area 'legislation' a piece of legislation's)."""
        claims, kinds = claims_of(self.path, self.parsed, self.doc)
        places: dict[str, int] = {}
        for index, claim in enumerate(claims):
            first = places.setdefault(claim.id, index)
            if first != index:
                other = claims[first]
                raise InputError(
                    self.path,
                    f"id '{claim.id}' of this {kinds[index]} is also the id of the {kinds[first]} at "
                    f"line {other.line} [{other.field}]",
                    line=claim.line,
                    field=claim.field,
                )
        self.claims = claims

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
            folded = fold(clause.text)
            span = source.find_folded(folded, after)
            if span is None:
                raise self.fail(
                    ("clauses", index, "text"),
                    f"clause '{clause.id}' text does not occur in {self.doc.protocol.source}",
                )
            spans[clause.id] = span
            after = span.folded_end
            self.clause_text[clause.id] = folded
        return spans

    def _references(self) -> None:
        """Every id a field refers to is defined, checked field by field in document order; a location
        is built only for the reference that fails (building one per reference cost more than the checks).
        """
        doc = self.doc
        bodies = {b.id for b in doc.bodies}
        roles = {r.id for r in doc.roles}
        actors = bodies | roles
        duties = {d.id for d in doc.duties}
        for i, party in enumerate(doc.protocol.parties):
            if party not in bodies:
                raise self._unknown(("protocol", "parties", i), party, "body")
        for i, approval in enumerate(doc.protocol.approved_by):
            if approval.body not in bodies:
                raise self._unknown(("protocol", "approved_by", i, "body"), approval.body, "body")
        for i, role in enumerate(doc.roles):
            if role.body is not None and role.body not in bodies:
                raise self._unknown(("roles", i, "body"), role.body, "body")
        for i, person in enumerate(doc.people):
            for j, held in enumerate(person.holds):
                if held not in roles:
                    raise self._unknown(("people", i, "holds", j), held, "role")
        for i, duty in enumerate(doc.duties):
            if duty.owner not in actors:
                raise self._unknown(("duties", i, "owner"), duty.owner, "body or role")
            if duty.towards is not None and duty.towards not in actors:
                raise self._unknown(("duties", i, "towards"), duty.towards, "body or role")
        for i, rel in enumerate(doc.relations):
            if rel.from_ not in actors:
                raise self._unknown(("relations", i, "from"), rel.from_, "body or role")
            if rel.to not in actors:
                raise self._unknown(("relations", i, "to"), rel.to, "body or role")
            if rel.duty is not None and rel.duty not in duties:
                raise self._unknown(("relations", i, "duty"), rel.duty, "duty")
        for i, decl in enumerate(doc.declarations):
            for j, body in enumerate(decl.bodies):
                if body not in actors:
                    raise self._unknown(("declarations", i, "bodies", j), body, "body or role")
        clauses = self.clause_text
        for section in ("bodies", "roles", "people", "legislation", "duties", "relations", "declarations"):
            for i, item in enumerate(getattr(doc, section)):
                if item.clause is not None and item.clause not in clauses:
                    raise self._unknown((section, i, "clause"), item.clause, "clause")
        for i, approval in enumerate(doc.protocol.approved_by):
            if approval.clause not in clauses:
                raise self._unknown(("protocol", "approved_by", i, "clause"), approval.clause, "clause")

    def _unknown(self, loc: Location, ref: str, what: str) -> InputError:
        return self.fail(loc, f"unknown {what} '{ref}'")

    def _quotes(self) -> None:
        """Each quote occurs in its clause (whitespace folded), in the same order of fields as before:
        bodies, roles, people, legislation, duties, relations, declarations, approvals."""
        doc = self.doc
        clauses = self.clause_text
        for section, items in (("bodies", doc.bodies), ("roles", doc.roles), ("people", doc.people)):
            for i, item in enumerate(items):
                quote = item.quote or item.name
                if fold(quote) not in clauses[item.clause]:
                    raise self._misquoted((section, i, "quote" if item.quote else "name"), item.clause, quote)
        for i, leg in enumerate(doc.legislation):
            if fold(leg.quote) not in clauses[leg.clause]:
                raise self._misquoted(("legislation", i, "quote"), leg.clause, leg.quote)
        for i, duty in enumerate(doc.duties):
            if fold(duty.text) not in clauses[duty.clause]:
                raise self._misquoted(("duties", i, "text"), duty.clause, duty.text)
        for i, rel in enumerate(doc.relations):
            if rel.clause and rel.quote and fold(rel.quote) not in clauses[rel.clause]:
                raise self._misquoted(("relations", i, "quote"), rel.clause, rel.quote)
        for i, decl in enumerate(doc.declarations):
            if fold(decl.quote) not in clauses[decl.clause]:
                raise self._misquoted(("declarations", i, "quote"), decl.clause, decl.quote)
        for i, approval in enumerate(doc.protocol.approved_by):
            if fold(approval.quote) not in clauses[approval.clause]:
                raise self._misquoted(
                    ("protocol", "approved_by", i, "quote"), approval.clause, approval.quote
                )
        duties = {d.id: d for d in doc.duties}
        for i, rel in enumerate(doc.relations):
            if rel.duty and rel.clause and rel.clause != duties[rel.duty].clause and rel.quote is None:
                raise self.fail(
                    ("relations", i, "clause"),
                    f"clause '{rel.clause}' differs from duty '{rel.duty}''s; give a quote too",
                )

    def _misquoted(self, loc: Location, clause: str, quote: str) -> InputError:
        return self.fail(loc, f"quote does not occur in clause '{clause}': \"{_short(quote)}\"")

    def _duplicate_relations(self) -> None:
        seen: dict[tuple, int] = {}
        duties = {d.id: d for d in self.doc.duties}
        for i, rel in enumerate(self.doc.relations):
            key = (rel.type, rel.from_, rel.to, _relation_clause(rel, duties), rel.capacity)
            if key in seen:
                raise self.fail(("relations", i), f"duplicate relation: same as relations[{seen[key]}]")
            seen[key] = i


def claims_of(path: Path, parsed: Parsed, doc: ProtocolDocument) -> tuple[list[Placed], list[str]]:
    """The ids ``to_batch`` gives each node (kept in step with it), each with the file, line and field
    that make it; and beside them, the kind of node each is (for a message).

    Lines are read straight from each item's own marks (``Lines.marks``), not by walking from the root
    for every claim: the document has passed the schema, so every section is a list of mappings. Lists
    built in one loop per section rather than yielded: this runs for every node of every document.
    """
    area, protocol = doc.area.id, f"{doc.area.id}/{doc.protocol.id}"
    data, marks = parsed.data, parsed.lines.marks
    claims = [
        Placed(area, Label.AREA, None, path, marks[id(data["area"])]["id"], "area.id", protocol),
        Placed(
            protocol, Label.PROTOCOL, None, path, marks[id(data["protocol"])]["id"], "protocol.id", protocol
        ),
    ]
    kinds = ["area", "protocol"]
    sections = (
        ("clauses", doc.clauses, Label.CLAUSE, "clause", f"{protocol}/"),
        ("bodies", doc.bodies, Label.BODY, "body", f"{area}/"),
        ("roles", doc.roles, Label.ROLE, "role", f"{area}/"),
        ("people", doc.people, Label.PERSON, "person", f"{area}/"),
        ("legislation", doc.legislation, Label.LEGISLATION, "legislation", f"{LEGISLATION_NAMESPACE}/"),
        ("duties", doc.duties, Label.DUTY, "duty", f"{protocol}/duty/"),
    )
    add = claims.append
    for section, items, label, kind, prefix in sections:
        if not items:
            continue
        raw = data[section]
        person = label is Label.PERSON  # two different names, one id: refused
        for index, item in enumerate(items):
            line = marks[id(raw[index])]["id"]
            name = item.name if person else None
            add(Placed(prefix + item.id, label, name, path, line, f"{section}[{index}].id", protocol))
        kinds += [kind] * len(items)
    if doc.declarations:
        own = marks[id(data["declarations"])]
        for index in range(len(doc.declarations)):
            decl_id, field = f"{protocol}/declaration/{index + 1}", f"declarations[{index}]"
            add(Placed(decl_id, Label.DECLARATION, None, path, own[index], field, protocol))
        kinds += ["declaration"] * len(doc.declarations)
    return claims, kinds


def _resolved(folder: str, name: str) -> str:
    """``realpath(join(folder, name))`` for a real ``folder``, without walking the folder's components
    again when ``name`` is a plain file name that is not a symbolic link (nearly every protocol's)."""
    joined = os.path.join(folder, name)
    if os.sep not in name and name not in (".", "..") and (not os.altsep or os.altsep not in name):
        try:
            if not stat.S_ISLNK(os.lstat(joined).st_mode):
                return joined
        except OSError:
            pass  # realpath, then read_text, say what is wrong with it
    return os.path.realpath(joined)


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _relation_clause(rel: RelationDoc, duties: dict[str, DutyDoc]) -> str:
    """The relation's clause, else its duty's (``duties`` by id: a dict, not a scan per relation)."""
    if rel.clause:
        return rel.clause
    assert rel.duty is not None
    return duties[rel.duty].clause


def _relation_quote(rel: RelationDoc, duties: dict[str, DutyDoc]) -> str:
    if rel.quote:
        return rel.quote
    assert rel.duty is not None
    return duties[rel.duty].text


def to_batch(
    doc: ProtocolDocument, source_path: Path, source_text: str, spans: dict[str, Span], digest: str
) -> GraphBatch:
    """Translate the reviewed document into nodes and edges with stable ``<area>/<slug>`` ids."""
    ids = _Ids(doc.area.id, f"{doc.area.id}/{doc.protocol.id}")
    batch = GraphBatch(source=ids.protocol, label=Label.PROTOCOL, digest=digest)
    batch.node(ids.area, Label.AREA, name=doc.area.name)
    batch.node(
        ids.protocol,
        Label.PROTOCOL,
        title=doc.protocol.title,
        area=ids.area,
        source_file=source_path.name,
        source_path=str(source_path),
        sha256=hashlib.sha256(source_text.encode()).hexdigest(),
        digest=digest,
    )
    batch.edge("COVERS", ids.protocol, ids.area, shared=True)
    _clauses(batch, ids, doc, spans)
    _actors(batch, ids, doc)
    _duties(batch, ids, doc)
    _relations(batch, ids, doc)
    _declarations(batch, ids, doc)
    return batch


@dataclass(frozen=True)
class _Ids:
    """Stable ids: shared things by area (``wirral/lscb``), a protocol's own things by protocol."""

    area: str
    protocol: str

    def local(self, slug: str) -> str:
        return f"{self.area}/{slug}"

    def clause(self, ref: str) -> str:
        return f"{self.protocol}/{ref}"

    def duty(self, slug: str) -> str:
        return f"{self.protocol}/duty/{slug}"


def _clauses(batch: GraphBatch, ids: _Ids, doc: ProtocolDocument, spans: dict[str, Span]) -> None:
    """A node and a PART_OF edge per clause, their rows written out here rather than through
    ``GraphBatch.node``/``edge``: the same rows (ids, properties, order) without two calls with keyword
    arguments per clause, the hot loop of building a batch."""
    prefix, protocol, area = f"{ids.protocol}/", ids.protocol, ids.area
    nodes, edges, label = batch.nodes, batch.edges, Label.CLAUSE
    part_of = f"{protocol}|PART_OF|"
    for clause in doc.clauses:
        span, clause_id = spans[clause.id], prefix + clause.id  # ids.clause(), without a call per clause
        props = {"source": protocol, "protocol": protocol, "area": area, "ref": clause.id}
        if clause.number is not None:
            props["number"] = clause.number
        if clause.heading is not None:
            props["heading"] = clause.heading
        props["text"], props["line"], props["start"], props["end"] = (
            clause.text,
            span.line,
            span.start,
            span.end,
        )
        nodes.append({"id": clause_id, "label": label, "props": props})
        edge_id = f"{part_of}{clause_id}|{protocol}|"
        edges.append(
            {
                "id": edge_id,
                "type": "PART_OF",
                "from": clause_id,
                "to": protocol,
                "props": {"source": protocol},
            }
        )


def _actors(batch: GraphBatch, ids: _Ids, doc: ProtocolDocument) -> None:
    """Bodies, roles, parties, approvals and legislation: the things protocols share within an area."""
    independent = {b for d in doc.declarations if d.kind == DeclarationKind.INDEPENDENT for b in d.bodies}
    for actor in [*doc.bodies, *doc.roles]:
        is_body = isinstance(actor, BodyDoc)
        extra = {"kind": actor.kind, "independent": actor.id in independent} if is_body else {}
        batch.node(
            ids.local(actor.id),
            Label.BODY if is_body else Label.ROLE,
            name=actor.name,
            aliases=list(actor.aliases),
            alias_text=" | ".join(actor.aliases),
            area=ids.area,
            **extra,
        )
        _defined(batch, ids.local(actor.id), ids.area, ids.clause(actor.clause), actor.quote or actor.name)
    for person in doc.people:
        batch.node(ids.local(person.id), Label.PERSON, name=person.name, area=ids.area)
        _defined(
            batch, ids.local(person.id), ids.area, ids.clause(person.clause), person.quote or person.name
        )
        for role in person.holds:
            batch.edge("HOLDS", ids.local(person.id), ids.local(role), clause=ids.clause(person.clause))
    for role in doc.roles:
        if role.body:
            batch.edge("ROLE_IN", ids.local(role.id), ids.local(role.body), clause=ids.clause(role.clause))
    for party in doc.protocol.parties:
        batch.edge("HAS_PARTY", ids.protocol, ids.local(party))
    for approval in doc.protocol.approved_by:
        clause = ids.clause(approval.clause)
        batch.edge("APPROVED", ids.local(approval.body), ids.protocol, clause=clause, quote=approval.quote)
    for leg in doc.legislation:
        leg_id = f"{LEGISLATION_NAMESPACE}/{leg.id}"
        batch.node(leg_id, Label.LEGISLATION, title=leg.title)
        batch.edge("DEFINES", ids.protocol, leg_id)
        batch.edge("CITES", ids.clause(leg.clause), leg_id, clause=ids.clause(leg.clause), quote=leg.quote)


def _duties(batch: GraphBatch, ids: _Ids, doc: ProtocolDocument) -> None:
    """A node and its OWES, TOWARDS and STATED_IN edges per duty, rows written out as in ``_clauses``."""
    protocol, area = ids.protocol, ids.area
    local, clauses, duties = f"{area}/", f"{protocol}/", f"{protocol}/duty/"  # as _Ids makes them
    nodes, edges, label = batch.nodes, batch.edges, Label.DUTY
    owes, towards_type, stated_in = f"{protocol}|OWES|", f"{protocol}|TOWARDS|", f"{protocol}|STATED_IN|"
    for duty in doc.duties:
        duty_id, clause = duties + duty.id, clauses + duty.clause
        owner = local + duty.owner
        props = {"source": protocol, "protocol": protocol, "area": area, "ref": duty.id, "text": duty.text}
        props["kind"], props["owner"] = duty.kind, owner
        towards = local + duty.towards if duty.towards else None
        if towards is not None:
            props["towards"] = towards
        props["clause"] = clause
        nodes.append({"id": duty_id, "label": label, "props": props})
        edge_props = {"clause": clause, "source": protocol}
        edge_id = f"{owes}{owner}|{duty_id}|{clause}"
        edges.append({"id": edge_id, "type": "OWES", "from": owner, "to": duty_id, "props": edge_props})
        if towards:
            edge_id = f"{towards_type}{duty_id}|{towards}|{clause}"
            row = {"id": edge_id, "type": "TOWARDS", "from": duty_id, "to": towards, "props": {**edge_props}}
            edges.append(row)
        edge_id = f"{stated_in}{duty_id}|{clause}|{clause}"
        row = {"id": edge_id, "type": "STATED_IN", "from": duty_id, "to": clause, "props": {**edge_props}}
        edges.append(row)


def _relations(batch: GraphBatch, ids: _Ids, doc: ProtocolDocument) -> None:
    """An edge per relation, its row written out as in ``_clauses`` (``GraphBatch.edge``'s id and
    properties: the clause, then the properties set, then the source)."""
    duties = {d.id: d for d in doc.duties}
    protocol = ids.protocol
    local, clauses, duty_ids = f"{ids.area}/", f"{protocol}/", f"{protocol}/duty/"
    edges = batch.edges
    for rel in doc.relations:
        from_id, to_id = local + rel.from_, local + rel.to
        clause = clauses + _relation_clause(rel, duties)
        props = {"clause": clause, "quote": _relation_quote(rel, duties)}
        for name, value in (("what", rel.what), ("frequency", rel.frequency), ("capacity", rel.capacity)):
            if value is not None:
                props[name] = value
        if rel.note is not None:
            props["note"] = rel.note
        if rel.duty:
            props["duty"] = duty_ids + rel.duty
        if rel.inferred:
            props["inferred"] = True
        if rel.reason is not None:
            props["reason"] = rel.reason
        props["source"] = protocol
        key = clause if rel.capacity is None else f"{clause}:{rel.capacity}"
        edge_id = f"{protocol}|{rel.type}|{from_id}|{to_id}|{key}"
        edges.append({"id": edge_id, "type": rel.type, "from": from_id, "to": to_id, "props": props})


def _declarations(batch: GraphBatch, ids: _Ids, doc: ProtocolDocument) -> None:
    for index, decl in enumerate(doc.declarations, start=1):
        decl_id, clause = f"{ids.protocol}/declaration/{index}", ids.clause(decl.clause)
        batch.node(
            decl_id,
            Label.DECLARATION,
            source=ids.protocol,
            protocol=ids.protocol,
            area=ids.area,
            kind=decl.kind,
            quote=decl.quote,
            clause=clause,
            bodies=[ids.local(b) for b in decl.bodies],
        )
        batch.edge("STATED_IN", decl_id, clause, clause=clause)
        for body in decl.bodies:
            batch.edge("CONCERNS", decl_id, ids.local(body), clause=clause)


def _defined(batch: GraphBatch, node_id: str, area: str, clause: str, quote: str) -> None:
    """Shared nodes (bodies, roles) hang off their protocol and area, and point at the clause naming them.

    The three rows ``GraphBatch.edge`` would make, written out (this runs for every actor)."""
    source, append = batch.source, batch.edges.append
    props = {"source": source}
    append(
        {
            "id": f"{source}|DEFINES|{source}|{node_id}|",
            "type": "DEFINES",
            "from": source,
            "to": node_id,
            "props": props,
        }
    )
    append({"id": f"|IN_AREA|{node_id}|{area}|", "type": "IN_AREA", "from": node_id, "to": area, "props": {}})
    edge_id, props = (
        f"{source}|DEFINED_IN|{node_id}|{clause}|{clause}",
        {"clause": clause, "quote": quote, "source": source},
    )
    append({"id": edge_id, "type": "DEFINED_IN", "from": node_id, "to": clause, "props": props})
