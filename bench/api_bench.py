"""API benchmark: typical GraphQL queries over real HTTP, against the same Cypher sent raw through the driver.

Each root field of the API sends one statement compiled from its selection and passes Neo4j's answer
through. This measures what the API costs on top of it: every query is timed through the served app
(uvicorn + the ASGI app, over loopback HTTP) and as the very statements the API sent, with the very
parameters, run by the async driver as the API's store runs them, at the same concurrency. The ratio API
p50 / raw p50 is the price of the API on top of the database.

The statements and parameters are not written out here but recorded from the API itself (an in-process
run with a recording store), so the raw side cannot drift from what the API really sends. That run also
splits one request's time into database, GraphQL and HTTP, and CPU time per request is read from /proc
for this process (the clients), the API server and Neo4j, since on a small machine they share the cores.

The API side's client is the cheapest correct one: a prepared request on one keep-alive asyncio
connection per concurrent client (``KeepAlive``), so the ratio prices the API against the raw driver
rather than an HTTP library against the driver (``--http-client httpx`` times it with httpx, as earlier
sessions did). Client CPU per request is still reported for both sides.

The app runs in its own process, as ``govgraph serve`` runs it, so its CPU is not shared with the clients'
interpreter. The database is wiped and loaded with the bundled protocols and synthetic areas, so like
``bench.load_bench`` this runs its own Neo4j (``bench/out/api-home``), starting it if needed and stopping it
afterwards if it started it, and refuses GOVGRAPH_NEO4J_URI unless told ``--i-know-this-wipes-the-database``.

Before any timing, every chosen question runs through each side for ``--warm-seconds`` (30): a Neo4j just
started has compiled none of the statements yet and spends several times the CPU on each, which made the
first questions of a run look 2-3x slower raw, and the API's fixed cost a smaller share of them.

With ``--rounds R`` each cell (question, concurrency) is R blocks of each side, one side at a time, the
order alternating from round to round, and the median of the rounds' p50 ratios is printed beside the
p50 ratio of all their requests: drift in the machine's load falls on both sides, and the sides never
contend for the cores. That is the instrument for 16 clients: paired mode runs both sides' requests at
once there, and an API answer then also waits in this process's loop behind raw requests' decoding.

With ``--paired`` each side's requests are not run as separate blocks but interleaved request by request:
per question, N pairs of one API request and one raw request, the order alternating from pair to pair, at
each concurrency (16 clients: 16 loops of pairs at once), so that whatever the machine is doing falls on
both sides of a pair alike. It prints each side's p50/p99, the ratio of the p50s and the median of the
per-pair ratios with its interquartile range. ``--baseline DIR`` serves a second API from another checkout
(its own ``.venv``) as a third side of each tuple, so old and new code are measured in the same run.

    .venv/bin/python -m bench.api_bench [--requests 200] [--clients 1,16] [--areas 50] [--loaded]
        [--http-client keep-alive|httpx] [--workers 1] [--case NAME ...]
        [--client-loop asyncio|uvloop] [--warm-seconds 30] [--rounds R] [--paired [--baseline DIR]]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import math
import os
import platform
import socket
import statistics
import subprocess
import sys
import textwrap
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import httpx
from govgraph.api.execute import Documents
from govgraph.api.execute import answer as execute_answer
from govgraph.api.fetch import Context
from govgraph.api.pages import encode
from govgraph.api.schema import schema
from govgraph.api.store import StatementLog, Store
from govgraph.graph.connection import Target, connect, resolve_target
from govgraph.graph.errors import GraphError
from govgraph.graph.queries import cypher
from govgraph.graph.schema import apply_schema
from govgraph.graph.server import LocalServer
from govgraph.graph.settings import Settings
from govgraph.loaders.load import load_documents, read_documents
from neo4j import (
    READ_ACCESS,
    AsyncDriver,
    AsyncGraphDatabase,
    AsyncManagedTransaction,
    AsyncSession,
    Driver,
    Query,
    unit_of_work,
)

from bench.load_bench import (
    FAILED,
    OUT,
    REFUSED,
    WIPE_FLAG,
    bench_server,
    bench_settings,
    load_project,
    positive,
    say,
    server_version,
    wipe,
)
from bench.synthetic import synthetic_areas

BUNDLED = Path(__file__).resolve().parents[1] / "examples" / "protocols"
HOST = "127.0.0.1"
READY_TIMEOUT = 600.0  # a busy 2-core machine plans the warm-up statements slowly
STOP_TIMEOUT = 15.0
WARMUP_SECONDS = 2.0
BREAKDOWN_NOTE = (
    "Where one request's time goes (p50 ms, one request at a time). neo4j = the time Neo4j reports for the "
    "statements (result available + consumed); raw = the same through the driver, with Bolt and decoding "
    "into dicts; db read = those reads inside the API (in-process); +graphql = the rest of executing the "
    "query (snapshot, resolvers); +http = uvicorn, FastAPI, strawberry's request handling, JSON and "
    "loopback. results = totalCount; nodes/edges = the snapshot the statement returned; n = in-process "
    "executions. The + columns are differences between p50s of separate runs: on a busy machine they are "
    "rough, and can come out below zero."
)


@dataclass(frozen=True)
class Case:
    """One typical question, as a client would send it to /graphql."""

    name: str
    graphql: str


CASES = (
    Case(
        "body",
        """{ body(id: "wirral/lscb") { id name kind independent aliases
              chairs { role { name } person { name } clause { number } }
              members { capacity member { id name } clause { number } }
              reportsTo { what frequency body { name } clause { number text } }
              reportedToBy { what frequency body { name } clause { number text } }
              challenges { what body { name } clause { number text } }
              subgroups { body { name } clause { number } }
              dutiesOwed { kind text towards { name } clause { number } }
              declarations { kind quote clause { number } } } }""",
    ),
    Case(
        "bodies(area)",
        """{ bodies(area: "wirral") { totalCount
              nodes { id name kind members { capacity member { id name } role { name } clause { number } } }
              pageInfo { hasNextPage endCursor } } }""",
    ),
    Case(
        "bodies page 3",
        f"""{{ bodies(first: 20, after: "{encode(39)}") {{ totalCount
              nodes {{ id name kind members {{ capacity member {{ id name }} }} }}
              pageInfo {{ hasNextPage endCursor }} }} }}""",
    ),
    Case(
        "duties(text)",
        """{ duties(text: "annual report") { totalCount
              nodes { id text kind owner { name } towards { name } clause { number text } }
              pageInfo { hasNextPage endCursor } } }""",
    ),
    Case(
        "search",
        """{ search(text: "lead member") { totalCount
              nodes { kind id score label party { name } }
              pageInfo { hasNextPage endCursor } } }""",
    ),
    Case(
        "accountabilityPaths",
        """{ accountabilityPaths(from: "wirral/lead-member", to: "wirral/lsp", maxHops: 4) { totalCount
              nodes { length steps { type quote from { id name } to { id name } clause { number } } } } }""",
    ),
    Case("areas(first: 100)", "{ areas(first: 100) { nodes { id name } } }"),
    Case(
        "duties(owner, towards)",
        """{ duties(owner: "wirral/lscb", towards: "wirral/wct") { totalCount
              nodes { id kind text clause { number text } } } }""",
    ),
    Case(
        "deep nested",
        """{ body(id: "wirral/lscb") { name reportsTo { body { name members { member { name }
              role { name postOf { name reportsTo { body { name } clause { number } } } } } } } } }""",
    ),
    Case(
        "sharedMembers",
        """{ sharedMembers(a: "wirral/wct", b: "wirral/lscb") { totalCount
              nodes { member { id name } inA { capacity clause { number } }
                      inB { capacity clause { number } } } } }""",
    ),
)


@dataclass(frozen=True)
class Statement:
    """A named statement and the parameters the API sent it with."""

    name: str
    params: dict[str, Any]
    text: str | None = None  # a compiled statement's text (named statements are read from cypher/)


@dataclass
class Recorded:
    """What one in-process GraphQL execution sent to Neo4j, and how long those reads took."""

    statements: list[Statement] = field(default_factory=list)
    read_seconds: float = 0.0
    nodes: int = 0
    edges: int = 0


class RecordingStore(Store):
    """The API's own store, noting each statement, its parameters and its time.

    Recording from the real resolvers (rather than writing the parameters out by hand) is what makes the
    raw side send exactly what the API sends, including the Lucene query it builds from the user's words.
    """

    def __init__(self, target: Target, timeout: float) -> None:
        super().__init__(target, timeout)
        self.current = Recorded()

    async def read(self, name: str, log: StatementLog | None = None, **params: Any) -> list[dict[str, Any]]:
        start = time.perf_counter()
        rows = await super().read(name, log, **params)
        self.current.read_seconds += time.perf_counter() - start
        self.current.statements.append(Statement(name, dict(params)))
        if rows:
            self.current.nodes += len(rows[0].get("nodes", []))
            self.current.edges += len(rows[0].get("edges", []))
        return rows

    async def one(
        self, text: str, params: dict[str, Any], log: StatementLog, name: str
    ) -> dict[str, Any] | None:
        start = time.perf_counter()
        row = await super().one(text, params, log, name)
        self.current.read_seconds += time.perf_counter() - start
        self.current.statements.append(Statement(name, dict(params), text))
        return row


@dataclass(frozen=True)
class Run:
    """One timed batch of requests at one concurrency: latencies, wall time and CPU seconds by process."""

    latencies: list[float]
    seconds: float
    cpu: dict[str, float | None]
    server: list[float] = field(default_factory=list)  # Neo4j's own time per request, raw side only

    def percentile(self, q: float) -> float:
        """Nearest rank, so p99 of 200 samples is an observed latency, not an interpolation."""
        ordered = sorted(self.latencies)
        return ordered[max(0, math.ceil(q * len(ordered)) - 1)]

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds

    def cpu_ms(self, process: str) -> float | None:
        """CPU milliseconds per request spent by one process, when /proc could tell."""
        used = self.cpu.get(process)
        return None if used is None else 1000 * used / len(self.latencies)


@dataclass(frozen=True)
class Row:
    case: str
    clients: int
    api: Run
    raw: Run
    rounds: list[float] = field(default_factory=list)  # with --rounds: each round's API/raw p50 ratio


def merged(runs: list[Run]) -> Run:
    """One side's rounds as one run: every latency, the summed wall and CPU seconds."""
    cpu: dict[str, float | None] = {}
    for name in runs[0].cpu:
        spent = [r.cpu[name] for r in runs]
        cpu[name] = None if None in spent else sum(s for s in spent if s is not None)
    return Run(
        [x for r in runs for x in r.latencies],
        sum(r.seconds for r in runs),
        cpu,
        [x for r in runs for x in r.server],
    )


@dataclass(frozen=True)
class Breakdown:
    """One query executed in-process (no HTTP), sequentially: the database's share and the rest."""

    case: str
    statements: list[str]
    results: int
    nodes: int
    edges: int
    response_kb: float
    samples: int
    read_p50: float
    execute_p50: float


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=positive, default=200, help="per query and concurrency (200)")
    parser.add_argument("--clients", type=client_counts, default=[1, 16], help="concurrency levels (1,16)")
    parser.add_argument(
        "--warmup", type=int, default=20, help="untimed requests per query and side first (20)"
    )
    parser.add_argument("--breakdown", type=positive, default=50, help="in-process executions per query")
    parser.add_argument(
        "--max-seconds", type=float, default=3.0, help="no request starts after this long in a run (3)"
    )
    parser.add_argument("--areas", type=int, default=50, help="synthetic areas loaded besides the bundled")
    parser.add_argument(
        "--warm-seconds",
        type=float,
        default=30.0,
        help="before any timing, every chosen question's API and raw calls in turn for this long, so that "
        "Neo4j's JIT has compiled them (a fresh server spends 5x the CPU per statement at first) (30)",
    )
    parser.add_argument(
        "--rounds",
        type=positive,
        default=1,
        help="block mode: alternate this many blocks of each side per cell, sharing --requests and "
        "--max-seconds, and print the median of the rounds' p50 ratios (1)",
    )
    parser.add_argument(
        "--loaded", action="store_true", help="the database already holds the bundled + --areas areas"
    )
    parser.add_argument(
        "--http-client",
        choices=sorted(HTTP_CLIENTS),
        default="keep-alive",
        help="the API side's client: plain asyncio keep-alive connections (default) or httpx (as before)",
    )
    parser.add_argument(
        "--client-loop",
        choices=("asyncio", "uvloop"),
        default="asyncio",
        help="this process's event loop, for the HTTP clients and the raw side alike (asyncio); the served "
        "app runs on uvloop, as uvicorn picks it",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic protocols")
    parser.add_argument(
        "--case", action="append", choices=[c.name for c in CASES], help="only these questions (repeatable)"
    )
    parser.add_argument("--home", type=Path, default=OUT / "api-home", help="the benchmark server's home")
    parser.add_argument(WIPE_FLAG, dest="wipe_ok", action="store_true", help="allow GOVGRAPH_NEO4J_URI")
    parser.add_argument(
        "--workers", type=positive, default=1, help="uvicorn worker processes of the API server (1)"
    )
    parser.add_argument(
        "--paired",
        action="store_true",
        help="interleave the sides request by request (pairs, order alternating) instead of in blocks",
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        help="with --paired: also serve the API of this checkout (its .venv) as a third side, 'old'",
    )
    parser.add_argument("--serve", type=int, metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.baseline is not None and not args.paired:
        parser.error("--baseline needs --paired")
    if args.baseline is not None and not (args.baseline / ".venv" / "bin" / "python").exists():
        parser.error(f"--baseline {args.baseline}: no .venv/bin/python there (run make lint in it)")
    return args


def client_counts(text: str) -> list[int]:
    return [positive(part) for part in text.split(",")]


# -- the data ---------------------------------------------------------------------------------------------


def load_graph(driver: Driver, database: str, areas: int, seed: int) -> None:
    """A known graph: the bundled protocols, plus synthetic areas so lists and searches have pages."""
    wipe(driver, database)
    apply_schema(driver, database)
    load_documents(driver, database, read_documents(sorted(BUNDLED.glob("*.yaml"))), force=True)
    start = time.perf_counter()
    load_project(driver, database, [area.batch() for area in synthetic_areas(areas, seed)])
    say(f"Loaded the bundled protocols and {areas} synthetic areas ({time.perf_counter() - start:.1f}s)")


# -- the API server, in its own process -------------------------------------------------------------------


def serve(port: int, workers: int = 1) -> None:
    """The child process: the app as ``govgraph serve`` runs it (uvicorn, log level warning), on loopback.

    The target comes from the environment, which the parent set (GOVGRAPH_HOME, or the external URI).
    With ``workers`` > 1 uvicorn forks that many processes sharing the socket, each its own app.
    """
    import uvicorn

    if os.environ.get(DRIVER_LOG):
        trace_driver(Path(os.environ[DRIVER_LOG]))
    if workers > 1:
        uvicorn.run(
            "bench.api_bench:served_app",
            factory=True,
            workers=workers,
            host=HOST,
            port=port,
            log_level="warning",
            access_log=False,
            proxy_headers=False,
        )
        return
    uvicorn.run(
        served_app(), host=HOST, port=port, log_level="warning", access_log=False, proxy_headers=False
    )


DRIVER_LOG = "GOVGRAPH_BENCH_DRIVER_LOG"  # a file: the served app's driver logs every Bolt message there


def trace_driver(path: Path) -> None:
    """The neo4j driver's debug log (each Bolt message, with its connection) to ``path``, wall-clock
    stamped, to see where a slow request waits (faults_bench's restart)."""
    import logging

    handler = logging.FileHandler(path)
    stamp = logging.Formatter("%(asctime)s.%(msecs)03d %(message)s", "%H:%M:%S")
    stamp.converter = time.gmtime  # UTC, as faults_bench prints
    handler.setFormatter(stamp)
    driver_log = logging.getLogger("neo4j")
    driver_log.addHandler(handler)
    driver_log.setLevel(logging.DEBUG)


def served_app() -> Any:
    """The app for the environment's target: a factory, so that each uvicorn worker builds its own."""
    from govgraph.api.app import create_app

    settings = Settings()
    return create_app(
        resolve_target(settings),
        settings.tx_timeout,
        cold_timeout=settings.api_cold_timeout,
        acquisition_timeout=settings.api_acquisition_timeout,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Served:
    """A server in a subprocess of its own (so its CPU is not the clients'), polled until it answers.

    Shared by this benchmark's API server and bench.peer.compare's peer: the same start, readiness poll
    (generous: a busy 2-core machine plans the first statements slowly) and stop for both sides."""

    what = "server"

    def __init__(self, command: list[str], cwd: Path) -> None:
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.proc = subprocess.Popen([*command, str(self.port), *self.arguments()], cwd=cwd)

    def arguments(self) -> list[str]:
        return []

    def ready(self) -> bool:
        raise NotImplementedError

    def wait_ready(self) -> None:
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the {self.what} exited with code {self.proc.returncode}")
            try:
                if self.ready():
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"the {self.what} was not ready within {READY_TIMEOUT:.0f}s")

    def stop(self) -> None:
        """SIGTERM lets the server finish (uvicorn's lifespan closes the driver); kill only if it hangs."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class ApiServer(Served):
    """The app as ``govgraph serve`` runs it, in a subprocess."""

    what = "API server"

    def __init__(self, workers: int = 1, checkout: Path | None = None) -> None:
        """``checkout``: serve that checkout's app with its own interpreter (``--baseline``)."""
        self.workers = workers
        python = str(checkout / ".venv" / "bin" / "python") if checkout else sys.executable
        cwd = checkout or Path(__file__).resolve().parents[1]
        super().__init__([python, "-m", "bench.api_bench", "--serve"], cwd)

    def arguments(self) -> list[str]:
        return ["--workers", str(self.workers)]

    def ready(self) -> bool:
        """/readyz answers only once the app is up and Neo4j holds the schema (it plans the warm-up)."""
        return httpx.get(f"{self.url}/readyz", timeout=READY_TIMEOUT).status_code == 200


# -- measuring --------------------------------------------------------------------------------------------


def cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU of a process from /proc (Linux); None where that cannot be read."""
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def drive(
    call: Callable[[], Awaitable[None]],
    requests: int,
    clients: int,
    max_seconds: float,
    pids: dict[str, int | None] | None = None,
) -> Run:
    """``clients`` concurrent loops share ``requests`` calls; each call's latency is its own wall time.

    No call starts after ``max_seconds``, so a slow query on a small machine ends with fewer samples
    rather than making the whole benchmark take an hour; the tables say how many were taken.
    """
    latencies: list[float] = []
    remaining = requests
    pids = pids or {}

    async def client() -> None:
        nonlocal remaining
        while remaining > 0 and time.perf_counter() < deadline:
            remaining -= 1
            began = time.perf_counter()
            await call()
            latencies.append(time.perf_counter() - began)

    before = {name: cpu_seconds(pid) for name, pid in pids.items()}
    start = time.perf_counter()
    deadline = start + max_seconds
    await asyncio.gather(*(client() for _ in range(clients)))
    seconds = time.perf_counter() - start
    after = {name: cpu_seconds(pid) for name, pid in pids.items()}
    cpu = {name: delta(before[name], after[name]) for name in pids}
    return Run(latencies, seconds, cpu)


def delta(before: float | None, after: float | None) -> float | None:
    return None if before is None or after is None else after - before


class KeepAlive:
    """The cheapest correct HTTP/1.1 client for this comparison: one keep-alive loopback connection per
    concurrent client (asyncio streams, a prepared request, the body read by its Content-Length).

    The ratio is meant to price the API against the raw driver, not httpx against the driver: httpx cost
    the clients 3.45 ms CPU per request against the raw driver's 1.5 ms, on the same cores as both
    servers, so every request also waited for it. uvicorn answers every /graphql request with a
    Content-Length; anything else (chunked, a closed connection) is a failure here, never a guess."""

    def __init__(self, url: str, connections: int) -> None:
        parts = httpx.URL(url)
        self.host, self.port, self.path = parts.host, parts.port or 80, parts.raw_path.decode()
        self.size = connections
        self.idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []

    async def open(self) -> None:
        while len(self.idle) < self.size:
            self.idle.append(await asyncio.open_connection(self.host, self.port))

    async def close(self) -> None:
        for _, writer in self.idle:
            writer.close()
        self.idle.clear()

    def prepare(self, body: bytes) -> bytes:
        head = (
            f"POST {self.path} HTTP/1.1\r\nhost: {self.host}:{self.port}\r\n"
            f"content-type: application/json\r\ncontent-length: {len(body)}\r\n\r\n"
        )
        return head.encode("latin-1") + body

    async def post(self, request: bytes) -> tuple[int, bytes]:
        """Send a prepared request on an idle connection; the status and the body of the answer.

        uvicorn closes a connection idle for 5 s (between cases here); a reused connection that ends
        before the answer began is reopened and the request sent again, as urllib3 does."""
        if self.idle:
            reader, writer = self.idle.pop()
            try:
                return await self._exchange(reader, writer, request)
            except (asyncio.IncompleteReadError, ConnectionError) as exc:
                if getattr(exc, "partial", b""):
                    raise
                writer.close()
        reader, writer = await asyncio.open_connection(self.host, self.port)
        return await self._exchange(reader, writer, request)

    async def _exchange(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes
    ) -> tuple[int, bytes]:
        writer.write(request)
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        status = int(lines[0].split(b" ", 2)[1])
        length = next((int(line[15:]) for line in lines[1:] if line[:15].lower() == b"content-length:"), None)
        if length is None:
            writer.close()
            raise RuntimeError(f"the API answered without a Content-Length: {head[:200]!r}")
        body = await reader.readexactly(length)
        self.idle.append((reader, writer))
        return status, body


class HttpxClient:
    """httpx's pooled async client behind the same two calls (``--http-client httpx``: the figures of
    earlier sessions were taken with it)."""

    def __init__(self, url: str, connections: int) -> None:
        limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
        self.url, self.client = url, httpx.AsyncClient(limits=limits, timeout=READY_TIMEOUT)
        self.size = connections

    async def open(self) -> None:
        """httpx opens its connections as requests need them."""

    async def close(self) -> None:
        await self.client.aclose()

    def prepare(self, body: bytes) -> bytes:
        return body

    async def post(self, request: bytes) -> tuple[int, bytes]:
        response = await self.client.post(self.url, content=request, headers=JSON_HEADERS)
        return response.status_code, response.content


JSON_HEADERS = {"content-type": "application/json"}
HTTP_CLIENTS = {"keep-alive": KeepAlive, "httpx": HttpxClient}


def api_call(client: KeepAlive | HttpxClient, case: Case) -> Callable[[], Awaitable[None]]:
    """POST the query; the request is encoded once, as a client library would reuse a prepared request."""
    request = client.prepare(json.dumps({"query": case.graphql}).encode())

    async def call() -> None:
        status, body = await client.post(request)
        if status != 200 or b'"errors"' in body:
            raise RuntimeError(f"{case.name}: {status} {body[:300].decode(errors='replace')}")

    return call


async def _rows(tx: AsyncManagedTransaction | AsyncSession, text: Any, params: dict[str, Any]) -> float:
    """Like ``api.store._fetch`` (rows into dicts), but returns the time Neo4j says it spent: the summary
    arrives with the last record, so asking for it costs no extra round trip."""
    result = await tx.run(text, params)
    async for record in result:
        dict(record.items())
    summary = await result.consume()
    return ((summary.result_available_after or 0) + (summary.result_consumed_after or 0)) / 1000


class RawSide:
    """The API's statements as its store sends them: a fresh read session each; a compiled statement as a
    timed auto-commit read (``Store.one``), a named one in a timed read transaction (``Store.read``); rows
    turned into dicts. What is left out is exactly the API: HTTP, GraphQL, compiling and shaping."""

    def __init__(
        self, driver: AsyncDriver, database: str, timeout: float, statements: list[Statement]
    ) -> None:
        self.driver, self.database = driver, database
        self.timeout = timeout
        self.work = unit_of_work(timeout=timeout)(_rows)
        self.prepared = [(s.text or cypher(s.name), s.params, s.text is not None) for s in statements]
        self.server: list[float] = []

    async def __call__(self) -> None:
        spent = 0.0
        for text, params, compiled in self.prepared:
            async with self.driver.session(
                database=self.database, default_access_mode=READ_ACCESS
            ) as session:
                if compiled:
                    spent += await _rows(session, Query(text, timeout=self.timeout), params)
                else:
                    spent += await session.execute_read(self.work, text, params)
        self.server.append(spent)

    async def run(self, requests: int, clients: int, max_seconds: float, pids: dict[str, int | None]) -> Run:
        self.server.clear()
        run = await drive(self, requests, clients, max_seconds, pids)
        return replace(run, server=list(self.server))


async def open_pools(
    client: KeepAlive | HttpxClient, url: str, driver: AsyncDriver, database: str, n: int
) -> None:
    """Open ``n`` connections in each pool (ours to the app, the app's to Neo4j, ours to Neo4j) before any
    timing, so the first high-concurrency run does not pay for connecting and logging in."""
    check = cypher("db/components")

    async def raw() -> None:
        async with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
            await session.execute_read(lambda tx: _rows(tx, check, {}))

    async with httpx.AsyncClient(timeout=READY_TIMEOUT) as ready:  # /readyz reads Neo4j in the app
        for _ in range(2):
            await asyncio.gather(*(ready.get(f"{url}/readyz") for _ in range(n)), *(raw() for _ in range(n)))
    await client.open()


graphql_schema = schema
documents = Documents(graphql_schema)


async def in_process(
    store: RecordingStore, case: Case, args: argparse.Namespace
) -> tuple[Breakdown, list[Statement]]:
    """Execute the query through the schema with no HTTP, to record its statements and to split its time
    into the database reads and everything GraphQL does around them (snapshot, resolvers, serialising).

    Run right before the same query's HTTP runs, after warming up, so that the two are comparable."""
    reads: list[float] = []
    executes: list[float] = []
    recorded: list[Recorded] = []
    data: dict[str, Any] = {}
    for timed, limit in ((False, args.warmup), (True, args.breakdown)):
        deadline = time.perf_counter() + (args.max_seconds if timed else WARMUP_SECONDS)
        for _ in range(max(limit, 1)):
            store.current = Recorded()
            start = time.perf_counter()
            result = await execute_answer(graphql_schema, documents, Context(store), case.graphql, None, None)
            json.dumps({"data": result.data})
            seconds = time.perf_counter() - start
            if result.errors:
                raise RuntimeError(f"{case.name}: {result.errors[0]['message']}")
            recorded.append(store.current)
            data = result.data or {}
            if timed:
                executes.append(seconds)
                reads.append(store.current.read_seconds)
            if time.perf_counter() > deadline:
                break
    first = recorded[0]
    answer = next(iter(data.values()), None)
    breakdown = Breakdown(
        case.name,
        [s.name for s in first.statements],
        answer.get("totalCount", 1) if isinstance(answer, dict) else 0,
        first.nodes,
        first.edges,
        len(json.dumps({"data": data})) / 1024,
        len(executes),
        statistics.median(reads),
        statistics.median(executes),
    )
    return breakdown, first.statements


async def benchmark(
    target: Target, settings: Settings, args: argparse.Namespace, neo4j_pid: int | None
) -> tuple[list[Row], list[Breakdown]]:
    """Per query: record and split it in-process, then each concurrency level over HTTP and raw, in turn."""
    database, timeout = target.database, settings.tx_timeout
    store = RecordingStore(target, timeout)
    driver = AsyncGraphDatabase.driver(
        target.uri, auth=(target.user, target.password), notifications_min_severity="OFF"
    )
    server = ApiServer(args.workers)
    rows: list[Row] = []
    breakdowns: list[Breakdown] = []
    try:
        server.wait_ready()
        say(f"API server (pid {server.proc.pid}) ready at {server.url}")
        client = HTTP_CLIENTS[args.http_client](f"{server.url}/graphql", max(args.clients))
        try:
            # uvicorn's workers are children it may restart, so their CPU is not summed: n/a with --workers
            app_pid = server.proc.pid if args.workers == 1 else None
            api_pids = {"clients": os.getpid(), "api": app_pid, "neo4j": neo4j_pid}
            raw_pids = {"clients": os.getpid(), "neo4j": neo4j_pid}
            await open_pools(client, server.url, driver, database, max(args.clients))
            await warm_all(store, [client], driver, database, timeout, args)
            for case in [c for c in CASES if not args.case or c.name in args.case]:
                say(f"{case.name}: in-process, then {args.clients} client(s) over HTTP and raw ...")
                breakdown, statements = await in_process(store, case, args)
                breakdowns.append(breakdown)
                api = api_call(client, case)
                raw = RawSide(driver, database, timeout, statements)
                await drive(api, args.warmup, 1, WARMUP_SECONDS)
                await drive(raw, args.warmup, 1, WARMUP_SECONDS)
                for clients in args.clients:
                    rows.append(await rounds(api, raw, clients, args, api_pids, raw_pids, case.name))
        finally:
            await client.close()
    finally:
        await store.close()
        await driver.close()
        server.stop()
    return rows, breakdowns


async def warm_all(
    store: RecordingStore,
    clients: list[KeepAlive | HttpxClient],
    driver: AsyncDriver,
    database: str,
    timeout: float,
    args: argparse.Namespace,
) -> None:
    """Every chosen question through each served API and raw, one at a time, for ``--warm-seconds`` in
    all: right after Neo4j starts, its JIT has compiled none of the statements, and the first questions
    would be timed on an interpreter (16-19 ms of Neo4j CPU per ``body`` request against ~3 warm)."""
    cases = [c for c in CASES if not args.case or c.name in args.case]
    if args.warm_seconds <= 0 or not cases:
        return
    say(f"Warming Neo4j on every question for {args.warm_seconds:g}s ...")
    share = args.warm_seconds / (len(cases) * (len(clients) + 1))
    recording = argparse.Namespace(warmup=1, breakdown=1, max_seconds=share)
    for case in cases:
        _, statements = await in_process(store, case, recording)
        for call in [
            *(api_call(client, case) for client in clients),
            RawSide(driver, database, timeout, statements),
        ]:
            await drive(call, 10**9, 1, share)


async def rounds(
    api: Callable[[], Awaitable[None]],
    raw: RawSide,
    clients: int,
    args: argparse.Namespace,
    api_pids: dict[str, int | None],
    raw_pids: dict[str, int | None],
    case: str,
) -> Row:
    """One cell: ``--rounds`` blocks of each side, one side at a time, the order alternating per round, so
    that drift in the machine's load falls on both sides alike while the two never contend for the
    cores (as paired mode's sides do at 16 clients, where an API answer also waits in this process's loop
    behind raw requests' decoding). Each block has its share of the requests and of ``--max-seconds``."""
    count, seconds = max(1, args.requests // args.rounds), args.max_seconds / args.rounds
    api_runs, raw_runs, ratios = [], [], []
    for n in range(args.rounds):
        if n % 2:
            raw_run = await raw.run(count, clients, seconds, raw_pids)
            api_run = await drive(api, count, clients, seconds, api_pids)
        else:
            api_run = await drive(api, count, clients, seconds, api_pids)
            raw_run = await raw.run(count, clients, seconds, raw_pids)
        api_runs.append(api_run)
        raw_runs.append(raw_run)
        ratios.append(api_run.percentile(0.5) / raw_run.percentile(0.5))
    return Row(case, clients, merged(api_runs), merged(raw_runs), ratios if args.rounds > 1 else [])


# -- paired mode ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PairedRow:
    """One question at one concurrency, interleaved: per side its latencies, index-aligned by tuple (the
    i-th API and the i-th raw request ran back to back), and each served app's CPU per request."""

    case: str
    clients: int
    latencies: dict[str, list[float]]
    app_cpu: dict[str, float | None]  # ms per request, served sides only
    client_cpu: dict[str, float | None]  # ms per request of this process, at one client only

    def p(self, side: str, q: float) -> float:
        ordered = sorted(self.latencies[side])
        return ordered[max(0, math.ceil(q * len(ordered)) - 1)]

    def ratios(self, side: str, against: str) -> list[float]:
        return [a / b for a, b in zip(self.latencies[side], self.latencies[against], strict=True)]


async def drive_paired(
    sides: dict[str, Callable[[], Awaitable[None]]],
    tuples: int,
    clients: int,
    max_seconds: float,
    app_pids: dict[str, int | None],
) -> tuple[dict[str, list[float]], dict[str, float | None], dict[str, float | None]]:
    """``clients`` loops share ``tuples`` tuples; a tuple sends one request of each side back to back, the
    order cycling through every permutation from one tuple to the next (two sides: alternating).

    With one client the CPU this process spends in each call is that side's client CPU (nothing else is
    in flight); with more it is shared between calls and not reported."""
    names = list(sides)
    orders = list(itertools.permutations(names))
    latencies: dict[str, list[float]] = {name: [] for name in names}
    spent = dict.fromkeys(names, 0.0)
    taken = 0

    async def client() -> None:
        nonlocal taken
        while taken < tuples and time.perf_counter() < deadline:
            order, taken = orders[taken % len(orders)], taken + 1
            times = {}
            for name in order:
                cpu, began = time.process_time(), time.perf_counter()
                await sides[name]()
                times[name] = time.perf_counter() - began
                spent[name] += time.process_time() - cpu
            for name in names:
                latencies[name].append(times[name])

    before = {name: cpu_seconds(pid) for name, pid in app_pids.items()}
    deadline = time.perf_counter() + max_seconds
    await asyncio.gather(*(client() for _ in range(clients)))
    done = len(latencies[names[0]])
    used = {name: delta(before[name], cpu_seconds(pid)) for name, pid in app_pids.items()}
    app_cpu = {name: None if u is None else 1000 * u / done for name, u in used.items()}
    client_cpu = {name: 1000 * spent[name] / done if clients == 1 else None for name in names}
    return latencies, app_cpu, client_cpu


async def paired_benchmark(target: Target, settings: Settings, args: argparse.Namespace) -> list[PairedRow]:
    """Per question: record its statements in-process, warm every side, then at each concurrency one
    interleaved run of API (and ``old``, with --baseline) and raw requests."""
    database, timeout = target.database, settings.tx_timeout
    store = RecordingStore(target, timeout)
    driver = AsyncGraphDatabase.driver(
        target.uri, auth=(target.user, target.password), notifications_min_severity="OFF"
    )
    servers = {"API": ApiServer(args.workers)}
    if args.baseline is not None:
        servers["old"] = ApiServer(args.workers, args.baseline)
    clients: dict[str, KeepAlive | HttpxClient] = {}
    rows: list[PairedRow] = []
    try:
        for name, server in servers.items():
            server.wait_ready()
            say(f"{name} server (pid {server.proc.pid}, {server.proc.args[0]}) ready at {server.url}")
            clients[name] = HTTP_CLIENTS[args.http_client](f"{server.url}/graphql", max(args.clients))
            await open_pools(clients[name], server.url, driver, database, max(args.clients))
        await warm_all(store, list(clients.values()), driver, database, timeout, args)
        pids = {name: server.proc.pid if args.workers == 1 else None for name, server in servers.items()}
        for case in [c for c in CASES if not args.case or c.name in args.case]:
            say(f"{case.name}: in-process, then {args.clients} client(s), paired")
            _, statements = await in_process(store, case, args)
            sides = {name: api_call(client, case) for name, client in clients.items()}
            sides["raw"] = RawSide(driver, database, timeout, statements)
            for call in sides.values():
                await drive(call, args.warmup, 1, WARMUP_SECONDS)
            for n in args.clients:
                latencies, app_cpu, client_cpu = await drive_paired(
                    sides, args.requests, n, args.max_seconds, pids
                )
                rows.append(PairedRow(case.name, n, latencies, app_cpu, client_cpu))
    finally:
        for client in clients.values():
            await client.close()
        await store.close()
        await driver.close()
        for server in servers.values():
            server.stop()
    return rows


def quartiles(values: list[float]) -> tuple[float, float, float]:
    q1, q2, q3 = statistics.quantiles(values, n=4) if len(values) > 1 else (values * 3)
    return q1, q2, q3


def paired_table(rows: list[PairedRow]) -> str:
    """Per question and concurrency: each side's p50/p99, the ratio of p50s, the per-pair ratio's median
    and interquartile range; with a baseline, old's too and new against old, pair by pair."""
    old = any("old" in r.latencies for r in rows)
    head = ("query", "clients", "API p50", "API p99", "raw p50", "raw p99", "p50 ratio", "pair ratio (IQR)")
    if old:
        head += ("old p50", "old ratio", "old pair (IQR)", "API/old pair")
    head += ("app CPU", "client CPU API/old/raw" if old else "client CPU API/raw", "n")
    if old:
        head += ("old app CPU",)
    lines = []
    for r in rows:
        cells = [r.case, str(r.clients), *(ms(r.p(s, q)) for s in ("API", "raw") for q in (0.5, 0.99))]
        cells += [f"{r.p('API', 0.5) / r.p('raw', 0.5):.2f}x", _iqr(r.ratios("API", "raw"))]
        if old:
            cells += [ms(r.p("old", 0.5)), f"{r.p('old', 0.5) / r.p('raw', 0.5):.2f}x"]
            cells += [_iqr(r.ratios("old", "raw")), _iqr(r.ratios("API", "old"))]
        sides = [r.client_cpu[s] for s in r.latencies]
        cpu = "n/a" if None in sides else "/".join(f"{c:.2f}" for c in sides)
        cells += [cell(r.app_cpu["API"]), cpu, str(len(r.latencies["API"]))]
        if old:
            cells.append(cell(r.app_cpu["old"]))
        lines.append(tuple(cells))
    return render(head, lines)


def _iqr(ratios: list[float]) -> str:
    q1, q2, q3 = quartiles(ratios)
    return f"{q2:.2f} ({q1:.2f}-{q3:.2f})"


PAIRED_NOTE = (
    "Paired: each tuple sends one request of each side back to back, the order alternating (with a "
    "baseline, cycling through every order). p50 ratio = API p50 / raw p50; pair ratio = the median of "
    "API/raw over the tuples, with its interquartile range; old = the --baseline checkout's API in the "
    "same tuples, API/old pair = new against old pair by pair. app CPU = the served app's CPU ms per "
    "request; client CPU = this process's CPU ms per call of each side (one client only)."
)


# -- printing ---------------------------------------------------------------------------------------------


def ms(seconds: float) -> str:
    return f"{1000 * seconds:.2f}"


def cell(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def render(head: tuple[str, ...], lines: list[tuple[str, ...]], first: int = 22) -> str:
    """Left-aligned first column, right-aligned numbers: the layout of ``bench.load_bench``'s table."""
    widths = [max(len(h), *(len(line[i]) for line in lines)) + 2 for i, h in enumerate(head)]
    widths[0] = max(widths[0], first)

    def one(cells: tuple[str, ...]) -> str:
        rest = zip(cells[1:], widths[1:], strict=True)
        return f"{cells[0]:<{widths[0]}}" + "".join(f"{c:>{w}}" for c, w in rest)

    return "\n".join(one(cells) for cells in [head, *lines])


def latency_table(rows: list[Row]) -> str:
    head = ("query", "clients", "API p50", "API p99", "API req/s", "raw p50", "raw p99", "raw req/s", "ratio")
    head += ("n API/raw",)
    if any(r.rounds for r in rows):
        head += ("rounds' ratio median (min-max)",)
    lines = [
        (
            r.case,
            str(r.clients),
            ms(r.api.percentile(0.5)),
            ms(r.api.percentile(0.99)),
            f"{r.api.rate:.0f}",
            ms(r.raw.percentile(0.5)),
            ms(r.raw.percentile(0.99)),
            f"{r.raw.rate:.0f}",
            f"{r.api.percentile(0.5) / r.raw.percentile(0.5):.2f}x",
            f"{len(r.api.latencies)}/{len(r.raw.latencies)}",
            *([_spread(r.rounds)] if r.rounds else []),
        )
        for r in rows
    ]
    return render(head, lines)


def _spread(ratios: list[float]) -> str:
    return f"{statistics.median(ratios):.2f} ({min(ratios):.2f}-{max(ratios):.2f})"


def breakdown_table(rows: list[Row], breakdowns: list[Breakdown]) -> str:
    """Per query, sequential p50s: raw driver, the API's reads in-process, its execution, over HTTP."""
    sequential = {r.case: r for r in rows if r.clients == min(x.clients for x in rows)}
    head = (
        "query",
        "results",
        "nodes",
        "edges",
        "resp KB",
        "neo4j",
        "raw",
        "db read",
        "+graphql",
        "+http",
        "API",
        "n",
    )
    lines = []
    for b in breakdowns:
        row = sequential[b.case]
        http = row.api.percentile(0.5)
        lines.append(
            (
                b.case,
                str(b.results),
                str(b.nodes),
                str(b.edges),
                f"{b.response_kb:.1f}",
                ms(statistics.median(row.raw.server)),
                ms(row.raw.percentile(0.5)),
                ms(b.read_p50),
                ms(b.execute_p50 - b.read_p50),
                ms(http - b.execute_p50),
                ms(http),
                str(b.samples),
            )
        )
    return render(head, lines)


def cpu_table(rows: list[Row]) -> str:
    """CPU ms per request: on a machine with few cores, the total bounds the requests per second."""
    head = ("query", "clients", "API:clients", "API:app", "API:neo4j", "API:total")
    head += ("raw:clients", "raw:neo4j", "raw:total")
    lines = []
    for r in rows:
        api = [r.api.cpu_ms(p) for p in ("clients", "api", "neo4j")]
        raw = [r.raw.cpu_ms(p) for p in ("clients", "neo4j")]
        cells = [*api, total(api), *raw, total(raw)]
        lines.append((r.case, str(r.clients), *map(cell, cells)))
    return render(head, lines)


def total(values: list[float | None]) -> float | None:
    return None if any(v is None for v in values) else sum(v for v in values if v is not None)


def machine() -> str:
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    return f"{os.cpu_count()} cores ({platform.machine()}, {platform.system()}), load average {load}"


def client_loop(name: str) -> Callable[[Any], Any]:
    """How to run the clients: stdlib asyncio (as every earlier figure was taken) or uvloop, the app's own
    loop. The raw side's driver spends less CPU per statement on uvloop, so with ``uvloop`` the raw side is
    the faster one a Python service could have, and the ratio prices the API against that."""
    if name == "uvloop":
        import uvloop

        return uvloop.run
    return asyncio.run


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.serve is not None:
        serve(args.serve, args.workers)
        return 0
    settings = bench_settings(args)
    if settings is None:
        return REFUSED
    try:
        with bench_server(settings) as target, connect(target) as driver:
            database = target.database
            if not args.loaded:
                load_graph(driver, database, args.areas, args.seed)
            neo4j_pid = None if settings.external else LocalServer(settings, progress=say).pid()
            print(f"machine: {machine()}")
            http = "httpx " + httpx.__version__ if args.http_client == "httpx" else "asyncio keep-alive"
            print(f"client: Python {sys.version.split()[0]}, HTTP client: {http}, loop: {args.client_loop}")
            print(f"server: {server_version(driver, database)} at {target.uri} (database {database})")
            print(
                f"data: the 2 bundled protocols + {args.areas} synthetic areas; up to {args.requests} "
                f"requests per query, side and concurrency (none started after {args.max_seconds:g}s), "
                f"after {args.warm_seconds:g}s warming every question and {args.warmup} untimed each\n"
            )
            if args.paired:
                paired = client_loop(args.client_loop)(paired_benchmark(target, settings, args))
            else:
                rows, breakdowns = client_loop(args.client_loop)(benchmark(target, settings, args, neo4j_pid))
    except (GraphError, RuntimeError) as exc:
        say(f"error: {exc}")
        return FAILED
    if args.paired:
        print(textwrap.fill(PAIRED_NOTE, 110))
        print(paired_table(paired))
        print(f"\nmachine at the end: {machine()}")
        return 0
    print("Latency (ms) and throughput: the API over HTTP against its own Cypher sent raw through the driver")
    print(latency_table(rows))
    print("\n" + textwrap.fill(BREAKDOWN_NOTE, 110))
    print(breakdown_table(rows, breakdowns))
    for b in breakdowns:
        print(f"  {b.case}: {', '.join(b.statements)}")
    print("\nCPU ms per request by process (clients = this benchmark's Python, app = the API server)")
    print(cpu_table(rows))
    print(f"\nmachine at the end: {machine()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
