"""Reading from Neo4j for the API: async, read-only, time-limited, and counted per request.

Every statement runs in a read transaction (read access mode) with a timeout; a database that is down
becomes an ``Unavailable`` error the client can understand, and the driver reconnects by itself once the
server is back, since each request opens a fresh session.

A compiled statement is one read, so it runs as an auto-commit transaction in a read session: RUN and PULL
go out together and the answer comes back in one round trip, where a managed transaction costs three
(BEGIN, RUN + PULL, COMMIT), each a wake-up of this process and of Neo4j. Neo4j refuses writes in it
(access mode READ) and stops it at the timeout, as it does a managed one.
"""

from __future__ import annotations

import asyncio
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from govgraph.graph.connection import Target, async_driver_auth
from govgraph.graph.queries import cypher
from neo4j import (
    READ_ACCESS,
    AsyncDriver,
    AsyncGraphDatabase,
    AsyncManagedTransaction,
    AsyncSession,
    Query,
    unit_of_work,
)
from neo4j.exceptions import ClientError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired


class ApiError(Exception):
    """An error whose message is safe and useful to show a client (no Cypher, no stack)."""

    code = "BAD_REQUEST"

    @property
    def extensions(self) -> dict[str, str]:
        """GraphQL copies these into the error, so clients can branch on ``code``."""
        return {"code": self.code}


class Unavailable(ApiError):
    code = "UNAVAILABLE"

    def __init__(
        self, message: str = "The graph database is unavailable right now; try again shortly."
    ) -> None:
        super().__init__(message)


def is_outage(exc: BaseException) -> bool:
    """Whether a driver error means the server cannot be reached, rather than a statement it refused."""
    if isinstance(exc, ServiceUnavailable | SessionExpired | OSError):
        return True
    text = str(exc).lower()
    return isinstance(exc, Neo4jError | DriverError) and ("unavailable" in text or "connect" in text)


class QueryTimeout(ApiError):
    code = "TIMEOUT"


# While Neo4j restarts, its Bolt port accepts connections before the server has finished starting, and a
# query sent then waits inside Neo4j (the fresh JVM's first query, beside the rest of the start): 20-32 s
# measured by bench.faults_bench's restart at load average 10-31 (RUN answered after 19.2 s in the driver's
# log). After an outage each read is therefore bounded by COLD_TIMEOUT (GOVGRAPH_API_COLD_TIMEOUT) and
# answered UNAVAILABLE past it, until the warm-up (api.app.WARM_UP) has run again; it alone may wait as
# long as a statement may run (WARMING).
COLD_TIMEOUT = 5.0
ACQUISITION_TIMEOUT = 5.0  # the driver's wait for a connection, Bolt handshake and login included
GRACE = 5.0  # past Neo4j's own transaction timeout (checked every 2 s): a server silent that long is gone
WARMING: ContextVar[bool] = ContextVar("warming", default=False)  # set by the warm-up for its own reads


class StillStarting(Unavailable):
    """A read past the cold bound after an outage: Neo4j accepts connections but does not answer yet."""

    def __init__(self, seconds: float) -> None:
        super().__init__(
            f"The graph database is starting or not answering (no answer within {seconds:g}s); "
            "try again shortly."
        )


@dataclass
class StatementLog:
    """The named statements one request sent; the N+1 test and the response extensions read it."""

    names: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


class Store:
    def __init__(
        self,
        target: Target,
        timeout: float,
        cold_timeout: float = COLD_TIMEOUT,
        acquisition_timeout: float = ACQUISITION_TIMEOUT,
    ) -> None:
        self.target = target
        self.timeout = timeout
        self.cold_timeout = cold_timeout
        self.warm = False  # the common plans are made (see api.app.WARM_UP); reset by an outage
        self.recovering = False  # an outage was seen and the warm-up has not yet run again since
        self.driver: AsyncDriver = AsyncGraphDatabase.driver(
            target.uri,
            auth=async_driver_auth(target),
            connection_timeout=3.0,
            connection_acquisition_timeout=acquisition_timeout,
            max_transaction_retry_time=2.0,
            notifications_min_severity="OFF",
            telemetry_disabled=True,  # one message less on each session's first transaction
        )

    async def close(self) -> None:
        await self.driver.close()

    async def read(self, name: str, log: StatementLog | None = None, **params: Any) -> list[dict[str, Any]]:
        """Run one named statement in a read transaction and return its rows as plain dicts."""
        if log is not None:
            log.names.append(name)
        return await self._run(_fetch, cypher(name), params)

    async def one(
        self, text: str, params: dict[str, Any], log: StatementLog, name: str
    ) -> dict[str, Any] | None:
        """Run one compiled statement (logged under ``name``, its text kept) and return its only row."""
        log.names.append(name)
        log.texts.append(text)
        return await self._guarded(self._auto_commit(text, params))

    async def _auto_commit(self, text: str, params: dict[str, Any]) -> dict[str, Any] | None:
        async with self._session() as session:
            result = await session.run(Query(text, timeout=self.timeout), params)
            record = await result.single(strict=False)
            return dict(record.items()) if record is not None else None

    async def _run(self, work: Any, text: str, params: dict[str, Any]) -> Any:
        work = unit_of_work(timeout=self.timeout)(work)
        return await self._guarded(self._managed(work, text, params))

    async def _managed(self, work: Any, text: str, params: dict[str, Any]) -> Any:
        async with self._session() as session:
            return await session.execute_read(work, text, params)

    def _session(self) -> AsyncSession:
        return self.driver.session(database=self.target.database, default_access_mode=READ_ACCESS)

    def bound(self) -> float:
        """How long a read may take in all: after an outage, until warm again, the cold bound (a
        restarting Neo4j holds the queries sent while it starts); else as long as Neo4j lets a
        statement run, and a little more (it stops one at ``timeout``; a server past that is gone)."""
        if self.recovering and not WARMING.get():
            return self.cold_timeout
        return self.timeout + GRACE

    def outage(self) -> None:
        """Neo4j went away: a restarted server has lost its plans, and answers slowly until warm."""
        self.warm = False
        self.recovering = True

    async def _guarded(self, reading: Any) -> Any:
        """Await a read within its bound, turning driver errors into the client's errors."""
        seconds = self.bound()
        try:
            async with asyncio.timeout(seconds):
                return await reading
        except TimeoutError as exc:
            self.outage()
            raise StillStarting(seconds) from exc
        except ClientError as exc:
            if "Timeout" in (exc.code or "") or "timeout" in (exc.message or "").lower():
                raise QueryTimeout(
                    f"The query took longer than {self.timeout:.0f}s and was stopped."
                ) from exc
            raise
        except (Neo4jError, DriverError, OSError) as exc:
            if is_outage(exc):
                self.outage()
                raise Unavailable() from exc
            raise


async def _fetch(tx: AsyncManagedTransaction, text: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    result = await tx.run(text, params)
    return [dict(record.items()) async for record in result]
