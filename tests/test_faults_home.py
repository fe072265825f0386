"""``govgraph db start | stop | status`` on a home govgraph cannot write: its own one-line message, no
OSError traceback.

Root ignores file modes, so the read-only homes here are real read-only mounts (a tmpfs mounted ``ro``, and
a bind mount of a prepared home remounted ``ro``), and the third kind of unwritable home is a path below a
regular file. The tests run as root (as CI does here); every mount is undone when its test ends.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import Cli, env_for

DEAD_PID = 2**22 + 1  # above the kernel's pid_max (4,194,304): no process can have it


@contextmanager
def mounted(*args: str, target: Path) -> Iterator[Path]:
    """``mount ARGS TARGET`` for the test's duration, unmounted whatever happens."""
    subprocess.run(["mount", *args, str(target)], check=True, capture_output=True)
    try:
        yield target
    finally:
        subprocess.run(["umount", str(target)], check=True, capture_output=True)


@contextmanager
def read_only_copy(home: Path) -> Iterator[Path]:
    """``home`` itself, bind-mounted onto itself and remounted read-only."""
    with mounted("--bind", str(home), target=home):
        subprocess.run(["mount", "-o", "remount,ro,bind", str(home)], check=True, capture_output=True)
        yield home


def _home_kinds(tmp_path: Path, kind: str) -> Iterator[Path]:
    if kind == "read-only tmpfs":
        home = tmp_path / "home"
        home.mkdir()
        with mounted("-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", target=home):
            yield home
    elif kind == "read-only home with a stale pid file":
        home = tmp_path / "home"
        (home / "run").mkdir(parents=True)
        (home / "run" / "neo4j.pid").write_text(f"{DEAD_PID}\n")
        (home / "govgraph.json").write_text(json.dumps({"bolt_port": 7687, "http_port": 7474}))
        with read_only_copy(home):
            yield home
    else:
        blocker = tmp_path / "a-file"
        blocker.write_text("not a directory\n")
        yield blocker / "home"


KINDS = ["read-only tmpfs", "read-only home with a stale pid file", "home below a file"]


@pytest.fixture(params=KINDS)
def unwritable(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Cli]:
    kinds = _home_kinds(tmp_path, request.param)
    home = next(kinds)
    yield Cli(env_for(home))
    next(kinds, None)  # leaves the mount's context: unmounted


def _one_line(result) -> str:  # type: ignore[no-untyped-def]
    message = result.stderr.strip()
    assert "Traceback" not in result.output and "OSError" not in result.output
    assert len(message.splitlines()) == 1, message
    return message


def test_start_says_the_home_is_not_writable(unwritable: Cli) -> None:
    result = unwritable("db", "start")
    assert result.exit_code == 1, result.output
    message = _one_line(result)
    assert message.startswith("error: Could not start Neo4j: "), message
    assert "must be a directory govgraph can write" in message, message
    assert any(reason in message for reason in ("Read-only file system", "Not a directory")), message


def test_stop_says_the_home_is_not_writable_or_that_nothing_runs(unwritable: Cli) -> None:
    """Stopping writes only to remove a stale pid file: an empty read-only home has nothing to remove."""
    home = Path(unwritable.env["GOVGRAPH_HOME"])
    pid_file = home / "run" / "neo4j.pid"
    result = unwritable("db", "stop")
    message = _one_line(result)
    if pid_file.is_file() or not home.parent.is_dir():
        assert result.exit_code == 1, result.output
        reason = "Read-only file system" if pid_file.is_file() else "Not a directory"
        assert message.startswith(f"error: Could not stop Neo4j: {reason} ({pid_file})"), message
    else:
        assert result.exit_code == 0, result.output
        assert message == "Neo4j was not running."


def test_status_says_not_running(unwritable: Cli) -> None:
    result = unwritable("db", "status", "--format", "json")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    info = json.loads(result.stdout)
    assert info["running"] is False and info["pid"] is None
