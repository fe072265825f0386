"""Two areas side by side: their bodies matched by kind (the safeguarding board with the safeguarding
board), the lines between bodies compared kind to kind, and what one area has and the other lacks said in
plain words ("Leicester's safeguarding board reports to its health and wellbeing board; Wirral's does not").

Used by ``govgraph compare`` (text, JSON) and the explorer's comparison view (``/explorer/api/compare``),
which also gets the two accountability views laid out with matched bodies on the same row.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from govgraph.frontend.analysis import (
    centrality,
    layer,
    order_layers,
    place,
    row_height,
    tucked_under,
    upward_pairs,
)
from govgraph.frontend.model import DiagramGraph, Link, Party
from govgraph.frontend.read import area_names, read_graph
from govgraph.frontend.style import ACCOUNTABILITY_EDGE_TYPES, MEMBERSHIP, edge_style
from govgraph.graph.model import Label
from neo4j import Driver

AREA_GAP = 260.0  # between the two areas' columns


@dataclass(frozen=True)
class Line:
    """A relation between two kinds of body, with the edges that state it in one area."""

    start_kind: str
    type: str
    end_kind: str
    edges: tuple[Link, ...] = ()

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.start_kind, self.type, self.end_kind)


@dataclass
class Side:
    id: str
    name: str
    graph: DiagramGraph
    kinds: dict[str, list[Party]] = field(default_factory=dict)
    lines: dict[tuple[str, str, str], Line] = field(default_factory=dict)


@dataclass
class Comparison:
    a: Side
    b: Side

    def body_kinds(self) -> tuple[list[str], list[str], list[str]]:
        """Kinds of body in both areas, only in A, only in B."""
        return _split(self.a.kinds, self.b.kinds)

    def line_keys(self) -> tuple[list[tuple[str, str, str]], ...]:
        return _split(self.a.lines, self.b.lines)


def _split(a: dict, b: dict) -> tuple[list, list, list]:
    return (
        sorted(k for k in a if k in b),
        sorted(k for k in a if k not in b),
        sorted(k for k in b if k not in a),
    )


_KIND_WORDS = {"other": "other body", "nhs_body": "NHS body", "community": "community body"}
_VERBS = {"SUBGROUP_OF": "is a subgroup of"}


def kind_words(kind: str) -> str:
    kind = kind or "other"
    return _KIND_WORDS.get(kind) or kind.replace("_", " ").replace("childrens", "children's")


def verb(edge_type: str) -> str:
    return _VERBS.get(edge_type) or edge_style(edge_type).label


def _a(words: str) -> str:
    return ("an " if words[:1].lower() in "aeiou" or words.startswith("NHS") else "a ") + words


def compare_areas(driver: Driver, database: str | None, a: str, b: str) -> Comparison:
    """Read both areas and compare them; an unknown area raises ``frontend.read.UnknownArea``."""
    names = area_names(driver, database, a, b)
    sides = []
    for area in (a, b):
        graph = read_graph(driver, database, area, ACCOUNTABILITY_EDGE_TYPES)
        sides.append(side(area, names.get(area, area), graph))
    return Comparison(*sides)


def side(area: str, name: str, graph: DiagramGraph) -> Side:
    kinds: dict[str, list[Party]] = defaultdict(list)
    for party in sorted(graph.parties.values(), key=lambda p: p.name):
        if party.label == Label.BODY:
            kinds[party.kind or "other"].append(party)
    lines: dict[tuple[str, str, str], list[Link]] = defaultdict(list)
    for link in graph.links:
        start, end = graph.parties[link.start], graph.parties[link.end]
        stated = not link.inferred  # a comparison of what the texts state
        if stated and start.label == end.label == Label.BODY and edge_style(link.type).family != MEMBERSHIP:
            lines[(start.kind or "other", link.type, end.kind or "other")].append(link)
    found = {k: Line(*k, edges=tuple(v)) for k, v in lines.items()}
    return Side(area, name, graph, dict(kinds), found)


def line_words(key: tuple[str, str, str]) -> str:
    start, edge_type, end = key
    return f"{kind_words(start)} {verb(edge_type)} {kind_words(end)}"


def _stated(line: Line, graph: DiagramGraph) -> str:
    parts = []
    for link in line.edges:
        where = f", clause {link.ref or link.number or link.clause.rsplit('/', 1)[-1]}" if link.clause else ""
        parts.append(f"{graph.parties[link.start].name} → {graph.parties[link.end].name}{where}")
    return "; ".join(dict.fromkeys(parts))


def differences(c: Comparison) -> list[str]:
    """What one area has and the other lacks, in plain sentences, bodies first."""
    said = []
    _, only_a, only_b = c.body_kinds()
    for kind, have, lack in [(k, c.a, c.b) for k in only_a] + [(k, c.b, c.a) for k in only_b]:
        names = ", ".join(p.name for p in have.kinds[kind])
        said.append(f"{have.name} has {_a(kind_words(kind))} ({names}); {lack.name} has none.")
    _, lines_a, lines_b = c.line_keys()
    for key, have, lack in [(k, c.a, c.b) for k in lines_a] + [(k, c.b, c.a) for k in lines_b]:
        start, edge_type, end = key
        said.append(
            f"{have.name}'s {kind_words(start)} {verb(edge_type)} its {kind_words(end)}; "
            f"{lack.name}'s does not ({_stated(have.lines[key], have.graph)})."
        )
    return said


def as_dict(c: Comparison) -> dict[str, Any]:
    """The comparison as plain data (``govgraph compare --format json``)."""
    both, only_a, only_b = c.body_kinds()
    lines_both, lines_a, lines_b = c.line_keys()

    def bodies(kinds: list[str], s: Side) -> list[dict]:
        return [{"kind": k, "bodies": [{"id": p.id, "name": p.name} for p in s.kinds[k]]} for k in kinds]

    def lines(keys: list, s: Side) -> list[dict]:
        return [_line_dict(s.lines[k], s.graph) for k in keys]

    return {
        "a": {"id": c.a.id, "name": c.a.name},
        "b": {"id": c.b.id, "name": c.b.name},
        "bodies": {
            "both": [
                {"kind": k, c.a.id: bodies([k], c.a)[0]["bodies"], c.b.id: bodies([k], c.b)[0]["bodies"]}
                for k in both
            ],
            "only_a": bodies(only_a, c.a),
            "only_b": bodies(only_b, c.b),
        },
        "lines": {
            "both": [
                {"line": line_words(k), "type": k[1], "from_kind": k[0], "to_kind": k[2]} for k in lines_both
            ],
            "only_a": lines(lines_a, c.a),
            "only_b": lines(lines_b, c.b),
        },
        "differences": differences(c),
    }


def _line_dict(line: Line, graph: DiagramGraph) -> dict[str, Any]:
    return {
        "line": line_words(line.key),
        "type": line.type,
        "from_kind": line.start_kind,
        "to_kind": line.end_kind,
        "edges": [
            {
                "from": {"id": lk.start, "name": graph.parties[lk.start].name},
                "to": {"id": lk.end, "name": graph.parties[lk.end].name},
                "clause": lk.ref or lk.number or (lk.clause or "").rsplit("/", 1)[-1] or None,
                "quote": lk.quote,
            }
            for lk in line.edges
        ],
    }


def as_text(c: Comparison) -> str:
    """The comparison for people who read rather than look."""
    both, only_a, only_b = c.body_kinds()
    lines_both, lines_a, lines_b = c.line_keys()
    out = [f"{c.a.name} and {c.b.name} compared (bodies matched by kind)", "", "Bodies"]
    for kind in both:
        names = " | ".join(", ".join(p.name for p in s.kinds[kind]) for s in (c.a, c.b))
        out.append(f"  both:           {kind_words(kind)} ({names})")
    for kinds, s in ((only_a, c.a), (only_b, c.b)):
        for kind in kinds:
            names = ", ".join(p.name for p in s.kinds[kind])
            out.append(f"  only {s.name}: {kind_words(kind)} ({names})")
    out += ["", "Lines between bodies"]
    out += [f"  both:           {line_words(k)}" for k in lines_both]
    for keys, s in ((lines_a, c.a), (lines_b, c.b)):
        for key in keys:
            out.append(f"  only {s.name}: {line_words(key)} ({_stated(s.lines[key], s.graph)})")
    out += ["", "In plain words"] + [f"  - {d}" for d in differences(c)]
    return "\n".join(out) + "\n"


# -- the explorer's side-by-side view ------------------------------------------------------------------


def side_by_side(c: Comparison) -> dict[str, Any]:
    """Both accountability views in one picture: A on the left, B on the right, matched bodies (one of a
    kind in each area) in the same row, and every line marked as in both areas or in one only."""
    rows = _shared_levels(c)
    payload_nodes, payload_edges = [], []
    layouts = [_aligned_rows(s, rows) for s in (c.a, c.b)]
    depth = max(len(r) for r, _ in layouts)
    heights = [0.0] * depth
    for layer_rows, under in layouts:
        for i, y in enumerate(_gaps(layer_rows, under)):
            heights[i] = max(heights[i], y)
    tops = [sum(heights[:i]) for i in range(depth)]
    offset = 0.0
    for (s, other), (layer_rows, under) in zip(((c.a, c.b), (c.b, c.a)), layouts, strict=True):
        positions = place(layer_rows, under, tops)
        xs = [x for x, _ in positions.values()] or [0.0]
        shift = offset - min(xs)
        central = centrality(s.graph)
        for pid, (x, y) in positions.items():
            party = s.graph.parties[pid]
            payload_nodes.append(_node(party, x + shift, y, s, other, central.get(pid, 0.0)))
        payload_edges += [_edge(link, s, other) for link in s.graph.links]
        offset = max(xs) + shift + AREA_GAP
    return {
        "a": {"id": c.a.id, "name": c.a.name},
        "b": {"id": c.b.id, "name": c.b.name},
        "nodes": payload_nodes,
        "edges": payload_edges,
        "differences": differences(c),
    }


def _match_key(s: Side, party: Party, other: Side) -> str:
    """Bodies one of a kind in both areas share a key (their kind); the rest keep their own id."""
    kind = party.kind or "other"
    if len(s.kinds.get(kind, [])) == 1 and len(other.kinds.get(kind, [])) == 1:
        return f"kind:{kind}"
    return party.id


def _shared_levels(c: Comparison) -> dict[str, int]:
    """Layers over both areas at once, matched bodies merged into one node, so they share a row."""
    keys: dict[str, str] = {}
    pairs: list[tuple[str, str]] = []
    side_links: dict[str, list[str]] = defaultdict(list)
    for s, other in ((c.a, c.b), (c.b, c.a)):
        bodies = {p for p, party in s.graph.parties.items() if party.label == Label.BODY}
        for pid in sorted(bodies):
            keys[pid] = _match_key(s, s.graph.parties[pid], other)
        pairs += [(keys[lo], keys[up]) for lo, up in upward_pairs(s.graph.links, bodies)]
        for link in s.graph.links:
            if link.start in bodies and link.end in bodies:
                side_links[keys[link.start]].append(keys[link.end])
                side_links[keys[link.end]].append(keys[link.start])
    nodes = sorted(set(keys.values()))
    levels = layer(nodes, list(dict.fromkeys(pairs)), side_links)
    return {pid: levels[key] for pid, key in keys.items()}


def _aligned_rows(s: Side, levels: dict[str, int]) -> tuple[list[list[str]], dict[str, list[str]]]:
    """One area's layers (taken from the shared layering, empty where the area has no body of that
    layer) and the roles and people under each body."""
    bodies = [p for p, party in s.graph.parties.items() if party.label == Label.BODY]
    mine = {b: levels[b] for b in bodies}
    near: dict[str, set[str]] = defaultdict(set)
    for lower, upper in upward_pairs(s.graph.links, set(bodies)):
        near[lower].add(upper)
        near[upper].add(lower)
    key = {b: f"{s.graph.parties[b].kind}|{s.graph.parties[b].name}" for b in bodies}
    rows = order_layers(mine, near, key)
    depth = max(levels.values(), default=-1) + 1
    return rows + [[] for _ in range(depth - len(rows))], tucked_under(s.graph)


def _gaps(rows: list[list[str]], under: dict[str, list[str]]) -> list[float]:
    return [row_height(row, under) for row in rows]


def _node(party: Party, x: float, y: float, s: Side, other: Side, central: float) -> dict[str, Any]:
    alone = party.label == Label.BODY and (party.kind or "other") not in other.kinds
    return {
        "id": party.id,
        "label": party.name,
        "kind": party.label,
        "bodyKind": party.kind,
        "area": s.id,
        "x": round(x, 1),
        "y": round(y, 1),
        "only": s.id if alone else None,
        "centrality": central,
    }


def _edge(link: Link, s: Side, other: Side) -> dict[str, Any]:
    start, end = s.graph.parties[link.start], s.graph.parties[link.end]
    only = None
    if start.label == end.label == Label.BODY and edge_style(link.type).family != MEMBERSHIP:
        key = (start.kind or "other", link.type, end.kind or "other")
        only = s.id if key not in other.lines else None
    return {
        "id": link.id,
        "from": link.start,
        "to": link.end,
        "etype": link.type,
        "what": link.what,
        "frequency": link.frequency,
        "quote": link.quote,
        "clause": link.ref or link.number or (link.clause or "").rsplit("/", 1)[-1] or None,
        "inferred": link.inferred,
        "reason": link.reason,
        "only": only,
    }
