"""Fixtures: one real Neo4j for the whole session, in a throwaway home, driven through the real CLI.

No stand-in replaces the database: the session server is started by the project's own code (``LocalServer``),
exactly as ``govgraph db start`` does for a user, so the tests exercise the embedded default too.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from govgraph.graph.connection import connect, resolve_target
from govgraph.graph.server import LocalServer
from govgraph.graph.settings import Settings
from playwright.sync_api import Browser, Page, sync_playwright

from govgraph.cli import main

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "examples" / "protocols"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
LEICESTER = BUNDLED / "leicester.yaml"
WIRRAL = BUNDLED / "wirral.yaml"
TESTSHIRE = FIXTURES / "testshire.yaml"


@dataclass
class Cli:
    """Runs ``govgraph`` in-process with the test server's environment."""

    env: dict[str, str]

    def __call__(self, *args: str | Path) -> Result:
        runner = CliRunner()
        return runner.invoke(main, [str(a) for a in args], env=self.env, catch_exceptions=False)

    def rows(self, query: str, **params: object) -> list[dict]:
        args: list[str] = ["cypher", query, "--format", "json"]
        for key, value in params.items():
            args += ["--param", f"{key}={json.dumps(value)}"]
        result = self(*args)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    def value(self, query: str, **params: object) -> object:
        rows = self.rows(query, **params)
        assert len(rows) == 1 and len(rows[0]) == 1, rows
        return next(iter(rows[0].values()))

    def wipe(self) -> None:
        result = self("cypher", "MATCH (n) DETACH DELETE n", "--write")
        assert result.exit_code == 0, result.output

    def snapshot(self) -> tuple[list[dict], list[dict]]:
        """Every node and edge with all properties: equal snapshots mean an untouched database."""
        nodes = self.rows("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id")
        edges = self.rows(
            "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, properties(r) AS props, b.id AS b "
            "ORDER BY r.id, a.id, b.id"
        )
        return nodes, edges


# How long any wait in the tests may last: a shared CI machine under load can be many times slower than a
# developer's, so every wait is a poll for readiness with this deadline, never a fixed short timeout.
PATIENCE = float(os.environ.get("GOVGRAPH_START_TIMEOUT") or 600)


def env_for(home: Path) -> dict[str, str]:
    """The environment of a govgraph run against the local server in ``home``, free of the caller's."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("GOVGRAPH_")}
    env.update(
        GOVGRAPH_HOME=str(home),
        GOVGRAPH_HEAP="512m",
        GOVGRAPH_PAGECACHE="64m",
        GOVGRAPH_START_TIMEOUT=str(PATIENCE),
        GOVGRAPH_TX_TIMEOUT=str(PATIENCE),
    )
    return env


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(check: Callable[[], bool], what: str, deadline: float = PATIENCE) -> None:
    """Poll ``check`` until it holds, failing with ``what`` only after the generous deadline."""
    end = time.monotonic() + deadline
    while not check():
        if time.monotonic() > end:
            raise AssertionError(f"gave up after {deadline:.0f}s waiting for {what}")
        time.sleep(0.2)


def server_settings(home: Path, bolt_port: int | None, http_port: int | None) -> Settings:
    """A test server's settings: a small heap and page cache, and every wait as patient as the suite."""
    return Settings(
        home=home,
        heap="512m",
        pagecache="64m",
        start_timeout=PATIENCE,
        tx_timeout=PATIENCE,
        bolt_port=bolt_port,
        http_port=http_port,
    )


@pytest.fixture(scope="session")
def server_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The session's Neo4j, started like a user's first ``govgraph db start`` (jars, password, conf)."""
    home = tmp_path_factory.mktemp("neo4j-home")
    # Ports of its own, not the well-known 7687/7474 first: another test session (or a developer's server)
    # on the same machine would otherwise race it for them in the seconds before Neo4j binds.
    settings = server_settings(home, free_port(), free_port())
    server = LocalServer(settings, progress=lambda message: None)
    server.start()
    yield home
    server.stop()
    shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="session")
def cli(server_home: Path) -> Cli:
    return Cli(env_for(server_home))


@pytest.fixture
def empty_db(cli: Cli) -> Cli:
    cli.wipe()
    return cli


@pytest.fixture(scope="session")
def driver(server_home: Path):  # type: ignore[no-untyped-def]
    settings = Settings(home=server_home)
    with connect(resolve_target(settings)) as driver:
        yield driver


@pytest.fixture
def bundled(empty_db: Cli) -> Cli:
    """A database holding exactly the two bundled protocols."""
    result = empty_db("load", LEICESTER, WIRRAL)
    assert result.exit_code == 0, result.output
    return empty_db


@pytest.fixture(scope="module")
def api(cli: Cli, server_home: Path) -> Iterator[HttpApp]:
    """The API served over the bundled protocols, Testshire and its register (a module's own ``api``
    fixture, with other data or other app options, takes its place)."""
    from govgraph.api.app import create_app

    cli.wipe()
    result = cli("load", LEICESTER, WIRRAL, TESTSHIRE, FIXTURES / "testshire-register.csv")
    assert result.exit_code == 0, result.output
    app = HttpApp(create_app(resolve_target(Settings(home=server_home)), tx_timeout=60))
    yield app
    app.stop()


class HttpApp:
    """A real uvicorn server for an app, on a free loopback port, in a background thread."""

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        import socket
        import threading

        self.app = app
        import uvicorn

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        wait_until(lambda: self.server.started or not self.thread.is_alive(), "the HTTP server to start")
        assert self.server.started, "the HTTP server did not start"
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)

    def graphql(self, query: str, **variables: object) -> dict:
        import httpx

        response = httpx.post(
            f"{self.url}/graphql", json={"query": query, "variables": variables}, timeout=PATIENCE
        )
        assert response.status_code in (200, 400), response.text
        return response.json()

    def data(self, query: str, **variables: object) -> dict:
        body = self.graphql(query, **variables)
        assert "errors" not in body, body
        return body["data"]

    def error(self, query: str, **variables: object) -> str:
        body = self.graphql(query, **variables)
        assert body.get("errors"), body
        return body["errors"][0]["message"]


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium, driven by Playwright (which cannot download a browser here)."""
    assert Path(CHROMIUM).exists(), "the browser tests need Debian's chromium (scripts/system-deps test)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


LAPTOP = {"width": 1366, "height": 768}  # the screenshots: an analyst's laptop


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh tab at laptop size for each browser test."""
    opened = browser.new_page(viewport=LAPTOP)
    yield opened
    opened.close()
