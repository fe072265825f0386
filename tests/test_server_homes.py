"""Two homes on one machine: a server found through a home's state is logged in to only once proven that
home's own, so a port another home's server took meanwhile never receives our password.

Seen in session 6: a benchmark's server locked its logins (AuthenticationRateLimit) because another process
kept logging in to it with the wrong password, through a home whose state named that port. Every test here
reads the other server's own log, where Neo4j writes each failed login, and its own login must still work.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from govgraph.graph import server as server_module
from govgraph.graph.connection import connect, open_driver, resolve_target
from govgraph.graph.errors import ServerError
from govgraph.graph.server import LocalServer
from govgraph.graph.settings import Settings
from neo4j.exceptions import ServiceUnavailable

from tests.conftest import PATIENCE, Cli, env_for, free_port, server_settings


@dataclass
class Homes:
    a: Path
    b: Path

    def server(self, home: Path, bolt_port: int | None = None) -> LocalServer:
        """The server of ``home``; without ``bolt_port`` it chooses as a user's does (recorded, default)."""
        settings = server_settings(home, bolt_port, free_port() if bolt_port else None)
        return LocalServer(settings, progress=lambda message: None)


@pytest.fixture(scope="module")
def homes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Homes]:
    root = tmp_path_factory.mktemp("two-homes")
    homes = Homes(root / "a", root / "b")
    yield homes
    for home in (homes.a, homes.b):
        homes.server(home).stop()
    shutil.rmtree(root, ignore_errors=True)


def failed_logins(home: Path) -> list[str]:
    """The failed logins the server of ``home`` has logged (Neo4j writes each one to neo4j.log)."""
    log = home / "logs" / "neo4j.log"
    lines = log.read_text(errors="replace").splitlines() if log.is_file() else []
    return [line for line in lines if "authentication" in line]


def answers_its_own(homes: Homes, home: Path) -> None:
    with connect(resolve_target(Settings(home=home))) as driver:
        assert driver.execute_query("RETURN 1 AS one").records[0]["one"] == 1


def test_a_port_another_home_took_is_never_sent_our_password(homes: Homes) -> None:
    """A ran on port P and stopped; B's server took P. Commands through A's state used to log in to B with
    A's password (three tries locked B's logins); now they are refused before connecting."""
    port = free_port()
    a = homes.server(homes.a, port)
    a.start()
    a.stop()
    assert a.home.state()["bolt_port"] == port
    homes.server(homes.b, port).start()

    with pytest.raises(ServerError, match=f"Port {port} is another program's now"):
        resolve_target(Settings(home=homes.a))
    cli = Cli(env_for(homes.a))
    for _ in range(5):  # more than Neo4j's 3 failed logins before it locks them
        result = cli("cypher", "RETURN 1")
        assert result.exit_code == 1
        assert "does not answer" in result.stderr and "govgraph db start" in result.stderr
        assert "govgraph sent it nothing" in result.stderr
    assert failed_logins(homes.b) == []
    answers_its_own(homes, homes.b)


def test_the_first_home_then_starts_on_a_port_of_its_own(
    homes: Homes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Starting A again skips its recorded port (B's now) for the default, as a user's start does (the
    default is a free port here rather than 7687, which another program on this machine may hold)."""
    taken = homes.server(homes.a).home.state()["bolt_port"]
    default = free_port()
    monkeypatch.setattr(server_module, "DEFAULT_BOLT_PORT", default)
    assert homes.server(homes.a).start() == f"bolt://127.0.0.1:{default}"
    assert homes.server(homes.a).home.state()["bolt_port"] == default != taken
    result = Cli(env_for(homes.a))("cypher", "RETURN 1 AS one", "--format", "json")
    assert result.exit_code == 0, result.output
    assert failed_logins(homes.b) == [] and failed_logins(homes.a) == []
    answers_its_own(homes, homes.b)


def test_a_driver_that_outlives_its_server_never_logs_in_to_the_next_one(homes: Homes) -> None:
    """A command's or the API's driver, opened while A ran, reconnects on its own after A stops: when B's
    server has taken A's port by then, the driver must not log in there, and once A runs on it again it
    must serve A again."""
    from govgraph.api.store import Store, Unavailable

    a, port = homes.server(homes.a), homes.server(homes.a).home.state()["bolt_port"]
    target = resolve_target(Settings(home=homes.a))
    driver, store, loop = open_driver(target), Store(target, PATIENCE), asyncio.Runner()
    try:
        assert driver.execute_query("RETURN 1 AS one").records[0]["one"] == 1
        assert loop.run(store.read("db/ping")) is not None
        a.stop()
        homes.server(homes.b).stop()
        homes.server(homes.b, port).start()  # B now holds A's port

        with pytest.raises(ServiceUnavailable, match="govgraph sent it nothing"):
            driver.execute_query("RETURN 1 AS one")
        with pytest.raises(Unavailable) as refused:
            loop.run(store.read("db/ping"))
        assert "govgraph sent it nothing" in str(refused.value.__cause__)
        assert failed_logins(homes.b) == []
        answers_its_own(homes, homes.b)

        homes.server(homes.b).stop()
        assert homes.server(homes.a).start() == target.uri  # its recorded port is free again
        assert driver.execute_query("RETURN 1 AS one").records[0]["one"] == 1
        assert loop.run(store.read("db/ping")) is not None
    finally:
        driver.close()
        loop.run(store.close())
        loop.close()


def test_a_start_that_loses_its_port_to_another_server_never_logs_in_to_it(
    homes: Homes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A's start chose a port that was free, and B's server bound it first: A's start polled B with its
    password until its own Neo4j gave up on the port. Now it polls only a port its own process holds."""
    b = homes.server(homes.b, free_port())
    b.start()
    b_port = b.home.state()["bolt_port"]
    homes.server(homes.a).stop()
    said: list[str] = []
    a = homes.server(homes.a)
    a.progress = said.append
    first_choice = iter([(b_port, free_port())])
    choose = LocalServer._choose_ports
    monkeypatch.setattr(server_module, "DEFAULT_BOLT_PORT", free_port())  # not 7687: see above
    monkeypatch.setattr(LocalServer, "_choose_ports", lambda self: next(first_choice, None) or choose(self))
    uri = a.start()
    assert any("choosing again" in line for line in said), said
    assert uri != f"bolt://127.0.0.1:{b_port}"
    assert failed_logins(homes.b) == []
    answers_its_own(homes, homes.b)
    answers_its_own(homes, homes.a)


def test_a_pid_file_naming_another_homes_server_is_not_ours(homes: Homes) -> None:
    """The pid file is proof only with the process's own home: another home's running Neo4j, named by a
    copied or stale pid file, is not taken for this home's server (nor its port for ours)."""
    b = homes.server(homes.b)
    pid = b.pid()
    assert pid is not None
    stray = homes.a.parent / "stray"
    (stray / "run").mkdir(parents=True)
    (stray / "run" / "neo4j.pid").write_text(f"{pid}\n")
    shutil.copy(homes.b / "govgraph.json", stray / "govgraph.json")
    shutil.copy(homes.b / "password", stray / "password")
    other = homes.server(stray)
    assert other.pid() is None
    with pytest.raises(ServerError, match="is another program's now"):
        resolve_target(Settings(home=stray))
    assert failed_logins(homes.b) == []
