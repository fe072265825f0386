"""The explorer page at ``/``: an interactive view of one area at a time, fed only by the GraphQL API.

``mount_explorer`` adds the page and its assets to an app made by ``api.app.create_app``. The API does not
import this package (both depend on ``graph`` only); ``govgraph serve`` composes the two.

Routes:
  /                              the explorer (the style table embedded, so it draws like the diagrams)
  /explorer/static/...           its script and styles (frontend/static)
  /explorer/vendor/vis-network.* vis-network as pyvis ships it
  /explorer/standalone.html      the standalone diagram page with a mark where the explorer puts its view
                                 when it exports one
  /explorer/api/view?area=A      what GraphQL does not compute: the accountability view's positions and
                                 each body's centrality (frontend.analysis), for the area's parties
  /explorer/api/compare?a=A&b=B  two areas side by side (frontend.compare): both accountability views,
                                 matched bodies in a row, every line marked as in both or one only
  /explorer/api/overview         every area as one dot, sized by its bodies (frontend.overview), with
                                 the lines between areas whose parties are related; counts only, so
                                 it stays small and quick at 1,500 areas

The three JSON routes read through ``graph`` and the named statements of ``cypher/diagram``, in a read
transaction, like the standalone diagrams; everything else the page shows comes from /graphql.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from govgraph.frontend.analysis import accountability_layout, centrality
from govgraph.frontend.assets import STATIC, script_json, templates, vis_css, vis_js
from govgraph.frontend.compare import compare_areas, side_by_side
from govgraph.frontend.overview import explorer_overview
from govgraph.frontend.read import UnknownArea, check_area, read_area_counts, read_graph
from govgraph.frontend.render import PAYLOAD_MARK, PHYSICS_LIMIT, network_options, page
from govgraph.frontend.style import DEFAULT_EDGE_TYPES, style_table
from govgraph.graph.connection import Target, open_driver
from govgraph.graph.errors import GraphError
from neo4j import Driver
from neo4j.exceptions import DriverError, Neo4jError

# A page that runs only its own scripts and talks only to its own server (the IDE link is same-origin).
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


def explorer_config() -> dict:
    """What the page needs besides data: the style table, vis-network options, where findings go."""
    return {
        **style_table(),
        "options": network_options(physics=True),
        "physicsLimit": PHYSICS_LIMIT,
        "payloadMark": PAYLOAD_MARK,
    }


def area_view(driver: Driver, database: str | None, area: str) -> dict[str, Any]:
    """The accountability view's positions and the bodies' centrality for one area."""
    check_area(driver, database, area)
    graph = read_graph(driver, database, area, DEFAULT_EDGE_TYPES)
    layout = accountability_layout(graph)
    return {
        "area": area,
        "positions": {k: {"x": x, "y": y} for k, (x, y) in layout.positions.items()},
        "levels": layout.levels,
        "centrality": centrality(graph),
    }


def all_areas(driver: Driver, database: str | None) -> dict[str, Any]:
    return explorer_overview(*read_area_counts(driver, database))


def area_comparison(driver: Driver, database: str | None, a: str, b: str) -> dict[str, Any]:
    return side_by_side(compare_areas(driver, database, a, b))


def mount_explorer(app: FastAPI, target: Target | None = None) -> FastAPI:
    """Add the explorer to ``app`` (returned, for chaining). ``target`` (a ``graph.connection`` target)
    is the Neo4j the JSON routes read; without it they answer 503."""
    driver: Driver | None = None

    def answer(compute: Callable[[Driver], dict[str, Any]]) -> JSONResponse:
        nonlocal driver
        if target is None:
            return JSONResponse({"error": "this server reads no graph for the explorer"}, status_code=503)
        try:
            if driver is None:
                driver = open_driver(target)  # lives as long as the app
            return JSONResponse(compute(driver))
        except UnknownArea as exc:
            return JSONResponse({"error": str(exc)}, status_code=404)
        except (GraphError, Neo4jError, DriverError) as exc:
            return JSONResponse({"error": f"Neo4j did not answer: {exc}"}, status_code=503)

    database = target.database if target else None

    @app.get("/explorer/api/view", include_in_schema=False)
    async def view(area: str = Query(..., max_length=200)) -> JSONResponse:
        return await run_in_threadpool(answer, lambda d: area_view(d, database, area))

    @app.get("/explorer/api/compare", include_in_schema=False)
    async def compare(
        a: str = Query(..., max_length=200), b: str = Query(..., max_length=200)
    ) -> JSONResponse:
        return await run_in_threadpool(answer, lambda d: area_comparison(d, database, a, b))

    @app.get("/explorer/api/overview", include_in_schema=False)
    async def overview() -> JSONResponse:
        return await run_in_threadpool(answer, lambda d: all_areas(d, database))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def explorer() -> HTMLResponse:
        html = templates().get_template("explorer.html").render(config=script_json(explorer_config()))
        return HTMLResponse(html, headers={"content-security-policy": CSP})

    @app.get("/explorer/vendor/vis-network.min.js", include_in_schema=False)
    async def vis_script() -> Response:
        return Response(vis_js(), media_type="text/javascript", headers=_cached())

    @app.get("/explorer/vendor/vis-network.css", include_in_schema=False)
    async def vis_styles() -> Response:
        return Response(vis_css(), media_type="text/css", headers=_cached())

    @app.get("/explorer/standalone.html", response_class=HTMLResponse, include_in_schema=False)
    async def standalone_shell() -> HTMLResponse:
        return HTMLResponse(page(None))

    app.mount("/explorer/static", StaticFiles(directory=str(STATIC)), name="explorer-static")
    return app


def _cached() -> dict[str, str]:
    return {"cache-control": "public, max-age=3600"}
