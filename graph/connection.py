"""Which Neo4j to talk to and how: the local server's home, or the one named by GOVGRAPH_NEO4J_URI."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import neo4j
from govgraph.graph.errors import ConnectionFailed
from govgraph.graph.queries import cypher
from govgraph.graph.server import Home
from govgraph.graph.settings import Settings
from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable


@dataclass(frozen=True)
class Target:
    uri: str
    user: str
    password: str
    database: str


def resolve_target(settings: Settings) -> Target:
    """An external server when configured, else the local one whose URI and password live in its home."""
    if settings.external:
        assert settings.neo4j_uri is not None
        return Target(
            settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password or "", settings.neo4j_database
        )
    home = Home(settings.resolved_home)
    return Target(home.bolt_uri(), "neo4j", home.password(), settings.neo4j_database)


CONNECTION_TIMEOUT = 30.0  # a loopback connect on a busy machine can take seconds; a dead one fails at once


def open_driver(target: Target, connection_timeout: float = CONNECTION_TIMEOUT) -> Driver:
    """A driver that keeps the server's query hints (e.g. "property does not exist") out of the user's way."""
    return GraphDatabase.driver(
        target.uri,
        auth=(target.user, target.password),
        connection_timeout=connection_timeout,
        max_transaction_retry_time=5.0,
        notifications_min_severity="OFF",
    )


@contextmanager
def connect(target: Target) -> Iterator[Driver]:
    """A driver that has proved it can reach and log in to the server, closed on exit."""
    driver = open_driver(target)
    try:
        try:
            driver.verify_connectivity()
        except AuthError as exc:
            raise ConnectionFailed(f"Neo4j at {target.uri} refused the credentials: {exc.message}") from exc
        except (ServiceUnavailable, OSError) as exc:
            raise ConnectionFailed(
                f"Neo4j at {target.uri} does not answer ({exc}). "
                "Start the local one with 'govgraph db start' or check GOVGRAPH_NEO4J_URI."
            ) from exc
        yield driver
    finally:
        driver.close()


def bolt_answers(target: Target) -> bool:
    """Whether the database answers a query right now; used while waiting for a server to come up.

    A login alone is not enough: Neo4j accepts Bolt logins before its default database is online, and a
    command run in that window would be refused.
    """
    driver = open_driver(target)
    try:
        # One auto-commit query, no retries: a managed transaction would retry (and log each retry) while
        # the server is still starting, which this poll already does at its own pace.
        with driver.session(database=target.database, default_access_mode=neo4j.READ_ACCESS) as session:
            session.run(cypher("db/ping")).consume()
        return True
    except (ServiceUnavailable, OSError, neo4j.exceptions.DriverError, neo4j.exceptions.Neo4jError):
        return False
    finally:
        driver.close()
