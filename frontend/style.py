"""How the diagrams look: one table of node and edge styles, used by the standalone diagrams (Python) and
sent as JSON to the explorer page (JavaScript), so both draw the graph the same way.

Edge types come in four families, each with its own colour: accountability (indigo), challenge and
scrutiny (reddish purple), consultation and advice (azure), membership and chairing (near black). They were
chosen from the Okabe-Ito and Paul Tol palettes as the set that stays furthest apart from each other and
from the findings' red and amber under simulated deuteranopia and protanopia (tests/test_explorer_views.py
holds them to it). Within a family, types differ by line style. Red and amber are kept for findings; an
inferred edge is dotted whatever its type.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from govgraph.graph.model import Label, Relation


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
    family: str = "other"


@dataclass(frozen=True)
class Family:
    label: str  # what the legend calls it
    color: str
    rank: int  # which family names a bundle of several: the lowest rank present


ACCOUNTABILITY, CHALLENGE, CONSULTATION, MEMBERSHIP, OTHER = (
    "accountability",
    "challenge",
    "consultation",
    "membership",
    "other",
)
FAMILIES: dict[str, Family] = {
    ACCOUNTABILITY: Family("accountability", "#332288", 0),
    CHALLENGE: Family("challenge and scrutiny", "#b8478f", 1),
    CONSULTATION: Family("consultation and advice", "#0e86d4", 2),
    MEMBERSHIP: Family("membership and chairing", "#222222", 3),
    OTHER: Family("duties", "#8c8c8c", 4),
}

NODE_STYLES: dict[str, NodeStyle] = {
    Label.BODY: NodeStyle("Body", "box", "#e6f0fa", "#0b4f7c", "#0f172a"),
    Label.ROLE: NodeStyle("Role", "ellipse", "#f3f3f3", "#555555", "#1f1f1f"),
    Label.PERSON: NodeStyle("Person", "diamond", "#fbf0d9", "#7a5a00", "#2d2100"),
}

# A duty one party owes another, drawn as an edge of its own (off by default: duties are many).
DUTY = "DUTY"
# A role is a post of a body (the loader's ROLE_IN edge); a person holds a role (a register's HOLDS).
ROLE_IN = "ROLE_IN"
HOLDS = "HOLDS"

_SOLID, _DASHED, _DOTTED, _DASH_DOT = False, [8, 5], [2, 4], [10, 4, 2, 4]
_LONG_DASH = [14, 6]
# An edge the loader marks inferred (not stated by the text) is drawn with this, whatever its type.
INFERRED_DASHES = [1, 5]


def _edge(
    label: str, family: str, dashes: bool | list[int], width: float, directed: bool = True
) -> EdgeStyle:
    return EdgeStyle(label, FAMILIES[family].color, dashes, width, directed, family)


EDGE_STYLES: dict[str, EdgeStyle] = {
    Relation.REPORTS_TO: _edge("reports to", ACCOUNTABILITY, _SOLID, 2.5),
    Relation.SUBGROUP_OF: _edge("subgroup of", ACCOUNTABILITY, _SOLID, 3.5),
    Relation.HOLDS_TO_ACCOUNT: _edge("holds to account", ACCOUNTABILITY, _DASHED, 2.5),
    Relation.DIRECTS: _edge("directs", ACCOUNTABILITY, _LONG_DASH, 3),
    Relation.OVERSEES: _edge("oversees", ACCOUNTABILITY, _DASH_DOT, 2),
    Relation.SEEKS_APPROVAL_FROM: _edge("seeks approval from", ACCOUNTABILITY, _DASH_DOT, 2),
    Relation.RESPONDS_TO: _edge("responds to", ACCOUNTABILITY, _DASHED, 1.5),
    Relation.CHALLENGES: _edge("challenges", CHALLENGE, _SOLID, 2),
    Relation.SCRUTINISES: _edge("scrutinises", CHALLENGE, _DASHED, 2),
    Relation.CONSULTS: _edge("consults", CONSULTATION, _SOLID, 1.5),
    Relation.ADVISES: _edge("advises", CONSULTATION, _DASHED, 1.5),
    Relation.REFERS_TO: _edge("refers to", CONSULTATION, _DASH_DOT, 1.5),
    Relation.COOPERATES_WITH: _edge("cooperates with", CONSULTATION, _LONG_DASH, 1.5),
    Relation.CHAIRS: _edge("chairs", MEMBERSHIP, _SOLID, 2.5),
    Relation.MEMBER_OF: _edge("member of", MEMBERSHIP, _DOTTED, 1.5),
    HOLDS: _edge("holds", MEMBERSHIP, _DASHED, 1.5),
    ROLE_IN: _edge("post of", MEMBERSHIP, _DASH_DOT, 1),
    DUTY: _edge("owes a duty to", OTHER, _DASHED, 1),
}

# Every edge type a diagram can draw, in legend order, and those drawn unless asked otherwise.
EDGE_TYPES: tuple[str, ...] = tuple(EDGE_STYLES)
DEFAULT_EDGE_TYPES: tuple[str, ...] = tuple(t for t in EDGE_TYPES if t != DUTY)
# The accountability view leaves membership and duties off: it is the whiteboard picture of who answers
# to whom, with roles tucked under their bodies (their posts and chairs still drawn).
ACCOUNTABILITY_EDGE_TYPES: tuple[str, ...] = tuple(
    t for t in EDGE_TYPES if t not in (DUTY, Relation.MEMBER_OF)
)
# Edges that put one body above another in the accountability view: (type, True when the edge's start
# is the lower one). "A reports to B" puts B above A; "A holds B to account" puts A above B.
UPWARD: dict[str, bool] = {
    Relation.REPORTS_TO: True,
    Relation.SUBGROUP_OF: True,
    Relation.HOLDS_TO_ACCOUNT: False,
    Relation.DIRECTS: False,
    Relation.OVERSEES: False,
}
VIEWS = ("accountability", "network")


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


def family_of(edge_type: str) -> Family:
    return FAMILIES[edge_style(edge_type).family]


def style_table() -> dict[str, Any]:
    """The whole table as plain data: what the explorer page receives, so it draws like the diagrams."""
    return {
        "nodes": {k: asdict(v) for k, v in NODE_STYLES.items()},
        "edges": {k: asdict(v) for k, v in EDGE_STYLES.items()},
        "edgeTypes": list(EDGE_TYPES),
        "defaultEdgeTypes": list(DEFAULT_EDGE_TYPES),
        "accountabilityEdgeTypes": list(ACCOUNTABILITY_EDGE_TYPES),
        "families": {k: asdict(v) for k, v in FAMILIES.items()},
        "upward": dict(UPWARD),
        "inferredDashes": INFERRED_DASHES,
        "severities": {k: asdict(v) for k, v in SEVERITY_STYLES.items()},
    }
