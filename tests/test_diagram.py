"""``govgraph diagram`` against the real Neo4j, and its files opened from disk in headless Chromium with
every network request blocked.

The browser helpers here (``watch``, ``payload_of``) are shared with the explorer tests.
"""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from govgraph.frontend.model import DiagramGraph, Finding, Link, Party, findings_from_dicts, findings_in_view
from govgraph.frontend.render import PHYSICS_LIMIT, render_diagram
from govgraph.frontend.style import EDGE_STYLES, NODE_STYLES, SEVERITY_STYLES
from playwright.sync_api import Browser, ConsoleMessage, Page, Request

from tests.conftest import FIXTURES, LAPTOP, LEICESTER, TESTSHIRE, WIRRAL, Cli

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
CDN = re.compile(r"https?://[^\s\"'<>]*(cdn|unpkg|jsdelivr|googleapis|cloudflare)", re.IGNORECASE)
PAYLOAD = re.compile(r'<script type="application/json" id="govgraph-diagram">(.*?)</script>', re.S)


# -- shared browser helpers ------------------------------------------------------------------------------


@dataclass
class Watch:
    """What a page did wrong: console errors and warnings, uncaught exceptions, failed requests."""

    console: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def clean(self) -> bool:
        return not self.console and not self.failed


def watch(page: Page) -> Watch:
    seen = Watch()

    def on_console(message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            seen.console.append(f"{message.type}: {message.text}")

    def on_failed(request: Request) -> None:
        seen.failed.append(f"{request.url} ({request.failure})")

    page.on("console", on_console)
    page.on("pageerror", lambda exc: seen.console.append(f"uncaught: {exc}"))
    page.on("requestfailed", on_failed)
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on("response", lambda r: seen.failed.append(f"{r.url} ({r.status})") if r.status >= 400 else None)
    return seen


def payload_of(html: str) -> dict:
    found = PAYLOAD.search(html)
    assert found, "no diagram payload in the page"
    return json.loads(found.group(1))


def screenshot(page: Page, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def open_offline(browser: Browser, path: Path, viewport: dict | None = None) -> tuple[Page, Watch, list[str]]:
    """Open a file from disk with every request but the file itself blocked (and recorded)."""
    page = browser.new_page(viewport=viewport or {"width": 1440, "height": 900})
    seen = watch(page)
    blocked: list[str] = []
    own = path.resolve().as_uri()

    def route(r):  # type: ignore[no-untyped-def]
        if r.request.url == own:
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(own)
    page.wait_for_selector("body[data-state=drawn]", timeout=60_000)
    return page, seen, blocked


# -- fixtures ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def loaded(cli: Cli) -> Cli:
    cli.wipe()
    result = cli("load", LEICESTER, WIRRAL, TESTSHIRE, FIXTURES / "testshire-register.csv")
    assert result.exit_code == 0, result.output
    return cli


def draw(cli: Cli, out: Path, *args: str) -> dict:
    result = cli("diagram", *args, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out)
    return payload_of(out.read_text())


def party_ids(cli: Cli, area: str) -> set[str]:
    rows = cli.rows("MATCH (n:Body|Role|Person {area: $area}) RETURN n.id AS id", area=area)
    return {r["id"] for r in rows}


def pairs(payload: dict) -> set[tuple[str, str]]:
    """The (from, to) pairs of a payload's relations: one drawn line each when bundled."""
    return {(e["from"], e["to"]) for e in payload["edges"]}


def assert_apart(boxes: list[dict]) -> None:
    """No two boxes (label boxes read from the page) overlap."""
    for a, b in itertools.combinations(boxes, 2):
        assert a["width"] > 0 and b["width"] > 0, (a, b)
        apart = (
            a["left"] + a["width"] <= b["left"]
            or b["left"] + b["width"] <= a["left"]
            or a["top"] + a["height"] <= b["top"]
            or b["top"] + b["height"] <= a["top"]
        )
        assert apart, (a, b)


def assert_labels_apart(page: Page, network: str) -> int:
    """No two drawn edge labels overlap, by the boxes vis-network itself drew them in (canvas units);
    returns how many labels are drawn (at least three, so the check is not vacuous)."""
    boxes = page.evaluate(
        f"""Object.values({network}.body.edges).filter(e => {network}.body.edgeIndices.includes(e.id)
              && e.options.label && e.options.label.trim()).map(e => e.labelModule.size)"""
    )
    assert len(boxes) >= 3, boxes
    assert_apart(boxes)
    return len(boxes)


def edges_by_type(payload: dict) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for edge in payload["edges"]:
        found.setdefault(edge["etype"], []).append(edge)
    return found


# -- the file ---------------------------------------------------------------------------------------------


def test_area_diagram_draws_every_party_with_nothing_from_a_cdn(loaded: Cli, tmp_path: Path) -> None:
    out = tmp_path / "wirral.html"
    payload = draw(loaded, out, "--area", "wirral", "--view", "network")
    html = out.read_text()
    assert {n["id"] for n in payload["nodes"]} == party_ids(loaded, "wirral")
    stated = loaded.value(
        "MATCH (a:Body|Role|Person {area: 'wirral'})-[r]->(:Body|Role|Person) "
        "WHERE type(r) IN $types RETURN count(r)",
        types=[t for t in EDGE_STYLES if t != "DUTY"],
    )
    assert len(payload["edges"]) == stated == 37  # 36 + the LSCB's annual report to WCT (3.4, 5.2)
    assert not CDN.search(html), CDN.search(html)
    assert not re.search(r"<(?:script|link|img)[^>]+(?:src|href)=", html), "every asset must be inline"
    assert "sourceMappingURL" not in html
    assert payload["physics"] is True and payload["options"]["physics"]["enabled"] is True
    assert payload["title"] == "govgraph: Wirral" and payload["view"] == "network"


def test_one_area_is_drawn_as_the_accountability_view_by_default(loaded: Cli, tmp_path: Path) -> None:
    """Membership and duties off, positions computed in Python (LSP above WCT above the LSCB, 4.1 and
    5.2), physics off."""
    payload = draw(loaded, tmp_path / "wirral.html", "--area", "wirral")
    assert payload["view"] == "accountability" and payload["physics"] is False
    assert "MEMBER_OF" not in edges_by_type(payload) and "DUTY" not in edges_by_type(payload)
    stated = loaded.value(
        "MATCH (a:Body|Role|Person {area: 'wirral'})-[r]->(:Body|Role|Person) "
        "WHERE NOT type(r) IN ['MEMBER_OF'] RETURN count(r)"
    )
    assert len(payload["edges"]) == stated == 25  # 24 + the LSCB's annual report to WCT (3.4, 5.2)
    y = {n["id"]: n["y"] for n in payload["nodes"]}
    assert y["wirral/lsp"] < y["wirral/wct"] <= y["wirral/lscb"]
    assert "accountability view" in payload["subtitle"]


def test_node_shapes_and_edge_styles_follow_kind_and_type(loaded: Cli, tmp_path: Path) -> None:
    payload = draw(
        loaded, tmp_path / "testshire.html", "--area", "testshire", "--findings", "none", "--view", "network"
    )
    groups = {n["id"]: n["group"] for n in payload["nodes"]}
    assert groups == {
        "testshire/tsb": "Body",
        "testshire/partnership": "Body",
        "testshire/tsf": "Body",
        "testshire/director": "Role",
        "testshire/alex-example": "Person",
        "testshire/sam-sample": "Person",
    }
    shapes = {name: group["shape"] for name, group in payload["options"]["groups"].items()}
    assert (shapes["Body"], shapes["Role"], shapes["Person"]) == ("box", "ellipse", "diamond")
    for edge in payload["edges"]:
        style = EDGE_STYLES[edge["etype"]]
        assert edge["color"] == style.color and edge.get("dashes", False) == style.dashes, edge
    legend_types = [e["type"] for e in payload["legend"]["edges"]]
    assert legend_types == ["REPORTS_TO", "SUBGROUP_OF", "CHAIRS", "MEMBER_OF", "HOLDS"]
    assert [n["kind"] for n in payload["legend"]["nodes"]] == ["Body", "Role", "Person"]


def test_hover_text_tells_the_relation_its_clause_and_quote(loaded: Cli, tmp_path: Path) -> None:
    payload = draw(loaded, tmp_path / "leicester.html", "--area", "leicester", "--findings", "none")
    to_hwb = [
        e
        for e in payload["edges"]
        if e["etype"] == "REPORTS_TO" and e["from"] == "leicester/lscb" and e["to"] == "leicester/hwb"
    ]
    assert len(to_hwb) == 1
    title = to_hwb[0]["title"]
    assert title.startswith(
        "Leicester Safeguarding Children Board → reports to → Leicester Health and Wellbeing Board"
    )
    assert "what: annual report · how often: annual" in title
    assert "clause 4j, line " in title
    assert "“Submit its annual report to the H&WB for scrutiny, discussion and challenge.”" in title
    assert to_hwb[0]["label"] == "reports to (annual)"
    lscb = next(n for n in payload["nodes"] if n["id"] == "leicester/lscb")
    assert "declared independent" in lscb["title"] and "owes 9 duties, is owed 8" in lscb["title"]


def test_findings_of_the_checks_are_marked_amber_with_their_message(loaded: Cli, tmp_path: Path) -> None:
    payload = draw(loaded, tmp_path / "wirral.html", "--area", "wirral")
    amber = SEVERITY_STYLES["warning"].color
    approval = edges_by_type(payload)["SEEKS_APPROVAL_FROM"]
    assert len(approval) == 1 and approval[0]["color"] == amber and approval[0]["severity"] == "warning"
    assert "⚠ warning: Wirral Children's Trust needs the approval of" in approval[0]["title"]
    wct = next(n for n in payload["nodes"] if n["id"] == "wirral/wct")
    assert wct["group"] == "Body-warning" and wct["severity"] == "warning"
    assert payload["options"]["groups"]["Body-warning"]["color"]["border"] == amber
    rules = {f["rule"] for f in payload["findings"]}
    assert {"approval-power", "chairs-separate", "no-subordination"} <= rules
    assert all(f["severity"] in ("warning", "error") for f in payload["findings"])
    subgroup = edges_by_type(payload)["SUBGROUP_OF"][0]
    assert any(subgroup["id"] in f["edges"] for f in payload["findings"] if f["rule"] == "no-subordination")
    calm = draw(loaded, tmp_path / "calm.html", "--area", "wirral", "--findings", "none")
    assert not calm["findings"] and all("severity" not in n for n in calm["nodes"])


def test_findings_are_an_input_errors_red_warnings_amber_notes_only_on_hover() -> None:
    graph = DiagramGraph(
        {
            "a": Party("a", "Body", "Alpha"),
            "b": Party("b", "Role", "Beta"),
            "c": Party("c", "Person", "Gamma"),
        },
        [Link("ab", "CHAIRS", "b", "a"), Link("ca", "MEMBER_OF", "c", "a")],
    )
    findings = findings_from_dicts(
        [
            {"severity": "error", "message": "one chair for two", "nodes": ["b"], "edges": ["ab"]},
            {"severity": "warning", "message": "check this", "subjects": [{"id": "c"}], "path": {}},
            {"severity": "info", "message": "just so you know", "nodes": ["a"]},
            {"severity": "error", "message": "elsewhere", "nodes": ["zzz"]},
        ]
    )
    kept = findings_in_view(findings, graph, "info")
    assert [f.message for f in kept] == ["one chair for two", "check this", "just so you know"]
    payload = payload_of(render_diagram(graph, kept).html)
    nodes = {n["id"]: n for n in payload["nodes"]}
    assert nodes["b"]["group"] == "Role-error" and nodes["c"]["group"] == "Person-warning"
    assert nodes["a"]["group"] == "Body" and "⚠ note: just so you know" in nodes["a"]["title"]
    chair = next(e for e in payload["edges"] if e["etype"] == "CHAIRS")
    assert chair["color"] == SEVERITY_STYLES["error"].color and chair["width"] == 4
    assert payload["options"]["groups"]["Role-error"]["color"]["border"] == SEVERITY_STYLES["error"].color
    assert findings_in_view([Finding("warning", "x", nodes=("a",))], graph, "error") == []


def test_edges_option_draws_only_those_types(loaded: Cli, tmp_path: Path) -> None:
    payload = draw(
        loaded, tmp_path / "lines.html", "--area", "leicester", "--edges", "reports_to, CHALLENGES"
    )
    assert set(edges_by_type(payload)) == {"REPORTS_TO", "CHALLENGES"}
    # 4 reports-to (3 + the LSCB's progress reports to the Trust, 3d); 7 challenges (4 + three inferred, 5h)
    assert len(payload["edges"]) == 4 + 7
    assert "edges: reports to, challenges" in payload["subtitle"]
    duties = draw(loaded, tmp_path / "duties.html", "--area", "testshire", "--edges", "DUTY")
    assert [(e["from"], e["to"]) for e in duties["edges"]] == [("testshire/tsb", "testshire/partnership")] * 2
    assert "“Report quarterly on safeguarding performance.”" in "".join(e["title"] for e in duties["edges"])


def test_focus_keeps_the_neighbourhood(loaded: Cli, tmp_path: Path) -> None:
    payload = draw(loaded, tmp_path / "lscb.html", "--area", "wirral", "--focus", "lscb", "--hops", "1")
    neighbours = loaded.rows(
        "MATCH (:Body {id: 'wirral/lscb'})-[r]-(m:Body|Role|Person) WHERE type(r) IN $types "
        "RETURN DISTINCT m.id AS id",
        types=[t for t in EDGE_STYLES if t != "DUTY"],
    )
    assert {n["id"] for n in payload["nodes"]} == {"wirral/lscb"} | {r["id"] for r in neighbours}
    assert payload["title"] == "govgraph: Wirral Local Safeguarding Children Board"
    assert "within 1 hop of Wirral Local Safeguarding Children Board" in payload["subtitle"]
    alone = draw(loaded, tmp_path / "alone.html", "--focus", "wirral/lscb", "--hops", "0")
    assert [n["id"] for n in alone["nodes"]] == ["wirral/lscb"] and alone["edges"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--area", "wiral"], "error: unknown area 'wiral' (did you mean wirral? areas in the graph:"),
        (["--area", "wirral", "--focus", "lcsb"], "no body, role or person is called 'lcsb' (did you mean"),
        (["--focus", "Chair"], "no body, role or person is called 'Chair'"),
        (["--edges", "REPORTS_TO,REPORTS"], "--edges: unknown edge type(s) REPORTS; choose from REPORTS_TO,"),
        (["--edges", " , "], "--edges: no edge types given"),
        (["--hops", "2"], "--hops needs --focus"),
    ],
)
def test_user_errors_are_one_line_and_exit_2(loaded: Cli, tmp_path: Path, args: list, message: str) -> None:
    out = tmp_path / "x.html"
    result = loaded("diagram", *args, "-o", out)
    assert result.exit_code == 2, result.output
    assert message in result.stderr and "Traceback" not in result.output
    assert not out.exists()


def test_an_unwritable_output_is_a_clear_error(loaded: Cli, tmp_path: Path) -> None:
    result = loaded("diagram", "--area", "testshire", "-o", tmp_path / "missing" / "x.html")
    assert result.exit_code == 1 and "error: cannot write" in result.stderr


# -- in the browser, offline -------------------------------------------------------------------------------


def test_standalone_file_draws_from_disk_with_every_request_blocked(
    loaded: Cli, tmp_path: Path, browser: Browser
) -> None:
    out = tmp_path / "wirral.html"
    payload = draw(loaded, out, "--area", "wirral", "--view", "network")
    page, seen, blocked = open_offline(browser, out, LAPTOP)
    assert blocked == [] and seen.clean(), (blocked, seen)
    drawn = page.evaluate("window.govgraphDiagram.network.body.nodeIndices.length")
    assert drawn == len(payload["nodes"]) == 15
    edges = page.evaluate("window.govgraphDiagram.network.body.edgeIndices.length")
    assert edges == len(pairs(payload)) < len(payload["edges"]), "one line per pair and direction"
    assert (
        page.evaluate("window.govgraphDiagram.network.physics.options.enabled") is False
    )  # still once drawn
    assert_labels_apart(page, "window.govgraphDiagram.network")
    screenshot(page, "diagram-wirral-network")
    page.get_by_role("checkbox", name=re.compile("Every relation")).check()
    assert page.evaluate("window.govgraphDiagram.network.body.edgeIndices.length") == len(payload["edges"])
    assert_labels_apart(page, "window.govgraphDiagram.network")
    screenshot(page, "diagram-wirral-every-relation")
    page.close()


def test_the_accountability_diagram_draws_offline_with_labels_apart(
    loaded: Cli, tmp_path: Path, browser: Browser
) -> None:
    out = tmp_path / "wirral.html"
    payload = draw(loaded, out, "--area", "wirral")
    page, seen, blocked = open_offline(browser, out, LAPTOP)
    assert blocked == [] and seen.clean(), (blocked, seen)
    assert page.evaluate("window.govgraphDiagram.network.body.edgeIndices.length") == len(pairs(payload))
    at = page.evaluate("window.govgraphDiagram.network.getPositions()")
    assert at["wirral/lsp"]["y"] < at["wirral/wct"]["y"] <= at["wirral/lscb"]["y"]
    assert_labels_apart(page, "window.govgraphDiagram.network")
    screenshot(page, "diagram-wirral-accountability")
    page.close()


def test_hovering_an_edge_shows_its_clause_and_quote(loaded: Cli, tmp_path: Path, browser: Browser) -> None:
    out = tmp_path / "leicester.html"
    payload = draw(loaded, out, "--area", "leicester", "--edges", "SUBGROUP_OF", "--findings", "none")
    (edge,) = payload["edges"]
    page, seen, _ = open_offline(browser, out)
    (line,) = page.evaluate(
        f"window.govgraphDiagram.drawn.get().filter(e => e.members.includes('{edge['id']}'))"
    )
    point = page.evaluate(
        """id => { const n = window.govgraphDiagram.network; const e = n.body.edges[id];
                  const p = n.canvasToDOM(e.edgeType.getPoint(0.5));
                  const r = n.body.container.getBoundingClientRect();
                  return {x: r.left + p.x, y: r.top + p.y}; }""",
        line["id"],
    )
    page.mouse.move(point["x"], point["y"])
    tooltip = page.wait_for_selector("div.vis-tooltip", state="visible")
    text = tooltip.inner_text()
    assert "LSCB Executive Group → subgroup of → Leicester Safeguarding Children Board" in text
    assert "clause " in text and "“" in text
    screenshot(page, "diagram-hover")
    assert seen.clean(), seen
    page.close()


def test_legend_switches_an_edge_type_off_and_on(loaded: Cli, tmp_path: Path, browser: Browser) -> None:
    out = tmp_path / "wirral.html"
    payload = draw(loaded, out, "--area", "wirral", "--view", "network")
    page, seen, _ = open_offline(browser, out)
    shown = "window.govgraphDiagram.view.getIds().length"
    member_of = len(edges_by_type(payload)["MEMBER_OF"])
    page.get_by_role("checkbox", name=re.compile("member of")).uncheck()
    assert page.evaluate(shown) == len(payload["edges"]) - member_of == len(payload["edges"]) - 12
    rest = [e for e in payload["edges"] if e["etype"] != "MEMBER_OF"]
    assert page.evaluate("window.govgraphDiagram.network.body.edgeIndices.length") == len(
        pairs({"edges": rest})
    )
    screenshot(page, "diagram-without-member-of")
    page.get_by_role("checkbox", name=re.compile("member of")).check()
    assert page.evaluate(shown) == len(payload["edges"])
    page.get_by_role("button", name=re.compile("warning: Wirral Children's Trust needs the approval")).click()
    assert page.evaluate("window.govgraphDiagram.network.getSelectedNodes()") == ["wirral/wct", "wirral/lscb"]
    assert seen.clean(), seen
    page.close()


def test_physics_limit_switches_to_positions_computed_in_python() -> None:
    """The same area past the limit: positions from Python, physics off, no edge labels."""
    graph = DiagramGraph(
        {f"p{i}": Party(f"p{i}", "Body", f"Body {i}") for i in range(4)},
        [Link("l1", "REPORTS_TO", "p0", "p1"), Link("l2", "CHALLENGES", "p1", "p0")],
    )
    small = payload_of(render_diagram(graph).html)
    assert small["physics"] and all("x" not in n for n in small["nodes"])
    big = payload_of(render_diagram(graph, physics_limit=3).html)
    assert big["options"]["physics"] == {"enabled": False} and big["options"]["edges"]["smooth"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in big["nodes"])
    assert all("label" not in e for e in big["edges"])
    assert PHYSICS_LIMIT >= 200


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str = "#ffffff") -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_colours_are_readable_on_white() -> None:
    """WCAG: 3:1 for lines and borders, 4.5:1 for text (node labels on their fill)."""
    for edge_type, style in EDGE_STYLES.items():
        assert contrast(style.color) >= 3, edge_type
    for severity, style in SEVERITY_STYLES.items():
        assert contrast(style.color) >= 3, severity
    for kind, style in NODE_STYLES.items():
        assert contrast(style.border) >= 3 and contrast(style.font, style.background) >= 4.5, kind
