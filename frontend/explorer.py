"""The explorer page at ``/``: an interactive view of one area at a time, fed only by the GraphQL API.

``mount_explorer`` adds the page and its assets to an app made by ``api.app.create_app``. The API does not
import this package (both depend on ``graph`` only); ``govgraph serve`` composes the two.

Routes:
  /                              the explorer (the style table embedded, so it draws like the diagrams)
  /explorer/static/...           its script and styles (frontend/static)
  /explorer/vendor/vis-network.* vis-network as pyvis ships it
  /explorer/standalone.html      the standalone diagram page with a mark where the explorer puts its view
                                 when it exports one
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from frontend.assets import STATIC, script_json, templates, vis_css, vis_js
from frontend.render import PAYLOAD_MARK, PHYSICS_LIMIT, network_options, page
from frontend.style import style_table

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


def mount_explorer(app: FastAPI) -> FastAPI:
    """Add the explorer to ``app`` (returned, for chaining)."""

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
