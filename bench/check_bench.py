"""Check benchmark: how long the whole rule set of ``govgraph check`` takes on the synthetic many-area
graph, at two sizes, so its growth with the graph shows.

For each size the database is wiped and loaded with that many synthetic areas by the real loader
(``bench.synthetic``, as ``bench.load_bench`` does). The rule set is run ``--warmup`` times untimed, so
the server has planned and compiled every rule, then each rule ``--repeat`` times; the best time of
each rule is reported, and their sum.

Like the load benchmark it wipes its database, so it runs its own Neo4j in ``bench/out/home`` and refuses
GOVGRAPH_NEO4J_URI unless told ``--i-know-this-wipes-the-database``.

    .venv/bin/python -m bench.check_bench [--sizes 100 400] [--repeat 5] [--warmup 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

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
from bench.synthetic import synthetic_batches
from graph.checks import Finding, Rule, load_rules, run_rules
from graph.connection import connect
from graph.errors import GraphError
from graph.schema import apply_schema
from graph.settings import Settings


@dataclass
class Size:
    """One size of graph: what it holds, and the best time and findings of each rule on it."""

    areas: int
    nodes: int
    edges: int
    seconds: dict[str, float] = field(default_factory=dict)
    findings: dict[str, list[Finding]] = field(default_factory=dict)

    @property
    def total(self) -> float:
        return sum(self.seconds.values())

    def severities(self) -> str:
        counts = Counter(f.severity.value for found in self.findings.values() for f in found)
        return ", ".join(f"{counts[s]} {s}" for s in ("error", "warning", "info"))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", type=positive, nargs=2, default=[100, 400], metavar=("SMALL", "LARGE"), help="areas"
    )
    parser.add_argument("--repeat", type=positive, default=5, help="timed runs of each rule (best is kept)")
    parser.add_argument("--warmup", type=positive, default=3, help="untimed runs of the rule set first")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic protocols")
    parser.add_argument("--home", type=Path, default=OUT / "home", help="the benchmark server's home")
    parser.add_argument(WIPE_FLAG, dest="wipe_ok", action="store_true", help="allow GOVGRAPH_NEO4J_URI")
    return parser.parse_args(argv)


def measure(driver: Driver, database: str, rules: list[Rule], areas: int, repeat: int, warmup: int) -> Size:
    """Load ``areas`` areas into the wiped database, then time each rule on them."""
    wipe(driver, database)
    say(f"Loading {areas} synthetic areas ...")
    load_project(driver, database, synthetic_batches(areas))
    nodes, edges = graph_counts(driver, database)
    size = Size(areas, nodes, edges)
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
    say(f"  {areas} areas: all rules in {size.total:.3f}s")
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
    return "\n".join(lines)


def _ratio(large: float, small: float) -> str:
    return f"{large / small:.1f}x" if small > 0 else "-"


def report(settings: Settings, driver: Driver, rules: list[Rule], args: argparse.Namespace) -> None:
    database = settings.neo4j_database
    apply_schema(driver, database)
    memory = f"heap {settings.heap}, page cache {settings.pagecache}"
    print(f"server: {server_version(driver, database)}, {memory}")
    small, large = [measure(driver, database, rules, areas, args.repeat, args.warmup) for areas in args.sizes]
    wipe(driver, database)
    for size in (small, large):
        print(f"{size.areas} areas: {size.nodes} nodes, {size.edges} edges; findings: {size.severities()}")
    print(f"best of {args.repeat} runs per rule, each rule in its own read transaction\n")
    print(table(rules, small, large))
    grew, took = _ratio(large.edges, small.edges), _ratio(large.total, small.total)
    print(f"\nthe graph grew {grew} (edges); the rule set's time grew {took}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    settings = bench_settings(args)
    if settings is None:
        return REFUSED
    try:
        rules = load_rules()
        with bench_server(settings) as target, connect(target) as driver:
            print(f"target: {target.uri} (database {target.database})")
            report(settings, driver, rules, args)
    except GraphError as exc:
        say(f"error: {exc}")
        return FAILED
    return 0


if __name__ == "__main__":
    sys.exit(main())
