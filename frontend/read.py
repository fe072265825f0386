"""Reading what a diagram draws from Neo4j, through the named statements in ``cypher/diagram``.

Everything is read in one read transaction, so parties, edges and duties come from the same state of
the graph even while a load runs.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any

from govgraph.frontend.model import DiagramGraph, Link, Party, listing
from govgraph.frontend.style import DUTY, EDGE_TYPES
from govgraph.graph.queries import cypher
from neo4j import READ_ACCESS, Driver, ManagedTransaction


class UnknownArea(LookupError):
    """An --area the graph does not hold; the message lists those it does."""


class UnknownEdgeType(ValueError):
    """An --edges entry that is no edge type a diagram draws."""


def parse_edge_types(text: str | None) -> tuple[str, ...] | None:
    """``REPORTS_TO,challenges`` as edge types (any case, spaces allowed); None means the defaults."""
    if text is None:
        return None
    wanted = [t.strip().upper().replace(" ", "_").replace("-", "_") for t in text.split(",") if t.strip()]
    unknown = [t for t in wanted if t not in EDGE_TYPES]
    if unknown or not wanted:
        what = f"unknown edge type(s) {', '.join(unknown)}" if unknown else "no edge types given"
        raise UnknownEdgeType(f"{what}; choose from {', '.join(EDGE_TYPES)}")
    return tuple(dict.fromkeys(wanted))


def list_areas(driver: Driver, database: str | None) -> list[tuple[str, str]]:
    records, _, _ = driver.execute_query(cypher("diagram/areas"), database_=database, routing_="r")
    return [(r["id"], r["name"]) for r in records]


def area_names(driver: Driver, database: str | None, *areas: str | None) -> dict[str, str]:
    """Every area's name by id, from one read, once each of ``areas`` (None ones skipped) is known to be
    in the graph: the lookup ``govgraph diagram``, ``govgraph compare`` and the explorer share. An id the
    graph does not hold raises ``UnknownArea``, which lists those it does."""
    names = dict(list_areas(driver, database))
    for area in areas:
        if area is not None and area not in names:
            raise UnknownArea(_unknown(area, list(names)))
    return names


def check_area(driver: Driver, database: str | None, area: str | None) -> None:
    area_names(driver, database, area)


def _unknown(area: str, known: list[str]) -> str:
    if not known:
        return f"unknown area '{area}': the graph holds no areas (load a protocol first)"
    close = difflib.get_close_matches(area, known, n=3, cutoff=0.6)
    hint = f"did you mean {', '.join(close)}? " if close else ""
    return f"unknown area '{area}' ({hint}areas in the graph: {listing(known)})"


def read_graph(
    driver: Driver, database: str | None, area: str | None, edge_types: Sequence[str]
) -> DiagramGraph:
    """The parties of ``area`` (None: every area) and the edges of ``edge_types`` between them."""
    with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
        parties, links = session.execute_read(_read, area, list(edge_types))
    return DiagramGraph(parties, links)


def _read(tx: ManagedTransaction, area: str | None, edge_types: list[str]) -> tuple[dict, list]:
    parties = {r["id"]: _party(r) for r in tx.run(cypher("diagram/parties"), area=area)}
    relation_types = [t for t in edge_types if t != DUTY]
    links = [_link(r) for r in tx.run(cypher("diagram/edges"), area=area, types=relation_types)]
    if DUTY in edge_types:
        links += [_duty(r) for r in tx.run(cypher("diagram/duties"), area=area)]
    return parties, links


def _party(r: Any) -> Party:
    return Party(
        id=r["id"],
        label=r["label"],
        name=r["name"],
        area=r["area"],
        kind=r["kind"],
        independent=bool(r["independent"]),
        aliases=tuple(r["aliases"]),
        owes=r["owes"],
        owed=r["owed"],
    )


def _link(r: Any) -> Link:
    return Link(
        id=r["id"],
        type=r["type"],
        start=r["from"],
        end=r["to"],
        quote=r["quote"],
        what=r["what"],
        frequency=r["frequency"],
        capacity=r["capacity"],
        note=r["note"],
        since=r["start"],
        until=r["end"],
        clause=r["clause"],
        ref=r["ref"],
        number=r["number"],
        clause_line=r["clause_line"],
        protocol=r["protocol"],
        source=r["source"],
        line=r["line"],
        duty=r["duty"],
        inferred=bool(r["inferred"]),
        reason=r["reason"],
    )


def _duty(r: Any) -> Link:
    return Link(
        id=r["id"],
        type=DUTY,
        start=r["from"],
        end=r["to"],
        what=r["kind"],
        duty=r["text"],
        clause=r["clause"],
        ref=r["ref"],
        number=r["number"],
        clause_line=r["clause_line"],
        protocol=r["protocol"],
    )


def read_area_counts(driver: Driver, database: str | None) -> tuple[list[dict], list[dict]]:
    """Every area's counts (bodies, roles, people, relations) and the relations between areas, in one
    read transaction: what the explorer's overview draws, without reading any party's details."""
    with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
        return session.execute_read(_read_counts)


def _read_counts(tx: ManagedTransaction) -> tuple[list[dict], list[dict]]:
    names = {r["id"]: r["name"] for r in tx.run(cypher("diagram/areas"))}
    found = {r["area"]: r.data() for r in tx.run(cypher("diagram/area_counts"))}
    empty = {"bodies": 0, "roles": 0, "people": 0, "relations": 0}
    counts = [
        {**empty, **found.get(area, {}), "area": area, "name": names.get(area, area)}
        for area in sorted(names.keys() | {a for a in found if a is not None})
    ]
    links = [r.data() for r in tx.run(cypher("diagram/area_links"))]
    return counts, links
