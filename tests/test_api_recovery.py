"""The API when Neo4j goes away mid-session: a clear 'unavailable' error, then recovery by itself."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from govgraph.api.app import create_app
from govgraph.graph.connection import resolve_target
from govgraph.graph.settings import Settings

from tests.conftest import PATIENCE, TESTSHIRE, Cli, HttpApp, env_for, wait_until

QUERY = '{ body(id: "testshire/tsb") { name reportsTo { frequency } } }'


@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory, server_home: Path) -> Iterator[tuple[Cli, HttpApp]]:
    cli = Cli(env_for(tmp_path_factory.mktemp("recovery-home")))
    assert cli("db", "start").exit_code == 0
    # The session server holds its Bolt port, so this one fell back to another free one.
    session = json.loads((server_home / "govgraph.json").read_text())["bolt_port"]
    assert json.loads((Path(cli.env["GOVGRAPH_HOME"]) / "govgraph.json").read_text())["bolt_port"] != session
    assert cli("load", TESTSHIRE).exit_code == 0
    app = HttpApp(
        create_app(resolve_target(Settings(home=Path(cli.env["GOVGRAPH_HOME"]))), tx_timeout=PATIENCE)
    )
    yield cli, app
    app.stop()
    cli("db", "stop")


def test_stopped_database_gives_unavailable_then_the_api_recovers(own: tuple[Cli, HttpApp]) -> None:
    cli, app = own
    assert app.data(QUERY)["body"]["name"] == "Testshire Safeguarding Board"

    assert cli("db", "stop").exit_code == 0
    down = app.graphql(QUERY)
    assert down["data"] == {"body": None}
    error = down["errors"][0]
    assert error["message"] == "The graph database is unavailable right now; try again shortly."
    assert error["extensions"] == {"code": "UNAVAILABLE"}
    store = app.app.state.store
    assert store.warm is False  # the outage forgot the plans: readiness must make them again
    ready = httpx.get(f"{app.url}/readyz", timeout=PATIENCE)
    assert ready.status_code == 503 and ready.json()["status"] == "unavailable"
    assert httpx.get(f"{app.url}/healthz", timeout=PATIENCE).status_code == 200

    assert cli("db", "start").exit_code == 0
    # Recovery is by itself: poll readiness (a restarted server can be slow to answer on a busy machine).
    wait_until(lambda: httpx.get(f"{app.url}/readyz", timeout=PATIENCE).status_code == 200, "/readyz")
    assert store.warm is True  # ready only once the common statements are planned
    assert app.data(QUERY)["body"]["reportsTo"] == [{"frequency": "annual"}, {"frequency": "quarterly"}]
