"""What a loader hands the writer: the nodes and edges of one document, as parameter rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from govgraph.graph.model import Relation


class Structural(StrEnum):
    """The edges the loaders draw themselves, beside the relations a protocol states (graph.model)."""

    APPROVED = "APPROVED"
    CITES = "CITES"
    CONCERNS = "CONCERNS"
    COVERS = "COVERS"
    DEFINED_IN = "DEFINED_IN"
    DEFINES = "DEFINES"
    HAS_PARTY = "HAS_PARTY"
    HOLDS = "HOLDS"
    IN_AREA = "IN_AREA"
    OWES = "OWES"
    PART_OF = "PART_OF"
    ROLE_IN = "ROLE_IN"
    STATED_IN = "STATED_IN"
    TOWARDS = "TOWARDS"


# Every relationship type a loader may write; each has its own statement, cypher/load/edges/<TYPE>,
# with the type fixed in the text so Neo4j plans a direct expand between the two ends.
EDGE_TYPES = frozenset(Structural) | frozenset(Relation)


@dataclass
class GraphBatch:
    """One document's graph. ``source`` is the document's id: every owned node and edge carries it."""

    source: str
    label: str
    digest: str
    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)

    def node(self, node_id: str, label: str, /, **props: Any) -> None:
        self.nodes.append({"id": node_id, "label": label, "props": _clean(props)})

    def edge(self, rel_type: str, from_id: str, to_id: str, /, *, shared: bool = False, **props: Any) -> None:
        """Edges get a deterministic id from their ends, type and clause, so a reload MERGEs, not copies.

        A ``shared`` edge (a body's IN_AREA) belongs to no single document: it has no source and
        outlives a reload; it goes only when its node is pruned.
        """
        if rel_type not in EDGE_TYPES:
            raise ValueError(f"{rel_type} is not in the loaders' vocabulary")  # a programming error
        get = props.get
        clause, capacity, line = get("clause"), get("capacity"), get("line")
        if capacity is None and line is None:  # nearly every edge: the key is its clause, if any
            key = "" if clause is None else str(clause)
        else:
            key = ":".join([str(v) for v in (clause, capacity, line) if v is not None])
        if not shared:
            props["source"] = self.source  # ``props`` is this call's own dict
        if None in props.values():
            props = {name: value for name, value in props.items() if value is not None}
        row_id = edge_id("" if shared else self.source, rel_type, from_id, to_id, key)
        self.edges.append({"id": row_id, "type": rel_type, "from": from_id, "to": to_id, "props": props})


def edge_id(source: str, rel_type: str, from_id: str, to_id: str, key: str = "") -> str:
    """An edge's id: its document (``""`` for a shared edge), type, ends and key (its clause, with the
    capacity or line when it has one). The one place the scheme is written: loaders/protocol.py writes
    its hot rows out without ``GraphBatch.edge`` but takes their ids from here, so a shared edge two
    documents make (a person's IN_AREA from a protocol and from a register) is always one edge."""
    return f"{source}|{rel_type}|{from_id}|{to_id}|{key}"


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    """Neo4j stores no nulls: an absent value is simply not set. (Most rows have none: kept as they are.)"""
    if None not in props.values():
        return props
    return {key: value for key, value in props.items() if value is not None}
