"""``govgraph db start | stop | status`` on a home of its own, beside the session server."""

from __future__ import annotations

import json
import socket
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError

from tests.conftest import TESTSHIRE, Cli, env_for


@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory, server_home: Path) -> Iterator[Cli]:
    """A second server whose lifecycle the tests drive, on a Bolt port chosen by GOVGRAPH_BOLT_PORT."""
    env = env_for(tmp_path_factory.mktemp("lifecycle-home"))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        env["GOVGRAPH_BOLT_PORT"] = str(sock.getsockname()[1])
    cli = Cli(env)
    yield cli
    cli("db", "stop")


def status(cli: Cli) -> tuple[int, dict]:
    result = cli("db", "status", "--format", "json")
    return result.exit_code, json.loads(result.stdout)


def test_status_before_first_start_says_not_running(own: Cli) -> None:
    code, info = status(own)
    assert code == 1
    assert info["running"] is False and info["mode"] == "local"


def test_first_start_prepares_home_and_prints_uri(own: Cli, server_home: Path) -> None:
    result = own("db", "start")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"bolt://127.0.0.1:{own.env['GOVGRAPH_BOLT_PORT']}"
    # The session server holds 7474 (or whatever it got), so this one had to pick another HTTP port.
    session_http = json.loads((server_home / "govgraph.json").read_text())["http_port"]
    own_http = json.loads((Path(own.env["GOVGRAPH_HOME"]) / "govgraph.json").read_text())["http_port"]
    assert own_http != session_http
    assert "Resolving Neo4j 5.26" in result.stderr


def test_status_reports_version_edition_uri_and_data(own: Cli) -> None:
    code, info = status(own)
    assert code == 0
    assert info["running"] is True
    assert info["version"].startswith("5.26.")
    assert info["edition"] == "community"
    assert info["uri"].startswith("bolt://127.0.0.1:")
    assert Path(info["data"]) == Path(own.env["GOVGRAPH_HOME"]) / "data"


def test_password_file_is_private_and_auth_is_on(own: Cli) -> None:
    home = Path(own.env["GOVGRAPH_HOME"])
    mode = stat.S_IMODE((home / "password").stat().st_mode)
    assert mode == 0o600
    _, info = status(own)
    with (
        GraphDatabase.driver(info["uri"], auth=("neo4j", "not-the-password")) as driver,
        pytest.raises(AuthError),
    ):
        driver.verify_connectivity()


def test_config_binds_loopback_and_disables_usage_reporting(own: Cli) -> None:
    conf = (Path(own.env["GOVGRAPH_HOME"]) / "conf" / "neo4j.conf").read_text()
    assert "server.default_listen_address=127.0.0.1" in conf
    assert "dbms.security.auth_enabled=true" in conf
    assert "dbms.usage_report.enabled=false" in conf
    assert "server.memory.pagecache.size=64m" in conf
    state = json.loads((Path(own.env["GOVGRAPH_HOME"]) / "govgraph.json").read_text())
    with socket.create_connection(("127.0.0.1", state["http_port"]), timeout=5):
        pass  # HTTP answers on loopback


def test_second_start_is_a_no_op(own: Cli) -> None:
    pid = status(own)[1]["pid"]
    result = own("db", "start")
    assert result.exit_code == 0
    assert "already running" in result.stderr
    assert status(own)[1]["pid"] == pid


def test_stop_then_start_keeps_data(own: Cli) -> None:
    assert own("load", TESTSHIRE).exit_code == 0
    before = own.snapshot()
    port = status(own)[1]["uri"]

    stopped = own("db", "stop")
    assert stopped.exit_code == 0 and "stopped" in stopped.stderr
    code, info = status(own)
    assert code == 1 and info["running"] is False
    assert own("db", "stop").stderr.strip() == "Neo4j was not running."

    assert own("db", "start").exit_code == 0
    assert status(own)[1]["uri"] == port  # the recorded port is kept across restarts
    assert own.snapshot() == before


def test_commands_need_a_running_server(own: Cli) -> None:
    own("db", "stop")
    result = own("cypher", "RETURN 1")
    assert result.exit_code == 1
    assert "does not answer" in result.stderr and "govgraph db start" in result.stderr
    assert "Traceback" not in result.output


def test_a_port_taken_between_choosing_and_binding_is_chosen_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seen in a loaded test run: the HTTP port was free when chosen, another Neo4j took it before ours
    bound it, and `db start` failed. Here the first choice is a port held open by the test."""
    from govgraph.graph import server as server_module
    from govgraph.graph.settings import Settings

    from tests.conftest import PATIENCE, free_port

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        first_choices = iter([port])
        choose = server_module._pick_port

        def taken_first(recorded: int | None, default: int, avoid: int | None = None) -> int:
            return next(first_choices, None) or choose(recorded, default, avoid)

        monkeypatch.setattr(server_module, "_pick_port", taken_first)
        settings = Settings(
            home=tmp_path / "home", bolt_port=free_port(), pagecache="64m", start_timeout=PATIENCE
        )
        said: list[str] = []
        local = server_module.LocalServer(settings, progress=said.append)
        try:
            local.start()
            assert any("choosing again" in line for line in said), said
            assert local.home.state()["http_port"] != port
        finally:
            local.stop()
