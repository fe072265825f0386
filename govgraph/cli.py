"""The ``govgraph`` command: the one place that composes the graph layer, the loaders and the servers."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click
from neo4j import READ_ACCESS, WRITE_ACCESS, Driver
from neo4j.exceptions import ClientError, Neo4jError

from govgraph import output
from govgraph.graph.connection import connect, resolve_target
from govgraph.graph.errors import GraphError
from govgraph.graph.queries import cypher as named_cypher
from govgraph.graph.schema import apply_schema
from govgraph.graph.server import LocalServer
from govgraph.graph.settings import Settings, load_settings
from govgraph.lazy_group import LazyGroup
from govgraph.loaders.errors import InputError

if TYPE_CHECKING:  # the loaders (YAML, validation) are imported by the commands that load: not by `check`
    from govgraph.loaders.load import LoadReport

# The protocols shipped in the repository; an installed copy (e.g. the Docker image) says where they are.


def _bundled_default() -> Path:
    """examples/protocols of the repository, shipped in the package as govgraph/bundled, so that an
    installed govgraph serves them out of the box."""
    here = Path(__file__).resolve().parent
    installed = here / "bundled"
    return installed if installed.is_dir() else here.parent / "examples" / "protocols"


BUNDLED = Path(os.environ.get("GOVGRAPH_BUNDLED") or _bundled_default())
USAGE_ERROR = 2


def say(message: str) -> None:
    click.echo(message, err=True)


@click.group(
    cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@click.version_option(package_name="govgraph")
def main() -> None:
    """govgraph: safeguarding governance protocols as a Neo4j graph.

    By default govgraph runs its own Neo4j 5.26 in your data directory (GOVGRAPH_HOME overrides it).
    Set GOVGRAPH_NEO4J_URI (with _USER, _PASSWORD, _DATABASE) to use a server of your own instead.
    """


# -- db ---------------------------------------------------------------------------------------------------


@main.group()
def db() -> None:
    """Start, stop and inspect the local Neo4j server."""


@db.command()
def start() -> None:
    """Start the local Neo4j (a no-op if it runs); print its Bolt URI.

    The first start fetches the Neo4j jars with Maven and generates a password, kept in
    GOVGRAPH_HOME/password (readable by you only).
    """
    settings = _settings()
    if settings.external:
        say(f"GOVGRAPH_NEO4J_URI is set ({settings.neo4j_uri}): nothing to start.")
        return
    server = LocalServer(settings, progress=say)
    already = server.pid() is not None
    uri = _run(server.start)
    say("Neo4j is already running." if already else "Neo4j is up.")
    click.echo(uri)


@db.command()
def stop() -> None:
    """Shut the local Neo4j down cleanly; the data stays for the next start."""
    settings = _settings()
    if settings.external:
        say("GOVGRAPH_NEO4J_URI is set: govgraph does not stop a server it did not start.")
        return
    stopped = _run(LocalServer(settings, progress=say).stop)
    say("Neo4j stopped." if stopped else "Neo4j was not running.")


@db.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def status(fmt: str) -> None:
    """Show the Neo4j version, edition, URI, data directory and whether it runs (exit 1 if not)."""
    settings = _settings()
    info: dict[str, object] = {"mode": "external" if settings.external else "local"}
    if settings.external:
        info.update(uri=settings.neo4j_uri, data=None)
    else:
        local = LocalServer(settings).status()
        info.update(uri=local.uri, data=str(local.data), home=str(local.home), pid=local.pid)
    info.update(running=False, version=None, edition=None)
    if settings.external or info.get("pid"):
        try:
            with _driver(settings) as driver:
                records, _, _ = driver.execute_query(
                    named_cypher("db/components"), routing_="r", database_="system"
                )
                info.update(running=True, version=records[0]["version"], edition=records[0]["edition"])
        except GraphError as exc:
            info["error"] = str(exc)
    if fmt == "json":
        click.echo(json.dumps(info, indent=2))
    else:
        for key, value in info.items():
            click.echo(f"{key:8} {'' if value is None else value}")
    sys.exit(0 if info["running"] else 1)


# -- cypher -----------------------------------------------------------------------------------------------


@main.command("cypher")
@click.argument("query")
@click.option(
    "--param",
    "-p",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="A query parameter; VALUE is read as JSON when it parses, else as a string.",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--write", is_flag=True, help="Allow the statement to write (default: read access mode).")
def cypher_command(query: str, params: tuple[str, ...], fmt: str, write: bool) -> None:
    """Run one Cypher statement against the configured Neo4j and print the rows.

    \b
    Examples:
      govgraph cypher "MATCH (b:Body) RETURN b.id, b.name ORDER BY b.id"
      govgraph cypher "MATCH (b:Body {id: \\$id})-[r]->(o) RETURN type(r), o.name" -p id=wirral/lscb
    """
    parameters = _parse_params(params)
    settings = _settings()
    with (
        _driver(settings) as driver,
        driver.session(
            database=settings.neo4j_database, default_access_mode=WRITE_ACCESS if write else READ_ACCESS
        ) as s,
    ):
        try:
            runner = s.execute_write if write else s.execute_read
            keys, rows = runner(_fetch, query, parameters)
        except ClientError as exc:
            hint = (
                " (use --write to allow writes)"
                if "write" in (exc.message or "").lower() and not write
                else ""
            )
            say(f"error: Neo4j rejected the statement: {exc.message}{hint}")
            sys.exit(USAGE_ERROR)
        except Neo4jError as exc:
            say(f"error: {exc.message}")
            sys.exit(1)
    click.echo(output.render(keys, rows, fmt))


def _fetch(tx, query: str, parameters: dict) -> tuple[list[str], list[list[object]]]:
    result = tx.run(query, parameters)
    keys = list(result.keys())
    return keys, [list(record.values()) for record in result]


def _parse_params(params: tuple[str, ...]) -> dict[str, object]:
    parsed: dict[str, object] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"'{item}' is not KEY=VALUE", param_hint="--param")
        try:
            parsed[key] = json.loads(value)
        except json.JSONDecodeError:
            parsed[key] = value
    return parsed


# -- load -------------------------------------------------------------------------------------------------


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Rewrite documents even when they are unchanged.")
@click.option(
    "--bulk",
    is_flag=True,
    help="A first load into an empty local database with neo4j-admin import (stops Neo4j meanwhile).",
)
def load(files: tuple[Path, ...], force: bool, bulk: bool) -> None:
    """Validate, then load protocol YAML files and membership register CSVs (or folders of them).

    Every file is validated before anything is written; one bad file stops the whole load with a
    message naming its file, line and field (exit 2) and leaves the database as it was. Documents are
    then written several to a transaction, each replacing what the same document wrote before.
    """
    from govgraph import load_command

    documents = _read_or_exit(load_command.expand(files))
    settings = _settings()
    if bulk:
        reports = load_command.bulk(settings, documents)
    else:
        with _driver(settings) as driver:
            reports = _load_or_exit(driver, settings, documents, force)
    for report in reports:
        click.echo(report.describe())


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Check protocol YAML and register CSV files without touching any database (exit 2 on a problem)."""
    from govgraph import load_command

    for document in _read_or_exit(load_command.expand(files), rows=False):
        click.echo(f"OK {document.path}: {document.summary()}")


# -- up ---------------------------------------------------------------------------------------------------


@main.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
def up(files: tuple[Path, ...]) -> None:
    """Start Neo4j (unless GOVGRAPH_NEO4J_URI is set), apply the schema and load protocols.

    With no FILES, loads the bundled Leicester and Wirral protocols.
    """
    documents = _read_or_exit(files or _bundled())
    settings = _settings()
    if not settings.external:
        uri = _run(LocalServer(settings, progress=say).start)
        say(f"Neo4j is up at {uri}")
    with _driver(settings) as driver:
        reports = _load_or_exit(driver, settings, documents, force=False)
        for report in reports:
            click.echo(report.describe())
        click.echo(output.graph_summary(driver, settings.neo4j_database))


# -- serve ------------------------------------------------------------------------------------------------


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
def serve(host: str, port: int) -> None:
    """Serve the explorer at /, the GraphQL API at /graphql (with its IDE), /healthz and /readyz.

    Uses the local Neo4j, starting it and loading the bundled protocols when the database is empty, or
    the server named by GOVGRAPH_NEO4J_URI (never seeded: it is yours).
    """
    import uvicorn

    from govgraph.api.app import STATIC, create_app
    from govgraph.frontend.explorer import mount_explorer

    settings = _settings()
    if not settings.external:
        say(f"Neo4j is up at {_run(LocalServer(settings, progress=say).start)}")
    with _driver(settings) as driver:
        apply_schema(driver, settings.neo4j_database)
        if not settings.external and _protocol_count(driver, settings) == 0:
            say("The database is empty: loading the bundled protocols.")
            for report in _load_or_exit(driver, settings, _read_or_exit(_bundled()), force=False):
                say(report.describe())
    if not (STATIC / "ide").is_dir():
        say("note: the GraphQL IDE's scripts are missing; run scripts/fetch-ide-assets (make run does).")
    say(f"govgraph explorer on http://{host}:{port}/ and the GraphQL API on http://{host}:{port}/graphql")
    say("(Ctrl-C stops it; Neo4j keeps running)")
    uvicorn.run(
        # the explorer (frontend) is mounted here, not in api.create_app: the API does not depend on it
        mount_explorer(
            create_app(
                target := _run(lambda: resolve_target(settings)),
                settings.tx_timeout,
                hosts=(*settings.host_names, *([host] if host not in ("0.0.0.0", "::") else [])),
                cold_timeout=settings.api_cold_timeout,
                acquisition_timeout=settings.api_acquisition_timeout,
            ),
            target,
        ),
        host=host,
        port=port,
        log_level="warning",
        access_log=False,  # info-level lines a warning level drops anyway, formatted on every request
        proxy_headers=False,  # nothing reads the client address or scheme: spare the per-request rewrite
    )


def _protocol_count(driver: Driver, settings: Settings) -> int:
    records, _, _ = driver.execute_query(
        named_cypher("db/protocol_count"), database_=settings.neo4j_database, routing_="r"
    )
    return records[0]["protocols"]


def _bundled() -> tuple[Path, ...]:
    paths = tuple(sorted(BUNDLED.glob("*.yaml")))
    if not paths:
        say(f"error: no bundled protocols in {BUNDLED} (set GOVGRAPH_BUNDLED)")
        sys.exit(USAGE_ERROR)
    return paths


# -- helpers ----------------------------------------------------------------------------------------------


def _settings() -> Settings:
    try:
        return load_settings()
    except ValueError as exc:
        say(f"error: bad GOVGRAPH_* setting: {exc}")
        sys.exit(USAGE_ERROR)


@contextmanager
def _driver(settings: Settings) -> Iterator[Driver]:
    try:
        target = resolve_target(settings)
        with connect(target) as driver:
            yield driver
    except GraphError as exc:
        say(f"error: {exc}")
        sys.exit(1)


def _run(action):  # type: ignore[no-untyped-def]
    try:
        return action()
    except GraphError as exc:
        say(f"error: {exc}")
        sys.exit(1)


def _read_or_exit(files: tuple[Path, ...], rows: bool = True):  # type: ignore[no-untyped-def]
    from govgraph.loaders.load import read_documents

    try:
        return read_documents(list(files), progress=say, rows=rows)
    except InputError as exc:
        say(f"error: {exc}")
        sys.exit(USAGE_ERROR)


def _load_or_exit(driver: Driver, settings: Settings, documents, force: bool) -> list[LoadReport]:  # type: ignore[no-untyped-def]
    try:
        apply_schema(driver, settings.neo4j_database)
    except Neo4jError as exc:
        say(f"error: Neo4j refused the schema, nothing was loaded: {exc.message}")
        sys.exit(1)
    from govgraph.loaders.load import LoadFailed, load_documents

    try:
        return load_documents(
            driver, settings.neo4j_database, documents, force=force, progress=say, timeout=settings.tx_timeout
        )
    except InputError as exc:
        say(f"error: {exc}")
        sys.exit(USAGE_ERROR)
    except LoadFailed as exc:
        say(f"error: {exc}")
        sys.exit(1)


# -- commands defined in modules of their own -------------------------------------------------------------

# imported when run (govgraph/lazy_group.py): `check` must not pay for the API's and diagrams' imports
main.add_lazy("check", "govgraph.check_command:check")
main.add_lazy("extract", "govgraph.extract_command:extract")

main.add_lazy("diagram", "govgraph.diagram_command:diagram")

main.add_lazy("review", "govgraph.review_command:review")

main.add_lazy("compare", "govgraph.compare_command:compare")


if __name__ == "__main__":
    main()
