"""Bad input: one clear message with file, line and field, exit status 2, and the database untouched."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, TESTSHIRE, Cli

GOOD = TESTSHIRE.read_text()
REGISTER = (FIXTURES / "testshire-register.csv").read_text()


@dataclass
class Case:
    name: str
    old: str
    new: str
    line: int | None
    field: str | None
    message: str


YAML_CASES = [
    Case(
        "malformed-yaml",
        "  parties: [tsb, partnership]",
        "  parties: [tsb, partnership",
        8,
        None,
        "malformed YAML",
    ),
    Case(
        "unknown-body",
        "from: partnership, to: tsf,",
        "from: partnership, to: nowhere,",
        26,
        "relations[2].to",
        "unknown body or role 'nowhere'",
    ),
    Case(
        "duplicate-id", "{id: partnership, name:", "{id: tsb, name:", 16, "bodies[1].id", "duplicate id 'tsb'"
    ),
    Case(
        "duplicate-key",
        "  id: tsb-partnership\n",
        "  id: tsb-partnership\n  id: again\n",
        5,
        "protocol.id",
        "duplicate key 'id'",
    ),
    Case(
        "clause-not-in-source",
        'text: "The TSB is an independent',
        'text: "The TSB is a dependent',
        9,
        "clauses[0].text",
        "does not occur in testshire.txt",
    ),
    Case(
        "quote-not-in-clause",
        'quote: "a thematic group of',
        'quote: "a thematic subgroup of',
        26,
        "relations[2].quote",
        "quote does not occur in clause '1.2'",
    ),
    Case(
        "missing-field", "kind: safeguarding_board, ", "", 15, "bodies[0].kind", "required field is missing"
    ),
    Case("bad-kind", "kind: safeguarding_board", "kind: castle", 15, "bodies[0].kind", "Input should be"),
    Case(
        "unknown-field",
        "{id: director, ",
        "{id: director, colour: red, ",
        19,
        "roles[0].colour",
        "unknown field",
    ),
    Case(
        "unknown-clause",
        "clause: 2-partnership-2, text",
        "clause: 9.9, text",
        22,
        "duties[1].clause",
        "unknown clause '9.9'",
    ),
    Case(
        "missing-source",
        "source: testshire.txt",
        "source: nowhere.txt",
        6,
        "protocol.source",
        "file not found",
    ),
]


@pytest.fixture
def baseline(empty_db: Cli) -> tuple[Cli, tuple]:
    """A database holding one good protocol and register, so 'unchanged' is a real claim."""
    assert empty_db("load", TESTSHIRE, FIXTURES / "testshire-register.csv").exit_code == 0
    return empty_db, empty_db.snapshot()


def write_variant(tmp_path: Path, text: str, name: str = "variant.yaml") -> Path:
    shutil.copy(FIXTURES / "testshire.txt", tmp_path / "testshire.txt")
    path = tmp_path / name
    path.write_text(text)
    return path


def assert_refused(cli: Cli, before: tuple, result, path: Path, case: Case) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 or case.name == "malformed-yaml", message
    where = f"{path}:{case.line}:" if case.line else f"{path}:"
    assert where in message, message
    if case.field:
        assert f"[{case.field}]" in message, message
    assert case.message in message, message
    assert "Traceback" not in result.output
    assert cli.snapshot() == before


@pytest.mark.parametrize("case", YAML_CASES, ids=lambda c: c.name)
def test_bad_protocol_is_refused_and_database_unchanged(baseline, tmp_path: Path, case: Case) -> None:  # type: ignore[no-untyped-def]
    cli, before = baseline
    assert case.old in GOOD, f"fixture no longer contains {case.old!r}"
    path = write_variant(tmp_path, GOOD.replace(case.old, case.new, 1))
    result = cli("load", path)
    # read_documents prints a progress line per file only for several files; stderr is just the error.
    assert_refused(cli, before, result, path, case)


def test_missing_file(baseline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli, before = baseline
    path = tmp_path / "absent.yaml"
    assert_refused(
        cli, before, cli("load", path), path, Case("missing", "", "", None, None, "file not found")
    )


def test_non_utf8_yaml(baseline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli, before = baseline
    path = write_variant(tmp_path, "")
    path.write_bytes(GOOD.replace("Testshire Partnership", "Testshire Partnersh\xefp").encode("latin-1"))
    case = Case("latin-1", "", "", 5, None, "is not UTF-8 (byte 0xef")
    assert_refused(cli, before, cli("load", path), path, case)


def test_non_utf8_source_text(baseline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli, before = baseline
    path = write_variant(tmp_path, GOOD)
    (tmp_path / "testshire.txt").write_bytes(b"Protocol \xff\xfe between\n")
    case = Case("source-latin", "", "", 6, "protocol.source", "is not UTF-8")
    assert_refused(cli, before, cli("load", path), path, case)


def test_empty_file(baseline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli, before = baseline
    path = write_variant(tmp_path, "")
    assert_refused(cli, before, cli("load", path), path, Case("empty", "", "", None, None, "is empty"))


def test_one_bad_file_stops_the_whole_load(baseline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli, before = baseline
    good = write_variant(tmp_path, GOOD.replace("frequency: quarterly", "frequency: monthly"), "good.yaml")
    bad = write_variant(tmp_path, GOOD.replace("kind: safeguarding_board", "kind: castle"), "bad.yaml")
    result = cli("load", good, bad)
    assert result.exit_code == 2
    assert f"{bad}:15:" in result.stderr
    assert cli.snapshot() == before


def test_unknown_file_kind(baseline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli, before = baseline
    path = tmp_path / "protocol.docx"
    path.write_text("x")
    case = Case("kind", "", "", None, None, "unknown kind of file")
    assert_refused(cli, before, cli("load", path), path, case)


REGISTER_CASES = [
    Case(
        "unknown-role",
        "testshire/director,",
        "testshire/nobody,",
        2,
        "role",
        "unknown role 'testshire/nobody'",
    ),
    Case(
        "role-is-a-body",
        "testshire/director,",
        "testshire/tsf,",
        2,
        "role",
        "unknown role 'testshire/tsf' (it is a Body)",
    ),
    Case("bad-capacity", ",chair,", ",boss,", 2, "capacity", "unknown capacity 'boss'"),
    Case("bad-date", "2024-02-01", "2024-13-01", 3, "start", "is not a date"),
    Case(
        "end-before-start", "2024-02-01,2025-01-31", "2024-02-01,2023-01-31", 3, "end", "end is before start"
    ),
    Case("bad-header", "person,role,body", "name,role,body", 1, "header", "header must be"),
    Case(
        "other-area",
        "Sam Sample,,testshire/tsb",
        "Sam Sample,,wirral/lscb",
        3,
        "body",
        "one register per area",
    ),
    Case(
        "duplicate-row",
        "Sam Sample,,testshire/tsb,member,2024-02-01,2025-01-31",
        "Alex Example,testshire/director,testshire/partnership,chair,2024-01-01,",
        3,
        None,
        "duplicate row: same as line 2",
    ),
    Case("short-row", ",2025-01-31", "", 3, None, "expected 6 columns, found 5"),
]


@pytest.mark.parametrize("case", REGISTER_CASES, ids=lambda c: c.name)
def test_bad_register_is_refused_and_database_unchanged(baseline, tmp_path: Path, case: Case) -> None:  # type: ignore[no-untyped-def]
    cli, before = baseline
    assert case.old in REGISTER
    path = tmp_path / "members.csv"
    path.write_text(REGISTER.replace(case.old, case.new, 1))
    assert_refused(cli, before, cli("load", path), path, case)
