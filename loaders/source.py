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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from govgraph.loaders.errors import InputError

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


class Lines:
    """The line (1-based) of each mapping value and list item, kept beside the data it marks.

    Marks are stored per container (a mapping's by key, a sequence's by index) rather than under a
    tuple of the whole path for every value: building those tuples was the larger part of reading a
    file. A location is looked up by walking the data from the root.
    """

    __slots__ = ("marks", "root", "root_line")

    def __init__(self, root: Any, root_line: int, marks: dict[int, Any]) -> None:
        self.root, self.root_line, self.marks = root, root_line, marks

    def deepest(self, loc: Location) -> tuple[int, int]:
        """(how many parts of ``loc`` exist in the file, the line of the last of them)."""
        node, line, depth = self.root, self.root_line, 0
        for part in loc:
            marks = self.marks.get(id(node))
            if node.__class__ is dict:
                if part not in node:
                    break
            elif node.__class__ is not list or part.__class__ is not int or not 0 <= part < len(node):
                break
            line, node, depth = marks[part], node[part], depth + 1
        return depth, line

    def get(self, loc: Location, default: int | None = None) -> int | None:
        depth, line = self.deepest(loc)
        return line if depth == len(loc) else default

    def __contains__(self, loc: Location) -> bool:
        return self.deepest(loc)[0] == len(loc)

    def __getitem__(self, loc: Location) -> int:
        depth, line = self.deepest(loc)
        if depth != len(loc):
            raise KeyError(loc)
        return line


@dataclass
class Parsed:
    """A YAML document as plain data, plus the line (1-based) of each mapping value and list item."""

    data: Any
    lines: Lines

    def line_of(self, loc: Location) -> int | None:
        """The line of ``loc`` or of its nearest ancestor that exists in the file."""
        return self.lines.deepest(loc)[1]


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
            # As many bytes as the stat said and one more: ``read(limit + 1)`` would allocate a buffer of
            # the whole limit (16 MiB) for every file, a tenth of a millisecond each time. Only a file that
            # grew since the stat is read on, to one byte past the limit.
            raw = handle.read(info.st_size + 1)
            if len(raw) > info.st_size:
                raw += handle.read(limit + 1 - len(raw))
    except OSError as exc:
        raise InputError(path, f"cannot be read: {exc.strerror}") from None
    if len(raw) > limit:
        raise InputError(path, f"is more than the limit of {_size(limit)}")
    return raw


def read_text(path: Path, limit: int = MAX_FILE_BYTES) -> str:
    """The file's text; a missing, unreadable, oversized or non-UTF-8 file is an ``InputError``."""
    return decoded(path, read_bytes(path, limit))


def decoded(path: Path, raw: bytes) -> str:
    """``raw`` (the bytes of ``path``) as text: UTF-8 and at most MAX_LINES lines, else an ``InputError``."""
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
    try:
        root, lines = _build(path, parser.get_event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        if exc.problem == _LIBYAML_TOO_DEEP:  # libyaml's own bound, met before ours by scanning ahead
            raise InputError(path, f"nests deeper than {MAX_DEPTH} levels", line=line) from None
        raise InputError(path, f"malformed YAML: {exc.problem or exc.context}", line=line) from None
    except yaml.YAMLError as exc:
        raise InputError(path, f"malformed YAML: {_one_line(str(exc))}") from None
    finally:
        parser.dispose()
    if root is None:
        raise InputError(path, "is empty")
    return Parsed(root, lines)


# libyaml (0.2.5 on) refuses flow collections nested 1,000 deep while scanning ahead of the events we
# check: the same refusal as ours (said as ours, so both parsers give one message), at libyaml's line.
_LIBYAML_TOO_DEEP = "exceeded maximum nesting depth"


def _one_line(text: str) -> str:
    return " ".join(text.split())


_AWAITING_KEY = object()
_UNTAGGED = (None, "!")  # no tag, or the non-specific "!" (a quoted scalar's): all a document may carry


def _build(path: Path, next_event: Callable[[], yaml.Event | None]) -> tuple[Any, Lines]:
    """Dicts, lists and scalars from parser events, refusing what the format has no use for.

    One flat loop over the events (no recursion, so no depth can overflow a stack). The open container
    is held in local variables (``container``, its lines ``own`` by key or index, and ``key``: the
    mapping key awaiting its value, ``_AWAITING_KEY`` until the key scalar arrives, or None in a
    sequence); the containers around it wait on ``stack``. This is the hot path of validation, hence
    written for speed: one event at a time, locals rather than indexing a frame, no path built per value.
    """
    stack: list[tuple[Any, Any, Any]] = []
    marks: dict[int, Any] = {}
    root: Any = None
    root_line = depth = documents = 0
    container: Any = None
    own: Any = None
    key: Any = None
    scalar, plain, untagged = yaml.ScalarEvent, _PLAIN.get, _UNTAGGED
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    awaiting, longest = _AWAITING_KEY, _LONGEST_PLAIN

    while (event := next_event()) is not None:
        kind = event.__class__
        if kind is scalar:  # most events: keys first, then values; only an item's line is read here
            if event.anchor is not None or event.tag not in untagged:
                raise _unwanted(path, event)
            value = event.value
            if container is None:
                root, root_line = _scalar(event), event.start_mark.line + 1
            elif key is awaiting:
                if value in container:
                    line = event.start_mark.line + 1
                    field = _field(stack, value)
                    raise InputError(path, f"duplicate key '{value}'", line=line, field=field)
                key = value
                own[value] = event.start_mark.line + 1  # a mapping value's line is its key's
            else:
                # Only short plain scalars can be null or a boolean: the length first spares a
                # clause's text two attribute loads and hashing it for a lookup that cannot match.
                if len(value) <= longest and not event.style and event.implicit[0]:
                    value = plain(value, value)
                if key is None:  # a sequence
                    container.append(value)
                    own.append(event.start_mark.line + 1)
                else:
                    container[key] = value
                    key = awaiting
            continue
        if kind is mapping_end or kind is sequence_end:
            depth -= 1
            container, own, key = stack.pop() if stack else (None, None, None)
            continue
        if kind is mapping_start or kind is sequence_start:
            if event.anchor is not None or event.tag not in untagged:
                raise _unwanted(path, event)
            line = event.start_mark.line + 1
            if depth >= MAX_DEPTH:
                raise InputError(path, f"nests deeper than {MAX_DEPTH} levels", line=line)
            depth += 1
            is_mapping = kind is mapping_start
            inner: Any = {} if is_mapping else []
            inner_own: Any = {} if is_mapping else []
            if container is None:
                root, root_line = inner, line
            else:
                if key is awaiting:
                    raise InputError(path, "mapping keys must be plain names", line=line)
                if key is None:
                    container.append(inner)
                    own.append(line)
                else:
                    container[key] = inner
                    key = awaiting
                stack.append((container, own, key))
            marks[id(inner)] = inner_own
            container, own, key = inner, inner_own, awaiting if is_mapping else None
            continue
        if kind is yaml.AliasEvent:
            raise _unwanted(path, event)
        if kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                line = event.start_mark.line + 1
                raise InputError(path, "holds more than one YAML document (a second '---')", line=line)
    return root, Lines(root, root_line, marks)


def _unwanted(path: Path, event: yaml.Event) -> InputError:
    """An alias, anchor or tag: YAML features the format never needs, and which carry its attacks."""
    line = event.start_mark.line + 1
    if event.__class__ is yaml.AliasEvent:
        return InputError(
            path, "YAML aliases (*name) are not part of the format: write the value out", line=line
        )
    if event.anchor is not None:
        return InputError(path, f"YAML anchors (&{event.anchor}) are not part of the format", line=line)
    return InputError(path, f"YAML tags ({event.tag}) are not part of the format", line=line)


def _field(stack: list[tuple[Any, Any, Any]], key: str) -> str:
    """The dotted name of ``key`` in the innermost open mapping (``stack``: the containers around it),
    for a message only.

    Each open container is the last value added to the one around it (the mapping's last
    key, the sequence's last index), so the path is recovered without having been kept.
    """
    loc: list[str | int] = []
    for outer in stack:
        container = outer[0]
        loc.append(next(reversed(container)) if container.__class__ is dict else len(container) - 1)
    return dotted((*loc, key))


# Plain scalars that YAML 1.1 reads as null or a boolean: a closed set (the resolver's patterns are
# alternatives of fixed words), computed once from PyYAML's own resolver so it cannot drift from it.
_PLAIN: dict[str, Any] = {}
for _word in [*_BOOLS, "null", "~", ""]:
    for _spelling in {_word, _word.lower(), _word.capitalize(), _word.upper()}:
        _tag = _RESOLVER.resolve(yaml.ScalarNode, _spelling, (True, False))
        if _tag == _NULL:
            _PLAIN[_spelling] = None
        elif _tag == _BOOL:
            _PLAIN[_spelling] = _BOOLS[_spelling.lower()]


_LONGEST_PLAIN = max(map(len, _PLAIN))


def _scalar(event: yaml.ScalarEvent) -> Any:
    """Plain scalars may be null or a boolean; everything else stays text.

    The format has no numeric or date fields: numbers in it are clause numbers, kept as written (an
    unquoted 2.10 must stay "2.10", not become 2.1), and text that looks like a date stays text.
    """
    value = event.value
    if event.style or not event.implicit[0]:
        return value
    return _PLAIN.get(value, value)


def dotted(loc: Location) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
