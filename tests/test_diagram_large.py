"""A many-area graph (the benchmark's synthetic protocols, written by the real loader into the real Neo4j)
is past the physics limit: positions come from Python, and the page opens and pans in Chromium."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from pathlib import Path

import pytest
from govgraph.api.app import create_app
from govgraph.frontend.explorer import mount_explorer
from govgraph.frontend.findings import check_findings
from govgraph.frontend.layout import SPACING
from govgraph.frontend.model import findings_in_view
from govgraph.frontend.read import read_graph
from govgraph.frontend.render import PHYSICS_LIMIT, _marks, edge_keys, edge_title, node_title, render_diagram
from govgraph.frontend.style import DEFAULT_EDGE_TYPES, FAMILIES, SEVERITY_STYLES
from govgraph.graph.connection import connect, resolve_target
from govgraph.graph.schema import apply_schema
from govgraph.graph.settings import Settings
from govgraph.loaders.writer import write_batch
from playwright.sync_api import Browser

from bench.synthetic import synthetic_batches
from tests.conftest import Cli, HttpApp
from tests.test_diagram import open_offline, payload_of, screenshot, watch

AREAS = 45  # about 340 bodies, roles and people: past the limit, quick to load


@pytest.fixture(scope="module")
def many_areas(cli: Cli, server_home: Path) -> Cli:
    cli.wipe()
    settings = Settings(home=server_home)
    with connect(resolve_target(settings)) as driver:
        apply_schema(driver, settings.neo4j_database)
        for batch in synthetic_batches(AREAS):
            # generous: at load average 55 one document took over the 60 s default
            write_batch(driver, settings.neo4j_database, batch, force=True, timeout=600.0)
    return cli


@pytest.fixture(scope="module")
def big(many_areas: Cli, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("large") / "all.html"
    result = many_areas("diagram", "-o", out)
    assert result.exit_code == 0, result.output
    assert "laid out in advance, physics off" in result.stderr
    return out


def test_past_the_limit_positions_come_from_python(many_areas: Cli, big: Path) -> None:
    payload = payload_of(big.read_text())
    parties = many_areas.value("MATCH (n:Body|Role|Person) RETURN count(n)")
    assert len(payload["nodes"]) == parties > PHYSICS_LIMIT
    assert payload["physics"] is False and payload["options"]["physics"] == {"enabled": False}
    assert payload["options"]["interaction"]["hideEdgesOnDrag"] is True
    points = {n["id"]: (n["x"], n["y"]) for n in payload["nodes"]}
    assert len(points) == parties
    closest = min(
        math.dist(a, b)
        for area in {i.split("/")[0] for i in points}
        for a, b in _pairs([p for i, p in points.items() if i.startswith(area + "/")])
    )
    assert closest >= SPACING * 0.8, "nodes of one area are laid out on top of each other"
    again = many_areas("diagram", "-o", big.with_name("again.html"))
    assert again.exit_code == 0
    assert payload_of(big.with_name("again.html").read_text())["nodes"] == payload["nodes"], (
        "not deterministic"
    )


def _pairs(items: list) -> Iterator[tuple]:
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            yield a, b


def test_the_large_diagram_opens_and_pans_offline(big: Path, browser: Browser) -> None:
    page, seen, blocked = open_offline(browser, big)
    assert blocked == [] and seen.clean(), (blocked, seen)
    network = "window.govgraphDiagram.network"
    assert page.evaluate(f"{network}.body.nodeIndices.length") == len(payload_of(big.read_text())["nodes"])
    before = page.evaluate(f"{network}.getViewPosition()")
    box = page.locator("#gg-network").bounding_box()
    assert box
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    for step in range(1, 11):
        page.mouse.move(box["x"] + box["width"] / 2 + 20 * step, box["y"] + box["height"] / 2 + 10 * step)
    page.mouse.up()
    after = page.evaluate(f"{network}.getViewPosition()")
    assert after != before, "dragging did not pan the view"
    page.evaluate(f"{network}.focus('synth-00003/scp', {{scale: 1.0}})")
    page.wait_for_timeout(300)
    screenshot(page, "diagram-large-zoomed")
    page.evaluate(f"{network}.fit()")
    page.wait_for_timeout(300)
    screenshot(page, "diagram-large")
    assert seen.clean(), seen
    page.close()


def test_past_the_overview_limit_one_node_per_area_expands_on_click(
    many_areas: Cli, server_home: Path, browser: Browser, tmp_path: Path
) -> None:
    """The overview (frontend.overview), here with its limit lowered to 100 parties so that 45 areas are
    past it: one node per area, carrying every party and edge in compact rows, expanded on a click."""
    settings = Settings(home=server_home)
    with connect(resolve_target(settings)) as driver:
        graph = read_graph(driver, settings.neo4j_database, None, DEFAULT_EDGE_TYPES)
    drawn = render_diagram(graph, [], "overview", "", overview_limit=100)
    assert drawn.view == "overview" and drawn.nodes == AREAS
    out = tmp_path / "overview.html"
    out.write_text(drawn.html)
    data = payload_of(drawn.html)["overview"]
    assert sum(len(rows) for rows in data["parties"]) == len(graph.parties)
    assert sum(len(rows) for rows in data["links"]) + sum(n for *_, n in data["crossing"]) == len(graph.links)
    page, seen, blocked = open_offline(browser, out, {"width": 1366, "height": 768})
    assert blocked == [] and seen.clean(), (blocked, seen)
    network = "window.govgraphDiagram.network"
    assert page.evaluate(f"{network}.body.nodeIndices.length") == AREAS
    screenshot(page, "diagram-overview")
    third = data["areas"][3]
    point = page.evaluate(
        f"""id => {{ const n = {network}; const p = n.canvasToDOM(n.getPositions([id])[id]);
                    const r = n.body.container.getBoundingClientRect();
                    return {{x: r.left + p.x, y: r.top + p.y}}; }}""",
        "area:3",
    )
    page.mouse.click(point["x"], point["y"])
    shown = set(page.evaluate(f"{network}.body.nodeIndices"))
    assert {row[0] for row in data["parties"][3]} <= shown and "area:3" not in shown
    assert len(shown) == AREAS - 1 + third["count"]
    lines = page.evaluate("window.govgraphDiagram.drawn.get().map(e => e.count)")
    assert sum(lines) == third["links"] and len(lines) <= third["links"]
    page.evaluate(f"{network}.fit({{nodes: {json.dumps([row[0] for row in data['parties'][3]])}}})")
    page.wait_for_timeout(300)
    screenshot(page, "diagram-overview-expanded")
    page.get_by_role("button", name="Collapse all").click()
    assert page.evaluate(f"{network}.body.nodeIndices.length") == AREAS
    assert seen.clean(), seen
    page.close()


def test_hover_text_written_once_is_whole_in_the_page(
    many_areas: Cli, big: Path, server_home: Path, browser: Browser
) -> None:
    """Past the physics limit the file names each protocol once and leaves the finding lines to the
    findings list (render.Compact); in the page every node's and edge's hover text is what Python writes
    for a small diagram: the protocol's title in its clause line, then the findings."""
    payload = payload_of(big.read_text())
    assert payload["protocols"] and not any("⚠" in e["title"] for e in payload["edges"])
    assert not any(" of Protocol" in e["title"] for e in payload["edges"])
    # the first line (names and type) and a family's colour are the page's to add
    assert not any(" → " in e["title"] for e in payload["edges"])
    assert all(("color" in e) == ("severity" in e) for e in payload["edges"])
    settings = Settings(home=server_home)
    with connect(resolve_target(settings)) as driver:
        graph = read_graph(driver, settings.neo4j_database, None, DEFAULT_EDGE_TYPES)
        found = check_findings(driver, settings.neo4j_database, None).findings
    findings = findings_in_view(found, graph, "warning")
    assert any(f.edges for f in findings) and any(link.protocol for link in graph.links)
    by_node, by_edge = _marks(findings)
    edges = {
        key: edge_title(link, graph, by_edge.get(link.id, []))
        for key, link in zip(edge_keys(graph), graph.links, strict=True)
    }
    nodes = {pid: node_title(p, by_node.get(pid, [])) for pid, p in graph.parties.items()}
    page, seen, _ = open_offline(browser, big)
    state = "window.govgraphDiagram"
    # an edge's text is completed when it is shown (hover, click): titleOf is what the page then shows
    assert dict(page.evaluate(f"{state}.edges.get().map(e => [e.id, {state}.titleOf(e.id)])")) == edges
    assert dict(page.evaluate(f"{state}.nodes.get().map(n => [n.id, n.title])")) == nodes
    families = {f.color for f in FAMILIES.values()} | {s.color for s in SEVERITY_STYLES.values()}
    assert set(page.evaluate(f"{state}.drawn.get().map(e => e.color)")) <= families
    assert seen.clean(), seen
    page.close()


def test_the_explorer_opens_on_its_overview_when_there_are_many_areas(
    many_areas: Cli, server_home: Path, browser: Browser
) -> None:
    """More areas than the picker's first page (25): the explorer starts on the overview, one dot each."""
    target = resolve_target(Settings(home=server_home))
    served = HttpApp(mount_explorer(create_app(target, tx_timeout=60), target))
    try:
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        seen = watch(page)
        page.goto(f"{served.url}/")
        page.wait_for_selector("body[data-state=ready][data-view=overview]", timeout=600_000)
        assert page.evaluate("window.govgraphExplorer.nodes.length") == AREAS
        assert page.url.endswith("?overview") and seen.clean(), seen
        screenshot(page, "explorer-overview-many")
        page.close()
    finally:
        served.stop()
