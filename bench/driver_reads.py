"""What the async driver's per-read timeout costs a statement: the same statements through the driver as
it is and with its socket reads awaited directly, in one process, rounds alternating.

Neo4j 5 tells every Bolt connection ``connection.recv_timeout_seconds`` (120 by default; the server sends
it while ``server.bolt.connection_keep_alive_for_requests`` is on), and the Python driver then wraps each
socket read in its own ``wait_for``: a task and a timer per read, about seven reads and twenty turns of
the event loop per statement. The API bounds every read itself (``Store._guarded``), so that wrapper is
pure cost there; this prints how much, on asyncio and on uvloop (the API's loop), so that the choice
(a server setting for the local Neo4j, or a driver change upstream) can be made on figures. The bypass
lives in this process only: it replaces the driver's private ``_wait_for_read`` while a round runs.

Uses the database ``bench.api_bench`` loaded (its home, started if needed, stopped after if started).

    .venv/bin/python -m bench.driver_reads [--case NAME ...] [--calls 300] [--rounds 10]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from govgraph.graph.settings import Settings
from neo4j import AsyncGraphDatabase
from neo4j._async_compat.network._bolt_socket import AsyncBoltSocketBase

from bench.api_bench import CASES, RawSide, RecordingStore, in_process, machine
from bench.load_bench import OUT, bench_server, bench_settings, positive

AS_IS = AsyncBoltSocketBase._wait_for_read


def _direct(self: Any, io_async_fn: Any, *args: Any, **kwargs: Any) -> Any:
    """A read awaited as it is when no deadline is set (the driver's own deadlines still apply)."""
    if self._read_deadline is None:
        return io_async_fn(*args, **kwargs)
    return AS_IS(self, io_async_fn, *args, **kwargs)


MODES = {"as is": AS_IS, "direct reads": _direct}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", action="append", choices=[c.name for c in CASES], help="repeatable")
    parser.add_argument("--calls", type=positive, default=300, help="statements per round and mode (300)")
    parser.add_argument("--rounds", type=positive, default=10, help="rounds per mode, alternating (10)")
    parser.add_argument("--home", type=Path, default=OUT / "api-home", help="the benchmark server's home")
    return parser.parse_args(argv)


async def measure(target: Any, settings: Settings, args: argparse.Namespace, loop: str) -> None:
    store = RecordingStore(target, settings.tx_timeout)
    driver = AsyncGraphDatabase.driver(
        target.uri, auth=(target.user, target.password), notifications_min_severity="OFF"
    )
    try:
        for case in [c for c in CASES if not args.case or c.name in args.case]:
            recorded = argparse.Namespace(warmup=5, breakdown=5, max_seconds=3.0)
            _, statements = await in_process(store, case, recorded)
            raw = RawSide(driver, target.database, settings.tx_timeout, statements)
            spent: dict[str, list[tuple[float, float]]] = {mode: [] for mode in MODES}
            for _ in range(100):
                await raw()
            for n in range(args.rounds):
                for mode in list(MODES)[:: 1 if n % 2 else -1]:
                    AsyncBoltSocketBase._wait_for_read = MODES[mode]  # type: ignore[method-assign]
                    cpu, wall = time.process_time(), time.perf_counter()
                    for _ in range(args.calls):
                        await raw()
                    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
                    spent[mode].append((1000 * cpu / args.calls, 1000 * wall / args.calls))
            AsyncBoltSocketBase._wait_for_read = AS_IS  # type: ignore[method-assign]
            cells = [f"{mode} {_medians(v)}" for mode, v in spent.items()]
            print(f"{loop:<8} {case.name:<24} " + "   ".join(cells))
    finally:
        AsyncBoltSocketBase._wait_for_read = AS_IS  # type: ignore[method-assign]
        await driver.close()
        await store.close()


def _medians(rounds: list[tuple[float, float]]) -> str:
    cpu, wall = statistics.median(c for c, _ in rounds), statistics.median(w for _, w in rounds)
    return f"CPU {cpu:.3f} wall {wall:.3f}"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    settings = bench_settings(args)
    if settings is None:
        return 2
    print(f"machine: {machine()}")
    print("ms per statement, medians of the rounds (CPU of this process, wall per call)")
    import uvloop

    with bench_server(settings) as target:
        asyncio.run(measure(target, settings, args, "asyncio"))
        uvloop.run(measure(target, settings, args, "uvloop"))
    print(f"machine at the end: {machine()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
