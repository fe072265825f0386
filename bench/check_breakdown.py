"""Where one ``govgraph check`` run spends its time, against a server already loaded (e.g. by
``bench.check_bench --keep``): start-up, connecting, listing the areas, each rule in Neo4j and in Python,
the whole rule set run one rule after another and concurrently, and rendering in each format.

For each rule, best of ``--repeat``: the server's own time (the summary's ``result_available_after`` plus
``result_consumed_after``), the client's wall time for the whole transaction, and the client's CPU time
turning the rows into findings; then one ``PROFILE`` of the rule for its db hits, rows and the operators
with the most db hits. CPU seconds are given beside wall seconds, since on a shared machine wall time
follows the load average (printed with every figure).

    GOVGRAPH_HOME=bench/out/home .venv/bin/python -m bench.check_breakdown [--repeat 2] [--profile]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

from govgraph.graph.checks import Rule, check_columns, list_areas, load_rules, run_outcome
from govgraph.graph.checks import _findings as findings_of
from govgraph.graph.connection import connect, resolve_target
from govgraph.graph.settings import load_settings
from neo4j import READ_ACCESS, Driver

from bench.load_bench import positive

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FORMATS = ("text", "json", "junit", "sarif")


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def child(args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of a new process, as a user starts it."""
    before = os.times()
    start = time.perf_counter()
    subprocess.run(args, cwd=ROOT, capture_output=True, check=False)
    wall = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, cpu


def startup(repeat: int) -> None:
    python = [sys.executable, "-c"]
    cases = {
        "python -c pass": [*python, "pass"],
        "import neo4j, click, pydantic_settings": [*python, "import neo4j, click, pydantic_settings"],
        "govgraph check --help": [*python, "from govgraph.cli import main; main()", "check", "--help"],
        "govgraph check --list-rules": [
            *python,
            "from govgraph.cli import main; main()",
            "check",
            "--list-rules",
        ],
    }
    for name, command in cases.items():
        runs = [child(command) for _ in range(repeat)]
        wall, cpu = min(r[0] for r in runs), min(r[1] for r in runs)
        print(f"  {name:<40} {wall:6.2f} s wall {cpu:6.2f} s CPU  (load {load()})")


def best(repeat: int, action: Callable[[], Any]) -> tuple[float, float, Any]:
    """Best wall and best CPU (this process) of ``repeat`` runs, and the last result."""
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        result = action()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - start)
    return min(walls), min(cpus), result


def run_one(driver: Driver, database: str, rule: Rule) -> tuple[float, float, int]:
    """(server seconds, client CPU seconds decoding, rows) of one run of the rule's national statement."""
    with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
        tx = session.begin_transaction()
        try:
            result = tx.run(rule.text, {"area": None})
            keys = result.keys()
            check_columns(rule, keys)
            cpu = time.process_time()
            rows = findings_of(rule, keys, result)
            decode = time.process_time() - cpu
            summary = result.consume()
        finally:
            tx.close()
    server = ((summary.result_available_after or 0) + (summary.result_consumed_after or 0)) / 1000
    return server, decode, len(rows)


def hits(plan: dict[str, Any]) -> Iterator[tuple[str, int, int]]:
    """(operator, db hits, rows) of a profiled plan and every plan below it, as the driver gives them."""
    yield plan["operatorType"].split("@")[0], plan.get("dbHits", 0), plan.get("rows", 0)
    for child_plan in plan.get("children", []):
        yield from hits(child_plan)


def profile(driver: Driver, database: str, rule: Rule) -> str:
    _, summary, _ = driver.execute_query(
        "PROFILE " + rule.text, {"area": None}, database_=database, routing_="r"
    )
    operators = list(hits(summary.profile))
    total = sum(h for _, h, _ in operators)
    top = sorted(operators, key=lambda o: -o[1])[:3]
    return f"{total:>9} db hits; top: " + ", ".join(f"{name} {h}" for name, h, _ in top)


def per_rule(driver: Driver, database: str, rules: list[Rule], repeat: int, with_profile: bool) -> None:
    print(f"{'rule':<24} {'wall':>7} {'server':>7} {'decode':>7} {'rows':>6}  (best of {repeat})")
    for rule in rules:
        run_one(driver, database, rule)  # planned and warm
        wall, _, (server, decode, rows) = best(repeat, lambda r=rule: run_one(driver, database, r))
        extra = f"  {profile(driver, database, rule)}" if with_profile else ""
        print(f"{rule.id:<24} {wall:7.3f} {server:7.3f} {decode:7.3f} {rows:>6}{extra}  (load {load()})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=positive, default=2)
    parser.add_argument("--profile", action="store_true", help="PROFILE each rule (db hits)")
    parser.add_argument("--skip-startup", action="store_true")
    parser.add_argument("--sessions", type=positive, nargs="+", default=[1, 2, 3, 4], help="rules at once")
    args = parser.parse_args(argv)
    if not args.skip_startup:
        print("start-up (a new process each):")
        startup(args.repeat)
    settings = load_settings()
    rules = load_rules()
    database = settings.neo4j_database
    start, cpu = time.perf_counter(), time.process_time()
    with connect(resolve_target(settings)) as driver:
        print(f"connect: {time.perf_counter() - start:.3f} s wall, {time.process_time() - cpu:.3f} s CPU")
        wall, cpu_s, areas = best(args.repeat, lambda: list_areas(driver, database))
        print(f"list_areas ({len(areas)}): {wall:.3f} s wall, {cpu_s:.3f} s CPU  (load {load()})")
        per_rule(driver, database, rules, args.repeat, args.profile)
        for sessions in args.sessions:
            wall, cpu_s, outcome = best(
                args.repeat, lambda n=sessions: run_outcome(driver, rules, database=database, sessions=n)
            )
            found = len(outcome.findings)
            print(
                f"every rule, {sessions} at once: {wall:.3f} s wall, {cpu_s:.3f} s CPU here, {found} findings"
            )
            print(f"  (load {load()})")
    render(areas, rules, outcome, args.repeat)
    return 0


def render(areas: list[tuple[str, str]], rules: list[Rule], outcome: Any, repeat: int) -> None:
    from govgraph.graph.checks import Severity

    from govgraph.check_reports import Report
    from govgraph.check_reports import render as render_report

    for fmt in FORMATS:

        def once(f: str = fmt) -> int:
            report = Report(areas, rules, outcome.findings, Severity.ERROR, None, outcome.evidence)
            return len(render_report(report, f))

        wall, cpu_s, size = best(repeat, once)
        print(f"render {fmt:<6} {wall:6.3f} s wall {cpu_s:6.3f} s CPU  {size / 1e6:5.1f} MB  (load {load()})")


if __name__ == "__main__":
    sys.exit(main())
