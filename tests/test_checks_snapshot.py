"""Every field of every finding on the bundled protocols, held against a snapshot recorded before the
rules were rewritten for speed (commit 92d9636's rule texts): a faster rule must find exactly the same.

The snapshot holds, per area, each finding as ``Finding.as_dict`` (message, subjects, path legs, edges,
clauses with their quotes and lines) and the evidence of passes. Protocol paths are stored relative to
the checkout (``<root>``), so the snapshot holds wherever the repository lives.
"""

from __future__ import annotations

import json
from typing import Any

from govgraph.graph.checks import Outcome, load_rules, run_outcome
from neo4j import Driver

from tests.conftest import ROOT, Cli

SNAPSHOT = ROOT / "tests" / "fixtures" / "checks_bundled_snapshot.json"
AREAS = ("leicester", "wirral")


def as_snapshot(outcome: Outcome) -> dict[str, Any]:
    """The outcome as the snapshot stores it: plain data, the checkout's path replaced by ``<root>``."""
    data = {
        "findings": [f.as_dict() for f in outcome.findings],
        "evidence": sorted([e.rule, e.area, e.message] for e in outcome.evidence),
    }
    return json.loads(json.dumps(data, ensure_ascii=False).replace(str(ROOT), "<root>"))


def test_each_area_finds_exactly_the_recorded_findings(bundled: Cli, driver: Driver) -> None:
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    rules = load_rules()
    for area in AREAS:
        found = as_snapshot(run_outcome(driver, rules, area))
        assert found["evidence"] == expected[area]["evidence"], area
        assert len(found["findings"]) == len(expected[area]["findings"]), area
        for got, want in zip(found["findings"], expected[area]["findings"], strict=True):
            assert got == want, f"{area}: {want['rule']}: {want['message']}"


def test_the_national_run_is_the_areas_runs_together(bundled: Cli, driver: Driver) -> None:
    """``govgraph check`` (every area, one pass per rule) and ``checks(area)`` (anchored on the area's
    index) are different plans of the same statements: they must agree finding for finding."""
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    found = as_snapshot(run_outcome(driver, load_rules()))
    assert found["findings"] == [f for area in AREAS for f in expected[area]["findings"]]
    assert found["evidence"] == sorted(e for area in AREAS for e in expected[area]["evidence"])
