"""Hostile and clumsy inputs for the loader: each must be refused as one line, quickly, in little memory.

Shared by tests/test_hostile_input.py (loose bounds, database unchanged) and bench/faults_bench.py
(tight figures).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
TESTSHIRE = FIXTURES / "testshire.yaml"
GOOD = TESTSHIRE.read_text()


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


TEN_MB = 10 * 1024 * 1024
_ITEM = '  - {id: "c%06d", number: "9", heading: Items, text: "The Board will review item %06d."}\n'
ITEMS = TEN_MB // len(_ITEM % (0, 0))
_BODIES_LINE = GOOD.splitlines().index("bodies:") + 1
_RELATIONS_LINE = GOOD.splitlines().index("relations:") + 2  # the first relation


def _ten_mb_of_clauses(folder: Path) -> Path:
    """10 MB of well-formed clauses, the first mistake in the last of them: all of it must be read."""
    items = "".join(_ITEM % (n, n) for n in range(ITEMS))
    last = "  - {id: last, number: 9, heading: Items, text: The Board meets., colour: red}\n"
    return _yaml(GOOD.replace("bodies:\n", items + last + "bodies:\n", 1))(folder)


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
        "yaml-10mb",
        _ten_mb_of_clauses,
        "unknown field (a typo?)",
        f":{_BODIES_LINE + ITEMS}: [clauses[{ITEMS + 5}].colour]",
    ),
    Hostile(
        "heading-10mb",
        _yaml(GOOD.replace("heading: Roles,", "heading: " + "x" * TEN_MB + ",", 1)),
        "String should have at most 2000 characters",
        ":9: [clauses[0].heading]",
    ),
    Hostile(
        "note-10mb",
        _yaml(GOOD.replace("frequency: annual}", "frequency: annual, note: " + "x" * TEN_MB + "}", 1)),
        "String should have at most 2000 characters",
        f":{_RELATIONS_LINE}: [relations[0].note]",
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


CLAUSES = 4000  # issue 14: a first document this big on a fresh server outran the 60 s transaction timeout


def big_document(folder: Path) -> Path:
    """Testshire's protocol as another area, with 4,000 more clauses, each quoted from its source text."""
    folder.mkdir(parents=True, exist_ok=True)
    text = GOOD.replace("testshire", "bigshire").replace("Testshire", "Bigshire")
    source = (TESTSHIRE.parent / "testshire.txt").read_text().replace("Testshire", "Bigshire")
    lines = [
        f"{n}. The Board will review standing item {n} at the meeting after it is raised."
        for n in range(CLAUSES)
    ]
    clauses = "".join(
        f'  - {{id: "x{n}", number: "x{n}", heading: Items, text: "{line.split(". ", 1)[1]}"}}\n'
        for n, line in enumerate(lines)
    )
    text = text.replace("bodies:\n", clauses + "bodies:\n", 1)
    (folder / "bigshire.txt").write_text(source + "\n" + "\n".join(lines) + "\n")
    path = folder / "bigshire.yaml"
    path.write_text(text)
    return path
