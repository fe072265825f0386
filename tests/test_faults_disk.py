"""A full disk during a load, on a Neo4j of the test's own whose data directory is a small tmpfs (mounted
by the test, as root; unmounted at the end).

Neo4j preallocates its transaction log, so on a full disk a commit is logged and then fails to reach the
store: Neo4j stops with a critical error and replays that transaction when it restarts. The load must say
so in one line (exit 1, no traceback), and after space is freed and Neo4j restarted each document must be
whole or absent, and the same command must finish the load.
"""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.synthetic import write_protocol_files
from tests.conftest import TESTSHIRE, Cli, env_for, free_port, wait_until
from tests.test_faults_write import Own, _area_snapshot, _present, ended, kill_neo4j

AREAS = 10
DATA_SIZE = "400m"  # a fresh server takes ~135 MB of it (two preallocated 64 MB transaction logs)


@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Own]:
    home = tmp_path_factory.mktemp("disk-full-home")
    (home / "data").mkdir()
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={DATA_SIZE}", "tmpfs", str(home / "data")], check=True
    )
    env = env_for(home)
    env.update(GOVGRAPH_BOLT_PORT=str(free_port()), GOVGRAPH_HTTP_PORT=str(free_port()))
    cli = Cli(env)
    try:
        started = cli("db", "start")
        assert started.exit_code == 0, started.output
        yield Own(cli, home)
    finally:
        server = Own(cli, home).server()
        pid = server.pid()
        if pid is not None:
            os.kill(pid, signal.SIGKILL)  # a panicked Neo4j does not stop on SIGTERM within minutes
            wait_until(lambda: server.pid() is None, "the killed Neo4j to be gone")
        # the killed server's files may be held open for a moment after its pid is gone ("target is busy")
        wait_until(lambda: _unmounted(home / "data"), "the test's tmpfs to unmount")


def _unmounted(folder: Path) -> bool:
    return subprocess.run(["umount", str(folder)], capture_output=True).returncode == 0


def fill(folder: Path) -> Path:
    """Take every free byte of the file system (fallocate reserves the blocks, as a real disk's would)."""
    free = os.statvfs(folder)
    filler = folder / "filler"
    size = free.f_bavail * free.f_frsize - 4096  # all but one page, which tmpfs keeps for itself
    subprocess.run(["fallocate", "-l", str(size), str(filler)], check=True)
    return filler


def test_a_full_disk_is_one_line_and_each_document_whole_or_absent_after_restart(
    own: Own, tmp_path: Path
) -> None:
    assert own.cli("load", TESTSHIRE).exit_code == 0  # the schema is in place: the load's writes hit the disk
    folder = tmp_path / "areas"
    paths = sorted(write_protocol_files(folder, AREAS))
    areas = [p.stem for p in paths]
    filler = fill(own.home / "data")
    code, verdict = ended(own.load(folder))
    assert code == 1, verdict
    assert verdict.startswith("error: writing failed: "), verdict
    assert "disk" in verdict, verdict

    kill_neo4j(own)  # it panicked: it would not stop on SIGTERM within minutes
    filler.unlink()
    restarted = own.cli("db", "start")
    assert restarted.exit_code == 0, restarted.output
    with own.driver() as driver:
        after = {a: _area_snapshot(driver, a) for a in areas}
        assert _present(driver, "testshire")
    finished = own.load(folder)
    code, last = ended(finished)
    assert code == 0, last
    with own.driver() as driver:
        for area in areas:  # each area as a complete load holds it, or nothing of it
            assert after[area] == _area_snapshot(driver, area) or after[area] == ([], []), area
