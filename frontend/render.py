"""A diagram as one HTML file: pyvis assembles the vis-network nodes, edges and options; our template
inlines vis-network (from pyvis's package), our script and styles, and the data, so the file opens from
disk with no network at all.

pyvis's own templates are not used: even in ``in_line`` mode they link Bootstrap from a CDN.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from govgraph.frontend.analysis import accountability_layout, centrality
from govgraph.frontend.assets import script_json, static_text, templates, vis_css, vis_js
from govgraph.frontend.layout import compute_layout
from govgraph.frontend.model import DiagramGraph, Finding, Link, Party
from govgraph.frontend.overview import OVERVIEW_LIMIT, overview_data
from govgraph.frontend.style import (
    EDGE_TYPES,
    FAMILIES,
    INFERRED_DASHES,
    NODE_STYLES,
    SEVERITY_STYLES,
    SeverityStyle,
    edge_style,
    node_style,
)
from pyvis.edge import Edge as PyvisEdge
from pyvis.network import Network

# Above this many nodes positions are computed in Python and physics is off (see frontend.layout).
PHYSICS_LIMIT = 300
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
PAYLOAD_MARK = "__GOVGRAPH_PAYLOAD__"
NETWORK, ACCOUNTABILITY_VIEW = "network", "accountability"


class _Network(Network):
    """pyvis's Network, checking node ids with a set: its ``add_edge`` scans a list of every node for
    both ends, which is quadratic on the thousands of nodes of a many-area graph."""

    def __init__(self) -> None:
        super().__init__(directed=True, cdn_resources="in_line")
        self._ids: set[str] = set()

    def add_node(self, n_id: str, label: str | None = None, shape: str = "box", **options: Any) -> None:
        if n_id not in self._ids:
            self._ids.add(n_id)
            super().add_node(n_id, label=label, shape=shape, **options)

    def add_edge(self, source: str, to: str, **options: Any) -> None:
        if source not in self._ids or to not in self._ids:
            raise KeyError(f"edge {source} -> {to} has an end that is not a node")
        edge = PyvisEdge(source, to, self.directed, **options).options
        if edge.get("arrows") == "to":  # pyvis's default, already the page's (network_options)
            del edge["arrows"]
        self.edges.append(edge)


@dataclass(frozen=True)
class Diagram:
    """What was drawn, for the caller to report: the page, and how it was laid out."""

    html: str
    nodes: int
    edges: int
    findings: int
    physics: bool
    view: str = NETWORK


def render_diagram(
    graph: DiagramGraph,
    findings: Iterable[Finding] = (),
    title: str = "govgraph",
    subtitle: str = "",
    physics_limit: int = PHYSICS_LIMIT,
    view: str = NETWORK,
    overview_limit: int = OVERVIEW_LIMIT,
) -> Diagram:
    """The standalone page for ``graph``, with ``findings`` (already filtered to the view) highlighted.

    ``view`` is ``network`` (physics, or rings computed in Python past ``physics_limit``) or
    ``accountability`` (the layered whiteboard picture of ``frontend.analysis``, physics off)."""
    shown = list(findings)
    if len(graph.parties) > overview_limit:
        return render_overview(graph, shown, title, subtitle)
    layered = view == ACCOUNTABILITY_VIEW
    physics = not layered and len(graph.parties) <= physics_limit
    compact = None if (physics or layered) else Compact()  # past the limit: thousands of nodes
    net = build_network(graph, shown, physics, layered, compact)
    data = payload(net, graph, shown, title, subtitle, physics)
    data["view"] = view
    data["labels"] = compact is None  # past the limit, labels would only be noise
    if compact is not None:
        data["protocols"] = compact.protocols
    return Diagram(page(data), len(net.nodes), len(net.edges), len(shown), physics, view)


class Compact:
    """Hover text of a graph past the physics limit, with nothing written twice: its thousands of edges
    name the same few hundred protocols, and each finding's message is in the findings list already. The
    page (diagram.js, ``fullTitles``) adds the protocol's title (an edge's ``p``, an index into the
    payload's ``protocols``) to the clause line and the finding lines to what they mark; the 500-area
    benchmark file is 4 MB smaller for it. An edge's first line ("A → reports to → B") is the names of
    its two nodes and its type's label, which the page has too, and its colour is its family's unless a
    finding marks it: both are left to the page (2 MB less at 500 areas)."""

    def __init__(self) -> None:
        self.protocols: list[str] = []
        self._index: dict[str, int] = {}

    def protocol(self, title: str) -> int:
        if title not in self._index:
            self._index[title] = len(self.protocols)
            self.protocols.append(title)
        return self._index[title]


def build_network(
    graph: DiagramGraph,
    findings: list[Finding],
    physics: bool,
    layered: bool = False,
    compact: Compact | None = None,
) -> Network:
    net = _Network()
    if layered:
        positions = accountability_layout(graph).positions
    else:
        positions = {} if physics else compute_layout(graph)
    by_node, by_edge = _marks(findings)
    sizes = _centrality_fonts(graph) if (physics or layered) else {}
    for party in graph.parties.values():
        marks = by_node.get(party.id, [])
        options = node_options(party, marks, positions.get(party.id), said=compact is None)
        if party.id in sizes:
            options["font"] = {"size": sizes[party.id]}
        net.add_node(party.id, shape=node_style(party.label).shape, **options)
    curves = _curves(graph.links) if (physics or layered) else {}
    for key, link in zip(edge_keys(graph), graph.links, strict=True):
        options = edge_options(link, graph, by_edge.get(link.id, []), curves, key, compact)
        net.add_edge(link.start, link.end, **options)
    net.options = network_options(physics)
    if layered:
        net.options["layout"] = {"improvedLayout": False}
        net.options["edges"].pop("smooth", None)
    return net


def render_overview(graph: DiagramGraph, findings: list[Finding], title: str, subtitle: str) -> Diagram:
    """A graph past ``OVERVIEW_LIMIT``: one node per area, each expandable in the page."""
    options = network_options(physics=False)
    options["interaction"]["hideEdgesOnDrag"] = options["interaction"]["hideEdgesOnZoom"] = True
    data = {
        "title": title,
        "subtitle": f"{subtitle} · overview: one node per area, click one to expand it",
        "overview": overview_data(graph, findings),
        "counts": {"nodes": len(graph.parties), "edges": len(graph.links)},
        "options": options,
        "physics": False,
        "styles": page_styles(),
        "view": "overview",
    }
    areas = len(data["overview"]["areas"])
    return Diagram(page(data), areas, 0, len(findings), False, "overview")


def _centrality_fonts(graph: DiagramGraph) -> dict[str, int]:
    """A body's name grows with the accountability lines that run through it (0 to 8 px more)."""
    central = centrality(graph)
    top = max(central.values(), default=0.0)
    return {b: 14 + round(8 * c / top) for b, c in central.items()} if top else {}


def edge_keys(graph: DiagramGraph) -> list[str]:
    """Short ids for the page's edges, in the graph's order."""
    return [f"e{i}" for i in range(len(graph.links))]


def _marks(findings: list[Finding]) -> tuple[dict[str, list[Finding]], dict[str, list[Finding]]]:
    by_node: dict[str, list[Finding]] = {}
    by_edge: dict[str, list[Finding]] = {}
    for f in findings:
        for node in f.nodes:
            by_node.setdefault(node, []).append(f)
        for edge in f.edges:
            by_edge.setdefault(edge, []).append(f)
    return by_node, by_edge


def _worst(findings: list[Finding]) -> str | None:
    """The most severe finding that is drawn (errors and warnings; notes are only told on hover)."""
    drawn = [f for f in findings if _severity(f.severity).highlight]
    return max(drawn, key=lambda f: f.rank).severity if drawn else None


def node_options(
    party: Party, findings: list[Finding], position: tuple[float, float] | None, said: bool = True
) -> dict:
    """A node's own options; its look (shape, colours, font) is its group's: see ``node_groups``.
    ``said`` False leaves the finding lines out of the hover text (the page adds them: ``Compact``)."""
    worst = _worst(findings)
    options: dict[str, Any] = {
        "label": party.name,
        "group": group_name(party.label, worst),
        "title": node_title(party, findings if said else []),
        "area": party.area,
        "kind": party.label,
    }
    if worst:
        options["severity"] = worst
    if position is not None:
        options["x"], options["y"] = position
    return options


def group_name(kind: str, severity: str | None) -> str:
    return f"{kind}-{severity}" if severity else kind


def node_groups() -> dict[str, dict[str, Any]]:
    """vis-network groups: one per kind of node, and one per kind and highlighted severity (a group's
    colours win over a node's own in vis-network 9.1), so the look is written once, not per node."""
    groups = {}
    for kind, style in NODE_STYLES.items():
        for severity in (None, *(k for k, s in SEVERITY_STYLES.items() if s.highlight)):
            border = SEVERITY_STYLES[severity].color if severity else style.border
            group: dict[str, Any] = {
                "shape": style.shape,
                "color": {
                    "background": style.background,
                    "border": border,
                    "highlight": {"background": "#fef9c3", "border": border},
                    "hover": {"background": "#fef9c3", "border": border},
                },
                "borderWidth": 4 if severity else 1.5,
                "font": {"color": style.font, "face": FONT, "size": 14},
                "widthConstraint": {"maximum": 180},
            }
            if style.shape == "diamond":
                group["size"] = 14
            if severity:
                group["shadow"] = {"enabled": True, "color": border, "size": 14, "x": 0, "y": 0}
            groups[group_name(kind, severity)] = group
    return groups


def edge_options(
    link: Link,
    graph: DiagramGraph,
    findings: list[Finding],
    curves: dict[str, float],
    key: str,
    compact: Compact | None = None,
) -> dict[str, Any]:
    """An edge's own options (what all edges share is in ``network_options``). ``key`` is its short id
    in the page: the graph's edge ids are long, and a large diagram has tens of thousands of edges.
    With ``compact`` the hover text leaves out its first line (the two names and the type), the
    protocol's title and the findings, and the colour when it is the family's (see ``Compact``)."""
    style = edge_style(link.type)
    worst = _worst(findings)
    said = compact is None
    options: dict[str, Any] = {
        "id": key,
        "title": edge_title(link, graph, findings if said else [], protocol=said, named=said),
        "width": 4 if worst else style.width,
        "etype": link.type,
    }
    if worst or said:  # else the type's family colour, which the page knows (styles.families)
        options["color"] = SEVERITY_STYLES[worst].color if worst else style.color
    if style.dashes:
        options["dashes"] = style.dashes
    if link.inferred:
        options["dashes"] = INFERRED_DASHES
        options["inferred"] = True
    if not style.directed:
        options["arrows"] = {"to": {"enabled": False}}
    if worst:
        options["severity"] = worst
    if compact is not None and link.clause and link.protocol:
        options["p"] = compact.protocol(link.protocol)
    if curves:
        options["label"] = edge_label(link)
        options["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": curves.get(link.id, 0.0)}
    return options


def _curves(links: list[Link]) -> dict[str, float]:
    """Parallel edges bend by different amounts, so two relations between one pair stay apart; an edge
    and its reverse already bend to opposite sides."""
    count: Counter[tuple[str, str]] = Counter()
    bends = {}
    for link in links:
        pair = (link.start, link.end)
        bends[link.id] = 0.12 + 0.18 * count[pair]
        count[pair] += 1
    return bends


def edge_label(link: Link) -> str:
    words = edge_style(link.type).label
    if link.capacity and link.capacity not in ("member", "chair"):
        words = link.capacity.replace("_", " ")
    elif link.frequency:
        words = f"{words} ({link.frequency})"
    return f"{words} (inferred)" if link.inferred else words


def node_title(party: Party, findings: list[Finding]) -> str:
    """Hover text (plain text: vis-network shows it as text, not HTML, so nothing in it is markup)."""
    lines = [party.name, " · ".join(x for x in (party.label, _words(party.kind), party.area) if x)]
    lines.append(f"id {party.id}" + (f" · also {', '.join(party.aliases)}" if party.aliases else ""))
    if party.independent:
        lines.append("declared independent")
    if party.owes or party.owed:
        lines.append(f"owes {party.owes} dut{'y' if party.owes == 1 else 'ies'}, is owed {party.owed}")
    return "\n".join(lines + _finding_lines(findings))


def edge_title(
    link: Link, graph: DiagramGraph, findings: list[Finding], protocol: bool = True, named: bool = True
) -> str:
    """Hover text: the relation (unless ``named`` is False), its facts, its clause (with the protocol's
    title unless ``protocol`` is False), the quote and the findings on it."""
    start, end = graph.parties[link.start].name, graph.parties[link.end].name
    lines = [f"{start} → {edge_style(link.type).label} → {end}"] if named else []
    facts = [f"{k}: {_words(v)}" for k, v in (("what", link.what), ("how often", link.frequency)) if v]
    facts += [f"as {_words(link.capacity)}"] if link.capacity else []
    facts += [f"from {link.since}"] if link.since else []
    facts += [f"until {link.until}"] if link.until else []
    lines += [" · ".join(facts)] if facts else []
    lines += [f"clause {_clause(link, protocol)}"] if link.clause else []
    if link.duty and link.duty != link.quote:
        lines.append(f"duty: “{link.duty}”")
    lines += [f"“{link.quote}”"] if link.quote else []
    lines += [f"note: {link.note}"] if link.note else []
    lines += (
        [f"inferred, not stated by the text: {link.reason or 'no reason given'}"] if link.inferred else []
    )
    if link.line is not None and not link.clause:
        lines.append(f"register {link.source}, line {link.line}")
    return "\n".join(lines + _finding_lines(findings))


def _clause(link: Link, protocol: bool = True) -> str:
    ref = link.ref or link.number or (link.clause or "").rsplit("/", 1)[-1]
    where = f", line {link.clause_line}" if link.clause_line else ""
    return f"{ref}{where}" + (f" of {link.protocol}" if link.protocol and protocol else "")


def _finding_lines(findings: list[Finding]) -> list[str]:
    return [f"⚠ {_severity(f.severity).label}: {f.message}" for f in findings]


def _severity(name: str) -> SeverityStyle:
    return SEVERITY_STYLES.get(name, SEVERITY_STYLES["info"])


def _words(value: str | None) -> str:
    return (value or "").replace("_", " ")


def network_options(physics: bool) -> dict[str, Any]:
    """Small graphs settle under physics (turned off once stable, by the page); large ones are drawn
    at the computed positions with straight edges, hidden while dragging or zooming, so panning a graph
    of thousands of nodes stays smooth."""
    interaction = {
        "hover": True,
        "tooltipDelay": 120,
        "keyboard": {"enabled": True, "bindToWindow": False},
        "multiselect": False,
        "hideEdgesOnDrag": not physics,
        "hideEdgesOnZoom": not physics,
    }
    options: dict[str, Any] = {
        "autoResize": True,
        "interaction": interaction,
        "groups": node_groups(),
        "nodes": {"margin": {"top": 8, "right": 10, "bottom": 8, "left": 10}},
        "edges": {
            "selectionWidth": 2,
            "hoverWidth": 1,
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            # a white box behind the words: a bundle's line is up to 8 px wide, wider than the halo
            "font": {
                "size": 11,
                "face": FONT,
                "color": "#1f2937",
                "strokeWidth": 4,
                "background": "rgba(255, 255, 255, 0.9)",
                "align": "horizontal",
            },
        },
    }
    if physics:
        options["physics"] = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -260,
                "springLength": 220,
                "springConstant": 0.05,
                "centralGravity": 0.015,
                "avoidOverlap": 0.8,
            },
            "stabilization": {"enabled": True, "iterations": 400, "fit": True},
        }
        options["layout"] = {"randomSeed": 7, "improvedLayout": True}
    else:
        options["physics"] = {"enabled": False}
        options["layout"] = {"improvedLayout": False}
        options["edges"]["smooth"] = False
    return options


def legend(graph: DiagramGraph, findings: list[Finding]) -> dict[str, Any]:
    """What the diagram shows: node kinds present, edge types present (with counts), finding counts."""
    kinds = Counter(p.label for p in graph.parties.values())
    types = Counter(link.type for link in graph.links)
    severities = Counter(f.severity for f in findings)
    return {
        "nodes": [{"kind": k, "count": kinds[k], **vars(s)} for k, s in NODE_STYLES.items() if kinds[k]],
        "edges": [{"type": t, "count": types[t], **vars(edge_style(t))} for t in EDGE_TYPES if types[t]],
        "severities": {k: {"count": severities[k], **vars(s)} for k, s in SEVERITY_STYLES.items()},
        "inferred": sum(1 for link in graph.links if link.inferred),
    }


def payload(
    net: Network,
    graph: DiagramGraph,
    findings: list[Finding],
    title: str,
    subtitle: str,
    physics: bool,
) -> dict[str, Any]:
    keys = dict(zip((link.id for link in graph.links), edge_keys(graph), strict=True))
    return {
        "title": title,
        "subtitle": subtitle,
        "nodes": net.nodes,
        "edges": net.edges,
        "options": net.options,
        "physics": physics,
        "legend": legend(graph, findings),
        "styles": page_styles(),
        "findings": [
            {
                "severity": f.severity,
                "rule": f.rule,
                "message": f.message,
                "nodes": f.nodes,
                "edges": [keys[e] for e in f.edges if e in keys],
            }
            for f in findings
        ],
    }


def page_styles() -> dict[str, Any]:
    """What the page's script needs to bundle edges: type labels and families, severities."""
    return {
        "edges": {
            t: {"label": s.label, "family": s.family} for t, s in ((t, edge_style(t)) for t in EDGE_TYPES)
        },
        "families": {k: {"label": f.label, "color": f.color, "rank": f.rank} for k, f in FAMILIES.items()},
        "severities": {k: {"color": s.color, "label": s.label} for k, s in SEVERITY_STYLES.items()},
        "inferredDashes": INFERRED_DASHES,
    }


def page(data: dict[str, Any] | None) -> str:
    """The standalone page around ``data``; None leaves a mark the explorer replaces with its own view."""
    return (
        templates()
        .get_template("diagram.html")
        .render(
            title=data["title"] if data else "govgraph diagram",
            vis_css=vis_css(),
            vis_js=vis_js(),
            diagram_css=static_text("diagram.css"),
            diagram_js=static_text("diagram.js"),
            payload=script_json(data) if data else PAYLOAD_MARK,
        )
    )
