"""``govgraph compare AREA_A AREA_B``: two areas' arrangements side by side, for people who read rather
than look (the explorer's "Compare with" draws the same comparison)."""

from __future__ import annotations

import json

import click

from govgraph.frontend.compare import as_dict, as_text, compare_areas
from govgraph.frontend.read import UnknownArea
from govgraph.graph_command import USAGE_ERROR, give_up, read_graph_with


@click.command()
@click.argument("area_a")
@click.argument("area_b")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Plain text, or JSON for other tools.",
)
def compare(area_a: str, area_b: str, fmt: str) -> None:
    """Compare two areas: bodies matched by kind, the lines between them kind to kind, and what one
    area has and the other lacks, each with the clause that states it.

    \b
    Example:
      govgraph compare leicester wirral
      govgraph compare leicester wirral --format json
    """
    if area_a == area_b:
        give_up(f"compare two different areas (both are '{area_a}')", USAGE_ERROR)
    result = read_graph_with(lambda d, db: compare_areas(d, db, area_a, area_b), (UnknownArea,))
    if fmt == "json":
        click.echo(json.dumps(as_dict(result), indent=2, ensure_ascii=False))
    else:
        click.echo(as_text(result), nl=False)
