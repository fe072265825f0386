"""What each root field asks of Neo4j: one named statement each, returning its page and its snapshot."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from govgraph.api import findings, lucene, types
from govgraph.api.pages import Connection, connection, window
from govgraph.api.roots import DEFAULT_PATH_EDGES, MAX_HOPS
from govgraph.api.snapshot import Snapshot
from govgraph.api.store import ApiError, StatementLog, Store
from govgraph.graph import checks
from strawberry.fastapi import BaseContext


class Context(BaseContext):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.log = StatementLog()
        self.findings = findings.FindingsCache()


@dataclass
class Page:
    total: int
    ids: list[str]
    snap: Snapshot
    offset: int


async def _read(ctx: Context, name: str, **params: Any) -> dict[str, Any]:
    rows = await ctx.store.read(name, ctx.log, **params)
    return rows[0] if rows else {}


async def _page(
    ctx: Context, name: str, first: int, after: str | None, key: str = "page", **params: Any
) -> Page:
    offset, first = window(first, after)
    row = await _read(ctx, name, offset=offset, first=first, **params)
    snap = Snapshot.from_rows(row.get("nodes", []), row.get("edges", []))
    return Page(row.get("total", 0), row.get(key, []), snap, offset)


async def listing(
    ctx: Context, label: str, first: int, after: str | None, area: str | None = None, kind: str | None = None
) -> Page:
    return await _page(ctx, "api/list", first, after, label=label, area=area, kind=kind)


async def by_ids(ctx: Context, *ids: str) -> Snapshot:
    row = await _read(ctx, "api/by_ids", ids=list(ids))
    return Snapshot.from_rows(row.get("nodes", []), row.get("edges", []))


def wrap(page: Page, make: Any) -> Connection:
    items = [make(page.snap, node) for i in page.ids if (node := page.snap.node(i))]
    return connection(items, page.total, page.offset)


async def areas(ctx: Context, first: int, after: str | None) -> Connection[types.Area]:
    page = await listing(ctx, "Area", first, after)
    return wrap(page, lambda snap, n: types.Area(id=n.id, name=n.get("name"), _snap=snap))


async def one(ctx: Context, node_id: str, label: str, make: Any) -> Any:
    snap = await by_ids(ctx, node_id)
    node = snap.node(node_id, label)
    return make(snap, node) if node else None


async def duties(
    ctx: Context,
    first: int,
    after: str | None,
    *,
    area: str | None,
    owner: str | None,
    towards: str | None,
    kind: str | None,
    text: str | None,
) -> Connection[types.Duty]:
    query = lucene.phrase_query(text) if text is not None else None
    page = await _page(
        ctx, "api/duties", first, after, area=area, owner=owner, towards=towards, kind=kind, text=query
    )
    return wrap(page, types.Duty.of)


async def shared_members(
    ctx: Context, a: str, b: str, first: int, after: str | None
) -> Connection[types.SharedMember]:
    offset, first = window(first, after)
    snap = await by_ids(ctx, a, b)
    for body_id in (a, b):
        if snap.node(body_id, "Body") is None:
            raise ApiError(f"No body has the id '{body_id}'.")
    in_a = _memberships(snap, a)
    in_b = _memberships(snap, b)
    shared = [
        types.SharedMember(in_a=in_a[m], in_b=in_b[m], _snap=snap, _member=m)
        for m in sorted(in_a.keys() & in_b.keys())
    ]
    return connection(shared[offset : offset + first], len(shared), offset)


def _memberships(snap: Snapshot, body_id: str) -> dict[str, list[types.Membership]]:
    """Members of a body by party id; people also count through the roles they hold."""
    found: dict[str, list[types.Membership]] = {}
    for edge in snap.into(body_id, "MEMBER_OF", "CHAIRS"):
        membership = types.Membership.of(snap, edge)
        if edge.type == "CHAIRS":
            membership.capacity = "chair"
        found.setdefault(edge.start, []).append(membership)
        for holding in snap.into(edge.start, "HOLDS"):
            found.setdefault(holding.start, []).append(membership)
    return found


async def paths(
    ctx: Context,
    start: str,
    end: str,
    max_hops: int,
    edge_types: list[str] | None,
    first: int,
    after: str | None,
) -> Connection[types.Path]:
    if not 1 <= max_hops <= MAX_HOPS:
        raise ApiError(f"'maxHops' must be between 1 and {MAX_HOPS}, not {max_hops}.")
    page = await _page(
        ctx,
        "api/paths",
        first,
        after,
        key="paths",
        maxHops=max_hops,
        types=list(edge_types or DEFAULT_PATH_EDGES),
        **{"from": start, "to": end},
    )
    if not page.snap.node(start) or not page.snap.node(end):
        missing = start if not page.snap.node(start) else end
        raise ApiError(f"No body, role or person has the id '{missing}'.")
    found = [_path(page.snap, steps) for steps in page.ids]
    return connection(found, page.total, page.offset)


def _path(snap: Snapshot, steps: list[dict[str, Any]]) -> types.Path:
    edges = [snap.edges[s["id"]] for s in steps if s["id"] in snap.edges]
    return types.Path(
        length=len(edges),
        steps=[types.Step(type=e.type, quote=e.get("quote"), _snap=snap, _edge=e) for e in edges],
    )


async def search(ctx: Context, text: str, first: int, after: str | None) -> Connection[types.SearchHit]:
    page = await _page(ctx, "api/search", first, after, key="hits", text=lucene.phrase_query(text))
    hits = [_hit(page.snap, hit) for hit in page.ids if page.snap.node(hit["id"])]
    return connection(hits, page.total, page.offset)


def _hit(snap: Snapshot, hit: dict[str, Any]) -> types.SearchHit:
    node = snap.nodes[hit["id"]]
    label = node.get("name") or node.get("text") or node.id
    return types.SearchHit(kind=node.label.upper(), id=node.id, score=hit["score"], label=label, _snap=snap)


async def area_findings(ctx: Context, area: str | None) -> list[checks.Finding]:
    """Every rule's findings for ``area`` (None: all areas), once per request and area."""
    return (await ctx.findings.outcome(ctx, area)).findings


async def check_findings(
    ctx: Context, area: str | None, rules: list[str] | None, floor: findings.Severity | None
) -> list[findings.Finding]:
    """Only the rules asked for run (unknown ones are refused before anything runs)."""
    findings.refuse_unknown(rules)
    if not rules:
        return findings.select(await area_findings(ctx, area), rules, floor)
    outcome = await ctx.findings.outcome(ctx, area, tuple(sorted(set(rules))))
    return findings.select(outcome.findings, rules, floor)
