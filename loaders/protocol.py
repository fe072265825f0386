"""Protocol YAML → a validated GraphBatch, or one InputError naming file, line and field.

Everything is checked before the database is touched: the schema (loaders/document.py's models; plain
code in loaders/conformance.py passes a good file without building them), unique ids, references that
resolve, and quotes that really occur in the protocol's text. The checks and the batch read the parsed data
itself (dicts and lists, the file's own keys): nothing is copied into models only to be copied out again.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from govgraph.graph.collector import paused_collector
from govgraph.graph.model import DeclarationKind, Label
from govgraph.loaders.batch import GraphBatch, edge_id
from govgraph.loaders.conformance import conforms
from govgraph.loaders.document import ProtocolDocument
from govgraph.loaders.errors import InputError
from govgraph.loaders.integrity import Placed
from govgraph.loaders.source import (
    Location,
    Parsed,
    decoded,
    dotted,
    parse_yaml,
    read_bytes,
)
from govgraph.loaders.text import FoldedText, Span, fold
from pydantic import ValidationError

LEGISLATION_NAMESPACE = "legislation"
Data = dict[str, Any]  # a document as plain data, in the format's own keys ("from", not "from_")
_SECTIONS = ("clauses", "bodies", "roles", "people", "legislation", "duties", "relations", "declarations")


@dataclass
class ValidProtocol:
    """A validated protocol. ``data`` is the document as plain data (what the checks and the batch read).

    Two things are built only when asked for: ``document``, the pydantic model (the review and extract
    tools use it; a load never does), and ``batch``, the rows a load writes (``govgraph validate`` never
    needs them: building them was a tenth of validating a file, hashing the texts for the digest included).
    """

    path: Path
    data: Data
    source_path: Path
    source_text: str
    clause_spans: dict[str, Span]
    claims: list[Placed]
    raw: bytes = field(repr=False)  # the file's bytes and its source text's: the digest is theirs
    source_raw: bytes = field(repr=False)
    _document: ProtocolDocument | None = field(default=None, repr=False)
    _batch: GraphBatch | None = field(default=None, repr=False)

    @property
    def document(self) -> ProtocolDocument:
        if self._document is None:
            self._document = ProtocolDocument.model_validate(self.data)
        return self._document

    @property
    def batch(self) -> GraphBatch:
        if self._batch is None:
            # The file's own bytes, not the text encoded again: strict UTF-8 decodes and encodes to the
            # same bytes.
            digest = hashlib.sha256(self.raw + b"\0" + self.source_raw).hexdigest()
            self._batch = _batch(self.data, self.source_path, self.source_raw, self.clause_spans, digest)
        return self._batch

    @property
    def source(self) -> str:
        return document_id(self.data)

    def summary(self) -> str:
        d = self.data
        counts = ", ".join(f"{len(d.get(s, ()))} {s}" for s in _SUMMARY)
        return f"protocol '{self.source}': {counts}"


_SUMMARY = ("clauses", "bodies", "roles", "duties", "relations", "declarations")


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
    raw = read_bytes(path)
    text = decoded(path, raw)
    parsed = parse_yaml(path, text)
    data, document = _validate_schema(path, parsed, escapes="\\" in text)
    checker = _Checker(path, parsed, data)
    source_path, source_raw, source_text, spans = checker.run()
    return ValidProtocol(
        path, data, source_path, source_text, spans, checker.claims, raw, source_raw, _document=document
    )


def _validate_schema(
    path: Path, parsed: Parsed, escapes: bool = True
) -> tuple[Data, ProtocolDocument | None]:
    """The document as plain data: the parsed data itself when plain code finds it conforms (nearly
    always), else pydantic's verdict: its first error as the message, or the document it normalised
    (a value it coerces, such as ``inferred: "yes"``) with the model kept.

    ``escapes``: the text has a backslash, so a double-quoted scalar may hold a control character,
    which only pydantic's ``printable`` checks (YAML refuses them written raw).
    """
    if not escapes and conforms(parsed.data):
        return parsed.data, None
    try:
        document = ProtocolDocument.model_validate(parsed.data)
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
    return document.model_dump(by_alias=True, exclude_unset=True), document


class _Checker:
    """The cross-reference and quotation checks the schema cannot express, on the document's plain data.

    Optional fields are read with ``get`` (a field left out is as good as None, a list left out as
    empty): the data is the file's own, never filled with defaults, so every location a message names
    is one the file has.
    """

    def __init__(self, path: Path, parsed: Parsed, data: Data) -> None:
        self.path, self.parsed, self.doc = path, parsed, data
        self.clause_text: dict[str, str] = {}  # each clause's text, folded
        self.claims: list[Placed] = []  # every node id the document makes, found once

    def fail(self, loc: Location, message: str) -> InputError:
        return InputError(self.path, message, line=self.parsed.line_of(loc), field=dotted(loc))

    def run(self) -> tuple[Path, bytes, str, dict[str, Span]]:
        doc = self.doc
        source_path, source_raw, source_text = self._source()
        bodies = [b["id"] for b in doc["bodies"]]
        roles = [r["id"] for r in doc.get("roles", ())]
        self._unique("clauses", [c["id"] for c in doc["clauses"]])
        self._unique("bodies", bodies)
        self._unique("roles", roles, taken=bodies, what="body or role")
        self._unique(
            "people",
            [p["id"] for p in doc.get("people", ())],
            taken=[*bodies, *roles],
            what="body, role or person",
        )
        self._unique("legislation", [leg["id"] for leg in doc.get("legislation", ())])
        self._unique("duties", [d["id"] for d in doc.get("duties", ())])
        self._ids_across_kinds()
        spans = self._clauses(FoldedText(source_text))
        self._references()
        self._quotes()
        self._duplicate_relations()
        return source_path, source_raw, source_text, spans

    def _source(self) -> tuple[Path, bytes, str]:
        """The protocol's text: a regular file beside or below the YAML (never ../../etc/passwd)."""
        # os.path on strings: pathlib's resolve() does the same system calls, then parses paths again.
        folder = os.path.realpath(self.path.parent)
        name = self.doc["protocol"]["source"]
        resolved = _resolved(folder, name)
        source_path = Path(resolved)
        if resolved != folder and not resolved.startswith(folder.rstrip(os.sep) + os.sep):
            raise self.fail(
                ("protocol", "source"), f"source text {name} must be a file beside or below {self.path.name}"
            )
        try:
            raw = read_bytes(source_path)
            return source_path, raw, decoded(source_path, raw)
        except InputError as exc:
            raise self.fail(("protocol", "source"), f"source text {source_path}: {exc.message}") from None

    def _ids_across_kinds(self) -> None:
        """Every node the document makes has an id of its own, whatever its kind (a body may not share
        the protocol's id, nor a body of area 'legislation' a piece of legislation's)."""
        claims, kinds = claims_of(self.path, self.parsed, self.doc)
        self.claims = claims
        if len(set(map(itemgetter(0), claims))) == len(claims):  # nearly always: no id is claimed twice
            return
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

    def _unique(self, section: str, ids: list[str], taken: Sequence[str] = (), what: str = "id") -> None:
        """The first id of ``ids`` already seen (in ``taken`` or before it), refused. A set of all of
        them is built first: when it is as long as the two lists, none repeats and nothing is scanned."""
        seen = set(taken)
        if len(seen) == len(taken) and len(seen.union(ids)) == len(seen) + len(ids):
            return
        for index, item_id in enumerate(ids):
            if item_id in seen:
                raise self.fail((section, index, "id"), f"duplicate {what} '{item_id}'")
            seen.add(item_id)

    def _clauses(self, source: FoldedText) -> dict[str, Span]:
        spans = {}
        after = 0
        clause_text, find = self.clause_text, source.find_folded
        for index, clause in enumerate(self.doc["clauses"]):
            folded = fold(clause["text"])
            span = find(folded, after)
            if span is None:
                raise self.fail(
                    ("clauses", index, "text"),
                    f"clause '{clause['id']}' text does not occur in {self.doc['protocol']['source']}",
                )
            spans[clause["id"]] = span
            after = span.folded_end
            clause_text[clause["id"]] = folded
        return spans

    def _references(self) -> None:
        """Every id a field refers to is defined, checked field by field in document order; a location
        is built only for the reference that fails (building one per reference cost more than the checks).
        """
        doc = self.doc
        get = doc.get
        protocol = doc["protocol"]
        bodies = {b["id"] for b in doc["bodies"]}
        roles = {r["id"] for r in get("roles", ())}
        actors = bodies | roles
        duties = {d["id"] for d in get("duties", ())}
        for i, party in enumerate(protocol["parties"]):
            if party not in bodies:
                raise self._unknown(("protocol", "parties", i), party, "body")
        approvals = protocol.get("approved_by", ())
        for i, approval in enumerate(approvals):
            if approval["body"] not in bodies:
                raise self._unknown(("protocol", "approved_by", i, "body"), approval["body"], "body")
        for i, role in enumerate(get("roles", ())):
            body = role.get("body")
            if body is not None and body not in bodies:
                raise self._unknown(("roles", i, "body"), body, "body")
        for i, person in enumerate(get("people", ())):
            for j, held in enumerate(person.get("holds", ())):
                if held not in roles:
                    raise self._unknown(("people", i, "holds", j), held, "role")
        for i, duty in enumerate(get("duties", ())):
            if duty["owner"] not in actors:
                raise self._unknown(("duties", i, "owner"), duty["owner"], "body or role")
            towards = duty.get("towards")
            if towards is not None and towards not in actors:
                raise self._unknown(("duties", i, "towards"), towards, "body or role")
        for i, rel in enumerate(get("relations", ())):
            if rel["from"] not in actors:
                raise self._unknown(("relations", i, "from"), rel["from"], "body or role")
            if rel["to"] not in actors:
                raise self._unknown(("relations", i, "to"), rel["to"], "body or role")
            duty = rel.get("duty")
            if duty is not None and duty not in duties:
                raise self._unknown(("relations", i, "duty"), duty, "duty")
        for i, decl in enumerate(get("declarations", ())):
            for j, body in enumerate(decl["bodies"]):
                if body not in actors:
                    raise self._unknown(("declarations", i, "bodies", j), body, "body or role")
        clauses = self.clause_text
        for section in ("bodies", "roles", "people", "legislation", "duties", "relations", "declarations"):
            for i, item in enumerate(get(section, ())):
                clause = item.get("clause")
                if clause is not None and clause not in clauses:
                    raise self._unknown((section, i, "clause"), clause, "clause")
        for i, approval in enumerate(approvals):
            if approval["clause"] not in clauses:
                raise self._unknown(("protocol", "approved_by", i, "clause"), approval["clause"], "clause")

    def _unknown(self, loc: Location, ref: str, what: str) -> InputError:
        return self.fail(loc, f"unknown {what} '{ref}'")

    def _quotes(self) -> None:
        """Each quote occurs in its clause (whitespace folded), in the same order of fields as before:
        bodies, roles, people, legislation, duties, relations, declarations, approvals."""
        doc = self.doc
        get = doc.get
        clauses = self.clause_text
        for section in ("bodies", "roles", "people"):
            for i, item in enumerate(get(section, ())):
                quote = item.get("quote")
                said = quote or item["name"]
                if fold(said) not in clauses[item["clause"]]:
                    raise self._misquoted((section, i, "quote" if quote else "name"), item["clause"], said)
        for section, said in (("legislation", "quote"), ("duties", "text")):
            for i, item in enumerate(get(section, ())):
                if fold(item[said]) not in clauses[item["clause"]]:
                    raise self._misquoted((section, i, said), item["clause"], item[said])
        relations = get("relations", ())
        for i, rel in enumerate(relations):
            clause, quote = rel.get("clause"), rel.get("quote")
            if clause and quote and fold(quote) not in clauses[clause]:
                raise self._misquoted(("relations", i, "quote"), clause, quote)
        for i, decl in enumerate(get("declarations", ())):
            if fold(decl["quote"]) not in clauses[decl["clause"]]:
                raise self._misquoted(("declarations", i, "quote"), decl["clause"], decl["quote"])
        for i, approval in enumerate(doc["protocol"].get("approved_by", ())):
            if fold(approval["quote"]) not in clauses[approval["clause"]]:
                raise self._misquoted(
                    ("protocol", "approved_by", i, "quote"), approval["clause"], approval["quote"]
                )
        duties = {d["id"]: d for d in get("duties", ())}
        for i, rel in enumerate(relations):
            duty, clause = rel.get("duty"), rel.get("clause")
            if duty and clause and clause != duties[duty]["clause"] and rel.get("quote") is None:
                raise self.fail(
                    ("relations", i, "clause"),
                    f"clause '{clause}' differs from duty '{duty}''s; give a quote too",
                )

    def _misquoted(self, loc: Location, clause: str, quote: str) -> InputError:
        return self.fail(loc, f"quote does not occur in clause '{clause}': \"{_short(quote)}\"")

    def _duplicate_relations(self) -> None:
        seen: dict[tuple, int] = {}
        duties = {d["id"]: d for d in self.doc.get("duties", ())}
        for i, rel in enumerate(self.doc.get("relations", ())):
            key = (rel["type"], rel["from"], rel["to"], _relation_clause(rel, duties), rel.get("capacity"))
            if key in seen:
                raise self.fail(("relations", i), f"duplicate relation: same as relations[{seen[key]}]")
            seen[key] = i


_CLAIMED = (
    ("clauses", Label.CLAUSE, "clause"),
    ("bodies", Label.BODY, "body"),
    ("roles", Label.ROLE, "role"),
    ("people", Label.PERSON, "person"),
    ("legislation", Label.LEGISLATION, "legislation"),
    ("duties", Label.DUTY, "duty"),
)


def claims_of(path: Path, parsed: Parsed, doc: Data) -> tuple[list[Placed], list[str]]:
    """The ids ``to_batch`` gives each node (kept in step with it), each with the file, line and field
    that make it; and beside them, the kind of node each is (for a message).

    Lines are read straight from each item's own marks (``Lines.marks``, by the parsed containers:
    ``doc`` may be pydantic's normalised copy of them), not by walking from the root for every claim:
    the document has passed the schema, so every section is a list of mappings. Lists built in one loop
    per section rather than yielded: this runs for every node of every document.
    """
    area, protocol = doc["area"]["id"], document_id(doc)
    data, marks = parsed.data, parsed.lines.marks
    claims = [
        Placed(area, Label.AREA, None, path, marks[id(data["area"])]["id"], "area.id", protocol),
        Placed(
            protocol, Label.PROTOCOL, None, path, marks[id(data["protocol"])]["id"], "protocol.id", protocol
        ),
    ]
    kinds = ["area", "protocol"]
    prefixes = {
        "clauses": f"{protocol}/",
        "bodies": f"{area}/",
        "roles": f"{area}/",
        "people": f"{area}/",
        "legislation": f"{LEGISLATION_NAMESPACE}/",
        "duties": f"{protocol}/duty/",
    }
    add = claims.append
    for section, label, kind in _CLAIMED:
        items = doc.get(section)
        if not items:
            continue
        raw, prefix = data[section], prefixes[section]
        person = label is Label.PERSON  # two different names, one id: refused
        for index, item in enumerate(items):
            line = marks[id(raw[index])]["id"]
            name = item["name"] if person else None
            add(Placed(prefix + item["id"], label, name, path, line, f"{section}[{index}].id", protocol))
        kinds += [kind] * len(items)
    declarations = doc.get("declarations")
    if declarations:
        own = marks[id(data["declarations"])]
        for index in range(len(declarations)):
            decl_id, field = f"{protocol}/declaration/{index + 1}", f"declarations[{index}]"
            add(Placed(decl_id, Label.DECLARATION, None, path, own[index], field, protocol))
        kinds += ["declaration"] * len(declarations)
    return claims, kinds


def document_id(doc: Data) -> str:
    """The document's id (``<area>/<protocol>``): its Protocol node's, and every owned node's and edge's
    ``source``. The one place it is made: the claims, the batch and ``ValidProtocol.source`` must agree."""
    return f"{doc['area']['id']}/{doc['protocol']['id']}"


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


def _relation_clause(rel: Data, duties: dict[str, Data]) -> str:
    """The relation's clause, else its duty's (``duties`` by id: a dict, not a scan per relation)."""
    return rel.get("clause") or duties[rel["duty"]]["clause"]


def _relation_quote(rel: Data, duties: dict[str, Data]) -> str:
    return rel.get("quote") or duties[rel["duty"]]["text"]


def to_batch(
    doc: ProtocolDocument, source_path: Path, source_text: str, spans: dict[str, Span], digest: str
) -> GraphBatch:
    """Translate a reviewed document (a model, as bench/synthetic.py builds) into nodes and edges."""
    data = doc.model_dump(by_alias=True, exclude_unset=True)
    return _batch(data, source_path, source_text.encode(), spans, digest)


def _batch(
    doc: Data, source_path: Path, source_raw: bytes, spans: dict[str, Span], digest: str
) -> GraphBatch:
    """The document's nodes and edges with stable ``<area>/<slug>`` ids (``source_raw``: its text's bytes)."""
    area = doc["area"]
    ids = _Ids(area["id"], document_id(doc))
    batch = GraphBatch(source=ids.protocol, label=Label.PROTOCOL, digest=digest)
    batch.node(ids.area, Label.AREA, name=area["name"])
    batch.node(
        ids.protocol,
        Label.PROTOCOL,
        title=doc["protocol"]["title"],
        area=ids.area,
        source_file=source_path.name,
        source_path=str(source_path),
        sha256=hashlib.sha256(source_raw).hexdigest(),
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


def _clauses(batch: GraphBatch, ids: _Ids, doc: Data, spans: dict[str, Span]) -> None:
    """A node and a PART_OF edge per clause, their rows written out here rather than through
    ``GraphBatch.node``/``edge``: the same rows (ids, properties, order) without two calls with keyword
    arguments per clause, the hot loop of building a batch."""
    prefix, protocol, area = f"{ids.protocol}/", ids.protocol, ids.area
    nodes, edges, label = batch.nodes, batch.edges, Label.CLAUSE
    for clause in doc["clauses"]:
        ref = clause["id"]
        span, clause_id = spans[ref], prefix + ref  # ids.clause(), without a call per clause
        props = {"source": protocol, "protocol": protocol, "area": area, "ref": ref}
        number, heading = clause.get("number"), clause.get("heading")
        if number is not None:
            props["number"] = number
        if heading is not None:
            props["heading"] = heading
        props["text"], props["line"], props["start"], props["end"] = clause["text"], span[2], span[0], span[1]
        nodes.append({"id": clause_id, "label": label, "props": props})
        edges.append(
            {
                "id": edge_id(protocol, "PART_OF", clause_id, protocol),
                "type": "PART_OF",
                "from": clause_id,
                "to": protocol,
                "props": {"source": protocol},
            }
        )


def _actors(batch: GraphBatch, ids: _Ids, doc: Data) -> None:
    """Bodies, roles, parties, approvals and legislation: the things protocols share within an area."""
    get = doc.get
    independent = {
        b for d in get("declarations", ()) if d["kind"] == DeclarationKind.INDEPENDENT for b in d["bodies"]
    }
    nodes, area = batch.nodes, ids.area
    for label, actors in ((Label.BODY, doc["bodies"]), (Label.ROLE, get("roles", ()))):
        is_body = label is Label.BODY
        for actor in actors:
            actor_id, aliases = ids.local(actor["id"]), list(actor.get("aliases", ()))
            props = {
                "name": actor["name"],
                "aliases": aliases,
                "alias_text": " | ".join(aliases),
                "area": area,
            }
            if is_body:
                props["kind"], props["independent"] = actor["kind"], actor["id"] in independent
            nodes.append({"id": actor_id, "label": label, "props": props})
            quote = actor.get("quote") or actor["name"]
            _defined(batch, actor_id, area, ids.clause(actor["clause"]), quote)
    for person in get("people", ()):
        person_id, clause = ids.local(person["id"]), ids.clause(person["clause"])
        batch.node(person_id, Label.PERSON, name=person["name"], area=area)
        _defined(batch, person_id, area, clause, person.get("quote") or person["name"])
        for role in person.get("holds", ()):
            batch.edge("HOLDS", person_id, ids.local(role), clause=clause)
    for role in get("roles", ()):
        if role.get("body"):
            batch.edge(
                "ROLE_IN", ids.local(role["id"]), ids.local(role["body"]), clause=ids.clause(role["clause"])
            )
    protocol = doc["protocol"]
    for party in protocol["parties"]:
        batch.edge("HAS_PARTY", ids.protocol, ids.local(party))
    for approval in protocol.get("approved_by", ()):
        clause = ids.clause(approval["clause"])
        batch.edge(
            "APPROVED", ids.local(approval["body"]), ids.protocol, clause=clause, quote=approval["quote"]
        )
    for leg in get("legislation", ()):
        leg_id, clause = f"{LEGISLATION_NAMESPACE}/{leg['id']}", ids.clause(leg["clause"])
        batch.node(leg_id, Label.LEGISLATION, title=leg["title"])
        batch.edge("DEFINES", ids.protocol, leg_id)
        batch.edge("CITES", clause, leg_id, clause=clause, quote=leg["quote"])


def _duties(batch: GraphBatch, ids: _Ids, doc: Data) -> None:
    """A node and its OWES, TOWARDS and STATED_IN edges per duty, rows written out as in ``_clauses``."""
    protocol, area = ids.protocol, ids.area
    local, clauses, duties = f"{area}/", f"{protocol}/", f"{protocol}/duty/"  # as _Ids makes them
    nodes, edges, label = batch.nodes, batch.edges, Label.DUTY
    for duty in doc.get("duties", ()):
        ref = duty["id"]
        duty_id, clause = duties + ref, clauses + duty["clause"]
        owner = local + duty["owner"]
        props = {"source": protocol, "protocol": protocol, "area": area, "ref": ref, "text": duty["text"]}
        props["kind"], props["owner"] = duty["kind"], owner
        towards = duty.get("towards")
        towards = local + towards if towards else None
        if towards is not None:
            props["towards"] = towards
        props["clause"] = clause
        nodes.append({"id": duty_id, "label": label, "props": props})
        edge_props = {"clause": clause, "source": protocol}
        row_id = edge_id(protocol, "OWES", owner, duty_id, clause)
        edges.append({"id": row_id, "type": "OWES", "from": owner, "to": duty_id, "props": edge_props})
        if towards:
            row_id = edge_id(protocol, "TOWARDS", duty_id, towards, clause)
            row = {"id": row_id, "type": "TOWARDS", "from": duty_id, "to": towards, "props": {**edge_props}}
            edges.append(row)
        row_id = edge_id(protocol, "STATED_IN", duty_id, clause, clause)
        row = {"id": row_id, "type": "STATED_IN", "from": duty_id, "to": clause, "props": {**edge_props}}
        edges.append(row)


_RELATION_EXTRAS = ("what", "frequency", "capacity", "note")


def _relations(batch: GraphBatch, ids: _Ids, doc: Data) -> None:
    """An edge per relation, its row written out as in ``_clauses`` (``GraphBatch.edge``'s id and
    properties: the clause, then the properties set, then the source)."""
    duties = {d["id"]: d for d in doc.get("duties", ())}
    protocol = ids.protocol
    local, clauses, duty_ids = f"{ids.area}/", f"{protocol}/", f"{protocol}/duty/"
    edges = batch.edges
    for rel in doc.get("relations", ()):
        get = rel.get
        from_id, to_id = local + rel["from"], local + rel["to"]
        clause = clauses + _relation_clause(rel, duties)
        props = {"clause": clause, "quote": _relation_quote(rel, duties)}
        for name in _RELATION_EXTRAS:
            value = get(name)
            if value is not None:
                props[name] = value
        duty = get("duty")
        if duty:
            props["duty"] = duty_ids + duty
        if get("inferred"):
            props["inferred"] = True
        reason = get("reason")
        if reason is not None:
            props["reason"] = reason
        props["source"] = protocol
        capacity = get("capacity")
        key = clause if capacity is None else f"{clause}:{capacity}"
        row_id = edge_id(protocol, rel["type"], from_id, to_id, key)
        edges.append({"id": row_id, "type": rel["type"], "from": from_id, "to": to_id, "props": props})


def _declarations(batch: GraphBatch, ids: _Ids, doc: Data) -> None:
    for index, decl in enumerate(doc.get("declarations", ()), start=1):
        decl_id, clause = f"{ids.protocol}/declaration/{index}", ids.clause(decl["clause"])
        batch.node(
            decl_id,
            Label.DECLARATION,
            source=ids.protocol,
            protocol=ids.protocol,
            area=ids.area,
            kind=decl["kind"],
            quote=decl["quote"],
            clause=clause,
            bodies=[ids.local(b) for b in decl["bodies"]],
        )
        batch.edge("STATED_IN", decl_id, clause, clause=clause)
        for body in decl["bodies"]:
            batch.edge("CONCERNS", decl_id, ids.local(body), clause=clause)


def _defined(batch: GraphBatch, node_id: str, area: str, clause: str, quote: str) -> None:
    """Shared nodes (bodies, roles) hang off their protocol and area, and point at the clause naming them.

    The three rows ``GraphBatch.edge`` would make, written out (this runs for every actor)."""
    source, append = batch.source, batch.edges.append
    props = {"source": source}
    append(
        {
            "id": edge_id(source, "DEFINES", source, node_id),
            "type": "DEFINES",
            "from": source,
            "to": node_id,
            "props": props,
        }
    )
    append(
        {
            "id": edge_id("", "IN_AREA", node_id, area),
            "type": "IN_AREA",
            "from": node_id,
            "to": area,
            "props": {},
        }
    )
    props = {"clause": clause, "quote": quote, "source": source}
    row_id = edge_id(source, "DEFINED_IN", node_id, clause, clause)
    append({"id": row_id, "type": "DEFINED_IN", "from": node_id, "to": clause, "props": props})
