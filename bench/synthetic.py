"""Synthetic protocols for benchmarks: many areas, shaped like real protocols, deterministic from a seed.

Each area is a ``ProtocolDocument`` plus the source text its clauses and quotes come from, and becomes a
``GraphBatch`` through ``loaders.protocol.to_batch``, so a benchmark writes exactly the rows the real loader
would. ``write_protocol_files`` puts the same areas on disk as YAML + text for ``govgraph load``, and
``check_round_trip`` proves the real validator accepts them and yields the very same batches.

    .venv/bin/python -m bench.synthetic bench/out/protocols --areas 10
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from govgraph.graph.model import BodyKind, Capacity, DeclarationKind, DutyKind, Relation
from govgraph.loaders.batch import GraphBatch
from govgraph.loaders.document import FORMAT, ProtocolDocument
from govgraph.loaders.protocol import read_protocol, to_batch
from govgraph.loaders.text import FoldedText, Span, fold

Row = dict[str, Any]
SECTIONS = ("clauses", "bodies", "roles", "legislation", "duties", "relations", "declarations")
MAX_REDRAWS = 50
WRAP = 100  # source lines are wrapped like text copied out of a PDF; the loader folds whitespace

PREFIXES = ("Ash", "Oak", "Elm", "North", "South", "East", "West", "Kings", "Stone", "Mill", "Brook", "Red")
SUFFIXES = ("moor", "field", "ford", "bury", "wick", "dale", "ham", "borough", "shire", "mouth")


@dataclass(frozen=True)
class BodyTemplate:
    slug: str
    name: str  # with a {place} to fill in
    kind: BodyKind
    phrase: str  # what the body is, for the clause that defines it


SAFEGUARDING = (
    BodyTemplate(
        "scp",
        "{place} Safeguarding Children Partnership",
        BodyKind.SAFEGUARDING_BOARD,
        "the statutory multi-agency safeguarding partnership",
    ),
    BodyTemplate(
        "sab",
        "{place} Safeguarding Adults Board",
        BodyKind.SAFEGUARDING_BOARD,
        "the statutory board for the safeguarding of adults at risk",
    ),
)
OTHER_BODIES = (
    BodyTemplate(
        "hwb",
        "{place} Health and Wellbeing Board",
        BodyKind.HEALTH_AND_WELLBEING_BOARD,
        "the statutory forum for leaders of the health and care system",
    ),
    BodyTemplate("council", "{place} Council", BodyKind.LOCAL_AUTHORITY, "the local authority"),
    BodyTemplate(
        "icb",
        "{place} Integrated Care Board",
        BodyKind.NHS_BODY,
        "the NHS body that commissions health services",
    ),
    BodyTemplate(
        "csp",
        "{place} Community Safety Partnership",
        BodyKind.STRATEGIC_PARTNERSHIP,
        "the partnership that tackles crime and disorder",
    ),
    BodyTemplate(
        "trust",
        "{place} Children's Trust",
        BodyKind.CHILDRENS_TRUST,
        "the partnership that plans services for children and young people",
    ),
    BodyTemplate(
        "vcs-forum",
        "{place} Voluntary and Community Sector Forum",
        BodyKind.COMMUNITY,
        "the voice of voluntary and community organisations",
    ),
)
SUBGROUPS = (
    ("qa-subgroup", "Quality Assurance Subgroup"),
    ("learning-subgroup", "Learning and Improvement Subgroup"),
    ("exploitation-subgroup", "Exploitation Subgroup"),
    ("performance-subgroup", "Performance and Intelligence Subgroup"),
)
CHAIR_ROLE = ("independent-chair", "Independent Chair", None)
ROLES = (  # slug, name, the body the role is a post of
    ("dcs", "Director of Children's Services", "council"),
    ("dass", "Director of Adult Social Services", "council"),
    ("dph", "Director of Public Health", "council"),
    ("lead-member", "Lead Member for Children", "council"),
    ("chief-nurse", "Chief Nurse", "icb"),
    ("chief-constable", "Chief Constable", None),
)
LEGISLATION = (
    ("children-act-2004", "Children Act 2004"),
    ("care-act-2014", "Care Act 2014"),
    ("health-and-social-care-act-2012", "Health and Social Care Act 2012"),
    ("children-and-social-work-act-2017", "Children and Social Work Act 2017"),
    ("crime-and-disorder-act-1998", "Crime and Disorder Act 1998"),
)
TOPICS = (
    "safeguarding performance",
    "its annual report",
    "the business plan",
    "learning from case reviews",
    "child exploitation",
    "domestic abuse",
    "early help",
    "the joint strategic needs assessment",
    "neglect",
    "the workforce strategy",
    "children missing from education",
    "mental health services",
    "transitions to adult services",
    "budget contributions",
    "multi-agency training",
    "the threshold document",
    "serious youth violence",
    "the voice of the child",
)
FREQUENCIES = {
    "annual": "annually",
    "quarterly": "quarterly",
    "biannual": "twice a year",
    "monthly": "monthly",
}
CAPACITIES = {
    Capacity.MEMBER: "a member",
    Capacity.PARTICIPANT_OBSERVER: "a participant observer",
    Capacity.OBSERVER: "an observer",
    Capacity.LAY_MEMBER: "a lay member",
    Capacity.ADVISER: "an adviser",
}
CAPACITY_WEIGHTS = (6, 2, 1, 1, 1)
DUTIES: dict[DutyKind, tuple[str, Relation | None]] = {  # the bullet's words, and the relation it states
    DutyKind.REPORTING: ("Report {frequency} to the {towards} on {topic};", Relation.REPORTS_TO),
    DutyKind.CHALLENGE: (
        "Challenge the {towards} where {topic} falls short of agreed standards;",
        Relation.CHALLENGES,
    ),
    DutyKind.SCRUTINY: ("Scrutinise the plans of the {towards} for {topic};", Relation.SCRUTINISES),
    DutyKind.CONSULTATION: (
        "Consult the {towards} on {topic} before decisions are taken;",
        Relation.CONSULTS,
    ),
    DutyKind.ADVICE: ("Advise the {towards} on {topic};", Relation.ADVISES),
    DutyKind.RESPONDING: (
        "Respond in writing to recommendations of the {towards} on {topic};",
        Relation.RESPONDS_TO,
    ),
    DutyKind.REFERRAL: ("Refer concerns about {topic} to the {towards};", Relation.REFERS_TO),
    DutyKind.ACCOUNTABILITY: ("Hold the {towards} to account for {topic};", Relation.HOLDS_TO_ACCOUNT),
    DutyKind.ASSURANCE: ("Seek assurance from the {towards} on {topic};", Relation.OVERSEES),
    DutyKind.APPROVAL: ("Seek the approval of the {towards} for {topic};", Relation.SEEKS_APPROVAL_FROM),
    DutyKind.COORDINATION: ("Work with the {towards} to coordinate {topic};", Relation.COOPERATES_WITH),
    DutyKind.PLANNING: ("Agree a joint plan for {topic} with the {towards};", None),
    DutyKind.PUBLICATION: ("Publish an annual statement on {topic};", None),
    DutyKind.EVALUATION: ("Evaluate the impact of its work on {topic};", None),
}
UNDIRECTED = {DutyKind.PUBLICATION, DutyKind.EVALUATION}  # duties owed to no one in particular
BODY_DUTY_KINDS = [DutyKind.REPORTING] * 4 + [k for k in DUTIES if k != DutyKind.REPORTING]
ROLE_DUTY_KINDS = [DutyKind.ACCOUNTABILITY, DutyKind.ASSURANCE, DutyKind.CHALLENGE]
INDEPENDENT = "neither subordinate to nor a subgroup of any other local body"
DECLARATIONS = (
    DeclarationKind.SEPARATE_CHAIRS,
    DeclarationKind.NON_HIERARCHICAL,
    DeclarationKind.SEPARATE_ACCOUNTABILITY,
    DeclarationKind.NO_DIRECTION_POWER,
)


@dataclass(frozen=True)
class _Draft:
    """A duty before it is committed: redrawn if its bullet would repeat words already in the text."""

    kind: DutyKind
    topic: str
    frequency: str
    text: str


@dataclass(frozen=True)
class SyntheticArea:
    """One area's protocol as the loader would see it: the reviewed document and the text it quotes."""

    document: ProtocolDocument
    source_text: str

    @property
    def area_id(self) -> str:
        return self.document.area.id

    @property
    def source_name(self) -> str:
        return f"{self.area_id}.txt"

    def document_data(self) -> Row:
        return self.document.model_dump(mode="json", by_alias=True, exclude_none=True, exclude_defaults=True)

    def yaml_text(self) -> str:
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        return yaml.dump(self.document_data(), Dumper=dumper, sort_keys=False, allow_unicode=True, width=110)

    def batch(self) -> GraphBatch:
        """The rows the real loader writes; only the digest differs (it hashes the YAML file's bytes)."""
        folded = FoldedText(self.source_text)
        spans = {clause.id: _span(folded, clause.text) for clause in self.document.clauses}
        data = json.dumps(self.document_data(), sort_keys=True).encode()
        digest = hashlib.sha256(data + b"\0" + self.source_text.encode()).hexdigest()
        return to_batch(self.document, Path(self.source_name), self.source_text, spans, digest)


def _span(folded: FoldedText, text: str) -> Span:
    span = folded.find(text)
    if span is None:
        raise ValueError(f"synthetic clause does not occur in its own source text: {text!r}")
    return span


def synthetic_area(index: int, seed: int = 0) -> SyntheticArea:
    return _Builder(index, seed).build()


def synthetic_areas(areas: int, seed: int = 0) -> list[SyntheticArea]:
    return [synthetic_area(index, seed) for index in range(areas)]


def synthetic_batches(areas: int, seed: int = 0) -> list[GraphBatch]:
    """``areas`` GraphBatches, one protocol each, the same for the same seed on every run and machine."""
    return [area.batch() for area in synthetic_areas(areas, seed)]


def write_protocol_files(directory: Path, areas: int, seed: int = 0) -> list[Path]:
    """Write each area as ``<area>.yaml`` + ``<area>.txt``, so ``govgraph load`` can load them for real."""
    return [_write(directory, area) for area in synthetic_areas(areas, seed)]


def _write(directory: Path, area: SyntheticArea) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / area.source_name).write_text(area.source_text, encoding="utf-8")
    path = directory / f"{area.area_id}.yaml"
    path.write_text(area.yaml_text(), encoding="utf-8")
    return path


def check_round_trip(directory: Path, areas: int, seed: int = 0) -> int:
    """Write ``areas`` areas to disk and read them back with the real loader, which checks every id,
    reference and quote; its batches must equal ours but for the digest. Returns how many were checked.

    This keeps the benchmark honest while the loader evolves: if validation or ``to_batch``'s inputs
    change, the synthetic batches stop matching and the benchmark says so instead of timing stale rows.
    """
    checked = synthetic_areas(areas, seed)
    for area in checked:
        theirs = read_protocol(_write(directory, area)).batch
        if _without_digest(theirs) != _without_digest(area.batch()):
            raise AssertionError(f"{area.area_id}: the real loader's batch differs from the synthetic one")
    return len(checked)


def _without_digest(batch: GraphBatch) -> tuple[str, list[Row], list[Row]]:
    """The batch but for what depends on where the files are: the digest and the text's absolute path."""
    nodes = [
        {**n, "props": {k: v for k, v in n["props"].items() if k not in ("digest", "source_path")}}
        for n in batch.nodes
    ]
    return batch.source, nodes, batch.edges


def shape(areas: list[SyntheticArea]) -> str:
    """The mean size of a document, so a reader can judge how realistic the benchmark's input is."""
    means = {
        section: statistics.fmean(len(getattr(a.document, section)) for a in areas) for section in SECTIONS
    }
    return ", ".join(f"{means[s]:.1f} {s}" for s in SECTIONS)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _acronym(name: str) -> str:
    """What a protocol would call the body for short ("ASCP"); a two-word name is short enough already."""
    words = name.split()
    return name if len(words) <= 2 else "".join(w[0] for w in words if w[0].isupper())


class _Builder:
    """Builds one area's protocol section by section, keeping its text and its YAML items in step."""

    def __init__(self, index: int, seed: int) -> None:
        self.rng = random.Random(f"govgraph-bench:{seed}:{index}")
        self.place = PREFIXES[index % len(PREFIXES)] + SUFFIXES[index // len(PREFIXES) % len(SUFFIXES)]
        self.area = f"synth-{index:05d}"
        self.items: dict[str, list[Row]] = {section: [] for section in SECTIONS}
        self.lines: list[str] = []
        self.names: dict[str, str] = {}
        self.aliases: dict[str, str] = {}
        self.mains: list[BodyTemplate] = []
        self.subgroups: list[tuple[str, str]] = []
        self.roles: list[tuple[str, str, str | None]] = []
        self.chaired: set[str] = set()
        self._folded, self._folded_lines = "", 0

    def build(self) -> SyntheticArea:
        self._pick_actors()
        parties = [b.slug for b in self.mains[: self.rng.randint(2, min(3, len(self.mains)))]]
        self.lines += ["Protocol between " + _and([f"the {self.names[p]}" for p in parties]), ""]
        approvals = self._purpose(parties)
        self._roles_section()
        self._structure()
        self._principles(parties)
        self._duties()
        protocol = {
            "id": "-".join([*parties, "protocol"]),
            "title": self.lines[0],
            "source": f"{self.area}.txt",
            "parties": parties,
        }
        document = ProtocolDocument.model_validate(
            {
                "format": FORMAT,
                "area": {"id": self.area, "name": self.place},
                "protocol": {**protocol, "approved_by": approvals},
                **self.items,
            }
        )
        return SyntheticArea(document, "\n".join(self.lines) + "\n")

    # -- helpers ---------------------------------------------------------------------------------------

    def _pick_actors(self) -> None:
        rng = self.rng
        self.mains = [rng.choice(SAFEGUARDING), *rng.sample(OTHER_BODIES, rng.randint(1, 3))]
        for body in self.mains:
            self.names[body.slug] = body.name.format(place=self.place)
            self.aliases[body.slug] = _acronym(self.names[body.slug])
        self.subgroups = rng.sample(SUBGROUPS, rng.randint(1, 2))
        for slug, label in self.subgroups:
            self.names[slug] = f"{self.aliases[self.mains[0].slug]} {label}"
        self.roles = [CHAIR_ROLE, *rng.sample(ROLES, rng.randint(1, 3))]
        for slug, name, _ in self.roles:
            self.names[slug] = name

    def _section(self, number: int, heading: str) -> None:
        self.lines += ["", f"{number}. {heading}", ""]

    def _occurs(self, text: str) -> bool:
        """Whether ``text`` stands in the source already, whitespace folded as the loader compares it."""
        if self._folded_lines < len(self.lines):
            self._folded += " " + fold(" ".join(self.lines[self._folded_lines :]))
            self._folded_lines = len(self.lines)
        return fold(text) in self._folded

    def _clause(self, ref: str, heading: str, text: str, number: str | None = None) -> str:
        """Add a clause to the document and its words to the text, as a numbered item or a bullet.

        A clause's words never occur earlier in the text, so where the loader finds it is unambiguous.
        """
        if self._occurs(text):
            raise ValueError(f"{self.area}: clause {ref} repeats earlier words: {text!r}")
        self.items["clauses"].append({"id": ref, "number": number or ref, "heading": heading, "text": text})
        line = f"- {text}" if number else f"- {ref} {text}"
        self.lines.append(textwrap.fill(line, WRAP, subsequent_indent="  ", break_on_hyphens=False))
        return ref

    def _relation(self, rel_type: Relation, from_: str, to: str, **fields: Any) -> None:
        self.items["relations"].append({"type": rel_type, "from": from_, "to": to, **fields})

    def _declare(self, kind: DeclarationKind, bodies: list[str], clause: str, quote: str) -> None:
        self.items["declarations"].append({"kind": kind, "bodies": bodies, "clause": clause, "quote": quote})

    # -- sections --------------------------------------------------------------------------------------

    def _purpose(self, parties: list[str]) -> list[Row]:
        """Section 1: what the protocol is for, the law it rests on, and who approved it."""
        self._section(1, "Purpose and status")
        heading = "Purpose and status"
        who = _and([f"the {self.names[p]}" for p in parties])
        self._clause("1.1", heading, f"This protocol sets out how {who} work together in {self.place}.")
        laws = self.rng.sample(LEGISLATION, self.rng.randint(1, 2))
        self._clause("1.2", heading, f"It reflects the duties set out in {_and([t for _, t in laws])}.")
        for slug, title in laws:
            self.items["legislation"].append({"id": slug, "title": title, "clause": "1.2", "quote": title})
        approvers = parties[: self.rng.randint(1, len(parties))]
        self._clause(
            "1.3", heading, "Approved by: " + _and([f"the {self.names[p]}" for p in approvers]) + "."
        )
        return [{"body": p, "clause": "1.3", "quote": self.names[p]} for p in approvers]

    def _roles_section(self) -> None:
        """Section 2: one clause defining each main body, then one per role (some roles chair a body)."""
        self._section(2, "Roles and responsibilities")
        for index, body in enumerate(self.mains, start=1):
            name, alias = self.names[body.slug], self.aliases[body.slug]
            text = f"The {name} is {body.phrase} for {self.place}."
            ref = f"2.{index}"
            if alias != name:
                text = f"The {name} ({alias}) is {body.phrase} for {self.place}."
            if index == 1:
                text += f" It is an independent partnership, {INDEPENDENT}."
                self._declare(DeclarationKind.INDEPENDENT, [body.slug], ref, INDEPENDENT)
            self._clause(ref, "Roles and responsibilities", text)
            aliases = [alias] if alias != name else []
            row = {"id": body.slug, "name": name, "kind": body.kind, "aliases": aliases, "clause": ref}
            self.items["bodies"].append(row)
        for index, role in enumerate(self.roles, start=len(self.mains) + 1):
            self._role(f"2.{index}", role)

    def _role(self, ref: str, role: tuple[str, str, str | None]) -> None:
        slug, name, post_of = role
        post_of = self.mains[0].slug if slug == CHAIR_ROLE[0] else post_of
        post_of = post_of if post_of in self.aliases else None
        where = f" of the {self.names[post_of]}" if post_of else ""
        text = f"The {name}{where} is accountable for {self.rng.choice(TOPICS)}."
        chairs = self._body_to_chair(slug)
        if chairs:
            sentence = f"The {name} is Chair of the {self.aliases[chairs]}."
            text += " " + sentence
            self._relation(Relation.CHAIRS, slug, chairs, clause=ref, quote=sentence)
        self._clause(ref, "Roles and responsibilities", text)
        self.items["roles"].append({"id": slug, "name": name, "body": post_of, "clause": ref})

    def _body_to_chair(self, role: str) -> str | None:
        """The independent chair chairs the lead body; other roles chair a body now and then."""
        free = [b.slug for b in self.mains if b.slug not in self.chaired]
        if role == CHAIR_ROLE[0]:
            choice = self.mains[0].slug
        elif free and self.rng.random() < 0.4:
            choice = self.rng.choice(free)
        else:
            return None
        self.chaired.add(choice)
        return choice

    def _structure(self) -> None:
        """Section 3: who sits on the lead bodies, in what capacity, and the subgroups beneath them."""
        self._section(3, "Membership and structure")
        number = 0
        for target in self.mains[:2]:
            number += 1
            self._membership(f"3.{number}", target.slug)
        lead = self.mains[0].slug
        for slug, _ in self.subgroups:
            number += 1
            self._subgroup(f"3.{number}", slug, lead)

    def _membership(self, ref: str, target: str) -> None:
        candidates = [b.slug for b in self.mains if b.slug != target] + [r[0] for r in self.roles]
        members = self.rng.sample(candidates, self.rng.randint(2, min(4, len(candidates))))
        sentences = []
        for member in members:
            capacity = self.rng.choices(list(CAPACITIES), CAPACITY_WEIGHTS)[0]
            sentence = f"The {self.names[member]} is {CAPACITIES[capacity]} of the {self.aliases[target]}."
            sentences.append(sentence)
            self._relation(Relation.MEMBER_OF, member, target, clause=ref, quote=sentence, capacity=capacity)
        self._clause(ref, "Membership and structure", " ".join(sentences))

    def _subgroup(self, ref: str, slug: str, parent: str) -> None:
        frequency, phrase = self.rng.choice(list(FREQUENCIES.items()))
        topic = self.rng.choice(TOPICS)
        belongs = f"The {self.names[slug]} is a subgroup of the {self.names[parent]}"
        reports = f"It reports {phrase} to the {self.aliases[parent]} on {topic}"
        self._clause(ref, "Membership and structure", f"{belongs}. {reports}.")
        self.items["bodies"].append(
            {"id": slug, "name": self.names[slug], "kind": BodyKind.SUBGROUP, "clause": ref}
        )
        self._relation(Relation.SUBGROUP_OF, slug, parent, clause=ref, quote=belongs)
        self._relation(
            Relation.REPORTS_TO, slug, parent, clause=ref, quote=reports, what=topic, frequency=frequency
        )

    def _principles(self, parties: list[str]) -> None:
        """Section 4: the statements of independence the checks hold the graph to."""
        self._section(4, "Principles")
        first, second = (b.slug for b in self.mains[:2])
        a, b = self.names[first], self.names[second]
        texts = {
            DeclarationKind.SEPARATE_CHAIRS: (
                f"The {a} and the {b} are chaired by different people.",
                "chaired by different people",
                [first, second],
            ),
            DeclarationKind.NON_HIERARCHICAL: (
                f"The {a} and the {b} hold each other to account. It is not a hierarchical relationship.",
                "It is not a hierarchical relationship",
                [first, second],
            ),
            DeclarationKind.SEPARATE_ACCOUNTABILITY: (
                "All parties to this protocol retain their own lines of accountability.",
                "retain their own lines of accountability",
                parties,
            ),
            DeclarationKind.NO_DIRECTION_POWER: (
                f"Neither the {a} nor any partner has the power to direct other organisations.",
                "has the power to direct other organisations",
                [first],
            ),
        }
        for index, kind in enumerate(self.rng.sample(DECLARATIONS, self.rng.randint(1, 3)), start=1):
            text, quote, bodies = texts[kind]
            self._declare(kind, bodies, self._clause(f"4.{index}", "Principles", text), quote)

    def _duties(self) -> None:
        """Section 5: blocks of "In respect of X, Y will:" bullets, each a clause of one or two duties."""
        self._section(5, "Duties")
        bodies = [b.slug for b in self.mains] + [s for s, _ in self.subgroups]
        pairs = [(o, t) for o in bodies for t in bodies if o != t]
        blocks = self.rng.sample(pairs, min(len(pairs), self.rng.randint(5, 7)))
        if self.rng.random() < 0.5:
            blocks.append((CHAIR_ROLE[0], self.mains[-1].slug))
        for index, (owner, towards) in enumerate(blocks, start=1):
            number = f"5.{index}"
            self.lines += [
                "",
                f"{number} In respect of the {self.names[towards]}, the {self.names[owner]} will:",
            ]
            kinds = ROLE_DUTY_KINDS if owner == CHAIR_ROLE[0] else BODY_DUTY_KINDS
            for bullet in range(1, self.rng.randint(3, 4) + 1):
                self._duty_clause(f"{number}.{bullet}", number, owner, towards, kinds)

    def _duty_clause(self, ref: str, number: str, owner: str, towards: str, kinds: list[DutyKind]) -> None:
        """One bullet of one or two duties, redrawn until its words are new to the text (see ``_clause``)."""
        first = self.rng.choice(kinds)
        chosen = [first]
        if self.rng.random() < 0.3:
            chosen.append(self.rng.choice([k for k in kinds if k != first]))
        for _ in range(MAX_REDRAWS):
            drafts = [self._draft_duty(kind, towards) for kind in chosen]
            text = " ".join(d.text for d in drafts)
            if not self._occurs(text):
                break
        for draft in drafts:
            self._duty(ref, draft, owner, towards)
        self._clause(ref, "Duties", text, number=number)

    def _draft_duty(self, kind: DutyKind, towards: str) -> _Draft:
        frequency, phrase = self.rng.choice(list(FREQUENCIES.items()))
        topic = self.rng.choice(TOPICS)
        text = DUTIES[kind][0].format(frequency=phrase, towards=self.names[towards], topic=topic)
        return _Draft(kind, topic, frequency, text)

    def _duty(self, ref: str, draft: _Draft, owner: str, towards: str) -> None:
        kind, relation = draft.kind, DUTIES[draft.kind][1]
        duty_id = f"d{len(self.items['duties']) + 1:02d}-{kind}"
        directed = kind not in UNDIRECTED
        row = {"id": duty_id, "owner": owner, "towards": towards if directed else None, "kind": kind}
        self.items["duties"].append({**row, "clause": ref, "text": draft.text})
        if relation is None:
            return
        extra = {"what": draft.topic} | ({"frequency": draft.frequency} if kind == DutyKind.REPORTING else {})
        if self.rng.random() < 0.85:
            self._relation(relation, owner, towards, duty=duty_id, **extra)
        else:  # quoting part of the bullet, as reviewers do when the whole bullet says more
            self._relation(relation, owner, towards, clause=ref, quote=draft.text.split(" on ")[0], **extra)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Write synthetic protocols (YAML + text) for 'govgraph load'."
    )
    parser.add_argument("directory", type=Path)
    parser.add_argument("--areas", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    checked = check_round_trip(args.directory, args.areas, args.seed)
    print(f"wrote {checked} protocols to {args.directory}, each accepted by the real loader")
    print("per area on average: " + shape(synthetic_areas(args.areas, args.seed)))


if __name__ == "__main__":
    main()
