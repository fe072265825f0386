"""The review page at ``/review``: a draft's source text with every suggestion highlighted at its span,
to accept, reject, edit or add to, with the loader's verdict live; then save, load and open the explorer.

The page is served like the explorer (same origin, everything from this server, nothing from a CDN). What
it reads and writes goes through a ``ReviewBackend`` the CLI supplies, so this package stays free of the
loaders (``govgraph.review_draft`` is the one in use). The API and explorer app is mounted below the
review routes rather than the other way round: a reviewed document may exceed the API's 64 KiB request
limit, which is right for GraphQL and wrong for saving a long protocol.

Routes:
  /review                        the page, with the draft, its source text and the forms inlined
  /review/api/draft              the draft again (after a save it is the reviewed file)
  /review/api/validate  POST     the loader's verdict on a reviewed document
  /review/api/save      POST     write the reviewed file (only if the loader accepts it)
  /review/api/load      POST     load the saved file into the graph, as ``govgraph load`` does
  /review/static/...             the page's script and styles
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, Protocol

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from govgraph.frontend.assets import STATIC, script_json, templates
from govgraph.frontend.explorer import CSP
from starlette.concurrency import run_in_threadpool

Answer = tuple[int, dict[str, Any]]


class ReviewBackend(Protocol):
    """What the page needs of a draft under review; each call answers (HTTP status, JSON)."""

    def payload(self) -> Answer: ...
    def validate(self, body: Any) -> Answer: ...
    def save(self, body: Any) -> Answer: ...
    def load(self) -> Answer: ...


def review_app(backend: ReviewBackend, site: FastAPI) -> FastAPI:
    """The review routes in front of ``site`` (the API with the explorer), whose lifespan it runs."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with site.router.lifespan_context(site):
            yield

    app = FastAPI(title="govgraph review", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)

    @app.get("/review", response_class=HTMLResponse, include_in_schema=False)
    async def review_page() -> HTMLResponse:
        status, payload = await run_in_threadpool(backend.payload)
        html = (
            templates()
            .get_template("review.html")
            .render(payload=script_json(payload), problem=None if status == 200 else payload["message"])
        )
        return HTMLResponse(html, status_code=status, headers={"content-security-policy": CSP})

    @app.get("/review/api/draft", include_in_schema=False)
    async def draft() -> JSONResponse:
        return _answer(await run_in_threadpool(backend.payload))

    @app.post("/review/api/validate", include_in_schema=False)
    async def validate(request: Request) -> JSONResponse:
        return _answer(await run_in_threadpool(backend.validate, await _json(request)))

    @app.post("/review/api/save", include_in_schema=False)
    async def save(request: Request) -> JSONResponse:
        return _answer(await run_in_threadpool(backend.save, await _json(request)))

    @app.post("/review/api/load", include_in_schema=False)
    async def load() -> JSONResponse:
        return _answer(await run_in_threadpool(backend.load))

    app.mount("/review/static", StaticFiles(directory=str(STATIC)), name="review-static")
    app.mount("/", site)
    return app


async def _json(request: Request) -> Any:
    try:
        return await request.json()
    except ValueError:
        return None


def _answer(answer: Answer) -> JSONResponse:
    status, body = answer
    return JSONResponse(body, status_code=status, headers={"cache-control": "no-store"})
