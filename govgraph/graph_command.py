"""What the commands that read the graph and draw or compare it share (``govgraph diagram``,
``govgraph compare``): settings, one connection, and every failure as one line, never a traceback."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import NoReturn, TypeVar

import click
from neo4j import Driver
from neo4j.exceptions import DriverError, Neo4jError

from govgraph.graph.connection import connect, resolve_target
from govgraph.graph.errors import GraphError
from govgraph.graph.settings import load_settings

USAGE_ERROR = 2
FAILED = 1
T = TypeVar("T")


def read_graph_with(read: Callable[[Driver, str | None], T], refused: tuple[type[Exception], ...]) -> T:
    """``read(driver, database)`` against the configured Neo4j. A bad setting, or one of ``refused``
    (an unknown area, nothing to draw: the user's mistake), exits 2; Neo4j failing exits 1."""
    try:
        settings = load_settings()
    except ValueError as exc:
        give_up(f"bad GOVGRAPH_* setting: {exc}", USAGE_ERROR)
    try:
        with connect(resolve_target(settings)) as driver:
            return read(driver, settings.neo4j_database)
    except refused as exc:
        give_up(str(exc), USAGE_ERROR)
    except GraphError as exc:
        give_up(str(exc), FAILED)
    except (Neo4jError, DriverError) as exc:
        give_up(f"Neo4j failed while reading the graph: {exc}", FAILED)


def give_up(message: str, status: int) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(status)
