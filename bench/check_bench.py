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

Loading 1,500 areas takes minutes, so ``--keep`` reuses a loaded server: nothing is wiped, each size
loads only the synthetic areas the database lacks (they are the same prefix of one sequence for a seed),
and a server that was already running is left running. Start one first to keep it between runs (the
sizes then only grow: 200, then 1500). ``--save-json DIR`` writes each size's ``govgraph check --format
json`` output to ``DIR/check-<areas>.json``, to compare the findings of two versions of the code.

On a shared machine the load changes from minute to minute, so two versions are best compared in one run:
``--against RULES_DIR`` times that folder's rule files right after each of ours, and ``--against-code
DIR`` runs ``govgraph check`` from another tree (a ``govgraph`` package laid out as installed, e.g. an
older commit's folders copied or linked under it) right after ours, from this checkout's directory too, and
says whether the output is the same byte for byte (wall and CPU seconds of each process).

    .venv/bin/python -m bench.check_bench [--sizes 200 1500] [--repeat 3] [--warmup 2]
    .venv/bin/python -m bench.check_bench --keep --sizes 1500 --save-json bench/out/after \
        --against OLD/govgraph/cypher/checks --against-code OLD
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
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
    wipe,
)
from bench.synthetic import synthetic_areas, synthetic_batches

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
    against: dict[str, float] = field(default_factory=dict)  # --against: the other rule texts' times
    findings: dict[str, list[Finding]] = field(default_factory=dict)
    cli: dict[str, float] = field(default_factory=dict)
    cli_against: dict[str, float] = field(default_factory=dict)  # --against-code
    cli_cpu: dict[str, float] = field(default_factory=dict)  # the process's user + system seconds
    cli_cpu_against: dict[str, float] = field(default_factory=dict)
    api: dict[str, tuple[float, float]] = field(default_factory=dict)

    @property
    def total(self) -> float:
        return sum(self.seconds.values())

    def severities(self) -> str:
        counts = Counter(f.severity.value for found in self.findings.values() for f in found)
        return ", ".join(f"{counts[s]} {s}" for s in ("error", "warning", "info"))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=positive, nargs="+", default=[200, 1500], metavar="AREAS")
    parser.add_argument("--keep", action="store_true", help="reuse what is loaded; never wipe")
    parser.add_argument("--save-json", type=Path, metavar="DIR", help="save each size's JSON report")
    parser.add_argument(
        "--against", type=Path, metavar="RULES_DIR", help="also time these rule files, interleaved"
    )
    parser.add_argument(
        "--against-code",
        type=Path,
        metavar="DIR",
        help="also time govgraph check from this tree (a 'govgraph' package put first on PYTHONPATH)",
    )
    parser.add_argument("--repeat", type=positive, default=3, help="timed runs of each rule and format")
    parser.add_argument("--warmup", type=positive, default=2, help="untimed runs of the rule set first")
    parser.add_argument("--requests", type=positive, default=40, help="GraphQL checks(area) requests")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic protocols")
    parser.add_argument("--home", type=Path, default=OUT / "home", help="the benchmark server's home")
    parser.add_argument(WIPE_FLAG, dest="wipe_ok", action="store_true", help="allow GOVGRAPH_NEO4J_URI")
    return parser.parse_args(argv)


def time_rules(
    driver: Driver,
    database: str,
    rules: list[Rule],
    size: Size,
    repeat: int,
    warmup: int,
    against: list[Rule],
) -> None:
    """Best of ``repeat`` per rule; with ``against`` (other texts of the same rules, e.g. an older commit's),
    each of those is timed right after the rule itself, so both see the same load on a shared machine."""
    old = {rule.id: rule for rule in against}
    for _ in range(warmup):  # untimed: the server plans each rule and compiles its hot paths
        for rule in rules:
            size.findings[rule.id] = run_rules(driver, [rule], database=database)
            if rule.id in old:
                run_rules(driver, [old[rule.id]], database=database)
    for rule in rules:
        best = best_old = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            run_rules(driver, [rule], database=database)
            best = min(best, time.perf_counter() - start)
            if rule.id in old:
                start = time.perf_counter()
                run_rules(driver, [old[rule.id]], database=database)
                best_old = min(best_old, time.perf_counter() - start)
        size.seconds[rule.id] = best
        if rule.id in old:
            size.against[rule.id] = best_old


def cli_env(target: Target) -> dict[str, str]:
    return {
        **os.environ,
        "GOVGRAPH_NEO4J_URI": target.uri,
        "GOVGRAPH_NEO4J_USER": target.user,
        "GOVGRAPH_NEO4J_PASSWORD": target.password,
        "GOVGRAPH_NEO4J_DATABASE": target.database,
    }


def time_cli(target: Target, size: Size, repeat: int, save: Path | None, against: Path | None) -> None:
    """``govgraph check --format F`` in a new process each time (this checkout's code), best of ``repeat``;
    the JSON output is saved to ``save`` when given. With ``against``, the same command from that tree is
    run right after each run of ours, so both see the same load."""
    for fmt in FORMATS:
        (best, size.cli_cpu[fmt]), done = _time_check(target, fmt, repeat, None)
        size.cli[fmt] = best
        if save is not None and fmt == "json":
            save.mkdir(parents=True, exist_ok=True)
            (save / f"check-{size.areas}.json").write_bytes(done.stdout)
        load = os.getloadavg()[0]
        megabytes = len(done.stdout) / 1e6
        cpu = size.cli_cpu[fmt]
        took = f"{best:.2f}s, {cpu:.2f}s CPU"
        say(f"    govgraph check --format {fmt}: {took} ({megabytes:.1f} MB, load {load:.1f})")
        if against is not None:
            timed, old = _time_check(target, fmt, repeat, against)
            size.cli_against[fmt], size.cli_cpu_against[fmt] = timed
            same = old.stdout == done.stdout or (
                fmt in ("json", "sarif") and json.loads(old.stdout) == json.loads(done.stdout) and "as JSON"
            )
            took = f"{size.cli_against[fmt]:.2f}s, {size.cli_cpu_against[fmt]:.2f}s CPU"
            say(f"      --against-code: {took}, the same output: {same}")


def _time_check(
    target: Target, fmt: str, repeat: int, tree: Path | None
) -> tuple[tuple[float, float], subprocess.CompletedProcess[bytes]]:
    """Best wall and best CPU (user + system of the process) of ``repeat`` runs, and the last run. Both
    trees run from this checkout (so SARIF's relative paths can be compared byte for byte): ``-P`` keeps
    the working directory's govgraph/ folder off sys.path, and the other tree goes on PYTHONPATH, ahead of
    the editable install's finder, which comes after sys.path."""
    command = [sys.executable, "-P", "-c", "import sys; from govgraph.cli import main; sys.exit(main())"]
    env = cli_env(target)
    if tree is not None:
        env["PYTHONPATH"] = str(tree.resolve())
    best = best_cpu = float("inf")
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(
            [*command, "check", "--format", fmt], cwd=ROOT, env=env, capture_output=True, check=False
        )
        took = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode not in (0, 1):
            raise GraphError(f"govgraph check --format {fmt} failed: {done.stderr.decode()[-500:]}")
        best = min(best, took)
        best_cpu = min(best_cpu, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return (best, best_cpu), done


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
    if args.keep:
        load_missing(driver, database, areas, args.seed)
    else:
        wipe(driver, database)
        say(f"Loading {areas} synthetic areas ...")
        load_project(driver, database, synthetic_batches(areas, args.seed))
    nodes, edges = graph_counts(driver, database)
    size = Size(areas, nodes, edges)
    against = load_rules(args.against) if args.against else []
    time_rules(driver, database, rules, size, args.repeat, args.warmup, against)
    say(f"  {areas} areas: all rules in {size.total:.3f}s (load average {os.getloadavg()[0]:.1f})")
    if size.against:
        say(f"  {areas} areas: the --against rules in {sum(size.against.values()):.3f}s")
    time_cli(target, size, args.repeat, args.save_json, args.against_code)
    records, _, _ = driver.execute_query(cypher("checks/support/areas"), database_=database)
    time_api(target, [r["id"] for r in records], args.requests, size)
    return size


def load_missing(driver: Driver, database: str, areas: int, seed: int) -> None:
    """``--keep``: load only the first ``areas`` synthetic areas that the database does not hold yet."""
    records, _, _ = driver.execute_query(cypher("checks/support/areas"), database_=database)
    held = {r["id"] for r in records}
    wanted = synthetic_areas(areas, seed)
    missing = [area.batch() for area in wanted if area.area_id not in held]
    say(f"Loading {len(missing)} synthetic areas (the database holds {len(held)} areas) ...")
    load_project(driver, database, missing)


def table(rules: list[Rule], sizes: list[Size]) -> str:
    head = f"{'rule':<24}" + "".join(f"{s.areas:>8} areas" for s in sizes) + f"{'findings':>10}"
    lines = [head, "-" * len(head)]
    for rule in rules:
        cells = "".join(f"{s.seconds[rule.id]:>12.3f}s" for s in sizes)
        lines.append(f"{rule.id:<24}{cells}{len(sizes[-1].findings[rule.id]):>10}")
        if rule.id in sizes[0].against:
            lines.append(f"{'  --against':<24}" + "".join(f"{s.against[rule.id]:>12.3f}s" for s in sizes))
    lines.append("-" * len(head))
    lines.append(f"{'all rules':<24}" + "".join(f"{s.total:>12.3f}s" for s in sizes))
    if sizes[0].against:
        lines.append(f"{'  --against':<24}" + "".join(f"{sum(s.against.values()):>12.3f}s" for s in sizes))
    lines.append("")
    for fmt in FORMATS:
        name = f"govgraph check --format {fmt}"
        lines.append(f"{name:<36}" + "".join(f"{s.cli[fmt]:>7.2f}s/{s.cli_cpu[fmt]:.2f}" for s in sizes))
        if fmt in sizes[0].cli_against:
            cells = "".join(f"{s.cli_against[fmt]:>7.2f}s/{s.cli_cpu_against[fmt]:.2f}" for s in sizes)
            lines.append(f"{'  --against-code':<36}{cells}")
    for clients in sizes[0].api:
        cells = "".join(f"{s.api[clients][0] * 1000:>8.0f}/{s.api[clients][1] * 1000:.0f} ms" for s in sizes)
        lines.append(f"{'checks(area) p50/p90, ' + clients:<36}{cells}")
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
    sizes = [measure(target, driver, database, rules, areas, args) for areas in args.sizes]
    for size in sizes:
        print(f"{size.areas} areas: {size.nodes} nodes, {size.edges} edges; findings: {size.severities()}")
    print(
        f"best of {args.repeat} runs per rule (own read transaction) and per format (new process: wall/CPU s)"
    )
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}\n")
    print(table(rules, sizes))
    small, large = sizes[0], sizes[-1]
    grew, took = _ratio(large.edges, small.edges), _ratio(large.total, small.total)
    print(f"\nthe graph grew {grew} (edges); the rule set's time grew {took}", flush=True)
    if not args.keep:
        wipe(driver, database)


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
