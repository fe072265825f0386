"""One question against the served API, one client at a time: p50, and CPU ms per request of the app.

For finding where the API's own time goes, question by question, without the whole ``bench.api_bench``
table: ``{ __typename }`` is the floor (HTTP and the request path, no database); any case of
``bench.api_bench`` can be named. With ``--py-spy FILE`` the app is recorded by py-spy (PyPI) while the
timed requests run (a speedscope or flamegraph file, by its extension); with ``--syscalls`` strace counts
the app's system calls meanwhile and prints them per request (counts, not times: strace slows every call,
but how many writes, reads and epoll waits a request costs is exact). Uses the database as it is: run
``bench.api_bench`` once first (it loads it), with the benchmark's Neo4j left running.

``--references`` first times the same client against two servers that do nothing but answer, each in
its own process: a bare uvloop protocol writing the whole response at once, and uvicorn with a trivial
ASGI app. They bound what any Python API on this machine could cost per request: the hop itself.

    .venv/bin/python -m bench.api_floor [--case typename|"areas(first: 100)"|...] [--requests 2000]
        [--py-spy out.txt] [--syscalls] [--references]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.api_bench import CASES, HOST, ApiServer, Case, KeepAlive, Served, cpu_seconds, machine
from bench.load_bench import OUT, positive, say

FLOOR = Case("typename", "{ __typename }")
# What the API answers to { __typename }, as the reference servers answer every request.
ANSWER = b'{"data":{"__typename":"Query"},"extensions":{"cypherStatements":0}}'
HEAD = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: %d\r\n\r\n" % len(ANSWER)


class Reference(Served):
    """A server that answers every request with ANSWER and does nothing else, in a subprocess: the floor
    of one keep-alive HTTP exchange on this machine, beside which the API's own floor is read.

    ``bare``: an asyncio Protocol on uvloop writing the whole response at once (no HTTP library);
    ``uvicorn``: uvicorn with httptools and a two-message ASGI app, as the API is served, minus the app."""

    def __init__(self, kind: str) -> None:
        self.what = f"{kind} reference server"
        root = Path(__file__).resolve().parents[1]  # where ``-m bench.api_floor`` imports from
        super().__init__([sys.executable, "-m", "bench.api_floor", "--reference", kind], root)

    def ready(self) -> bool:
        import socket

        try:
            socket.create_connection((HOST, self.port), timeout=1).close()
        except OSError:
            return False
        return True


class _Bare(asyncio.Protocol):
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport
        self.buffer = b""

    def data_received(self, data: bytes) -> None:
        """Answer each whole request (head and Content-Length body) as it completes."""
        self.buffer += data
        while (end := self.buffer.find(b"\r\n\r\n")) >= 0:
            lines = self.buffer[:end].split(b"\r\n")[1:]
            length = next((int(x[15:]) for x in lines if x[:15].lower() == b"content-length:"), 0)
            if len(self.buffer) < end + 4 + length:
                return
            self.buffer = self.buffer[end + 4 + length :]
            self.transport.write(HEAD + ANSWER)  # type: ignore[attr-defined]


async def _trivial(scope: dict, receive: object, send: object) -> None:
    if scope["type"] != "http":
        return
    await receive()  # type: ignore[operator]
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(ANSWER)).encode())]
    await send({"type": "http.response.start", "status": 200, "headers": headers})  # type: ignore[operator]
    await send({"type": "http.response.body", "body": ANSWER})  # type: ignore[operator]


def serve_reference(kind: str, port: int) -> None:
    import uvloop

    if kind == "uvicorn":
        import uvicorn

        uvicorn.run(_trivial, host=HOST, port=port, log_level="warning", access_log=False)
        return

    async def bare() -> None:
        server = await asyncio.get_running_loop().create_server(_Bare, HOST, port)
        await server.serve_forever()

    uvloop.run(bare())


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    names = [FLOOR.name, *(c.name for c in CASES)]
    parser.add_argument("--case", action="append", choices=names, help="repeatable (default: all)")
    parser.add_argument("--requests", type=positive, default=1000, help="timed requests per case (1000)")
    parser.add_argument("--py-spy", type=Path, help="record the app with py-spy into this file")
    parser.add_argument(
        "--syscalls", action="store_true", help="count the app's system calls per request (strace)"
    )
    parser.add_argument("--home", type=Path, default=OUT / "api-home", help="the benchmark server's home")
    parser.add_argument(
        "--references",
        action="store_true",
        help="first time the same client against two servers that only answer: a bare uvloop protocol "
        "(one write) and uvicorn with a trivial ASGI app (the floors below the API's own)",
    )
    parser.add_argument("--reference", nargs=2, metavar=("KIND", "PORT"), help=argparse.SUPPRESS)
    return parser.parse_args(argv)


class Syscalls:
    """strace -c on the app (all its threads) while one case's timed requests run."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.out = Path(tempfile.mkstemp(prefix="api-floor-strace-")[1])
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        command = ["strace", "-c", "-f", "-p", str(self.pid), "-o", str(self.out)]
        self.proc = subprocess.Popen(command, stderr=subprocess.DEVNULL)
        time.sleep(1.0)  # strace attaches to every thread before the timed requests begin

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.send_signal(2)
            self.proc.wait(60)

    def per_request(self, requests: int) -> str:
        """The calls strace counted, per request, most frequent first."""
        counts = []
        for line in self.out.read_text().splitlines():
            parts = line.split()
            if len(parts) >= 5 and parts[0][0].isdigit() and parts[-1] != "total":
                counts.append((int(parts[3]), parts[-1]))
        self.out.unlink()
        shown = ", ".join(f"{name} {calls / requests:.2f}" for calls, name in sorted(counts, reverse=True))
        return f"  system calls per request: {sum(c for c, _ in counts) / requests:.2f} ({shown})"


async def measure(
    client: KeepAlive, case: Case, requests: int, pid: int, tracer: Syscalls | None = None
) -> tuple[float, float, float]:
    """p50 ms, the app's CPU ms per request and the kernel's part of it, after 50 untimed requests."""
    request = client.prepare(json.dumps({"query": case.graphql}).encode())
    for _ in range(50):
        await client.post(request)
    if tracer is not None:
        tracer.start()
    latencies = []
    before, kernel = cpu_seconds(pid) or 0.0, system_seconds(pid)
    for _ in range(requests):
        began = time.perf_counter()
        status, body = await client.post(request)
        latencies.append(time.perf_counter() - began)
        if status != 200 or b'"errors"' in body:
            raise RuntimeError(f"{case.name}: {status} {body[:300]!r}")
    used = (cpu_seconds(pid) or 0.0) - before
    kernel = system_seconds(pid) - kernel
    if tracer is not None:
        tracer.stop()
    return 1000 * statistics.median(latencies), 1000 * used / requests, 1000 * kernel / requests


def system_seconds(pid: int) -> float:
    """The kernel's share of a process's CPU (system calls, and the wake-ups they cause), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[12]) / os.sysconf("SC_CLK_TCK")


async def references(requests: int) -> None:
    """The two reference floors, each in its own process, measured as the API's cases are."""
    for kind in ("bare", "uvicorn"):
        server = Reference(kind)
        try:
            server.wait_ready()
            client = KeepAlive(f"{server.url}/graphql", 1)
            await client.open()
            try:
                p50, cpu, kernel = await measure(client, FLOOR, requests, server.proc.pid)
            finally:
                await client.close()
        finally:
            server.stop()
        name = f"reference: {kind}"
        print(f"{name:<24} p50 {p50:6.2f} ms  server CPU {cpu:5.2f} ms/request (kernel {kernel:4.2f})")


async def run(args: argparse.Namespace, server: ApiServer) -> None:
    client = KeepAlive(f"{server.url}/graphql", 1)
    await client.open()
    cases = [c for c in (FLOOR, *CASES) if not args.case or c.name in args.case]
    spy = None
    try:
        if args.py_spy:
            fmt = "speedscope" if args.py_spy.suffix == ".json" else "raw"
            record = ["record", "-p", str(server.proc.pid), "-o", str(args.py_spy), "-f", fmt, "-r", "1000"]
            spy = subprocess.Popen([str(Path(sys.executable).parent / "py-spy"), *record, "--nonblocking"])
            await asyncio.sleep(2)
        for case in cases:
            tracer = Syscalls(server.proc.pid) if args.syscalls else None
            p50, cpu, kernel = await measure(client, case, args.requests, server.proc.pid, tracer)
            load = os.getloadavg()[0]
            print(
                f"{case.name:<24} p50 {p50:6.2f} ms  app CPU {cpu:5.2f} ms/request "
                f"(kernel {kernel:4.2f})  load {load:.1f}"
            )
            if tracer is not None:
                print(tracer.per_request(args.requests))
    finally:
        await client.close()
        if spy is not None:
            spy.send_signal(2)
            spy.wait(60)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.reference:
        serve_reference(args.reference[0], int(args.reference[1]))
        return 0
    os.environ["GOVGRAPH_HOME"] = str(args.home)
    print(f"machine: {machine()}")
    if args.references:
        asyncio.run(references(args.requests))
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
