"""Check findings over GraphQL: the same rules and findings as ``govgraph check``, run on demand.

Findings are computed, not stored, so they are always those of the graph as it is. Each rule is one
statement; a request runs the rule set at most once per area (``Body.findings`` on many bodies of one
area shares the run), so nested findings never multiply the statements per body.
"""

from __future__ import annotations

import asyncio
from enum import Enum

import strawberry

from api.store import ApiError, Unavailable, is_outage
from graph import checks
from graph.errors import GraphError


@strawberry.enum
class Severity(Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@strawberry.type
class FindingNode:
    id: strawberry.ID
    name: str
    label: str


@strawberry.type
class FindingEdge:
    id: str | None
    type: str
    start: str
    end: str
    clause: str | None
    quote: str | None


@strawberry.type(description="A clause a finding rests on, with its quote and place in the source text.")
class FindingClause:
    id: strawberry.ID
    number: str | None
    line: int | None
    quote: str | None
    protocol: str | None
    source_file: str | None


@strawberry.type
class FindingPath:
    text: str
    nodes: list[FindingNode]
    edges: list[FindingEdge]


@strawberry.type
class Finding:
    rule: str
    severity: Severity
    area: str
    message: str
    subjects: list[FindingNode]
    path: FindingPath
    clauses: list[FindingClause]

    @classmethod
    def of(cls, found: checks.Finding) -> Finding:
        return cls(
            rule=found.rule,
            severity=Severity(found.severity.value),
            area=found.area,
            message=found.message,
            subjects=[_node(n) for n in found.subjects],
            path=FindingPath(
                text=found.path_text(),
                nodes=[_node(n) for n in found.nodes],
                edges=[_edge(e) for e in found.edges],
            ),
            clauses=[
                FindingClause(
                    id=c.id,
                    number=c.number,
                    line=c.line,
                    quote=c.quote,
                    protocol=c.protocol,
                    source_file=c.source_file,
                )
                for c in found.clauses
            ],
        )


def _node(node: checks.NodeRef) -> FindingNode:
    return FindingNode(id=node.id, name=node.name, label=node.label)


def _edge(edge: checks.EdgeRef) -> FindingEdge:
    return FindingEdge(
        id=edge.id, type=edge.type, start=edge.start, end=edge.end, clause=edge.clause, quote=edge.quote
    )


class FindingsCache:
    """One request's findings by area, computed at most once per area even under concurrent resolvers."""

    def __init__(self) -> None:
        self._runs: dict[str | None, asyncio.Task[list[checks.Finding]]] = {}

    async def area(self, run: object, area: str | None) -> list[checks.Finding]:
        if area not in self._runs:
            self._runs[area] = asyncio.ensure_future(run(area))  # type: ignore[operator]
        return await self._runs[area]


def known_rules() -> set[str]:
    return {rule.id for rule in checks.load_rules()}


def select(findings: list[checks.Finding], rules: list[str] | None, floor: Severity | None) -> list[Finding]:
    if rules:
        unknown = sorted(set(rules) - known_rules())
        if unknown:
            raise ApiError(
                f"Unknown rule(s): {', '.join(unknown)}; known: {', '.join(sorted(known_rules()))}."
            )
    rank = checks.Severity(floor.value).rank if floor else 0
    return [Finding.of(f) for f in findings if (not rules or f.rule in rules) and f.severity.rank >= rank]


def as_api_error(exc: GraphError) -> ApiError:
    """The checks engine wraps driver errors; an outage underneath is the client's UNAVAILABLE."""
    if exc.__cause__ is not None and is_outage(exc.__cause__):
        return Unavailable()
    return ApiError(f"The checks could not run: {exc}")
