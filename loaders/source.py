"""Reading input files strictly: UTF-8 only, YAML without duplicate keys, every value's line remembered.

PyYAML silently keeps the last of two equal keys and forgets where values stood; composing the node tree
ourselves lets every later error point at the line a reviewer has to fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from loaders.errors import InputError

Location = tuple[str | int, ...]
# The document format has no numeric fields; numbers in it are clause numbers, kept as written.
_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}


@dataclass
class Parsed:
    """A YAML document as plain data, plus the line (1-based) of each mapping value and list item."""

    data: Any
    lines: dict[Location, int] = field(default_factory=dict)

    def line_of(self, loc: Location) -> int | None:
        """The line of ``loc`` or of its nearest ancestor that exists in the file."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return None


def read_text(path: Path) -> str:
    """The file's text; a missing, unreadable or non-UTF-8 file is an ``InputError`` naming the line."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "file not found") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read: {exc.strerror}") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            path, f"is not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})", line=line
        ) from None


def parse_yaml(path: Path, text: str) -> Parsed:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise InputError(path, f"malformed YAML: {exc.problem or exc.context}", line=line) from None
    except yaml.YAMLError as exc:
        raise InputError(path, f"malformed YAML: {exc}") from None
    if root is None:
        raise InputError(path, "is empty")
    parsed = Parsed(data=None)
    parsed.data = _convert(path, root, (), parsed.lines)
    return parsed


def _convert(path: Path, node: yaml.Node, loc: Location, lines: dict[Location, int]) -> Any:
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if not isinstance(key_node, yaml.ScalarNode):
                raise InputError(path, "mapping keys must be plain names", line=key_node.start_mark.line + 1)
            if key in result:
                raise InputError(
                    path,
                    f"duplicate key '{key}'",
                    line=key_node.start_mark.line + 1,
                    field=dotted((*loc, key)),
                )
            result[key] = _convert(path, value_node, (*loc, key), lines)
            lines[(*loc, key)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(path, item, (*loc, i), lines) for i, item in enumerate(node.value)]
    if node.tag in _NUMBER_TAGS:
        return node.value  # clause numbers: unquoted 2.10 must stay "2.10", not become 2.1
    return yaml.constructor.SafeConstructor().construct_object(node, deep=True)


def dotted(loc: Location) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
