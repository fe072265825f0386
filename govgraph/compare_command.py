"""``govgraph compare AREA_A AREA_B``: two areas' arrangements side by side, for people who read rather
than look (the explorer's "Compare with" draws the same comparison)."""

from __future__ import annotations

import json
import sys
from typing import NoReturn

import click
from neo4j.exceptions import DriverError, Neo4jError

from govgraph.frontend.compare import Comparison, as_dict, as_text, compare_areas
from govgraph.frontend.read import UnknownArea
from govgraph.graph.connection import connect, resolve_target
from govgraph.graph.errors import GraphError
from govgraph.graph.settings import load_settings

USAGE_ERROR = 2
FAILED = 1


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
        _give_up(f"compare two different areas (both are '{area_a}')", USAGE_ERROR)
    result = _compare(area_a, area_b)
    if fmt == "json":
        click.echo(json.dumps(as_dict(result), indent=2, ensure_ascii=False))
    else:
        click.echo(as_text(result), nl=False)


def _compare(area_a: str, area_b: str) -> Comparison:
    try:
        settings = load_settings()
    except ValueError as exc:
        _give_up(f"bad GOVGRAPH_* setting: {exc}", USAGE_ERROR)
    try:
        with connect(resolve_target(settings)) as driver:
            return compare_areas(driver, settings.neo4j_database, area_a, area_b)
    except UnknownArea as exc:
        _give_up(str(exc), USAGE_ERROR)
    except GraphError as exc:
        _give_up(str(exc), FAILED)
    except (Neo4jError, DriverError) as exc:
        _give_up(f"Neo4j failed while reading the graph: {exc}", FAILED)


def _give_up(message: str, status: int) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(status)
