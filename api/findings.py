"""Check findings over GraphQL: the same rules and findings as ``govgraph check``, run on demand.

Findings are computed, not stored, so they are always those of the graph as it is. Each rule is one
statement; a request runs the rule set at most once per area (``Body.findings`` on many bodies of one
area shares the run), so nested findings never multiply the statements per body.
"""

from __future__ import annotations

import asyncio
from enum import Enum
from functools import lru_cache
from typing import Any

import strawberry
from govgraph.api.store import ApiError, Unavailable, is_outage
from govgraph.graph import checks
from govgraph.graph.errors import GraphError
from neo4j.exceptions import DriverError


@strawberry.enum
class Severity(Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@strawberry.enum(description="A rule's outcome: examined and held, found something, or could not examine.")
class CheckStatus(Enum):
    PASSED = "passed"
    FAILED = "failed"
    UNVERIFIED = "unverified"


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
    status: CheckStatus = strawberry.field(
        default=CheckStatus.FAILED,
        description="FAILED: a finding; UNVERIFIED: the rule could not examine it (the message says why).",
    )

    @classmethod
    def of(cls, found: checks.Finding) -> Finding:
        return cls(
            status=CheckStatus(found.status.value),
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


@strawberry.type(
    description="One rule on one area: passed (examined and held), failed, or unverified and why."
)
class CheckResult:
    rule: str
    area: str
    status: CheckStatus
    reason: str | None = strawberry.field(description="Why the rule could not examine the area (UNVERIFIED).")
    examined: list[str] = strawberry.field(
        description="What the rule examined there (the grounds of a pass)."
    )
    findings: list[Finding]

    @classmethod
    def of(cls, result: checks.Result) -> CheckResult:
        return cls(
            rule=result.rule,
            area=result.area,
            status=CheckStatus(result.status.value),
            reason=result.reason,
            examined=list(result.examined),
            findings=[Finding.of(f) for f in result.findings],
        )


class FindingsCache:
    """One request's findings by area, computed at most once per area even under concurrent resolvers."""

    def __init__(self) -> None:
        self._runs: dict[str | None, asyncio.Task[list[checks.Finding]]] = {}
        self._outcomes: dict[tuple[str | None, tuple[str, ...]], asyncio.Task[checks.Outcome]] = {}

    async def area(self, run: object, area: str | None) -> list[checks.Finding]:
        if area not in self._runs:
            self._runs[area] = asyncio.ensure_future(run(area))  # type: ignore[operator]
        return await self._runs[area]

    async def outcome(self, ctx: Any, area: str | None, rules: tuple[str, ...] = ()) -> checks.Outcome:
        """Findings and evidence of the rules (default every rule) for ``area`` (None: all), run once per
        request, area and rule set."""
        key = (area, rules)
        if key not in self._outcomes:
            self._outcomes[key] = asyncio.ensure_future(run(ctx, area, rules))
        return await self._outcomes[key]


@lru_cache(maxsize=1)
def bundled_rules() -> tuple[checks.Rule, ...]:
    """Parsed once per process: the API serves the bundled rules, and reading them per request costs."""
    return tuple(checks.load_rules())


def known_rules() -> set[str]:
    return {rule.id for rule in bundled_rules()}


async def run(ctx: Any, area: str | None, only: tuple[str, ...] = ()) -> checks.Outcome:
    """The API's checks path: the bundled rules (or ``only`` those) for ``area`` in one read transaction."""
    rules = tuple(rule for rule in bundled_rules() if not only or rule.id in only)
    ctx.log.names.extend(f"checks/{rule.id}" for rule in rules)
    try:
        return await checks.run_outcome_async(
            ctx.store.driver, rules, area, database=ctx.store.target.database
        )
    except GraphError as exc:
        raise as_api_error(exc) from exc
    except (DriverError, OSError) as exc:
        if is_outage(exc):
            raise Unavailable() from exc
        raise


def refuse_unknown(rules: list[str] | None) -> None:
    """``rules: []`` or a misspelt id must never mean "every rule": refused, naming what is wrong."""
    if rules is None:
        return
    if not rules:
        raise ApiError("rules: [] names no rule; leave the argument out to run every rule.")
    known = known_rules()
    unknown = [rule for rule in dict.fromkeys(rules) if rule not in known]
    if unknown:
        names = ", ".join(unknown)
        raise ApiError(
            f"Unknown rule{'s' if len(unknown) > 1 else ''}: {names}; known: {', '.join(sorted(known))}."
        )


def select(findings: list[checks.Finding], rules: list[str] | None, floor: Severity | None) -> list[Finding]:
    refuse_unknown(rules)
    rank = checks.Severity(floor.value).rank if floor else 0
    return [Finding.of(f) for f in findings if (not rules or f.rule in rules) and f.severity.rank >= rank]


async def check_results(ctx: Any, area: str | None, rules: list[str] | None) -> list[CheckResult]:
    """Every rule-and-area outcome for ``area`` (None: every area), in the order of ``govgraph check``."""
    refuse_unknown(rules)
    areas = [row["id"] for row in await ctx.store.read("checks/support/areas", ctx.log)]
    if area is not None:
        if area not in areas:
            raise ApiError(f"Unknown area '{area}'.")
        areas = [area]
    outcome = await ctx.findings.outcome(ctx, area)
    chosen = [rule for rule in bundled_rules() if not rules or rule.id in rules]
    return [CheckResult.of(r) for r in checks.results(chosen, areas, outcome.findings, outcome.evidence)]


def as_api_error(exc: GraphError) -> ApiError:
    """The checks engine wraps driver errors; an outage underneath is the client's UNAVAILABLE."""
    if exc.__cause__ is not None and is_outage(exc.__cause__):
        return Unavailable()
    return ApiError(f"The checks could not run: {exc}")
