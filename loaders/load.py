"""Loading a set of files: validate all of them first, then write each in its own transaction.

Validation of every file precedes any write, so one bad file in a batch leaves the database exactly as
it was: nothing is half-loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from neo4j import Driver

from graph.queries import cypher
from loaders.errors import InputError
from loaders.protocol import ValidProtocol, read_protocol
from loaders.register import ValidRegister, read_register
from loaders.writer import WriteResult, write_batch

Progress = Callable[[str], None]
Document = ValidProtocol | ValidRegister
PROTOCOL_SUFFIXES = {".yaml", ".yml"}
REGISTER_SUFFIXES = {".csv"}


def read_document(path: Path) -> Document:
    suffix = path.suffix.lower()
    if suffix in PROTOCOL_SUFFIXES:
        return read_protocol(path)
    if suffix in REGISTER_SUFFIXES:
        return read_register(path)
    raise InputError(path, "unknown kind of file: protocols are .yaml/.yml, membership registers .csv")


def read_documents(paths: list[Path], progress: Progress | None = None) -> list[Document]:
    """Read and validate every file; protocols come first so registers can refer to what they define."""
    documents = []
    for index, path in enumerate(paths, start=1):
        if progress and len(paths) > 1:
            progress(f"[{index}/{len(paths)}] validating {path}")
        documents.append(read_document(path))
    sources: dict[str, Path] = {}
    for document in documents:
        if document.batch.source in sources:
            raise InputError(
                document.path,
                f"defines '{document.batch.source}', as does "
                f"{sources[document.batch.source]}: load one of them",
            )
        sources[document.batch.source] = document.path
    return sorted(documents, key=lambda d: isinstance(d, ValidRegister))


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
            head += (
                f"written (nodes +{r.nodes_created}/-{r.nodes_deleted}, "
                f"edges +{r.edges_created}/-{r.edges_deleted}, pruned {r.pruned})"
            )
        counts = ", ".join(f"{kind} {count}" for kind, count in sorted(r.counts.items()))
        return f"{head}\n    {counts}"


def load_documents(
    driver: Driver,
    database: str,
    documents: list[Document],
    *,
    force: bool = False,
    progress: Progress | None = None,
) -> list[LoadReport]:
    _check_register_references(driver, database, documents)
    reports = []
    for index, document in enumerate(documents, start=1):
        if progress:
            progress(f"[{index}/{len(documents)}] loading {document.path}")
        result = write_batch(driver, database, document.batch, force=force, progress=progress)
        reports.append(LoadReport(document.path, result))
    return reports


def _check_register_references(driver: Driver, database: str, documents: list[Document]) -> None:
    """A register may only name roles and bodies that exist, or that this same load is about to write."""
    incoming = {
        node["id"]: node["label"] for d in documents if isinstance(d, ValidProtocol) for node in d.batch.nodes
    }
    for register in (d for d in documents if isinstance(d, ValidRegister)):
        refs = register.references()
        records, _, _ = driver.execute_query(
            cypher("register/existing_ids"), ids=list(refs), database_=database, routing_="r"
        )
        existing = {r["id"]: set(r["labels"]) for r in records}
        for ref, (line, field, label) in refs.items():
            labels = existing.get(ref) or ({incoming[ref]} if ref in incoming else set())
            if label not in labels:
                found = f" (it is a {', '.join(sorted(labels))})" if labels else ""
                raise InputError(register.path, f"unknown {field} '{ref}'{found}", line=line, field=field)
