"""The checks on the two bundled protocols: exactly the findings the README documents, and why."""

from __future__ import annotations

from govgraph.graph.checks import Finding, load_rules, results, run_checks, run_outcome
from neo4j import Driver

from tests.conftest import Cli

LSCB_TRUST = ("leicester/lscb", "leicester/trust")
LEICESTER = {
    # 3f, 4g and 5i put each chair, and the partner agencies, on both boards, which scrutinise each other
    ("leicester", "overlapping-membership", "info", ("leicester/chair-of-lscb", *LSCB_TRUST)),
    ("leicester", "overlapping-membership", "info", ("leicester/chair-of-trust", *LSCB_TRUST)),
    ("leicester", "overlapping-membership", "info", ("leicester/partner-agencies", *LSCB_TRUST)),
    # the same seats, as a conflict: each takes part in both sides of the mutual scrutiny (4c, 3d)
    ("leicester", "conflict-of-interest", "warning", ("leicester/chair-of-lscb", *LSCB_TRUST)),
    ("leicester", "conflict-of-interest", "warning", ("leicester/chair-of-trust", *LSCB_TRUST)),
    ("leicester", "conflict-of-interest", "warning", ("leicester/partner-agencies", *LSCB_TRUST)),
    # 3h makes the LSCB independent; its chair is a role (3f) nobody is recorded as holding
    ("leicester", "independent-chair", "warning", ("leicester/lscb", "leicester/chair-of-lscb")),
}
LSCB_WCT = ("wirral/lscb", "wirral/wct")
WIRRAL = {
    # 4.1: WCT is a thematic group of the LSP, which is no party to the non-hierarchical 2.1
    ("wirral", "no-subordination", "warning", ("wirral/wct", "wirral/lsp")),
    # 2.3: "chaired by different people", but no chair of the LSCB is recorded, and nobody is recorded
    # as holding the Lead Member's post, which chairs WCT (2.5)
    ("wirral", "chairs-separate", "warning", ("wirral/lscb",)),
    ("wirral", "chairs-separate", "warning", ("wirral/wct", "wirral/lead-member")),
    # 4.5: WCT seeks the LSCB's approval, though 2.1 says it is not a hierarchical relationship
    ("wirral", "approval-power", "warning", ("wirral/wct", "wirral/lscb")),
    # 2.5 'participant observer' and 5.3a member of the LSCB
    ("wirral", "membership-capacity", "warning", ("wirral/lead-member", "wirral/lscb")),
    # 3.1: the DCS must ensure an effective LSCB, and sits on it (2.5, 5.3b)
    ("wirral", "conflict-of-interest", "warning", ("wirral/dcs", "wirral/lscb")),
    # 5.3: on both boards, and the LSCB scrutinises WCT (6.1); the Lead Member chairs WCT (2.5)
    ("wirral", "conflict-of-interest", "warning", ("wirral/dcs", *LSCB_WCT)),
    ("wirral", "conflict-of-interest", "warning", ("wirral/director-strategic-partnerships", *LSCB_WCT)),
    ("wirral", "conflict-of-interest", "warning", ("wirral/lead-member", *LSCB_WCT)),
    ("wirral", "overlapping-membership", "info", ("wirral/dcs", *LSCB_WCT)),
    ("wirral", "overlapping-membership", "info", ("wirral/director-strategic-partnerships", *LSCB_WCT)),
    ("wirral", "overlapping-membership", "info", ("wirral/lead-member", *LSCB_WCT)),
}
# Each rule on each area: passed (examined and held), failed (findings) or unverified (and why).
OUTCOMES = {
    ("leicester", "approval-power"): ("unverified", "declares a relationship not hierarchical"),
    ("leicester", "chairs-separate"): ("unverified", "declares bodies that must be chaired by different"),
    ("leicester", "conflict-of-interest"): ("failed", None),
    ("leicester", "independent-chair"): ("unverified", "no person is recorded as holding the post of Chair"),
    ("leicester", "membership-capacity"): ("passed", None),
    ("leicester", "no-direction-power"): ("passed", None),
    ("leicester", "no-subordination"): ("passed", None),
    ("leicester", "one-way-accountability"): ("passed", None),
    ("leicester", "overlapping-membership"): ("failed", None),
    ("wirral", "approval-power"): ("failed", None),
    ("wirral", "chairs-separate"): ("unverified", "no chair of Wirral Local Safeguarding Children Board is"),
    ("wirral", "conflict-of-interest"): ("failed", None),
    ("wirral", "independent-chair"): ("unverified", "no protocol of this area declares a body independent"),
    ("wirral", "membership-capacity"): ("failed", None),
    ("wirral", "no-direction-power"): ("unverified", "declares that its parties have no power to direct"),
    ("wirral", "no-subordination"): ("failed", None),
    ("wirral", "one-way-accountability"): ("passed", None),
    ("wirral", "overlapping-membership"): ("failed", None),
}


def brief(findings: list[Finding]) -> set[tuple[str, str, str, tuple[str, ...]]]:
    return {(f.area, f.rule, f.severity.value, tuple(s.id for s in f.subjects)) for f in findings}


def test_bundled_protocols_give_exactly_the_documented_findings(bundled: Cli, driver: Driver) -> None:
    found = run_checks(driver)
    assert brief(found) == LEICESTER | WIRRAL
    assert len(found) == len(LEICESTER | WIRRAL)  # no finding twice


def test_each_rule_and_area_is_passed_failed_or_unverified(bundled: Cli, driver: Driver) -> None:
    """Issue 10: no rule passes what it could not examine (Leicester records no people, so nobody can
    say its independent LSCB's chair holds no executive post)."""
    rules = load_rules()
    outcome = run_outcome(driver, rules)
    found = {
        (r.area, r.rule): (r.status.value, r.reason)
        for r in results(rules, ["leicester", "wirral"], outcome.findings, outcome.evidence)
    }
    assert found.keys() == OUTCOMES.keys()
    for key, (status, reason) in OUTCOMES.items():
        assert found[key][0] == status, key
        assert (found[key][1] is None) == (reason is None) and (reason or "") in (found[key][1] or ""), key
    passed = {e.rule for e in outcome.evidence if e.area == "leicester"}
    assert {"membership-capacity", "one-way-accountability", "no-subordination"} <= passed


def test_leicester_keeps_independence_and_direction(bundled: Cli, driver: Driver) -> None:
    """The LSCB is independent (3h) and nothing is above it; its executive group would be below it, but
    that edge is only inferred from the group's name, so it is not followed at all."""
    found = run_checks(driver, area="leicester", rules=["no-subordination", "no-direction-power"])
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
    assert "  unverified: independent-chair: no protocol of this area declares a body independent" in out
    assert "  chairs-separate (error, unverified): Bodies that must have different chairs" in out
    assert (
        "    UNVERIFIED Unverified: no chair of Wirral Local Safeguarding Children Board is recorded" in out
    )
    assert "passed: one-way-accountability" in out
    assert "Rules by area: 1 passed, 5 failed, 3 unverified." in out
    assert out.rstrip().endswith("0 errors, 9 warnings, 3 info: passed (threshold error).")
