"""Does a request cost more when requests come spaced apart? The raw side of ``bench.api_bench``, back to back
and with a pause after each request, with CPU ms per request of Neo4j and of this process.

The API's requests reach Neo4j spaced by the HTTP hop (the app reads the request, compiles, then sends
RUN; the client reads the answer before sending the next), where the raw side sends its next statement as
soon as the last answer is read. Earlier sessions saw Neo4j's CPU per request higher on the API side and
asked whether that is a cost of waking Neo4j's Bolt threads. Measuring this process's CPU beside Neo4j's
tells a cost inside Neo4j (only its column grows with the pause) from one of the machine (both grow: a
process that slept finds its caches cold, on cores shared with other programs). Gaps are interleaved and
repeated, and the median of the repetitions printed. Uses the database and the benchmark's Neo4j as they
are: run ``bench.api_bench`` once first, and keep its Neo4j running (``--loaded`` runs need it too).

    .venv/bin/python -m bench.api_spacing [--case NAME ...] [--gaps 0,0.5,1.5,5] [--requests 300]
        [--repeats 5]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

from govgraph.api.execute import answer
from govgraph.api.fetch import Context
from govgraph.graph.connection import resolve_target
from govgraph.graph.server import LocalServer
from govgraph.graph.settings import Settings
from neo4j import AsyncGraphDatabase

from bench.api_bench import CASES, RawSide, RecordingStore, cpu_seconds, documents, graphql_schema, machine
from bench.load_bench import OUT, positive, say


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", action="append", choices=[c.name for c in CASES], help="repeatable")
    parser.add_argument("--gaps", default="0,0.5,1.5,5", help="pauses after each request, ms (0,0.5,1.5,5)")
    parser.add_argument("--requests", type=positive, default=300, help="per gap and repetition (300)")
    parser.add_argument("--repeats", type=positive, default=5, help="repetitions of every gap (5)")
    parser.add_argument("--home", type=Path, default=OUT / "api-home", help="the benchmark server's home")
    return parser.parse_args(argv)


async def spaced(raw: RawSide, requests: int, gap: float, neo4j: int) -> tuple[float, float, float]:
    """Neo4j's and this process's CPU ms per request, and the p50 ms, with ``gap`` seconds after each."""
    latencies = []
    neo4j_before, ours_before = cpu_seconds(neo4j) or 0.0, time.process_time()
    for _ in range(requests):
        began = time.perf_counter()
        await raw()
        latencies.append(time.perf_counter() - began)
        if gap:
            await asyncio.sleep(gap)
    neo4j_used = (cpu_seconds(neo4j) or 0.0) - neo4j_before
    ours = time.process_time() - ours_before
    return 1000 * neo4j_used / requests, 1000 * ours / requests, 1000 * statistics.median(latencies)


async def measure(args: argparse.Namespace, neo4j: int) -> None:
    settings = Settings()
    target = resolve_target(settings)
    store = RecordingStore(target, settings.tx_timeout)
    driver = AsyncGraphDatabase.driver(
        target.uri, auth=(target.user, target.password), notifications_min_severity="OFF"
    )
    gaps = [float(g) / 1000 for g in args.gaps.split(",")]
    print(f"{'query':<24}{'gap ms':>8}{'neo4j CPU':>11}{'client CPU':>12}{'p50':>8}  (ms per request)")
    try:
        for case in [c for c in CASES if not args.case or c.name in args.case]:
            store.current = type(store.current)()
            await answer(graphql_schema, documents, Context(store), case.graphql, None, None)
            raw = RawSide(driver, target.database, settings.tx_timeout, store.current.statements)
            for _ in range(args.requests):  # plans made and compiled by the JIT before timing
                await raw()
            results: dict[float, list[tuple[float, float, float]]] = {g: [] for g in gaps}
            for _ in range(args.repeats):
                for gap in gaps:
                    results[gap].append(await spaced(raw, args.requests, gap, neo4j))
            for gap in gaps:
                neo4j_ms, ours_ms, p50 = (statistics.median(r[i] for r in results[gap]) for i in range(3))
                print(f"{case.name:<24}{1000 * gap:>8.1f}{neo4j_ms:>11.2f}{ours_ms:>12.2f}{p50:>8.2f}")
    finally:
        await store.close()
        await driver.close()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ["GOVGRAPH_HOME"] = str(args.home)
    neo4j = LocalServer(Settings(home=args.home)).pid()
    if neo4j is None:
        say(f"No Neo4j is running in {args.home}: start it (bench.api_bench, or govgraph's server).")
        return 2
    print(f"machine: {machine()}")
    asyncio.run(measure(args, neo4j))
    print(f"machine at the end: {machine()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
