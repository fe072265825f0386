"""govgraph side by side with @neo4j/graphql 7 on Apollo Server: the same Neo4j, the same questions.

Both servers run as their own processes over the same benchmark database (the bundled protocols plus
synthetic areas). Each question is asked of both; their answers are first checked to hold the same data
(normalised: the peer names relation ends by edge properties, govgraph by nested objects), then timed at
each concurrency, the two sides interleaved batch by batch so that a busy moment of the shared machine
falls on both. The peer's sockets have TCP_NODELAY on (see server.mjs). npm installs the peer's
dependencies from bench/peer/package.json (and its lock) on first use.

    .venv/bin/python -m bench.peer.compare [--areas 200,1000] [--clients 1,16] [--requests 100]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from govgraph.api.lucene import phrase_query
from govgraph.graph.connection import connect

from bench.api_bench import READY_TIMEOUT, ApiServer, Run, Served, drive, load_graph
from bench.load_bench import (
    OUT,
    REFUSED,
    WIPE_FLAG,
    bench_server,
    bench_settings,
    load_project,
    positive,
    say,
)
from bench.synthetic import synthetic_areas

PEER = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Question:
    name: str
    ours: str
    peer: str
    same: Callable[[dict], Any]  # our data -> the comparable answer
    peer_same: Callable[[dict], Any]
    unique: bool = False


def canon(value: Any, unique: bool = False) -> Any:
    """Lists as sorted lists, so the order two servers happen to return does not count as a difference;
    ``unique`` also drops repeats, for the peer's plain relationship fields, which list each node once
    where govgraph lists each stated edge (two REPORTS_TO edges from two clauses: the body twice)."""
    if isinstance(value, dict):
        return {k: canon(v, unique) for k, v in sorted(value.items())}
    if isinstance(value, list | tuple):
        items = [canon(v, unique) for v in value]
        keyed = {json.dumps(v, sort_keys=True): v for v in items} if unique else None
        if keyed is not None:
            return [keyed[k] for k in sorted(keyed)]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
    return value


def _edges(items: list[dict], end: str) -> list:
    return [(i[end]["id"], i[end]["name"], (i.get("clause") or {}).get("id")) for i in items]


def _peer_edges(conn: dict) -> list:
    return [(e["node"]["id"], e["node"]["name"], e["properties"]["clause"]) for e in conn["edges"]]


TEXT = "annual report"
RELS = ("reportsTo", "challenges", "scrutinises")
QUESTIONS = (
    Question(
        "body(id) + relations, clauses",
        """{ body(id: "wirral/lscb") { id name reportsTo { body { id name } clause { id } }
             challenges { body { id name } clause { id } } members { member { id name } clause { id } }
             chairs { role { id name } clause { id } } } }""",
        """{ bodies(where: {id: {eq: "wirral/lscb"}}) { id name
             reportsToConnection { edges { properties { clause } node { id name } } }
             challengesConnection { edges { properties { clause } node { id name } } }
             membersConnection { edges { properties { clause }
               node { ... on Role { id name } ... on Body { id name } } } }
             chairsConnection { edges { properties { clause } node { id name } } } } }""",
        lambda d: canon(
            [
                _edges(d["body"]["reportsTo"], "body"),
                _edges(d["body"]["challenges"], "body"),
                _edges(d["body"]["members"], "member"),
                _edges(d["body"]["chairs"], "role"),
            ]
        ),
        lambda d: canon(
            [
                _peer_edges(d["bodies"][0][f"{k}Connection"])
                for k in ("reportsTo", "challenges", "members", "chairs")
            ]
        ),
    ),
    Question(
        "bodies(area) + relations",
        """{ bodies(area: "wirral", first: 100) { nodes { id name reportsTo { body { id } }
             challenges { body { id } } scrutinises { body { id } } } } }""",
        """{ bodies(where: {area: {eq: "wirral"}}, sort: [{id: ASC}], limit: 100) { id name
             reportsTo { id } challenges { id } scrutinises { id } } }""",
        lambda d: [
            {"id": n["id"], "name": n["name"], **{k: [r["body"]["id"] for r in n[k]] for k in RELS}}
            for n in d["bodies"]["nodes"]
        ],
        lambda d: [
            {"id": n["id"], "name": n["name"], **{k: [r["id"] for r in n[k]] for k in RELS}}
            for n in d["bodies"]
        ],
        unique=True,
    ),
    Question(
        "duties(owner, towards) + clause text",
        """{ duties(owner: "wirral/lscb", towards: "wirral/wct", first: 100) { nodes { id text
             clause { id text } } } }""",
        """{ duties(where: {owner: {eq: "wirral/lscb"}, towards: {eq: "wirral/wct"}}, sort: [{id: ASC}],
             limit: 100) { id text clause { id text } } }""",
        lambda d: d["duties"]["nodes"],
        lambda d: d["duties"],
    ),
    Question(
        "sharedMembers(a, b)",
        '{ sharedMembers(a: "wirral/wct", b: "wirral/lscb", first: 100) { nodes { member { id name } } } }',
        '{ bodies(where: {id: {eq: "wirral/wct"}}) { sharedMembers(other: "wirral/lscb") { id name } } }',
        lambda d: [n["member"] for n in d["sharedMembers"]["nodes"]],
        lambda d: d["bodies"][0]["sharedMembers"],
    ),
    Question(
        "accountabilityPaths(maxHops: 3)",
        """{ accountabilityPaths(from: "wirral/lead-member", to: "wirral/lsp", maxHops: 3, first: 100) {
             nodes { steps { type to { id } } } } }""",
        '{ roles(where: {id: {eq: "wirral/lead-member"}}) { pathsTo(to: "wirral/lsp", maxHops: 3) } }',
        lambda d: [
            "".join(f"{s['type']}:{s['to']['id']};" for s in n["steps"])
            for n in d["accountabilityPaths"]["nodes"]
        ],
        lambda d: d["roles"][0]["pathsTo"],
    ),
    Question(
        "areas(first: 100) { id name }",
        "{ areas(first: 100) { nodes { id name } } }",
        "{ areas(sort: [{id: ASC}], limit: 100) { id name } }",
        lambda d: d["areas"]["nodes"],
        lambda d: d["areas"],
    ),
    Question(
        "deep nested body",
        """{ body(id: "wirral/lscb") { name reportsTo { body { name members { member { name } }
             challenges { body { name reportsTo { body { name } } } } } } } }""",
        """{ bodies(where: {id: {eq: "wirral/lscb"}}) { name reportsTo { name
             members { ... on Role { name } ... on Body { name } }
             challenges { name reportsTo { name } } } } }""",
        lambda d: _deep(d["body"]),
        lambda d: d["bodies"][0],
        unique=True,
    ),
    Question(
        "duties(text) full-text",
        f'{{ duties(text: "{TEXT}", first: 20) {{ nodes {{ id text owner {{ id }} }} }} }}',
        f"{{ dutySearch(text: {json.dumps(phrase_query(TEXT))}, first: 20) {{ id text owner }} }}",
        lambda d: [[n["id"], n["text"], n["owner"]["id"]] for n in d["duties"]["nodes"]],
        lambda d: [[n["id"], n["text"], n["owner"]] for n in d["dutySearch"]],
    ),
)


def _deep(body: dict) -> dict:
    """Our nesting (relation -> body) flattened to the peer's (body -> body)."""
    out: dict[str, Any] = {"name": body["name"]}
    if "reportsTo" in body:
        out["reportsTo"] = [_deep(r["body"]) for r in body["reportsTo"]]
    if "members" in body:
        out["members"] = [m["member"] for m in body["members"]]
    if "challenges" in body:
        out["challenges"] = [_deep(r["body"]) for r in body["challenges"]]
    return out


class Peer(Served):
    """The @neo4j/graphql server in a Node process."""

    what = "peer"

    def __init__(self, uri: str, user: str, password: str) -> None:
        if not (PEER / "node_modules" / "@neo4j" / "graphql").exists():
            say("Installing the peer's npm dependencies (bench/peer/package.json) ...")
            command = "ci" if (PEER / "package-lock.json").exists() else "install"
            subprocess.run(["npm", command, "--no-audit", "--no-fund"], cwd=PEER, check=True)
        self.bolt = [uri, user, password]
        super().__init__(["node", "server.mjs"], PEER)
        self.url += "/"

    def arguments(self) -> list[str]:
        return self.bolt

    def ready(self) -> bool:
        return (
            httpx.post(self.url, json={"query": "{ __typename }"}, timeout=READY_TIMEOUT).status_code == 200
        )


STALE = (httpx.ReadError, httpx.RemoteProtocolError, httpx.WriteError)
stale_retries = 0  # printed at the end: requests sent again after a server closed an idle connection


async def ask(client: httpx.AsyncClient, url: str, query: str) -> dict:
    """One question; sent once more if it met a keep-alive connection the server had just closed.

    Both servers close a connection idle for 5 s (uvicorn's and Node's default); on a busy machine a
    pooled connection can sit that long while the other side's batch runs, and the request that reuses
    it at the moment of closing fails with a ReadError. That is the client's race, not a server fault.
    """
    global stale_retries
    try:
        response = await client.post(url, json={"query": query})
    except STALE:
        stale_retries += 1
        response = await client.post(url, json={"query": query})
    body = response.json()
    if response.status_code != 200 or body.get("errors"):
        raise RuntimeError(f"{url}: {response.status_code} {json.dumps(body)[:400]}")
    return body["data"]


async def timed(client: httpx.AsyncClient, url: str, query: str, requests: int, clients: int, limit: float):
    """api_bench's driver loop: ``clients`` loops share ``requests`` asks, none after ``limit``."""

    async def call() -> None:
        await ask(client, url, query)

    return (await drive(call, requests, clients, limit)).latencies


def pct(values: list[float], q: float) -> float:
    return 1000 * Run(values, 1.0, {}).percentile(q)


async def compare(ours: str, peer: str, args: argparse.Namespace, areas: int) -> list[tuple]:
    rows = []
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    async with httpx.AsyncClient(timeout=120, limits=limits) as client:
        for q in QUESTIONS:
            a, b = q.same(await ask(client, ours, q.ours)), q.peer_same(await ask(client, peer, q.peer))
            if canon(a, q.unique) != canon(b, q.unique):
                raise RuntimeError(f"{q.name}: the answers differ:\n ours {a}\n peer {b}")
            for _ in range(args.warmup):
                await ask(client, ours, q.ours)
                await ask(client, peer, q.peer)
            for clients in args.clients:
                mine: list[float] = []
                theirs: list[float] = []
                for _ in range(args.rounds):  # interleaved: a busy moment of the machine hits both sides
                    share = max(1, args.requests // args.rounds)
                    mine += await timed(client, ours, q.ours, share, clients, args.max_seconds)
                    theirs += await timed(client, peer, q.peer, share, clients, args.max_seconds)
                rows.append((areas, q.name, clients, mine, theirs))
                print(table(rows[-1:]).splitlines()[2], flush=True)  # each row as soon as it is measured
    return rows


def table(rows: list[tuple]) -> str:
    lines = [
        "| areas | question | clients | govgraph p50 | p99 | peer p50 | p99 | ratio p50 | n |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for areas, name, clients, mine, theirs in rows:
        ratio = pct(mine, 0.5) / pct(theirs, 0.5)
        lines.append(
            f"| {areas} | {name} | {clients} | {pct(mine, 0.5):.1f} | {pct(mine, 0.99):.1f} | "
            f"{pct(theirs, 0.5):.1f} | {pct(theirs, 0.99):.1f} | {ratio:.2f} | {len(mine)}/{len(theirs)} |"
        )
    for areas in sorted({r[0] for r in rows}):
        for clients in sorted({r[2] for r in rows}):
            ratios = [pct(r[3], 0.5) / pct(r[4], 0.5) for r in rows if r[0] == areas and r[2] == clients]
            mean = math.exp(sum(math.log(x) for x in ratios) / len(ratios))
            lines.append(f"geometric mean of p50 ratios, {areas} areas, {clients} clients: {mean:.2f}")
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--areas", default="200,1000", help="synthetic area counts, ascending (200,1000)")
    parser.add_argument("--clients", default="1,16", help="concurrency levels (1,16)")
    parser.add_argument("--requests", type=positive, default=100, help="per question, side and level")
    parser.add_argument("--rounds", type=positive, default=4, help="interleaved batches per side")
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--max-seconds", type=float, default=2.0, help="per batch")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--home", type=Path, default=OUT / "peer-home")
    parser.add_argument(WIPE_FLAG, dest="wipe_ok", action="store_true")
    parser.add_argument(
        "--loaded", action="store_true", help="the database already holds the bundled + first --areas areas"
    )
    args = parser.parse_args(argv)
    args.area_counts = [positive(x) for x in args.areas.split(",")]
    args.clients = [positive(x) for x in args.clients.split(",")]
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    settings = bench_settings(args)
    if settings is None:
        return REFUSED
    rows: list[tuple] = []
    with bench_server(settings) as target, connect(target) as driver:
        loaded = 0
        for areas in args.area_counts:
            if loaded == 0 and args.loaded:
                say(f"Using the {areas} synthetic areas already loaded")
            elif loaded == 0:
                load_graph(driver, target.database, areas, args.seed)
            else:
                extra = [a.batch() for a in synthetic_areas(areas, args.seed)[loaded:]]
                load_project(driver, target.database, extra)
                say(f"Loaded {len(extra)} more synthetic areas")
            loaded = areas
            ours, peer = ApiServer(), Peer(target.uri, target.user, target.password)
            try:
                ours.wait_ready()
                peer.wait_ready()
                rows += asyncio.run(compare(f"{ours.url}/graphql", peer.url, args, areas))
            finally:
                ours.stop()
                peer.stop()
            print(table([r for r in rows if r[0] == areas]), flush=True)
    print("\n" + table(rows))
    print(f"requests sent again after meeting a connection the server had closed: {stale_retries}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
