"""The accountability view's geometry and the bodies' centrality, computed in Python for the standalone
diagrams and served to the explorer (``/explorer/api/view``), so both draw one area the same way.

The accountability view is the picture a governance lead draws on a whiteboard: each body below those it
reports to, is a subgroup of, or is held to account by (``style.UPWARD``); the roles and people of a body
tucked in a small grid under it. Layers are longest paths from the top after breaking any cycle, bodies
within a layer ordered by the barycentre of their neighbours (a few sweeps, deterministic), so lines
rarely cross on graphs of this size.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx
from govgraph.frontend.model import DiagramGraph, Link
from govgraph.frontend.style import HOLDS, ROLE_IN, UPWARD, family_of
from govgraph.graph.model import Label, Relation

SLOT = 215.0  # horizontal room for a body with no roles under it
TUCK_X = 165.0  # spacing of the roles and people under a body
TUCK_Y = 50.0
TUCK_COLUMNS = 3
LEVEL_GAP = 105.0  # vertical room between the lowest tucked row of a layer and the next layer
BODY_DROP = 62.0  # from a body's centre to the first tucked row
SWEEPS = 4

Point = tuple[float, float]


@dataclass(frozen=True)
class Layout:
    """Where every party sits, and the layer of each body (0 is the top)."""

    positions: dict[str, Point]
    levels: dict[str, int]


def upward_pairs(links: Iterable[Link], bodies: set[str]) -> list[tuple[str, str]]:
    """(lower, upper) body pairs from the accountability edges, in a stable order, each pair once."""
    pairs: dict[tuple[str, str], None] = {}
    for link in links:
        if link.type not in UPWARD or link.start not in bodies or link.end not in bodies:
            continue
        lower, upper = (link.start, link.end) if UPWARD[link.type] else (link.end, link.start)
        if lower != upper:
            pairs[(lower, upper)] = None
    return list(pairs)


def layer(
    nodes: list[str], pairs: list[tuple[str, str]], side: Mapping[str, Iterable[str]]
) -> dict[str, int]:
    """Each node's layer: longest path down from a top node, cycles broken by dropping the edge that
    closes them (in ``nodes`` order); a node on no accountability line takes the layer of the
    neighbour it is most linked to, else the layer below the lowest."""
    parents: dict[str, list[str]] = defaultdict(list)
    for lower, upper in _acyclic(nodes, pairs):
        parents[lower].append(upper)
    placed = {n for pair in pairs for n in pair}
    levels: dict[str, int] = {}

    def depth(node: str) -> int:
        if node not in levels:
            levels[node] = 0  # a guard only: the edges are acyclic by now
            levels[node] = max((depth(p) + 1 for p in parents[node]), default=0)
        return levels[node]

    for node in nodes:
        if node in placed:
            depth(node)
    bottom = max(levels.values(), default=-1) + 1
    for node in nodes:
        if node not in placed:
            known = [o for o in side.get(node, ()) if o in levels]
            levels[node] = levels[max(known, key=list(side[node]).count)] if known else bottom
    return levels


def _acyclic(nodes: list[str], pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The pairs without those that close a cycle, found by depth-first search from each node in order."""
    up: dict[str, list[str]] = defaultdict(list)
    for lower, upper in pairs:
        up[lower].append(upper)
    state: dict[str, int] = {}  # 1 on the current path, 2 finished
    dropped: set[tuple[str, str]] = set()

    def visit(node: str) -> None:
        state[node] = 1
        for upper in up[node]:
            if state.get(upper) == 1:
                dropped.add((node, upper))
            elif upper not in state:
                visit(upper)
        state[node] = 2

    for node in nodes:
        if node not in state:
            visit(node)
    return [p for p in pairs if p not in dropped]


def order_layers(
    levels: Mapping[str, int], near: Mapping[str, set[str]], key: Mapping[str, str]
) -> list[list[str]]:
    """Bodies of each layer left to right: first by ``key``, then by the barycentre of their
    neighbours in the layers above and below, sweeping down and up a few times."""
    count = max(levels.values(), default=-1) + 1
    rows = [sorted((n for n, lv in levels.items() if lv == i), key=lambda n: key[n]) for i in range(count)]
    for sweep in range(SWEEPS):
        indices = range(1, count) if sweep % 2 == 0 else range(count - 2, -1, -1)
        for i in indices:
            fixed = rows[i - 1] if sweep % 2 == 0 else rows[i + 1]
            where = {n: j for j, n in enumerate(fixed)}
            rows[i] = sorted(rows[i], key=lambda n: (_barycentre(n, near, where, rows[i]), key[n]))
    return rows


def _barycentre(node: str, near: Mapping[str, set[str]], where: Mapping[str, int], row: list[str]) -> float:
    seen = [where[o] for o in near.get(node, ()) if o in where]
    return sum(seen) / len(seen) if seen else float(row.index(node))


def tucked_under(graph: DiagramGraph) -> dict[str, list[str]]:
    """The roles and people drawn under each body: a role under the body it is a post of (else the
    one it chairs, else the first it is a member of); a person under their role's body, else the body
    they sit on."""
    anchor: dict[str, str] = {}
    preference = {ROLE_IN: 0, Relation.CHAIRS: 1, Relation.MEMBER_OF: 2}
    links = sorted(graph.links, key=lambda lk: (preference.get(lk.type, 9), lk.end))
    for want in (Label.ROLE, Label.PERSON):
        for link in links:
            party = graph.parties[link.start]
            if party.label != want or link.start in anchor:
                continue
            target = graph.parties[link.end]
            if link.type in preference and target.label == Label.BODY:
                anchor[link.start] = link.end
            elif link.type == HOLDS and link.end in anchor:
                anchor[link.start] = anchor[link.end]
    under: dict[str, list[str]] = defaultdict(list)
    for party in sorted(graph.parties.values(), key=lambda p: (p.label != Label.ROLE, p.name)):
        if party.label != Label.BODY:
            under[anchor.get(party.id, "")].append(party.id)
    return under


def accountability_layout(graph: DiagramGraph) -> Layout:
    """Positions for the accountability view of ``graph`` (one area, or a few)."""
    bodies = [p.id for p in sorted(graph.parties.values(), key=_body_key) if p.label == Label.BODY]
    pairs = upward_pairs(graph.links, set(bodies))
    side = _side_links(graph, set(bodies))
    levels = layer(bodies, pairs, side)
    near: dict[str, set[str]] = defaultdict(set)
    for lower, upper in pairs:
        near[lower].add(upper)
        near[upper].add(lower)
    rows = order_layers(levels, near, {b: _body_key(graph.parties[b]) for b in bodies})
    under = tucked_under(graph)
    return Layout(place(rows, under), levels)


def _body_key(party: object) -> str:
    return f"{getattr(party, 'kind', '') or ''}|{getattr(party, 'name', '')}"


def _side_links(graph: DiagramGraph, bodies: set[str]) -> dict[str, list[str]]:
    side: dict[str, list[str]] = defaultdict(list)
    for link in graph.links:
        if link.start in bodies and link.end in bodies and link.start != link.end:
            side[link.start].append(link.end)
            side[link.end].append(link.start)
    return side


def place(
    rows: list[list[str]], under: Mapping[str, list[str]], tops: list[float] | None = None
) -> dict[str, Point]:
    """Positions: each layer a row, centred on x = 0, its bodies' roles and people in a grid under each.
    ``tops`` gives each layer's y (to line up two areas' layers); by default each layer starts below
    the deepest grid of the one above."""
    positions: dict[str, Point] = {}
    ys = tops or layer_tops(rows, under)
    for row, y in zip(rows, ys, strict=False):
        widths = [max(SLOT, min(len(under.get(b, [])), TUCK_COLUMNS) * TUCK_X + 40) for b in row]
        x = -sum(widths) / 2
        for body, width in zip(row, widths, strict=True):
            cx = x + width / 2
            positions[body] = (round(cx, 1), round(y, 1))
            _tuck(under.get(body, []), cx, y, positions)
            x += width
    bottom = ys[-1] + row_height(rows[-1], under) if rows else 0.0
    _tuck_loose(under.get("", []), bottom, positions)
    return positions


def row_height(row: list[str], under: Mapping[str, list[str]]) -> float:
    deepest = max((-(-len(under.get(b, [])) // TUCK_COLUMNS) for b in row), default=0)
    return BODY_DROP + deepest * TUCK_Y + LEVEL_GAP


def layer_tops(rows: list[list[str]], under: Mapping[str, list[str]]) -> list[float]:
    """Each layer's y: below the deepest grid of roles and people of the layer above."""
    tops, y = [], 0.0
    for row in rows:
        tops.append(y)
        y += row_height(row, under)
    return tops


def _tuck(items: list[str], cx: float, y: float, positions: dict[str, Point]) -> int:
    """A grid of up to ``TUCK_COLUMNS`` under the body at (cx, y); returns how many rows it took."""
    rows = -(-len(items) // TUCK_COLUMNS)
    for i, item in enumerate(items):
        row, col = divmod(i, TUCK_COLUMNS)
        in_row = min(TUCK_COLUMNS, len(items) - row * TUCK_COLUMNS)
        px = cx + (col - (in_row - 1) / 2) * TUCK_X
        positions[item] = (round(px, 1), round(y + BODY_DROP + row * TUCK_Y, 1))
    return rows


def _tuck_loose(items: list[str], y: float, positions: dict[str, Point]) -> None:
    """Roles and people tied to no body: a row of their own at the bottom."""
    for i, item in enumerate(items):
        positions[item] = (round((i - (len(items) - 1) / 2) * TUCK_X, 1), round(y, 1))


def centrality(graph: DiagramGraph) -> dict[str, float]:
    """How many accountability lines run through each body: betweenness (unnormalised, networkx) on the
    bodies joined by accountability-family edges, in their accountable direction (lower to upper)."""
    bodies = {p for p, party in graph.parties.items() if party.label == Label.BODY}
    net = nx.DiGraph()
    net.add_nodes_from(sorted(bodies))
    for link in graph.links:
        if link.start in bodies and link.end in bodies and family_of(link.type).rank == 0:
            lower, upper = (link.start, link.end) if UPWARD.get(link.type, True) else (link.end, link.start)
            if lower != upper:
                net.add_edge(lower, upper)
    return {n: round(v, 2) for n, v in nx.betweenness_centrality(net, normalized=False).items()}
