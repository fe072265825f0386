"""Where a diagram's first draw goes: open a ``govgraph diagram`` file in headless Chromium with the
CPU profiler on (Chrome DevTools Protocol through Playwright) and print the page's own Performance
marks (JSON parsed, titles, data sets, bundles, network built, drawn) and the functions that took the
most time up to the first drawing, by self and by inclusive time.

    .venv/bin/python -m bench.diagram_profile FILE.html [FILE.html ...] [--top 25] [--rounds 1]

Run ``bench.diagram_bench`` first for the synthetic files (bench/out/diagrams/areas-500.html). The
profile is sampled (every 200 µs): on a loaded machine each figure is noisy, the shares less so.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.diagram_bench import CHROMIUM, CHROMIUM_ARGS

MARKS = ("parsed", "titles", "wrapped", "nodeset", "data", "bundled", "network", "drawn")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--top", type=int, default=25, help="functions listed (default 25)")
    parser.add_argument("--rounds", type=int, default=1, help="openings of each file (marks: median)")
    return parser.parse_args(argv)


def profile(path: Path) -> tuple[dict[str, float], dict[str, Any], float]:
    """The page's marks (ms from navigation), the CPU profile up to the first drawing and the wall
    time from navigation to the drawn state."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        cdp = page.context.new_cdp_session(page)
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": 200})
        cdp.send("Profiler.start")
        start = time.perf_counter()
        page.goto(path.resolve().as_uri())
        page.wait_for_selector("body[data-state=drawn]", timeout=300_000)
        wall = time.perf_counter() - start
        result = cdp.send("Profiler.stop")["profile"]
        marks = page.evaluate(
            """() => Object.fromEntries(performance.getEntriesByType('mark')
                 .map(m => [m.name.replace('govgraph-', ''), m.startTime]))"""
        )
        timing = page.evaluate(
            """() => { const t = performance.getEntriesByType('navigation')[0];
                       return {responseEnd: t.responseEnd, domInteractive: t.domInteractive}; }"""
        )
        browser.close()
    return {**timing, **marks}, result, wall


def times(cpu: dict[str, Any]) -> tuple[dict[str, float], dict[str, float]]:
    """Self and inclusive milliseconds per function (name, line), from the sampled profile."""
    nodes = {n["id"]: n for n in cpu["nodes"]}
    parent = {child: n["id"] for n in cpu["nodes"] for child in n.get("children", ())}
    own: dict[int, float] = defaultdict(float)
    for sample, delta in zip(cpu["samples"], [*cpu["timeDeltas"][1:], 0], strict=True):
        own[sample] += delta / 1000
    own_by: dict[str, float] = defaultdict(float)
    whole_by: dict[str, float] = defaultdict(float)
    for node_id, ms in own.items():
        own_by[name(nodes[node_id])] += ms
        seen = set()
        at: int | None = node_id
        while at is not None:  # each function once per stack, however deep it recurses
            key = name(nodes[at])
            if key not in seen:
                whole_by[key] += ms
                seen.add(key)
            at = parent.get(at)
    return own_by, whole_by


def name(node: dict[str, Any]) -> str:
    frame = node["callFrame"]
    where = Path(frame["url"]).name if frame["url"] else ""
    line, column = frame["lineNumber"] + 1, frame["columnNumber"] + 1  # minified vis-network: one line
    return f"{frame['functionName'] or '(anonymous)'} {where}:{line}:{column}"


def report(path: Path, rounds: int, top: int) -> None:
    runs = [profile(path) for _ in range(max(1, rounds))]
    print(f"\n{path} ({rounds} opening(s); load average {' '.join(f'{x:.2f}' for x in os.getloadavg())})")
    walls = [wall for _, _, wall in runs]
    print(f"navigation to drawn (wall): {statistics.median(walls) * 1000:.0f} ms (median)")
    keys = ["responseEnd", "domInteractive", *MARKS]
    for key in keys:
        values = [m[key] for m, _, _ in runs if key in m]
        if values:
            print(f"  {key:<15}{statistics.median(values):>9.0f} ms")
    own, whole = times(runs[-1][1])
    for title, figures in (("self", own), ("inclusive", whole)):
        print(f"top {top} by {title} time (last opening, ms):")
        for key, ms in sorted(figures.items(), key=lambda kv: -kv[1])[:top]:
            print(f"  {ms:>8.1f}  {key}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not Path(CHROMIUM).exists():
        print("no Chromium at " + CHROMIUM, file=sys.stderr)
        return 2
    for path in args.files:
        report(path, args.rounds, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
