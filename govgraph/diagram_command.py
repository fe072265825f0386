"""``govgraph diagram``: the governance graph as one interactive HTML file that works offline."""

from __future__ import annotations

from pathlib import Path

import click

from govgraph.frontend.diagram import (
    DEFAULT_HOPS,
    NO_FINDINGS,
    DiagramError,
    DiagramRequest,
    default_edge_types,
    make_diagram,
)
from govgraph.frontend.read import UnknownEdgeType, parse_edge_types
from govgraph.frontend.style import EDGE_TYPES, VIEWS
from govgraph.graph_command import FAILED, USAGE_ERROR, give_up, read_graph_with


@click.command()
@click.option("--area", metavar="AREA", help="Draw one area (its id, e.g. wirral). Default: every area.")
@click.option(
    "--edges",
    "edge_types",
    metavar="TYPES",
    help="Edge types to draw, separated by commas (default: all but DUTY). "
    f"Choose from {', '.join(EDGE_TYPES)}.",
)
@click.option("--focus", metavar="PARTY", help="Draw only this body, role or person (id, name or alias) ...")
@click.option(
    "--hops",
    type=click.IntRange(0, 10),
    help=f"... and what lies within this many edges of it, either way (default {DEFAULT_HOPS}).",
)
@click.option(
    "--findings",
    "min_severity",
    type=click.Choice(["error", "warning", "info", NO_FINDINGS]),
    default="warning",
    show_default=True,
    help="Mark check findings at least this severe (errors red, warnings amber; notes only on hover); "
    "'none' does not run the checks.",
)
@click.option(
    "--view",
    type=click.Choice(VIEWS),
    help="accountability: top-down layers, each body below those it answers to, roles under their body "
    "(default for one area); network: the whole web of relations (default otherwise).",
)
@click.option("--title", help="The page's title (default: the area's or the focus's name).")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="The HTML file to write.",
)
def diagram(
    area: str | None,
    edge_types: str | None,
    focus: str | None,
    hops: int | None,
    min_severity: str,
    view: str | None,
    title: str | None,
    output: Path,
) -> None:
    """Write an interactive network diagram of the graph to one HTML file.

    The file needs no network: vis-network and everything else are inside it. Bodies are boxes, roles
    ellipses, people diamonds; edges come in four families (accountability, challenge and scrutiny,
    consultation and advice, membership), one line per pair and direction with a count, or every
    relation (see the legend, where each type can be switched off). Clicking a line lists its
    relations with clause and quote. Graphs of more than a few hundred nodes are laid out in advance,
    with physics off, so they open and pan quickly.

    \b
    Examples:
      govgraph diagram --area wirral -o wirral.html
      govgraph diagram --area wirral --view network -o wirral-network.html
      govgraph diagram --area leicester --edges REPORTS_TO,CHALLENGES,SCRUTINISES -o lines.html
      govgraph diagram --focus wirral/lscb --hops 1 -o lscb.html
    """
    if hops is not None and focus is None:
        give_up("--hops needs --focus (the party to count hops from)", USAGE_ERROR)
    view = view or ("accountability" if area and not focus else "network")
    request = DiagramRequest(
        area=area,
        edge_types=_edge_types(edge_types, view),
        view=view,
        focus=focus,
        hops=DEFAULT_HOPS if hops is None else hops,
        min_severity=min_severity,
        title=title,
    )
    result = read_graph_with(lambda d, db: make_diagram(d, db, request), (DiagramError,))
    try:
        output.write_text(result.diagram.html, encoding="utf-8")
    except OSError as exc:
        give_up(f"cannot write {output}: {exc.strerror or exc}", FAILED)
    drawn = result.diagram
    layout = "physics, then still" if drawn.physics else "laid out in advance, physics off"
    layout = f"{drawn.view} view, {layout}"
    if drawn.view == "overview":
        shape = f"an overview: {drawn.nodes} areas, one node each, expandable in the page"
        click.echo(f"{output}: {shape} ({drawn.findings} findings summarised)", err=True)
    else:
        counts = f"{drawn.nodes} nodes, {drawn.edges} edges, {drawn.findings} findings marked"
        click.echo(f"{output}: {counts} ({layout})", err=True)
    if result.note:
        click.echo(f"note: no findings shown: {result.note}", err=True)
    click.echo(str(output))


def _edge_types(text: str | None, view: str) -> tuple[str, ...]:
    try:
        return parse_edge_types(text) or default_edge_types(view)
    except UnknownEdgeType as exc:
        give_up(f"--edges: {exc}", USAGE_ERROR)
