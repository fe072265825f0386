"""Load benchmark: the project's batched loader against a naive loader that sends one statement per row.

Both write the same synthetic protocols (``bench.synthetic``, the real loader's rows) into a wiped
database and are timed on the write alone. The naive loader is the baseline that shows what batching
(``UNWIND $rows ... MERGE``, one transaction per document) buys.

Wiping means this must never meet a user's data, so it runs its own Neo4j in ``bench/out/home``, starting
it if needed and stopping it afterwards if it started it. With GOVGRAPH_NEO4J_URI set it refuses, unless
told ``--i-know-this-wipes-the-database``.

    .venv/bin/python -m bench.load_bench [--areas 200] [--naive-areas 20]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from neo4j import Driver

from bench.synthetic import check_round_trip, shape, synthetic_areas
from graph.connection import Target, connect, resolve_target
from graph.errors import GraphError
from graph.queries import cypher
from graph.schema import apply_schema
from graph.server import LocalServer
from graph.settings import Settings
from loaders.batch import GraphBatch
from loaders.writer import write_batch

OUT = Path(__file__).resolve().parent / "out"
WIPE_FLAG = "--i-know-this-wipes-the-database"
REFUSED = 2
FAILED = 1


@dataclass(frozen=True)
class Run:
    """One timed load: what was written (counted in the database afterwards) and how long it took."""

    loader: str
    areas: int
    rows: int
    nodes: int
    edges: int
    seconds: float

    def rate(self, count: int) -> float:
        return count / self.seconds if self.seconds > 0 else float("inf")


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--areas", type=positive, default=200, help="areas for the project loader (default 200)"
    )
    parser.add_argument(
        "--naive-areas", type=positive, default=20, help="areas for the naive one (default 20)"
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic protocols")
    parser.add_argument("--warmup", type=int, default=2, help="areas each loader writes, untimed, first")
    parser.add_argument("--check", type=int, default=3, help="areas to round-trip through the real loader")
    parser.add_argument("--home", type=Path, default=OUT / "home", help="the benchmark server's home")
    parser.add_argument(WIPE_FLAG, dest="wipe_ok", action="store_true", help="allow GOVGRAPH_NEO4J_URI")
    return parser.parse_args(argv)


def bench_settings(args: argparse.Namespace) -> Settings | None:
    """Our own server's settings; a user's server only when they said, in so many words, it may be wiped."""
    if os.environ.get("GOVGRAPH_NEO4J_URI"):
        if not args.wipe_ok:
            uri = os.environ["GOVGRAPH_NEO4J_URI"]
            say(
                f"GOVGRAPH_NEO4J_URI is set ({uri}): this benchmark deletes everything in that database. "
                f"Unset it to use a throwaway local server, or pass {WIPE_FLAG}."
            )
            return None
        return Settings()
    os.environ["GOVGRAPH_HOME"] = str(args.home)
    return Settings(home=args.home)  # explicit, so it wins over any GOVGRAPH_HOME set before


@contextmanager
def bench_server(settings: Settings) -> Iterator[Target]:
    """The target to benchmark: the local server is started if needed and stopped only if we started it."""
    if settings.external:
        yield resolve_target(settings)
        return
    server = LocalServer(settings, progress=say)
    already_running = server.pid() is not None
    try:
        server.start()
        yield resolve_target(settings)
    finally:
        if not already_running:
            say("Stopping the benchmark's Neo4j ...")
            server.stop()


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def wipe(driver: Driver, database: str) -> None:
    """CALL ... IN TRANSACTIONS needs an auto-commit transaction, hence session.run."""
    with driver.session(database=database) as session:
        session.run(cypher("bench/wipe")).consume()


def graph_counts(driver: Driver, database: str) -> tuple[int, int]:
    records, _, _ = driver.execute_query(cypher("bench/graph_counts"), database_=database)
    return records[0]["nodes"], records[0]["edges"]


def expected_counts(batches: list[GraphBatch]) -> tuple[int, int]:
    """Distinct ids: shared nodes (legislation) are written by many documents but exist once."""
    nodes = {row["id"] for batch in batches for row in batch.nodes}
    edges = {row["id"] for batch in batches for row in batch.edges}
    return len(nodes), len(edges)


def load_project(driver: Driver, database: str, batches: list[GraphBatch]) -> None:
    """The real loader, as ``govgraph load --force`` runs it: one transaction per document."""
    for batch in batches:
        write_batch(driver, database, batch, force=True)


def load_naive(driver: Driver, database: str, batches: list[GraphBatch]) -> None:
    """One auto-commit statement per node and per edge row; ``consume`` waits for each round trip."""
    node, edge = cypher("bench/naive_merge_node"), cypher("bench/naive_merge_edge")
    with driver.session(database=database) as session:
        for batch in batches:
            for row in batch.nodes:
                session.run(node, row).consume()
            for row in batch.edges:
                session.run(edge, row).consume()


Loader = Callable[[Driver, str, list[GraphBatch]], None]


def timed_run(name: str, loader: Loader, driver: Driver, database: str, batches: list[GraphBatch]) -> Run:
    """Wipe, time the load alone, then count what is in the graph and check it is what the rows say."""
    wipe(driver, database)
    say(f"Timing {name} on {len(batches)} areas ...")
    start = time.perf_counter()
    loader(driver, database, batches)
    seconds = time.perf_counter() - start
    nodes, edges = graph_counts(driver, database)
    if (nodes, edges) != expected_counts(batches):
        say(f"WARNING: {name} left {nodes} nodes, {edges} edges; expected {expected_counts(batches)}")
    rows = sum(len(b.nodes) + len(b.edges) for b in batches)
    return Run(name, len(batches), rows, nodes, edges, seconds)


def warm_up(driver: Driver, database: str, batches: list[GraphBatch]) -> None:
    """Let the JVM compile the write paths of both loaders, so neither pays for it in its timing."""
    for loader in (load_project, load_naive):
        wipe(driver, database)
        loader(driver, database, batches)
    wipe(driver, database)


def table(runs: list[Run]) -> str:
    head = ("loader", "areas", "rows", "nodes", "edges", "seconds", "nodes/s", "edges/s", "rows/s")
    lines = [f"{head[0]:<18}" + "".join(f"{h:>10}" for h in head[1:])]
    for r in runs:
        cells = (r.areas, r.rows, r.nodes, r.edges)
        rates = (r.rate(r.nodes), r.rate(r.edges), r.rate(r.rows))
        lines.append(
            f"{r.loader:<18}"
            + "".join(f"{c:>10}" for c in cells)
            + f"{r.seconds:>10.2f}"
            + "".join(f"{x:>10.0f}" for x in rates)
        )
    return "\n".join(lines)


def peak_rss_mib() -> float:
    """ru_maxrss is KiB on Linux and bytes on macOS."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def server_version(driver: Driver, database: str) -> str:
    records, _, _ = driver.execute_query(cypher("db/components"), database_=database)
    return f"{records[0]['name']} {records[0]['version']} {records[0]['edition']}"


def benchmark(driver: Driver, settings: Settings, args: argparse.Namespace) -> list[Run]:
    database = settings.neo4j_database
    apply_schema(driver, database)
    start = time.perf_counter()
    areas = synthetic_areas(max(args.areas, args.naive_areas, args.warmup), args.seed)
    batches = [area.batch() for area in areas]
    say(f"Generated {len(batches)} synthetic areas in {time.perf_counter() - start:.1f}s")
    print(
        f"server: {server_version(driver, database)}, heap {settings.heap}, page cache {settings.pagecache}"
    )
    print(f"client: Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    print(f"per area: {shape(areas)}")
    print(f"per area: {sum(len(b.nodes) + len(b.edges) for b in batches) / len(batches):.0f} rows\n")
    warm_up(driver, database, batches[: args.warmup])
    runs = [
        timed_run("project (batched)", load_project, driver, database, batches[: args.areas]),
        timed_run("naive (per row)", load_naive, driver, database, batches[: args.naive_areas]),
    ]
    wipe(driver, database)
    return runs


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    settings = bench_settings(args)
    if settings is None:
        return REFUSED
    checked = check_round_trip(OUT / "protocols", args.check, args.seed)
    say(f"The real loader accepts the synthetic protocols and yields the same rows ({checked} checked)")
    try:
        with bench_server(settings) as target, connect(target) as driver:
            print(f"target: {target.uri} (database {target.database})")
            runs = benchmark(driver, settings, args)
    except GraphError as exc:
        say(f"error: {exc}")
        return FAILED
    print(table(runs))
    project, naive = runs
    speed_up = project.rate(project.rows) / naive.rate(naive.rows)
    print(f"\nspeed-up of the project loader (rows/s): {speed_up:.1f}x")
    print(f"peak RSS of this Python process: {peak_rss_mib():.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
