"""Hostile and clumsy input: each is one `file[:line]: [field] message`, exit 2, quickly, in little memory,
with the database unchanged. The bounds (CPU seconds, the growth of peak RSS) are loose for a busy
machine; bench/faults_bench.py and bench/refusal_bench.py measure them (the cases live in
bench/hostile_inputs.py, shared with them).
"""

from __future__ import annotations

import resource
import time
from pathlib import Path

import pytest

from bench.hostile_inputs import CASES, Hostile
from tests.conftest import FIXTURES, TESTSHIRE, Cli

SECONDS = 10.0  # CPU seconds: the work done, which a busy machine does not stretch (wall time it does)
MEGABYTES = 500


@pytest.fixture(scope="module")
def baseline(cli: Cli) -> tuple[Cli, tuple]:
    cli.wipe()
    loaded = cli("load", TESTSHIRE, FIXTURES / "testshire-register.csv")
    assert loaded.exit_code == 0, loaded.output
    return cli, cli.snapshot()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_hostile_input_is_refused_quickly(baseline, tmp_path: Path, case: Hostile) -> None:  # type: ignore[no-untyped-def]
    cli, before = baseline
    path = case.make(tmp_path)
    peak, start = peak_mb(), time.process_time()
    result = cli("load", path)
    seconds, grown = time.process_time() - start, peak_mb() - peak
    assert result.exit_code == 2, result.output
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1, message
    assert message.startswith(f"error: {path}{case.where}"), message
    assert case.says in message, message
    assert "Traceback" not in result.output
    assert seconds < SECONDS, f"{case.name}: refused after {seconds:.1f} CPU s"
    assert grown < MEGABYTES, f"{case.name}: the process grew by {grown:.0f} MB"
    assert cli.snapshot() == before


def test_an_excel_register_with_a_byte_order_mark_loads(empty_db: Cli, tmp_path: Path) -> None:
    """Last in this module: it starts from an empty database of its own."""
    path = tmp_path / "excel.csv"
    register = (FIXTURES / "testshire-register.csv").read_bytes()
    path.write_bytes(b"\xef\xbb\xbf" + register.replace(b"\n", b"\r\n"))
    result = empty_db("load", TESTSHIRE, path)
    assert result.exit_code == 0, result.output
    rows = empty_db.rows(
        "MATCH (r:Register)-[:DEFINES]->(p:Person) RETURN r.file AS file, p.name AS name ORDER BY name"
    )
    assert rows == [
        {"file": "excel.csv", "name": "Alex Example"},
        {"file": "excel.csv", "name": "Sam Sample"},
    ]
