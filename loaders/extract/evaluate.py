"""Measuring a draft against a reviewed protocol file: precision and recall per item type.

Ids are the extractor's own, so bodies, roles and people are first aligned by their names and aliases,
normalised ('&' and 'and', "the", a trailing full stop, case, a plural head): one draft entity to at most
one reviewed entity of the same kind. Then each item type is compared as a set:

- bodies, roles and people: aligned or not;
- relations (MEMBER_OF excluded, COOPERATES_WITH unordered): by type, counted only when both ends are
  named (no generic end such as "partner agencies") and the relation is stated (not ``inferred``);
- memberships (MEMBER_OF between named ends): member, body, capacity;
- suggestions: the inferred relations and those with a generic end, scored apart, since they are the
  reviewer's reading rather than the text's words;
- duties: same owner and towards, and verbatim texts that overlap by at least half of the longer one;
- declarations: same kind and quotes that overlap by at least half of the shorter one.

Scores add up over documents (``Evaluation.add``), so a corpus is measured micro-averaged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from govgraph.graph.model import Capacity, Relation
from govgraph.loaders.document import ProtocolDocument
from govgraph.loaders.text import fold

DUTY_OVERLAP = 0.5
DECLARATION_OVERLAP = 0.5
_ARTICLES = re.compile(r"^(?:the|a|an|each|every|all|their|its)\s+")
_GENERIC = re.compile(
    r"^(?:(?:all|other|relevant|constituent|local|statutory|key|member|wider|partner|individual)\s+)*"
    r"(?:partners?|partner agenc(?:y|ies)|partner organisations?|agenc(?:y|ies)|organisations?|members?"
    r"|bod(?:y|ies)|communit(?:y|ies)|public|services?|providers?|stakeholders?|partnerships?)$"
)
ENTITY_KINDS = ("bodies", "roles", "people")
Ends = Callable[[str | None], str | None]


@dataclass
class Score:
    name: str
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
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

    def add(self, other: Score) -> None:
        self.true_positives += other.true_positives
        self.false_positives += other.false_positives
        self.false_negatives += other.false_negatives


@dataclass
class Evaluation:
    scores: list[Score]
    alignment: dict[str, str] = field(default_factory=dict)  # draft id -> reviewed id
    unaligned: list[str] = field(default_factory=list)

    def score(self, name: str) -> Score:
        return next(s for s in self.scores if s.name == name)

    def add(self, other: Evaluation) -> None:
        """Micro-averaging: add another document's counts (misses are not kept, so nothing per document
        survives in a total)."""
        for theirs in other.scores:
            mine = next((s for s in self.scores if s.name == theirs.name), None)
            if mine is None:
                mine = Score(theirs.name)
                self.scores.append(mine)
            mine.add(theirs)
        self.scores.sort(key=lambda s: _ORDER.get(s.name.split(":")[0], 99))

    def render(self, details: bool = True) -> str:
        lines = [f"{'':22} {'precision':>9} {'recall':>7} {'tp':>4} {'fp':>4} {'fn':>4}"]
        for s in self.scores:
            lines.append(
                f"{s.name:22} {s.precision:9.2f} {s.recall:7.2f} {s.true_positives:4} "
                f"{s.false_positives:4} {s.false_negatives:4}"
            )
        if details:
            for s in self.scores:
                if ":" in s.name:
                    continue  # the per-type rows repeat the relations' misses
                lines += [f"missed {s.name}: {item}" for item in s.missed]
                lines += [f"extra {s.name}: {item}" for item in s.extra]
            if self.unaligned:
                lines.append("draft entities matching no reviewed one: " + ", ".join(self.unaligned))
        return "\n".join(lines)


_ORDER = {
    name: i
    for i, name in enumerate(
        [
            "bodies",
            "roles",
            "people",
            "relations",
            "rel",
            "memberships",
            "suggestions",
            "duties",
            "declarations",
        ]
    )
}


def evaluate(draft: ProtocolDocument, reviewed: ProtocolDocument) -> Evaluation:
    alignment = align(draft, reviewed)

    def mapped(ref: str | None) -> str | None:
        return None if ref is None else alignment.get(ref, f"?{ref}")

    def same(ref: str | None) -> str | None:
        return ref

    # Whether an end is generic is the reviewed file's reading where the draft's entity aligns with one.
    reviewed_generic = _generic_ids(reviewed)
    draft_generic = reviewed_generic | {f"?{i}" for i in _generic_ids(draft) if i not in alignment}
    scores = [_entity_score(kind, draft, reviewed, alignment) for kind in ENTITY_KINDS]
    found = _relations(draft, mapped, draft_generic)
    wanted = _relations(reviewed, same, reviewed_generic)
    scores.append(_set_score("relations", found["stated"], wanted["stated"]))
    for relation_type in sorted({t for t, *_ in found["stated"] | wanted["stated"]}):
        scores.append(
            _set_score(
                f"rel:{relation_type}",
                {r for r in found["stated"] if r[0] == relation_type},
                {r for r in wanted["stated"] if r[0] == relation_type},
            )
        )
    scores.append(_set_score("memberships", found["members"], wanted["members"]))
    scores.append(_set_score("suggestions", found["suggested"], wanted["suggested"]))
    scores.append(_duty_score(draft, reviewed, mapped))
    scores.append(_declaration_score(draft, reviewed))
    actors = [item.id for kind in ENTITY_KINDS for item in getattr(draft, kind)]
    return Evaluation(scores, alignment, [a for a in actors if a not in alignment])


def align(draft: ProtocolDocument, reviewed: ProtocolDocument) -> dict[str, str]:
    """Each draft body, role or person to the reviewed one of its kind sharing most of its names (greedy,
    one to one); a draft body may also align with a reviewed role of the same name and vice versa, once
    the same-kind pairs are taken, since whether "the Director" is a post or an office is a judgement."""
    pairs = []
    for same_kind in (True, False):
        for kind in ENTITY_KINDS:
            ours = _names(getattr(draft, kind))
            for other_kind in ENTITY_KINDS:
                if (other_kind == kind) != same_kind or (not same_kind and "people" in (kind, other_kind)):
                    continue
                for mine, my_names in ours.items():
                    for other, other_names in _names(getattr(reviewed, other_kind)).items():
                        shared = len(my_names & other_names)
                        if shared:
                            pairs.append((not same_kind, -shared, mine, other))
    alignment: dict[str, str] = {}
    taken: set[str] = set()
    for _, _, mine, other in sorted(pairs):
        if mine not in alignment and other not in taken:
            alignment[mine] = other
            taken.add(other)
    return alignment


def _names(items: Iterable) -> dict[str, set[str]]:  # type: ignore[type-arg]
    out: dict[str, set[str]] = {}
    for item in items:
        names = [item.name, *getattr(item, "aliases", [])] + ([item.quote] if item.quote else [])
        out[item.id] = {n for n in (normal_name(name) for name in names) if n}
    return out


def normal_name(name: str) -> str:
    """A name as compared: folded, lower case, '&' as 'and', no leading article, no trailing stop, no
    trailing 'board' after a partnership, and a plural head made singular."""
    text = fold(name).lower().replace("\u2019", "'").replace("&", " and ").strip(" .,;:'\"()")
    text = re.sub(r"\s+", " ", text)
    text = _ARTICLES.sub("", text)
    text = re.sub(r"\b(partnership|trust|group|committee)\s+board$", r"\1", text)
    words = text.split()
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def is_generic(name: str) -> bool:
    """A collective with no name of its own ("partner agencies", "the relevant partners")."""
    return bool(_GENERIC.match(normal_name(name))) or bool(_GENERIC.match(normal_name(name) + "s"))


def _generic_ids(doc: ProtocolDocument) -> set[str]:
    return {b.id for b in doc.bodies if is_generic(b.name)} | {r.id for r in doc.roles if is_generic(r.name)}


def _entity_score(
    kind: str, draft: ProtocolDocument, reviewed: ProtocolDocument, alignment: dict[str, str]
) -> Score:
    mine = {item.id: item.name for item in getattr(draft, kind)}
    theirs = {item.id: item.name for item in getattr(reviewed, kind)}
    matched = {alignment[i] for i in mine if i in alignment and alignment[i] in theirs}
    extra = [name for i, name in mine.items() if alignment.get(i) not in theirs]
    missed = [name for i, name in theirs.items() if i not in matched]
    return Score(kind, len(matched), len(extra), len(missed), sorted(missed), sorted(extra))


def _relations(doc: ProtocolDocument, mapped: Ends, generic: set[str]) -> dict[str, set[tuple]]:  # type: ignore[type-arg]
    out: dict[str, set[tuple]] = {"stated": set(), "members": set(), "suggested": set()}  # type: ignore[type-arg]
    for rel in doc.relations:
        ends = (mapped(rel.from_), mapped(rel.to))
        if rel.type == Relation.COOPERATES_WITH:
            ends = tuple(sorted(ends, key=str))
        suggested = rel.inferred or ends[0] in generic or ends[1] in generic
        if suggested:
            out["suggested"].add((rel.type, *ends))
        elif rel.type == Relation.MEMBER_OF:
            out["members"].add((*ends, rel.capacity or Capacity.MEMBER.value))
        else:
            out["stated"].add((rel.type, *ends))
    return out


def _set_score(name: str, found: set, wanted: set) -> Score:  # type: ignore[type-arg]
    return Score(
        name,
        len(found & wanted),
        len(found - wanted),
        len(wanted - found),
        missed=sorted(_show(item) for item in wanted - found),
        extra=sorted(_show(item) for item in found - wanted),
    )


def _duty_score(draft: ProtocolDocument, reviewed: ProtocolDocument, mapped: Ends) -> Score:
    candidates = []
    for i, mine in enumerate(draft.duties):
        for j, theirs in enumerate(reviewed.duties):
            if mapped(mine.owner) == theirs.owner and mapped(mine.towards) == theirs.towards:
                overlap = text_overlap(mine.text, theirs.text)
                if overlap >= DUTY_OVERLAP:
                    candidates.append((overlap, i, j))
    matched_draft, matched_reviewed = _greedy(candidates)
    missed = [_duty_label(d) for j, d in enumerate(reviewed.duties) if j not in matched_reviewed]
    extra = [_duty_label(d, mapped) for i, d in enumerate(draft.duties) if i not in matched_draft]
    return Score("duties", len(matched_draft), len(extra), len(missed), missed, extra)


def _declaration_score(draft: ProtocolDocument, reviewed: ProtocolDocument) -> Score:
    candidates = []
    for i, mine in enumerate(draft.declarations):
        for j, theirs in enumerate(reviewed.declarations):
            if mine.kind == theirs.kind:
                overlap = text_overlap(mine.quote, theirs.quote, of_shorter=True)
                if overlap >= DECLARATION_OVERLAP:
                    candidates.append((overlap, i, j))
    matched_draft, matched_reviewed = _greedy(candidates)
    missed = [f"{d.kind} ({d.clause}): {d.quote}" for j, d in enumerate(reviewed.declarations)]
    extra = [f"{d.kind} ({d.clause}): {d.quote}" for i, d in enumerate(draft.declarations)]
    return Score(
        "declarations",
        len(matched_draft),
        len(draft.declarations) - len(matched_draft),
        len(reviewed.declarations) - len(matched_reviewed),
        [m for j, m in enumerate(missed) if j not in matched_reviewed],
        [e for i, e in enumerate(extra) if i not in matched_draft],
    )


def _greedy(candidates: list[tuple[float, int, int]]) -> tuple[set[int], set[int]]:
    matched_draft: set[int] = set()
    matched_reviewed: set[int] = set()
    for _, i, j in sorted(candidates, reverse=True):
        if i not in matched_draft and j not in matched_reviewed:
            matched_draft.add(i)
            matched_reviewed.add(j)
    return matched_draft, matched_reviewed


def text_overlap(a: str, b: str, of_shorter: bool = False) -> float:
    """The longest common run of two verbatim texts, as a share of the longer one (or the shorter)."""
    a, b = fold(a), fold(b)
    if not a or not b:
        return 0.0
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size / (min(len(a), len(b)) if of_shorter else max(len(a), len(b)))


def _duty_label(duty, mapped: Ends = lambda r: r) -> str:  # type: ignore[no-untyped-def]
    text = duty.text if len(duty.text) <= 70 else duty.text[:69] + "…"
    return f"{mapped(duty.owner)} -> {mapped(duty.towards)} ({duty.clause}): {text}"


def _show(item: Iterable[str]) -> str:
    return " ".join(str(part) for part in item)
