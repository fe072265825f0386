"""``govgraph check --format junit`` writes its XML as strings (issue 11: ElementTree's tree and serializer
were over half of JUnit's time at 1,500 areas): the text must be exactly what ElementTree would write for
the same report, with every character XML must escape, in text and in attributes. No database needed."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from govgraph.graph.checks import (
    ClauseRef,
    EdgeRef,
    Evidence,
    Finding,
    Leg,
    NodeRef,
    Severity,
    Status,
    failing,
    parse_rule,
)

from govgraph import check_reports
from govgraph.check_reports import Report

HEADER = """\
// id: {id}
// title: A rule & its "title" <made up>
// severity: warning
// citation: c
// rationale: r
RETURN 1
"""
TRICKY = 'A & B <board> said "no"\tto\nC\'s chair'


def reference(report: Report) -> str:
    """The JUnit document as ElementTree wrote it before (commit c9cd49c), built from the same report."""
    root = ET.Element("testsuites", name="govgraph check")
    total = failures = skipped = 0
    for area_id, name in report.areas:
        suite = ET.SubElement(root, "testsuite", name=area_id)
        properties = ET.SubElement(suite, "properties")
        ET.SubElement(properties, "property", name="area", value=name)
        suite_failures = suite_skipped = 0
        for rule in report.rules:
            case = ET.SubElement(suite, "testcase", classname=f"govgraph.check.{area_id}", name=rule.id)
            result = report.result(area_id, rule.id)
            found = list(result.findings)
            bad = failing([f for f in found if f.status is Status.FAILED], report.threshold)
            if bad:
                suite_failures += 1
                summary = f"{len(bad)} finding{'s' if len(bad) > 1 else ''} at or above {report.threshold}"
                failure = ET.SubElement(case, "failure", message=summary, type=bad[0].severity.value)
                failure.text = check_reports._plain_lines(bad)
            elif result.status is Status.UNVERIFIED:
                suite_skipped += 1
                ET.SubElement(case, "skipped", message=f"unverified: {result.reason}")
            rest = [f for f in found if f not in bad]
            if rest:
                ET.SubElement(case, "system-out").text = check_reports._plain_lines(rest)
        for key, value in (("tests", len(report.rules)), ("failures", suite_failures)):
            suite.set(key, str(value))
        suite.set("errors", "0")
        suite.set("skipped", str(suite_skipped))
        total += len(report.rules)
        failures += suite_failures
        skipped += suite_skipped
    for key, value in (("tests", total), ("failures", failures), ("errors", 0), ("skipped", skipped)):
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def finding(rule: str, area: str, severity: Severity, status: Status, message: str) -> Finding:
    a, b = NodeRef(f"{area}/a", "A & <A>", "Body"), NodeRef(f"{area}/b", 'B "quoted"', "Role")
    leg = Leg((a, b), (EdgeRef("e1", "REPORTS_TO", a.id, b.id, clause=f"{area}/p/1"),))
    clause = ClauseRef(f"{area}/p/1", "1.2", "1.2", 7, TRICKY, f"{area}/p", "p&q.txt", None)
    return Finding(rule, severity, area, message, (a, b), (leg,), (clause,), status)


def report(threshold: Severity) -> Report:
    rules = [parse_rule(HEADER.format(id=name), f"{name}.cypher") for name in ("one", "two", "three")]
    areas = [("north", 'North & "East" <shire>'), ("south", "South\tshire\r\nnew line")]
    findings = [
        finding("one", "north", Severity.WARNING, Status.FAILED, TRICKY),
        finding("one", "north", Severity.INFO, Status.FAILED, "an info > a warning"),
        finding("two", "north", Severity.WARNING, Status.UNVERIFIED, "Unverified: no chair & no <deputy>"),
        finding("one", "south", Severity.INFO, Status.FAILED, "only info"),
    ]
    evidence = [Evidence("three", "north", "held"), Evidence("two", "south", "held")]
    return Report(areas, rules, findings, threshold, None, evidence)


def test_junit_is_what_elementtree_writes_byte_for_byte() -> None:
    for threshold in (Severity.WARNING, Severity.INFO, Severity.ERROR):
        assert check_reports.junit(report(threshold)) == reference(report(threshold)), threshold


def test_junit_of_no_areas_is_an_empty_suite_list() -> None:
    empty = Report([], report(Severity.ERROR).rules, [], Severity.ERROR)
    assert check_reports.junit(empty) == reference(empty)
    assert check_reports.junit(empty).endswith('skipped="0" />')


def test_the_escaped_values_read_back_as_written() -> None:
    root = ET.fromstring(check_reports.junit(report(Severity.WARNING)))
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert suites["south"].find("properties/property").get("value") == "South\tshire\r\nnew line"
    failure = suites["north"].find("testcase[@name='one']/failure")
    assert TRICKY.replace("\n", "\n    ") in failure.text or TRICKY.split("\n")[0] in failure.text
    assert failure.get("message") == "1 finding at or above warning"
