"""The part of the graph one root field fetched, held in memory for its resolvers to walk.

Each root field runs a single Cypher statement that returns its page of results together with every
node and edge of the areas they live in. Governance graphs are small per area (a few hundred nodes), so
this costs one round trip whatever depth the client selects, and no resolver below the root ever goes
back to the database.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from govgraph.graph.model import ENTITY


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    props: dict[str, Any]

    def get(self, key: str, default: Any = None) -> Any:
        return self.props.get(key, default)


@dataclass(frozen=True)
class Edge:
    id: str
    type: str
    start: str
    end: str
    props: dict[str, Any]

    def get(self, key: str, default: Any = None) -> Any:
        return self.props.get(key, default)


@dataclass
class Snapshot:
    nodes: dict[str, Node] = field(default_factory=dict)
    outgoing: dict[str, list[Edge]] = field(default_factory=lambda: defaultdict(list))
    incoming: dict[str, list[Edge]] = field(default_factory=lambda: defaultdict(list))
    edges: dict[str, Edge] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, nodes: list[dict], edges: list[dict]) -> Snapshot:
        snap = cls()
        for row in nodes:
            label = next((lab for lab in row["labels"] if lab != ENTITY), ENTITY)
            snap.nodes[row["id"]] = Node(row["id"], label, row["props"])
        for row in sorted(edges, key=lambda e: e["id"] or ""):
            edge = Edge(row["id"], row["type"], row["from"], row["to"], row["props"])
            snap.edges[edge.id] = edge
            snap.outgoing[edge.start].append(edge)
            snap.incoming[edge.end].append(edge)
        return snap

    def node(self, node_id: str | None, label: str | None = None) -> Node | None:
        node = self.nodes.get(node_id) if node_id else None
        return node if node and (label is None or node.label == label) else None

    def out(self, node_id: str, *types: str) -> list[Edge]:
        return [e for e in self.outgoing.get(node_id, []) if not types or e.type in types]

    def into(self, node_id: str, *types: str) -> list[Edge]:
        return [e for e in self.incoming.get(node_id, []) if not types or e.type in types]

    def of_label(self, label: str) -> list[Node]:
        return sorted((n for n in self.nodes.values() if n.label == label), key=lambda n: n.id)
