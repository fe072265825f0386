"""``govgraph review DRAFT.yaml``: review a draft in the browser, save it, load it, see it in the explorer."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from fastapi import FastAPI

from govgraph.graph.connection import resolve_target
from govgraph.graph.errors import GraphError
from govgraph.graph.server import LocalServer
from govgraph.graph.settings import Settings, load_settings
from govgraph.review_draft import DraftReview, ReviewService

USAGE_ERROR = 2
HOST = "127.0.0.1"  # the page writes files on this machine: it is never served to the network


@click.command()
@click.argument("draft", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Save the reviewed file here instead of over DRAFT (source: is rewritten to stay valid).",
)
@click.option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535))
def review(draft: Path, output: Path | None, port: int) -> None:
    """Review DRAFT.yaml (from `govgraph extract`) in the browser, then save and load it.

    \b
    Serves, on http://127.0.0.1:PORT/review (this machine only, no internet needed):
      - the protocol's source text with every clause, body, role, duty, relation, declaration and
        approval of the draft highlighted where its quote stands;
      - each suggestion to accept (a), reject (r) or edit (e); n / p move to the next / previous one
        still to decide; flagged and low-confidence suggestions are listed apart;
      - select words in the text to add a relation or a duty quoting them (its clause is the one
        the selection lies in; from / to are picked from the draft's bodies and roles);
      - the loader's verdict on the reviewed file, live, as `govgraph validate` would say it;
      - Save writes the reviewed file (only when it validates; rejected items are left out, each
        decision is a comment); Load loads it as `govgraph load` does and opens the explorer on its area.
    Unsaved decisions survive a page reload (they are kept in the browser, per draft and version).

    Uses the local Neo4j, starting it as `govgraph serve` does, or the one named by GOVGRAPH_NEO4J_URI.
    The explorer and the GraphQL API are served on the same port.

    \b
    Example:
      govgraph extract protocol.docx --area Kent -o kent.yaml
      govgraph review kent.yaml
    """
    import uvicorn

    settings = _settings()
    session = DraftReview(draft, output, settings)
    status, payload = ReviewService(session).payload()
    if status != 200:
        _fail(payload["message"])
    if output is not None and not session.output.parent.is_dir():
        _fail(f"{output}: no such folder")
    app = review_site(session, settings)
    click.echo(f"Reviewing {session.draft} on http://{HOST}:{port}/review", err=True)
    click.echo(
        f"(saves to {session.output}; the explorer is at http://{HOST}:{port}/; Ctrl-C stops)", err=True
    )
    uvicorn.run(app, host=HOST, port=port, log_level="warning")


def review_site(session: DraftReview, settings: Settings) -> FastAPI:
    """The review page in front of the API and the explorer, against the configured Neo4j."""
    from govgraph.api.app import create_app
    from govgraph.frontend.explorer import mount_explorer
    from govgraph.frontend.review import review_app

    if not settings.external:
        try:
            uri = LocalServer(settings, progress=lambda m: click.echo(m, err=True)).start()
        except GraphError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)
        click.echo(f"Neo4j is up at {uri}", err=True)
    target = resolve_target(settings)
    site = mount_explorer(create_app(target, settings.tx_timeout), target)
    return review_app(ReviewService(session), site)


def _settings() -> Settings:
    try:
        return load_settings()
    except ValueError as exc:
        _fail(f"bad GOVGRAPH_* setting: {exc}")
        raise AssertionError from exc  # not reached


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(USAGE_ERROR)
