"""Where a diagram's findings come from: the independence checks (``graph.checks``), when present.

The diagram takes findings as plain input (``frontend.model.Finding``), so it does not depend on how the
checks are written; this module is the one seam between the two. If ``graph.checks`` is missing, or a
rule cannot run, the diagram is still drawn, without highlights, and the caller is told why.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from govgraph.frontend.model import Finding, findings_from_checks
from govgraph.graph.errors import GraphError
from neo4j import Driver


@dataclass
class CheckOutcome:
    findings: list[Finding] = field(default_factory=list)
    problem: str | None = None  # why there are no findings to show, when the checks could not run


def check_findings(driver: Driver, database: str | None, area: str | None) -> CheckOutcome:
    """Every finding of every bundled rule for ``area`` (None: all areas), adapted for the diagram."""
    try:
        from govgraph.graph.checks import run_checks
    except ImportError:
        return CheckOutcome(problem="the independence checks (graph.checks) are not installed")
    try:
        return CheckOutcome(findings_from_checks(run_checks(driver, area=area, database=database)))
    except GraphError as exc:
        return CheckOutcome(problem=f"the checks could not run: {exc}")
