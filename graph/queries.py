"""Cypher statements live in the ``cypher`` package, one per file, and are loaded by name.

Keeping Cypher out of Python strings means every statement is reviewed as Cypher, and user input can
only ever arrive as a parameter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

SUFFIX = ".cypher"
_INCLUDE = re.compile(r"^\s*// include: (\S+)\s*$")


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    header: dict[str, str]


class UnknownQuery(KeyError):
    """Raised for a name with no file behind it: a programming error, not a user one."""


def _root() -> Traversable:
    return resources.files("govgraph.cypher")


def _walk(folder: Traversable, prefix: str = "") -> dict[str, Traversable]:
    found: dict[str, Traversable] = {}
    for entry in folder.iterdir():
        if entry.is_dir():
            found.update(_walk(entry, f"{prefix}{entry.name}/"))
        elif entry.name.endswith(SUFFIX):
            found[prefix + entry.name[: -len(SUFFIX)]] = entry
    return found


@cache
def _index() -> dict[str, Traversable]:
    return _walk(_root())


def names(folder: str = "") -> list[str]:
    """Every statement name, optionally only those under ``folder`` (e.g. ``schema``), sorted."""
    prefix = folder.rstrip("/") + "/" if folder else ""
    return sorted(name for name in _index() if name.startswith(prefix))


@cache
def query(name: str) -> Query:
    try:
        source = _index()[name].read_text(encoding="utf-8")
    except KeyError as exc:
        raise UnknownQuery(name) from exc
    return Query(name=name, text=_expand(source, (name,)), header=parse_header(source))


def _expand(source: str, chain: tuple[str, ...]) -> str:
    """Replace each ``// include: NAME`` line by that fragment's statement (its header dropped).

    Cypher has no includes; this lets several statements share one subquery written once, while each
    is still a whole statement in a file of its own.
    """
    lines = []
    for line in source.splitlines():
        match = _INCLUDE.match(line)
        if not match:
            lines.append(line)
            continue
        fragment = match.group(1)
        if fragment in chain:
            raise ValueError(f"cypher include cycle: {' -> '.join((*chain, fragment))}")
        try:
            text = _index()[fragment].read_text(encoding="utf-8")
        except KeyError as exc:
            raise UnknownQuery(f"{fragment} (included by {chain[-1]})") from exc
        lines.extend(
            line for line in _expand(text, (*chain, fragment)).splitlines() if not line.startswith("//")
        )
    return "\n".join(lines) + "\n"


def cypher(name: str) -> str:
    return query(name).text


def parse_header(source: str) -> dict[str, str]:
    """Read the leading ``// key: value`` comment lines; a continuation line adds to the last key."""
    header: dict[str, str] = {}
    last = None
    for line in source.splitlines():
        stripped = line.strip()
        if not stripped.startswith("//"):
            break
        body = stripped[2:].strip()
        key, sep, value = body.partition(":")
        if sep and key.strip().isidentifier():
            last = key.strip().lower()
            header[last] = value.strip()
        elif last:
            header[last] = f"{header[last]} {body}".strip()
    return header
