"""Printing query results for people (a table) and for programs (JSON)."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import Any

from neo4j import Driver
from neo4j.graph import Node, Path, Relationship
from neo4j.time import Date, DateTime, Duration, Time

from govgraph.graph.queries import cypher

MAX_CELL = 60


def plain(value: Any) -> Any:
    """A JSON-friendly copy of a value the driver returned (nodes, edges, paths, temporal values)."""
    if isinstance(value, Node):
        return {"labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"type": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {
            "nodes": [plain(n) for n in value.nodes],
            "relationships": [plain(r) for r in value.relationships],
        }
    if isinstance(value, Date | DateTime | Time | Duration | date | datetime | time):
        return value.iso_format() if hasattr(value, "iso_format") else value.isoformat()
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def render(keys: list[str], rows: list[list[Any]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(
            [dict(zip(keys, (plain(v) for v in row), strict=True)) for row in rows],
            indent=2,
            ensure_ascii=False,
        )
    return table(keys, rows)


def table(keys: list[str], rows: list[list[Any]]) -> str:
    cells = [[_cell(plain(v)) for v in row] for row in rows]
    widths = [max([len(k), *(len(r[i]) for r in cells)]) for i, k in enumerate(keys)]
    line = "-+-".join("-" * w for w in widths)
    out = [" | ".join(k.ljust(w) for k, w in zip(keys, widths, strict=True)), line]
    out += [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def _cell(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def graph_summary(driver: Driver, database: str) -> str:
    labels, _, _ = driver.execute_query(cypher("db/label_counts"), database_=database, routing_="r")
    types, _, _ = driver.execute_query(cypher("db/relationship_counts"), database_=database, routing_="r")
    nodes = ", ".join(f"{r['label']} {r['count']}" for r in labels)
    edges = ", ".join(f"{r['type']} {r['count']}" for r in types)
    return f"Graph now holds\n  nodes: {nodes}\n  edges: {edges}"
