"""Faults while writing, on a Neo4j of the module's own (it is killed and restarted): a transaction running
past its timeout, Neo4j killed with SIGKILL mid-load, and a first 4,000-clause document on a fresh server.

Each fault is made to happen at a known point rather than by timing: a transaction of the test holds a
lock the load's write needs, so the load is provably inside its transaction (blocked, shown by SHOW
TRANSACTIONS) when its timeout expires or when Neo4j is killed. Every case must end in one line, exit 1,
naming what happened and what was not written, with no traceback, and leave each document whole or absent.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from govgraph.api.app import create_app
from govgraph.graph.connection import open_driver, resolve_target
from govgraph.graph.server import LocalServer, _port_free
from govgraph.graph.settings import Settings
from govgraph.loaders.load import read_documents
from neo4j import Driver, Transaction

from bench.hostile_inputs import CLAUSES, big_document
from bench.synthetic import synthetic_areas, write_protocol_files
from tests.conftest import PATIENCE, TESTSHIRE, Cli, HttpApp, env_for, free_port, wait_until

GOVGRAPH = str(Path(sys.executable).parent / "govgraph")
AREAS = 80  # ~280 rows each: more than one write transaction (20,000 rows at most), so some commit first


@dataclass
class Own:
    cli: Cli
    home: Path

    def server(self) -> LocalServer:
        return LocalServer(Settings(home=self.home), progress=lambda message: None)

    @contextmanager
    def driver(self) -> Iterator[Driver]:
        driver = open_driver(resolve_target(Settings(home=self.home)))
        try:
            yield driver
        finally:
            driver.close()

    def load(self, *files: Path, **env: str) -> subprocess.Popen:
        """``govgraph load`` as a user runs it: a process of its own, so it can outlive a killed Neo4j."""
        return subprocess.Popen(
            [GOVGRAPH, "load", *map(str, files)],
            env={**self.cli.env, **env},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )


@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Own]:
    home = tmp_path_factory.mktemp("write-faults-home")
    env = env_for(home)
    env.update(GOVGRAPH_BOLT_PORT=str(free_port()), GOVGRAPH_HTTP_PORT=str(free_port()))
    cli = Cli(env)
    started = cli("db", "start")
    assert started.exit_code == 0, started.output
    yield Own(cli, home)
    cli("db", "stop")


def kill_neo4j(own: Own) -> None:
    """SIGKILL the server, then wait until it is gone and its Bolt port is free again (a dying JVM can
    hold it for a while: a restart right after the kill found it "in use by another program")."""
    pid = own.server().pid()
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    port = int(own.cli.env["GOVGRAPH_BOLT_PORT"])
    wait_until(lambda: own.server().pid() is None and _port_free(port), "the killed Neo4j to be gone")


def ended(process: subprocess.Popen) -> tuple[int, str]:
    """The load's exit status and its last line of stderr (the verdict), after checking for tracebacks."""
    _, err = process.communicate(timeout=PATIENCE)
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    return process.returncode, lines[-1] if lines else ""


@contextmanager
def holding(driver: Driver, statement: str, **params: object) -> Iterator[Transaction]:
    """An open write transaction that has run ``statement`` and holds its locks until the block ends."""
    with driver.session() as session:
        tx = session.begin_transaction(timeout=PATIENCE)
        tx.run(statement, **params).consume()
        try:
            yield tx
        finally:
            if not tx.closed():
                with suppress(Exception):  # the server was killed under it: nothing to roll back
                    tx.rollback()


def wait_for_blocked_write(driver: Driver) -> None:
    """Until a transaction other than ours waits for a lock: the load is inside its write transaction."""

    def blocked() -> bool:
        records, _, _ = driver.execute_query(
            "SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS n"
        )
        return records[0]["n"] > 0

    wait_until(blocked, "the load's write transaction to wait for the test's lock")


def test_a_4000_clause_first_document_loads_on_a_fresh_server(own: Own, tmp_path: Path) -> None:
    """The first load of a fresh server (cold plans and page cache) under the default 60 s
    GOVGRAPH_TX_TIMEOUT: the write's timeout grows with its rows (50 ms each), so one big document is not
    stopped for being big. (With a 2 s base it was stopped at a load average of 37 on 2 cores.)"""
    path = big_document(tmp_path / "big")
    start = time.monotonic()
    code, last = ended(own.load(path, GOVGRAPH_TX_TIMEOUT="60"))
    print(f"4,000-clause first load: {time.monotonic() - start:.1f} s, load average {os.getloadavg()[0]:.1f}")
    assert code == 0, last
    assert own.cli.value("MATCH (c:Clause {area: 'bigshire'}) RETURN count(c) AS n") == CLAUSES + 5


def test_a_write_past_its_timeout_is_one_line_and_writes_nothing(own: Own, tmp_path: Path) -> None:
    assert own.cli("load", TESTSHIRE).exit_code == 0
    changed = tmp_path / "testshire.yaml"
    changed.write_text(TESTSHIRE.read_text().replace("heading: Roles", "heading: Roles and remits"))
    (tmp_path / "testshire.txt").write_bytes((TESTSHIRE.parent / "testshire.txt").read_bytes())
    before = own.cli.snapshot()
    protocol = own.cli.value("MATCH (p:Protocol {area: 'testshire'}) RETURN p.id AS id")
    with (
        own.driver() as driver,
        holding(driver, "MATCH (p:Entity {id: $id}) SET p.locked = true", id=protocol),
    ):
        load = own.load(changed, GOVGRAPH_TX_TIMEOUT="1")
        code, last = ended(load)  # the rewrite waits for the lock until its own timeout stops it
    assert code == 1, last
    rows = sum(len(b.nodes) + len(b.edges) for b in read_documents([changed]).batches())
    assert rows * 0.05 > 1  # the allowance for rows is most of the timeout: the message must say it
    assert last.startswith(
        "error: writing failed: the transaction ran longer than its timeout of "
        f"{1 + rows * 0.05:.2f}s (GOVGRAPH_TX_TIMEOUT 1s + 50 ms for each of its {rows:,} rows)."
    ), last
    assert (
        f"{changed} not written (Neo4j rolled the transaction back); nothing of this load is written" in last
    )
    assert own.cli.snapshot() == before


def test_neo4j_killed_mid_load_leaves_each_document_whole_or_absent(own: Own, tmp_path: Path) -> None:
    folder = tmp_path / "areas"
    paths = sorted(write_protocol_files(folder, AREAS))
    sources = {f"{a.area_id}.yaml": a.batch().source for a in synthetic_areas(AREAS)}
    last = sources[paths[-1].name]
    areas = [p.stem for p in paths]
    # The last document's node, created but not committed: the load's MERGE of it waits on the lock.
    with own.driver() as driver, holding(driver, "CREATE (:Entity {id: $id})", id=last):
        load = own.load(folder, GOVGRAPH_TX_TIMEOUT=str(PATIENCE))
        wait_for_blocked_write(driver)
        committed = [a for a in areas if _present(driver, a)]
        kill_neo4j(own)
        code, verdict = ended(load)
    assert code == 1, verdict
    assert verdict.startswith("error: writing failed: Neo4j stopped answering"), verdict
    assert str(paths[-1]) in verdict and "not written (Neo4j rolled the transaction back)" in verdict
    done = (
        f"the {len(committed)} documents before it are loaded"
        if committed
        else "nothing of this load is written"
    )
    assert done in verdict, verdict
    assert 0 < len(committed) < AREAS

    restarted = own.cli("db", "start")
    assert restarted.exit_code == 0, restarted.output
    with own.driver() as driver:
        after_crash = {a: _area_snapshot(driver, a) for a in areas}
    assert [a for a in areas if after_crash[a][0]] == committed  # nothing of the killed transaction
    finished = own.load(folder)
    code, verdict = ended(finished)
    assert code == 0, verdict
    with own.driver() as driver:
        for area in committed:  # whole: exactly what a complete load holds
            assert after_crash[area] == _area_snapshot(driver, area), area
        assert all(_present(driver, a) for a in areas)


def _present(driver: Driver, area: str) -> bool:
    records, _, _ = driver.execute_query("MATCH (a:Area {id: $id}) RETURN count(a) AS n", id=area)
    return records[0]["n"] > 0


def _area_snapshot(driver: Driver, area: str) -> tuple[list, list]:
    """Every node of the area (its id, or ids below it) and every edge touching one, with properties."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n:Entity) WHERE n.id = $area OR n.id STARTS WITH $area + '/' "
        "RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id",
        area=area,
    )
    edges, _, _ = driver.execute_query(
        "MATCH (a:Entity)-[r]-(b:Entity) WHERE a.id = $area OR a.id STARTS WITH $area + '/' "
        "RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props ORDER BY a, type, b, r.id",
        area=area,
    )
    return [dict(r) for r in nodes], [dict(r) for r in edges]


BOUND = 15.0  # every request while Neo4j restarts answers within this (before the fix: 20-60 s)
QUERY = '{ body(id: "testshire/tsb") { name } }'


def timed(app: HttpApp) -> tuple[float, dict]:
    start = time.monotonic()
    response = httpx.post(f"{app.url}/graphql", json={"query": QUERY}, timeout=PATIENCE)
    assert response.status_code == 200, response.text
    return time.monotonic() - start, response.json()


def bolt_accepts(port: int) -> bool:
    with socket.socket() as sock:  # connect, never bind: a bind could take the port from Neo4j
        sock.settimeout(5.0)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def test_while_neo4j_is_killed_and_restarted_every_request_answers_quickly(own: Own) -> None:
    """Last: it kills the module's server under a running API, and starts it again while asking.

    A restarting Neo4j accepts Bolt connections before its database is online and holds a request that
    connects then (bench.faults_bench measured 20-32 s). To meet that window whatever the machine's
    speed, the test freezes Neo4j (SIGSTOP) the moment its port accepts: connections are accepted (by the
    kernel) and nothing answers, as in that window, for as long as the test needs. Before the fix such a
    request waited for the driver's 60 s acquisition timeout."""
    assert own.cli("load", TESTSHIRE).exit_code == 0
    app = HttpApp(create_app(resolve_target(Settings(home=own.home)), tx_timeout=PATIENCE))
    port = int(own.cli.env["GOVGRAPH_BOLT_PORT"])
    try:
        assert timed(app)[1]["data"]["body"]["name"] == "Testshire Safeguarding Board"
        kill_neo4j(own)
        for _ in range(3):
            seconds, body = timed(app)
            assert seconds < BOUND, seconds
            assert body["errors"][0]["extensions"] == {"code": "UNAVAILABLE"}, body
        starting = subprocess.Popen(
            [GOVGRAPH, "db", "start"], env=own.cli.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        wait_until(lambda: bolt_accepts(port) or starting.poll() is not None, "Neo4j's port to accept")
        pid = own.server().pid()
        assert pid is not None and starting.poll() is None
        os.kill(pid, signal.SIGSTOP)
        try:
            for _ in range(3):
                seconds, body = timed(app)
                assert seconds < BOUND, seconds
                assert body["errors"][0]["extensions"] == {"code": "UNAVAILABLE"}, body
            start = time.monotonic()
            ready = httpx.get(f"{app.url}/readyz", timeout=PATIENCE)
            assert ready.status_code == 503 and time.monotonic() - start < BOUND, ready.text
        finally:
            os.kill(pid, signal.SIGCONT)
        waits: list[tuple[float, str]] = []
        while starting.poll() is None:  # asked again and again while Neo4j starts and recovers
            seconds, body = timed(app)
            waits.append((seconds, body["errors"][0]["extensions"]["code"] if body.get("errors") else "ok"))
        assert starting.wait() == 0
        assert all(seconds < BOUND for seconds, _ in waits), waits
        assert {code for _, code in waits} <= {"ok", "UNAVAILABLE"}, waits
        is_ready = lambda: httpx.get(f"{app.url}/readyz", timeout=PATIENCE).status_code == 200  # noqa: E731
        wait_until(is_ready, "/readyz after the restart")
        assert app.app.state.store.warm is True
        assert timed(app)[1]["data"]["body"]["name"] == "Testshire Safeguarding Board"
    finally:
        app.stop()
