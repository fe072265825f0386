"""Check benchmark: how long the independence checks take on the synthetic many-area graph, at two sizes.

For each size the database is wiped (in batches) and loaded with that many synthetic areas by the real
loader (``bench.synthetic``, as ``bench.load_bench`` does). Then, after ``--warmup`` untimed runs so the
server has planned every rule:

- each rule, best of ``--repeat`` runs (the rule's statement and the conversion of its rows);
- ``govgraph check`` as a user runs it, a new process per run, in every format (best of ``--repeat``);
- GraphQL ``checks(area)`` for one area at a time, through the API's own app (HTTP in-process), p50 and
  p90 over ``--requests`` requests for different areas, from one client and from 16 at once.

Like the load benchmark it wipes its database, so it runs its own Neo4j in ``bench/out/home`` and refuses
GOVGRAPH_NEO4J_URI unless told ``--i-know-this-wipes-the-database``.

    .venv/bin/python -m bench.check_bench [--sizes 200 1500] [--repeat 3] [--warmup 2]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from govgraph.graph.checks import Finding, Rule, load_rules, run_rules
from govgraph.graph.connection import Target, connect
from govgraph.graph.errors import GraphError
from govgraph.graph.queries import cypher
from govgraph.graph.schema import apply_schema
from govgraph.graph.settings import Settings
from neo4j import Driver

from bench.load_bench import (
    FAILED,
    OUT,
    REFUSED,
    WIPE_FLAG,
    bench_server,
    bench_settings,
    graph_counts,
    load_project,
    positive,
    say,
    server_version,
)
from bench.synthetic import synthetic_batches

FORMATS = ("text", "json", "junit", "sarif")
QUERY = "query ($area: String) { checks(area: $area) { rule severity area message clauses { number } } }"
ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Size:
    """One size of graph: what it holds, and the timings taken on it."""

    areas: int
    nodes: int
    edges: int
    seconds: dict[str, float] = field(default_factory=dict)
    findings: dict[str, list[Finding]] = field(default_factory=dict)
    cli: dict[str, float] = field(default_factory=dict)
    api: dict[str, tuple[float, float]] = field(default_factory=dict)

    @property
    def total(self) -> float:
        return sum(self.seconds.values())

    def severities(self) -> str:
        counts = Counter(f.severity.value for found in self.findings.values() for f in found)
        return ", ".join(f"{counts[s]} {s}" for s in ("error", "warning", "info"))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", type=positive, nargs=2, default=[200, 1500], metavar=("SMALL", "LARGE"), help="areas"
    )
    parser.add_argument("--repeat", type=positive, default=3, help="timed runs of each rule and format")
    parser.add_argument("--warmup", type=positive, default=2, help="untimed runs of the rule set first")
    parser.add_argument("--requests", type=positive, default=40, help="GraphQL checks(area) requests")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic protocols")
    parser.add_argument("--home", type=Path, default=OUT / "home", help="the benchmark server's home")
    parser.add_argument(WIPE_FLAG, dest="wipe_ok", action="store_true", help="allow GOVGRAPH_NEO4J_URI")
    return parser.parse_args(argv)


WIPE_BATCH = 10_000


def wipe_in_batches(driver: Driver, database: str) -> None:
    """Edges first, then nodes, 10k per transaction, each its own bounded transaction: at 1,500 areas a
    one-statement wipe exceeds the 512m heap or the transaction timeout on a busy machine."""
    for statement in ("bench/wipe_edges_batch", "bench/wipe_nodes_batch"):
        while True:
            records, _, _ = driver.execute_query(cypher(statement), batch=WIPE_BATCH, database_=database)
            if records[0]["deleted"] == 0:
                break


def time_rules(
    driver: Driver, database: str, rules: list[Rule], size: Size, repeat: int, warmup: int
) -> None:
    for _ in range(warmup):  # untimed: the server plans each rule and compiles its hot paths
        for rule in rules:
            size.findings[rule.id] = run_rules(driver, [rule], database=database)
    for rule in rules:
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            run_rules(driver, [rule], database=database)
            best = min(best, time.perf_counter() - start)
        size.seconds[rule.id] = best


def cli_env(target: Target) -> dict[str, str]:
    return {
        **os.environ,
        "GOVGRAPH_NEO4J_URI": target.uri,
        "GOVGRAPH_NEO4J_USER": target.user,
        "GOVGRAPH_NEO4J_PASSWORD": target.password,
        "GOVGRAPH_NEO4J_DATABASE": target.database,
    }


def time_cli(target: Target, size: Size, repeat: int) -> None:
    """``govgraph check --format F`` in a new process each time (this checkout's code), best of ``repeat``."""
    command = [sys.executable, "-c", "import sys; from govgraph.cli import main; sys.exit(main())", "check"]
    for fmt in FORMATS:
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            done = subprocess.run(
                [*command, "--format", fmt], cwd=ROOT, env=cli_env(target), capture_output=True, check=False
            )
            took = time.perf_counter() - start
            if done.returncode not in (0, 1):
                raise GraphError(f"govgraph check --format {fmt} failed: {done.stderr.decode()[-500:]}")
            best = min(best, took)
        size.cli[fmt] = best
        say(f"    govgraph check --format {fmt}: {best:.2f}s ({len(done.stdout) / 1e6:.1f} MB)")


def time_api(target: Target, areas: list[str], requests: int, size: Size) -> None:
    """p50/p90 of ``checks(area)`` through the API's app, one client and then 16 concurrent ones."""
    from govgraph.api.app import create_app  # late: only this part needs the API

    async def run() -> None:
        app = create_app(target, tx_timeout=120)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1", timeout=600) as client:

            async def one(area: str) -> float:
                start = time.perf_counter()
                response = await client.post("/graphql", json={"query": QUERY, "variables": {"area": area}})
                took = time.perf_counter() - start
                body = response.json()
                if response.status_code != 200 or body.get("errors"):
                    raise GraphError(f"checks(area: {area}) failed: {str(body)[:300]}")
                return took

            for area in areas[:5]:  # warm-up: plans and the driver's pool
                await one(area)
            chosen = [areas[i % len(areas)] for i in range(requests)]
            single = [await one(area) for area in chosen]
            size.api["1 client"] = _p50_p90(single)
            semaphore = asyncio.Semaphore(16)

            async def limited(area: str) -> float:
                async with semaphore:
                    return await one(area)

            size.api["16 clients"] = _p50_p90(await asyncio.gather(*(limited(a) for a in chosen)))
        await app.state.store.close()

    asyncio.run(run())
    for clients, (p50, p90) in size.api.items():
        say(f"    checks(area), {clients}: p50 {p50 * 1000:.0f} ms, p90 {p90 * 1000:.0f} ms")


def _p50_p90(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]


def measure(
    target: Target, driver: Driver, database: str, rules: list[Rule], areas: int, args: argparse.Namespace
) -> Size:
    """Load ``areas`` areas into the wiped database, then time the rules, the CLI and the API on them."""
    wipe_in_batches(driver, database)
    say(f"Loading {areas} synthetic areas ...")
    load_project(driver, database, synthetic_batches(areas, args.seed))
    nodes, edges = graph_counts(driver, database)
    size = Size(areas, nodes, edges)
    time_rules(driver, database, rules, size, args.repeat, args.warmup)
    say(f"  {areas} areas: all rules in {size.total:.3f}s")
    time_cli(target, size, args.repeat)
    records, _, _ = driver.execute_query(cypher("checks/support/areas"), database_=database)
    time_api(target, [r["id"] for r in records], args.requests, size)
    return size


def table(rules: list[Rule], small: Size, large: Size) -> str:
    head = f"{'rule':<24}{small.areas:>8} areas{large.areas:>8} areas{'growth':>9}{'findings':>10}"
    lines = [head, "-" * len(head)]
    for rule in rules:
        a, b = small.seconds[rule.id], large.seconds[rule.id]
        found = len(large.findings[rule.id])
        lines.append(f"{rule.id:<24}{a:>12.3f}s{b:>12.3f}s{_ratio(b, a):>9}{found:>10}")
    lines.append("-" * len(head))
    growth = _ratio(large.total, small.total)
    lines.append(f"{'all rules':<24}{small.total:>12.3f}s{large.total:>12.3f}s{growth:>9}")
    lines.append("")
    for fmt in FORMATS:
        name = f"govgraph check --format {fmt}"
        lines.append(f"{name:<36}{small.cli[fmt]:>12.2f}s{large.cli[fmt]:>12.2f}s")
    for clients in small.api:
        p50s, p90s = small.api[clients]
        p50l, p90l = large.api[clients]
        name = f"checks(area) p50/p90, {clients}"
        lines.append(
            f"{name:<36}{p50s * 1000:>6.0f}/{p90s * 1000:.0f} ms{p50l * 1000:>8.0f}/{p90l * 1000:.0f} ms"
        )
    return "\n".join(lines)


def _ratio(large: float, small: float) -> str:
    return f"{large / small:.1f}x" if small > 0 else "-"


def report(
    settings: Settings, target: Target, driver: Driver, rules: list[Rule], args: argparse.Namespace
) -> None:
    database = settings.neo4j_database
    apply_schema(driver, database)
    memory = f"heap {settings.heap}, page cache {settings.pagecache}"
    print(f"server: {server_version(driver, database)}, {memory}")
    small, large = [measure(target, driver, database, rules, areas, args) for areas in args.sizes]
    for size in (small, large):
        print(f"{size.areas} areas: {size.nodes} nodes, {size.edges} edges; findings: {size.severities()}")
    print(f"best of {args.repeat} runs per rule (own read transaction) and per format (new process)\n")
    print(table(rules, small, large))
    grew, took = _ratio(large.edges, small.edges), _ratio(large.total, small.total)
    print(f"\nthe graph grew {grew} (edges); the rule set's time grew {took}", flush=True)
    wipe_in_batches(driver, database)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    settings = bench_settings(args)
    if settings is None:
        return REFUSED
    try:
        rules = load_rules()
        with bench_server(settings) as target, connect(target) as driver:
            print(f"target: {target.uri} (database {target.database})")
            report(settings, target, driver, rules, args)
    except GraphError as exc:
        say(f"error: {exc}")
        return FAILED
    return 0


if __name__ == "__main__":
    sys.exit(main())
