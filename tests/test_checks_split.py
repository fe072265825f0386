"""Each bundled rule has a national statement and a per-area one (cypher/checks/area): the national run
of every rule must find exactly what the per-area runs find together, in the same order and words, on
the bundled protocols and on a few synthetic areas; and each statement must use the plan it is for."""

from __future__ import annotations

from pathlib import Path

import pytest
from govgraph.graph.checks import (
    AREA_FOLDER,
    Outcome,
    Rule,
    RuleError,
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
