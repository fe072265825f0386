"""Two reloads of the same documents at once both succeed and leave the graph as one reload would.

Seen in a benchmark: two processes force-reloading the same synthetic areas at the same time; one of them
died with Neo4j's ``EntityNotFound`` ("Unable to load NODE ...") because the other had deleted, in a
transaction committed meanwhile, a node its own delete statement had already matched. Neo4j does not call
that error transient, so the driver does not retry it; the writer must, since a reload is idempotent.
"""

from __future__ import annotations

import threading

from govgraph.graph.settings import Settings
from govgraph.loaders.protocol import read_protocol
from govgraph.loaders.writer import write_batches

from tests.conftest import LEICESTER, PATIENCE, WIRRAL

DATABASE = Settings().neo4j_database
ROUNDS = 12


def graph_contents(driver) -> tuple[list, list]:  # type: ignore[no-untyped-def]
    nodes, _, _ = driver.execute_query(
        "MATCH (n) RETURN n.id AS id, labels(n) AS labels ORDER BY id", database_=DATABASE
    )
    edges, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, r.id AS id ORDER BY a, type, b, id",
        database_=DATABASE,
    )
    return [tuple(r.values()) for r in nodes], [tuple(r.values()) for r in edges]


def test_two_force_reloads_of_the_same_documents_at_once(bundled, driver) -> None:  # type: ignore[no-untyped-def]
    expected = graph_contents(driver)
    batches = [read_protocol(path).batch for path in (LEICESTER, WIRRAL)]
    failures: list[BaseException] = []

    def reload_repeatedly() -> None:
        try:
            for _ in range(ROUNDS):
                for batch in batches:  # one document per transaction, as most reloads are
                    list(write_batches(driver, DATABASE, [batch], force=True, timeout=PATIENCE))
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=reload_repeatedly) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures, failures
    assert graph_contents(driver) == expected
