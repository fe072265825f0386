"""Restart Neo4j under a running API and time every request until answers are normal again.

Issue 14 measured requests hanging 30 s or more for about half a minute after a restart (the first query
14 s cold). This runs its own Neo4j (``bench/out/restart-home``) holding Testshire, the API in a process of
its own, and one client asking the same question back to back, before, during and after the restart (a
clean stop, or ``--kill`` for SIGKILL); it prints each phase's latencies and outcomes, the longest wait,
and how long after the restart began answers were normal again (ten in a row answered, each within three
times the median before the restart).

    .venv/bin/python -m bench.restart_bench [--kill]
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from govgraph.graph.server import LocalServer
from govgraph.graph.settings import Settings

from bench.api_bench import ApiServer, free_port
from bench.load_bench import OUT

ROOT = Path(__file__).resolve().parents[1]
TESTSHIRE = ROOT / "tests" / "fixtures" / "testshire.yaml"
QUERY = '{ body(id: "testshire/tsb") { name reportsTo { frequency } } }'
REQUEST_TIMEOUT = 120.0
NORMAL_RUN = 10


@dataclass
class Sample:
    started: float  # seconds since the restart began (negative before it)
    seconds: float
    outcome: str  # ok, an error code, or the transport error's name


def ask(client: httpx.Client, url: str) -> str:
    try:
        response = client.post(f"{url}/graphql", json={"query": QUERY}, timeout=REQUEST_TIMEOUT)
    except httpx.HTTPError as exc:
        return type(exc).__name__
    body = response.json()
    if body.get("errors"):
        return str(body["errors"][0].get("extensions", {}).get("code", "NO_CODE"))
    return "ok" if response.status_code == 200 else f"HTTP {response.status_code}"


def sample(client: httpx.Client, url: str, origin: float) -> Sample:
    start = time.monotonic()
    outcome = ask(client, url)
    return Sample(start - origin, time.monotonic() - start, outcome)


def restart(server: LocalServer, kill: bool, done: threading.Event) -> None:
    pid = server.pid()
    if kill and pid is not None:
        os.kill(pid, signal.SIGKILL)
    else:
        server.stop()
    server.start()
    done.set()


def summary(name: str, samples: list[Sample]) -> str:
    if not samples:
        return f"{name:28} (none)"
    waits = [s.seconds for s in samples]
    outcomes: dict[str, int] = {}
    for s in samples:
        outcomes[s.outcome] = outcomes.get(s.outcome, 0) + 1
    told = ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items()))
    return (
        f"{name:28} {len(samples):5} requests  median {statistics.median(waits) * 1000:8.1f} ms  "
        f"max {max(waits) * 1000:9.1f} ms  ({told})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kill", action="store_true", help="SIGKILL Neo4j instead of stopping it cleanly")
    parser.add_argument("--home", type=Path, default=OUT / "restart-home")
    args = parser.parse_args(argv)
    home = args.home.resolve()
    settings = Settings(home=home, bolt_port=free_port(), http_port=free_port(), heap="512m", pagecache="64m")
    server = LocalServer(settings, progress=lambda m: print(m, file=sys.stderr))
    os.environ["GOVGRAPH_HOME"] = str(home)
    server.start()
    api = None
    try:
        loaded = subprocess.run(
            [str(Path(sys.executable).parent / "govgraph"), "load", str(TESTSHIRE)], cwd=ROOT
        )
        if loaded.returncode:
            return 1
        api = ApiServer()
        api.wait_ready()
        return run(server, api.url, args.kill)
    finally:
        if api is not None:
            api.stop()
        server.stop()


def run(server: LocalServer, url: str, kill: bool) -> int:
    with httpx.Client() as client:
        origin = time.monotonic() + 3600
        before = [sample(client, url, origin) for _ in range(20)]
        normal = 3 * statistics.median(s.seconds for s in before)
        done = threading.Event()
        origin = time.monotonic()
        restarting = threading.Thread(target=restart, args=(server, kill, done))
        restarting.start()
        during: list[Sample] = []
        while not done.is_set():
            during.append(sample(client, url, origin))
        back = time.monotonic() - origin
        after: list[Sample] = []
        run_of_normal = 0
        while run_of_normal < NORMAL_RUN:
            found = sample(client, url, origin)
            after.append(found)
            run_of_normal = run_of_normal + 1 if found.outcome == "ok" and found.seconds <= normal else 0
        restarting.join()
    normal_at = after[-NORMAL_RUN].started
    how = "SIGKILL" if kill else "clean stop"
    print(f"restart by {how}; load average " + " ".join(f"{x:.1f}" for x in os.getloadavg()))
    print(summary("before the restart", before))
    print(summary("while Neo4j restarts", during))
    print(summary("after `db start` returned", after))
    print(f"Neo4j answered again (db start returned) {back:.1f} s after the restart began")
    print(
        f"answers normal (<= {normal * 1000:.0f} ms, {NORMAL_RUN} in a row) {normal_at:.1f} s after it began"
    )
    first = after[0] if after else None
    if first:
        print(f"first request after db start: {first.seconds * 1000:.0f} ms ({first.outcome})")
    longest = max(before + during + after, key=lambda s: s.seconds)
    print(f"longest wait: {longest.seconds:.2f} s at {longest.started:.1f} s ({longest.outcome})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
