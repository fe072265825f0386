"""Independence checks: rules written in Cypher, one file each, whose rows become findings that cite the
clause and the path they rest on.

A rule is a ``.cypher`` file directly in a rules directory (the bundled ones are ``cypher/checks``). Its
leading ``// key: value`` comment lines are its header (id, title, severity, citation, rationale; indented
comment lines continue a value) and the rest is one read-only statement that takes ``$area`` (an area id,
or null for all) and returns rows of one shape, the columns of ``COLUMNS``:

- ``rule`` (the header's id) and ``severity`` (error, warning or info, at most the header's severity);
- ``area`` and ``message`` (strings);
- ``status``: ``failed`` (a finding), ``unverified`` (the rule could not examine something, and the
  message says why: also a finding, so it is never mistaken for a pass) or ``passed`` (something the
  rule examined held; the message says what, and it is evidence, not a finding);
- ``subjects``: the nodes the finding is about, as nodes or as maps ``{id, name, label}``;
- ``path``: the offending path, a list of paths (shown as legs), or null; a path may also be given as
  plain values, ``{nodes: [{id, name, label}], edges: [{id, type, start, end, clause, quote, ...}]}``;
- ``clauses``: ``[{clause: Clause node, protocol: Protocol node or null, quote: string or null}]``, or
  plain maps ``{id, ref, number, line, quote, protocol, source_file, source_path}``.

Or the statement returns one column, ``rows``: a list of maps each holding exactly those columns (in one
record, or spread over several): ``RETURN collect({rule: rule, ...}) AS rows`` after the statement in a
``CALL () { ... }``. The bundled rules do: the driver builds a Python record object for every record it
receives, and for a rule's thousands of rows at 1,500 areas that cost more CPU than decoding the same
values as one list (bench/check_breakdown.py).

Plain values are what the bundled rules return: the driver decodes them several times faster than
nodes and paths carrying every property.

A rule may also have a per-area statement: a file of the same name in the rules directory's ``area``
folder (the bundled ones are ``cypher/checks/area``), with the same header, which is run instead when
one area is checked. Then the rule file itself is the national statement, free to ignore ``$area``: the
runner keeps only the asked area's rows whichever statement ran. One statement cannot serve both runs
well: Neo4j plans it once, so a statement that seeks the area index when given an area and scans labels
when not is a union of both plans, and the national run pays for the branch it does not need (at 1,500
areas the rule set took twice as long). The national run's findings must equal the union of the
per-area runs' (tests/test_checks_split.py holds the bundled rules to it).

Each rule and area has one outcome (``Result``): failed when it has a failed finding, else unverified
when it has an unverified one or when the rule found nothing at all to examine there (the header's
``unexamined`` says why), else passed. No rule passes an area it could not examine.

A validator adds a rule by adding a file; a file whose header, columns or values are wrong is refused
with a ``RuleError`` naming the file, line and field, never run half-way into a report.

Rule discovery and parsing, and turning a row into a ``Finding``, are pure functions, so the API can run
the very same rule texts with neo4j's async driver: ``run_checks`` is a thin loop over them for a sync
driver or session, ``run_checks_async`` the same for an async one.
"""

from __future__ import annotations

import difflib
import re
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cached_property
from importlib import resources
from importlib.resources.abc import Traversable
from itertools import groupby
from pathlib import Path
from typing import Any

from govgraph.graph.errors import GraphError
from govgraph.graph.queries import cypher
from neo4j import READ_ACCESS, AsyncDriver, AsyncManagedTransaction, AsyncSession, Driver, Session
from neo4j import ManagedTransaction as Transaction
from neo4j.exceptions import ClientError, DriverError, Neo4jError
from neo4j.graph import Node, Relationship
from neo4j.graph import Path as GraphPath

SUFFIX = ".cypher"
AREA_FOLDER = "area"  # a rule's per-area statement: <rules directory>/area/<id>.cypher
REQUIRED = ("id", "title", "severity", "citation", "rationale")
OPTIONAL = ("name", "takes", "returns", "unexamined")  # the header every statement in cypher/ carries
COLUMNS = ("rule", "severity", "area", "status", "message", "subjects", "path", "clauses")
ROWS = "rows"  # the one column of a rule that returns its rows as a list of maps
_COLUMN_SET = frozenset(COLUMNS)
RULE_SESSIONS = 3  # rules run at once by a driver (bench/check_breakdown.py measured 1 to 4)
NOTHING_TO_EXAMINE = "the rule found nothing in this area to examine"
RULE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_NEO4J_LINE = re.compile(r"\(line (\d+), column \d+")


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
_SEVERITIES = {s.value: s for s in Severity}


class Status(StrEnum):
    """A rule's outcome on an area, and what one of its rows says."""

    PASSED = "passed"
    FAILED = "failed"
    UNVERIFIED = "unverified"


_STATUSES = {s.value: s for s in Status}


class RuleError(GraphError):
    """A rule file that cannot be used: told as file, line and field, like the loaders' input errors."""

    def __init__(self, file: str, message: str, line: int | None = None, field: str | None = None) -> None:
        self.file, self.message, self.line, self.field = file, message, line, field
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        what = f" [{self.field}]" if self.field else ""
        return f"{where}:{what} {self.message}"


class UnknownRule(GraphError):
    """A rule asked for by id that no file defines: a usage error."""


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    severity: Severity
    citation: str
    rationale: str
    text: str
    file: str
    unexamined: str = NOTHING_TO_EXAMINE  # why an area that gives no rows at all is unverified
    area_text: str | None = None  # the per-area statement, when the rule has one (area/<id>.cypher)
    area_file: str | None = None

    def statement(self, area: str | None) -> Rule:
        """The rule as it runs for ``area``: its per-area statement when it has one and an area is asked,
        else itself; errors then name the file that ran."""
        if area is None or self.area_text is None or self.area_file is None:
            return self
        return replace(self, text=self.area_text, file=self.area_file, area_text=None, area_file=None)

    @property
    def return_line(self) -> int | None:
        """Where the statement's columns are named: the line a column error points at."""
        lines = [n for n, line in enumerate(self.text.splitlines(), 1) if line.lstrip().startswith("RETURN")]
        return lines[-1] if lines else None


# -- findings ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NodeRef:
    id: str
    name: str
    label: str


@dataclass(frozen=True)
class EdgeRef:
    """An edge of a path. A protocol's edges cite a clause; a register's cite its source and line."""

    id: str | None
    type: str
    start: str
    end: str
    clause: str | None = None
    quote: str | None = None
    source: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class Leg:
    """One path: ``edges[i]`` joins ``nodes[i]`` and ``nodes[i + 1]``, in either direction."""

    nodes: tuple[NodeRef, ...]
    edges: tuple[EdgeRef, ...]

    def text(self) -> str:
        """``A -SUBGROUP_OF-> B <-DIRECTS- C``: the arrow shows which way each edge really points."""
        parts = [self.nodes[0].name]
        for edge, before, after in zip(self.edges, self.nodes, self.nodes[1:], strict=False):
            arrow = f"-{edge.type}->" if edge.start == before.id else f"<-{edge.type}-"
            parts += [arrow, after.name]
        return " ".join(parts)


@dataclass(frozen=True)
class ClauseRef:
    """A clause a finding rests on, with the words it quotes and where the protocol's text has it."""

    id: str
    ref: str
    number: str | None
    line: int | None
    quote: str | None
    protocol: str | None
    source_file: str | None
    source_path: str | None


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    area: str
    message: str
    subjects: tuple[NodeRef, ...]
    path: tuple[Leg, ...]
    clauses: tuple[ClauseRef, ...]
    status: Status = Status.FAILED  # or UNVERIFIED: the rule could not examine it (the message says why)

    # Derived once and kept (a report at 1,500 areas asks each finding for them several times: sorting,
    # JSON, SARIF); cached_property writes to the instance's __dict__, which a frozen dataclass allows.
    @cached_property
    def nodes(self) -> tuple[NodeRef, ...]:
        return _unique(node for leg in self.path for node in leg.nodes)

    @cached_property
    def edges(self) -> tuple[EdgeRef, ...]:
        return _unique(edge for leg in self.path for edge in leg.edges)

    def path_text(self) -> str:
        return self._path_text

    @cached_property
    def _path_text(self) -> str:
        return "; ".join(leg.text() for leg in self.path)

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON and the API: ids throughout, names and types where a reader needs them."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "status": self.status.value,
            "area": self.area,
            "message": self.message,
            "subjects": [vars(s) for s in self.subjects],
            "path": {
                "text": self.path_text(),
                "nodes": [vars(n) for n in self.nodes],
                "edges": [vars(e) for e in self.edges],
            },
            "clauses": [vars(c) for c in self.clauses],
        }


def _unique(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(dict.fromkeys(items))


@dataclass(frozen=True)
class Evidence:
    """What a rule examined in an area (a ``passed`` row): a pass needs it, so a pass is never vacuous."""

    rule: str
    area: str
    message: str


@dataclass(frozen=True)
class Result:
    """One rule's outcome on one area: passed (examined and held), failed, or unverified and why."""

    rule: str
    area: str
    status: Status
    reason: str | None  # unverified: why it could not be examined; failed/passed: None
    findings: tuple[Finding, ...]
    examined: tuple[str, ...]  # the evidence of what held

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "area": self.area,
            "status": self.status.value,
            "reason": self.reason,
            "findings": len(self.findings),
            "examined": list(self.examined),
        }


@dataclass(frozen=True)
class Outcome:
    """Everything one run of the rules produced: its findings and its evidence of passes."""

    findings: list[Finding]
    evidence: list[Evidence]


def results(
    rules: Sequence[Rule], areas: Iterable[str], findings: Iterable[Finding], evidence: Iterable[Evidence]
) -> list[Result]:
    """One Result per area and rule, looked up in dictionaries built once (thousands of areas)."""
    found: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        found.setdefault((finding.area, finding.rule), []).append(finding)
    held: dict[tuple[str, str], list[str]] = {}
    for item in evidence:
        held.setdefault((item.area, item.rule), []).append(item.message)
    return [
        _result(rule, area, found.get((area, rule.id), []), held.get((area, rule.id), []))
        for area in areas
        for rule in rules
    ]


def _result(rule: Rule, area: str, found: list[Finding], held: list[str]) -> Result:
    unverified = [f.message for f in found if f.status is Status.UNVERIFIED]
    if any(f.status is Status.FAILED for f in found):
        status, reason = Status.FAILED, None
    elif unverified:
        status, reason = (
            Status.UNVERIFIED,
            "; ".join(m.removeprefix("Unverified: ") for m in dict.fromkeys(unverified)),
        )
    elif held:
        status, reason = Status.PASSED, None
    else:
        status, reason = Status.UNVERIFIED, rule.unexamined
    if reason is not None:
        reason = reason.removeprefix("Unverified: ")
    return Result(rule.id, area, status, reason, tuple(found), tuple(dict.fromkeys(held)))


# -- discovering and parsing rules -----------------------------------------------------------------------


def bundled_rules() -> Traversable:
    return resources.files("govgraph.cypher") / "checks"


def load_rules(directory: Path | Traversable | None = None) -> list[Rule]:
    """Every rule file directly in ``directory`` (default: the bundled rules), parsed and checked, by id."""
    folder = bundled_rules() if directory is None else directory
    if not folder.is_dir():
        raise RuleError(str(folder), "is not a directory of rule files")
    entries = sorted((e for e in folder.iterdir() if e.name.endswith(SUFFIX)), key=lambda e: e.name)
    if not entries:
        raise RuleError(str(folder), f"holds no rule files (*{SUFFIX})")
    rules = [parse_rule(_read(entry), str(entry), entry.name[: -len(SUFFIX)]) for entry in entries]
    return _with_area_statements(rules, folder / AREA_FOLDER)


def _with_area_statements(rules: list[Rule], folder: Traversable | Path) -> list[Rule]:
    """Attach each rule's per-area statement, checked like a rule file; one without a rule is refused,
    so a misnamed file never silently leaves a rule running its national statement per area."""
    if not folder.is_dir():
        return rules
    entries = {e.name[: -len(SUFFIX)]: e for e in folder.iterdir() if e.name.endswith(SUFFIX)}
    known = {rule.id for rule in rules}
    for stem, entry in sorted(entries.items()):
        if stem not in known:
            message = f"is a per-area statement for no rule (no {stem}{SUFFIX} beside '{AREA_FOLDER}')"
            raise RuleError(str(entry), message)
    attached = []
    for rule in rules:
        entry = entries.get(rule.id)
        if entry is not None:
            text = parse_rule(_read(entry), str(entry), rule.id).text
            rule = replace(rule, area_text=text, area_file=str(entry))
        attached.append(rule)
    return attached


def _read(entry: Traversable) -> str:
    try:
        return entry.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise RuleError(str(entry), f"is not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise RuleError(str(entry), f"cannot be read: {exc.strerror or exc}") from None


def parse_rule(text: str, file: str, stem: str | None = None) -> Rule:
    """Check the header a rule file opens with; ``stem`` (the file's name) must equal the rule's id."""
    fields, lines = _header(text, file)
    for key in REQUIRED:
        if not fields.get(key):
            raise RuleError(file, _missing(key, fields), line=lines.get(key, 1), field=key)
    rule_id = fields["id"]
    if not RULE_ID.match(rule_id):
        raise RuleError(file, f"id '{rule_id}' must be lower-case words joined by '-'", lines["id"], "id")
    if stem is not None and rule_id != stem:
        raise RuleError(file, f"id '{rule_id}' differs from the file's name '{stem}'", lines["id"], "id")
    try:
        severity = Severity(fields["severity"])
    except ValueError:
        choices = ", ".join(s.value for s in reversed(Severity))
        message = f"severity '{fields['severity']}' is not one of {choices}"
        raise RuleError(file, message, lines["severity"], "severity") from None
    if not any(line.strip() and not line.strip().startswith("//") for line in text.splitlines()):
        raise RuleError(file, "has a header but no query after it")
    return Rule(
        rule_id,
        fields["title"],
        severity,
        fields["citation"],
        fields["rationale"],
        text=text,
        file=file,
        unexamined=fields.get("unexamined") or NOTHING_TO_EXAMINE,
    )


def _header(text: str, file: str) -> tuple[dict[str, str], dict[str, int]]:
    """The leading comment lines as fields; a line that names no field continues the one before."""
    fields: dict[str, str] = {}
    lines: dict[str, int] = {}
    last = None
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped.startswith("//"):
            break
        body = stripped[2:].strip()
        key, sep, value = body.partition(":")
        indented = stripped[2:].startswith("  ")
        if sep and not indented and key.strip().isidentifier():
            last = key.strip().lower()
            if last in fields:
                raise RuleError(file, f"header field '{last}' is given twice", number, last)
            fields[last], lines[last] = value.strip(), number
        elif last and body:
            fields[last] = f"{fields[last]} {body}".strip()
    return fields, lines


def _missing(key: str, fields: Mapping[str, str]) -> str:
    if key in fields:
        return f"header field '{key}' is empty"
    typo = difflib.get_close_matches(key, [f for f in fields if f not in (*REQUIRED, *OPTIONAL)], n=1)
    hint = f" (is '{typo[0]}' a typo?)" if typo else ""
    return f"header field '{key}' is missing{hint}; a rule's header names {', '.join(REQUIRED)}"


def select_rules(rules: Sequence[Rule], ids: Iterable[str] | None) -> list[Rule]:
    """The rules asked for (all when ``ids`` is None or empty), in their own order; unknown ids are
    refused, every one of them named, so a typo never quietly runs fewer (or all) rules."""
    wanted = list(dict.fromkeys(ids or ()))
    known = {rule.id for rule in rules}
    unknown = [rule_id for rule_id in wanted if rule_id not in known]
    if unknown:
        names = ", ".join(f"'{rule_id}'" for rule_id in unknown)
        raise UnknownRule(
            f"unknown rule{'s' if len(unknown) > 1 else ''} {names} (known: {', '.join(sorted(known))})"
        )
    return [rule for rule in rules if not wanted or rule.id in wanted]


# -- rows to findings (pure: shared by the sync and async runners) ----------------------------------------


def rule_parameters(area: str | None) -> dict[str, Any]:
    return {"area": area}


def check_columns(rule: Rule, keys: Sequence[str], row: int | None = None) -> None:
    """One shape for every rule: exactly ``COLUMNS`` (or ``rows``, a list of maps of exactly those), so
    every renderer and the API can rely on it."""
    if row is None and list(keys) == [ROWS]:
        return
    missing = [c for c in COLUMNS if c not in keys]
    extra = [k for k in keys if k not in COLUMNS]
    if missing or extra:
        problems = [f"missing {', '.join(missing)}"] if missing else []
        problems += [f"unexpected {', '.join(extra)}"] if extra else []
        message = f"returns the wrong columns ({'; '.join(problems)}); a rule returns {', '.join(COLUMNS)}"
        if row is not None:
            message = f"row {row}: {message}, in each map of '{ROWS}'"
        else:
            message += f" (or '{ROWS}', a list of maps of them)"
        raise RuleError(rule.file, message, rule.return_line, "returns")


def to_finding(rule: Rule, record: Mapping[str, Any], row: int = 1) -> Finding | Evidence:
    """One row as a Finding (failed or unverified) or as Evidence (passed), each value checked, so a bad
    rule is caught at its first bad row."""
    values = _RowValues(rule, record, row)
    severity = values.severity()
    status = values.status()
    area, message = values.text("area"), values.text("message")
    if status is Status.PASSED:
        return Evidence(rule.id, area, message)
    return Finding(
        rule=rule.id,
        severity=severity,
        area=area,
        message=message,
        subjects=tuple(_node(n) for n in values.nodes("subjects")),
        path=values.legs(),
        clauses=_cited(values.clauses()),
        status=status,
    )


class _RowValues:
    """Reads one row's columns, raising a RuleError that names the rule file, row and column."""

    def __init__(self, rule: Rule, record: Mapping[str, Any], row: int) -> None:
        self.rule, self.record, self.row = rule, record, row

    def fail(self, column: str, message: str) -> RuleError:
        return RuleError(self.rule.file, f"row {self.row}: {message}", self.rule.return_line, column)

    def text(self, column: str) -> str:
        value = self.record[column]
        if not isinstance(value, str) or not value:
            raise self.fail(column, f"'{column}' must be a non-empty string, not {_kind(value)}")
        return value

    def severity(self) -> Severity:
        if (rule_id := self.text("rule")) != self.rule.id:
            raise self.fail("rule", f"'rule' is '{rule_id}', not the header's id '{self.rule.id}'")
        value = self.text("severity")
        severity = _SEVERITIES.get(value)
        if severity is None:
            raise self.fail("severity", f"severity '{value}' is not one of error, warning, info")
        if severity.rank > self.rule.severity.rank:
            raise self.fail("severity", f"severity '{severity}' is above the header's '{self.rule.severity}'")
        return severity

    def status(self) -> Status:
        value = self.text("status")
        status = _STATUSES.get(value)
        if status is None:
            raise self.fail("status", f"status '{value}' is not one of failed, unverified, passed")
        return status

    def nodes(self, column: str) -> list[Node | Mapping[str, Any]]:
        value = self.record[column]
        if not isinstance(value, list) or not all(_is_node(n) for n in value):
            raise self.fail(
                column, f"'{column}' must be a list of nodes or {{id, name, label}} maps, not {_kind(value)}"
            )
        return value

    def legs(self) -> tuple[Leg, ...]:
        value = self.record["path"]
        paths = [] if value is None else value if isinstance(value, list) else [value]
        if not all(isinstance(p, GraphPath) or _is_plain_leg(p) for p in paths):
            shapes = "a path, a list of paths (or {nodes, edges} maps) or null"
            message = f"'path' must be {shapes}, not {_kind(value)}"
            raise self.fail("path", message)
        return tuple(_leg(p) if isinstance(p, GraphPath) else _plain_leg(p) for p in paths)

    def clauses(self) -> list[ClauseRef]:
        value = self.record["clauses"]
        if not isinstance(value, list):
            raise self.fail("clauses", f"'clauses' must be a list of maps, not {_kind(value)}")
        refs = []
        for item in value:
            plain = type(item) is dict or isinstance(item, Mapping)
            if plain and isinstance(item.get("id"), str) and "clause" not in item:
                refs.append(_plain_clause(item))
                continue
            if not isinstance(item, Mapping) or not isinstance(item.get("clause"), Node):
                raise self.fail(
                    "clauses", "each of 'clauses' must be {clause: node, protocol, quote} or {id, ref, ...}"
                )
            protocol, quote = item.get("protocol"), item.get("quote")
            if not (protocol is None or isinstance(protocol, Node)) or not isinstance(quote, str | None):
                raise self.fail("clauses", "a clause's 'protocol' must be a node and its 'quote' a string")
            refs.append(_clause(item["clause"], protocol, quote))
        return refs


# The driver gives plain values as dicts and lists: the checks below try those exact types first, since
# an isinstance against the abstract Mapping was a third of turning 18,000 rows into findings.


def _is_node(value: Any) -> bool:
    if type(value) is dict:
        return isinstance(value.get("id"), str)
    return isinstance(value, Node) or (isinstance(value, Mapping) and isinstance(value.get("id"), str))


def _is_plain_leg(value: Any) -> bool:
    if not (type(value) is dict or isinstance(value, Mapping)):
        return False
    nodes, edges = value.get("nodes"), value.get("edges")
    return (
        isinstance(nodes, list)
        and isinstance(edges, list)
        and all(type(n) is dict or isinstance(n, Mapping) for n in nodes)
        and all(type(e) is dict or isinstance(e, Mapping) for e in edges)
    )


def _plain_leg(value: Mapping[str, Any]) -> Leg:
    nodes = tuple(_node(n) for n in value["nodes"])
    edges = tuple(
        EdgeRef(
            id=e.get("id"),
            type=str(e.get("type")),
            start=str(e.get("start")),
            end=str(e.get("end")),
            clause=e.get("clause"),
            quote=e.get("quote"),
            source=e.get("source"),
            line=e.get("line"),
        )
        for e in value["edges"]
    )
    return Leg(nodes, edges)


def _plain_clause(item: Mapping[str, Any]) -> ClauseRef:
    get = item.get
    return ClauseRef(
        str(item["id"]),
        str(get("ref") or item["id"]),
        get("number"),
        get("line"),
        get("quote"),
        get("protocol"),
        get("source_file"),
        get("source_path"),
    )


def _cited(refs: list[ClauseRef]) -> tuple[ClauseRef, ...]:
    """Each clause once per quote; a clause cited without words is dropped where it is quoted anyway."""
    quoted = {ref.id for ref in refs if ref.quote}
    return _unique(ref for ref in refs if ref.quote or ref.id not in quoted)


def _kind(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def _node(node: Node | Mapping[str, Any]) -> NodeRef:
    if type(node) is dict or not isinstance(node, Node):  # a plain map: str() only what is not text
        node_id = node["id"]
        node_id = node_id if type(node_id) is str else str(node_id)
        name, label = node.get("name"), node.get("label")
        return NodeRef(
            node_id,
            name if type(name) is str and name else str(name or node_id),
            label if type(label) is str else str(label or ""),
        )
    labels = sorted(label for label in node.labels if label != "Entity")
    node_id = str(node.get("id", node.element_id))
    name = str(node.get("name") or node.get("title") or node_id)
    return NodeRef(node_id, name, labels[0] if labels else "")


def _edge(rel: Relationship) -> EdgeRef:
    start, end = rel.start_node, rel.end_node
    return EdgeRef(
        id=rel.get("id"),
        type=rel.type,
        start=str(start.get("id", start.element_id)) if start is not None else "",
        end=str(end.get("id", end.element_id)) if end is not None else "",
        clause=rel.get("clause"),
        quote=rel.get("quote"),
        source=rel.get("source"),
        line=rel.get("line"),
    )


def _leg(path: GraphPath) -> Leg:
    return Leg(tuple(_node(n) for n in path.nodes), tuple(_edge(r) for r in path.relationships))


def _clause(clause: Node, protocol: Node | None, quote: str | None) -> ClauseRef:
    doc = protocol if protocol is not None else {}
    return ClauseRef(
        id=str(clause.get("id")),
        ref=str(clause.get("ref") or clause.get("id")),
        number=clause.get("number"),
        line=clause.get("line"),
        quote=quote,
        protocol=doc.get("id") or clause.get("protocol"),
        source_file=doc.get("source_file"),
        source_path=doc.get("source_path"),
    )


def finish(
    findings: Iterable[Finding], area: str | None = None, min_severity: Severity | str | None = None
) -> list[Finding]:
    """Keep the area's findings at or above ``min_severity``, each once, in a stable order: area, rule,
    severity, message, path. Two findings alike in all of those (differing in subjects or clauses) are
    ordered by their whole content, not by which the server sent first (rules now run concurrently, and
    a national statement's row order is the plan's), so the same graph always gives the same report."""
    floor = Severity(min_severity).rank if min_severity else 0
    kept = dict.fromkeys(f for f in findings if (area is None or f.area == area) and f.severity.rank >= floor)
    runs = [list(run) for _, run in groupby(sorted(kept, key=_order), key=_order)]
    return [f for run in runs for f in (run if len(run) == 1 else sorted(run, key=repr))]


def _order(finding: Finding) -> tuple[str, str, int, str, str]:
    return (finding.area, finding.rule, -finding.severity.rank, finding.message, finding.path_text())


def failing(findings: Iterable[Finding], threshold: Severity | str) -> list[Finding]:
    """The findings at or above ``threshold``: what makes ``govgraph check`` exit 1."""
    return [f for f in findings if f.severity.rank >= Severity(threshold).rank]


# -- running ----------------------------------------------------------------------------------------------


def run_checks(
    target: Driver | Session,
    area: str | None = None,
    rules: Iterable[str] | None = None,
    min_severity: Severity | str | None = None,
    *,
    rules_dir: Path | Traversable | None = None,
    database: str | None = None,
) -> list[Finding]:
    """Run the chosen rules (default: all in ``rules_dir``, by default the bundled ones), each in its own
    read transaction, and return their findings for ``area`` (default: all) at or above ``min_severity``.

    Every rule file is parsed before any runs, so a bad header stops the check before the database is
    asked anything.
    """
    selected = select_rules(load_rules(rules_dir), rules)
    return run_rules(target, selected, area, min_severity, database=database)


def run_rules(
    target: Driver | Session,
    rules: Sequence[Rule],
    area: str | None = None,
    min_severity: Severity | str | None = None,
    *,
    database: str | None = None,
) -> list[Finding]:
    """``run_checks`` for rules already loaded (the CLI lists and selects them first)."""
    return run_outcome(target, rules, area, min_severity, database=database).findings


def run_outcome(
    target: Driver | Session,
    rules: Sequence[Rule],
    area: str | None = None,
    min_severity: Severity | str | None = None,
    *,
    database: str | None = None,
    sessions: int = RULE_SESSIONS,
) -> Outcome:
    """The rules' findings and their evidence of passes: what ``results`` needs for every outcome.

    Given a driver, the rules run in up to ``sessions`` sessions at once (threads; a session serves one
    thread): Neo4j runs each statement on one core, so one rule after another leaves the other core
    idle while Python decodes. Given a session, they run one after another in it. The outcome is the
    same either way: rows are gathered in the rules' order and ``finish`` sorts the findings.
    """
    if isinstance(target, Session):
        return _outcome(_run_in(target, rules, area), area, min_severity)
    if sessions <= 1 or len(rules) <= 1:
        with target.session(database=database, default_access_mode=READ_ACCESS) as session:
            return _outcome(_run_in(session, rules, area), area, min_severity)
    return _outcome(_run_concurrently(target, rules, area, database, sessions), area, min_severity)


def _run_in(session: Session, rules: Sequence[Rule], area: str | None) -> list[Finding | Evidence]:
    rows: list[Finding | Evidence] = []
    for rule in rules:
        rows += _run_one(session, rule, area)
    return rows


def _run_one(session: Session, rule: Rule, area: str | None) -> list[Finding | Evidence]:
    try:
        return session.execute_read(_run_rule, rule, area)
    except (Neo4jError, DriverError) as exc:
        raise _as_graph_error(rule.statement(area), exc) from exc


def _run_concurrently(
    driver: Driver, rules: Sequence[Rule], area: str | None, database: str | None, sessions: int
) -> list[Finding | Evidence]:
    """Each rule in its own read transaction, ``sessions`` at a time, each worker thread with a session
    of its own; the rows come back in the rules' order, and the first rule (in that order) that fails
    is the error raised, as it would be one after another."""
    local = threading.local()
    opened: list[Session] = []
    lock = threading.Lock()

    def run(rule: Rule) -> list[Finding | Evidence]:
        session = getattr(local, "session", None)
        if session is None:
            session = local.session = driver.session(database=database, default_access_mode=READ_ACCESS)
            with lock:
                opened.append(session)
        return _run_one(session, rule, area)

    try:
        with ThreadPoolExecutor(max_workers=min(sessions, len(rules))) as pool:
            done = list(pool.map(run, rules))
    finally:
        for session in opened:
            session.close()
    return [row for rows in done for row in rows]


def _outcome(
    rows: list[Finding | Evidence], area: str | None, min_severity: Severity | str | None
) -> Outcome:
    findings = [row for row in rows if isinstance(row, Finding)]
    evidence = [row for row in rows if isinstance(row, Evidence) and (area is None or row.area == area)]
    return Outcome(finish(findings, area, min_severity), evidence)


def _run_rule(tx: Transaction, rule: Rule, area: str | None) -> list[Finding | Evidence]:
    rule = rule.statement(area)
    result = tx.run(rule.text, rule_parameters(area))
    keys = result.keys()
    check_columns(rule, keys)
    return _findings(rule, keys, result)


def _findings(rule: Rule, keys: Sequence[str], records: Iterable[Any]) -> list[Finding | Evidence]:
    """Each record as a plain dict first: a driver Record looks a column up by name through several
    layers, and a row is read column by column (thousands of rows at 1,500 areas). A rule returning
    ``rows`` gives its rows as maps already."""
    if list(keys) == [ROWS]:
        return [to_finding(rule, values, row) for row, values in enumerate(_listed(rule, records), 1)]
    return [
        to_finding(rule, dict(zip(keys, record.values(), strict=True)), row)
        for row, record in enumerate(records, 1)
    ]


def _listed(rule: Rule, records: Iterable[Any]) -> Iterator[dict[str, Any]]:
    """The maps of each record's ``rows`` list, each checked to hold exactly ``COLUMNS``."""
    row = 0
    for record in records:
        (listed,) = record.values()
        if type(listed) is not list:
            message = f"'{ROWS}' must be a list of maps, not {_kind(listed)}"
            raise RuleError(rule.file, message, rule.return_line, ROWS)
        for values in listed:
            row += 1
            if type(values) is not dict:
                message = f"row {row}: each of '{ROWS}' must be a map, not {_kind(values)}"
                raise RuleError(rule.file, message, rule.return_line, ROWS)
            if values.keys() != _COLUMN_SET:
                check_columns(rule, list(values), row)
            yield values


async def run_checks_async(
    target: AsyncDriver | AsyncSession,
    area: str | None = None,
    rules: Iterable[str] | None = None,
    min_severity: Severity | str | None = None,
    *,
    rules_dir: Path | Traversable | None = None,
    database: str | None = None,
) -> list[Finding]:
    """``run_checks`` for neo4j's async driver: the same rule texts, parameters and row conversion."""
    selected = select_rules(load_rules(rules_dir), rules)
    outcome = await run_outcome_async(target, selected, area, min_severity, database=database)
    return outcome.findings


async def run_outcome_async(
    target: AsyncDriver | AsyncSession,
    rules: Sequence[Rule],
    area: str | None = None,
    min_severity: Severity | str | None = None,
    *,
    database: str | None = None,
) -> Outcome:
    """``run_outcome`` for neo4j's async driver."""
    if isinstance(target, AsyncDriver):
        async with target.session(database=database, default_access_mode=READ_ACCESS) as session:
            return await _run_all_async(session, rules, area, min_severity)
    return await _run_all_async(target, rules, area, min_severity)


async def _run_all_async(
    session: AsyncSession, rules: Sequence[Rule], area: str | None, min_severity: Severity | str | None
) -> Outcome:
    rows: list[Finding | Evidence] = []
    for rule in rules:
        try:
            rows += await session.execute_read(_run_rule_async, rule, area)
        except (Neo4jError, DriverError) as exc:
            raise _as_graph_error(rule.statement(area), exc) from exc
    return _outcome(rows, area, min_severity)


async def _run_rule_async(
    tx: AsyncManagedTransaction, rule: Rule, area: str | None
) -> list[Finding | Evidence]:
    rule = rule.statement(area)
    result = await tx.run(rule.text, rule_parameters(area))
    keys = result.keys()
    check_columns(rule, keys)
    records = [record async for record in result]
    return _findings(rule, keys, records)


def _as_graph_error(rule: Rule, exc: Exception) -> GraphError:
    """A statement Neo4j refuses is the rule file's fault (with its line); anything else is the server's."""
    if isinstance(exc, ClientError):
        message = (exc.message or str(exc)).strip()
        found = _NEO4J_LINE.search(message)
        first = message.splitlines()[0] if message else "no reason given"
        return RuleError(rule.file, f"Neo4j refused the rule: {first}", int(found[1]) if found else None)
    return GraphError(f"rule '{rule.id}' could not run: {exc}")


def list_areas(target: Driver | Session, database: str | None = None) -> list[tuple[str, str]]:
    """Every area in the graph as (id, name): the areas a report covers, passing ones included."""
    if isinstance(target, Driver):
        records, _, _ = target.execute_query(cypher("checks/support/areas"), database_=database, routing_="r")
    else:
        records = list(target.run(cypher("checks/support/areas")))
    return [(r["id"], r["name"] or r["id"]) for r in records]
