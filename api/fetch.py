"""The request's context, and the checks path: findings from the checks engine, once per area."""

from __future__ import annotations

from govgraph.api import findings
from govgraph.api.store import StatementLog, Store
from govgraph.graph import checks


class Context:
    """What one request carries: the store, the statements it sent, the findings it computed."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.log = StatementLog()
        self.findings = findings.FindingsCache()


async def area_findings(ctx: Context, area: str | None) -> list[checks.Finding]:
    """Every rule's findings for ``area`` (None: all areas), once per request and area."""
    return (await ctx.findings.outcome(ctx, area)).findings


async def check_findings(
    ctx: Context, area: str | None, rules: list[str] | None, floor: findings.Severity | None
) -> list[findings.Finding]:
    """Only the rules asked for run (unknown ones are refused before anything runs)."""
    findings.refuse_unknown(rules)
    if not rules:
        return findings.select(await area_findings(ctx, area), rules, floor)
    outcome = await ctx.findings.outcome(ctx, area, tuple(sorted(set(rules))))
    return findings.select(outcome.findings, rules, floor)
