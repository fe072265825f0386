"""GOVGRAPH_NEO4J_URI: every command uses that server (here via neo4j:// routing) and starts nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import TESTSHIRE, Cli, env_for


@pytest.fixture
def external(server_home: Path, tmp_path: Path, empty_db: Cli) -> Cli:
    port = json.loads((server_home / "govgraph.json").read_text())["bolt_port"]
    env = env_for(tmp_path / "unused-home")
    env.update(
        GOVGRAPH_NEO4J_URI=f"neo4j://127.0.0.1:{port}",
        GOVGRAPH_NEO4J_USER="neo4j",
        GOVGRAPH_NEO4J_PASSWORD=(server_home / "password").read_text().strip(),
        GOVGRAPH_NEO4J_DATABASE="neo4j",
    )
    return Cli(env)


def test_db_commands_leave_an_external_server_alone(external: Cli, tmp_path: Path) -> None:
    start = external("db", "start")
    assert start.exit_code == 0 and "nothing to start" in start.stderr
    assert not (tmp_path / "unused-home").exists()
    status = external("db", "status", "--format", "json")
    info = json.loads(status.stdout)
    assert status.exit_code == 0
    assert info["mode"] == "external" and info["running"] is True and info["edition"] == "community"
    assert external("db", "stop").exit_code == 0
    assert external.value("RETURN 1 AS one") == 1  # still up: stop did not touch it


def test_load_and_query_through_routing(external: Cli, empty_db: Cli) -> None:
    assert external("load", TESTSHIRE).exit_code == 0
    assert empty_db.value("MATCH (b:Body {area: 'testshire'}) RETURN count(b)") == 3


def test_wrong_password_is_a_clear_error(external: Cli) -> None:
    external.env["GOVGRAPH_NEO4J_PASSWORD"] = "wrong"
    result = external("cypher", "RETURN 1")
    assert result.exit_code == 1
    assert "refused the credentials" in result.stderr
    assert "Traceback" not in result.output
