"""The HTTP application: GraphQL at /graphql (with an offline IDE), /healthz, /readyz, static assets."""

from __future__ import annotations

import asyncio
import inspect
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import orjson
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from govgraph.api.execute import Documents, answer
from govgraph.api.fetch import Context
from govgraph.api.guard import PAYLOAD, RequestGuard
from govgraph.api.schema import schema
from govgraph.api.store import ACQUISITION_TIMEOUT, COLD_TIMEOUT, WARMING, ApiError, Store
from govgraph.graph.connection import Target
from govgraph.graph.schema import expected_index_names
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# FastAPI >= 0.165's OpenTelemetry probe reads the environment and three providers on every request.
NO_TELEMETRY = (
    {"telemetry": {"tracing": False, "metrics": False, "logs": False}}
    if "telemetry" in inspect.signature(FastAPI).parameters
    else {}
)
STATIC = Path(__file__).resolve().parent / "static"
MAX_BODY = 64 * 1024


EXPLAIN_HEADER = "x-govgraph-explain"
EXPLAIN_KEY = EXPLAIN_HEADER.encode()  # ASGI header names arrive lower-cased, as bytes


# The questions the explorer and most clients ask first. A freshly (re)started Neo4j plans each compiled
# statement once, which took 14 s cold on a busy machine: /readyz plans these before it says "ready", so a
# load balancer or the explorer never sends users to a server that would stall on them.
WARM_UP = (
    "{ areas(first: 100) { totalCount nodes { id name } } }",
    '{ bodies(area: "", first: 100) { totalCount nodes { id name kind '
    "reportsTo { frequency other { id name } clause { id number } } "
    "challenges { other { id } } members { capacity } chairs { role { id name } person { id name } } } } }",
    '{ body(id: "") { id name kind relations { type other { id name } quote clause { id number text } } } }',
)


RETRY_WARM_UP = 1.0  # seconds between warm-ups that requests start while Neo4j is away
NOT_WARM = ("UNAVAILABLE", "TIMEOUT")  # a warm-up that met these has not made its plans


class GraphQLEndpoint:
    """POST (and GET) /graphql: the compiled answer; GET from a browser: our offline GraphiQL page."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.schema = schema
        self.documents = Documents(self.schema)
        self.warming: asyncio.Task[ApiError | None] | None = None  # the one warm-up running, if any
        self.tried = 0.0  # when a request last started one (monotonic)

    async def warm_up(self) -> None:
        """Plan the common statements once (their answers are discarded), then say the store is warm."""
        WARMING.set(True)  # this task's own context: its reads may take as long as a statement may
        for text in WARM_UP:
            result = await answer(self.schema, self.documents, Context(self.store), text, None, None)
            failed = [e for e in result.errors if e.get("extensions", {}).get("code") in NOT_WARM]
            if failed:  # answer() hands errors back rather than raising them
                raise ApiError(failed[0]["message"])
        self.store.warm, self.store.recovering = True, False

    def start_warm_up(self) -> asyncio.Task[ApiError | None]:
        """The warm-up running now, or a new one: one at a time, however many ask."""
        if self.warming is None or self.warming.done():
            self.warming = asyncio.get_running_loop().create_task(self._warm_up_once())
        return self.warming

    async def _warm_up_once(self) -> ApiError | None:
        try:
            await self.warm_up()
        except ApiError as exc:  # handed back, never raised: nobody may be awaiting this task
            return exc
        return None

    def kick(self) -> None:
        """After an outage, requests start the warm-up (once a second at most) so that the API warms
        itself as soon as Neo4j is back, whether or not anything polls /readyz."""
        if self.store.recovering and time.monotonic() - self.tried >= RETRY_WARM_UP:
            self.tried = time.monotonic()
            self.start_warm_up()

    async def stop(self) -> None:
        if self.warming is not None and not self.warming.done():
            self.warming.cancel()

    async def handle(self, request: Request) -> Response:
        if request.method == "GET" and "query" not in request.query_params:
            return HTMLResponse((STATIC / "graphiql.html").read_text())
        try:
            body = await self._body(request)
        except ValueError as exc:
            error = {"message": str(exc), "extensions": {"code": "BAD_REQUEST"}}
            return JSONResponse({"data": None, "errors": [error]}, status_code=400)
        asked = bool(request.headers.get(EXPLAIN_HEADER))
        status, content = await self.respond(body, asked)
        return Response(content, status_code=status, media_type="application/json")

    async def respond(self, body: dict, explain_header: bool) -> tuple[int, bytes]:
        """The status and JSON of the answer to a checked request body (query, variables, operationName)."""
        ctx = Context(self.store)
        result = await answer(
            self.schema, self.documents, ctx, body["query"], body.get("variables"), body.get("operationName")
        )
        out: dict = {"data": result.data} if result.data is not None or not result.errors else {"data": None}
        if result.errors:
            out["errors"] = result.errors
        extensions: dict = {"cypherStatements": len(result.statements)}
        if (body.get("extensions") or {}).get("explain") or explain_header:
            extensions["cypher"] = ctx.log.texts
        out["extensions"] = extensions
        status = 400 if result.data is None and result.errors and not result.statements else 200
        self.kick()
        return status, encode_json(out)

    async def _body(self, request: Request) -> dict:
        if request.method == "GET":
            params = request.query_params
            variables = json.loads(params["variables"]) if params.get("variables") else None
            return {
                "query": params["query"],
                "variables": variables,
                "operationName": params.get("operationName"),
            }
        try:
            body = json.loads(await request.body())
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:
            raise ValueError("The request body is not JSON.") from exc
        if not isinstance(body, dict) or not isinstance(body.get("query"), str):
            raise ValueError("The request needs a 'query' string.")
        if body.get("variables") is not None and not isinstance(body["variables"], dict):
            raise ValueError("'variables' must be an object.")
        return body


def encode_json(out: dict) -> bytes:
    """The answer as UTF-8 JSON. orjson encodes a 17 KB answer in a tenth of the standard library's
    time; anything orjson refuses (an integer beyond 64 bits) gets the standard encoder's treatment."""
    try:
        return orjson.dumps(out)
    except TypeError:
        return json.dumps(out, ensure_ascii=False).encode()


class GraphQLRoute:
    """Serves /graphql straight from the ASGI call (``GovgraphApp`` sends it only that path), inside the
    guard and the body limit, without FastAPI's router and middleware: on a 2-core machine under 16
    clients those layers cost more CPU per request than the rest of the request's Python put together."""

    def __init__(self, endpoint: GraphQLEndpoint) -> None:
        self.endpoint = endpoint

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["method"] not in ("GET", "POST"):
            await Response(status_code=405, headers={"allow": "GET, POST"})(scope, receive, send)
            return
        payload = scope.get(PAYLOAD) if scope["method"] == "POST" else None
        if payload is None:
            response = await self.endpoint.handle(Request(scope, receive))
            await response(scope, receive, send)
            return
        explain = any(key == EXPLAIN_KEY and value for key, value in scope["headers"])
        status, content = await self.endpoint.respond(payload, explain)
        await _send_json(send, status, content)


async def _send_json(send: Send, status: int, content: bytes) -> None:
    """The answer as two ASGI messages, without building a Starlette response around them."""
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(content)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": content})


class GovgraphApp(FastAPI):
    """FastAPI for every route but /graphql, which goes straight to its guard, limit and endpoint.

    FastAPI wraps each request in its own layers (the server-error page, the exception and telemetry
    middleware, its body limit) and wraps ``send`` once per layer: py-spy put 7% of the API server's samples
    there on a one-question loop (0.05 ms a request), for a route whose errors the endpoint answers itself.
    An exception that still escapes is answered 500 by uvicorn, as Starlette would answer it."""

    graphql: ASGIApp | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.graphql is not None and scope["type"] == "http" and scope["path"].rstrip("/") == "/graphql":
            await self.graphql(scope, receive, send)
            return
        await super().__call__(scope, receive, send)


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes, declared or streamed, before they reach GraphQL."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._too_large(send)
            return
        seen = 0

        async def counting() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise _TooLarge
            return message

        try:
            await self.app(scope, counting, send)
        except _TooLarge:
            await self._too_large(send)

    async def _too_large(self, send: Send) -> None:
        body = json.dumps(
            {
                "data": None,
                "errors": [
                    {
                        "message": f"Request body is larger than {self.limit} bytes.",
                        "extensions": {"code": "PAYLOAD_TOO_LARGE"},
                    }
                ],
            }
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


class _TooLarge(Exception):
    pass


def create_app(
    target: Target,
    tx_timeout: float = 10.0,
    hosts: tuple[str, ...] = (),
    cold_timeout: float = COLD_TIMEOUT,
    acquisition_timeout: float = ACQUISITION_TIMEOUT,
) -> GovgraphApp:
    """The app for one Neo4j target; the driver opens with the app and closes with it.

    ``hosts``: the host names the API is reached by besides loopback (what ``Host`` may say).
    ``cold_timeout``: the bound on each read after an outage until warm again (GOVGRAPH_API_COLD_TIMEOUT);
    ``acquisition_timeout``: the driver's wait for a connection (GOVGRAPH_API_ACQUISITION_TIMEOUT).
    """
    store = Store(target, tx_timeout, cold_timeout, acquisition_timeout)
    endpoint = GraphQLEndpoint(store)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        await endpoint.stop()
        await store.close()

    app = GovgraphApp(
        title="govgraph",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        **NO_TELEMETRY,
    )
    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")
    app.add_middleware(RequestGuard, hosts=hosts)
    app.add_middleware(BodyLimit)  # outermost: the guard reads bodies already bounded
    # /graphql: the same guard and limit, in front of the endpoint alone
    app.graphql = BodyLimit(RequestGuard(GraphQLRoute(endpoint), hosts=hosts))
    app.state.store = store

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        """The process is up (says nothing of Neo4j)."""
        return {"status": "ok"}

    @app.get("/readyz")
    async def readyz() -> JSONResponse:
        """Neo4j answers and holds govgraph's schema: the API can serve queries."""
        try:
            rows = await store.read("db/indexes")
        except ApiError as exc:
            return JSONResponse({"status": "unavailable", "reason": str(exc)}, status_code=503)
        missing = sorted(expected_index_names() - {row["name"] for row in rows})
        if missing:
            return JSONResponse(
                {"status": "unready", "reason": "schema not applied", "missing": missing}, status_code=503
            )
        if not store.warm:
            warming = endpoint.start_warm_up()
            # Not ready until warm; after an outage said within the cold bound, as reads are (the warm-up
            # goes on if this wait ends first); at the first start, answered once the warm-up is done.
            done, _ = await asyncio.wait({warming}, timeout=store.bound())
            if not done:
                return JSONResponse({"status": "unready", "reason": "warming up"}, status_code=503)
            failed = warming.result()
            if failed is not None:
                return JSONResponse({"status": "unavailable", "reason": str(failed)}, status_code=503)
        return JSONResponse({"status": "ready"})

    return app
