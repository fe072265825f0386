"""Root fields as whole statements: each wraps the compiled projection of its items in the match, filters,
ordering and page window of its question, so that one statement answers one root field.

A statement's text depends on the selection (compiled once per document and operation) and on the shape
of the arguments (which filters are set; a path's hop limit and relationship types, taken from the
schema's enum, never from free text), so each root keeps a few variants; values stay parameters.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from govgraph.api import lucene
from govgraph.api.compiler import Build, project
from govgraph.api.pages import window
from govgraph.api.store import ApiError
from graphql import FieldNode

MAX_HOPS = 6
MAX_VARIANTS = 32
DEFAULT_PATH_EDGES = (
    "REPORTS_TO",
    "CHALLENGES",
    "SCRUTINISES",
    "HOLDS_TO_ACCOUNT",
    "OVERSEES",
    "MEMBER_OF",
    "CHAIRS",
    "HOLDS",
    "SUBGROUP_OF",
)
LISTED = {"areas": "Area", "protocols": "Protocol", "bodies": "Body", "people": "Person", "roles": "Role"}
SINGLE = {
    "protocol": "Protocol",
    "body": "Body",
    "person": "Person",
    "role": "Role",
    "legislation": "Legislation",
}
CONNECTION_ITEM = {
    "areas": "Area",
    "protocols": "Protocol",
    "bodies": "Body",
    "people": "Person",
    "roles": "Role",
    "duties": "Duty",
    "sharedMembers": "SharedMember",
    "accountabilityPaths": "Path",
    "search": "SearchHit",
    "accountableTo": "AccountabilityChain",
    "accountableFor": "AccountabilityChain",
}
UPWARD = ("REPORTS_TO", "SUBGROUP_OF", "CHAIRS", "ROLE_IN", "HOLDS")
HELD_BY = ("HOLDS_TO_ACCOUNT", "SCRUTINISES", "CHALLENGES")


@dataclass
class Plan:
    """What one root field runs: a statement for its arguments' shape, its parameters, its checks."""

    name: str
    build: Build
    items: dict[str, str]  # response key of each `nodes` (or the single value, key "") -> projection
    page_keys: dict[str, list[FieldNode]]  # the connection's own fields by response key
    variants: OrderedDict[Any, str] = field(default_factory=OrderedDict)
    fixed: tuple[dict[str, Any], str, dict[str, Any]] | None = None  # (args, text, params), no variables

    def statement(self, shape: Any, write: Callable[[], str]) -> str:
        text = self.variants.get(shape)
        if text is None:
            text = write()
            self.variants[shape] = text
            if len(self.variants) > MAX_VARIANTS:
                self.variants.popitem(last=False)
        return text


def plan(build: Build, name: str, nodes: list[FieldNode]) -> Plan:
    """Compile the selection of a root field once; the statement around it is written per shape."""
    if name in SINGLE:
        return Plan(name, build, {"": project(build, SINGLE[name], "root", nodes)}, {})
    item = CONNECTION_ITEM[name]
    var = {"SharedMember": "s", "Path": "p", "SearchHit": "h", "AccountabilityChain": "p"}.get(item, "root")
    page_keys = build.collect(f"{item}Connection", nodes)
    items = {
        key: project(build, item, var, found)
        for key, found in page_keys.items()
        if found[0].name.value == "nodes"
    }
    return Plan(name, build, items, page_keys)


def _collect_items(plan: Plan) -> str:
    if len(plan.items) == 1:
        return f"collect({next(iter(plan.items.values()))})"
    entries = ", ".join(f"`{key}`: {proj}" for key, proj in plan.items.items())
    return f"collect({{{entries}}})"


def counted(plan: Plan) -> bool:
    """Whether the answer needs the list's length (``totalCount``, or ``pageInfo``'s next-page flag)."""
    return any(nodes[0].name.value in ("totalCount", "pageInfo") for nodes in plan.page_keys.values())


def _paged(plan: Plan, head: str, row: str = "root", unpack: str = "", then: str = "") -> str:
    """``head`` yields ``root`` rows and ends in its ORDER BY (``then`` may follow it); the page is
    projected, the total counted, in one pass. When nothing asks for the total, the window is a SKIP and
    LIMIT right after the ordering, so Neo4j reads only the page (an index in order for ``areas``)."""
    if not counted(plan):
        return (
            f"{head} SKIP $offset LIMIT $first{then}\n{unpack}"
            f"RETURN 0 AS total, {_collect_items(plan)} AS items"
        )
    return (
        f"{head}{then}\nWITH collect({row}) AS rows\n"
        "WITH size(rows) AS total, rows[$offset..$offset + $first] AS page\n"
        f"CALL (page) {{ UNWIND page AS {row} {unpack}RETURN {_collect_items(plan)} AS items }}\n"
        "RETURN total, items"
    )


def listing(plan: Plan, args: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    label = LISTED[plan.name]
    area, kind = args.get("area"), args.get("kind")

    def write() -> str:
        match = (
            f"MATCH (root:Entity {{area: $area}}) WHERE root:{label}"
            if area
            else f"MATCH (root:{label}) WHERE root.id IS NOT NULL"  # every node has one: the index, in order
        )
        if kind is not None:
            match += " AND root.kind = $kind"
        return _paged(plan, f"{match}\nWITH root ORDER BY root.id")

    return plan.statement((area is None, kind is None), write), {"area": area, "kind": kind}


def single(plan: Plan, args: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    label = SINGLE[plan.name]
    text = plan.statement(None, lambda: f"MATCH (root:{label} {{id: $id}})\nRETURN {plan.items['']} AS value")
    return text, {"id": args["id"]}


def duties(plan: Plan, args: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Start from the narrowest index the filters allow: the text index, the owner, the target, the area."""
    keys = ("area", "owner", "towards", "kind")
    params = {k: args.get(k) for k in keys}
    text = args.get("text")
    params["text"] = lucene.phrase_query(text) if text is not None else None
    shape = (text is not None, *(params[k] is not None for k in keys))

    def write() -> str:
        filters = [f"root.{k} = ${k}" for k in keys if params[k] is not None]
        if text is not None:
            head = (
                "CALL db.index.fulltext.queryNodes('duty_text_fulltext', $text) YIELD node, score\n"
                "WITH node AS root, score WHERE root:Duty"
            )
            order = "score DESC, root.id"
        elif params["owner"] is not None:
            head, order = "MATCH (:Entity {id: $owner})-[:OWES]->(root:Duty)", "root.id"
        elif params["towards"] is not None:
            head, order = "MATCH (root:Duty)-[:TOWARDS]->(:Entity {id: $towards})", "root.id"
        elif params["area"] is not None:
            head, order = "MATCH (root:Entity {area: $area}) WHERE root:Duty", "root.id"
        else:
            head, order = "MATCH (root:Duty)", "root.id"
        if filters:
            head += (" AND " if " WHERE " in head else " WHERE ") + " AND ".join(filters)
        return _paged(plan, f"{head}\nWITH root ORDER BY {order}")

    return plan.statement(shape, write), params


def shared_members(plan: Plan, args: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Each member of A (or holder of a post that is one) found again among B's memberships.

    B's side is walked outward from each shared candidate (its few MEMBER_OF/CHAIRS, the end checked
    against B), not inward from every member of B with a filter per candidate: PROFILE of the benchmark's
    question at 200 areas, 599 db hits before, 246 now (the peer's simpler statement, without holders,
    136). ``(x) WHERE x = bb`` rather than ``(bb)``: bound at both ends, the planner picks Expand(Into),
    which read more here (390)."""
    members = (
        "MATCH (m)-[r:MEMBER_OF|CHAIRS]->({body})\n"
        "  CALL (m) {{ RETURN m AS s UNION ALL MATCH (holder)-[:HOLDS]->(m) RETURN holder AS s }}\n"
    )

    def write() -> str:
        return (
            "OPTIONAL MATCH (ba:Body {id: $a})\nOPTIONAL MATCH (bb:Body {id: $b})\n"
            "CALL (ba, bb) {\n  WITH ba, bb WHERE ba IS NOT NULL AND bb IS NOT NULL\n  "
            + members.format(body="ba")
            + "  WITH bb, s, r ORDER BY r.id\n  WITH bb, s, collect(r) AS s_a\n"
            "  CALL (s, bb) {\n    CALL (s, bb) {\n"
            "      MATCH (s)-[r:MEMBER_OF|CHAIRS]->(x) WHERE x = bb RETURN r\n"
            "      UNION MATCH (s)-[:HOLDS]->()-[r:MEMBER_OF|CHAIRS]->(x) WHERE x = bb RETURN r\n    }\n"
            "    WITH r ORDER BY r.id RETURN collect(r) AS s_b\n  }\n"
            "  WITH s, s_a, s_b WHERE size(s_b) > 0 ORDER BY s.id\n"
            "  RETURN collect({s: s, a: s_a, b: s_b}) AS shared\n}\n"
            "WITH ba IS NOT NULL AS foundA, bb IS NOT NULL AS foundB, shared,\n"
            "     shared[$offset..$offset + $first] AS page\n"
            "CALL (page) { UNWIND page AS row WITH row.s AS s, row.a AS s_a, row.b AS s_b "
            f"RETURN {_collect_items(plan)} AS items }}\n"
            "RETURN foundA, foundB, size(shared) AS total, items"
        )

    return plan.statement(None, write), {"a": args["a"], "b": args["b"]}


def paths(plan: Plan, args: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    max_hops = args["maxHops"]
    if not 1 <= max_hops <= MAX_HOPS:
        raise ApiError(f"'maxHops' must be between 1 and {MAX_HOPS}, not {max_hops}.")
    wanted = args.get("types")
    if wanted is not None and not wanted:
        raise ApiError("'types' is an empty list; leave it out for the default types, or name some.")
    # Relationship types come from the schema's PathEdge enum (graphql-core refuses any other value).
    types = tuple(sorted({getattr(t, "value", t) for t in wanted})) if wanted else DEFAULT_PATH_EDGES

    def write() -> str:
        return (
            "OPTIONAL MATCH (ps:Entity {id: $from})\nOPTIONAL MATCH (pe:Entity {id: $to})\n"
            "CALL (ps, pe) {\n"
            f"  MATCH path = (ps)-[:{'|'.join(types)}*1..{max_hops}]->(pe)\n"
            "  WITH path ORDER BY length(path), [r IN relationships(path) | r.id]\n"
            "  RETURN collect(relationships(path)) AS found\n}\n"
            "WITH ps IS NOT NULL AS foundFrom, pe IS NOT NULL AS foundTo, found,\n"
            "     found[$offset..$offset + $first] AS page\n"
            f"CALL (page) {{ UNWIND page AS p RETURN {_collect_items(plan)} AS items }}\n"
            "RETURN foundFrom, foundTo, size(found) AS total, items"
        )

    return plan.statement((types, max_hops), write), {"from": args["from"], "to": args["to"]}


def search(plan: Plan, args: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    def write() -> str:
        head = (
            "CALL () {\n"
            "  CALL db.index.fulltext.queryNodes('name_fulltext', $text) YIELD node, score\n"
            "  RETURN node, score\n"
            "  UNION\n"
            "  CALL db.index.fulltext.queryNodes('duty_text_fulltext', $text) YIELD node, score\n"
            "  RETURN node, score\n}\n"
            "WITH node, score ORDER BY score DESC, node.id"
        )
        return _paged(
            plan,
            head,
            row="hit",
            unpack="WITH hit.n AS h, hit.s AS h_s ",
            then="\nWITH {n: node, s: score} AS hit",
        )

    return plan.statement(None, write), {"text": lucene.phrase_query(args["text"])}


def _quoted(types: tuple[str, ...]) -> str:
    return "[" + ", ".join(f"'{t}'" for t in types) + "]"


def accountability(plan: Plan, args: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Chains walked in the accountable direction only: up (accountableTo) or down (accountableFor).

    Going up, ``a`` answers to ``b`` when a REPORTS_TO / SUBGROUP_OF / CHAIRS / is a post of (ROLE_IN) /
    holds (HOLDS) b, or when b HOLDS_TO_ACCOUNT / SCRUTINISES / CHALLENGES a. Going down is the same walked
    backwards, plus the party's own duties of kind accountability (the owner answers for ``towards``)."""
    max_hops = args["maxHops"]
    if not 1 <= max_hops <= MAX_HOPS:
        raise ApiError(f"'maxHops' must be between 1 and {MAX_HOPS}, not {max_hops}.")
    up = plan.name == "accountableTo"
    forward, backward = (UPWARD, HELD_BY) if up else (HELD_BY, UPWARD)
    types = "|".join((*UPWARD, *HELD_BY))

    def write() -> str:
        duties = (
            ""
            if up
            else (
                "    UNION ALL\n"
                "    MATCH (ps)-[:OWES]->(d:Duty {kind: 'accountability'})\n"
                "    OPTIONAL MATCH (d)-[:TOWARDS]->(t)\n"
                "    RETURN [{r: null, d: d, f: ps, t: t}] AS chain, 1000 AS k, [d.id] AS ids\n"
            )
        )
        return (
            "OPTIONAL MATCH (ps:Entity {id: $id})\n"
            "CALL (ps) {\n"
            "  CALL (ps) {\n"
            f"    MATCH path = (ps) ((a)-[r:{types}]-(b)\n"
            f"      WHERE (startNode(r) = a AND type(r) IN {_quoted(forward)})\n"
            f"         OR (endNode(r) = a AND type(r) IN {_quoted(backward)})){{1,{max_hops}}}\n"
            "    WHERE all(n IN nodes(path) WHERE single(m IN nodes(path) WHERE m = n))\n"
            "    RETURN [i IN range(0, length(path) - 1) | {r: relationships(path)[i], d: null,\n"
            "            f: nodes(path)[i], t: nodes(path)[i + 1]}] AS chain, length(path) AS k,\n"
            "           [x IN relationships(path) | x.id] AS ids\n"
            f"{duties}"
            "  }\n"
            "  WITH chain ORDER BY k, ids\n"
            "  RETURN collect(chain) AS found\n"
            "}\n"
            "WITH ps IS NOT NULL AS known, found, found[$offset..$offset + $first] AS page\n"
            f"CALL (page) {{ UNWIND page AS p RETURN {_collect_items(plan)} AS items }}\n"
            "RETURN known, size(found) AS total, items"
        )

    return plan.statement((up, max_hops), write), {"id": args["id"]}


WRITERS: dict[str, Callable[[Plan, dict[str, Any]], tuple[str, dict[str, Any]]]] = {
    **dict.fromkeys(LISTED, listing),
    **dict.fromkeys(SINGLE, single),
    "duties": duties,
    "sharedMembers": shared_members,
    "accountabilityPaths": paths,
    "search": search,
    "accountableTo": accountability,
    "accountableFor": accountability,
}


def statement(plan: Plan, args: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The statement and parameters for one run of a root field, its page window included."""
    text, params = WRITERS[plan.name](plan, args)
    if plan.name not in SINGLE:
        params["offset"], params["first"] = window(args["first"], args.get("after"))
    return text, params


def check_found(plan: Plan, args: dict[str, Any], row: dict[str, Any]) -> None:
    """Questions about named ids say which id names nothing."""
    if plan.name == "sharedMembers":
        for key, flag in (("a", "foundA"), ("b", "foundB")):
            if not row.get(flag):
                raise ApiError(f"No body has the id '{args[key]}'.")
    if plan.name in ("accountableTo", "accountableFor") and not row.get("known"):
        raise ApiError(f"No body, role or person has the id '{args['id']}'.")
    if plan.name == "accountabilityPaths":
        for key, flag in (("from", "foundFrom"), ("to", "foundTo")):
            if not row.get(flag):
                raise ApiError(f"No body, role or person has the id '{args[key]}'.")
