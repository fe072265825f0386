"""The plain-code schema check says yes only where pydantic accepts the data unchanged, and never to data
pydantic refuses: each field of real protocols replaced by odd values, dropped, and joined by unknown keys.

``conformance.conforms`` lets a good file skip the models (loaders/protocol.py); a wrong yes would load
data the format refuses, a wrong no only costs time. So both are counted: no wrong yes at all, and a yes
for every good document and every harmless change.

Control characters are the one thing ``conforms`` leaves out: YAML refuses them written raw, so only a
text with a backslash (an escape in a double-quoted scalar) can hold one, and ``read_protocol`` sends such
a text to pydantic. The last test holds it to that.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from govgraph.loaders.conformance import conforms
from govgraph.loaders.document import ProtocolDocument
from govgraph.loaders.errors import InputError
from govgraph.loaders.protocol import read_protocol
from govgraph.loaders.source import parse_yaml, read_text
from pydantic import ValidationError

from tests.conftest import BUNDLED, FIXTURES, TESTSHIRE

SOMERSET = FIXTURES / "corpus" / "somerset" / "reviewed.yaml"
ODD: list[Any] = [
    None,
    True,
    False,
    "",
    " ",
    "x" * 80,
    "x" * 81,
    "N" * 300,
    "N" * 301,
    "t" * 2_000,
    "t" * 2_001,
    "t" * 20_000,
    "t" * 20_001,
    "Bad Slug",
    "bad/slug",
    "-lead",
    ".lead",
    "ok.slug-2",
    "UPPER.1",
    "slug\n",
    "two\nlines",
    "yes",
    "true",
    [],
    ["ok"],
    ["ok", "Not A Slug"],
    [None],
    [{"id": "x"}],
    {},
    {"id": "x"},
    "member",
    "chair",
    "MEMBER_OF",
    "REPORTS_TO",
    "independent",
    "safeguarding_board",
    "evaluation",
    "govgraph/protocol@1",
]


def pydantic_keeps(data: Any) -> bool:
    """Whether the models accept ``data`` and give back exactly it (no value coerced, no key renamed)."""
    try:
        document = ProtocolDocument.model_validate(data)
    except ValidationError:
        return False
    return document.model_dump(by_alias=True, exclude_unset=True) == data


def variants(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The document with one field of one mapping (top, area, protocol, or an item) changed."""
    for path, mapping in mappings(data):
        for key in [*mapping, "typo", "from_", "inferred", "reason", "capacity", "quote", "aliases"]:
            for value in [*ODD, "dropped"]:
                changed = copy.deepcopy(data)
                target = changed
                for part in path:
                    target = target[part]
                if value == "dropped":
                    if key not in target:
                        continue
                    del target[key]
                else:
                    target[key] = copy.deepcopy(value)
                yield changed


def mappings(data: dict[str, Any]) -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
    """A few mappings of each kind: the document, area, protocol, the first two items of each section."""
    yield (), data
    for key, value in data.items():
        if isinstance(value, dict):
            yield (key,), value
            for inner, items in value.items():
                if isinstance(items, list) and items and isinstance(items[0], dict):
                    yield (key, inner, 0), items[0]
        elif isinstance(value, list):
            for index, item in enumerate(value[:2]):
                if isinstance(item, dict):
                    yield (key, index), item


def parsed(path: Path) -> dict[str, Any]:
    return parse_yaml(path, read_text(path)).data


@pytest.mark.parametrize("path", [TESTSHIRE, BUNDLED / "wirral.yaml", SOMERSET], ids=lambda p: p.parent.name)
def test_conforms_only_where_pydantic_keeps_the_data(path: Path) -> None:
    data = parsed(path)
    assert conforms(data) and pydantic_keeps(data)
    agreed = wrong_no = 0
    for variant in variants(data):
        keeps, says = pydantic_keeps(variant), conforms(variant)
        assert not (says and not keeps), f"conforms says yes where pydantic refuses or changes: {variant}"
        agreed += says == keeps
        wrong_no += keeps and not says
    assert agreed > 1_000
    assert wrong_no == 0, f"{wrong_no} variants pydantic keeps unchanged were sent the slow way"


def test_relation_rules() -> None:
    """RelationDoc._traceable's four rules, each broken alone."""
    data = parsed(TESTSHIRE)
    relation = next(r for r in data["relations"] if "clause" in r and "quote" in r and "duty" not in r)
    cases = [
        ({"quote": None}, False),  # no quote and no duty
        ({"capacity": "chair", "type": "REPORTS_TO"}, False),
        ({"capacity": "chair", "type": "MEMBER_OF"}, True),
        ({"inferred": True}, False),  # no reason
        ({"inferred": True, "reason": "the minutes say so"}, True),
        ({"reason": "the minutes say so"}, False),  # a reason without inference
        ({"inferred": "yes", "reason": "the minutes say so"}, False),  # pydantic's to coerce
    ]
    for change, expected in cases:
        variant = copy.deepcopy(data)
        target = next(r for r in variant["relations"] if r == relation)
        target.update(change)
        assert conforms(variant) is expected, change
        assert pydantic_keeps(variant) is expected or change.get("inferred") == "yes", change


@pytest.mark.parametrize("escape", ["\\x01", "\\u0007", "\\e", "\\x7f"])
def test_an_escaped_control_character_is_refused_by_the_models(tmp_path: Path, escape: str) -> None:
    """The fast path never sees a text with a backslash: the models' ``printable`` refuses it."""
    original = TESTSHIRE.read_text(encoding="utf-8")
    text = original.replace("name: Testshire}", f'name: "Test{escape}shire"}}', 1)
    assert escape in text
    (tmp_path / "testshire.txt").write_text((FIXTURES / "testshire.txt").read_text(encoding="utf-8"))
    path = tmp_path / "testshire.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as refused:
        read_protocol(path)
    assert refused.value.field == "area.name"
    assert "contains a control character (U+00" in refused.value.message
