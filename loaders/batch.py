"""What a loader hands the writer: the nodes and edges of one document, as parameter rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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
        key = ":".join(str(props[k]) for k in ("clause", "capacity", "line") if props.get(k) is not None)
        owner = "" if shared else self.source
        edge_id = f"{owner}|{rel_type}|{from_id}|{to_id}|{key}"
        props = props if shared else {**props, "source": self.source}
        self.edges.append(
            {"id": edge_id, "type": rel_type, "from": from_id, "to": to_id, "props": _clean(props)}
        )


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    """Neo4j stores no nulls: an absent value is simply not set."""
    return {key: value for key, value in props.items() if value is not None}
