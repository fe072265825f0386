"""The overview of a graph too big to draw node by node: one node per area, each expandable in the page
into its bodies, roles and people and the lines between them.

A national graph (1,500 areas: about 11,000 parties and 55,000 edges) drawn in full is a 35 MB file that
takes ten seconds to draw and cannot be read anyway. The overview carries every party and edge in compact
arrays (names, kinds and types are indices into shared tables; no hover text is written per edge), so the
file stays small, and the page builds an area's nodes, bundled lines and hover text only when it is
expanded. Quotes are left out at this scale; the hover text says which command shows them.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Any

from govgraph.frontend.model import DiagramGraph, Finding
from govgraph.frontend.style import EDGE_TYPES, NODE_STYLES, SEVERITY_RANK

# Above this many bodies, roles and people a diagram is an overview (the 3,772-node benchmark graph is
# still drawn in full).
OVERVIEW_LIMIT = 5000
AREA_SPACING = 600.0  # room for an area expanded in place


def overview_data(graph: DiagramGraph, findings: list[Finding]) -> dict[str, Any]:
    """The overview payload's graph part: areas (with positions and counts) and, per area, its parties
    and links as compact rows."""
    by_area: dict[str, list[str]] = defaultdict(list)
    for pid, party in graph.parties.items():
        by_area[party.area or "?"].append(pid)
    areas = sorted(by_area)
    kinds = list(NODE_STYLES)
    types = list(EDGE_TYPES)
    index: dict[str, tuple[int, int]] = {}
    parties: list[list[list[Any]]] = []
    for a, area in enumerate(areas):
        rows = []
        for i, pid in enumerate(sorted(by_area[area])):
            party = graph.parties[pid]
            index[pid] = (a, i)
            rows.append([pid, party.name, kinds.index(party.label), party.kind or ""])
        parties.append(rows)
    links: list[list[list[Any]]] = [[] for _ in areas]
    crossing: Counter[tuple[int, int]] = Counter()
    for link in graph.links:
        (a, i), (b, j) = index[link.start], index[link.end]
        if a == b:
            ref = link.ref or link.number or (link.clause or "").rsplit("/", 1)[-1]
            links[a].append([i, j, types.index(link.type), ref, 1 if link.inferred else 0])
        else:
            crossing[(a, b)] += 1
    worst = _worst_by_area(graph, findings, {area: a for a, area in enumerate(areas)})
    columns = max(1, math.ceil(math.sqrt(len(areas))))
    return {
        "kinds": kinds,
        "types": types,
        "areas": [
            {
                "id": area,
                "count": len(parties[a]),
                "links": len(links[a]),
                "x": (a % columns) * AREA_SPACING,
                "y": (a // columns) * AREA_SPACING,
                "severity": worst.get(a),
            }
            for a, area in enumerate(areas)
        ],
        "parties": parties,
        "links": links,
        "crossing": [[a, b, n] for (a, b), n in sorted(crossing.items())],
    }


def _worst_by_area(graph: DiagramGraph, findings: list[Finding], areas: dict[str, int]) -> dict[int, str]:
    worst: dict[int, str] = {}
    for f in findings:
        for node in f.nodes:
            party = graph.parties.get(node)
            a = areas.get(party.area or "?") if party else None
            if a is not None and SEVERITY_RANK.get(f.severity, 0) > SEVERITY_RANK.get(worst.get(a, ""), -1):
                worst[a] = f.severity
    return worst


# The explorer's overview of every area: a grid of dots, wider than tall like the canvas.
GRID_X, GRID_Y = 230.0, 150.0


def explorer_overview(counts: list[dict], links: list[dict]) -> dict[str, Any]:
    """The explorer's overview (``/explorer/api/overview``): one dot per area, in a grid by name, its
    size growing with the area's bodies, and one line per pair of areas whose parties are related (the
    model keeps each area's relations inside it, so there are usually none). The page opens an area's
    accountability view when its dot is clicked."""
    ordered = sorted(counts, key=lambda c: (c["name"].lower(), c["area"]))
    columns = max(1, math.ceil(math.sqrt(len(ordered) * 2)))
    most = max((c["bodies"] for c in ordered), default=0) or 1
    areas = [
        {
            **c,
            "x": (i % columns) * GRID_X,
            "y": (i // columns) * GRID_Y,
            "size": round(8 + 22 * math.sqrt(c["bodies"] / most), 1),
        }
        for i, c in enumerate(ordered)
    ]
    return {
        "areas": areas,
        "links": links,
        "totals": {k: sum(c[k] for c in counts) for k in ("bodies", "roles", "people", "relations")},
    }
