"""The schema: every statement under ``cypher/schema`` (constraints and indexes), applied idempotently."""

from __future__ import annotations

from govgraph.graph.queries import cypher, names
from neo4j import Driver

SCHEMA_FOLDER = "schema"


def schema_statements() -> list[str]:
    return names(SCHEMA_FOLDER)


def apply_schema(driver: Driver, database: str) -> list[str]:
    """Create what is missing (each file says IF NOT EXISTS) and wait until the indexes are online.

    Schema statements cannot share a transaction with writes, so they run before any load, each in its
    own auto-commit transaction.
    """
    applied = []
    with driver.session(database=database) as session:
        for name in schema_statements():
            session.run(cypher(name)).consume()
            applied.append(name)
        session.run(cypher("db/await_indexes")).consume()
    return applied


def expected_index_names() -> set[str]:
    """The index/constraint names the schema files create (the word after CREATE ... )."""
    found = set()
    for name in schema_statements():
        words = cypher(name).split()
        for keyword in ("CONSTRAINT", "INDEX"):
            if keyword in words:
                found.add(words[words.index(keyword) + 1])
                break
    return found
