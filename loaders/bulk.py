"""The bulk path for a first load of many areas: ``neo4j-admin database import full`` into a stopped server.

Neo4j's offline importer writes the store files directly, an order of magnitude faster than any
transactional load, but only into an empty database of a stopped server. So ``govgraph load --bulk``
validates every file as usual, refuses unless the local database is empty, writes the validated rows
as the importer's CSV files, stops the server, imports, starts it again and applies the schema (the
importer creates none). Reloads and additions afterwards are ordinary loads.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import subprocess
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govgraph.graph.connection import connect, resolve_target
from govgraph.graph.model import ENTITY
from govgraph.graph.queries import cypher
from govgraph.graph.schema import apply_schema
from govgraph.graph.server import (  # the server's own java: the importer runs in its jars
    Home,
    LocalServer,
    _java,
)
from govgraph.graph.settings import Settings
from govgraph.loaders.batch import GraphBatch
from govgraph.loaders.errors import InputError
from govgraph.loaders.load import DocumentSet, LoadReport, check_references
from govgraph.loaders.writer import WriteResult, counts_of

ARRAY = "\x1f"  # the importer's array delimiter: a character no protocol text contains


@dataclass
class _Columns:
    """The union of the properties of one file's rows, each with the importer's type for it."""

    types: dict[str, str] = field(default_factory=dict)

    def see(self, props: dict[str, Any]) -> None:
        for key, value in props.items():
            self.types.setdefault(key, _type_of(value))

    def header(self, fixed: list[str]) -> list[str]:
        return fixed + [f"{key}:{kind}" for key, kind in self.types.items()]

    def values(self, props: dict[str, Any]) -> list[str]:
        return [_value(props.get(key)) for key in self.types]


def _type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, list):
        return "string[]"
    return "string"


def _value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ARRAY.join(str(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def write_import_files(batches: Iterable[GraphBatch], folder: Path) -> tuple[list[Path], list[Path]]:
    """The importer's node files (one per label) and relationship file, from validated batches.

    Shared nodes (an area, legislation) come in several batches: the last one wins, as with MERGE.
    """
    nodes: dict[str, dict[str, Any]] = {}
    labels: dict[str, str] = {}
    edges: dict[str, dict[str, Any]] = {}
    for batch in batches:
        for row in batch.nodes:
            nodes.setdefault(row["id"], {}).update(row["props"])
            labels[row["id"]] = row["label"]
        for row in batch.edges:
            edges[row["id"]] = row
    by_label: dict[str, list[str]] = defaultdict(list)
    for node_id, label in labels.items():
        by_label[label].append(node_id)
    node_files = [
        _write_nodes(folder / f"nodes-{label}.csv", label, ids, nodes) for label, ids in by_label.items()
    ]
    return node_files, [_write_edges(folder / "edges.csv", edges)]


def _write_nodes(path: Path, label: str, ids: list[str], nodes: dict[str, dict[str, Any]]) -> Path:
    columns = _Columns()
    for node_id in ids:
        columns.see(nodes[node_id])
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(columns.header(["id:ID", ":LABEL"]))
        for node_id in ids:
            out.writerow([node_id, f"{ENTITY}{ARRAY}{label}", *columns.values(nodes[node_id])])
    return path


def _write_edges(path: Path, edges: dict[str, dict[str, Any]]) -> Path:
    columns = _Columns()
    for row in edges.values():
        columns.see(row["props"])
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(columns.header([":START_ID", ":END_ID", ":TYPE", "id:string"]))
        for row in edges.values():
            out.writerow([row["from"], row["to"], row["type"], row["id"], *columns.values(row["props"])])
    return path


def import_command(java: str, lib: Path, database: str, nodes: list[Path], edges: list[Path]) -> list[str]:
    """``neo4j-admin database import full``, run as Neo4j's AdminTool class from the server's jars."""
    return [
        java,
        "-cp",
        str(lib / "*"),
        "org.neo4j.cli.AdminTool",
        "database",
        "import",
        "full",
        *(f"--nodes={path}" for path in nodes),
        *(f"--relationships={path}" for path in edges),
        f"--array-delimiter={ARRAY}",
        "--multiline-fields=true",
        "--overwrite-destination=true",
        "--skip-duplicate-nodes=false",
        "--high-parallel-io=on",
        database,
    ]


def run_import(
    java: str, lib: Path, env: dict[str, str], cwd: Path, database: str, batches: Iterable[GraphBatch]
) -> str:
    """Write the files and import them into ``database`` of the stopped server; the importer's output."""
    with tempfile.TemporaryDirectory(prefix="govgraph-bulk-") as folder:
        nodes, edges = write_import_files(batches, Path(folder))
        result = subprocess.run(
            import_command(java, lib, database, nodes, edges),
            env=env,
            cwd=cwd,
            capture_output=True,
            text=True,
        )
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        raise RuntimeError(f"neo4j-admin database import failed:\n{tail}")
    return result.stdout


def bulk_load(
    server: LocalServer, settings: Settings, documents: DocumentSet, progress: Callable[[str], None]
) -> list[LoadReport]:
    """Import validated documents into the local server's empty database; InputError if it is not empty.

    The server is stopped for the import and started again afterwards (it is left running, as after
    ``govgraph db start``); on a failed import it is started again on the untouched database.
    """
    server.start()
    with connect(resolve_target(settings)) as driver:
        records, _, _ = driver.execute_query(
            cypher("load/any_node"), database_=settings.neo4j_database, routing_="r"
        )
        if records[0]["any"]:
            first = documents.documents[0].path if documents.documents else Path(".")
            raise InputError(
                first,
                "--bulk imports into an empty database only, and this one holds a graph: "
                "load without --bulk (or 'govgraph db stop' and remove GOVGRAPH_HOME to start afresh)",
            )
        check_references(driver, settings.neo4j_database, documents)
    home = Home(settings.resolved_home)
    progress(f"Stopping Neo4j to import {len(documents)} documents with neo4j-admin ...")
    server.stop()
    env = {**os.environ, "NEO4J_HOME": str(home.root), "NEO4J_CONF": str(home.conf_dir)}
    try:
        run_import(_java(), home.lib, env, home.root, settings.neo4j_database, documents.batches())
    finally:
        progress("Starting Neo4j again ...")
        server.start()
    with connect(resolve_target(settings)) as driver:
        apply_schema(driver, settings.neo4j_database)
    return [
        LoadReport(d.path, WriteResult(d.source, written=True, counts=counts_of(b), together=len(documents)))
        for d, b in zip(documents, documents.batches(), strict=True)
    ]
