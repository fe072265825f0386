"""Write documents' GraphBatches: idempotent, batched, each document replacing what it wrote before.

Several documents share one transaction (``GROUP_DOCUMENTS``, fewer with big documents), which keeps
every document atomic (a transaction commits all of its documents or none) while paying the fixed cost
of a transaction, and of each statement's round trip, once per group instead of once per document:
one digest query for the whole load, then per group one delete (only for documents already there), one
node statement and one statement per edge type, and one prune.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from govgraph.graph.queries import cypher
from govgraph.loaders.batch import GraphBatch
from neo4j import Driver, ManagedTransaction, ResultSummary, unit_of_work

BATCH_ROWS = 10_000  # rows per statement
GROUP_DOCUMENTS = 32  # documents per transaction: chosen, not yet measured against other sizes
GROUP_ROWS = 20_000  # ... or fewer documents, once they hold this many rows
DIGEST_ROWS = 10_000
# A transaction may run for the configured timeout plus this much per row, so a first 4,000-clause
# document (8,000 rows) loads on a slow machine while a stuck one is still stopped eventually. Writes run
# at 0.2-0.7 ms a row on a quiet 2-core machine and at 3.6 ms a row at load average 50 (bench/load_bench.py,
# raw and govgraph alike); 5 ms a row left too little margin there (a 4,000-clause document timed out at
# load 59), 50 ms leaves more than tenfold: 8,000 rows may take 60 s + 400 s.
SECONDS_PER_ROW = 0.05
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
    together: int = 1  # documents in the transaction the figures above are for


class Collision(Exception):
    """The write found nodes it may not make or change (another load made them since the checks ran);
    its transaction was rolled back, so nothing of its documents is written."""

    def __init__(self, sources: list[str], ids: list[str]) -> None:
        super().__init__(f"{len(ids)} node ids clash with the database: {', '.join(ids[:5])}")
        self.sources, self.ids = sources, ids


class WriteFailed(Exception):
    """A transaction that did not commit: its documents are not in the database (Neo4j rolled it back)."""

    def __init__(self, sources: list[str], cause: Exception, rows: int, timeout: float) -> None:
        super().__init__(str(cause))
        self.sources, self.cause = sources, cause
        self.rows = rows  # the rows the transaction wrote
        self.timeout = timeout  # the transaction's own: the base setting plus its rows' allowance


def transaction_timeout(base: float, rows: int) -> float:
    """A write's timeout: ``base`` (GOVGRAPH_TX_TIMEOUT) plus an allowance per row, so a big document is
    not stopped for being big (a first 4,000-clause document on a busy machine needs minutes)."""
    return base + rows * SECONDS_PER_ROW


def stored_digests(driver: Driver, database: str, sources: list[str]) -> dict[str, str | None]:
    """The digest each document had when last written; documents not in the database are absent."""
    found: dict[str, str | None] = {}
    for start in range(0, len(sources), DIGEST_ROWS):
        records, _, _ = driver.execute_query(
            cypher("load/document_digests"),
            sources=sources[start : start + DIGEST_ROWS],
            database_=database,
            routing_="r",
        )
        found.update((r["source"], r["digest"]) for r in records)
    return found


def write_batch(
    driver: Driver,
    database: str,
    batch: GraphBatch,
    *,
    force: bool = False,
    progress: Progress | None = None,
    timeout: float = 60.0,
) -> WriteResult:
    """Replace one document's content in one transaction, or do nothing if it is unchanged.

    Unchanged means the same digest of the YAML and its source text is stored already; ``force`` rewrites
    anyway (useful after a loader upgrade).
    """
    return next(iter(write_batches(driver, database, [batch], force=force, timeout=timeout)))


def write_batches(
    driver: Driver,
    database: str,
    batches: Iterable[GraphBatch],
    *,
    force: bool = False,
    timeout: float = 60.0,
    known: dict[str, str | None] | None = None,
    documents_per_transaction: int = GROUP_DOCUMENTS,
) -> Iterator[WriteResult]:
    """Write each changed document, several to a transaction; yield each document's result in order.

    ``known`` is the stored digests (``stored_digests``) when the caller has them already. A failed
    transaction raises ``WriteFailed`` naming its documents; the results yielded before it are committed.
    """
    batches = list(batches) if known is None else batches
    if known is None:
        known = stored_digests(driver, database, [b.source for b in batches])  # type: ignore[union-attr]
    group: list[GraphBatch] = []
    rows = 0
    for batch in batches:
        if not force and batch.source in known and known[batch.source] == batch.digest:
            yield from _flush(driver, database, group, known, timeout)
            group, rows = [], 0
            yield WriteResult(batch.source, written=False, counts=counts_of(batch))
            continue
        group.append(batch)
        rows += len(batch.nodes) + len(batch.edges)
        if len(group) >= documents_per_transaction or rows >= GROUP_ROWS:
            yield from _flush(driver, database, group, known, timeout)
            group, rows = [], 0
    yield from _flush(driver, database, group, known, timeout)


def _flush(
    driver: Driver, database: str, group: list[GraphBatch], known: dict[str, str | None], timeout: float
) -> Iterator[WriteResult]:
    if not group:
        return
    rows = sum(len(b.nodes) + len(b.edges) for b in group)
    allowed = transaction_timeout(timeout, rows)
    work = unit_of_work(timeout=allowed)(_replace)
    try:
        with driver.session(database=database) as session:
            tally = session.execute_write(work, group)
    except Collision:
        raise
    except Exception as exc:  # every failure of a transaction means the same to the user: not written
        raise WriteFailed([b.source for b in group], exc, rows, allowed) from exc
    for batch in group:
        known[batch.source] = batch.digest
        yield WriteResult(
            batch.source,
            written=True,
            counts=counts_of(batch),
            together=len(group),
            **tally,
        )


def _replace(tx: ManagedTransaction, group: list[GraphBatch]) -> dict[str, int]:
    tally: Counter[str] = Counter()
    previously: list[str] = []
    locked = tx.run(cypher("load/lock_documents"), sources=sorted(b.source for b in group))
    existing = [record["source"] for record in locked]
    if existing:
        deleted = tx.run(cypher("load/delete_documents"), sources=existing)
        previously = [node for record in deleted for node in record["previously"]]
        _tally(tally, deleted.consume())
    for chunk in _chunks([row for b in group for row in b.nodes], BATCH_ROWS):
        merged = tx.run(cypher("load/merge_nodes"), rows=chunk)
        if clashes := [record["id"] for record in merged]:
            raise Collision([b.source for b in group], clashes)  # rolls the transaction back
        _tally(tally, merged.consume())
    by_type: dict[str, list[dict]] = defaultdict(list)
    for batch in group:
        for edge in batch.edges:
            by_type[edge["type"]].append({k: edge[k] for k in ("id", "from", "to", "props")})
    for rel_type, edges in sorted(by_type.items()):
        for chunk in _chunks(edges, BATCH_ROWS):
            outcome = tx.run(cypher(f"load/edges/{rel_type}"), rows=chunk)
            if missing := outcome.single(strict=True)["missing"]:
                raise RuntimeError(f"{missing} {rel_type} edges name a node that does not exist")
            _tally(tally, outcome.consume())
    if previously:
        pruned = tx.run(cypher("load/prune_orphans"), ids=previously)
        tally["pruned"] += pruned.single(strict=True)["pruned"]
        _tally(tally, pruned.consume())
    return {
        key: tally[key]
        for key in ("nodes_created", "nodes_deleted", "edges_created", "edges_deleted", "pruned")
    }


def _tally(tally: Counter[str], summary: ResultSummary) -> None:
    counters = summary.counters
    tally["nodes_created"] += counters.nodes_created
    tally["nodes_deleted"] += counters.nodes_deleted
    tally["edges_created"] += counters.relationships_created
    tally["edges_deleted"] += counters.relationships_deleted


def counts_of(batch: GraphBatch) -> dict[str, int]:
    """What the document holds once written, by node label and edge type, known without a query.

    Its nodes are those it owns (they carry its id as ``source``) and the shared ones it DEFINES; its
    edges are those carrying its id. This is what a query of the database would count after the write,
    without reading the edges of shared nodes (legislation is cited by every protocol).
    """
    defined = {e["to"] for e in batch.edges if e["type"] == "DEFINES" and e["from"] == batch.source}
    counts: Counter[str] = Counter(
        n["label"] for n in batch.nodes if n["id"] in defined or n["props"].get("source") == batch.source
    )
    counts.update(e["type"] for e in batch.edges if e["props"].get("source") == batch.source)
    return dict(counts)


def _chunks(rows: list[dict], size: int) -> Iterator[list[dict]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]
