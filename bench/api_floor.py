"""One question against the served API, one client at a time: p50, and CPU ms per request of the app.

For finding where the API's own time goes, question by question, without the whole ``bench.api_bench``
table: ``{ __typename }`` is the floor (HTTP and the request path, no database); any case of
``bench.api_bench`` can be named. With ``--py-spy FILE`` the app is recorded by py-spy (PyPI) while the
timed requests run (a speedscope or flamegraph file, by its extension). Uses the database as it is: run
``bench.api_bench`` once first (it loads it), with the benchmark's Neo4j left running.

    .venv/bin/python -m bench.api_floor [--case typename|"areas(first: 100)"|...] [--requests 2000]
        [--py-spy out.txt]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.api_bench import CASES, ApiServer, Case, KeepAlive, cpu_seconds, machine
from bench.load_bench import OUT, positive, say

FLOOR = Case("typename", "{ __typename }")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    names = [FLOOR.name, *(c.name for c in CASES)]
    parser.add_argument("--case", action="append", choices=names, help="repeatable (default: all)")
    parser.add_argument("--requests", type=positive, default=1000, help="timed requests per case (1000)")
    parser.add_argument("--py-spy", type=Path, help="record the app with py-spy into this file")
    parser.add_argument("--home", type=Path, default=OUT / "api-home", help="the benchmark server's home")
    return parser.parse_args(argv)


async def measure(client: KeepAlive, case: Case, requests: int, pid: int) -> tuple[float, float]:
    """p50 ms and the app's CPU ms per request, after 50 untimed requests."""
    request = client.prepare(json.dumps({"query": case.graphql}).encode())
    for _ in range(50):
        await client.post(request)
    latencies = []
    before = cpu_seconds(pid) or 0.0
    for _ in range(requests):
        began = time.perf_counter()
        status, body = await client.post(request)
        latencies.append(time.perf_counter() - began)
        if status != 200 or b'"errors"' in body:
            raise RuntimeError(f"{case.name}: {status} {body[:300]!r}")
    used = (cpu_seconds(pid) or 0.0) - before
    return 1000 * statistics.median(latencies), 1000 * used / requests


async def run(args: argparse.Namespace, server: ApiServer) -> None:
    client = KeepAlive(f"{server.url}/graphql", 1)
    await client.open()
    cases = [c for c in (FLOOR, *CASES) if not args.case or c.name in args.case]
    spy = None
    try:
        if args.py_spy:
            fmt = "speedscope" if args.py_spy.suffix == ".json" else "raw"
            record = ["record", "-p", str(server.proc.pid), "-o", str(args.py_spy), "-f", fmt]
            spy = subprocess.Popen([str(Path(sys.executable).parent / "py-spy"), *record, "--nonblocking"])
            await asyncio.sleep(2)
        for case in cases:
            p50, cpu = await measure(client, case, args.requests, server.proc.pid)
            load = os.getloadavg()[0]
            print(f"{case.name:<24} p50 {p50:6.2f} ms  app CPU {cpu:5.2f} ms/request  load {load:.1f}")
    finally:
        await client.close()
        if spy is not None:
            spy.send_signal(2)
            spy.wait(60)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ["GOVGRAPH_HOME"] = str(args.home)
    print(f"machine: {machine()}")
    server = ApiServer()
    try:
        server.wait_ready()
        say(f"API server (pid {server.proc.pid}) ready at {server.url}")
        asyncio.run(run(args, server))
    finally:
        server.stop()
    print(f"machine at the end: {machine()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
