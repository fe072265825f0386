"""Positions computed in Python for large diagrams, so the browser does no physics at all.

A force simulation over thousands of nodes keeps the page busy for seconds and never quite settles; a
governance graph does not need one. Each connected group (in practice, an area) is drawn as rings:
bodies on the inner ring, in an order that keeps linked bodies side by side, then roles, then people,
each next to what it is attached to. The groups are then packed in rows, largest first. Pure Python,
O(n log n), and the same positions on every run.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

from govgraph.frontend.model import DiagramGraph

LEVELS = {"Body": 0, "Role": 1, "Person": 2}
SPACING = 190.0  # arc length between neighbours on a ring
RING_GAP = 170.0  # radial distance between rings
MARGIN = 140.0  # space around each group

Point = tuple[float, float]


@dataclass
class _Group:
    positions: dict[str, Point]
    radius: float


def compute_layout(graph: DiagramGraph) -> dict[str, Point]:
    """Every party's position: groups laid out as rings, packed in rows."""
    near = graph.neighbours()
    groups = [_rings(component, near, graph) for component in _components(near)]
    return _pack(groups)


def _components(near: dict[str, set[str]]) -> list[list[str]]:
    """Connected groups, each in breadth-first order, biggest first (ties by first id)."""
    seen: set[str] = set()
    found = []
    for start in sorted(near):
        if start in seen:
            continue
        seen.add(start)
        order, queue = [], deque([start])
        while queue:
            current = queue.popleft()
            order.append(current)
            for other in sorted(near[current] - seen):
                seen.add(other)
                queue.append(other)
        found.append(order)
    return sorted(found, key=lambda c: (-len(c), c[0]))


def _rings(component: list[str], near: dict[str, set[str]], graph: DiagramGraph) -> _Group:
    """Lowest level present on the inner ring; each other node beside its anchor one level in."""
    level = {n: LEVELS.get(graph.parties[n].label, 2) for n in component}
    base = min(level.values())
    inner = _ring_order([n for n in component if level[n] == base], near)
    radius = _ring_radius(len(inner))
    angle: dict[str, float] = {}
    positions: dict[str, Point] = {}
    for i, node in enumerate(inner):
        angle[node] = 2 * math.pi * i / len(inner)
        positions[node] = _polar(radius if len(inner) > 1 else 0.0, angle[node])
    for depth in sorted({lv for lv in level.values() if lv > base}):
        ring = [n for n in component if level[n] == depth]
        radius = max(max(radius, SPACING / 2) + RING_GAP, _ring_radius(len(ring)))
        _place_ring(ring, radius, angle, positions, near)
    return _Group(positions, radius + MARGIN)


def _ring_order(nodes: list[str], near: dict[str, set[str]]) -> list[str]:
    """Breadth-first from the best-connected node, so linked nodes sit side by side on the ring."""
    members = set(nodes)
    order: list[str] = []
    seen: set[str] = set()
    for start in sorted(nodes, key=lambda n: (-len(near[n] & members), n)):
        if start in seen:
            continue
        queue = deque([start])
        order.append(start)
        seen.add(start)
        while queue:
            current = queue.popleft()
            for other in sorted(near[current] & members - seen, key=lambda n: (-len(near[n] & members), n)):
                order.append(other)
                seen.add(other)
                queue.append(other)
    return order


def _place_ring(
    ring: list[str],
    radius: float,
    angle: dict[str, float],
    positions: dict[str, Point],
    near: dict[str, set[str]],
) -> None:
    """Fan each node out around its anchor (the first of its neighbours already placed, by id), then
    push apart any closer than ``SPACING``; a node with no placed neighbour is spread round the ring."""
    gap = SPACING / radius
    by_anchor: dict[str | None, list[str]] = {}
    for node in ring:
        placed = sorted(n for n in near[node] if n in angle)
        by_anchor.setdefault(placed[0] if placed else None, []).append(node)
    wanted: list[tuple[str, float]] = []
    for anchor, nodes in sorted(by_anchor.items(), key=lambda kv: (kv[0] is None, kv[0] or "")):
        if anchor is None:
            wanted += [(n, 2 * math.pi * (i + 0.5) / len(nodes)) for i, n in enumerate(nodes)]
        else:
            wanted += [(n, angle[anchor] + (i - (len(nodes) - 1) / 2) * gap) for i, n in enumerate(nodes)]
    for node, theta in _spread(wanted, gap).items():
        angle[node] = theta
        positions[node] = _polar(radius, theta)


def _spread(wanted: list[tuple[str, float]], gap: float) -> dict[str, float]:
    """Angles as near the wanted ones as can be with at least ``gap`` between neighbours; evenly round
    the circle when they do not fit that way."""
    order = sorted(wanted, key=lambda item: (item[1], item[0]))
    angles = [theta for _, theta in order]
    for i in range(1, len(angles)):
        angles[i] = max(angles[i], angles[i - 1] + gap)
    if angles and angles[-1] - angles[0] > 2 * math.pi - gap:
        angles = [angles[0] + 2 * math.pi * i / len(angles) for i in range(len(angles))]
    return {node: theta for (node, _), theta in zip(order, angles, strict=True)}


def _ring_radius(count: int) -> float:
    return max(SPACING, count * SPACING / (2 * math.pi)) if count > 1 else 0.0


def _polar(radius: float, theta: float) -> Point:
    return (round(radius * math.cos(theta), 1), round(radius * math.sin(theta), 1))


def _pack(groups: list[_Group]) -> dict[str, Point]:
    """Shelf packing: rows about as wide as the whole is tall, biggest groups first."""
    if not groups:
        return {}
    total = sum((2 * g.radius) ** 2 for g in groups)
    width = max(2 * groups[0].radius, math.sqrt(total))
    x = y = row_height = 0.0
    positions: dict[str, Point] = {}
    for group in groups:
        size = 2 * group.radius
        if x > 0 and x + size > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + group.radius, y + group.radius
        for node, (px, py) in group.positions.items():
            positions[node] = (round(cx + px, 1), round(cy + py, 1))
        x += size
        row_height = max(row_height, size)
    return positions
