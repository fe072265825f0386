"""Which Neo4j to talk to and how: the local server's home, or the one named by GOVGRAPH_NEO4J_URI."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import neo4j
from govgraph.graph.errors import ConnectionFailed
from govgraph.graph.queries import cypher
from govgraph.graph.server import LocalServer, Proof
from govgraph.graph.settings import Settings
from neo4j import Driver, GraphDatabase
from neo4j.auth_management import AsyncAuthManager, AuthManager
from neo4j.exceptions import AuthError, ClientError, Neo4jError, ServiceUnavailable


@dataclass(frozen=True)
class Target:
    uri: str
    user: str
    password: str
    database: str
    # For the local server: that the server at ``uri`` is its home's own, checked before every login.
    proof: Proof | None = field(default=None, compare=False, repr=False)


def resolve_target(settings: Settings) -> Target:
    """An external server when configured, else the local one whose URI and password live in its home,
    once it is proven to be that home's running server (``LocalServer.proof``): the port in a home's state
    may belong to another home's server by now, and our password must never be sent there."""
    if settings.external:
        assert settings.neo4j_uri is not None
        return Target(
            settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password or "", settings.neo4j_database
        )
    server = LocalServer(settings, progress=lambda message: None)
    proof = server.proof()
    return Target(proof.uri, "neo4j", server.home.password(), settings.neo4j_database, proof)


class _ProvenAuth(AuthManager):
    """The target's credentials, handed to the driver for each connection only while its proof holds
    (the driver asks after connecting and before logging in): a driver that outlives its server (an
    API whose Neo4j was stopped) then never logs in to whatever took the port since."""

    def __init__(self, target: Target) -> None:
        self.token = (target.user, target.password)  # one object: the driver re-logs in when it changes
        self.proof = target.proof

    def get_auth(self) -> tuple[str, str]:
        if self.proof is not None and not self.proof.holds():
            raise ServiceUnavailable(self.proof.refusal())
        return self.token

    def handle_security_exception(self, auth: object, error: Neo4jError) -> bool:
        return False


class _AsyncProvenAuth(AsyncAuthManager):
    """``_ProvenAuth`` for the async driver, which takes only an ``AsyncAuthManager``."""

    def __init__(self, target: Target) -> None:
        self.sync = _ProvenAuth(target)

    async def get_auth(self) -> tuple[str, str]:
        return self.sync.get_auth()

    async def handle_security_exception(self, auth: object, error: Neo4jError) -> bool:
        return False


def driver_auth(target: Target) -> tuple[str, str] | AuthManager:
    """What a driver for ``target`` logs in with: for the local server, only while it is proven ours."""
    return (target.user, target.password) if target.proof is None else _ProvenAuth(target)


def async_driver_auth(target: Target) -> tuple[str, str] | AsyncAuthManager:
    return (target.user, target.password) if target.proof is None else _AsyncProvenAuth(target)


CONNECTION_TIMEOUT = 30.0  # a loopback connect on a busy machine can take seconds; a dead one fails at once


def open_driver(target: Target, connection_timeout: float = CONNECTION_TIMEOUT) -> Driver:
    """A driver that keeps the server's query hints (e.g. "property does not exist") out of the user's way."""
    return GraphDatabase.driver(
        target.uri,
        auth=driver_auth(target),
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
        except ClientError as exc:  # AuthenticationRateLimit: logins locked after repeated wrong ones
            if not (exc.code or "").startswith("Neo.ClientError.Security."):
                raise
            raise ConnectionFailed(f"Neo4j at {target.uri} refused the login: {exc.message}") from exc
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
