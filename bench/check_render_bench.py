"""Rendering benchmark of ``govgraph check``'s four formats, without Neo4j: 1,500 areas, every rule, eight
findings per area made in Python, so only the report's own cost is measured (CPU seconds, which a busy
machine inflates far less than wall time).

    .venv/bin/python -m bench.check_render_bench [CHECKOUT]

CHECKOUT (default: this one) is a project checkout whose ``govgraph/check_reports.py`` and ``graph/checks.py``
are measured, so an older commit (``git archive COMMIT | tar -x -C DIR``) runs in the same harness.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

AREAS = 1500
PER_AREA = 8


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]).resolve() if args else Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root))
    from govgraph.graph import checks

    from govgraph import check_reports as reports

    rules = checks.load_rules()
    areas = [(f"area-{i:04d}", f"Area {i}") for i in range(AREAS)]
    clause = checks.ClauseRef("a/p/1", "1", "1", 3, "q", "a/p", "p.txt", None)
    node, other = checks.NodeRef("a/x", "X", "Body"), checks.NodeRef("a/y", "Y", "Body")
    leg = checks.Leg((node, other), (checks.EdgeRef("e", "REPORTS_TO", "a/x", "a/y", "a/p/1", "q"),))
    findings = [
        checks.Finding(
            rules[(i + k) % len(rules)].id,
            checks.Severity.WARNING,
            area,
            f"m {i} {k}",
            (node,),
            (leg,),
            (clause,),
        )
        for i, (area, _) in enumerate(areas)
        for k in range(PER_AREA)
    ]
    extra = {}
    if hasattr(checks, "Evidence"):  # this checkout's reports take what passed rules examined
        extra["evidence"] = [checks.Evidence(r.id, a, "examined") for a, _ in areas for r in rules]
    print(f"{root}: {AREAS} areas, {len(rules)} rules, {len(findings)} findings")
    for fmt in ("text", "json", "junit", "sarif"):
        report = reports.Report(areas, rules, findings, checks.Severity.ERROR, None, **extra)
        start = time.process_time()
        out = reports.render(report, fmt)
        print(f"  {fmt:<6} {time.process_time() - start:6.2f} s CPU  ({len(out) / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
