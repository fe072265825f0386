"""The HTTP application: GraphQL at /graphql (with an offline IDE), /healthz, /readyz, static assets."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.fastapi import GraphQLRouter

from api.fetch import Context
from api.guard import RequestGuard
from api.schema import schema
from api.store import ApiError, Store
from graph.connection import Target
from graph.schema import expected_index_names

STATIC = Path(__file__).resolve().parent / "static"
MAX_BODY = 64 * 1024


class GovgraphRouter(GraphQLRouter):
    """Serves our own copy of the GraphiQL page, whose scripts come from /static, not a CDN."""

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        return HTMLResponse((STATIC / "graphiql.html").read_text())


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
            {"errors": [{"message": f"Request body is larger than {self.limit} bytes."}]}
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


def create_app(target: Target, tx_timeout: float = 10.0, hosts: tuple[str, ...] = ()) -> FastAPI:
    """The app for one Neo4j target; the driver opens with the app and closes with it.

    ``hosts``: the host names the API is reached by besides loopback (what ``Host`` may say).
    """
    store = Store(target, tx_timeout)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        await store.close()

    app = FastAPI(title="govgraph", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    router = GovgraphRouter(schema, context_getter=lambda: Context(store), graphql_ide="graphiql")
    app.include_router(router, prefix="/graphql")
    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")
    app.add_middleware(RequestGuard, hosts=hosts)
    app.add_middleware(BodyLimit)  # outermost: the guard reads bodies already bounded
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
        return JSONResponse({"status": "ready"})

    return app
