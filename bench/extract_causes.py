"""Why each reviewed relation and membership of the dev half was missed: where relation rules can help.

Every missed item (a stated relation other than MEMBER_OF, or a membership) gets one cause:

- ``a-end-missing``: an end is among none of the draft's bodies, roles or people (an entity problem);
- ``b-no-relation``: both ends are in the draft, with nothing at all between them;
- ``c-other-type``: both ends are in the draft, joined by a relation of another type or direction (or,
  for a membership, another capacity);
- ``c-suggestion``: the same relation is in the draft, but as a flagged suggestion (inferred or with an
  end the evaluator reads as generic);
- ``d-other-end``: the draft has the relation of that type from the one end to a draft entity that
  aligned with another reviewed id, or with none (an alias or scoring question).

Wrong (extra) relations are classed alike: ``unaligned-end`` (an end that aligned with no reviewed
entity), ``other-type`` (the reviewed file joins the same ends otherwise), or ``not-stated`` (the ends
are reviewed entities the reviewed file does not join).

Dev half only: the test half is scored blind.

    .venv/bin/python -m bench.extract_bench --causes [--details]
"""

from __future__ import annotations

import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from govgraph.graph.model import Capacity, Relation
from govgraph.loaders.document import ProtocolDocument
from govgraph.loaders.extract.evaluate import _generic_ids, align

CAUSES = ("a-end-missing", "b-no-relation", "c-other-type", "c-suggestion", "d-other-end")
EXTRA_CAUSES = ("unaligned-end", "other-type", "not-stated")


@dataclass
class Causes:
    missed: Counter[tuple[str, str]] = field(default_factory=Counter)  # (type, cause)
    extra: Counter[tuple[str, str]] = field(default_factory=Counter)
    lines: list[str] = field(default_factory=list)

    def add(self, other: Causes) -> None:
        self.missed.update(other.missed)
        self.extra.update(other.extra)

    def render(self) -> str:
        types = sorted({t for t, _ in self.missed} | {t for t, _ in self.extra})
        out = ["missed, by cause:", f"{'':22}" + "".join(f"{c:>15}" for c in CAUSES) + f"{'all':>6}"]
        for kind in types:
            row = [self.missed[(kind, c)] for c in CAUSES]
            if sum(row):
                out.append(f"{kind:22}" + "".join(f"{n:15}" for n in row) + f"{sum(row):6}")
        totals = [sum(n for (k, c), n in self.missed.items() if c == cause) for cause in CAUSES]
        out.append(f"{'all':22}" + "".join(f"{n:15}" for n in totals) + f"{sum(totals):6}")
        out += ["wrong, by cause:", f"{'':22}" + "".join(f"{c:>15}" for c in EXTRA_CAUSES) + f"{'all':>6}"]
        for kind in types:
            row = [self.extra[(kind, c)] for c in EXTRA_CAUSES]
            if sum(row):
                out.append(f"{kind:22}" + "".join(f"{n:15}" for n in row) + f"{sum(row):6}")
        return "\n".join(out)


def _label(kind: str) -> str:
    return "memberships" if kind == Relation.MEMBER_OF else f"rel:{kind}"


def classify(draft: ProtocolDocument | None, reviewed: ProtocolDocument) -> Causes:
    """The causes of one document's misses (a failed draft: every end missing)."""
    causes = Causes()
    alignment = align(draft, reviewed) if draft is not None else {}
    back: dict[str, str] = {theirs: mine for mine, theirs in alignment.items()}
    generic = _generic_ids(reviewed)
    own_generic = _generic_ids(draft) if draft is not None else set()
    draft_generic = generic | {f"?{i}" for i in own_generic if i not in alignment}

    def mapped(ref: str) -> str:
        return alignment.get(ref, f"?{ref}")

    # The draft's relations, their ends in reviewed ids (unaligned draft ends as '?id').
    found = []
    for rel in draft.relations if draft is not None else []:
        a, b = mapped(rel.from_), mapped(rel.to)
        suggested = bool(rel.inferred) or a in draft_generic or b in draft_generic
        found.append((rel.type, a, b, rel.capacity or Capacity.MEMBER.value, suggested))
    wanted = []
    for rel in reviewed.relations:
        if rel.inferred or rel.from_ in generic or rel.to in generic:
            continue  # a suggestion in the reviewed file: scored apart
        wanted.append((rel.type, rel.from_, rel.to, rel.capacity or Capacity.MEMBER.value))
    wanted = list(dict.fromkeys(wanted))

    def same(kind: str, a: str, b: str, x: str, y: str) -> bool:
        if kind == Relation.COOPERATES_WITH:
            return {a, b} == {x, y}
        return (a, b) == (x, y)

    def matches(item: tuple, other: tuple) -> bool:  # type: ignore[type-arg]
        kind, a, b, cap = item
        okind, x, y, ocap = other[:4]
        return kind == okind and same(kind, a, b, x, y) and (kind != Relation.MEMBER_OF or cap == ocap)

    found = list(dict.fromkeys(found))  # a set, as the evaluator scores it
    stated_found = [f for f in found if not f[4]]
    for item in wanted:
        kind, a, b, cap = item
        if any(matches(item, f) for f in stated_found):
            continue
        if any(matches(item, f) for f in found):
            cause = "c-suggestion"
        elif a in back and b in back:
            joined = [f for f in found if {f[1], f[2]} == {a, b}]
            cause = "c-other-type" if joined else "b-no-relation"
        else:
            near = [
                f
                for f in found
                if f[0] == kind
                and ((f[1] == a and f[2] != b) or (f[2] == b and f[1] != a))
                and (f[2] if f[1] == a else f[1]) not in back.keys() - {a, b}
            ]
            cause = "d-other-end" if near else "a-end-missing"
        causes.missed[(_label(kind), cause)] += 1
        causes.lines.append(f"  {cause:14} {kind} {a} -> {b}" + (f" ({cap})" if kind == "MEMBER_OF" else ""))
    for f in stated_found:
        if any(matches(w, f) for w in wanted):
            continue
        kind, a, b = f[:3]
        if a.startswith("?") or b.startswith("?"):
            cause = "unaligned-end"
        elif any({w[1], w[2]} == {a, b} for w in wanted):
            cause = "other-type"
        else:
            cause = "not-stated"
        causes.extra[(_label(kind), cause)] += 1
        causes.lines.append(f"  wrong {cause:14} {kind} {a} -> {b}")
    return causes


def run_causes(folders: list[Path], details: bool) -> int:
    from bench.extract_bench import draft_of  # the bench's own extraction, shared

    total = Causes()
    with tempfile.TemporaryDirectory() as scratch:
        for folder in folders:
            draft, reviewed = draft_of(folder, Path(scratch))
            found = classify(draft, reviewed)
            total.add(found)
            if details and found.lines:
                print(f"\n== {folder.name}")
                print("\n".join(found.lines))
    print(f"\ndev half: {len(folders)} documents")
    print(total.render())
    return 0
