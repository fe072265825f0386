"""The compiler's building blocks: for each GraphQL type and field, the Cypher expression that answers it.

Lists keep the order the API has always given: edges by their id, clauses by line, nodes by id. Node
types are projected from a node variable; edge types (Relation, Membership, Holding, Step) from an edge
variable ``e`` with its companions ``e_o`` (the other end) and ``e_d`` (the direction, for relations).
"""

from __future__ import annotations

from typing import Any

from govgraph.api.compiler import Block, Build, project, return_type
from govgraph.api.store import ApiError
from govgraph.graph.model import Relation as RelationType
from graphql import FieldNode

STATED = [t.value for t in RelationType]
PARTY_LABELS = "(x:Body OR x:Role OR x:Person)"


def prop(name: str, default: str | None = None, date: bool = False) -> Block:
    def block(build: Build, var: str, nodes: list[FieldNode]) -> str:
        expr = f"{var}.{name}"
        if date:
            return f"toString({expr})"
        return f"coalesce({expr}, {default})" if default else expr

    return block


def expr(template: str) -> Block:
    """A scalar computed from the variable (``{v}`` in the template)."""
    return lambda build, var, nodes: template.format(v=var)


def _sub(build: Build, parent: str, nodes: list[FieldNode], var: str) -> str:
    return project(build, return_type(build, parent, nodes), var, nodes)


def nodes_via(
    parent: str, pattern: str, order: str, where: str = "", one: bool = False, distinct: bool = False
) -> Block:
    """Nodes ``o`` reached by ``pattern`` (``{v}`` the parent, ``{o}`` the node, ``{e}`` an edge)."""

    def block(build: Build, var: str, nodes: list[FieldNode]) -> str:
        o, e = build.var("o"), build.var("e")
        names = {"v": var, "o": o, "e": e}
        condition = f" WHERE {where.format(**names)}" if where else ""
        kept = f"{o}, {e}" if "{e}" in pattern else o
        body = (
            f"MATCH {pattern.format(**names)}{condition} WITH {'DISTINCT ' if distinct else ''}{kept} "
            f"ORDER BY {order.format(**names)} "
            f"RETURN {_sub(build, parent, nodes, o)} AS x"
        )
        return f"head(COLLECT {{ {body} LIMIT 1 }})" if one else f"COLLECT {{ {body} }}"

    return block


def edges_via(parent: str, pattern: str, direction: str = "'OUTGOING'", where: str = "") -> Block:
    """Edges ``e`` matched by ``pattern``, in id order, projected as an edge type."""

    def block(build: Build, var: str, nodes: list[FieldNode]) -> str:
        e = build.var("e")
        names = {"v": var, "e": e, "o": f"{e}_o"}
        condition = f" WHERE {where.format(**names)}" if where else ""
        return (
            f"COLLECT {{ MATCH {pattern.format(**names)}{condition} WITH {e}, {e}_o, {direction} AS {e}_d "
            f"ORDER BY {e}.id RETURN {_sub(build, parent, nodes, e)} AS x }}"
        )

    return block


def by_id(parent: str, id_template: str, label: str | None = None) -> Block:
    """The one node whose id is a property of the variable (a clause, a duty's owner), or null."""

    def block(build: Build, var: str, nodes: list[FieldNode]) -> str:
        x = build.var("x")
        key = id_template.format(v=var)
        labelled = f"({x}:{label} {{id: {key}}})" if label else f"({x}:Entity {{id: {key}}})"
        where = "" if label else f" WHERE {PARTY_LABELS.replace('x:', f'{x}:')}"
        return f"head(COLLECT {{ MATCH {labelled}{where} RETURN {_sub(build, parent, nodes, x)} AS x }})"

    return block


def as_node(parent: str, template: str, labels: tuple[str, ...]) -> Block:
    """A node the variable already reaches (an edge's end), if it carries one of ``labels``."""

    def block(build: Build, var: str, nodes: list[FieldNode]) -> str:
        x = build.var("x")
        test = " OR ".join(f"{x}:{label}" for label in labels)
        return f"[{x} IN [{template.format(v=var)}] WHERE {test} | {_sub(build, parent, nodes, x)}][0]"

    return block


PARTY = ("Body", "Role", "Person")


def clause_of(parent: str, template: str = "{v}.clause") -> Block:
    return by_id(parent, template, "Clause")


def relations_arg(build: Build, var: str, nodes: list[FieldNode]) -> str:
    """``Body.relations(types, direction)``: stated relations both ways, outgoing first, by edge id."""
    field_def = build.field_def("Body", "relations")
    types = build.slot(field_def, nodes[0], lambda args: _relation_types(args.get("types")))
    direction = build.slot(field_def, nodes[0], lambda args: _name(args.get("direction")))
    return _both_ways(build, var, nodes, "Body", types, direction)


def _relation_types(values: Any) -> list[str]:
    """The stated types asked for; null means all of them, but an empty list is refused, never 'all'."""
    if values is None:
        return STATED
    if not values:
        raise ApiError("'types' is an empty list; leave it out for every stated type, or name some.")
    return [_name(v) for v in values]


def _both_ways(
    build: Build, var: str, nodes: list[FieldNode], parent: str, types: str, direction: str | None
) -> str:
    e = build.var("e")
    keep_out = f"({direction} IS NULL OR {direction} = 'OUTGOING') AND " if direction else ""
    keep_in = f"({direction} IS NULL OR {direction} = 'INCOMING') AND " if direction else ""
    return (
        f"COLLECT {{ CALL ({var}) {{ "
        f"MATCH ({var})-[{e}]->({e}_o) WHERE {keep_out}type({e}) IN {types} "
        f"RETURN {e}, {e}_o, 'OUTGOING' AS {e}_d, 0 AS {e}_k "
        f"UNION ALL MATCH ({var})<-[{e}]-({e}_o) WHERE {keep_in}type({e}) IN {types} "
        f"RETURN {e}, {e}_o, 'INCOMING' AS {e}_d, 1 AS {e}_k }} "
        f"WITH {e}, {e}_o, {e}_d ORDER BY {e}_k, {e}.id RETURN {_sub(build, parent, nodes, e)} AS x }}"
    )


def role_relations(build: Build, var: str, nodes: list[FieldNode]) -> str:
    return _both_ways(build, var, nodes, "Role", _literal_list(STATED), None)


def _literal_list(names: list[str]) -> str:
    return "[" + ", ".join(f"'{n}'" for n in names) + "]"


def _name(value: Any) -> Any:
    return getattr(value, "value", value)


def typed(rel: str, outgoing: bool) -> Block:
    if outgoing:
        return edges_via("Body", f"({{v}})-[{{e}}:{rel}]->({{o}})", "'OUTGOING'")
    return edges_via("Body", f"({{v}})<-[{{e}}:{rel}]-({{o}})", "'INCOMING'")


def chairs(build: Build, var: str, nodes: list[FieldNode]) -> str:
    """A body's chairs: each role that chairs it with each recorded holder, then people chairing directly
    (unless already listed through a role chair that comes before them)."""
    c = build.var("c")
    return (
        f"COLLECT {{ CALL ({var}) {{ "
        f"MATCH ({c}_ro:Role)-[{c}_r:CHAIRS]->({var}) OPTIONAL MATCH ({c}_p:Person)-[{c}_h:HOLDS]->({c}_ro) "
        f"RETURN {c}_r.id AS {c}_k1, {c}_h.id AS {c}_k2, {c}_ro, {c}_p, {c}_h.start AS {c}_s, "
        f"{c}_h.end AS {c}_e, {c}_r.clause AS {c}_cl "
        f"UNION ALL MATCH ({c}_p:Person)-[{c}_r:CHAIRS]->({var}) WHERE NOT EXISTS {{ "
        f"MATCH ({c}_p)-[:HOLDS]->({c}_q:Role)-[{c}_qr:CHAIRS]->({var}) "
        f"WHERE {c}_q.id = {c}_r.role AND {c}_qr.id < {c}_r.id }} "
        f"OPTIONAL MATCH ({c}_ro:Role {{id: {c}_r.role}}) "
        f"RETURN {c}_r.id AS {c}_k1, null AS {c}_k2, {c}_ro, {c}_p, {c}_r.start AS {c}_s, "
        f"{c}_r.end AS {c}_e, null AS {c}_cl }} "
        f"WITH {c}_ro, {c}_p, {c}_s, {c}_e, {c}_cl ORDER BY {c}_k1, {c}_k2 "
        f"RETURN {_sub(build, 'Body', nodes, c)} AS x }}"
    )


def person_chairs(build: Build, var: str, nodes: list[FieldNode]) -> str:
    """Bodies a person chairs directly, then through the roles they hold; each once, first place kept."""
    b = build.var("b")
    return (
        f"COLLECT {{ CALL ({var}) {{ "
        f"MATCH ({var})-[{b}_c:CHAIRS]->({b}:Body) "
        f"WHERE NOT EXISTS {{ MATCH ({var})-[{b}_x:CHAIRS]->({b}) WHERE {b}_x.id < {b}_c.id }} "
        f"RETURN {b}, 0 AS {b}_k, {b}_c.id AS {b}_k1, '' AS {b}_k2 "
        f"UNION ALL MATCH ({var})-[{b}_h:HOLDS]->()-[{b}_c:CHAIRS]->({b}:Body) "
        f"WHERE NOT EXISTS {{ ({var})-[:CHAIRS]->({b}) }} AND NOT EXISTS {{ "
        f"MATCH ({var})-[{b}_y:HOLDS]->()-[{b}_z:CHAIRS]->({b}) "
        f"WHERE {b}_y.id < {b}_h.id OR ({b}_y.id = {b}_h.id AND {b}_z.id < {b}_c.id) }} "
        f"RETURN {b}, 1 AS {b}_k, {b}_h.id AS {b}_k1, {b}_c.id AS {b}_k2 }} "
        f"WITH {b} ORDER BY {b}_k, {b}_k1, {b}_k2 RETURN {_sub(build, 'Person', nodes, b)} AS x }}"
    )


def hierarchy(up: bool) -> Block:
    """``Body.above`` / ``below``: SUBGROUP_OF walked outward and DIRECTS walked backward (or the reverse),
    each chain a list of steps like an accountability chain's, no body visited twice."""

    def block(build: Build, var: str, nodes: list[FieldNode]) -> str:
        field_def = build.field_def("Body", "above" if up else "below")
        hops = build.slot(field_def, nodes[0], _hop_limit)
        path, a, r, b, h = (build.var(stem) for stem in ("path", "a", "r", "b", "h"))
        forward, backward = ("SUBGROUP_OF", "DIRECTS") if up else ("DIRECTS", "SUBGROUP_OF")
        return (
            f"COLLECT {{ MATCH {path} = ({var}) (({a})-[{r}:SUBGROUP_OF|DIRECTS]-({b}) "
            f"WHERE (startNode({r}) = {a} AND type({r}) = '{forward}') "
            f"OR (endNode({r}) = {a} AND type({r}) = '{backward}')){{1,6}} "
            f"WHERE length({path}) <= {hops} "
            f"AND all(n IN nodes({path}) WHERE single(m IN nodes({path}) WHERE m = n)) "
            f"WITH {path} ORDER BY length({path}), [x IN relationships({path}) | x.id] "
            f"WITH [i IN range(0, length({path}) - 1) | {{r: relationships({path})[i], d: null, "
            f"f: nodes({path})[i], t: nodes({path})[i + 1]}}] AS {h} "
            f"RETURN {_sub(build, 'Body', nodes, h)} AS x }}"
        )

    return block


def _hop_limit(args: dict[str, Any]) -> int:
    hops = args.get("maxHops", 6)
    if not 1 <= hops <= 6:
        raise ApiError(f"'maxHops' must be between 1 and 6, not {hops}.")
    return hops


def findings_marker(build: Build, var: str, nodes: list[FieldNode]) -> str:
    """Findings come from the checks engine, not from this statement: mark where they go."""
    floor = build.slot(build.field_def("Body", "findings"), nodes[0], lambda a: _name(a.get("minSeverity")))
    index = len(build.marks)
    build.marks.append(nodes)
    return f"{{__findings__: {index}, id: {var}.id, area: {var}.area, floor: {floor}}}"


CHAIR: dict[str, Block] = {
    "start": lambda b, v, n: f"toString({v}_s)",
    "end": lambda b, v, n: f"toString({v}_e)",
    "role": as_node("Chair", "{v}_ro", ("Role",)),
    "person": as_node("Chair", "{v}_p", ("Person",)),
    "clause": clause_of("Chair", "{v}_cl"),
}

MEMBERSHIP: dict[str, Block] = {
    "capacity": expr("CASE type({v}) WHEN 'CHAIRS' THEN 'chair' ELSE {v}.capacity END"),
    "start": prop("start", date=True),
    "end": prop("end", date=True),
    "quote": prop("quote"),
    "note": prop("note"),
    "member": as_node("Membership", "startNode({v})", PARTY),
    "role": lambda build, var, nodes: (
        f"CASE WHEN startNode({var}):Person THEN "
        f"{by_id('Membership', '{v}.role', 'Role')(build, var, nodes)} ELSE "
        f"{as_node('Membership', 'startNode({v})', ('Role',))(build, var, nodes)} END"
    ),
    "person": as_node("Membership", "startNode({v})", ("Person",)),
    "body": as_node("Membership", "endNode({v})", ("Body",)),
    "clause": clause_of("Membership"),
}

RELATION: dict[str, Block] = {
    "id": prop("id"),
    "type": expr("type({v})"),
    "direction": expr("{v}_d"),
    "what": prop("what"),
    "frequency": prop("frequency"),
    "capacity": prop("capacity"),
    "quote": prop("quote"),
    "note": prop("note"),
    "inferred": prop("inferred", "false"),
    "reason": prop("reason"),
    "other": as_node("Relation", "{v}_o", PARTY),
    "body": as_node("Relation", "{v}_o", ("Body",)),
    "clause": clause_of("Relation"),
}

DUTY: dict[str, Block] = {
    "id": prop("id"),
    "text": prop("text"),
    "kind": prop("kind"),
    "area": prop("area"),
    "owner": by_id("Duty", "{v}.owner"),
    "towards": by_id("Duty", "{v}.towards"),
    "clause": clause_of("Duty"),
}

DECLARATION: dict[str, Block] = {
    "kind": prop("kind"),
    "quote": prop("quote"),
    "bodies": nodes_via(
        "Declaration", "({v})-[{e}:CONCERNS]->({o})", "{e}.id", PARTY_LABELS.replace("x", "{o}")
    ),
    "clause": clause_of("Declaration"),
}

BODY: dict[str, Block] = {
    "id": prop("id"),
    "name": prop("name"),
    "area": prop("area"),
    "kind": prop("kind"),
    "independent": prop("independent", "false"),
    "aliases": prop("aliases", "[]"),
    "chairs": chairs,
    "members": edges_via("Body", "({o})-[{e}:MEMBER_OF]->({v})"),
    "reportsTo": typed("REPORTS_TO", True),
    "reportedToBy": typed("REPORTS_TO", False),
    "challenges": typed("CHALLENGES", True),
    "challengedBy": typed("CHALLENGES", False),
    "scrutinises": typed("SCRUTINISES", True),
    "scrutinisedBy": typed("SCRUTINISES", False),
    "consults": typed("CONSULTS", True),
    "consultedBy": typed("CONSULTS", False),
    "subgroupOf": typed("SUBGROUP_OF", True),
    "subgroups": typed("SUBGROUP_OF", False),
    "relations": relations_arg,
    "dutiesOwed": nodes_via("Body", "({v})-[{e}:OWES]->({o}:Duty)", "{e}.id"),
    "dutiesOwedTo": nodes_via("Body", "({o}:Duty)-[{e}:TOWARDS]->({v})", "{e}.id"),
    "posts": nodes_via("Body", "({o}:Role)-[{e}:ROLE_IN]->({v})", "{e}.id"),
    "findings": findings_marker,
    "above": hierarchy(up=True),
    "below": hierarchy(up=False),
    "declarations": nodes_via("Body", "({o})-[{e}:CONCERNS]->({v})", "{e}.id"),
}

ROLE: dict[str, Block] = {
    "id": prop("id"),
    "name": prop("name"),
    "area": prop("area"),
    "aliases": prop("aliases", "[]"),
    "postOf": nodes_via("Role", "({v})-[{e}:ROLE_IN]->({o}:Body)", "{e}.id", one=True),
    "holders": edges_via("Role", "({o})-[{e}:HOLDS]->({v})"),
    "chairs": nodes_via("Role", "({v})-[{e}:CHAIRS]->({o}:Body)", "{e}.id"),
    "memberships": edges_via("Role", "({v})-[{e}:MEMBER_OF]->({o})"),
    "relations": role_relations,
}

HOLDING: dict[str, Block] = {
    "start": prop("start", date=True),
    "end": prop("end", date=True),
    "person": as_node("Holding", "startNode({v})", ("Person",)),
    "role": as_node("Holding", "endNode({v})", ("Role",)),
}

PERSON: dict[str, Block] = {
    "id": prop("id"),
    "name": prop("name"),
    "area": prop("area"),
    "roles": edges_via("Person", "({v})-[{e}:HOLDS]->({o})"),
    "memberships": edges_via("Person", "({v})-[{e}:MEMBER_OF]->({o})"),
    "chairs": person_chairs,
}

CLAUSE_FIELDS: dict[str, Block] = {
    "id": prop("id"),
    "number": expr("coalesce({v}.ref, {v}.number)"),
    "printed": prop("number"),
    "heading": prop("heading"),
    "text": prop("text"),
    "line": prop("line"),
    "protocol": by_id("Clause", "{v}.protocol", "Protocol"),
    "cites": edges_via("Clause", "({v})-[{e}:CITES]->({o}:Legislation)"),
}

LEGISLATION: dict[str, Block] = {
    "id": prop("id"),
    "title": prop("title"),
    "section": expr(
        "coalesce({v}.section, CASE WHEN {v}.title CONTAINS ', section ' "
        "THEN split({v}.title, ', section ')[1] END)"
    ),
    "citedBy": edges_via("Legislation", "({o}:Clause)-[{e}:CITES]->({v})"),
}

CITATION: dict[str, Block] = {
    "quote": prop("quote"),
    "clause": as_node("Citation", "startNode({v})", ("Clause",)),
    "legislation": as_node("Citation", "endNode({v})", ("Legislation",)),
}

APPROVAL: dict[str, Block] = {
    "body": as_node("Approval", "startNode({v})", ("Body",)),
    "quote": prop("quote"),
    "clause": clause_of("Approval"),
}

PROTOCOL: dict[str, Block] = {
    "id": prop("id"),
    "title": prop("title"),
    "area": prop("area"),
    "sourceFile": prop("source_file"),
    "sha256": prop("sha256"),
    "clauses": nodes_via("Protocol", "({o}:Clause)-[{e}:PART_OF]->({v})", "coalesce({o}.line, 0), {o}.id"),
    "parties": nodes_via("Protocol", "({v})-[{e}:HAS_PARTY]->({o}:Body)", "{e}.id"),
    "approvedBy": nodes_via("Protocol", "({o}:Body)-[{e}:APPROVED]->({v})", "{e}.id"),
    "approvals": edges_via("Protocol", "({o}:Body)-[{e}:APPROVED]->({v})"),
    "legislation": nodes_via(
        "Protocol",
        "({v})<-[:PART_OF]-(:Clause)-[:CITES]->({o}:Legislation)",
        "{o}.id",
        distinct=True,
    ),
    "declarations": nodes_via("Protocol", "({o}:Declaration {{protocol: {v}.id}})", "{o}.id"),
}

AREA: dict[str, Block] = {
    "id": prop("id"),
    "name": prop("name"),
    "protocols": nodes_via("Area", "({o}:Entity {{area: {v}.id}})", "{o}.id", "{o}:Protocol"),
    "bodies": nodes_via("Area", "({o}:Entity {{area: {v}.id}})", "{o}.id", "{o}:Body"),
}

SHARED: dict[str, Block] = {
    "member": as_node("SharedMember", "{v}", PARTY),
    "inA": lambda build, var, nodes: _edge_list(build, var, nodes, "SharedMember", f"{var}_a"),
    "inB": lambda build, var, nodes: _edge_list(build, var, nodes, "SharedMember", f"{var}_b"),
}


def _edge_list(build: Build, var: str, nodes: list[FieldNode], parent: str, source: str) -> str:
    e = build.var("e")
    return f"[{e} IN {source} | {_sub(build, parent, nodes, e)}]"


PATH: dict[str, Block] = {
    "length": expr("size({v})"),
    "steps": lambda build, var, nodes: _edge_list(build, var, nodes, "Path", var),
}

STEP: dict[str, Block] = {
    "type": expr("type({v})"),
    "quote": prop("quote"),
    "from": as_node("Step", "startNode({v})", PARTY),
    "to": as_node("Step", "endNode({v})", PARTY),
    "clause": clause_of("Step"),
}

HIT: dict[str, Block] = {
    "kind": expr("toUpper(head([l IN labels({v}) WHERE l <> 'Entity']))"),
    "id": prop("id"),
    "score": expr("{v}_s"),
    "label": expr("coalesce({v}.name, {v}.text, {v}.id)"),
    "party": as_node("SearchHit", "{v}", PARTY),
    "duty": as_node("SearchHit", "{v}", ("Duty",)),
    "clause": as_node("SearchHit", "{v}", ("Clause",)),
}

ACCOUNTABILITY_STEP: dict[str, Block] = {
    "type": expr("CASE WHEN {v}.d IS NOT NULL THEN 'DUTY' ELSE type({v}.r) END"),
    "reversed": expr("({v}.r IS NOT NULL AND startNode({v}.r) <> {v}.f)"),
    "quote": expr("coalesce({v}.r.quote, {v}.d.text)"),
    "inferred": expr("coalesce({v}.r.inferred, false)"),
    "from": as_node("AccountabilityStep", "{v}.f", PARTY),
    "to": as_node("AccountabilityStep", "{v}.t", PARTY),
    "duty": as_node("AccountabilityStep", "{v}.d", ("Duty",)),
    "clause": clause_of("AccountabilityStep", "coalesce({v}.r.clause, {v}.d.clause)"),
}

CHAIN: dict[str, Block] = {
    "length": expr("size({v})"),
    "steps": lambda build, var, nodes: _edge_list(build, var, nodes, "AccountabilityChain", var),
}

BLOCKS: dict[str, dict[str, Block]] = {
    "Legislation": LEGISLATION,
    "Citation": CITATION,
    "Approval": APPROVAL,
    "AccountabilityStep": ACCOUNTABILITY_STEP,
    "AccountabilityChain": CHAIN,
    "Area": AREA,
    "Protocol": PROTOCOL,
    "Clause": CLAUSE_FIELDS,
    "Body": BODY,
    "Role": ROLE,
    "Person": PERSON,
    "Holding": HOLDING,
    "Membership": MEMBERSHIP,
    "Chair": CHAIR,
    "Relation": RELATION,
    "Duty": DUTY,
    "Declaration": DECLARATION,
    "SharedMember": SHARED,
    "Path": PATH,
    "Step": STEP,
    "SearchHit": HIT,
}
