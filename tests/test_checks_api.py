"""The checks through GraphQL (api/findings.py): outcomes per rule and area, and refusals of rule ids
that name no rule, over real HTTP against the real Neo4j holding the bundled protocols."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from govgraph.api.app import create_app
from govgraph.graph.checks import run_checks
from govgraph.graph.connection import resolve_target
from govgraph.graph.settings import Settings
from neo4j import Driver

from tests.conftest import Cli, HttpApp


@pytest.fixture(scope="module")
def api(bundled_module: Cli, server_home: Path) -> Iterator[HttpApp]:
    app = HttpApp(create_app(resolve_target(Settings(home=server_home)), tx_timeout=60))
    yield app
    app.stop()


@pytest.fixture(scope="module")
def bundled_module(cli: Cli, driver: Driver) -> Cli:
    from tests.conftest import LEICESTER, WIRRAL

    cli.wipe()
    result = cli("load", LEICESTER, WIRRAL)
    assert result.exit_code == 0, result.output
    # Neo4j plans each rule on first use, which takes tens of seconds on a busy machine: do it here,
    # with no client-side deadline, so the HTTP requests below measure answers, not planning.
    run_checks(driver)
    return cli


def test_check_results_say_passed_failed_or_unverified_and_why(api: HttpApp) -> None:
    rows = api.data(
        '{ checkResults(area: "leicester") { rule area status reason examined findings { status rule } } }'
    )["checkResults"]
    by_rule = {r["rule"]: r for r in rows}
    assert {r["area"] for r in rows} == {"leicester"}
    assert {rule: r["status"] for rule, r in by_rule.items()} == {
        "approval-power": "UNVERIFIED",
        "chairs-separate": "UNVERIFIED",
        "conflict-of-interest": "FAILED",
        "independent-chair": "UNVERIFIED",
        "membership-capacity": "PASSED",
        "no-direction-power": "PASSED",
        "no-subordination": "PASSED",
        "one-way-accountability": "PASSED",
        "overlapping-membership": "FAILED",
    }
    chair = by_rule["independent-chair"]
    assert chair["reason"].startswith("no person is recorded as holding the post of Chair of the LSCB")
    assert chair["findings"] == [{"status": "UNVERIFIED", "rule": "independent-chair"}]
    passed = by_rule["no-direction-power"]
    assert passed["reason"] is None and passed["findings"] == []
    assert passed["examined"] == [
        "the parties declared without a power to direct (5g) were examined for powers to direct"
    ]


def test_checks_findings_carry_their_status(api: HttpApp) -> None:
    found = api.data(
        '{ checks(area: "wirral", rules: ["chairs-separate", "approval-power"]) { rule status } }'
    )
    assert sorted((f["rule"], f["status"]) for f in found["checks"]) == [
        ("approval-power", "FAILED"),
        ("chairs-separate", "UNVERIFIED"),
        ("chairs-separate", "UNVERIFIED"),
    ]


@pytest.mark.parametrize("field", ["checks", "checkResults"])
def test_unknown_rule_ids_are_refused_naming_each_one(api: HttpApp, field: str) -> None:
    body = api.graphql(f'{{ {field}(rules: ["approval-power", "reports_to", "NOPE"]) {{ rule }} }}')
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "BAD_REQUEST"
    assert error["message"].startswith("Unknown rules: reports_to, NOPE; known: approval-power, ")
    assert body["data"] is None


@pytest.mark.parametrize("field", ["checks", "checkResults"])
def test_an_empty_rule_list_is_refused_not_read_as_every_rule(api: HttpApp, field: str) -> None:
    body = api.graphql(f"{{ {field}(rules: []) {{ rule }} }}")
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "BAD_REQUEST"
    assert "names no rule" in error["message"]


def test_check_results_for_an_unknown_area_are_refused(api: HttpApp) -> None:
    body = api.graphql('{ checkResults(area: "nowhere") { rule } }')
    assert body["errors"][0]["message"] == "Unknown area 'nowhere'."
    assert body["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
