"""Write modes compared: several documents per transaction, one after another, against concurrent
transactions (threads, each writing its share of the documents), on the same synthetic areas.

Only the write is timed (the rows are validated once beforehand, as ``govgraph load`` does before it
writes), each mode into a wiped database, the modes interleaved in rotating order over the rounds.
It also counts the statements (round trips) per document and PROFILEs each load statement on a young
database (a few areas loaded) and on a grown one (every area loaded): rows and db hits of one group,
so what grows with the graph shows. Runs its own Neo4j in bench/out/home, like bench/load_bench.py.

    .venv/bin/python -m bench.write_modes [--areas 200] [--rounds 2]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from govgraph.graph.connection import connect, resolve_target
from govgraph.graph.queries import cypher
from govgraph.graph.schema import apply_schema
from govgraph.graph.server import LocalServer
from govgraph.loaders.batch import GraphBatch
from govgraph.loaders.writer import GROUP_DOCUMENTS, write_batches
from neo4j import Driver

from bench.load_bench import OUT, bench_settings, graph_counts, say, wipe
from bench.synthetic import synthetic_area, synthetic_areas

TIMEOUT = 600.0  # per transaction: lock waits between concurrent ones outlast the default 60 s
# (name, threads, documents per transaction)
MODES = [
    ("grouped", 1, GROUP_DOCUMENTS),
    ("concurrent-4x1", 4, 1),
    ("concurrent-2x16", 2, 16),
]


def write(driver: Driver, database: str, batches: list[GraphBatch], threads: int, per_tx: int) -> None:
    """Each thread writes every ``threads``-th document, ``per_tx`` to a transaction."""
    shares = [batches[start::threads] for start in range(threads)]

    def one(share: list[GraphBatch]) -> None:
        writes = write_batches(
            driver, database, share, known={}, documents_per_transaction=per_tx, timeout=TIMEOUT
        )
        for _ in writes:
            pass

    if threads == 1:
        one(batches)
        return
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(one, shares))


def statements_per_group(group: list[GraphBatch]) -> int:
    """Round trips of one transaction of new documents: nodes, one per edge type (no delete, no prune)."""
    return 1 + len({edge["type"] for batch in group for edge in batch.edges})


def profile(driver: Driver, database: str, group: list[GraphBatch]) -> list[str]:
    """PROFILE of each statement of one group's write, in a transaction rolled back afterwards."""
    lines = []
    nodes = [row for batch in group for row in batch.nodes]
    by_type: dict[str, list[dict]] = {}
    for batch in group:
        for e in batch.edges:
            by_type.setdefault(e["type"], []).append({k: e[k] for k in ("id", "from", "to", "props")})
    with driver.session(database=database) as session, session.begin_transaction() as tx:
        statements = [("load/merge_nodes", nodes)] + [
            (f"load/edges/{t}", r) for t, r in sorted(by_type.items())
        ]
        for name, rows in statements:
            result = tx.run("PROFILE " + cypher(name), rows=rows)
            summary = result.consume()
            hits = _db_hits(summary.profile or {})
            lines.append(
                f"  {name:<32}{len(rows):>7} rows{hits:>10} db hits{hits / max(len(rows), 1):>8.1f}/row"
            )
        tx.rollback()
    return lines


def _db_hits(plan: dict) -> int:
    return plan.get("dbHits", 0) + sum(_db_hits(child) for child in plan.get("children", []))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--areas", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--home", type=Path, default=OUT / "home")
    args = parser.parse_args(argv)
    settings = bench_settings(args)
    if settings is None or settings.external:
        return 2
    batches = [area.batch() for area in synthetic_areas(args.areas, 0)]
    rows = sum(len(b.nodes) + len(b.edges) for b in batches)
    server = LocalServer(settings, progress=say)
    database = settings.neo4j_database
    results: list[str] = []
    try:
        server.start()
        with connect(resolve_target(settings)) as driver:
            apply_schema(driver, database)
            for number in range(1, args.rounds + 1):
                order = MODES[number % len(MODES) :] + MODES[: number % len(MODES)]
                for name, threads, per_tx in order:
                    wipe(driver, database)
                    say(f"round {number}: {name} ...")
                    load, start, cpu = os.getloadavg()[0], time.perf_counter(), time.process_time()
                    try:
                        write(driver, database, batches, threads, per_tx)
                    except Exception as exc:  # one mode failing must not lose the others' figures
                        results.append(f"{name:<17}{number:>6}  FAILED: {' '.join(str(exc).split())[:160]}")
                        continue
                    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
                    n, e = graph_counts(driver, database)
                    results.append(
                        f"{name:<17}{number:>6}{seconds:>9.1f}{(n + e) / seconds:>9.0f}{cpu:>9.1f}"
                        f"{load:>7.1f}{os.getloadavg()[0]:>7.1f}  {n} nodes {e} edges"
                    )
            group = batches[:GROUP_DOCUMENTS]
            more = [synthetic_area(i).batch() for i in range(args.areas, args.areas + GROUP_DOCUMENTS)]
            grown = profile(driver, database, more)  # new areas, beside the last mode's
            wipe(driver, database)
            for _ in write_batches(
                driver, database, batches[GROUP_DOCUMENTS : GROUP_DOCUMENTS + 5], known={}
            ):
                pass
            young = profile(driver, database, group)
            wipe(driver, database)
    finally:
        server.stop()
    trips = sum(
        statements_per_group(batches[s : s + GROUP_DOCUMENTS])
        for s in range(0, len(batches), GROUP_DOCUMENTS)
    )
    print(f"{args.areas} areas, {rows} rows; client CPUs {os.cpu_count()}")
    print(f"{'mode':<17}{'round':>6}{'seconds':>9}{'n+e/s':>9}{'cpu s':>9}{'load<':>7}{'load>':>7}")
    print("\n".join(results))
    single = sum(statements_per_group([b]) for b in batches) / len(batches)
    print(f"\nstatements per document (new documents): {trips / len(batches):.2f} at {GROUP_DOCUMENTS} per")
    print(f"transaction (+1 commit per transaction); {single:.2f} at one per transaction (+1 commit each)")
    print(f"PROFILE of one group of {len(group)} new documents, database with 5 areas:")
    print("\n".join(young))
    print(f"PROFILE of one group of {GROUP_DOCUMENTS} new documents, database with {args.areas} areas:")
    print("\n".join(grown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
