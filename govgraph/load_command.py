"""The parts of ``govgraph load`` beyond the plain load: folders as arguments, and the bulk path."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from govgraph.graph.errors import GraphError
from govgraph.graph.server import LocalServer
from govgraph.graph.settings import Settings
from govgraph.loaders.bulk import bulk_load
from govgraph.loaders.errors import InputError
from govgraph.loaders.load import PROTOCOL_SUFFIXES, REGISTER_SUFFIXES, DocumentSet, LoadReport

USAGE_ERROR = 2


def expand(files: tuple[Path, ...]) -> tuple[Path, ...]:
    """A folder stands for the protocols and registers in it (not below it), in name order."""
    suffixes = PROTOCOL_SUFFIXES | REGISTER_SUFFIXES
    paths: list[Path] = []
    for path in files:
        if path.is_dir():
            paths += sorted(p for p in path.iterdir() if p.suffix.lower() in suffixes and p.is_file())
        else:
            paths.append(path)
    return tuple(paths)


def bulk(settings: Settings, documents: DocumentSet) -> list[LoadReport]:
    """``load --bulk``: the local server only (it is stopped for the import), an empty database only."""
    say = lambda message: click.echo(message, err=True)  # noqa: E731
    if settings.external:
        say(
            "error: --bulk imports into the local Neo4j, stopping it meanwhile, and GOVGRAPH_NEO4J_URI is set"
        )
        sys.exit(USAGE_ERROR)
    try:
        return bulk_load(LocalServer(settings, progress=say), settings, documents, say)
    except InputError as exc:
        say(f"error: {exc}")
        sys.exit(USAGE_ERROR)
    except (GraphError, RuntimeError) as exc:
        say(f"error: {exc}")
        sys.exit(1)
