"""Write one document's GraphBatch in one transaction: idempotent, batched, replacing what it wrote before."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from neo4j import Driver, ManagedTransaction, ResultSummary

from graph.queries import cypher
from loaders.batch import GraphBatch

BATCH_ROWS = 2_000
Progress = Callable[[str], None]


@dataclass
class WriteResult:
    source: str
    written: bool
    counts: dict[str, int] = field(default_factory=dict)
    nodes_created: int = 0
    nodes_deleted: int = 0
    edges_created: int = 0
    edges_deleted: int = 0
    pruned: int = 0


def stored_digest(driver: Driver, database: str, source: str) -> str | None:
    records, _, _ = driver.execute_query(
        cypher("load/document_digest"), source=source, database_=database, routing_="r"
    )
    return records[0]["digest"] if records else None


def write_batch(
    driver: Driver, database: str, batch: GraphBatch, *, force: bool = False, progress: Progress | None = None
) -> WriteResult:
    """Replace the document's content in one transaction, or do nothing if it is unchanged.

    Unchanged means the same digest of the YAML and its source text is stored already; ``force`` rewrites
    anyway (useful after a loader upgrade).
    """
    if not force and stored_digest(driver, database, batch.source) == batch.digest:
        return WriteResult(
            batch.source, written=False, counts=document_counts(driver, database, batch.source)
        )
    with driver.session(database=database) as session:
        result = session.execute_write(_replace, batch, progress)
    result.counts = document_counts(driver, database, batch.source)
    return result


def _replace(tx: ManagedTransaction, batch: GraphBatch, progress: Progress | None) -> WriteResult:
    result = WriteResult(batch.source, written=True)
    deleted = tx.run(cypher("load/delete_document_content"), source=batch.source)
    previously = deleted.single(strict=True)["previously"]
    _tally(result, deleted.consume())
    done, total = 0, len(batch.nodes) + len(batch.edges)
    for statement, rows in (("load/merge_nodes", batch.nodes), ("load/merge_edges", batch.edges)):
        for chunk in _chunks(rows, BATCH_ROWS):
            outcome = tx.run(cypher(statement), rows=chunk)
            if statement == "load/merge_edges" and (missing := outcome.single(strict=True)["missing"]):
                raise RuntimeError(f"{batch.source}: {missing} edges name a node that does not exist")
            _tally(result, outcome.consume())
            done += len(chunk)
            if progress and total > BATCH_ROWS:
                progress(f"  {batch.source}: {done}/{total} rows")
    pruned = tx.run(cypher("load/prune_orphans"), ids=previously)
    result.pruned = pruned.single(strict=True)["pruned"]
    _tally(result, pruned.consume())
    return result


def _tally(result: WriteResult, summary: ResultSummary) -> None:
    counters = summary.counters
    result.nodes_created += counters.nodes_created
    result.nodes_deleted += counters.nodes_deleted
    result.edges_created += counters.relationships_created
    result.edges_deleted += counters.relationships_deleted


def document_counts(driver: Driver, database: str, source: str) -> dict[str, int]:
    records, _, _ = driver.execute_query(
        cypher("load/document_counts"), source=source, database_=database, routing_="r"
    )
    return {r["kind"]: r["count"] for r in records}


def _chunks(rows: list[dict], size: int) -> Iterator[list[dict]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]
