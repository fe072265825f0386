"""Reading input files strictly: UTF-8 only, YAML without duplicate keys, every value's line remembered.

PyYAML silently keeps the last of two equal keys and forgets where values stood; building the data
ourselves from the parser's events lets every later error point at the line a reviewer has to fix.

Every input is bounded before it is parsed (a regular file, a size, a line count) and while it is parsed
(nesting depth; no anchors, aliases or tags, which the format never needs and which carry the
billion-laughs and recursion attacks), so a hostile file is refused in time linear in its size.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from loaders.errors import InputError

Location = tuple[str | int, ...]

# Limits of a protocol's files. The largest real protocols are ~200 KB of text; a 4,000-clause one
# is ~3 MB of YAML. Anything above these is a mistake (or an attack), refused before it is parsed.
MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_LINES = 400_000
MAX_DEPTH = 12  # the format nests 5 deep (relations[3].what); a margin for flow style

# libyaml's C parser is about four times faster than PyYAML's pure-Python one and keeps the same marks.
LIBYAML = bool(getattr(yaml, "__with_libyaml__", False))
_Parser: Any = yaml.CSafeLoader if LIBYAML else yaml.SafeLoader
PARSER_NOTE = (
    None
    if LIBYAML
    else "note: PyYAML was built without libyaml, so YAML is parsed in pure Python (about 4x slower)"
)

_BOOLS = yaml.constructor.SafeConstructor.bool_values
_RESOLVER = yaml.resolver.Resolver()
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"


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


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """A regular file's bytes, at most ``limit`` of them: FIFOs, devices and huge files are refused first.

    ``stat`` before ``open`` means a FIFO is never opened (opening one blocks until a writer comes), and
    reading ``limit + 1`` bytes catches a file that grew after the stat.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(path, "file not found") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read: {exc.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, "is not a regular file (a pipe, socket or device)")
    if info.st_size > limit:
        raise InputError(path, f"is {_size(info.st_size)}, more than the limit of {_size(limit)}")
    try:
        with open(path, "rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise InputError(path, f"cannot be read: {exc.strerror}") from None
    if len(raw) > limit:
        raise InputError(path, f"is more than the limit of {_size(limit)}")
    return raw


def read_text(path: Path, limit: int = MAX_FILE_BYTES) -> str:
    """The file's text; a missing, unreadable, oversized or non-UTF-8 file is an ``InputError``."""
    raw = read_bytes(path, limit)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            path, f"is not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})", line=line
        ) from None
    lines = text.count("\n")
    if lines > MAX_LINES:
        raise InputError(path, f"has {lines} lines, more than the limit of {MAX_LINES}")
    return text


def _size(count: int) -> str:
    return f"{count / (1024 * 1024):.1f} MiB" if count >= 1024 * 1024 else f"{count} bytes"


def parse_yaml(path: Path, text: str) -> Parsed:
    """One YAML document as plain data and line marks, built from the parser's events in one pass."""
    parser = _Parser(text)
    builder = _Builder(path)
    try:
        while (event := parser.get_event()) is not None:
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise InputError(path, f"malformed YAML: {exc.problem or exc.context}", line=line) from None
    except yaml.YAMLError as exc:
        raise InputError(path, f"malformed YAML: {_one_line(str(exc))}") from None
    finally:
        parser.dispose()
    if builder.root is None:
        raise InputError(path, "is empty")
    return Parsed(builder.root, builder.lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())


@dataclass
class _Frame:
    """An open mapping or sequence: where it stands, and for a mapping the key awaiting its value."""

    value: dict[str, Any] | list[Any]
    loc: Location
    key: str | None = None


class _Builder:
    """Turns parser events into dicts, lists and scalars, refusing what the format has no use for."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stack: list[_Frame] = []
        self.lines: dict[Location, int] = {}
        self.root: Any = None
        self.documents = 0

    def fail(self, event: yaml.Event, message: str) -> InputError:
        return InputError(self.path, message, line=event.start_mark.line + 1)

    def feed(self, event: yaml.Event) -> None:
        """Take one event: a node starts or ends, or a document starts (only one may)."""
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise self.fail(event, "holds more than one YAML document (a second '---')")
            return
        if isinstance(event, yaml.AliasEvent):
            raise self.fail(event, "YAML aliases (*name) are not part of the format: write the value out")
        if isinstance(event, yaml.ScalarEvent | yaml.MappingStartEvent | yaml.SequenceStartEvent):
            self._node(event)
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            self.stack.pop()

    def _node(self, event: yaml.NodeEvent) -> None:
        if event.anchor is not None:
            raise self.fail(event, f"YAML anchors (&{event.anchor}) are not part of the format")
        if event.tag not in (None, "!"):
            raise self.fail(event, f"YAML tags ({event.tag}) are not part of the format")
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.value, dict) and top.key is None:
            self._key(top, event)
            return
        loc = self._place(top, event)
        if isinstance(event, yaml.ScalarEvent):
            self._store(top, _scalar(event))
            return
        if len(self.stack) >= MAX_DEPTH:
            raise self.fail(event, f"nests deeper than {MAX_DEPTH} levels")
        container: dict[str, Any] | list[Any] = {} if isinstance(event, yaml.MappingStartEvent) else []
        self._store(top, container)
        self.stack.append(_Frame(container, loc))

    def _key(self, frame: _Frame, event: yaml.NodeEvent) -> None:
        if not isinstance(event, yaml.ScalarEvent):
            raise self.fail(event, "mapping keys must be plain names")
        key = event.value
        assert isinstance(frame.value, dict)
        if key in frame.value:
            raise InputError(
                self.path,
                f"duplicate key '{key}'",
                line=event.start_mark.line + 1,
                field=dotted((*frame.loc, key)),
            )
        frame.key = key
        self.lines[(*frame.loc, key)] = event.start_mark.line + 1

    def _place(self, top: _Frame | None, event: yaml.NodeEvent) -> Location:
        if top is None:
            self.lines[()] = event.start_mark.line + 1
            return ()
        if isinstance(top.value, dict):
            assert top.key is not None
            return (*top.loc, top.key)  # its line is the key's, recorded in _key
        loc = (*top.loc, len(top.value))
        self.lines[loc] = event.start_mark.line + 1
        return loc

    def _store(self, top: _Frame | None, value: Any) -> None:
        if top is None:
            self.root = value
        elif isinstance(top.value, dict):
            assert top.key is not None
            top.value[top.key] = value
            top.key = None
        else:
            top.value.append(value)


def _scalar(event: yaml.ScalarEvent) -> Any:
    """Plain scalars may be null or a boolean; everything else stays text.

    The format has no numeric or date fields: numbers in it are clause numbers, kept as written (an
    unquoted 2.10 must stay "2.10", not become 2.1), and text that looks like a date stays text.
    """
    if event.style or not event.implicit[0]:
        return event.value
    tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, (True, False))
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return _BOOLS[event.value.lower()]
    return event.value


def dotted(loc: Location) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
