"""The schema: constraints and indexes from cypher/schema, applied idempotently and online."""

from __future__ import annotations

from govgraph.graph.queries import cypher
from govgraph.graph.schema import apply_schema, expected_index_names, schema_statements
from govgraph.graph.settings import Settings


def indexes(driver) -> dict[str, str]:  # type: ignore[no-untyped-def]
    records, _, _ = driver.execute_query(cypher("db/indexes"), database_=Settings().neo4j_database)
    return {r["name"]: r["state"] for r in records}


def test_schema_applies_twice_and_every_index_is_online(driver, empty_db) -> None:  # type: ignore[no-untyped-def]
    first = apply_schema(driver, "neo4j")
    before = indexes(driver)
    second = apply_schema(driver, "neo4j")
    assert first == second == schema_statements()
    assert indexes(driver) == before
    expected = expected_index_names()
    assert len(expected) == len(schema_statements())
    assert expected <= set(before)
    assert all(before[name] == "ONLINE" for name in expected)


def test_ids_are_unique(bundled) -> None:  # type: ignore[no-untyped-def]
    result = bundled("cypher", "CREATE (:Entity:Body {id: 'wirral/lscb'})", "--write")
    assert result.exit_code == 2
    assert "already exists" in result.stderr
