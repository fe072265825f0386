"""Each bundled rule has a national statement and a per-area one (cypher/checks/area): the national run
of every rule must find exactly what the per-area runs find together, in the same order and words, on
the bundled protocols and on a few synthetic areas; and each statement must use the plan it is for."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from govgraph.graph.checks import (
    AREA_FOLDER,
    ClauseRef,
    EdgeRef,
    Finding,
    Leg,
    NodeRef,
    Outcome,
    Rule,
    RuleError,
    Severity,
    finish,
    list_areas,
    load_rules,
    run_outcome,
)
from govgraph.graph.schema import apply_schema
from govgraph.graph.settings import Settings
from govgraph.loaders.writer import write_batch
from neo4j import Driver

from bench.synthetic import synthetic_batches
from tests.conftest import LEICESTER, WIRRAL, Cli

SYNTHETIC = 6  # with the bundled two, every rule examines something and most find something


@pytest.fixture(scope="module")
def mixed(cli: Cli, driver: Driver, server_home: Path) -> list[str]:
    """The two bundled protocols and a few synthetic areas; the areas' ids."""
    cli.wipe()
    result = cli("load", LEICESTER, WIRRAL)
    assert result.exit_code == 0, result.output
    database = Settings(home=server_home).neo4j_database
    apply_schema(driver, database)
    for batch in synthetic_batches(SYNTHETIC):
        write_batch(driver, database, batch, force=True, timeout=600.0)
    return [area for area, _ in list_areas(driver)]


def per_area(driver: Driver, rules: list[Rule], areas: list[str]) -> Outcome:
    outcomes = [run_outcome(driver, rules, area) for area in areas]
    findings = finish(f for outcome in outcomes for f in outcome.findings)
    return Outcome(findings, [e for outcome in outcomes for e in outcome.evidence])


def test_the_national_run_finds_what_the_per_area_runs_find(mixed: list[str], driver: Driver) -> None:
    rules = load_rules()
    national = run_outcome(driver, rules)
    assert len(mixed) == SYNTHETIC + 2
    by_area = per_area(driver, rules, mixed)
    assert [f.as_dict() for f in national.findings] == [f.as_dict() for f in by_area.findings]
    assert sorted(map(repr, national.evidence)) == sorted(map(repr, by_area.evidence))
    # not vacuous: every rule examines something, most find something, in synthetic and bundled areas
    assert {e.rule for e in national.evidence} | {f.rule for f in national.findings} == {r.id for r in rules}
    assert len({f.rule for f in national.findings}) >= 7
    found_in = {f.area for f in national.findings}
    assert {"leicester", "wirral"} <= found_in and len(found_in) >= SYNTHETIC


def test_each_rule_runs_a_statement_of_its_own_for_one_area() -> None:
    for rule in load_rules():
        assert rule.area_file is not None and rule.area_text is not None, rule.id
        assert rule.area_file.endswith(f"{AREA_FOLDER}/{rule.id}.cypher")
        assert rule.statement("wirral").file == rule.area_file
        assert rule.statement(None) is rule
        assert "$area" in rule.statement("wirral").text
        assert "$area" not in _statement(rule.text), rule.id  # the national one scans, never filters


def _statement(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))


def _seeks_area_index(plan: dict) -> bool:
    """Whether a plan (or a plan below it) is a seek of the index on :Entity(area)."""
    details = str(plan.get("args", plan.get("arguments", {})).get("Details", ""))
    here = plan["operatorType"].split("@")[0] == "NodeIndexSeek" and "Entity(area)" in details
    return here or any(_seeks_area_index(child) for child in plan.get("children", []))


def _plan(driver: Driver, text: str, area: str | None) -> dict:
    _, summary, _ = driver.execute_query("EXPLAIN " + text, {"area": area}, routing_="r")
    assert summary.plan is not None
    return summary.plan


def test_the_per_area_statements_seek_the_area_index_and_the_national_ones_do_not(
    mixed: list[str], driver: Driver
) -> None:
    """The point of two statements: one area starts from the index on :Entity(area), every area from
    scans, and neither carries the other's branch (the single statement did: a union of both)."""
    for rule in load_rules():
        assert _seeks_area_index(_plan(driver, rule.statement("wirral").text, "wirral")), rule.id
        assert not _seeks_area_index(_plan(driver, rule.text, None)), rule.id


def test_a_per_area_statement_without_a_rule_is_refused(tmp_path: Path) -> None:
    (tmp_path / "mine.cypher").write_text(
        "// id: mine\n// title: t\n// severity: info\n// citation: c\n// rationale: r\nRETURN 1\n"
    )
    (tmp_path / AREA_FOLDER).mkdir()
    (tmp_path / AREA_FOLDER / "mien.cypher").write_text((tmp_path / "mine.cypher").read_text())
    with pytest.raises(RuleError, match=r"mien\.cypher: is a per-area statement for no rule"):
        load_rules(tmp_path)


def test_a_per_area_statement_must_carry_its_rules_id(tmp_path: Path) -> None:
    header = "// title: t\n// severity: info\n// citation: c\n// rationale: r\nRETURN 1\n"
    (tmp_path / "mine.cypher").write_text("// id: mine\n" + header)
    (tmp_path / AREA_FOLDER).mkdir()
    (tmp_path / AREA_FOLDER / "mine.cypher").write_text("// id: other\n" + header)
    with pytest.raises(RuleError, match=r"id 'other' differs from the file's name 'mine'"):
        load_rules(tmp_path)


def test_the_report_is_in_one_order_however_the_rules_run(mixed: list[str], driver: Driver) -> None:
    """Rules run in several sessions at once: the findings come back in one order (area, rule, severity,
    message, path) whether they ran one after another, four at a time or in the reverse order."""
    rules = load_rules()
    one_by_one = run_outcome(driver, rules, sessions=1)
    at_once = run_outcome(driver, rules, sessions=4)
    backwards = run_outcome(driver, list(reversed(rules)), sessions=3)
    expected = [f.as_dict() for f in one_by_one.findings]
    assert len(expected) > 50  # not vacuous: the bundled and synthetic areas' findings
    assert [f.as_dict() for f in at_once.findings] == expected
    assert [f.as_dict() for f in backwards.findings] == expected
    assert at_once.evidence == one_by_one.evidence  # gathered in the rules' order
    assert sorted(map(repr, backwards.evidence)) == sorted(map(repr, one_by_one.evidence))
    keys = [(f.area, f.rule, -f.severity.rank, f.message, f.path_text()) for f in one_by_one.findings]
    assert keys == sorted(keys)


def test_findings_alike_but_for_their_clauses_keep_one_order() -> None:
    """Two findings with the same area, rule, severity, message and path are ordered by their whole
    content, so the order never depends on which row the server sent first; a repeated one is kept once."""
    node = NodeRef("x/a", "A", "Body")
    leg = Leg((node, NodeRef("x/b", "B", "Body")), (EdgeRef("e", "REPORTS_TO", "x/a", "x/b", "x/p/1"),))

    def found(clause: str) -> Finding:
        ref = ClauseRef(clause, clause, None, 3, "q", "x/p", "p.txt", None)
        return Finding("one-way-accountability", Severity.WARNING, "x", "m", (node,), (leg,), (ref,))

    first, second = found("x/p/2"), found("x/p/1")
    assert finish([first, second]) == finish([second, first]) == [second, first]
    assert finish([first, second, first]) == [second, first]


def test_a_failing_rule_among_concurrent_ones_is_named(
    mixed: list[str], driver: Driver, tmp_path: Path
) -> None:
    """Run several at once, the rule Neo4j refuses is still the one the error names."""
    rules = load_rules()
    broken = replace(rules[3], text=rules[3].text.replace("RETURN", "RETURN RETURN", 1), file="broken.cypher")
    with pytest.raises(RuleError, match="Neo4j refused the rule") as caught:
        run_outcome(driver, [*rules[:3], broken, *rules[4:]], sessions=3)
    assert caught.value.file == "broken.cypher"
