"""The checks on the two bundled protocols: exactly the findings the README documents, and why."""

from __future__ import annotations

from neo4j import Driver

from graph.checks import Finding, run_checks
from tests.conftest import Cli

LSCB_TRUST = ("leicester/lscb", "leicester/trust")
LEICESTER_OVERLAPS = {
    # 3f, 4g and 5i put each chair, and the partner agencies, on both boards, which scrutinise each other
    ("leicester", "overlapping-membership", "info", ("leicester/chair-of-lscb", *LSCB_TRUST)),
    ("leicester", "overlapping-membership", "info", ("leicester/chair-of-trust", *LSCB_TRUST)),
    ("leicester", "overlapping-membership", "info", ("leicester/partner-agencies", *LSCB_TRUST)),
}
LSCB_WCT = ("wirral/lscb", "wirral/wct")
WIRRAL = {
    # 4.1: WCT is a thematic group of the LSP, which is no party to the non-hierarchical 2.1
    ("wirral", "no-subordination", "warning", ("wirral/wct", "wirral/lsp")),
    # 2.3: "chaired by different people", but no chair of the LSCB is recorded
    ("wirral", "chairs-separate", "warning", ("wirral/lscb",)),
    # 4.5: WCT seeks the LSCB's approval, though 2.1 says it is not a hierarchical relationship
    ("wirral", "approval-power", "warning", ("wirral/wct", "wirral/lscb")),
    # 2.5 'participant observer' and 5.3a member of the LSCB
    ("wirral", "membership-capacity", "warning", ("wirral/lead-member", "wirral/lscb")),
    # 5.3: members of both boards, and the LSCB scrutinises WCT (6.1)
    ("wirral", "overlapping-membership", "info", ("wirral/dcs", *LSCB_WCT)),
    ("wirral", "overlapping-membership", "info", ("wirral/director-strategic-partnerships", *LSCB_WCT)),
    ("wirral", "overlapping-membership", "info", ("wirral/lead-member", *LSCB_WCT)),
}


def brief(findings: list[Finding]) -> set[tuple[str, str, str, tuple[str, ...]]]:
    return {(f.area, f.rule, f.severity.value, tuple(s.id for s in f.subjects)) for f in findings}


def test_bundled_protocols_give_exactly_the_documented_findings(bundled: Cli, driver: Driver) -> None:
    found = run_checks(driver)
    assert brief(found) == LEICESTER_OVERLAPS | WIRRAL
    assert len(found) == len(LEICESTER_OVERLAPS | WIRRAL)  # no finding twice


def test_leicester_keeps_independence_direction_and_chairs(bundled: Cli, driver: Driver) -> None:
    """The LSCB is independent (3h) and nothing is above it; its executive group is below it (inbound)."""
    found = run_checks(driver, area="leicester", min_severity="warning")
    assert found == []


def test_wirral_subordination_is_reported_with_its_clauses_and_path(bundled: Cli, driver: Driver) -> None:
    (finding,) = run_checks(driver, area="wirral", rules=["no-subordination"])
    assert finding.path_text() == "Wirral Children's Trust -SUBGROUP_OF-> Local Strategic Partnership"
    assert [(c.ref, c.line, c.source_file, c.quote) for c in finding.clauses] == [
        ("2.1", 9, "wirral-wct-lscb.txt", "It is not a hierarchical relationship"),
        ("4.1", 31, "wirral-wct-lscb.txt", "It is a thematic group of the Local Strategic Partnership (LSP)"),
    ]
    assert [n.id for n in finding.nodes] == ["wirral/wct", "wirral/lsp"]
    edge = "wirral/wct-lscb|SUBGROUP_OF|wirral/wct|wirral/lsp|wirral/wct-lscb/4.1"
    assert [e.id for e in finding.edges] == [edge]


def test_wirral_lead_member_capacities_cite_both_clauses(bundled: Cli, driver: Driver) -> None:
    (finding,) = run_checks(driver, area="wirral", rules=["membership-capacity"])
    assert [c.ref for c in finding.clauses] == ["2.5", "5.3a"]
    assert "(participant observer in 2.5, member in 5.3a)" in finding.message


def test_the_text_report_reads_as_the_issue_asks(bundled: Cli) -> None:
    result = bundled("check", "--area", "wirral")
    assert result.exit_code == 0, result.output  # warnings and info only
    out = result.stdout
    assert "Wirral (wirral)" in out and "Leicester" not in out
    assert "  no-subordination (error): No body is subordinate to another" in out
    assert "path   Wirral Children's Trust -SUBGROUP_OF-> Local Strategic Partnership  [4.1]" in out
    assert 'clause 4.1 (wirral-wct-lscb.txt, line 31): "It is a thematic group of the Local Strategic' in out
    assert "passed: independent-chair, no-direction-power, one-way-accountability" in out
    assert out.rstrip().endswith("0 errors, 4 warnings, 3 info: passed (threshold error).")
