"""Diagram benchmark: how long ``govgraph diagram`` takes on the synthetic many-area graph, how big the
file is, and how the file behaves in headless Chromium (time to first drawing, panning frame times).

The synthetic protocols (``bench.synthetic``) are written by the real loader into a wiped database, the
smaller size first, then topped up to the larger one. Like the load benchmark it runs its own Neo4j in
``bench/out/home`` and refuses a server named by GOVGRAPH_NEO4J_URI unless told it may wipe it.

    .venv/bin/python -m bench.diagram_bench [--sizes 20,500,1500] [--no-browser] [--against CHECKOUT]

``--against`` renders the same graph and findings with another checkout's ``frontend`` (a git worktree
of an older commit, say) in a subprocess, and opens both files in Chromium in turn, ``--rounds`` times,
so the two are compared in one run on the same machine load; the table then has a row per code.

Past ``frontend.overview.OVERVIEW_LIMIT`` parties the file is an overview (one node per area, expandable),
which is what keeps the 1,500-area file small and quick to draw; the table says which shape each file has.
"""

from __future__ import annotations

import argparse
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from govgraph.frontend.findings import check_findings
from govgraph.frontend.model import findings_in_view
from govgraph.frontend.read import read_graph
from govgraph.frontend.render import render_diagram
from govgraph.frontend.style import DEFAULT_EDGE_TYPES
from govgraph.graph.connection import connect
from govgraph.graph.errors import GraphError
from govgraph.graph.schema import apply_schema
from govgraph.loaders.writer import write_batch
from neo4j import Driver

from bench.load_bench import OUT, REFUSED, WIPE_FLAG, bench_server, bench_settings, say, wipe
from bench.synthetic import synthetic_batches

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


@dataclass(frozen=True)
class Figure:
    areas: int
    nodes: int
    edges: int
    findings: int
    read: float
    checks: float
    render: float
    megabytes: float
    browser: BrowserFigure | None
    shape: str = "network"
    code: str = "this"

    @property
    def total(self) -> float:
        return self.read + self.checks + self.render


@dataclass(frozen=True)
class BrowserFigure:
    drawn: float  # seconds from navigation to the first full drawing
    redraw: float  # seconds for one full redraw at the fitted view
    frame_median: float  # milliseconds between frames while the view is dragged (edges hidden)
    frame_p90: float
    cpu: float = float("nan")  # Chromium's CPU seconds (every process) from navigation to the drawing


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="20,500,1500", help="areas in each measured graph (default 20,500,1500)"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-browser", dest="browser", action="store_false", help="skip Chromium")
    parser.add_argument("--home", type=Path, default=OUT / "home", help="the benchmark server's home")
    parser.add_argument("--out", type=Path, default=OUT / "diagrams", help="where the diagrams are written")
    parser.add_argument("--against", type=Path, help="another checkout whose frontend renders the same graph")
    parser.add_argument("--rounds", type=int, default=1, help="browser openings of each file (median)")
    parser.add_argument(WIPE_FLAG, dest="wipe_ok", action="store_true", help="allow GOVGRAPH_NEO4J_URI")
    args = parser.parse_args(argv)
    args.sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    return args


def load_up_to(driver: Driver, database: str, loaded: int, areas: int, seed: int) -> None:
    """Top the graph up from ``loaded`` areas to ``areas`` (the same areas a fresh load would write)."""
    batches = synthetic_batches(areas, seed)[loaded:]
    say(f"Loading areas {loaded + 1}..{areas} ...")
    for batch in batches:
        write_batch(driver, database, batch, force=True, timeout=600.0)  # a busy machine is slow


def measure(driver: Driver, database: str, areas: int, out: Path, args: argparse.Namespace) -> list[Figure]:
    """One diagram of every area, as ``govgraph diagram -o`` draws it, each stage timed; with
    ``--against``, the same graph also rendered by the other checkout, the two opened in turn."""
    start = time.perf_counter()
    graph = read_graph(driver, database, None, DEFAULT_EDGE_TYPES)
    read = time.perf_counter() - start
    start = time.perf_counter()
    findings = findings_in_view(check_findings(driver, database, None).findings, graph, "warning")
    checks = time.perf_counter() - start
    start = time.perf_counter()
    diagram = render_diagram(graph, findings, f"{areas} synthetic areas")
    out.write_text(diagram.html, encoding="utf-8")
    render = time.perf_counter() - start
    files = {"this": out}
    if args.against:
        files[str(args.against)] = other = out.with_name(f"{out.stem}-against.html")
        render_against(args.against, graph, findings, f"{areas} synthetic areas", other)
    seen = browse(files, args.rounds) if args.browser else {}
    return [
        Figure(
            areas,
            len(graph.parties),
            len(graph.links),
            diagram.findings,
            read,
            checks,
            render if code == "this" else float("nan"),
            path.stat().st_size / 1e6,
            seen.get(code),
            diagram.view,
            code,
        )
        for code, path in files.items()
    ]


_AGAINST = """
import pickle, sys
flat = sys.argv[4] == "flat"  # a checkout from before the govgraph namespace (frontend/ at the top)
if flat:
    sys.path.insert(0, sys.argv[1])
    from frontend import render

    class Unpickler(pickle.Unpickler):  # this checkout's model classes read as the old ones
        def find_class(self, module, name):
            return super().find_class(module.removeprefix("govgraph."), name)
else:
    from govgraph.frontend import render
    Unpickler = pickle.Unpickler
assert render.__file__.startswith(sys.argv[1]), render.__file__
graph, findings, title = Unpickler(open(sys.argv[2], "rb")).load()
open(sys.argv[3], "w", encoding="utf-8").write(render.render_diagram(graph, findings, title).html)
"""


def render_against(checkout: Path, graph: object, findings: object, title: str, out: Path) -> None:
    """The other checkout's ``render_diagram`` of the same graph, imported through a ``govgraph``
    folder of links to its folders (first on the path, so it wins over this editable install). A
    checkout from before the namespace (``frontend/render.py`` importing ``frontend.``, session 1's
    0fe2eda say) is put on the path as it is, and the pickled graph read into its own model classes."""
    checkout = checkout.resolve()
    flat = "from frontend." in (checkout / "frontend" / "render.py").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        shim = Path(tmp) / "govgraph"
        shim.mkdir()
        (shim / "__init__.py").symlink_to(checkout / "govgraph" / "__init__.py")
        for folder in ("graph", "frontend", "cypher", "loaders", "api"):
            (shim / folder).symlink_to(checkout / folder)
        data = Path(tmp) / "graph.pickle"
        data.write_bytes(pickle.dumps((graph, findings, title)))
        own = checkout / ".venv" / "bin" / "python"  # its own editable install, when it has one, wins
        python = str(own) if own.exists() else sys.executable
        env = {**os.environ, "PYTHONPATH": tmp} if not own.exists() else dict(os.environ)
        if flat:
            python, env = sys.executable, dict(os.environ)
        script = [python, "-c", _AGAINST, str(checkout), str(data), str(out), "flat" if flat else "ns"]
        subprocess.run(script, env=env, check=True)


def browse(files: dict[str, Path], rounds: int) -> dict[str, BrowserFigure]:
    """Each file opened ``rounds`` times, the files in turn; the median of each figure per file."""
    seen: dict[str, list[BrowserFigure]] = {code: [] for code in files}
    for _ in range(max(1, rounds)):
        for code, path in files.items():
            figure = open_in_chromium(path)
            if figure is None:
                return {}
            seen[code].append(figure)
    return {code: _median(figures) for code, figures in seen.items()}


def _median(figures: list[BrowserFigure]) -> BrowserFigure:
    return BrowserFigure(
        *(statistics.median(getattr(f, name) for f in figures) for name in BrowserFigure.__annotations__)
    )


def open_in_chromium(path: Path) -> BrowserFigure | None:
    """Open the file offline, wait for the first drawing, time a redraw, then drag the view around."""
    if not Path(CHROMIUM).exists():
        say("no Chromium: skipping the browser figures")
        return None
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        processes = browser.new_browser_cdp_session()
        before = chromium_cpu(processes)
        start = time.perf_counter()
        page.goto(path.resolve().as_uri())
        page.wait_for_selector("body[data-state=drawn]", timeout=300_000)
        drawn = time.perf_counter() - start
        cpu = chromium_cpu(processes) - before
        redraw = page.evaluate(
            """() => new Promise(done => {
                 const n = window.govgraphDiagram.network; const t = performance.now();
                 n.once('afterDrawing', () => done((performance.now() - t) / 1000)); n.redraw(); })"""
        )
        frames = drag(page)
        browser.close()
    return BrowserFigure(drawn, redraw, statistics.median(frames), _p90(frames), cpu)


def chromium_cpu(session) -> float:  # type: ignore[no-untyped-def]
    """CPU seconds used so far by all of Chromium's processes: unlike the wall time to the drawing,
    this hardly moves with the load of a shared machine."""
    return sum(p["cpuTime"] for p in session.send("SystemInfo.getProcessInfo")["processInfo"])


def drag(page) -> list[float]:  # type: ignore[no-untyped-def]
    """Milliseconds between animation frames while the view is dragged across the canvas."""
    page.evaluate(
        """() => { window.__frames = []; let last = performance.now();
                   (function tick(t) { window.__frames.push(t - last); last = t;
                                       requestAnimationFrame(tick); })(last); }"""
    )
    box = page.locator("#gg-network").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    for step in range(1, 41):
        page.mouse.move(x + 8 * step, y + 4 * step)
    page.mouse.up()
    return page.evaluate("window.__frames.slice(2)") or [0.0]


def _p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]


def table(figures: list[Figure]) -> str:
    head = f"{'areas':>6}{'nodes':>8}{'edges':>8}{'marked':>8}{'read s':>8}{'checks s':>9}{'render s':>9}"
    head += f"{'total s':>9}{'HTML MB':>9}{'shape':>10}{'drawn s':>9}{'CPU s':>7}{'redraw s':>9}"
    head += f"{'pan ms':>12}  code"
    lines = [head]
    for f in figures:
        line = f"{f.areas:>6}{f.nodes:>8}{f.edges:>8}{f.findings:>8}{f.read:>8.2f}{f.checks:>9.2f}"
        line += f"{f.render:>9.2f}{f.total:>9.2f}{f.megabytes:>9.1f}{f.shape:>10}"
        if f.browser:
            b = f.browser
            line += f"{b.drawn:>9.2f}{b.cpu:>7.2f}{b.redraw:>9.2f}"
            line += f"{f'{b.frame_median:.0f}/{b.frame_p90:.0f}':>12}"
        lines.append(f"{line}  {f.code}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    settings = bench_settings(args)
    if settings is None:
        return REFUSED
    args.out.mkdir(parents=True, exist_ok=True)
    figures = []
    try:
        with bench_server(settings) as target, connect(target) as driver:
            database = settings.neo4j_database
            apply_schema(driver, database)
            wipe(driver, database)
            loaded = 0
            for areas in args.sizes:
                load_up_to(driver, database, loaded, areas, args.seed)
                loaded = areas
                say(f"Drawing {areas} areas ...")
                out = args.out / f"areas-{areas}.html"
                figures += measure(driver, database, areas, out, args)
            print_figures(figures, args.out)  # before the wipe, which may fail on a big graph
            wipe(driver, database)
    except GraphError as exc:
        say(f"error: {exc}")
        return 1
    return 0


def print_figures(figures: list[Figure], out: Path) -> None:
    print(f"Diagram of every area (default edge types, warnings marked); files in {out}")
    print("shape: network (every node) or overview (one node per area, expandable)")
    print("pan ms: median / 90th percentile time between frames while dragging the view")
    print("CPU s: Chromium's CPU seconds (all its processes) from navigation to the first drawing")
    print(f"load average when printed: {' '.join(f'{x:.2f}' for x in os.getloadavg())}\n")
    print(table(figures), flush=True)


if __name__ == "__main__":
    sys.exit(main())
