"""What each side of ``bench.api_bench`` says to Neo4j, message by message: the served API, the raw side.

The API/raw ratio prices HTTP and GraphQL only if both sides hold the same conversation with Neo4j: the
same Bolt messages (RUN with the same database, access mode and timeout; PULL with the same fetch size;
no BEGIN/COMMIT, no ROUTE, no TELEMETRY on one side only) in the same number of round trips. This sends
each question once to the served app (uvicorn, as ``govgraph serve`` runs it, its driver logging every
Bolt message to a file) and once through ``bench.api_bench.RawSide``, and prints both conversations with
what differs. Values that change from one request to the next (bookmarks, t_first/t_last, connection
names) are masked before comparing. Uses the database as it is: load it with ``bench.api_bench`` first.

    .venv/bin/python -m bench.api_bolt [--case NAME ...] [--show]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import logging
import os
import re
import sys
from pathlib import Path

from govgraph.api.execute import answer
from govgraph.api.fetch import Context
from govgraph.graph.connection import resolve_target
from govgraph.graph.settings import Settings
from neo4j import AsyncGraphDatabase

from bench.api_bench import (
    CASES,
    DRIVER_LOG,
    ApiServer,
    KeepAlive,
    RawSide,
    RecordingStore,
    documents,
    graphql_schema,
)
from bench.load_bench import OUT, say

MESSAGE = re.compile(r"\]\s+([CS]): (.*)$")
MASKS = (
    (re.compile(r"'bookmark': '[^']*'"), "'bookmark': …"),
    (re.compile(r"'t_(first|last)': \d+"), r"'t_\1': …"),
)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", action="append", choices=[c.name for c in CASES], help="repeatable")
    parser.add_argument("--show", action="store_true", help="print every message, not only differences")
    parser.add_argument("--home", type=Path, default=OUT / "api-home", help="the benchmark server's home")
    return parser.parse_args(argv)


def conversation(lines: list[str]) -> list[str]:
    """The Bolt messages of a driver debug log, ``C:`` sent and ``S:`` received, volatile values masked."""
    found = []
    for line in lines:
        match = MESSAGE.search(line)
        if match:
            text = f"{match[1]}: {match[2]}"
            for pattern, mask in MASKS:
                text = pattern.sub(mask, text)
            found.append(text)
    return found


def round_trips(messages: list[str]) -> int:
    """How often the client waited for the server: each run of sent messages followed by an answer."""
    return sum(1 for a, b in itertools.pairwise(messages) if a[0] == "C" and b[0] == "S")


class Captured(logging.Handler):
    """The raw side's driver log, kept in memory."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


async def compare(args: argparse.Namespace, server: ApiServer, log: Path) -> int:
    target, settings = resolve_target(Settings()), Settings()
    store = RecordingStore(target, settings.tx_timeout)
    driver = AsyncGraphDatabase.driver(
        target.uri, auth=(target.user, target.password), notifications_min_severity="OFF"
    )
    client = KeepAlive(f"{server.url}/graphql", 1)
    await client.open()
    handler = Captured()
    driver_log = logging.getLogger("neo4j")
    differing = 0
    try:
        for case in [c for c in CASES if not args.case or c.name in args.case]:
            store.current = type(store.current)()
            await answer(graphql_schema, documents, Context(store), case.graphql, None, None)
            raw = RawSide(driver, target.database, settings.tx_timeout, store.current.statements)
            request = client.prepare(json.dumps({"query": case.graphql}).encode())
            await client.post(request)  # connections opened and plans made before listening
            await raw()
            start = log.stat().st_size
            status, _ = await client.post(request)
            with log.open() as served:
                served.seek(start)
                api = conversation(served.read().splitlines())
            driver_log.addHandler(handler)
            driver_log.setLevel(logging.DEBUG)
            handler.lines.clear()
            await raw()
            driver_log.removeHandler(handler)
            driver_log.setLevel(logging.WARNING)
            direct = conversation(handler.lines)
            same = api == direct
            differing += not same
            print(
                f"{case.name:<24} HTTP {status}  API {len(api)} messages, {round_trips(api)} round trip(s); "
                f"raw {len(direct)} messages, {round_trips(direct)} round trip(s); "
                f"{'identical' if same else 'DIFFERENT'}"
            )
            if args.show or not same:
                for side, messages in (("API", api), ("raw", direct)):
                    for message in messages:
                        print(f"    {side:<4}{message[:160]}")
    finally:
        await client.close()
        await store.close()
        await driver.close()
    return 1 if differing else 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ["GOVGRAPH_HOME"] = str(args.home)
    log = OUT / "api-bolt-driver.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text("")
    os.environ[DRIVER_LOG] = str(log)  # the served app's driver writes its Bolt messages here
    server = ApiServer()
    try:
        server.wait_ready()
        say(f"API server (pid {server.proc.pid}) ready at {server.url}")
        return asyncio.run(compare(args, server, log))
    finally:
        server.stop()
        os.environ.pop(DRIVER_LOG, None)


if __name__ == "__main__":
    sys.exit(main())
