"""The local Neo4j server govgraph starts by itself: the embedded default a new user gets.

It runs the real ``org.neo4j.server.CommunityEntryPoint`` from jars Maven resolved, bound to 127.0.0.1,
with auth on and a generated password kept in a file only the user can read.
"""

from __future__ import annotations

import fcntl
import json
import os
import secrets
import select
import shutil
import signal
import socket
import string
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from govgraph.graph.errors import ServerError
from govgraph.graph.jars import Progress, resolve_jars
from govgraph.graph.settings import Settings

ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
DEFAULT_BOLT_PORT = 7687
DEFAULT_HTTP_PORT = 7474
PORT_RACES = 3  # starts tried when a port chosen for Neo4j is taken before it binds it
PORT_TAKEN = ("is already in use, cannot bind", "Address already in use", "PortBindException")

# The flags Neo4j's own launcher would add from neo4j.conf; starting the class ourselves means passing them.
JVM_FLAGS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-XX:FlightRecorderOptions=stackdepth=256",
    "-XX:+UnlockDiagnosticVMOptions",
    "-XX:+DebugNonSafepoints",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
]


@dataclass(frozen=True)
class Home:
    """The directory layout of one local server; every path the server uses hangs off ``root``."""

    root: Path

    @property
    def lib(self) -> Path:
        return self.root / "lib"

    @property
    def conf_dir(self) -> Path:
        return self.root / "conf"

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def pid_file(self) -> Path:
        return self.root / "run" / "neo4j.pid"

    @property
    def password_file(self) -> Path:
        return self.root / "password"

    @property
    def state_file(self) -> Path:
        return self.root / "govgraph.json"

    @property
    def console_log(self) -> Path:
        return self.logs / "console.log"

    def state(self) -> dict:
        return json.loads(self.state_file.read_text()) if self.state_file.is_file() else {}

    def save_state(self, **values: object) -> None:
        self.state_file.write_text(json.dumps({**self.state(), **values}, indent=2) + "\n")

    def password(self) -> str:
        if not self.password_file.is_file():
            raise ServerError(f"No password file at {self.password_file}: run 'govgraph db start' first.")
        return self.password_file.read_text().strip()

    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port()}"

    def bolt_port(self) -> int:
        port = self.state().get("bolt_port")
        if port is None:
            raise ServerError(f"No local Neo4j has been set up in {self.root}: run 'govgraph db start'.")
        return int(port)

    def server_pid(self) -> int | None:
        """The pid of this home's running server, or None: the pid file's process must be alive and be
        Neo4j started on this very home (``--home-dir``), so neither a stale pid file reused by another
        program nor another home's Neo4j is taken for ours."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):  # none, unreadable, or a home below a file: no server of ours runs
            return None
        if not _alive(pid):
            return None
        args = _cmdline_args(pid)
        return pid if ENTRY_POINT in args and f"--home-dir={self.root}" in args else None

    def prove(self, port: int) -> Proof | None:
        """Proof that the server listening on ``port`` is this home's own, or None when it is not."""
        pid = self.server_pid()
        started = _start_time(pid) if pid is not None else None
        if pid is None or started is None or not _listens(pid, port):
            return None
        return Proof(self, port, (pid, started))


class Proof:
    """That the Neo4j on a home's Bolt port is that home's own server (its pid, its port's listener),
    established before any password is sent, since a port named in a home's state may since have been
    taken by another home's server: logging in there with our password fails, and a few failures lock
    that server's logins for everyone (Neo4j's AuthenticationRateLimit).

    ``holds`` is cheap enough to run before every connection a driver opens: while the proven process
    lives it keeps its listener; once it is gone the proof is made again for the same port (a restarted
    server that got its port back is ours again), else it fails.
    """

    def __init__(self, home: Home, port: int, process: tuple[int, str]) -> None:
        self.home = home
        self.port = port
        self.process = process  # (pid, start time): a pid alone could be reused
        self._exit = _exit_watch(process)

    def __del__(self) -> None:
        if self._exit is not None:
            os.close(self._exit)

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    def holds(self) -> bool:
        if self._still_running():
            return True
        again = self.home.prove(self.port)
        if again is None:
            return False
        self.process, again.process = again.process, self.process
        self._exit, again._exit = again._exit, self._exit  # the old watch is closed with ``again``
        return True

    def _still_running(self) -> bool:
        """Whether the proven process still runs: a pidfd turns readable when it exits (a few µs per
        connection the driver hands out); without pidfds, its start time read from /proc again."""
        if self._exit is not None:
            return not select.select([self._exit], [], [], 0)[0]
        pid, started = self.process
        return _start_time(pid) == started

    def refusal(self) -> str:
        """Why the proof fails now, in the user's terms."""
        return _not_ours(self.home, self.port)


def _not_ours(home: Home, port: int) -> str:
    pid = home.server_pid()
    if pid is not None:
        return (
            f"The local Neo4j of {home.root} (pid {pid}) does not answer on port {port}: it is still "
            "starting, or was started again on another port (then restart the command)."
        )
    said = f"Neo4j at bolt://127.0.0.1:{port} does not answer for {home.root}: its server is not running."
    if _listening_inodes(port):  # read from /proc: binding the port to see could fail another's start
        said += f" Port {port} is another program's now; govgraph sent it nothing."
    return said + " Start it with 'govgraph db start'."


@dataclass(frozen=True)
class Status:
    running: bool
    pid: int | None
    uri: str | None
    home: Path
    data: Path


class LocalServer:
    """Start, stop and describe the Neo4j process that lives in one home directory."""

    def __init__(self, settings: Settings, progress: Progress = print) -> None:
        self.settings = settings
        self.home = Home(settings.resolved_home)
        self.progress = progress

    # -- lifecycle ---------------------------------------------------------------------------------------

    def start(self) -> str:
        """Start the server unless it runs already; return its Bolt URI once Bolt answers.

        A lock on the home serialises concurrent starts (two terminals, a test run beside ``make run``):
        the second waits, then finds the server running.
        """
        try:
            self.home.root.mkdir(parents=True, exist_ok=True)
            with (self.home.root / ".start.lock").open("w") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX)
                return self._start_locked()
        except OSError as exc:
            raise self._unwritable(exc, "start Neo4j") from exc

    def _start_locked(self) -> str:
        pid = self.pid()
        if pid is not None:
            self._wait_for_own(pid)
            return self.home.bolt_uri()
        for attempt in range(1, PORT_RACES + 1):
            self._prepare()
            log_start = self._log_sizes()
            proc = self._launch()
            try:
                self._wait_for_bolt(proc)
                return self.home.bolt_uri()
            except ServerError:
                if attempt == PORT_RACES or not self._lost_a_port_race(proc, log_start):
                    raise
                self.progress(
                    "Another program took a port chosen for Neo4j as it started; choosing again ..."
                )
        raise AssertionError("unreachable")  # the loop returns or raises

    def _launch(self) -> subprocess.Popen:
        command = [
            _java(),
            f"-Xms{self.settings.heap}",
            f"-Xmx{self.settings.heap}",
            *JVM_FLAGS,
            "-cp",
            str(self.home.lib / "*"),
            ENTRY_POINT,
            f"--home-dir={self.home.root}",
            f"--config-dir={self.home.conf_dir}",
        ]
        self.home.pid_file.parent.mkdir(parents=True, exist_ok=True)
        with self.home.console_log.open("ab") as log:
            proc = subprocess.Popen(
                command,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=self._env(),
                start_new_session=True,
                cwd=self.home.root,
            )
        self.home.pid_file.write_text(f"{proc.pid}\n")
        uri = self.home.bolt_uri()
        self.progress(f"Starting Neo4j {self.settings.neo4j_version} (pid {proc.pid}), waiting for {uri} ...")
        return proc

    def _lost_a_port_race(self, proc: subprocess.Popen, log_start: dict[Path, int]) -> bool:
        """Whether Neo4j died because a port govgraph chose (not one the user set) was taken meanwhile.

        A port is free when chosen and Neo4j binds it seconds later; on a busy machine another server
        starting at the same moment (a second test run, another user's Neo4j) can take it in between.
        Neo4j says so only in its debug log ("Address ... is already in use, cannot bind to it").
        """
        if proc.poll() is None or (self.settings.bolt_port and self.settings.http_port):
            return False
        for log, start in log_start.items():
            if log.is_file():
                with log.open("rb") as handle:
                    handle.seek(start)
                    added = handle.read().decode(errors="replace")  # once: a second read() gives ""
                if any(sign in added for sign in PORT_TAKEN):
                    return True
        return False

    def _log_sizes(self) -> dict[Path, int]:
        """Where each of Neo4j's logs ends now, so only what a start adds is read."""
        logs = (self.home.console_log, self.home.logs / "neo4j.log", self.home.logs / "debug.log")
        return {log: log.stat().st_size if log.is_file() else 0 for log in logs}

    def stop(self, timeout: float = 90.0) -> bool:
        """Shut down cleanly (SIGTERM runs Neo4j's own shutdown); return False if nothing was running."""
        try:
            return self._stop(timeout)
        except OSError as exc:
            raise self._unwritable(exc, "stop Neo4j") from exc

    def _stop(self, timeout: float) -> bool:
        pid = self.pid()
        if pid is None:
            self.home.pid_file.unlink(missing_ok=True)
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not _alive(pid):
                break
            time.sleep(0.2)
        else:
            self.progress(f"Neo4j (pid {pid}) did not stop within {timeout:.0f}s; killing it.")
            os.kill(pid, signal.SIGKILL)
        self.home.pid_file.unlink(missing_ok=True)
        return True

    def _unwritable(self, exc: OSError, doing: str) -> ServerError:
        """A home govgraph cannot write (a read-only mount, a path below a file, a full disk) is the
        user's to fix: say which file and why, not an OSError traceback."""
        where = exc.filename or self.home.root
        return ServerError(
            f"Could not {doing}: {exc.strerror or exc} ({where}). "
            f"GOVGRAPH_HOME ({self.home.root}) must be a directory govgraph can write."
        )

    def pid(self) -> int | None:
        """The pid of our running server (see ``Home.server_pid``)."""
        return self.home.server_pid()

    def proof(self) -> Proof:
        """Proof that the server at this home's recorded Bolt port is its own, before anyone logs in."""
        port = self.home.bolt_port()
        proof = self.home.prove(port)
        if proof is None:
            raise ServerError(_not_ours(self.home, port))
        return proof

    def status(self) -> Status:
        pid = self.pid()
        uri = f"bolt://127.0.0.1:{self.home.state()['bolt_port']}" if self.home.state_file.is_file() else None
        return Status(running=pid is not None, pid=pid, uri=uri, home=self.home.root, data=self.home.data)

    # -- preparation -------------------------------------------------------------------------------------

    def _prepare(self) -> None:
        for directory in (self.home.root, self.home.conf_dir, self.home.data, self.home.logs):
            directory.mkdir(parents=True, exist_ok=True)
        resolve_jars(self.home.lib, self.settings.neo4j_version, self.progress)
        bolt, http = self._choose_ports()
        self.home.save_state(bolt_port=bolt, http_port=http, neo4j_version=self.settings.neo4j_version)
        self._write_conf(bolt, http)
        self._ensure_password()

    def _choose_ports(self) -> tuple[int, int]:
        state = self.home.state()
        bolt = self.settings.bolt_port or _pick_port(state.get("bolt_port"), DEFAULT_BOLT_PORT)
        http = self.settings.http_port or _pick_port(state.get("http_port"), DEFAULT_HTTP_PORT, avoid=bolt)
        if not _port_free(bolt):
            raise ServerError(f"Bolt port {bolt} is in use by another program; set GOVGRAPH_BOLT_PORT.")
        return bolt, http

    def _write_conf(self, bolt: int, http: int) -> None:
        """Write neo4j.conf on every start so a changed setting (port, memory) always takes effect."""
        lines = [
            "# Written by govgraph on every start; edit GOVGRAPH_* settings instead of this file.",
            "server.default_listen_address=127.0.0.1",
            "server.default_advertised_address=127.0.0.1",
            f"server.bolt.listen_address=127.0.0.1:{bolt}",
            f"server.bolt.advertised_address=127.0.0.1:{bolt}",
            f"server.http.listen_address=127.0.0.1:{http}",
            f"server.http.advertised_address=127.0.0.1:{http}",
            "server.https.enabled=false",
            "dbms.security.auth_enabled=true",
            "dbms.usage_report.enabled=false",
            f"server.memory.heap.initial_size={self.settings.heap}",
            f"server.memory.heap.max_size={self.settings.heap}",
            f"server.memory.pagecache.size={self.settings.pagecache}",
            f"server.directories.data={self.home.data}",
            f"server.directories.logs={self.home.logs}",
            f"db.transaction.timeout={int(self.settings.tx_timeout)}s",
            # A local tool needs no point-in-time recovery: keep two small log files, not gigabytes.
            "db.tx_log.rotation.retention_policy=2 files",
            "db.tx_log.rotation.size=64M",
        ]
        (self.home.conf_dir / "neo4j.conf").write_text("\n".join(lines) + "\n")

    def _ensure_password(self) -> None:
        """Generate the password once, before the first start, as Neo4j only accepts an initial one then."""
        if self.home.password_file.is_file():
            return
        if (self.home.data / "dbms").exists():
            raise ServerError(
                f"{self.home.password_file} is missing but {self.home.data} already holds a database; "
                "restore the password file or remove the home to start afresh."
            )
        password = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
        result = subprocess.run(
            [_java(), "-cp", str(self.home.lib / "*"), ADMIN_TOOL, "dbms", "set-initial-password", password],
            env=self._env(),
            capture_output=True,
            text=True,
            cwd=self.home.root,
        )
        if result.returncode != 0:
            raise ServerError("Could not set the initial Neo4j password:\n" + result.stdout + result.stderr)
        fd = os.open(self.home.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(password + "\n")

    def _env(self) -> dict[str, str]:
        return {**os.environ, "NEO4J_HOME": str(self.home.root), "NEO4J_CONF": str(self.home.conf_dir)}

    def _wait_for_own(self, pid: int) -> None:
        """A server of this home runs: wait until it listens on the recorded port (one left starting by a
        start that was interrupted) rather than hand out a port it does not hold."""
        port = self.home.bolt_port()
        deadline = time.monotonic() + self.settings.start_timeout
        while not _listens(pid, port):
            if not _alive(pid) or time.monotonic() > deadline:
                raise ServerError(_not_ours(self.home, port))
            time.sleep(0.5)

    def _wait_for_bolt(self, proc: subprocess.Popen) -> None:
        """Poll until the database answers, logging in only once the port is proven ``proc``'s own: a port
        chosen free may be taken by another starting server before ours binds it, and polling that one with
        our password would lock its logins (our start then fails on the port and chooses again)."""
        from govgraph.graph.connection import Target, bolt_answers  # late: connection imports this module

        port = self.home.bolt_port()
        target = Target(self.home.bolt_uri(), "neo4j", self.home.password(), self.settings.neo4j_database)
        deadline = time.monotonic() + self.settings.start_timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise ServerError(
                    f"Neo4j exited with status {proc.returncode} while starting.\n" + self._log_tail()
                )
            if _listens(proc.pid, port) and bolt_answers(target):
                return
            time.sleep(0.5)
        raise ServerError(
            f"Neo4j did not answer on Bolt within {self.settings.start_timeout:.0f}s.\n" + self._log_tail()
        )

    def _log_tail(self, lines: int = 25) -> str:
        texts = []
        for log in (self.home.console_log, self.home.logs / "neo4j.log"):
            if log.is_file():
                texts.extend(log.read_text(errors="replace").splitlines()[-lines:])
        return "\n".join(texts)


def _java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    java = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if not java or not Path(java).exists():
        raise ServerError("Java 17 or 21 is needed to run Neo4j 5.26 and no 'java' was found.")
    return java


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (exited, not yet reaped by its parent) still answers kill(0).
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
    except (OSError, IndexError):
        return True


def _cmdline_args(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:
        return []


def _start_time(pid: int) -> str | None:
    """When ``pid`` started (clock ticks since boot), None if it is gone or a zombie: with the pid, it
    names one process for good, as a pid alone does not once it is reused."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()
    except (OSError, IndexError):
        return None
    return None if fields[0] == "Z" else fields[19]


def _exit_watch(process: tuple[int, str]) -> int | None:
    """A pidfd of the process (pid, start time), None where pidfds are missing or it is gone already."""
    pid, started = process
    try:
        watch = os.pidfd_open(pid)
    except (AttributeError, OSError):
        return None
    if _start_time(pid) != started:  # the pid was reused before the pidfd was opened
        os.close(watch)
        return None
    return watch


def _listens(pid: int, port: int) -> bool:
    """Whether process ``pid`` holds a socket listening on TCP ``port`` (IPv4 or IPv6, from /proc): what
    proves that a server found on a port is the process we think, which the port number alone never does."""
    sockets = {f"socket:[{inode}]" for inode in _listening_inodes(port)}
    if not sockets:
        return False
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return False
    for fd in fds:
        try:
            if os.readlink(f"/proc/{pid}/fd/{fd}") in sockets:
                return True
        except OSError:  # closed meanwhile
            continue
    return False


def _listening_inodes(port: int) -> set[str]:
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:  # 0A: LISTEN
                inodes.add(fields[9])
    return inodes


def _port_free(port: int) -> bool:
    """Whether Neo4j could listen on ``port``: bound as it binds (SO_REUSEADDR), so the TIME_WAIT
    connections a server leaves behind when it stops do not make its own port look taken."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _pick_port(recorded: int | None, default: int, avoid: int | None = None) -> int:
    """Keep the recorded port so URIs stay stable; else the well-known one; else any free port."""
    for candidate in (recorded, default):
        if candidate and candidate != avoid and _port_free(candidate):
            return candidate
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
