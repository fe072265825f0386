"""What a diagram draws: parties (bodies, roles, people), the links between them, and the findings to
highlight. Plain data, independent of Neo4j and of vis-network, so filtering, focusing and layout can be
tested on their own.
"""

from __future__ import annotations

import difflib
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from govgraph.frontend.style import SEVERITY_RANK


@dataclass(frozen=True)
class Party:
    id: str
    label: str  # Body, Role or Person
    name: str
    area: str | None = None
    kind: str | None = None
    independent: bool = False
    aliases: tuple[str, ...] = ()
    owes: int = 0
    owed: int = 0


@dataclass(frozen=True)
class Link:
    """One edge: a stated relation, a register row, or a duty (type DUTY), with the words behind it."""

    id: str
    type: str
    start: str
    end: str
    quote: str | None = None
    what: str | None = None
    frequency: str | None = None
    capacity: str | None = None
    note: str | None = None
    since: str | None = None
    until: str | None = None
    clause: str | None = None
    ref: str | None = None
    number: str | None = None
    clause_line: int | None = None
    protocol: str | None = None
    source: str | None = None
    line: int | None = None
    duty: str | None = None
    inferred: bool = False  # not stated by the text but inferred by whoever wrote the YAML ...
    reason: str | None = None  # ... for this reason


@dataclass(frozen=True)
class Finding:
    """A check's finding as a diagram needs it: how bad, what it says, and what to highlight.

    ``edge_ends`` names the edges that carry no id by (type, start, end).
    """

    severity: str
    message: str
    rule: str = ""
    nodes: tuple[str, ...] = ()
    edges: tuple[str, ...] = ()
    edge_ends: tuple[tuple[str, str, str], ...] = ()

    @property
    def rank(self) -> int:
        return SEVERITY_RANK.get(self.severity, 0)

    def touches(self, node_ids: set[str], edge_ids: set[str]) -> bool:
        return bool(node_ids.intersection(self.nodes) or edge_ids.intersection(self.edges))


@dataclass
class DiagramGraph:
    parties: dict[str, Party]
    links: list[Link] = field(default_factory=list)

    def __post_init__(self) -> None:
        """Drop links whose ends are not drawn (an edge into another area, when one area is read)."""
        self.links = [lk for lk in self.links if lk.start in self.parties and lk.end in self.parties]

    def restrict(self, ids: Iterable[str]) -> DiagramGraph:
        keep = set(ids)
        return DiagramGraph({i: p for i, p in self.parties.items() if i in keep}, list(self.links))

    def neighbours(self) -> dict[str, set[str]]:
        """Undirected adjacency: who a party is linked to, whichever way the edge points."""
        near: dict[str, set[str]] = {i: set() for i in self.parties}
        for link in self.links:
            near[link.start].add(link.end)
            near[link.end].add(link.start)
        return near

    def neighbourhood(self, focus: str, hops: int) -> DiagramGraph:
        """The focus and everything within ``hops`` links of it, following links either way."""
        near = self.neighbours()
        seen = {focus: 0}
        queue = deque([focus])
        while queue:
            current = queue.popleft()
            if seen[current] == hops:
                continue
            for other in sorted(near[current]):
                if other not in seen:
                    seen[other] = seen[current] + 1
                    queue.append(other)
        return self.restrict(seen)


class UnknownParty(LookupError):
    """A --focus that names no party, or more than one: the message says which ones it could be."""


def resolve_party(graph: DiagramGraph, text: str) -> Party:
    """The party ``text`` names: its id, or its name or an alias (any case) when only one party has it."""
    if text in graph.parties:
        return graph.parties[text]
    wanted = text.casefold().strip()
    found = [
        p
        for p in graph.parties.values()
        if wanted == p.name.casefold() or wanted in (a.casefold() for a in p.aliases)
    ]
    if len(found) == 1:
        return found[0]
    if found:
        ids = listing(sorted(p.id for p in found))
        raise UnknownParty(f"'{text}' names {len(found)} parties ({ids}); give the id of one")
    raise UnknownParty(f"no body, role or person is called '{text}'{_suggest(graph, wanted)}")


def _suggest(graph: DiagramGraph, wanted: str) -> str:
    """Close names, aliases and ids (any case), each shown as the id to give instead."""
    names: dict[str, str] = {}
    for party in graph.parties.values():
        for name in (party.id, party.name, *party.aliases):
            names.setdefault(name.casefold(), party.id)
    close = difflib.get_close_matches(wanted, list(names), n=5, cutoff=0.6)
    ids = list(dict.fromkeys(names[c] for c in close))[:3]
    return f" (did you mean {', '.join(ids)}?)" if ids else ""


def listing(items: Sequence[str], limit: int = 8) -> str:
    """A list for a message: the first few, then how many more."""
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


# -- findings from elsewhere -----------------------------------------------------------------------------


def findings_from_checks(findings: Iterable[Any]) -> list[Finding]:
    """Adapt graph.checks' findings: subjects are the nodes to mark, the path's edges the edges.

    Duck-typed on purpose (``severity``, ``message``, ``rule``, ``subjects``, ``edges``), so the diagram
    does not break when the checks grow fields, and tests can pass plain objects.
    """
    adapted = []
    for f in findings:
        edges = tuple(getattr(f, "edges", ()))
        adapted.append(
            Finding(
                severity=str(getattr(f.severity, "value", f.severity)),
                message=str(f.message),
                rule=str(getattr(f, "rule", "")),
                nodes=tuple(s.id for s in getattr(f, "subjects", ())),
                edges=tuple(e.id for e in edges if getattr(e, "id", None)),
                edge_ends=tuple((e.type, e.start, e.end) for e in edges if not getattr(e, "id", None)),
            )
        )
    return adapted


def findings_from_dicts(items: Sequence[Mapping[str, Any]]) -> list[Finding]:
    """Findings as plain data: ``{severity, message, rule?, nodes: [ids], edges: [ids]}``, or the shape
    ``graph.checks.Finding.as_dict()`` writes (subjects and path.edges as objects with ids)."""
    found = []
    for item in items:
        path = item.get("path") or {}
        nodes = item.get("nodes") or [s["id"] for s in item.get("subjects", [])]
        edge_items = item.get("edges") or path.get("edges", [])
        found.append(
            Finding(
                severity=str(item["severity"]),
                message=str(item["message"]),
                rule=str(item.get("rule", "")),
                nodes=tuple(nodes),
                edges=tuple(i for e in edge_items if (i := e if isinstance(e, str) else e.get("id"))),
                edge_ends=tuple(
                    (e["type"], e["start"], e["end"])
                    for e in edge_items
                    if isinstance(e, Mapping) and not e.get("id")
                ),
            )
        )
    return found


def findings_in_view(findings: Iterable[Finding], graph: DiagramGraph, min_severity: str) -> list[Finding]:
    """The findings at or above ``min_severity`` that touch something drawn, their edges named by id."""
    floor = SEVERITY_RANK.get(min_severity, 0)
    by_ends: dict[tuple[str, str, str], list[str]] = {}
    for link in graph.links:
        by_ends.setdefault((link.type, link.start, link.end), []).append(link.id)
    node_ids, edge_ids = set(graph.parties), {lk.id for lk in graph.links}
    kept = []
    for f in findings:
        ids = set(f.edges) | {i for ends in f.edge_ends for i in by_ends.get(ends, [])}
        f = replace(f, edges=tuple(sorted(ids & edge_ids)), nodes=tuple(n for n in f.nodes if n in node_ids))
        if f.rank >= floor and f.touches(node_ids, edge_ids):
            kept.append(f)
    return sorted(kept, key=lambda f: (-f.rank, f.rule, f.message))
