"""libyaml's C parser and PyYAML's pure-Python fallback give the same validation result.

Validation reads the parser's events (loaders/source.py) and uses libyaml where PyYAML was built with it;
a machine without libyaml parses in pure Python. Both must accept the same documents with the same rows,
and refuse the same bad ones with the same `file:line: [field] message` (only a malformed file's wording
comes from the parser itself: there the line and the "malformed YAML" prefix must agree).
No database is needed: this is validation alone.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from govgraph.loaders import source
from govgraph.loaders.errors import InputError
from govgraph.loaders.protocol import read_protocol

from bench.hostile_inputs import CASES as HOSTILE
from bench.hostile_inputs import Hostile
from tests.conftest import FIXTURES, TESTSHIRE
from tests.test_bad_input import GOOD, YAML_CASES, Case

PARSERS = {"libyaml": yaml.CSafeLoader, "pure": yaml.SafeLoader}


def outcome(path: Path, parser: type, monkeypatch: pytest.MonkeyPatch) -> object:
    """What validation makes of ``path`` with ``parser``: the batch's rows and claims, or the message."""
    with monkeypatch.context() as patch:
        patch.setattr(source, "_Parser", parser)
        try:
            valid = read_protocol(path)
        except InputError as exc:
            return str(exc)
    return (valid.batch.nodes, valid.batch.edges, valid.batch.digest, valid.claims, valid.clause_spans)


def both(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    return outcome(path, PARSERS["libyaml"], monkeypatch), outcome(path, PARSERS["pure"], monkeypatch)


def same(fast: object, pure: object) -> bool:
    """Equal, or both a malformed-YAML refusal on the same line (each parser words its own problem)."""
    if fast == pure:
        return True
    if not (isinstance(fast, str) and isinstance(pure, str)):
        return False
    head = fast.split(" malformed YAML: ")[0]
    return " malformed YAML: " in fast and pure.startswith(head + " malformed YAML: ")


def test_libyaml_is_the_parser_here() -> None:
    """The comparison is only worth something where the C parser is the one validation uses."""
    assert yaml.__with_libyaml__ and source.LIBYAML and source._Parser is yaml.CSafeLoader
    assert source.PARSER_NOTE is None


def test_good_protocol_same_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    fast, pure = both(TESTSHIRE, monkeypatch)
    assert not isinstance(fast, str), fast
    assert fast == pure
    nodes, edges = fast[0], fast[1]  # type: ignore[index]
    assert len(nodes) > 10 and len(edges) > 10


@pytest.mark.parametrize("case", YAML_CASES, ids=lambda c: c.name)
def test_bad_protocol_same_refusal(tmp_path: Path, case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    assert case.old in GOOD, case.name
    shutil.copy(FIXTURES / "testshire.txt", tmp_path / "testshire.txt")
    path = tmp_path / "variant.yaml"
    path.write_text(GOOD.replace(case.old, case.new, 1))
    fast, pure = both(path, monkeypatch)
    assert isinstance(fast, str) and case.message in fast, fast
    where = f"{path}:{case.line}:" if case.line else f"{path}:"
    assert fast.startswith(where), fast
    assert same(fast, pure), f"libyaml: {fast}\npure:    {pure}"


# The 10 MB cases are left to tests/test_hostile_input.py: pure Python takes minutes to parse 10 MB.
PARSED_HOSTILE = [c for c in HOSTILE if "10mb" not in c.name]


@pytest.mark.parametrize("case", PARSED_HOSTILE, ids=lambda c: c.name)
def test_hostile_input_same_refusal(tmp_path: Path, case: Hostile, monkeypatch: pytest.MonkeyPatch) -> None:
    path = case.make(tmp_path)
    fast, pure = both(path, monkeypatch)
    assert isinstance(fast, str) and case.says in fast, fast
    assert same(fast, pure), f"libyaml: {fast}\npure:    {pure}"
