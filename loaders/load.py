"""Loading a set of files: validate all of them first, then write them, several to a transaction.

Validation of every file precedes any write, so one bad file in a batch leaves the database exactly as
it was: nothing is half-loaded. Validated documents are not held in memory until the writes: each one's
rows go to a spool file as it is validated and stream from there to the writer, so memory stays flat
however many areas a load has (bench/load_bench.py prints the peak).
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import IO

from govgraph.graph.queries import cypher
from govgraph.loaders.batch import GraphBatch
from govgraph.loaders.errors import InputError
from govgraph.loaders.integrity import Placed, check_claims, check_database
from govgraph.loaders.progress import Bar
from govgraph.loaders.protocol import ValidProtocol, read_protocol
from govgraph.loaders.register import ValidRegister, read_register
from govgraph.loaders.source import PARSER_NOTE
from govgraph.loaders.writer import (
    SECONDS_PER_ROW,
    Collision,
    WriteFailed,
    WriteResult,
    stored_digests,
    write_batches,
)
from neo4j import Driver
from neo4j.exceptions import DriverError, Neo4jError, ServiceUnavailable, SessionExpired

Progress = Callable[[str], None]
Document = ValidProtocol | ValidRegister
PROTOCOL_SUFFIXES = {".yaml", ".yml"}
REGISTER_SUFFIXES = {".csv"}
PARALLEL_FROM = 200  # files; below this, validating in this process beats spawning workers
MAX_WORKERS = 4


def read_document(path: Path) -> Document:
    suffix = path.suffix.lower()
    if suffix in PROTOCOL_SUFFIXES:
        return read_protocol(path)
    if suffix in REGISTER_SUFFIXES:
        return read_register(path)
    raise InputError(path, "unknown kind of file: protocols are .yaml/.yml, membership registers .csv")


@dataclass
class Validated:
    """What the load keeps of a validated document while the others are read: no text, no rows."""

    path: Path
    source: str
    is_register: bool
    description: str
    references: dict[str, tuple[int, str, str]]
    offset: int
    size: int

    def summary(self) -> str:
        return self.description


@dataclass(frozen=True)
class Prepared:
    """A validated document as it crosses from a validating process: its rows already pickled."""

    path: Path
    source: str
    is_register: bool
    description: str
    references: dict[str, tuple[int, str, str]]
    claims: list[Placed]
    data: bytes


def prepare(path: Path, rows: bool = True) -> Prepared:
    """Read and validate one file, keeping only what the load needs (run in a worker process).

    ``rows``: build and pickle the rows a load writes; ``govgraph validate`` has no use for them.
    """
    document = read_document(path)
    refs = document.references() if isinstance(document, ValidRegister) else {}
    data = pickle.dumps(document.batch, protocol=pickle.HIGHEST_PROTOCOL) if rows else b""
    return Prepared(
        document.path,
        document.source,
        isinstance(document, ValidRegister),
        document.summary(),
        refs,
        document.claims,
        data,
    )


def _prepared(paths: list[Path], rows: bool = True) -> Iterator[Prepared]:
    """Each file validated, in order; many files are validated in parallel processes (one per core).

    Workers are spawned, not forked, so a caller's threads (a driver's, a test runner's) never leak
    into them; spawning costs a second or two, worth it only for many files.
    """
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    work = partial(prepare, rows=rows)
    if len(paths) < PARALLEL_FROM or workers < 2:
        yield from map(work, paths)
        return
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield from pool.map(work, paths, chunksize=8)


@dataclass
class DocumentSet:
    """Validated documents in load order (protocols first), their rows spooled to a temporary file."""

    documents: list[Validated] = field(default_factory=list)
    claims: dict[str, Placed] = field(default_factory=dict)
    spool: IO[bytes] = field(default_factory=lambda: tempfile.TemporaryFile(prefix="govgraph-load-"))  # noqa: SIM115 (closed with the set)
    loadable: bool = True  # False when read for validation only: no rows were kept

    def __len__(self) -> int:
        return len(self.documents)

    def __iter__(self) -> Iterator[Validated]:
        return iter(self.documents)

    def add(self, prepared: Prepared) -> Validated:
        offset = self.spool.seek(0, 2)
        self.spool.write(prepared.data)
        kept = Validated(
            prepared.path,
            prepared.source,
            prepared.is_register,
            prepared.description,
            prepared.references,
            offset,
            len(prepared.data),
        )
        self.documents.append(kept)
        return kept

    def batch(self, document: Validated) -> GraphBatch:
        if not self.loadable:
            raise ValueError("these documents were read for validation only; read them with rows=True")
        self.spool.seek(document.offset)
        return pickle.loads(self.spool.read(document.size))

    def batches(self) -> Iterator[GraphBatch]:
        return (self.batch(d) for d in self.documents)


def read_documents(paths: list[Path], progress: Progress | None = None, *, rows: bool = True) -> DocumentSet:
    """Read and validate every file; protocols come first so registers can refer to what they define.

    Besides each file on its own, the files are checked together: no two may be the same document,
    and no two may make the same node id as different kinds of thing (loaders/integrity.py).
    ``rows=False`` (validation only) keeps no rows: the set cannot then be loaded.
    """
    if progress and PARSER_NOTE:
        progress(PARSER_NOTE)
    documents = DocumentSet(loadable=rows)
    sources: dict[str, Path] = {}
    claims: list[Placed] = []
    bar = Bar("validating", len(paths), progress) if progress and len(paths) > 1 else None
    for document in _prepared(paths, rows):
        if (other := sources.get(document.source)) is not None:
            raise InputError(document.path, f"defines '{document.source}', as does {other}: load one of them")
        sources[document.source] = document.path
        claims.extend(document.claims)
        documents.add(document)
        if bar:
            bar.step()
    if bar:
        bar.done()
    documents.documents.sort(key=lambda d: d.is_register)
    documents.claims = check_claims(claims)
    return documents


@dataclass
class LoadReport:
    path: Path
    result: WriteResult

    def describe(self) -> str:
        r = self.result
        head = f"{self.path} -> {r.source}: "
        if not r.written:
            head += "unchanged"
        else:
            figures = (
                f"nodes +{r.nodes_created}/-{r.nodes_deleted}, "
                f"edges +{r.edges_created}/-{r.edges_deleted}, pruned {r.pruned}"
            )
            if r.together > 1:
                figures += f", for the {r.together} documents of its transaction"
            head += f"written ({figures})"
        counts = ", ".join(f"{kind} {count}" for kind, count in sorted(r.counts.items()))
        return f"{head}\n    {counts}"


class LoadFailed(Exception):
    """Writing stopped part-way: what happened, which documents were not written, and what is loaded."""


def load_documents(
    driver: Driver,
    database: str,
    documents: DocumentSet,
    *,
    force: bool = False,
    progress: Progress | None = None,
    timeout: float = 60.0,
) -> list[LoadReport]:
    """Check the documents against the database, then write them; ``LoadFailed`` if a write fails."""
    known = check_documents(driver, database, documents, timeout)
    return write_documents(
        driver, database, documents, known, force=force, progress=progress, timeout=timeout
    )


def check_documents(
    driver: Driver, database: str, documents: DocumentSet, timeout: float = 60.0
) -> dict[str, str | None]:
    """The checks against the database before any write; returns the stored digests for the writer.

    A refusal here names both places. The same rules are checked again inside each write transaction
    (cypher/load/merge_nodes), which is what stops a load running meanwhile from slipping past.
    """
    try:
        check_references(driver, database, documents)
        check_database(driver, database, documents.claims)
        return stored_digests(driver, database, [d.source for d in documents])
    except (Neo4jError, DriverError, OSError) as exc:
        what = _what_happened(exc, f"{timeout:g}s (GOVGRAPH_TX_TIMEOUT)")
        raise LoadFailed(f"reading the database failed: {what}. Nothing of this load is written.") from exc


def write_documents(
    driver: Driver,
    database: str,
    documents: DocumentSet,
    known: dict[str, str | None],
    *,
    force: bool = False,
    progress: Progress | None = None,
    timeout: float = 60.0,
) -> list[LoadReport]:
    """Write the checked documents, several to a transaction, each transaction all or nothing."""
    bar = Bar("loading", len(documents), progress) if progress and len(documents) > 1 else None
    reports: list[LoadReport] = []
    results = write_batches(driver, database, documents.batches(), force=force, timeout=timeout, known=known)
    try:
        for document, result in zip(documents, results, strict=False):
            reports.append(LoadReport(document.path, result))
            if bar:
                bar.step()
    except WriteFailed as failed:
        raise LoadFailed(_failure(failed, documents, len(reports), timeout)) from failed
    except Collision as clash:
        raise _collision(driver, database, documents, clash, len(reports)) from clash
    if bar:
        bar.done()
    return reports


def _collision(
    driver: Driver, database: str, documents: DocumentSet, clash: Collision, loaded: int
) -> InputError:
    """The refusal of a write that met another load's nodes: found again by the read check, which names
    both places now that the other load has committed them."""
    done = f"the {loaded} documents before it are loaded" if loaded else "nothing of this load is written"
    try:
        check_database(driver, database, documents.claims)
    except InputError as refusal:
        said = f"{refusal.message} (written by another load while this one ran; {done})"
        return InputError(refusal.file, said, refusal.line, refusal.field)
    paths = {d.source: d.path for d in documents}
    first = paths.get(clash.sources[0], clash.sources[0])
    return InputError(
        first, f"{clash}: another load wrote them while this one ran; {done}. Run the same command again."
    )


def _failure(failed: WriteFailed, documents: DocumentSet, loaded: int, timeout: float) -> str:
    paths = {d.source: d.path for d in documents}
    names = [str(paths.get(s, s)) for s in failed.sources]
    which = names[0] if len(names) == 1 else f"{len(names)} documents ({names[0]} ... {names[-1]})"
    done = f"the {loaded} documents before it are loaded" if loaded else "nothing of this load is written"
    if _logged_not_applied(failed.cause):
        return (
            "writing failed: Neo4j logged the transaction but could not write it to its store (is the disk "
            "holding the database full?) and now needs a restart: free space, then govgraph db stop and "
            f"db start. Neo4j replays the logged transaction as it restarts, so {which} will then be there "
            f"whole, or not at all; {done}. Run the same command again after the restart to finish."
        )
    return (
        f"writing failed: {_what_happened(failed.cause, _allowed(failed, timeout))}. {which} not written "
        f"(Neo4j rolled the transaction back); {done}. Run the same command again to finish."
    )


def _logged_not_applied(cause: Exception) -> bool:
    """A commit Neo4j wrote to its transaction log and then failed to apply (a full disk does this, as
    its log files are preallocated): the transaction is not rolled back but replayed at the next start."""
    message = getattr(cause, "message", None) or str(cause)
    return (
        "TransactionCommitFailed" in (getattr(cause, "code", "") or "") or "after written to log" in message
    )


def _allowed(failed: WriteFailed, base: float) -> str:
    """The failed transaction's own timeout, and how it was reached: the base setting is not all of it."""
    each = f"{SECONDS_PER_ROW * 1000:g} ms"
    return (
        f"{failed.timeout:.2f}s (GOVGRAPH_TX_TIMEOUT {base:g}s + {each} for each of its {failed.rows:,} rows)"
    )


def _what_happened(cause: Exception, timeout: str) -> str:
    """What stopped the work, for the user; ``timeout`` says the timeout that applied (and why that long)."""
    message = getattr(cause, "message", None) or str(cause) or type(cause).__name__
    code = getattr(cause, "code", "") or ""
    if isinstance(cause, ServiceUnavailable | SessionExpired | ConnectionError | OSError):
        return f"Neo4j stopped answering ({' '.join(message.split())[:200]})"
    if "TransactionTimedOut" in code or "timed out" in message.lower() or "terminated" in message.lower():
        return f"the transaction ran longer than its timeout of {timeout}"
    if "no space left" in message.lower() or "disk" in message.lower():
        return "the disk holding the database is full"
    if "critical error" in message.lower():
        return "Neo4j stopped with a critical error (a full disk?) and needs a restart (db stop, db start)"
    return f"Neo4j answered: {' '.join(message.split())[:200]}"


def check_references(driver: Driver, database: str, documents: DocumentSet) -> None:
    """A register may only name roles and bodies that exist, or that this same load is about to write."""
    incoming = {claim.id: claim.label for claim in documents.claims.values()}
    for register in (d for d in documents if d.is_register):
        refs = register.references
        records, _, _ = driver.execute_query(
            cypher("register/existing_ids"), ids=list(refs), database_=database, routing_="r"
        )
        existing = {r["id"]: set(r["labels"]) for r in records}
        for ref, (line, field_name, label) in refs.items():
            labels = existing.get(ref) or ({incoming[ref]} if ref in incoming else set())
            if label not in labels:
                found = f" (it is a {', '.join(sorted(labels))})" if labels else ""
                raise InputError(
                    register.path, f"unknown {field_name} '{ref}'{found}", line=line, field=field_name
                )
