"""GraphQL types over the governance graph. Each wraps a snapshot node; resolvers walk the snapshot."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry
from govgraph.api.findings import Finding, Severity, select
from govgraph.api.snapshot import Edge, Node, Snapshot
from govgraph.graph.model import Relation as RelationType
from strawberry import Private

STATED = tuple(t.value for t in RelationType)


def _date(value: Any) -> str | None:
    return None if value is None else str(value)


@strawberry.enum(description="Relationship types an accountability path may follow.")
class PathEdge(Enum):
    REPORTS_TO = "REPORTS_TO"
    CHALLENGES = "CHALLENGES"
    SCRUTINISES = "SCRUTINISES"
    HOLDS_TO_ACCOUNT = "HOLDS_TO_ACCOUNT"
    OVERSEES = "OVERSEES"
    RESPONDS_TO = "RESPONDS_TO"
    CONSULTS = "CONSULTS"
    ADVISES = "ADVISES"
    REFERS_TO = "REFERS_TO"
    SEEKS_APPROVAL_FROM = "SEEKS_APPROVAL_FROM"
    COOPERATES_WITH = "COOPERATES_WITH"
    MEMBER_OF = "MEMBER_OF"
    CHAIRS = "CHAIRS"
    HOLDS = "HOLDS"
    SUBGROUP_OF = "SUBGROUP_OF"


RelationKind = strawberry.enum(
    Enum("RelationKind", {t.value: t.value for t in RelationType}),
    description="The relation types a protocol states (the edges `Body.relations` can be filtered by).",
)


@strawberry.enum
class Direction(Enum):
    OUTGOING = "OUTGOING"
    INCOMING = "INCOMING"


@strawberry.interface(description="A body, role or person: anything that can be a party to a relation.")
class Party:
    id: strawberry.ID
    name: str
    area: str | None


def party(snap: Snapshot, node_id: str | None) -> Party | None:
    node = snap.node(node_id)
    if node is None:
        return None
    maker = {"Body": Body.of, "Role": Role.of, "Person": Person.of}.get(node.label)
    return maker(snap, node) if maker else None


@strawberry.type
class ProtocolRef:
    id: strawberry.ID
    title: str


@strawberry.type
class Clause:
    id: strawberry.ID
    number: str | None = strawberry.field(
        description="The clause's reference, as `govgraph check` and SARIF cite it ('3h', '5.3a')."
    )
    printed: str | None = strawberry.field(description="The number as printed in the text ('3').")
    heading: str | None
    text: str
    line: int | None
    _snap: Private[Snapshot]
    _protocol: Private[str]

    @classmethod
    def of(cls, snap: Snapshot, node: Node) -> Clause:
        return cls(
            id=node.id,
            number=node.get("ref") or node.get("number"),
            printed=node.get("number"),
            heading=node.get("heading"),
            text=node.get("text"),
            line=node.get("line"),
            _snap=snap,
            _protocol=node.get("protocol"),
        )

    @strawberry.field
    def protocol(self) -> Protocol | None:
        node = self._snap.node(self._protocol, "Protocol")
        return Protocol.of(self._snap, node) if node else None

    @strawberry.field(description="The legislation and guidance this clause cites, with the words citing it.")
    def cites(self) -> list[Citation]:
        raise RuntimeError(COMPILED)


COMPILED = "answered by the selection compiler (api.execute), not by strawberry's resolvers"


@strawberry.type(description="An Act, a section of one, or statutory guidance that clauses cite.")
class Legislation:
    id: strawberry.ID
    title: str
    section: str | None = strawberry.field(description="The section cited, when the citation names one.")
    cited_by: list[Citation] = strawberry.field(description="Every clause citing it, with its words.")


@strawberry.type(description="A clause citing legislation, in the clause's words.")
class Citation:
    quote: str | None
    clause: Clause | None
    legislation: Legislation | None


@strawberry.type(description="A body's approval of a protocol, with the clause that records it.")
class Approval:
    body: Body | None
    quote: str | None
    clause: Clause | None


def clause(snap: Snapshot, clause_id: str | None) -> Clause | None:
    node = snap.node(clause_id, "Clause")
    return Clause.of(snap, node) if node else None


@strawberry.type(description="A stated relation seen from one party: the other party and the clause.")
class Relation:
    id: str | None
    type: str
    direction: Direction
    what: str | None
    frequency: str | None
    capacity: str | None
    quote: str | None
    note: str | None
    inferred: bool = strawberry.field(
        description="True when no clause states this edge and it was inferred (see `reason`)."
    )
    reason: str | None = strawberry.field(description="Why an inferred edge was inferred.")
    _snap: Private[Snapshot]
    _other: Private[str]
    _clause: Private[str | None]

    @classmethod
    def of(cls, snap: Snapshot, edge: Edge, direction: Direction) -> Relation:
        other = edge.end if direction is Direction.OUTGOING else edge.start
        return cls(
            id=edge.id,
            type=edge.type,
            direction=direction,
            what=edge.get("what"),
            frequency=edge.get("frequency"),
            capacity=edge.get("capacity"),
            quote=edge.get("quote"),
            note=edge.get("note"),
            inferred=bool(edge.get("inferred")),
            reason=edge.get("reason"),
            _snap=snap,
            _other=other,
            _clause=edge.get("clause"),
        )

    @strawberry.field(description="The party at the other end.")
    def other(self) -> Party | None:
        return party(self._snap, self._other)

    @strawberry.field(description="The other end when it is a body (null for a role or person).")
    def body(self) -> Body | None:
        node = self._snap.node(self._other, "Body")
        return Body.of(self._snap, node) if node else None

    @strawberry.field
    def clause(self) -> Clause | None:
        return clause(self._snap, self._clause)


def relations(snap: Snapshot, node_id: str, types: tuple[str, ...], direction: Direction) -> list[Relation]:
    edges = snap.out(node_id, *types) if direction is Direction.OUTGOING else snap.into(node_id, *types)
    return [Relation.of(snap, e, direction) for e in edges]


@strawberry.type(description="Who sits on a body, in which capacity, by protocol clause or register row.")
class Membership:
    capacity: str | None
    start: str | None
    end: str | None
    quote: str | None = strawberry.field(description="The words of the clause that state the membership.")
    note: str | None = strawberry.field(description="What the reviewer noted about it.")
    _snap: Private[Snapshot]
    _role: Private[str | None]
    _person: Private[str | None]
    _body: Private[str]
    _clause: Private[str | None]

    @classmethod
    def of(cls, snap: Snapshot, edge: Edge) -> Membership:
        member = snap.node(edge.start)
        is_person = member is not None and member.label == "Person"
        return cls(
            capacity=edge.get("capacity"),
            start=_date(edge.get("start")),
            end=_date(edge.get("end")),
            quote=edge.get("quote"),
            note=edge.get("note"),
            _snap=snap,
            _role=edge.get("role") if is_person else edge.start,
            _person=edge.start if is_person else None,
            _body=edge.end,
            _clause=edge.get("clause"),
            _member=edge.start,
        )

    _member: Private[str]

    @strawberry.field(description="Who sits on the body: a role, a person, or (rarely) another body.")
    def member(self) -> Party | None:
        return party(self._snap, self._member)

    @strawberry.field
    def role(self) -> Role | None:
        node = self._snap.node(self._role, "Role")
        return Role.of(self._snap, node) if node else None

    @strawberry.field
    def person(self) -> Person | None:
        node = self._snap.node(self._person, "Person")
        return Person.of(self._snap, node) if node else None

    @strawberry.field
    def body(self) -> Body | None:
        node = self._snap.node(self._body, "Body")
        return Body.of(self._snap, node) if node else None

    @strawberry.field
    def clause(self) -> Clause | None:
        return clause(self._snap, self._clause)


@strawberry.type(description="A body's chair: the role the protocol names and, where recorded, the person.")
class Chair:
    start: str | None
    end: str | None
    _snap: Private[Snapshot]
    _role: Private[str | None]
    _person: Private[str | None]
    _clause: Private[str | None]

    @strawberry.field
    def role(self) -> Role | None:
        node = self._snap.node(self._role, "Role")
        return Role.of(self._snap, node) if node else None

    @strawberry.field
    def person(self) -> Person | None:
        node = self._snap.node(self._person, "Person")
        return Person.of(self._snap, node) if node else None

    @strawberry.field
    def clause(self) -> Clause | None:
        return clause(self._snap, self._clause)


def chairs_of(snap: Snapshot, body_id: str) -> list[Chair]:
    """Chairs by role (with each recorded holder of the role) and by person from a register."""
    chairs: list[Chair] = []
    seen: set[tuple[str | None, str | None]] = set()
    for edge in snap.into(body_id, "CHAIRS"):
        chair = snap.node(edge.start)
        if chair is None:
            continue
        if chair.label == "Role":
            holders = [h for h in snap.into(chair.id, "HOLDS")] or [None]
            for holding in holders:
                person = holding.start if holding else None
                seen.add((chair.id, person))
                chairs.append(
                    Chair(
                        start=_date(holding.get("start")) if holding else None,
                        end=_date(holding.get("end")) if holding else None,
                        _snap=snap,
                        _role=chair.id,
                        _person=person,
                        _clause=edge.get("clause"),
                    )
                )
        elif (edge.get("role"), chair.id) not in seen:
            seen.add((edge.get("role"), chair.id))
            chairs.append(
                Chair(
                    start=_date(edge.get("start")),
                    end=_date(edge.get("end")),
                    _snap=snap,
                    _role=edge.get("role"),
                    _person=chair.id,
                    _clause=None,
                )
            )
    return chairs


@strawberry.type
class Duty:
    id: strawberry.ID
    text: str
    kind: str
    area: str | None
    _snap: Private[Snapshot]
    _node: Private[Node]

    @classmethod
    def of(cls, snap: Snapshot, node: Node) -> Duty:
        return cls(
            id=node.id,
            text=node.get("text"),
            kind=node.get("kind"),
            area=node.get("area"),
            _snap=snap,
            _node=node,
        )

    @strawberry.field(description="The body or role that owes the duty.")
    def owner(self) -> Party | None:
        return party(self._snap, self._node.get("owner"))

    @strawberry.field(description="The body or role it is owed to, if the protocol names one.")
    def towards(self) -> Party | None:
        return party(self._snap, self._node.get("towards"))

    @strawberry.field
    def clause(self) -> Clause | None:
        return clause(self._snap, self._node.get("clause"))


def duties(snap: Snapshot, node_id: str, owed: bool) -> list[Duty]:
    if owed:
        found = [snap.node(e.end) for e in snap.out(node_id, "OWES")]
    else:
        found = [snap.node(e.start) for e in snap.into(node_id, "TOWARDS")]
    return [Duty.of(snap, n) for n in found if n is not None]


@strawberry.type
class Declaration:
    kind: str
    quote: str
    _snap: Private[Snapshot]
    _node: Private[Node]

    @strawberry.field
    def bodies(self) -> list[Party]:
        return [p for e in self._snap.out(self._node.id, "CONCERNS") if (p := party(self._snap, e.end))]

    @strawberry.field
    def clause(self) -> Clause | None:
        return clause(self._snap, self._node.get("clause"))


@strawberry.type
class Body(Party):
    id: strawberry.ID
    name: str
    area: str | None
    kind: str
    independent: bool
    aliases: list[str]
    _snap: Private[Snapshot]

    @classmethod
    def of(cls, snap: Snapshot, node: Node) -> Body:
        return cls(
            id=node.id,
            name=node.get("name"),
            area=node.get("area"),
            kind=node.get("kind"),
            independent=bool(node.get("independent")),
            aliases=list(node.get("aliases", [])),
            _snap=snap,
        )

    def _rel(self, rel: str, direction: Direction) -> list[Relation]:
        return relations(self._snap, self.id, (rel,), direction)

    @strawberry.field
    def chairs(self) -> list[Chair]:
        return chairs_of(self._snap, self.id)

    @strawberry.field(description="Roles and people that sit on this body, with their capacity.")
    def members(self) -> list[Membership]:
        return [Membership.of(self._snap, e) for e in self._snap.into(self.id, "MEMBER_OF")]

    @strawberry.field
    def reports_to(self) -> list[Relation]:
        return self._rel("REPORTS_TO", Direction.OUTGOING)

    @strawberry.field
    def reported_to_by(self) -> list[Relation]:
        return self._rel("REPORTS_TO", Direction.INCOMING)

    @strawberry.field
    def challenges(self) -> list[Relation]:
        return self._rel("CHALLENGES", Direction.OUTGOING)

    @strawberry.field
    def challenged_by(self) -> list[Relation]:
        return self._rel("CHALLENGES", Direction.INCOMING)

    @strawberry.field
    def scrutinises(self) -> list[Relation]:
        return self._rel("SCRUTINISES", Direction.OUTGOING)

    @strawberry.field
    def scrutinised_by(self) -> list[Relation]:
        return self._rel("SCRUTINISES", Direction.INCOMING)

    @strawberry.field
    def consults(self) -> list[Relation]:
        return self._rel("CONSULTS", Direction.OUTGOING)

    @strawberry.field
    def consulted_by(self) -> list[Relation]:
        return self._rel("CONSULTS", Direction.INCOMING)

    @strawberry.field
    def subgroup_of(self) -> list[Relation]:
        return self._rel("SUBGROUP_OF", Direction.OUTGOING)

    @strawberry.field
    def subgroups(self) -> list[Relation]:
        return self._rel("SUBGROUP_OF", Direction.INCOMING)

    @strawberry.field(
        description="Every stated relation, optionally of some types (a non-empty list) and one direction."
    )
    def relations(
        self, types: list[RelationKind] | None = None, direction: Direction | None = None
    ) -> list[Relation]:
        wanted = tuple(t.value for t in types) if types else STATED
        directions = [direction] if direction else [Direction.OUTGOING, Direction.INCOMING]
        return [r for d in directions for r in relations(self._snap, self.id, wanted, d)]

    @strawberry.field
    def duties_owed(self) -> list[Duty]:
        return duties(self._snap, self.id, owed=True)

    @strawberry.field
    def duties_owed_to(self) -> list[Duty]:
        return duties(self._snap, self.id, owed=False)

    @strawberry.field(description="Roles that are posts of this body (its chair, its officers).")
    def posts(self) -> list[Role]:
        return [
            Role.of(self._snap, n)
            for e in self._snap.into(self.id, "ROLE_IN")
            if (n := self._snap.node(e.start, "Role"))
        ]

    @strawberry.field(description="Check findings about this body (it is a subject or on the path).")
    async def findings(self, info: strawberry.Info, min_severity: Severity | None = None) -> list[Finding]:
        from govgraph.api.fetch import area_findings  # late: fetch builds these types

        found = await area_findings(info.context, self.area)
        about = [f for f in found if any(n.id == self.id for n in (*f.subjects, *f.nodes))]
        return select(about, None, min_severity)

    @strawberry.field(
        description="Bodies above this one (it is a SUBGROUP_OF them, or they DIRECT it), with the paths."
    )
    def above(self, max_hops: int = 6) -> list[AccountabilityChain]:
        raise RuntimeError(COMPILED)

    @strawberry.field(description="Bodies below this one (its subgroups, bodies it directs), with the paths.")
    def below(self, max_hops: int = 6) -> list[AccountabilityChain]:
        raise RuntimeError(COMPILED)

    @strawberry.field(description="What protocols declare about this body's independence.")
    def declarations(self) -> list[Declaration]:
        return [
            Declaration(kind=n.get("kind"), quote=n.get("quote"), _snap=self._snap, _node=n)
            for e in self._snap.into(self.id, "CONCERNS")
            if (n := self._snap.node(e.start))
        ]


@strawberry.type
class Role(Party):
    id: strawberry.ID
    name: str
    area: str | None
    aliases: list[str]
    _snap: Private[Snapshot]

    @classmethod
    def of(cls, snap: Snapshot, node: Node) -> Role:
        return cls(
            id=node.id,
            name=node.get("name"),
            area=node.get("area"),
            aliases=list(node.get("aliases", [])),
            _snap=snap,
        )

    @strawberry.field(description="The body this role is a post of.")
    def post_of(self) -> Body | None:
        edge = next(iter(self._snap.out(self.id, "ROLE_IN")), None)
        node = self._snap.node(edge.end, "Body") if edge else None
        return Body.of(self._snap, node) if node else None

    @strawberry.field
    def holders(self) -> list[Holding]:
        return [Holding.of(self._snap, e) for e in self._snap.into(self.id, "HOLDS")]

    @strawberry.field
    def chairs(self) -> list[Body]:
        return [
            Body.of(self._snap, n)
            for e in self._snap.out(self.id, "CHAIRS")
            if (n := self._snap.node(e.end, "Body"))
        ]

    @strawberry.field
    def memberships(self) -> list[Membership]:
        return [Membership.of(self._snap, e) for e in self._snap.out(self.id, "MEMBER_OF")]

    @strawberry.field
    def relations(self) -> list[Relation]:
        return [r for d in Direction for r in relations(self._snap, self.id, STATED, d)]


@strawberry.type(description="A person holding a role, from a membership register.")
class Holding:
    start: str | None
    end: str | None
    _snap: Private[Snapshot]
    _edge: Private[Edge]

    @classmethod
    def of(cls, snap: Snapshot, edge: Edge) -> Holding:
        return cls(start=_date(edge.get("start")), end=_date(edge.get("end")), _snap=snap, _edge=edge)

    @strawberry.field
    def person(self) -> Person | None:
        node = self._snap.node(self._edge.start, "Person")
        return Person.of(self._snap, node) if node else None

    @strawberry.field
    def role(self) -> Role | None:
        node = self._snap.node(self._edge.end, "Role")
        return Role.of(self._snap, node) if node else None


@strawberry.type
class Person(Party):
    id: strawberry.ID
    name: str
    area: str | None
    _snap: Private[Snapshot]

    @classmethod
    def of(cls, snap: Snapshot, node: Node) -> Person:
        return cls(id=node.id, name=node.get("name"), area=node.get("area"), _snap=snap)

    @strawberry.field
    def roles(self) -> list[Holding]:
        return [Holding.of(self._snap, e) for e in self._snap.out(self.id, "HOLDS")]

    @strawberry.field
    def memberships(self) -> list[Membership]:
        return [Membership.of(self._snap, e) for e in self._snap.out(self.id, "MEMBER_OF")]

    @strawberry.field(description="Bodies this person chairs, directly or through a role that chairs them.")
    def chairs(self) -> list[Body]:
        direct = [e.end for e in self._snap.out(self.id, "CHAIRS")]
        via_roles = [c.end for h in self._snap.out(self.id, "HOLDS") for c in self._snap.out(h.end, "CHAIRS")]
        ids = list(dict.fromkeys(direct + via_roles))
        return [Body.of(self._snap, n) for i in ids if (n := self._snap.node(i, "Body"))]


@strawberry.type
class Protocol:
    id: strawberry.ID
    title: str
    area: str | None
    source_file: str | None
    sha256: str | None
    _snap: Private[Snapshot]

    @classmethod
    def of(cls, snap: Snapshot, node: Node) -> Protocol:
        return cls(
            id=node.id,
            title=node.get("title"),
            area=node.get("area"),
            source_file=node.get("source_file"),
            sha256=node.get("sha256"),
            _snap=snap,
        )

    @strawberry.field
    def clauses(self) -> list[Clause]:
        found = [self._snap.node(e.start, "Clause") for e in self._snap.into(self.id, "PART_OF")]
        return sorted((Clause.of(self._snap, n) for n in found if n), key=lambda c: (c.line or 0, c.id))

    @strawberry.field(description="The bodies the protocol binds together.")
    def parties(self) -> list[Body]:
        return [
            Body.of(self._snap, n)
            for e in self._snap.out(self.id, "HAS_PARTY")
            if (n := self._snap.node(e.end, "Body"))
        ]

    @strawberry.field(description="The approvals the protocol records, each with its clause and quote.")
    def approvals(self) -> list[Approval]:
        raise RuntimeError(COMPILED)

    @strawberry.field(description="The legislation and guidance its clauses cite, each once.")
    def legislation(self) -> list[Legislation]:
        raise RuntimeError(COMPILED)

    @strawberry.field
    def approved_by(self) -> list[Body]:
        return [
            Body.of(self._snap, n)
            for e in self._snap.into(self.id, "APPROVED")
            if (n := self._snap.node(e.start, "Body"))
        ]

    @strawberry.field
    def declarations(self) -> list[Declaration]:
        return [
            Declaration(kind=n.get("kind"), quote=n.get("quote"), _snap=self._snap, _node=n)
            for n in self._snap.of_label("Declaration")
            if n.get("protocol") == self.id
        ]


@strawberry.type
class Area:
    id: strawberry.ID
    name: str
    _snap: Private[Snapshot]

    @strawberry.field
    def protocols(self) -> list[Protocol]:
        return [
            Protocol.of(self._snap, n) for n in self._snap.of_label("Protocol") if n.get("area") == self.id
        ]

    @strawberry.field
    def bodies(self) -> list[Body]:
        return [Body.of(self._snap, n) for n in self._snap.of_label("Body") if n.get("area") == self.id]


@strawberry.type(description="Someone (a role, or a recorded person) who sits on both bodies.")
class SharedMember:
    in_a: list[Membership]
    in_b: list[Membership]
    _snap: Private[Snapshot]
    _member: Private[str]

    @strawberry.field
    def member(self) -> Party | None:
        return party(self._snap, self._member)


@strawberry.type
class Step:
    type: str
    quote: str | None
    _snap: Private[Snapshot]
    _edge: Private[Edge]

    @strawberry.field(name="from")
    def from_(self) -> Party | None:
        return party(self._snap, self._edge.start)

    @strawberry.field
    def to(self) -> Party | None:
        return party(self._snap, self._edge.end)

    @strawberry.field
    def clause(self) -> Clause | None:
        return clause(self._snap, self._edge.get("clause"))


@strawberry.type(description="A chain of stated relations from one party to another.")
class Path:
    length: int
    steps: list[Step]


@strawberry.type(
    description="One step of an accountability chain, walked from the party asked about: `from` answers "
    "to `to` (accountableTo), or `from` holds `to` to account (accountableFor)."
)
class AccountabilityStep:
    type: str = strawberry.field(
        description="The stated relation, or DUTY for a duty of kind accountability."
    )
    reversed: bool = strawberry.field(
        description="True when the stated edge points the other way (A SCRUTINISES B: B answers to A)."
    )
    quote: str | None
    inferred: bool
    from_: Party | None = strawberry.field(name="from")
    to: Party | None
    duty: Duty | None
    clause: Clause | None


@strawberry.type(description="A chain of accountability, each step with its clause.")
class AccountabilityChain:
    length: int
    steps: list[AccountabilityStep]


@strawberry.type
class SearchHit:
    kind: str
    id: strawberry.ID
    score: float
    label: str
    _snap: Private[Snapshot]

    @strawberry.field
    def party(self) -> Party | None:
        return party(self._snap, self.id)

    @strawberry.field
    def duty(self) -> Duty | None:
        node = self._snap.node(self.id, "Duty")
        return Duty.of(self._snap, node) if node else None

    @strawberry.field
    def clause(self) -> Clause | None:
        return clause(self._snap, self.id)
