"""What ``govgraph check`` prints: text for people, JSON for programs, JUnit and SARIF for CI.

Every renderer takes the same ``Report`` (the areas checked, the rules run, their findings and the
threshold), so the four formats always tell the same story.

JSON and SARIF are written by orjson: the standard library's encoder falls back to pure Python when asked
to indent, which made ``json.dumps(indent=2)`` about 85% of those formats' time at 1,500 areas; orjson's
``OPT_INDENT_2`` gives the same text (two-space indents, ``": "``, UTF-8) about 25 times faster.
"""

from __future__ import annotations

import hashlib
import os
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import orjson

from govgraph.graph.checks import (
    ClauseRef,
    EdgeRef,
    Evidence,
    Finding,
    Leg,
    Result,
    Rule,
    Severity,
    Status,
    failing,
    results,
)

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SOURCE_ROOT = "PROTOCOLS"  # SARIF's base id for protocol texts known only by file name


@dataclass(frozen=True)
class Report:
    areas: list[tuple[str, str]]  # (id, name) of every area checked, passing ones included
    rules: list[Rule]
    findings: list[Finding]
    threshold: Severity
    source_dir: Path | None = None  # where protocol texts are, when the graph knows only their names
    evidence: list[Evidence] = field(default_factory=list)  # what passed rules examined

    @cached_property
    def failed(self) -> list[Finding]:
        return failing(self.findings, self.threshold)

    def counts(self) -> dict[str, int]:
        return {s.value: sum(f.severity == s for f in self.findings) for s in reversed(Severity)}

    @cached_property
    def results(self) -> dict[tuple[str, str], Result]:
        """Every (area, rule) outcome, built once with dictionaries: a report may cover 1,500 areas."""
        found = results(self.rules, [a for a, _ in self.areas], self.findings, self.evidence)
        return {(r.area, r.rule): r for r in found}

    def result(self, area: str, rule: str) -> Result:
        return self.results[(area, rule)]

    def of(self, area: str, rule: str) -> list[Finding]:
        return list(self.result(area, rule).findings)

    def outcomes(self) -> dict[str, int]:
        return {s.value: sum(r.status is s for r in self.results.values()) for s in Status}


def render(report: Report, fmt: str) -> str:
    return render_bytes(report, fmt).decode()


def render_bytes(report: Report, fmt: str) -> bytes:
    """The report in ``fmt`` as UTF-8 bytes, what the command writes: JSON and SARIF straight from orjson,
    which writes bytes (decoding 30 MB at 1,500 areas only for click to encode it again cost a tenth of a
    second each way)."""
    return RENDERERS[fmt](report)


# -- text -------------------------------------------------------------------------------------------------


def text(report: Report) -> str:
    """Grouped by area and rule: each rule's findings (message, path one leg a line, clauses), then the
    rules it could not verify and why, then those that passed."""
    lines = [
        f"Checked {_plural(len(report.areas), 'area')} against {_plural(len(report.rules), 'rule')}, "
        f"failing on {report.threshold} or worse.",
    ]
    for area_id, name in report.areas:
        lines += ["", f"{name} ({area_id})"]
        passed, unverified = [], []
        for rule in report.rules:
            result = report.result(area_id, rule.id)
            if result.status is Status.PASSED:
                passed.append(rule.id)
                continue
            if not result.findings:
                unverified.append(f"  unverified: {rule.id}: {result.reason}")
                continue
            unverified_tag = ", unverified" if result.status is Status.UNVERIFIED else ""
            lines.append(f"  {rule.id} ({rule.severity}{unverified_tag}): {rule.title}")
            for finding in result.findings:
                lines += _finding_lines(finding)
        lines += unverified
        if passed:
            lines.append(f"  passed: {', '.join(passed)}")
    counts = report.counts()
    summary = ", ".join(f"{_plural(n, s)}" for s, n in counts.items())
    outcomes = ", ".join(f"{n} {s}" for s, n in report.outcomes().items())
    verdict = "FAILED" if report.failed else "passed"
    lines += ["", f"Rules by area: {outcomes}.", f"{summary}: {verdict} (threshold {report.threshold})."]
    return "\n".join(lines)


def _finding_lines(finding: Finding) -> list[str]:
    tag = "UNVERIFIED" if finding.status is Status.UNVERIFIED else finding.severity.upper()
    lines = [f"    {tag:<7} {finding.message}"]
    for index, leg in enumerate(finding.path):
        label = "path" if index == 0 else ""
        lines.append(f"            {label:<7}{leg.text()}{_leg_sources(leg)}")
    for clause in finding.clauses:
        where = f" ({_where(clause)})" if clause.line else ""
        quote = f': "{clause.quote}"' if clause.quote else ""
        lines.append(f"            clause {clause.ref}{where}{quote}")
    return lines


def _leg_sources(leg: Leg) -> str:
    """Which clause or register line states each edge of a leg, so a person can look it up."""
    sources = [_edge_source(edge) for edge in leg.edges]
    return f"  [{'; '.join(sources)}]" if any(sources) else ""


def _edge_source(edge: EdgeRef) -> str:
    if edge.clause:
        return edge.clause.rsplit("/", 1)[-1]
    if edge.line is not None:
        return f"register {edge.source} line {edge.line}"
    return ""


def _where(clause: ClauseRef) -> str:
    return f"{clause.source_file or clause.protocol}, line {clause.line}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 or word == "info" else f"{count} {word}s"


# -- json -------------------------------------------------------------------------------------------------


def as_json(report: Report) -> bytes:
    return _indented(_json_data(report))


def _json_data(report: Report) -> dict[str, Any]:
    return {
        "threshold": report.threshold.value,
        "failed": bool(report.failed),
        "counts": report.counts(),
        "outcomes": report.outcomes(),
        "areas": [{"id": area_id, "name": name} for area_id, name in report.areas],
        "rules": [_rule_dict(rule) for rule in report.rules],
        "results": [result.as_dict() for result in report.results.values()],
        "findings": [finding.as_dict() for finding in report.findings],
    }


def _indented(data: dict[str, Any]) -> bytes:
    """Two-space indented JSON, as ``json.dumps(data, indent=2, ensure_ascii=False)`` writes it (UTF-8)."""
    return orjson.dumps(data, option=orjson.OPT_INDENT_2)


def _rule_dict(rule: Rule) -> dict[str, str]:
    return {
        "id": rule.id,
        "title": rule.title,
        "severity": rule.severity.value,
        "citation": rule.citation,
        "rationale": rule.rationale,
        "unexamined": rule.unexamined,
    }


# -- junit ------------------------------------------------------------------------------------------------


def junit(report: Report) -> str:
    """One test suite per area, one test case per rule: a case fails on findings at the threshold, and
    is skipped, with the reason, when the rule could not verify the area."""
    suites = []
    total = failures = skipped = 0
    for area_id, name in report.areas:
        suite, suite_failures, suite_skipped = _junit_suite(report, area_id, name)
        suites.append(suite)
        total += len(report.rules)
        failures += suite_failures
        skipped += suite_skipped
    counts = {"tests": total, "failures": failures, "errors": 0, "skipped": skipped}
    root = _Xml("testsuites", {"name": "govgraph check", **{k: str(v) for k, v in counts.items()}}, suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + _xml_text(root)


def _junit_suite(report: Report, area_id: str, name: str) -> tuple[_Xml, int, int]:
    """An area's suite, and how many of its cases failed and were skipped."""
    cases = [_Xml("properties", {}, [_Xml("property", {"name": "area", "value": name})])]
    suite_failures = suite_skipped = 0
    for rule in report.rules:
        result = report.result(area_id, rule.id)
        found = list(result.findings)
        bad = failing([f for f in found if f.status is Status.FAILED], report.threshold)
        inside = []
        if bad:
            suite_failures += 1
            summary = f"{_plural(len(bad), 'finding')} at or above {report.threshold}"
            attributes = {"message": summary, "type": bad[0].severity.value}
            inside.append(_Xml("failure", attributes, text=_plain_lines(bad)))
        elif result.status is Status.UNVERIFIED:
            suite_skipped += 1
            inside.append(_Xml("skipped", {"message": f"unverified: {result.reason}"}))
        rest = [f for f in found if f not in bad]
        if rest:
            inside.append(_Xml("system-out", {}, text=_plain_lines(rest)))
        cases.append(_Xml("testcase", {"classname": f"govgraph.check.{area_id}", "name": rule.id}, inside))
    counts = {"tests": len(report.rules), "failures": suite_failures, "errors": 0, "skipped": suite_skipped}
    attributes = {"name": area_id, **{k: str(v) for k, v in counts.items()}}
    return _Xml("testsuite", attributes, cases), suite_failures, suite_skipped


@dataclass
class _Xml:
    """An element written as ``ET.indent`` then ``ET.tostring(encoding="unicode")`` write it, byte for
    byte: two spaces a level, ``<tag />`` when empty, attributes in the order given, text and attribute
    values escaped as ElementTree escapes them. ElementTree's tree, its namespace pass and its
    serializer were over half of JUnit's time at 1,500 areas (40,000 elements); strings joined once
    are a fraction of it."""

    tag: str
    attributes: dict[str, str]
    children: list[_Xml] = field(default_factory=list)
    text: str | None = None  # only on an element without children (ET.indent replaces it otherwise)

    def write(self, out: list[str], level: int) -> None:
        out.append("<" + self.tag)
        for key, value in self.attributes.items():
            out.append(f' {key}="{_escape_attribute(value)}"')
        if self.children:
            inner = "\n" + "  " * (level + 1)
            out.append(">")
            for child in self.children:
                out.append(inner)
                child.write(out, level + 1)
            out.append("\n" + "  " * level + "</" + self.tag + ">")
        elif self.text:
            out.append(">" + _escape_text(self.text) + "</" + self.tag + ">")
        else:
            out.append(" />")


def _xml_text(element: _Xml) -> str:
    out: list[str] = []
    element.write(out, 0)
    return "".join(out)


def _escape_text(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _escape_attribute(text: str) -> str:
    text = _escape_text(text)
    for char, entity in (('"', "&quot;"), ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;")):
        if char in text:
            text = text.replace(char, entity)
    return text


def _plain_lines(findings: list[Finding]) -> str:
    """The findings' text lines without their common indent (``textwrap.dedent``'s result). Every line
    ``_finding_lines`` makes starts with four spaces, the first of each finding's then its tag, so the
    common indent is those four spaces, cut directly: dedent's regular expressions over 5,000 failing
    cases were a third of JUnit's time at 1,500 areas. A message with a line break of its own may break
    that pattern, and goes through dedent."""
    text = "\n".join(line for f in findings for line in _finding_lines(f))
    lines = text.split("\n")
    if lines[0][4:5].strip() and all(line.startswith("    ") and line.strip(" \t") for line in lines):
        return "\n".join(line[4:] for line in lines)
    return textwrap.dedent(text)


# -- sarif ------------------------------------------------------------------------------------------------


def sarif(report: Report) -> bytes:
    """SARIF 2.1.0: each result is located at the protocol text and line of the clause it rests on."""
    return _indented(_sarif_data(report))


def _sarif_data(report: Report) -> dict[str, Any]:
    index = {rule.id: i for i, rule in enumerate(report.rules)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "govgraph",
                "version": _version(),
                "rules": [_sarif_rule(rule) for rule in report.rules],
            }
        },
        "invocations": [
            {
                "executionSuccessful": True,
                "toolExecutionNotifications": [
                    _sarif_unverified(r, index[r.rule], report.source_dir)
                    for r in report.results.values()
                    if r.status is Status.UNVERIFIED
                ],
            }
        ],
        "results": [
            _sarif_result(f, index[f.rule], report.source_dir)
            for f in report.findings
            if f.status is Status.FAILED
        ],
    }
    if any(not c.source_path for f in report.findings for c in f.clauses) and report.source_dir is None:
        run["originalUriBaseIds"] = {
            SOURCE_ROOT: {"description": {"text": "The folder holding the protocols' text files."}}
        }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def _version() -> str:
    try:
        return version("govgraph")
    except PackageNotFoundError:
        return "0"


def _sarif_rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": "".join(part.title() for part in rule.id.split("-")),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.rationale},
        "help": {"text": f"{rule.rationale}\n\nRests on: {rule.citation}"},
        "defaultConfiguration": {"level": SARIF_LEVEL[rule.severity]},
        "properties": {"citation": rule.citation},
    }


def _sarif_result(finding: Finding, rule_index: int, source_dir: Path | None) -> dict[str, Any]:
    locations = [_sarif_location(c, source_dir) for c in finding.clauses if c.line]
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": SARIF_LEVEL[finding.severity],
        "message": {"text": _sarif_message(finding)},
        "locations": locations[:1],
        "partialFingerprints": {"govgraphFinding/v1": _fingerprint(finding)},
        "properties": {
            "area": finding.area,
            "subjects": [s.id for s in finding.subjects],
            "path": {"nodes": [n.id for n in finding.nodes], "edges": [e.id for e in finding.edges]},
        },
    }
    if len(locations) > 1:
        result["relatedLocations"] = [{"id": i, **loc} for i, loc in enumerate(locations[1:], 1)]
    return result


def _sarif_unverified(result: Result, rule_index: int, source_dir: Path | None) -> dict[str, Any]:
    """A rule that could not verify an area is no result (nothing was found) but must not read as a
    pass: a notification, with the clause it rests on where there is one."""
    clauses = [c for f in result.findings for c in f.clauses if c.line]
    notification: dict[str, Any] = {
        "level": "warning",
        "message": {"text": f"{result.rule} could not verify {result.area}: {result.reason}"},
        "associatedRule": {"id": result.rule, "index": rule_index},
        "properties": {"area": result.area, "status": result.status.value},
    }
    if clauses:
        notification["locations"] = [_sarif_location(clauses[0], source_dir)]
    return notification


def _sarif_message(finding: Finding) -> str:
    path = finding.path_text()
    return f"{finding.message}." + (f" Path: {path}." if path else "")


def _sarif_location(clause: ClauseRef, source_dir: Path | None) -> dict[str, Any]:
    quote = f': "{clause.quote}"' if clause.quote else ""
    return {
        "physicalLocation": {
            "artifactLocation": _artifact(clause, source_dir),
            "region": {"startLine": clause.line},
        },
        "message": {"text": f"clause {clause.ref}{quote}"},
    }


def _artifact(clause: ClauseRef, source_dir: Path | None) -> dict[str, str]:
    """Relative to the working directory where possible, as code-scanning services expect."""
    if source_dir is not None and clause.source_file:
        return {"uri": _uri(str(source_dir), clause.source_file, os.getcwd())}
    if clause.source_path:
        return {"uri": _uri(None, clause.source_path, os.getcwd())}
    return {"uri": clause.source_file or str(clause.protocol), "uriBaseId": SOURCE_ROOT}


@lru_cache(maxsize=4096)
def _uri(folder: str | None, path: str, cwd: str) -> str:
    """Resolved once per file and working directory, and looked up by the strings the clause holds:
    resolving (a stat per part) for each of 28,000 clause locations was most of SARIF's time at 1,500
    areas, and building a Path for each only to look it up was still a third of it."""
    resolved = (Path(path) if folder is None else Path(folder) / path).resolve()
    try:
        return resolved.relative_to(Path(cwd).resolve()).as_posix()
    except ValueError:
        return resolved.as_uri()


def _fingerprint(finding: Finding) -> str:
    """Stable across runs for the same finding, so code scanning tracks it rather than re-opening it."""
    key = "|".join([finding.rule, finding.area, *sorted(s.id for s in finding.subjects)])
    key += "|" + "|".join(sorted(str(e.id) for e in finding.edges))
    return hashlib.sha256(key.encode()).hexdigest()[:32]


# The one dispatch from a format's name to its renderer, as the bytes the command writes (``render``
# decodes them): text and JUnit are built as text, JSON and SARIF come as bytes from orjson.
RENDERERS: dict[str, Callable[[Report], bytes]] = {
    "text": lambda report: text(report).encode(),
    "json": as_json,
    "junit": lambda report: junit(report).encode(),
    "sarif": sarif,
}
