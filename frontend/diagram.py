"""One diagram from the graph: read the area, keep the focus's neighbourhood, add the findings, render.

The CLI (``govgraph diagram``) and the benchmark both call ``make_diagram``; user mistakes come back as
``DiagramError`` with a message fit to print, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass

from govgraph.frontend.findings import check_findings
from govgraph.frontend.model import DiagramGraph, Party, UnknownParty, findings_in_view, resolve_party
from govgraph.frontend.read import UnknownArea, area_names, read_graph
from govgraph.frontend.render import NETWORK, PHYSICS_LIMIT, Diagram, render_diagram
from govgraph.frontend.style import ACCOUNTABILITY_EDGE_TYPES, DEFAULT_EDGE_TYPES, edge_style
from neo4j import Driver

DEFAULT_HOPS = 2
NO_FINDINGS = "none"


class DiagramError(Exception):
    """A request the graph cannot answer: unknown area or party, or nothing to draw."""


@dataclass(frozen=True)
class DiagramRequest:
    area: str | None = None
    edge_types: tuple[str, ...] = DEFAULT_EDGE_TYPES
    focus: str | None = None
    hops: int = DEFAULT_HOPS
    min_severity: str = "warning"  # or NO_FINDINGS to skip the checks
    title: str | None = None
    physics_limit: int = PHYSICS_LIMIT
    view: str = NETWORK  # or "accountability"


def default_edge_types(view: str) -> tuple[str, ...]:
    """Membership and duties are off in the accountability view; duties in the network view."""
    return DEFAULT_EDGE_TYPES if view == NETWORK else ACCOUNTABILITY_EDGE_TYPES


@dataclass(frozen=True)
class DiagramResult:
    diagram: Diagram
    focus: Party | None
    note: str | None  # e.g. why no findings are shown


def make_diagram(driver: Driver, database: str | None, request: DiagramRequest) -> DiagramResult:
    try:
        names = area_names(driver, database, request.area)
    except UnknownArea as exc:
        raise DiagramError(str(exc)) from None
    graph = read_graph(driver, database, request.area, request.edge_types)
    if not graph.parties:
        where = f"area '{request.area}'" if request.area else "the graph"
        raise DiagramError(
            f"nothing to draw: {where} holds no bodies, roles or people (load protocols first)"
        )
    focus = _focus(graph, request.focus)
    if focus is not None:
        graph = graph.neighbourhood(focus.id, request.hops)
    findings, note = [], None
    if request.min_severity != NO_FINDINGS:
        # a focus lies in one area: checking only that one keeps a focused diagram quick on a big graph
        outcome = check_findings(driver, database, request.area or (focus.area if focus else None))
        findings, note = findings_in_view(outcome.findings, graph, request.min_severity), outcome.problem
    title = request.title or _title(names, request.area, focus)
    subtitle = _subtitle(graph, request, focus)
    diagram = render_diagram(graph, findings, title, subtitle, request.physics_limit, request.view)
    return DiagramResult(diagram, focus, note)


def _focus(graph: DiagramGraph, text: str | None) -> Party | None:
    if text is None:
        return None
    try:
        return resolve_party(graph, text)
    except UnknownParty as exc:
        raise DiagramError(f"--focus: {exc}") from None


def _title(names: dict[str, str], area: str | None, focus: Party | None) -> str:
    if focus is not None:
        return f"govgraph: {focus.name}"
    if area is None:
        return "govgraph: all areas"
    return f"govgraph: {names.get(area, area)}"


def _subtitle(graph: DiagramGraph, request: DiagramRequest, focus: Party | None) -> str:
    parts = [f"{len(graph.parties)} nodes, {len(graph.links)} edges"]
    if focus is not None:
        parts.append(f"within {request.hops} hop{'s' if request.hops != 1 else ''} of {focus.name}")
    parts.append(f"{request.view} view")
    if set(request.edge_types) != set(default_edge_types(request.view)):
        parts.append("edges: " + ", ".join(edge_style(t).label for t in request.edge_types))
    if request.min_severity == NO_FINDINGS:
        parts.append("checks not run")
    return " · ".join(parts)
