"""Measuring a draft against a reviewed protocol file: precision and recall of what matters.

Ids are the extractor's own, so bodies and roles are first aligned by their names and aliases (one
draft entity to at most one reviewed entity). Then three things are compared: typed relations between
actors (type, from, to; MEMBER_OF excluded; COOPERATES_WITH unordered, being symmetric), duties (same
owner and towards, and verbatim texts that overlap by at least half of the longer one), and memberships
(member, body, capacity).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from graph.model import Capacity, Relation
from loaders.document import ProtocolDocument
from loaders.text import fold

DUTY_OVERLAP = 0.5
_ARTICLES = re.compile(r"^(?:the|a|an|each|every|all|their|its)\s+")


@dataclass
class Score:
    name: str
    true_positives: int
    false_positives: int
    false_negatives: int
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0


@dataclass
class Evaluation:
    scores: list[Score]
    alignment: dict[str, str]  # draft id -> reviewed id
    unaligned: list[str]

    def score(self, name: str) -> Score:
        return next(s for s in self.scores if s.name == name)

    def render(self, details: bool = True) -> str:
        lines = [f"{'':12} {'precision':>9} {'recall':>7} {'tp':>4} {'fp':>4} {'fn':>4}"]
        for s in self.scores:
            lines.append(
                f"{s.name:12} {s.precision:9.2f} {s.recall:7.2f} {s.true_positives:4} "
                f"{s.false_positives:4} {s.false_negatives:4}"
            )
        if details:
            for s in self.scores:
                lines += [f"missed {s.name}: {item}" for item in s.missed]
                lines += [f"extra {s.name}: {item}" for item in s.extra]
            if self.unaligned:
                lines.append("draft entities matching no reviewed one: " + ", ".join(self.unaligned))
        return "\n".join(lines)


def evaluate(draft: ProtocolDocument, reviewed: ProtocolDocument) -> Evaluation:
    alignment = align(draft, reviewed)

    def mapped(ref: str | None) -> str | None:
        return None if ref is None else alignment.get(ref, f"?{ref}")

    scores = [
        _set_score("relations", _relations(draft, mapped), _relations(reviewed, lambda r: r)),
        _duty_score(draft, reviewed, mapped),
        _set_score("memberships", _memberships(draft, mapped), _memberships(reviewed, lambda r: r)),
    ]
    actors = [b.id for b in draft.bodies] + [r.id for r in draft.roles]
    return Evaluation(scores, alignment, [a for a in actors if a not in alignment])


def align(draft: ProtocolDocument, reviewed: ProtocolDocument) -> dict[str, str]:
    """Each draft body or role to the reviewed one sharing most of its names (greedy, one to one)."""
    ours, theirs = _names(draft), _names(reviewed)
    pairs = []
    for mine, my_names in ours.items():
        for other, other_names in theirs.items():
            shared = len(my_names & other_names)
            if shared:
                pairs.append((shared, mine, other))
    alignment: dict[str, str] = {}
    taken: set[str] = set()
    for _, mine, other in sorted(pairs, key=lambda p: -p[0]):
        if mine not in alignment and other not in taken:
            alignment[mine] = other
            taken.add(other)
    return alignment


def _names(doc: ProtocolDocument) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for item in [*doc.bodies, *doc.roles]:
        names = [item.name, *item.aliases] + ([item.quote] if item.quote else [])
        out[item.id] = {n for n in (_normal(name) for name in names) if n}
    return out


def _normal(name: str) -> str:
    text = fold(name).lower().replace("\u2019", "'").replace("&", "and").strip(" .,;:'\"")
    text = _ARTICLES.sub("", text)
    words = text.split()
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def _relations(doc: ProtocolDocument, mapped) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    out = set()
    for rel in doc.relations:
        if rel.type == Relation.MEMBER_OF or rel.inferred:  # an inference is no text to extract
            continue
        ends = (mapped(rel.from_), mapped(rel.to))
        if rel.type == Relation.COOPERATES_WITH:
            ends = tuple(sorted(ends))
        out.add((rel.type, *ends))
    return out


def _memberships(doc: ProtocolDocument, mapped) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return {
        (mapped(rel.from_), mapped(rel.to), rel.capacity or Capacity.MEMBER.value)
        for rel in doc.relations
        if rel.type == Relation.MEMBER_OF and not rel.inferred
    }


def _set_score(name: str, found: set, wanted: set) -> Score:
    return Score(
        name,
        len(found & wanted),
        len(found - wanted),
        len(wanted - found),
        missed=sorted(_show(item) for item in wanted - found),
        extra=sorted(_show(item) for item in found - wanted),
    )


def _duty_score(draft: ProtocolDocument, reviewed: ProtocolDocument, mapped) -> Score:  # type: ignore[no-untyped-def]
    candidates = []
    for i, mine in enumerate(draft.duties):
        for j, theirs in enumerate(reviewed.duties):
            if mapped(mine.owner) == theirs.owner and mapped(mine.towards) == theirs.towards:
                overlap = text_overlap(mine.text, theirs.text)
                if overlap >= DUTY_OVERLAP:
                    candidates.append((overlap, i, j))
    matched_draft: set[int] = set()
    matched_reviewed: set[int] = set()
    for _, i, j in sorted(candidates, reverse=True):
        if i not in matched_draft and j not in matched_reviewed:
            matched_draft.add(i)
            matched_reviewed.add(j)
    missed = [_duty_label(d) for j, d in enumerate(reviewed.duties) if j not in matched_reviewed]
    extra = [_duty_label(d, mapped) for i, d in enumerate(draft.duties) if i not in matched_draft]
    return Score("duties", len(matched_draft), len(extra), len(missed), missed, extra)


def text_overlap(a: str, b: str) -> float:
    """The longest common run of two verbatim texts, as a share of the longer one."""
    a, b = fold(a), fold(b)
    if not a or not b:
        return 0.0
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size / max(len(a), len(b))


def _duty_label(duty, mapped=lambda r: r) -> str:  # type: ignore[no-untyped-def]
    text = duty.text if len(duty.text) <= 70 else duty.text[:69] + "…"
    return f"{mapped(duty.owner)} -> {mapped(duty.towards)} ({duty.clause}): {text}"


def _show(item: Iterable[str]) -> str:
    return " ".join(str(part) for part in item)
