"""How the diagrams look: one table of node and edge styles, used by the standalone diagrams (Python) and
sent as JSON to the explorer page (JavaScript), so both draw the graph the same way.

Red and amber are kept for findings, so no edge type is drawn in either; types that differ in meaning
also differ in line style (solid, dashed, dotted), not in colour alone.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from graph.model import Label, Relation


@dataclass(frozen=True)
class NodeStyle:
    label: str  # what the legend calls this kind of node
    shape: str  # a vis-network shape
    background: str
    border: str
    font: str


@dataclass(frozen=True)
class EdgeStyle:
    label: str  # the words drawn on the edge ("reports to")
    color: str
    dashes: bool | list[int]
    width: float
    directed: bool = True


NODE_STYLES: dict[str, NodeStyle] = {
    Label.BODY: NodeStyle("Body", "box", "#dbeafe", "#1d4ed8", "#0f172a"),
    Label.ROLE: NodeStyle("Role", "ellipse", "#dcfce7", "#15803d", "#052e16"),
    Label.PERSON: NodeStyle("Person", "diamond", "#f3e8ff", "#7e22ce", "#3b0764"),
}

# A duty one party owes another, drawn as an edge of its own (off by default: duties are many).
DUTY = "DUTY"
# A role is a post of a body (the loader's ROLE_IN edge); a person holds a role (a register's HOLDS).
ROLE_IN = "ROLE_IN"
HOLDS = "HOLDS"

_SOLID, _DASHED, _DOTTED, _DASH_DOT = False, [8, 5], [2, 4], [10, 4, 2, 4]

EDGE_STYLES: dict[str, EdgeStyle] = {
    Relation.REPORTS_TO: EdgeStyle("reports to", "#1d4ed8", _SOLID, 2),
    Relation.CHALLENGES: EdgeStyle("challenges", "#7c3aed", _SOLID, 2),
    Relation.SCRUTINISES: EdgeStyle("scrutinises", "#0f766e", _SOLID, 2),
    Relation.HOLDS_TO_ACCOUNT: EdgeStyle("holds to account", "#15803d", _SOLID, 2),
    Relation.OVERSEES: EdgeStyle("oversees", "#4d7c0f", _DASH_DOT, 2),
    Relation.RESPONDS_TO: EdgeStyle("responds to", "#4338ca", _DASHED, 1.5),
    Relation.CONSULTS: EdgeStyle("consults", "#0e7490", _DASHED, 1.5),
    Relation.ADVISES: EdgeStyle("advises", "#3f6212", _DASHED, 1.5),
    Relation.REFERS_TO: EdgeStyle("refers to", "#92400e", _DASH_DOT, 1.5),
    Relation.SEEKS_APPROVAL_FROM: EdgeStyle("seeks approval from", "#a21caf", _DASH_DOT, 2),
    Relation.COOPERATES_WITH: EdgeStyle("cooperates with", "#475569", _DASHED, 1.5),
    Relation.SUBGROUP_OF: EdgeStyle("subgroup of", "#1e293b", _SOLID, 3),
    Relation.DIRECTS: EdgeStyle("directs", "#78350f", _SOLID, 3),
    Relation.MEMBER_OF: EdgeStyle("member of", "#6b7280", _DOTTED, 1.5),
    Relation.CHAIRS: EdgeStyle("chairs", "#111827", _SOLID, 3),
    HOLDS: EdgeStyle("holds", "#7e22ce", _DOTTED, 1.5),
    ROLE_IN: EdgeStyle("post of", "#857d78", _DOTTED, 1),
    DUTY: EdgeStyle("owes a duty to", "#64748b", _DASHED, 1),
}

# Every edge type a diagram can draw, in legend order, and those drawn unless asked otherwise.
EDGE_TYPES: tuple[str, ...] = tuple(EDGE_STYLES)
DEFAULT_EDGE_TYPES: tuple[str, ...] = tuple(t for t in EDGE_TYPES if t != DUTY)


@dataclass(frozen=True)
class SeverityStyle:
    color: str
    label: str
    highlight: bool  # drawn on the diagram, or only told in the hover text


SEVERITY_STYLES: dict[str, SeverityStyle] = {
    "error": SeverityStyle("#dc2626", "error", True),
    "warning": SeverityStyle("#d97706", "warning", True),
    "info": SeverityStyle("#2563eb", "note", False),
}
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def node_style(label: str) -> NodeStyle:
    return NODE_STYLES.get(label, NODE_STYLES[Label.BODY])


def edge_style(edge_type: str) -> EdgeStyle:
    style = EDGE_STYLES.get(edge_type)
    return style if style else EdgeStyle(edge_type.lower().replace("_", " "), "#6b7280", _SOLID, 1)


def style_table() -> dict[str, Any]:
    """The whole table as plain data: what the explorer page receives, so it draws like the diagrams."""
    return {
        "nodes": {k: asdict(v) for k, v in NODE_STYLES.items()},
        "edges": {k: asdict(v) for k, v in EDGE_STYLES.items()},
        "edgeTypes": list(EDGE_TYPES),
        "defaultEdgeTypes": list(DEFAULT_EDGE_TYPES),
        "severities": {k: asdict(v) for k, v in SEVERITY_STYLES.items()},
    }
