"""The explorer page at / in headless Chromium, over real HTTP, against the real Neo4j.

The page gets every piece of data through /graphql; these tests check what it draws against what Cypher
says the graph holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from govgraph.api.app import create_app
from govgraph.frontend.explorer import mount_explorer
from govgraph.frontend.style import DEFAULT_EDGE_TYPES
from govgraph.graph.connection import resolve_target
from govgraph.graph.settings import Settings
from playwright.sync_api import Browser, Page

from tests.conftest import FIXTURES, LAPTOP, LEICESTER, TESTSHIRE, WIRRAL, Cli, HttpApp
from tests.test_diagram import CDN, Watch, open_offline, screenshot, watch

STATE = "window.govgraphExplorer"


@pytest.fixture(scope="module")
def app(cli: Cli, server_home: Path) -> Iterator[HttpApp]:
    cli.wipe()
    result = cli("load", LEICESTER, WIRRAL, TESTSHIRE, FIXTURES / "testshire-register.csv")
    assert result.exit_code == 0, result.output
    target = resolve_target(Settings(home=server_home))
    served = HttpApp(mount_explorer(create_app(target, tx_timeout=60), target))
    yield served
    served.stop()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    opened = browser.new_page(viewport=LAPTOP, accept_downloads=True)
    yield opened
    opened.close()


def open_area(page: Page, app: HttpApp, area: str, view: str = "network") -> Watch:
    """The area in the network view unless told otherwise (the accountability view, the default, leaves
    membership out; tests/test_explorer_views.py covers it)."""
    seen = watch(page)
    page.goto(f"{app.url}/?area={area}" + (f"&view={view}" if view != "accountability" else ""))
    page.wait_for_selector(f"body[data-state=ready][data-area={area}]", timeout=60_000)
    return seen


def drawn_nodes(page: Page) -> set[str]:
    return set(page.evaluate(f"{STATE}.nodeView.getIds()"))


def drawn_edge_types(page: Page) -> list[str]:
    return page.evaluate(f"{STATE}.edgeView.get().map(e => e.etype)")


def point_of_node(page: Page, node_id: str) -> dict:
    return page.evaluate(
        f"""id => {{ const n = {STATE}.network; const p = n.canvasToDOM(n.getPositions([id])[id]);
                    const r = n.body.container.getBoundingClientRect();
                    return {{x: r.left + p.x, y: r.top + p.y}}; }}""",
        node_id,
    )


def point_of_edge(page: Page, edge_id: str) -> dict:
    return page.evaluate(
        f"""id => {{ const n = {STATE}.network;
                    const line = {STATE}.drawn.get().find(e => e.id === id || e.members.includes(id));
                    const p = n.canvasToDOM(n.body.edges[line.id].edgeType.getPoint(0.5));
                    const r = n.body.container.getBoundingClientRect();
                    return {{x: r.left + p.x, y: r.top + p.y}}; }}""",
        edge_id,
    )


def parties(cli: Cli, area: str) -> set[str]:
    return {
        r["id"] for r in cli.rows("MATCH (n:Body|Role|Person {area: $area}) RETURN n.id AS id", area=area)
    }


def panel_section(page: Page, title: str) -> list[str]:
    """A section of the panel, opened first (details start collapsed under the summary)."""
    page.evaluate("document.querySelectorAll('#gx-panel details').forEach(d => { d.open = true; })")
    return page.locator(f"#gx-panel ul[data-section='{title}'] > li").all_inner_texts()


# -- loading -----------------------------------------------------------------------------------------------


def test_page_loads_offline_with_no_failed_request_and_no_console_error(app: HttpApp, page: Page) -> None:
    seen = open_area(page, app, "wirral")
    page.wait_for_load_state("networkidle")
    assert seen.clean(), seen
    assert all(url.startswith(app.url) for url in seen.requests), seen.requests
    assert not CDN.search(page.content())
    areas = page.locator("#gx-area option").all_inner_texts()
    assert areas == ["All areas (overview)", "Leicester", "Testshire", "Wirral"]
    assert page.locator("#gx-area").input_value() == "wirral"
    html = httpx.get(f"{app.url}/")
    assert "default-src 'self'" in html.headers["content-security-policy"]
    screenshot(page, "explorer-wirral")


def test_the_areas_parties_are_drawn(app: HttpApp, cli: Cli, page: Page) -> None:
    open_area(page, app, "wirral")
    assert drawn_nodes(page) == parties(cli, "wirral")
    page.select_option("#gx-area", "testshire")
    page.wait_for_selector("body[data-state=ready][data-area=testshire]")
    assert drawn_nodes(page) == parties(cli, "testshire")
    kinds = page.evaluate(f"Object.fromEntries({STATE}.nodes.get().map(n => [n.id, n.group]))")
    assert kinds["testshire/alex-example"] == "Person" and kinds["testshire/director"] == "Role"
    assert sorted(drawn_edge_types(page)) == [
        "CHAIRS",  # the Director of Services, by the protocol
        "CHAIRS",  # Alex Example, by the register
        "HOLDS",
        "MEMBER_OF",
        "MEMBER_OF",
        "REPORTS_TO",
        "REPORTS_TO",
        "SUBGROUP_OF",
    ]
    assert "?area=testshire" in page.url
    screenshot(page, "explorer-testshire")


def test_drawn_edges_are_the_stated_edges(app: HttpApp, cli: Cli, page: Page) -> None:
    open_area(page, app, "leicester")
    rows = cli.rows(
        "MATCH (a:Body|Role|Person {area: 'leicester'})-[r]->(b:Body|Role|Person) WHERE type(r) IN $types "
        "RETURN a.id AS a, type(r) AS t, b.id AS b",
        types=list(DEFAULT_EDGE_TYPES),
    )
    drawn = page.evaluate(f"{STATE}.edgeView.get().map(e => [e.from, e.etype, e.to])")
    assert sorted(map(tuple, drawn)) == sorted((r["a"], r["t"], r["b"]) for r in rows)


# -- filters -----------------------------------------------------------------------------------------------


def test_a_filter_hides_an_edge_type_and_brings_it_back(app: HttpApp, page: Page) -> None:
    open_area(page, app, "wirral")
    before = drawn_edge_types(page)
    assert before.count("MEMBER_OF") == 12
    page.get_by_role("checkbox", name=re.compile("member of")).uncheck()
    after = drawn_edge_types(page)
    assert "MEMBER_OF" not in after and len(after) == len(before) - 12
    drawn = page.evaluate(f"{STATE}.drawn.get().map(e => e.count)")
    assert page.evaluate(f"{STATE}.network.body.edgeIndices.length") == len(drawn) and sum(drawn) == len(
        after
    )
    screenshot(page, "explorer-without-member-of")
    page.get_by_role("checkbox", name=re.compile("member of")).check()
    assert len(drawn_edge_types(page)) == len(before)
    page.get_by_role("checkbox", name=re.compile("owes a duty to")).check()
    # 17 + the LSCB's annual report and commissioning priorities, now owed towards WCT (5.2)
    assert drawn_edge_types(page).count("DUTY") == 19


# -- the panel ---------------------------------------------------------------------------------------------


def test_clicking_a_body_shows_its_duties_with_clauses(app: HttpApp, cli: Cli, page: Page) -> None:
    open_area(page, app, "wirral")
    point = point_of_node(page, "wirral/lscb")
    page.mouse.click(point["x"], point["y"])
    page.wait_for_selector("body[data-panel=ready]")
    assert page.locator("#gx-panel h2").inner_text() == "Wirral Local Safeguarding Children Board"
    owed = cli.rows("MATCH (:Body {id: 'wirral/lscb'})-[:OWES]->(d:Duty) RETURN d.text AS text ORDER BY text")
    duties = panel_section(page, "Duties it owes")
    assert len(duties) == len(owed) == 12
    assert sorted(t for d in duties for t in [r["text"] for r in owed] if t in d) == [r["text"] for r in owed]
    annual = next(d for d in duties if "provide an annual report" in d)
    assert "clause 5.2, line 42" in annual
    owed_to = cli.value("MATCH (:Duty)-[:TOWARDS]->(:Body {id: 'wirral/lscb'}) RETURN count(*)")
    assert len(panel_section(page, "Duties owed to it")) == owed_to
    members = panel_section(page, "Members")
    assert any("Lead Member for Children's Services · participant observer" in m for m in members)
    screenshot(page, "explorer-panel-body")


def test_the_panel_links_to_its_query_in_the_graphql_ide(app: HttpApp, page: Page) -> None:
    open_area(page, app, "wirral")
    page.fill("#gx-search", "LSCB")
    page.press("#gx-search", "Enter")
    page.wait_for_selector("body[data-panel=ready]")
    href = page.locator("#gx-ide-link").get_attribute("href")
    assert href and href.startswith("/graphql?q=")
    params = parse_qs(urlsplit(href).query)
    assert "body(id: $id)" in params["q"][0] and params["variables"] == ['{"id":"wirral/lscb"}']
    answer = httpx.post(
        f"{app.url}/graphql", json={"query": params["q"][0], "variables": {"id": "wirral/lscb"}}
    ).json()
    assert "errors" not in answer and len(answer["data"]["body"]["dutiesOwed"]) == 12
    page.goto(f"{app.url}{href}")
    page.wait_for_function(
        "(document.querySelector('.graphiql-query-editor') || document.body).innerText.includes('BodyPanel')",
        timeout=30_000,
    )
    assert "dutiesOwed" in page.locator(".graphiql-query-editor").inner_text()
    screenshot(page, "explorer-ide")


def test_clicking_an_edge_shows_the_clause_that_states_it(app: HttpApp, page: Page) -> None:
    open_area(page, app, "wirral")
    for box in page.locator("#gx-filters input[data-edge-type]").all():
        if box.get_attribute("data-edge-type") != "SEEKS_APPROVAL_FROM":
            box.uncheck()
    (edge,) = page.evaluate(f"{STATE}.edgeView.getIds()")
    point = point_of_edge(page, edge)
    page.mouse.click(point["x"], point["y"])
    page.wait_for_selector("body[data-panel=ready]")
    text = page.locator("#gx-panel").inner_text()
    assert "Wirral Children's Trust → Wirral Local Safeguarding Children Board" in text
    stated = panel_section(page, "Where the protocol says so")
    assert len(stated) == 1 and "WCT will seek approval from LSCB" in stated[0] and "clause 4.5" in stated[0]
    assert "Duties Wirral Children's Trust owes Wirral Local Safeguarding Children Board" in text
    screenshot(page, "explorer-panel-edge")


def test_a_role_and_a_person_have_panels_too(app: HttpApp, page: Page) -> None:
    open_area(page, app, "testshire")
    page.fill("#gx-search", "Director of Services")
    page.press("#gx-search", "Enter")
    page.wait_for_selector("body[data-panel=ready]")
    assert panel_section(page, "Chairs") == ["Testshire Partnership"]
    assert panel_section(page, "Held by") == ["Alex Example (2024-01-01 to now)"]
    page.fill("#gx-search", "sam sample")
    page.press("#gx-search", "Enter")
    page.wait_for_selector("#gx-panel h2:text('Sam Sample')")
    page.wait_for_selector("body[data-panel=ready]")
    assert panel_section(page, "Memberships") == [
        "Testshire Safeguarding Board · member (2024-02-01 to 2025-01-31)"
    ]


# -- search and focus ----------------------------------------------------------------------------------------


def test_search_then_focus_on_a_neighbourhood(app: HttpApp, cli: Cli, page: Page) -> None:
    open_area(page, app, "wirral")
    page.fill("#gx-search", "lscb")
    page.press("#gx-search", "Enter")
    assert page.evaluate(f"{STATE}.network.getSelectedNodes()") == ["wirral/lscb"]
    page.fill("#gx-hops", "1")
    page.get_by_role("button", name="Focus").click()
    neighbours = cli.rows(
        "MATCH (:Body {id: 'wirral/lscb'})-[r]-(m:Body|Role|Person) WHERE type(r) IN $types "
        "RETURN DISTINCT m.id AS id",
        types=list(DEFAULT_EDGE_TYPES),
    )
    assert drawn_nodes(page) == {"wirral/lscb"} | {r["id"] for r in neighbours}
    assert (
        "within 1 hop of Wirral Local Safeguarding Children Board" in page.locator("#gx-status").inner_text()
    )
    screenshot(page, "explorer-focus")
    page.get_by_role("button", name="Show all").click()
    assert drawn_nodes(page) == parties(cli, "wirral")
    page.fill("#gx-search", "nothing like this")
    page.press("#gx-search", "Enter")
    assert "Nothing in Wirral is called" in page.locator("#gx-status").inner_text()


# -- export ------------------------------------------------------------------------------------------------


def test_export_html_opens_from_disk_with_every_request_blocked(
    app: HttpApp, page: Page, browser: Browser, tmp_path: Path
) -> None:
    open_area(page, app, "wirral")
    page.fill("#gx-search", "Wirral Children's Trust")
    page.press("#gx-search", "Enter")
    page.get_by_role("button", name="Focus").click()
    shown = drawn_nodes(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Export HTML").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "govgraph-wirral.html"
    html = saved.read_text()
    assert not CDN.search(html) and not re.search(r"<(?:script|link)[^>]+(?:src|href)=", html)
    offline, seen, blocked = open_offline(browser, saved)
    assert blocked == [] and seen.clean(), (blocked, seen)
    assert set(offline.evaluate("window.govgraphDiagram.nodes.getIds()")) == shown
    assert offline.title().startswith("govgraph: Wirral around Wirral Children's Trust")
    screenshot(offline, "explorer-exported")
    offline.close()


def test_export_png(app: HttpApp, page: Page, tmp_path: Path) -> None:
    open_area(page, app, "leicester")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export PNG").click()
    saved = tmp_path / "view.png"
    download.value.save_as(saved)
    data = saved.read_bytes()
    assert download.value.suggested_filename == "govgraph-leicester.png"
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width > 600 and height > 500


# -- fit and keyboard --------------------------------------------------------------------------------------


def test_fits_a_laptop_screen(app: HttpApp, page: Page) -> None:
    open_area(page, app, "wirral")
    root = "document.documentElement"
    overflow = page.evaluate(f"[{root}.scrollWidth - innerWidth, {root}.scrollHeight - innerHeight]")
    assert overflow == [0, 0]
    for selector in ("#gx-filters", "#gx-network", "#gx-panel", ".gx-bar"):
        box = page.locator(selector).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= LAPTOP["width"] + 1, selector
        assert box["y"] + box["height"] <= LAPTOP["height"] + 1, selector
    bar = page.locator(".gx-bar").bounding_box()
    assert bar and bar["height"] < 100, "the controls take more than two rows"
    assert page.locator("#gx-network").bounding_box()["width"] > 600  # type: ignore[index]


def test_controls_are_reachable_with_the_keyboard(app: HttpApp, page: Page) -> None:
    open_area(page, app, "wirral")
    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.id || document.activeElement.dataset.edgeType"))
    for control in (
        "gx-area",
        "gx-search",
        "gx-hops",
        "gx-fit",
        "gx-export-html",
        "gx-export-png",
        "REPORTS_TO",
    ):
        assert control in reached, (control, reached)
    page.focus("#gx-search")
    page.keyboard.type("Lead Member")
    page.keyboard.press("Enter")
    page.wait_for_selector("body[data-panel=ready]")
    assert page.evaluate(f"{STATE}.selected") == "wirral/lead-member"
    page.focus("input[data-edge-type=CHALLENGES]")
    page.keyboard.press("Space")
    assert "CHALLENGES" not in drawn_edge_types(page)


def test_findings_from_the_api_are_marked_and_listed(app: HttpApp, page: Page) -> None:
    """The API's checks(area) (found by introspection): warnings amber on the graph, listed in the side
    bar and in the panel of the body they concern."""
    open_area(page, app, "wirral")
    expected = app.data('{ checks(area: "wirral") { rule severity message subjects { id } } }')["checks"]
    warnings = [f for f in expected if f["severity"] == "WARNING"]
    assert warnings, "the bundled Wirral protocol has warnings"
    listed = page.locator("#gx-filters .gg-findings li").all_inner_texts()
    assert len(listed) == len(expected)
    assert any("warning: Wirral Children's Trust needs the approval of" in item for item in listed)
    groups = page.evaluate(f"Object.fromEntries({STATE}.nodes.get().map(n => [n.id, n.group]))")
    for finding in warnings:
        for subject in finding["subjects"]:
            assert groups[subject["id"]] in ("Body-warning", "Role-warning", "Person-warning"), subject
    approval = page.evaluate(f"{STATE}.edges.get().filter(e => e.etype === 'SEEKS_APPROVAL_FROM')")
    assert [e["severity"] for e in approval] == ["warning"]
    point = point_of_node(page, "wirral/wct")
    page.mouse.click(point["x"], point["y"])
    page.wait_for_selector("body[data-panel=ready]")
    findings = panel_section(page, "Findings")
    assert any("needs the approval of Wirral Local Safeguarding Children Board" in f for f in findings)
    screenshot(page, "explorer-findings")
