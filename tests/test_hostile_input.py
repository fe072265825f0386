"""Hostile and clumsy input: each is one `file[:line]: [field] message`, exit 2, quickly, in little memory,
with the database unchanged. The bounds are loose for a busy machine; bench/refusal_bench.py measures them.
"""

from __future__ import annotations

import os
import resource
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, TESTSHIRE, Cli

GOOD = TESTSHIRE.read_text()
SECONDS = 10.0
MEGABYTES = 500


@dataclass
class Hostile:
    name: str
    make: Callable[[Path], Path]  # writes the input into a directory, returns the file to load
    says: str
    where: str = ""  # ':line: [field]' after the file name, when the message has one


def _yaml(text: str, name: str = "x.yaml") -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        shutil.copy(FIXTURES / "testshire.txt", folder / "testshire.txt")
        (folder / name).write_text(text)
        return folder / name

    return make


def _source(source: str) -> Callable[[Path], Path]:
    return _yaml(GOOD.replace("source: testshire.txt", f"source: {source}"))


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "x.yaml")
    return folder / "x.yaml"


def _source_fifo(folder: Path) -> Path:
    os.mkfifo(folder / "text.fifo")
    return _source("text.fifo")(folder)


LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{x}: &{x} [{', '.join([f'*{y}'] * 9)}]\n" for y, x in zip("abcdefgh", "bcdefghi", strict=True)
)
CASES = [
    Hostile("billion-laughs", _yaml(LAUGHS), "YAML anchors (&a) are not part of the format", ":1:"),
    Hostile("recursive-alias", _yaml("a: &a [*a]\n"), "YAML anchors (&a) are not part of the format", ":1:"),
    Hostile("nesting-5000", _yaml("[" * 5000 + "]" * 5000 + "\n"), "nest", ":1:"),
    Hostile(
        "nesting-block",
        _yaml("".join(" " * i + "a:\n" for i in range(40)) + " " * 40 + "b\n"),
        "nests deeper",
    ),
    Hostile("tag-foo", _yaml("format: !foo bar\n"), "YAML tags (!foo) are not part of the format", ":1:"),
    Hostile("tag-timestamp", _yaml('format: !!timestamp "2024-13-45"\n'), "YAML tags", ":1:"),
    Hostile("tag-binary", _yaml('format: !!binary "@@@"\n'), "YAML tags", ":1:"),
    Hostile("two-documents", _yaml(GOOD + "---\n" + GOOD), "more than one YAML document"),
    Hostile("fifo", _fifo, "is not a regular file"),
    Hostile("source-fifo", _source_fifo, "is not a regular file", ":6: [protocol.source]"),
    Hostile(
        "source-dev-zero", _source("/dev/zero"), "must be a file beside or below", ":6: [protocol.source]"
    ),
    Hostile(
        "source-passwd",
        _source("../../../../etc/passwd"),
        "must be a file beside or below",
        ":6: [protocol.source]",
    ),
    Hostile("huge-file", _yaml("a: " + "x" * (17 * 1024 * 1024) + "\n"), "more than the limit of 16.0 MiB"),
    Hostile("many-lines", _yaml("#\n" * 500_000), "lines, more than the limit of 400000"),
    Hostile(
        "huge-heading",
        _yaml(GOOD.replace("heading: Roles,", "heading: " + "x" * 3000 + ",", 1)),
        "String should have at most 2000 characters",
        ":9: [clauses[0].heading]",
    ),
    Hostile(
        "huge-name",
        _yaml(GOOD.replace("name: Testshire Safeguarding Board,", "name: " + "x" * 400 + ",", 1)),
        "at most 300 characters",
        ":15: [bodies[0].name]",
    ),
    Hostile(
        "nul-in-name",
        _yaml(GOOD.replace("name: Testshire Safeguarding Board,", 'name: "Testshire\\0Board",', 1)),
        "contains a control character (U+0000)",
        ":15: [bodies[0].name]",
    ),
]


@pytest.fixture(scope="module")
def baseline(cli: Cli) -> tuple[Cli, tuple]:
    cli.wipe()
    assert cli("load", TESTSHIRE, FIXTURES / "testshire-register.csv").exit_code == 0
    return cli, cli.snapshot()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_hostile_input_is_refused_quickly(baseline, tmp_path: Path, case: Hostile) -> None:  # type: ignore[no-untyped-def]
    cli, before = baseline
    path = case.make(tmp_path)
    peak, start = peak_mb(), time.perf_counter()
    result = cli("load", path)
    seconds, grown = time.perf_counter() - start, peak_mb() - peak
    assert result.exit_code == 2, result.output
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1, message
    assert message.startswith(f"error: {path}{case.where}"), message
    assert case.says in message, message
    assert "Traceback" not in result.output
    assert seconds < SECONDS, f"{case.name}: refused after {seconds:.1f}s"
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
