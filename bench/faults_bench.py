"""Every fault case of issue 14, measured: the refusing process's wall and CPU seconds, peak RSS, exit code
and first line of its message; for write faults the time from the fault to govgraph's message; for the API
under a Neo4j restart the time to the first UNAVAILABLE, the latencies of the outage and the time from Neo4j
ready to the API answering again.

    .venv/bin/python -m bench.faults_bench [--only load,extract,api,write,restart,home,disk] [--repeat 20]

Every command runs as a user runs it: ``.venv/bin/govgraph ...`` in a process of its own, its resources read
by GNU ``/usr/bin/time`` (user + system CPU, peak RSS of that process alone). Wall time includes the
interpreter's start and imports (the floor: the good file's line). The API cases go to the app in a process
of its own (``govgraph serve``'s app), its CPU read from /proc before and after, its peak RSS from VmHWM.
Neo4j is this benchmark's own (``bench/out/faults-home``, wiped at the start so the first load meets a
fresh server); the full disk needs root (a tmpfs data directory), as do the read-only mounts.

Issue 14's cases, the test that covers each, and the line of this benchmark that measures it (the
clean-stop restart is tests/test_api_recovery.py too):

case (issue 14)                 test (tests/test_*.py)                            bench line
------------------------------  ------------------------------------------------  ----------
billion laughs                  hostile_input [billion-laughs]                    load billion-laughs
recursive alias                 hostile_input [recursive-alias]                   load recursive-alias
5,000 levels of nesting         hostile_input [nesting-5000] [nesting-block]      load nesting-5000
!foo                            hostile_input [tag-foo]                           load tag-foo
!!timestamp "2024-13-45"        hostile_input [tag-timestamp]                     load tag-timestamp
!!binary "@@@"                  hostile_input [tag-binary]                        load tag-binary
a FIFO named x.yaml             hostile_input [fifo]                              load fifo
source: a FIFO                  hostile_input [source-fifo]                       load source-fifo
source: /dev/zero               hostile_input [source-dev-zero]                   load source-dev-zero
source: ../../../../etc/passwd  hostile_input [source-passwd]                     load source-passwd
10 MB YAML (error at its end)   hostile_input [yaml-10mb]; 17 MB [huge-file]      load yaml-10mb, huge-file
10 MB heading, 10 MB note       hostile_input [heading-10mb] [note-10mb]          load heading-10mb, note-10mb
Excel CSV with a BOM            hostile_input ..._with_a_byte_order_mark_loads    load register-bom
NUL in a CSV name               integrity ..._name_that_makes_no_id [nul]         load register-nul
person named like a body        integrity ..._person_named_after_a_body           load register-like-body
`!!!` person                    integrity ..._makes_no_id [no-letters]            load register-no-letters
40,000 one-character lines      extract_limits (3 tests: finishes, CPU)           extract 40,000 one-char..
100 KB line                     extract_limits (both kinds, 3 tests each)         extract one 100 KB line..
1M lines                        extract_limits ..._refused.. [1,000,000 lines]    extract 1,000,000 lines
15 MB line                      extract_limits ..._refused.. [one 15 MB line]     extract one 15 MB line
3M-paragraph docx               extract_limits [.docx of 3,000,000 paragraphs]    extract .docx of 3,000,..
docx zip bomb (2 GB part)       extract_limits [.docx zip bomb] (300 MB)          extract .docx zip bomb
PDF flate bomb                  extract_limits [PDF flate bomb]                   extract PDF flate bomb
100k-page PDF                   extract_limits [PDF of 100,000 empty pages]       extract PDF of 100,000..
API: the body "x"               api_guard malformed_bodies ['"x"']                api string body
API: variables 20k deep         api_guard malformed_bodies                        api variables 20k deep
API: `[` x 30,000               api_guard malformed_bodies                        api [ x 30,000
API: wrong variable type        api_guard ..._variable_of_the_wrong_type..        api wrong variable type
API: cursor 10^24, 2^62         api_guard forged_cursor [10^24, 2^62, 10^9+1]     api cursor offset ..
Host: evil.example              api_guard rebound_host_name_gets_no_data          api Host: evil.example
Origin of another site          api_guard cross_site_origin_is_refused..          api Origin.., GET cross-site
two operations, no name         api_guard several_operations_need..               api two operations..
restart hangs                   faults_write ..killed_and_restarted_every_req..   restart (all its lines)
Neo4j SIGKILLed mid-load        faults_write neo4j_killed_mid_load..              write SIGKILL of Neo4j..
full disk                       faults_disk (root)                                disk full disk
transaction timeout             faults_write write_past_its_timeout..             write transaction timeout
4,000-clause first document     faults_write 4000_clause_first_document..         write 4,000-clause first..
read-only home                  faults_home (3 homes x start/stop/status)         home db start/stop/status..
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from govgraph.graph.connection import open_driver, resolve_target
from govgraph.graph.server import LocalServer, _port_free
from govgraph.graph.settings import Settings
from govgraph.loaders.load import read_documents
from govgraph.loaders.writer import SECONDS_PER_ROW
from neo4j import Driver

from bench import extract_hostile, hostile_inputs
from bench.api_bench import ApiServer, cpu_seconds, free_port
from bench.hostile_inputs import big_document
from bench.load_bench import OUT
from bench.synthetic import write_protocol_files

ROOT = Path(__file__).resolve().parents[1]
GOVGRAPH = str(Path(sys.executable).parent / "govgraph")
TIME = "/usr/bin/time"  # GNU time (Debian package time)
FIXTURES = ROOT / "tests" / "fixtures"
TESTSHIRE = FIXTURES / "testshire.yaml"
REGISTER = (FIXTURES / "testshire-register.csv").read_text()
SECTIONS = ("load", "extract", "api", "write", "restart", "home", "disk")
PATIENCE = 900.0  # for the bench's own waits (a load past a fault, a restart): generous, never a bound
AREAS = 80  # synthetic areas for the SIGKILL: more than one write transaction, so some commit first
BASE_TIMEOUT = 5  # GOVGRAPH_TX_TIMEOUT for the timeout case: long enough to see the load wait for the lock
PROGRESS = re.compile(r"\[[#. -]{8,}\]")  # a progress bar's line
QUERY = '{ body(id: "testshire/tsb") { name } }'


# -- one command, as a user runs it -----------------------------------------------------------------------


@dataclass
class Run:
    code: int
    wall: float
    cpu: float
    peak_mib: float
    lines: list[tuple[float, str]]  # (monotonic time it arrived, line) of stderr

    def _verdict(self) -> tuple[float, str]:
        """The first ``error:`` line, else the last line that is not a progress bar, and when it came."""
        said = [(at, text.strip()) for at, text in self.lines if text.strip() and not PROGRESS.search(text)]
        errors = [(at, text) for at, text in said if text.startswith("error:")]
        return (errors or said or [(float("nan"), "")])[0 if errors else -1]

    @property
    def message(self) -> str:
        return self._verdict()[1]

    def said_at(self) -> float:
        """When the verdict arrived (monotonic)."""
        return self._verdict()[0]


class Command:
    """``govgraph ARGS`` in a process of its own, under GNU time (``/usr/bin/time``), stderr read line by
    line as it comes, with the time.

    Why GNU time and not ``os.wait4``: Linux keeps a process's peak RSS across fork and exec, so a child
    forked from this benchmark (which holds the hostile files it built) would report the benchmark's peak
    as its own; forked from the small ``time`` process, it reports its own."""

    def __init__(self, args: list[str], env: dict[str, str], cwd: Path = ROOT) -> None:
        self.usage = Path(tempfile.mkstemp(prefix="faults-bench-", suffix=".time")[1])
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            [TIME, "-f", "%U %S %M", "-o", str(self.usage), GOVGRAPH, *args],
            env=env,
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.lines: list[tuple[float, str]] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for raw in iter(self.proc.stderr.readline, b""):
            for part in raw.decode(errors="replace").split("\r"):
                self.lines.append((time.monotonic(), part.rstrip("\n")))

    def wait(self) -> Run:
        code = self.proc.wait()
        wall = time.monotonic() - self.started
        self.reader.join(PATIENCE)
        user, system, peak_kib = self.usage.read_text().splitlines()[-1].split()
        self.usage.unlink()
        return Run(code, wall, float(user) + float(system), int(peak_kib) / 1024, self.lines)


def govgraph(args: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT) -> Run:
    return Command(args, env or dict(os.environ), cwd).wait()


HEADER = f"{'':9}{'case':38}{'exit':>4}{'wall s':>8}{'cpu s':>7}{'MiB':>6}  first line of the message"


def row(section: str, case: str, run: Run, hide: str = "", extra: str = "") -> None:
    message = run.message.replace(hide, "FILE") if hide else run.message
    print(
        f"{section:9}{case[:37]:38}{run.code:>4}{run.wall:>8.2f}{run.cpu:>7.2f}{run.peak_mib:>6.0f}  "
        f"{extra}{message[:110]}",
        flush=True,
    )


# -- load: each hostile file through the loader's reading and validation ---------------------------------


def register_case(text: str | bytes, name: str = "members.csv") -> Callable[[Path], list[Path]]:
    def make(folder: Path) -> list[Path]:
        for suffix in ("yaml", "txt"):
            shutil.copy(FIXTURES / f"testshire.{suffix}", folder / f"testshire.{suffix}")
        path = folder / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
        return [folder / "testshire.yaml", path]

    return make


HEAD = "person,role,body,capacity,start,end\n"
REGISTER_CASES: list[tuple[str, Callable[[Path], list[Path]]]] = [
    ("register-bom (Excel: loads)", register_case(b"\xef\xbb\xbf" + REGISTER.replace("\n", "\r\n").encode())),
    ("register-nul", register_case(HEAD + "Al\x00ex,testshire/director,,,,\n")),
    ("register-like-body", register_case(HEAD + "Partnership,testshire/director,,,,\n")),
    ("register-no-letters", register_case(HEAD + "!!!,testshire/director,,,,\n")),
]


def bench_load() -> None:
    """``govgraph validate``: the loader's reading and validation, which refuses before any database work
    (``govgraph load`` runs the same before it connects; tests/test_hostile_input.py runs ``load``)."""
    with tempfile.TemporaryDirectory() as folder:
        row("load", "(the good file: the floor)", govgraph(["validate", str(TESTSHIRE)]))
    for case in hostile_inputs.CASES:
        with tempfile.TemporaryDirectory() as folder:
            path = case.make(Path(folder))
            row("load", case.name, govgraph(["validate", str(path)]), hide=str(path))
    for name, make in REGISTER_CASES:
        with tempfile.TemporaryDirectory() as folder:
            paths = make(Path(folder))
            row("load", name, govgraph(["validate", *map(str, paths)]), hide=str(paths[-1]))


# -- extract ----------------------------------------------------------------------------------------------


def bench_extract() -> None:
    """``govgraph extract FILE -o DRAFT`` on each hostile file at full size (the zip bomb 2 GB inflated)."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "protocol.txt"
        source.write_text(extract_hostile.PROSE * 20)
        row("extract", "(a small protocol: the floor)", extract_run(source, Path(folder)))
    for case in extract_hostile.CASES:
        with tempfile.TemporaryDirectory() as folder:
            path = case.build(Path(folder), True)
            row("extract", case.name, extract_run(path, Path(folder)), hide=str(path))


def extract_run(path: Path, folder: Path) -> Run:
    return govgraph(["extract", str(path), "-o", str(folder / "out" / "draft.yaml")], cwd=Path("/"))


# -- the bench's own Neo4j --------------------------------------------------------------------------------


@dataclass
class Bench:
    home: Path
    env: dict[str, str]
    settings: Settings

    def server(self) -> LocalServer:
        return LocalServer(self.settings, progress=lambda message: None)

    @contextmanager
    def driver(self) -> Iterator[Driver]:
        driver = open_driver(resolve_target(self.settings))
        try:
            yield driver
        finally:
            driver.close()

    def command(self, *args: str, **env: str) -> Command:
        return Command(list(args), {**self.env, **env})

    def kill(self) -> float:
        """SIGKILL Neo4j; the moment of the kill (monotonic), once it is gone and its port free."""
        pid = self.server().pid()
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        killed = time.monotonic()
        poll(lambda: self.server().pid() is None and _port_free(self.settings.bolt_port or 0))
        return killed


def bench_env(home: Path) -> tuple[dict[str, str], Settings]:
    bolt, http = free_port(), free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith("GOVGRAPH_")}
    env.update(
        GOVGRAPH_HOME=str(home),
        GOVGRAPH_BOLT_PORT=str(bolt),
        GOVGRAPH_HTTP_PORT=str(http),
        GOVGRAPH_HEAP="512m",
        GOVGRAPH_PAGECACHE="64m",
        GOVGRAPH_START_TIMEOUT=str(PATIENCE),
    )
    settings = Settings(home=home, bolt_port=bolt, http_port=http, heap="512m", pagecache="64m")
    return env, settings


@contextmanager
def bench_neo4j(home: Path) -> Iterator[Bench]:
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    env, settings = bench_env(home)
    os.environ.update({k: v for k, v in env.items() if k.startswith("GOVGRAPH_")})  # for the API process
    bench = Bench(home, env, settings)
    try:
        started = bench.command("db", "start").wait()
        row("write", "db start (a fresh server)", started)
        yield bench
    finally:
        bench.command("db", "stop").wait()


def poll(ready: Callable[[], bool], every: float = 0.05) -> None:
    deadline = time.monotonic() + PATIENCE
    while not ready():
        if time.monotonic() > deadline:
            raise RuntimeError("gave up waiting")
        time.sleep(every)


# -- write faults -----------------------------------------------------------------------------------------


def bench_first_big_document(bench: Bench, folder: Path) -> None:
    """A 4,000-clause document as the first load of a fresh server, under the default 60 s timeout."""
    path = big_document(folder / "big")
    row("write", "4,000-clause first document", bench.command("load", str(path)).wait(), hide=str(path))


@contextmanager
def holding(driver: Driver, statement: str, **params: object) -> Iterator[None]:
    """An open write transaction holding the locks of ``statement`` until the block ends: the load's write
    waits on it, so the fault strikes while the load is provably inside its transaction."""
    with driver.session() as session:
        tx = session.begin_transaction(timeout=PATIENCE)
        tx.run(statement, **params).consume()
        try:
            yield
        finally:
            if not tx.closed():
                with suppress(Exception):
                    tx.rollback()


def blocked_write(driver: Driver, load: Command) -> float | None:
    """Once the load's transaction waits for the lock: how many seconds it has been running (None: the
    load ended without being seen waiting)."""
    found: list[float] = []
    seen: set[str] = set()

    def blocked() -> bool:
        ended = load.proc.poll() is not None
        records, _, _ = driver.execute_query(
            "SHOW TRANSACTIONS YIELD status, elapsedTime, currentQuery "
            "RETURN status, elapsedTime.milliseconds AS ran, currentQuery AS query"
        )
        seen.update(f"{r['status'][:40]}: {(r['query'] or '')[:60]!r}" for r in records)
        found.extend(r["ran"] / 1000 for r in records if r["status"].startswith("Blocked"))
        return bool(found) or ended

    poll(blocked)
    if not found:
        print(f"{'write':9}the load ended unseen waiting; transactions seen: {sorted(seen)}", flush=True)
    return found[0] if found else None


def bench_timeout(bench: Bench, folder: Path) -> None:
    """A rewrite of Testshire that waits on the bench's lock until its own timeout (5 s + 50 ms a row)."""
    changed = folder / "testshire.yaml"
    changed.write_text(TESTSHIRE.read_text().replace("heading: Roles", "heading: Roles and remits"))
    shutil.copy(FIXTURES / "testshire.txt", folder / "testshire.txt")
    rows = sum(len(b.nodes) + len(b.edges) for b in read_documents([changed]).batches())
    timeout = BASE_TIMEOUT + rows * SECONDS_PER_ROW  # what loaders/writer.py gives the transaction
    with bench.driver() as driver:
        records, _, _ = driver.execute_query("MATCH (p:Protocol {area: 'testshire'}) RETURN p.id AS id")
        with holding(driver, "MATCH (p:Entity {id: $id}) SET p.locked = true", id=records[0]["id"]):
            load = bench.command("load", str(changed), GOVGRAPH_TX_TIMEOUT=str(BASE_TIMEOUT))
            ran = blocked_write(driver, load)
            fault = time.monotonic() - (ran or float("nan")) + timeout  # when the timeout expired
            done = load.wait()
    extra = f"[{rows} rows: timeout {timeout:.2f} s; message {done.said_at() - fault:+.2f} s after it] "
    if ran is None:
        extra = "[NOT SEEN WAITING FOR THE LOCK] "
    row("write", "transaction timeout", done, hide=str(changed), extra=extra)


def bench_sigkill(bench: Bench, folder: Path) -> None:
    paths = sorted(write_protocol_files(folder / "areas", AREAS))
    last = paths[-1].stem
    with bench.driver() as driver, holding(driver, "CREATE (:Entity {id: $id})", id=last):
        load = bench.command("load", str(folder / "areas"), GOVGRAPH_TX_TIMEOUT=str(PATIENCE))
        if blocked_write(driver, load) is None:
            row("write", "SIGKILL: the load was NOT SEEN WAITING", load.wait())
            return
        killed = bench.kill()
        done = load.wait()
    row(
        "write",
        "SIGKILL of Neo4j mid-load",
        done,
        extra=f"[message {done.said_at() - killed:.2f} s after the kill] ",
    )
    row("write", "db start after the kill", bench.command("db", "start").wait())
    row("write", "the same load again (finishes)", bench.command("load", str(folder / "areas")).wait())


# -- the API: each client mistake, and Neo4j restarted under it -------------------------------------------


def _cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"offset:{offset}".encode()).decode()


def _areas_after(offset: int) -> str:
    return json.dumps({"query": f'{{ areas(first: 5, after: "{_cursor(offset)}") {{ totalCount }} }}'})


API_CASES: list[tuple[str, str, str, dict[str, str]]] = [  # (case, method, body or query, headers)
    ("(a good query: the floor)", "POST", json.dumps({"query": QUERY}), {}),
    ("string body", "POST", '"x"', {}),
    (
        "variables 20k deep",
        "POST",
        '{"query": "{ __typename }", "variables": {"a": ' + "[" * 20_000 + "]" * 20_000 + "}}",
        {},
    ),
    ("[ x 30,000", "POST", "[" * 30_000, {}),
    (
        "wrong variable type",
        "POST",
        json.dumps(
            {"query": "query ($n: Int!) { areas(first: $n) { totalCount } }", "variables": {"n": "x"}}
        ),
        {},
    ),
    ("cursor offset 10^24", "POST", _areas_after(10**24), {}),
    ("cursor offset 2^62", "POST", _areas_after(2**62), {}),
    ("Host: evil.example", "POST", json.dumps({"query": QUERY}), {"host": "evil.example"}),
    ("Origin: http://evil.example", "POST", json.dumps({"query": QUERY}), {"origin": "http://evil.example"}),
    ("GET, Sec-Fetch-Site: cross-site", "GET", QUERY, {"sec-fetch-site": "cross-site"}),
    (
        "two operations, no operationName",
        "POST",
        json.dumps({"query": f"query A {QUERY} query B {{ __typename }}"}),
        {},
    ),
]


def peak_mib(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    match = re.search(r"VmHWM:\s+(\d+) kB", status)
    return int(match.group(1)) / 1024 if match else float("nan")


def ask(client: httpx.Client, url: str, method: str, body: str, headers: dict[str, str]) -> httpx.Response:
    if method == "GET":
        return client.get(f"{url}/graphql", params={"query": body}, headers=headers, timeout=PATIENCE)
    return client.post(
        f"{url}/graphql",
        content=body,
        headers={"content-type": "application/json", **headers},
        timeout=PATIENCE,
    )


def bench_api(api: ApiServer, repeat: int) -> None:
    pid = api.proc.pid
    print(f"{'':9}{'case':38}{'HTTP':>4}{'p50 ms':>8}{'max ms':>8}{'cpu ms':>7}{'MiB':>6}  code: message")
    with httpx.Client() as client:
        for name, method, body, headers in API_CASES:
            waits = []
            cpu = cpu_seconds(pid) or 0.0
            for _ in range(repeat):
                start = time.monotonic()
                response = ask(client, api.url, method, body, headers)
                waits.append(time.monotonic() - start)
            used = ((cpu_seconds(pid) or 0.0) - cpu) / repeat
            answer = response.json()
            error = (answer.get("errors") or [{}])[0]
            said = f"{error.get('extensions', {}).get('code', 'ok')}: {error.get('message', '')}"
            print(
                f"{'api':9}{name[:37]:38}{response.status_code:>4}{statistics.median(waits) * 1000:>8.1f}"
                f"{max(waits) * 1000:>8.1f}{used * 1000:>7.1f}{peak_mib(pid):>6.0f}  {said[:100]}",
                flush=True,
            )


@dataclass
class Sample:
    at: float  # monotonic start
    seconds: float
    outcome: str


@dataclass
class Asker:
    """One client asking the same question back to back, recording every answer, until told to stop."""

    url: str
    samples: list[Sample] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    in_flight: float | None = None  # when the request now waiting began

    def run(self) -> None:
        with httpx.Client() as client:
            while not self.stop.is_set():
                start = time.monotonic()
                self.in_flight = start
                try:
                    body = ask(client, self.url, "POST", json.dumps({"query": QUERY}), {}).json()
                    errors = body.get("errors")
                    outcome = errors[0].get("extensions", {}).get("code", "NO_CODE") if errors else "ok"
                except httpx.HTTPError as exc:
                    outcome = type(exc).__name__
                self.samples.append(Sample(start, time.monotonic() - start, outcome))


SLOWEST = 5  # the slowest requests of the restart, each with when it began
SPY_AFTER = 8.0  # a request in flight this long (past the API's 5 s cold bound): py-spy dumps the API


@dataclass
class Spy:
    """While a restart's request hangs, py-spy's dump of the API process (where it waits), once per hang."""

    asker: Asker
    pid: int
    dumps: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def start(self) -> None:
        if shutil.which("py-spy") or (Path(sys.executable).parent / "py-spy").exists():
            threading.Thread(target=self._watch, daemon=True).start()

    def _watch(self) -> None:
        spied = None
        while not self.stop.wait(0.5):
            began = self.asker.in_flight
            if began is not None and began != spied and time.monotonic() - began > SPY_AFTER:
                spied = began
                spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
                done = subprocess.run([spy, "dump", "--pid", str(self.pid)], capture_output=True, text=True)
                waited = time.monotonic() - began
                self.dumps.append(f"py-spy dump {waited:.1f} s into a request:\n{done.stdout}")


def watch_port(port: int, command: Command) -> list[float]:
    """When the Bolt port first accepts a connection (filled in by a thread while ``command`` runs)."""
    seen: list[float] = []

    def watch() -> None:
        while command.proc.poll() is None and not seen:
            with socket.socket() as sock:  # connect, never bind: a bind could take the port from Neo4j
                sock.settimeout(1.0)
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    seen.append(time.monotonic())
            time.sleep(0.05)

    threading.Thread(target=watch, daemon=True).start()
    return seen


def bench_restart(bench: Bench, api: ApiServer) -> None:
    """SIGKILL Neo4j under the running API while a client asks; restart it after 10 s of outage."""
    asker = Asker(api.url)
    thread = threading.Thread(target=asker.run)
    thread.start()
    time.sleep(2.0)
    killed = bench.kill()
    poll(lambda: any(s.at >= killed and s.outcome == "UNAVAILABLE" for s in asker.samples))
    time.sleep(10.0)
    launched = time.monotonic()
    spy = Spy(asker, api.proc.pid)
    spy.start()
    start = bench.command("db", "start")
    port_open = watch_port(bench.settings.bolt_port or 0, start)
    started = start.wait()
    ready = time.monotonic()
    spy.stop.set()
    poll(lambda: any(s.at >= ready and s.outcome == "ok" for s in asker.samples))
    asker.stop.set()
    thread.join(PATIENCE)
    samples = asker.samples
    before = [s for s in samples if s.at + s.seconds < killed]
    unavailable = next(s for s in samples if s.at >= killed and s.outcome == "UNAVAILABLE")
    outage = [s for s in samples if s.at + s.seconds >= killed and s.at < ready]
    first_ok = next(s for s in samples if s.at >= ready and s.outcome == "ok")
    outcomes: dict[str, int] = {}
    for s in outage:
        outcomes[s.outcome] = outcomes.get(s.outcome, 0) + 1
    waits = sorted(s.seconds for s in outage)
    p99 = waits[min(len(waits) - 1, int(0.99 * len(waits)))]
    print(
        f"{'restart':9}before the kill: {len(before)} requests, "
        f"median {_ms(before)} ms, max {_ms(before, max)} ms"
    )
    print(
        f"{'restart':9}first UNAVAILABLE answered "
        f"{unavailable.at + unavailable.seconds - killed:.2f} s after the SIGKILL "
        f"(that request took {unavailable.seconds:.2f} s)"
    )
    print(
        f"{'restart':9}outage (kill to db start returning, {ready - killed:.1f} s): {len(outage)} requests, "
        f"max {waits[-1] * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, "
        f"median {statistics.median(waits) * 1000:.0f} ms "
        f"({', '.join(f'{k} {v}' for k, v in sorted(outcomes.items()))})"
    )
    row("restart", "db start (recovery after SIGKILL)", started)
    opened = f"{port_open[0] - launched:.2f} s" if port_open else "never seen"
    print(f"{'restart':9}Bolt port accepting {opened} after db start was launched")
    for s in sorted(samples, key=lambda s: -s.seconds)[:SLOWEST]:
        print(
            f"{'restart':9}slow: {s.seconds:.2f} s {s.outcome}, began {s.at - killed:+.2f} s from the kill, "
            f"{s.at - launched:+.2f} s from db start launched, {s.at - ready:+.2f} s from it returning "
            f"(at {_clock(s.at)} UTC)"
        )
    for text in spy.dumps:
        print(text)
    print(
        f"{'restart':9}first ok {first_ok.at + first_ok.seconds - ready:.2f} s after db start returned "
        f"(that request took {first_ok.seconds * 1000:.0f} ms); next 20: median "
        f"{_ms([s for s in samples if s.at > first_ok.at][:20])} ms"
    )


def _clock(monotonic: float) -> str:
    """A monotonic instant as wall-clock time, to find it in the driver's log (api_bench.DRIVER_LOG)."""
    wall = time.time() - (time.monotonic() - monotonic)
    return time.strftime("%H:%M:%S", time.gmtime(wall)) + f".{int(wall % 1 * 1000):03d}"


def _ms(samples: list[Sample], how: Callable = statistics.median) -> str:
    return f"{how(s.seconds for s in samples) * 1000:.0f}" if samples else "-"


# -- homes govgraph cannot write, and a full disk (root) --------------------------------------------------


def bench_home(folder: Path) -> None:
    blocker = folder / "a-file"
    blocker.write_text("not a directory\n")
    homes: list[tuple[str, Path, list[str]]] = [("home below a file", blocker / "home", [])]
    if os.geteuid() == 0:
        readonly = folder / "ro"
        readonly.mkdir()
        homes.insert(0, ("read-only tmpfs", readonly, ["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs"]))
    for kind, home, mount in homes:
        if mount:
            subprocess.run([*mount, str(home)], check=True)
        try:
            env, _ = bench_env(home)
            for action in ("start", "stop", "status"):
                row("home", f"db {action}, {kind}", govgraph(["db", action], env))
        finally:
            if mount:
                subprocess.run(["umount", str(home)], check=True)


def bench_disk(folder: Path) -> None:
    """A load onto a full disk (a 400 MB tmpfs data directory), the restart, and the load finished."""
    if os.geteuid() != 0:
        print(f"{'disk':9}skipped: mounting a tmpfs needs root")
        return
    home = folder / "disk-home"
    (home / "data").mkdir(parents=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=400m", "tmpfs", str(home / "data")], check=True)
    env, settings = bench_env(home)
    bench = Bench(home, env, settings)
    try:
        row("disk", "db start", bench.command("db", "start").wait())
        row("disk", "load Testshire (the schema in place)", bench.command("load", str(TESTSHIRE)).wait())
        paths = write_protocol_files(folder / "disk-areas", 10)
        free = os.statvfs(home / "data")
        filler = home / "data" / "filler"
        subprocess.run(
            ["fallocate", "-l", str(free.f_bavail * free.f_frsize - 4096), str(filler)], check=True
        )
        filled = time.monotonic()
        done = bench.command("load", str(paths[0].parent)).wait()
        row(
            "disk",
            "full disk",
            done,
            extra=f"[message {done.said_at() - filled:.2f} s after the load began] ",
        )
        bench.kill()  # a panicked Neo4j does not stop on SIGTERM within 90 s
        filler.unlink()
        row("disk", "db start after freeing space", bench.command("db", "start").wait())
        row("disk", "the same load again (finishes)", bench.command("load", str(paths[0].parent)).wait())
    finally:
        pid = bench.server().pid()
        if pid is not None:
            os.kill(pid, signal.SIGKILL)
            poll(lambda: bench.server().pid() is None)
        poll(lambda: subprocess.run(["umount", str(home / "data")], capture_output=True).returncode == 0)


# -- the whole run ----------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.faults_bench",
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--only",
        default=",".join(SECTIONS),
        help=f"comma-separated sections to run (default: all of {','.join(SECTIONS)})",
    )
    parser.add_argument("--repeat", type=int, default=20, help="requests per API case (default 20)")
    parser.add_argument(
        "--home", type=Path, default=OUT / "faults-home", help="the bench's Neo4j home (wiped)"
    )
    args = parser.parse_args(argv)
    args.sections = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(args.sections) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    return args


def load_average() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    print(
        f"faults_bench {time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime())} UTC, {load_average()}, "
        f"{os.cpu_count()} CPUs"
    )
    print(HEADER, flush=True)
    if "load" in args.sections:
        bench_load()
    if "extract" in args.sections:
        bench_extract()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        if {"api", "write", "restart"} & set(args.sections):
            bench_with_neo4j(args, folder)
        if "home" in args.sections:
            bench_home(folder)
        if "disk" in args.sections:
            bench_disk(folder)
    print(f"done, {load_average()}")
    return 0


def bench_with_neo4j(args: argparse.Namespace, folder: Path) -> None:
    with bench_neo4j(args.home.resolve()) as bench:
        if "write" in args.sections:
            bench_first_big_document(bench, folder)
        row("write", "load Testshire", bench.command("load", str(TESTSHIRE)).wait())
        api = None
        try:
            if {"api", "restart"} & set(args.sections):
                api = ApiServer()
                api.wait_ready()
            if "api" in args.sections and api:
                bench_api(api, args.repeat)
            if "write" in args.sections:
                bench_timeout(bench, folder)
                bench_sigkill(bench, folder)
            if "restart" in args.sections and api:
                bench_restart(bench, api)
        finally:
            if api is not None:
                api.stop()


if __name__ == "__main__":
    sys.exit(main())
