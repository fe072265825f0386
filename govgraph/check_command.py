"""``govgraph check``: run the independence rules against the graph, for people and for CI.

Exit status: 0 when nothing at or above ``--fail-on`` is found, 1 when something is, 2 when the check
could not run (a bad option, rule file or area, or a Neo4j that does not answer). So 1 always means
findings, never a broken pipeline.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import click
from neo4j import Driver

from govgraph.check_reports import Report, render_bytes
from govgraph.graph.checks import (
    Rule,
    Severity,
    UnknownRule,
    list_areas,
    load_rules,
    run_outcome,
    select_rules,
)
from govgraph.graph.collector import paused_collector
from govgraph.graph.connection import connect, resolve_target
from govgraph.graph.errors import GraphError
from govgraph.graph.settings import Settings, load_settings

FINDINGS = 1
CANNOT_CHECK = 2
FORMATS = ("text", "json", "junit", "sarif")


@click.command()
@click.option("--area", metavar="AREA", help="Check one area only (its id, e.g. wirral).")
@click.option(
    "--rule",
    "rule_ids",
    multiple=True,
    metavar="RULE",
    help="Run only this rule; repeat it, or separate ids with commas. Default: every rule.",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option(
    "--fail-on",
    type=click.Choice([Severity.ERROR.value, Severity.WARNING.value]),
    default=Severity.ERROR.value,
    show_default=True,
    help="Exit 1 when a finding is at least this severe.",
)
@click.option(
    "--rules-dir",
    type=click.Path(path_type=Path),
    help="Run the rule files (*.cypher) in this directory instead of the bundled ones.",
)
@click.option(
    "--source-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Where the protocols' text files are, for SARIF locations (default: as the graph records them).",
)
@click.option("--list-rules", is_flag=True, help="List the rules (id, severity, title) and exit.")
def check(
    area: str | None,
    rule_ids: tuple[str, ...],
    fmt: str,
    fail_on: str,
    rules_dir: Path | None,
    source_dir: Path | None,
    list_rules: bool,
) -> None:
    """Check that the graph holds what the protocols declare: independence, no subordination or power to
    direct, separate chairs, two-way accountability, clear membership.

    Each finding names the rule, the clause(s) and quote it rests on, and the path in the graph. Each
    rule and area is passed (examined and held), failed (findings) or unverified (it could not be
    examined, and why: no chair recorded, no declaration to hold the graph to). Rules are Cypher files
    with a header (cypher/checks/*.cypher); --list-rules shows them.

    \b
    Exit status: 0 nothing at or above --fail-on; 1 something is;
                 2 the check could not run (bad option, rule file or area; Neo4j unreachable).
    \b
    Examples:
      govgraph check
      govgraph check --area wirral --rule chairs-separate,approval-power --fail-on warning
      govgraph check --format sarif > govgraph.sarif
    """
    # At 1,500 areas a check holds some 100,000 findings' objects, none in cycles; the collector's full
    # passes over them were 40% of rendering's CPU: off for the command, back on after (tests run it
    # in-process).
    with paused_collector():
        _check(area, rules_dir, rule_ids, fmt, fail_on, source_dir, list_rules)


def _check(
    area: str | None,
    rules_dir: Path | None,
    rule_ids: tuple[str, ...],
    fmt: str,
    fail_on: str,
    source_dir: Path | None,
    list_rules: bool,
) -> None:
    rules = _rules(rules_dir, rule_ids)
    if list_rules:
        for rule in rules:
            click.echo(f"{rule.id:<24} {rule.severity:<8} {rule.title}")
        return
    settings = _settings()
    with _driver(settings) as driver:
        areas = _areas(driver, settings, area)
        try:
            outcome = run_outcome(driver, rules, area, database=settings.neo4j_database)
        except GraphError as exc:
            _give_up(str(exc))
    # a rule may name an area the graph has no Area node for; its findings must still be shown
    known = dict(areas)
    areas += [(a, a) for a in dict.fromkeys(f.area for f in outcome.findings) if a not in known]
    report = Report(areas, rules, outcome.findings, Severity(fail_on), source_dir, outcome.evidence)
    click.echo(render_bytes(report, fmt))
    sys.exit(FINDINGS if report.failed else 0)


def _rules(rules_dir: Path | None, rule_ids: tuple[str, ...]) -> list[Rule]:
    wanted = [part.strip() for item in rule_ids for part in item.split(",") if part.strip()]
    try:
        return select_rules(load_rules(rules_dir), wanted)
    except (GraphError, UnknownRule) as exc:
        _give_up(str(exc))


def _areas(driver: Driver, settings: Settings, area: str | None) -> list[tuple[str, str]]:
    """The areas the report covers; an area the graph does not hold is a mistake, not a clean pass."""
    try:
        known = list_areas(driver, settings.neo4j_database)
    except GraphError as exc:
        _give_up(str(exc))
    if not known:
        _give_up("the graph holds no protocols to check: load some with 'govgraph load' or 'govgraph up'")
    if area is None:
        return known
    chosen = [(area_id, name) for area_id, name in known if area_id == area]
    if not chosen:
        _give_up(f"unknown area '{area}' (the graph holds: {', '.join(a for a, _ in known)})")
    return chosen


def _settings() -> Settings:
    try:
        return load_settings()
    except ValueError as exc:
        _give_up(f"bad GOVGRAPH_* setting: {exc}")


@contextmanager
def _driver(settings: Settings) -> Iterator[Driver]:
    try:
        with connect(resolve_target(settings)) as driver:
            yield driver
    except GraphError as exc:
        _give_up(str(exc))


def _give_up(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(CANNOT_CHECK)
