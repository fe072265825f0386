"""The GraphQL IDE in a real headless Chromium, with every request off this machine refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from govgraph.api.app import create_app
from govgraph.graph.connection import resolve_target
from govgraph.graph.settings import Settings
from playwright.sync_api import Browser

from tests.conftest import LEICESTER, WIRRAL, Cli, HttpApp

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"


@pytest.fixture(scope="module")
def api(cli: Cli, server_home: Path) -> Iterator[HttpApp]:
    cli.wipe()
    assert cli("load", LEICESTER, WIRRAL).exit_code == 0
    app = HttpApp(create_app(resolve_target(Settings(home=server_home))))
    yield app
    app.stop()


def test_ide_loads_offline_and_runs_a_query(browser: Browser, api: HttpApp) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 800})
    outside, failed, console_errors = [], [], []
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(api.url)
            else (outside.append(route.request.url), route.abort())
        ),
    )
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on(
        "console", lambda message: console_errors.append(message.text) if message.type == "error" else None
    )

    query = '{ body(id: "wirral/wct") { name chairs { role { name } } } }'
    page.goto(f"{api.url}/graphql?q={query}")
    page.wait_for_selector(".graphiql-container .graphiql-editors", timeout=20_000)
    page.click(".graphiql-execute-button")
    page.wait_for_function(
        "document.querySelector('.graphiql-response')?.innerText.includes('Lead Member')", timeout=20_000
    )
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "graphiql.png"))
    assert outside == [] and failed == []
    assert console_errors == []
    page.close()
