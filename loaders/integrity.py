"""Ids that cannot collide: no document may make, or change, a node that is another document's.

Each document says which node ids it makes (its claims: id, kind, and the file, line and field that make
it). Before anything is written, the claims of every document in the load are compared with each other and
with the nodes already in the database. Shared kinds (areas, bodies, roles, legislation, people) may be
made by several documents; a clash of kinds, another document's own node (clause, duty, declaration,
protocol, register), or two different people's names that make the same id is refused, naming both places.

A protocol's ``people:`` and a membership register that name the same person (the same name in the same
area, hence the same id) share one Person node: both define it, and it stays until neither does.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from govgraph.graph.model import Label
from govgraph.graph.queries import cypher
from govgraph.loaders.errors import InputError
from neo4j import Driver

SHARED = {Label.AREA, Label.BODY, Label.ROLE, Label.LEGISLATION, Label.PERSON}
CHECK_ROWS = 5_000


class Placed(NamedTuple):
    """One node id a document makes, where the document makes it, and which document it is.

    A named tuple rather than a frozen dataclass: a load makes one per node id (about a hundred per
    protocol), and a tuple is built in C.
    """

    id: str
    label: str
    name: str | None
    path: Path
    line: int | None
    field: str
    document: str  # the document's id

    @property
    def where(self) -> str:
        return f"{self.path}{f':{self.line}' if self.line else ''} [{self.field}]"


def check_claims(claims: Iterable[Placed]) -> dict[str, Placed]:
    """The claims of one load, each id once; refuses two documents' claims that cannot share a node."""
    seen: dict[str, Placed] = {}
    for claim in claims:
        first = seen.get(claim.id)
        if first is None:
            seen[claim.id] = claim
            continue
        problem = _clash(claim, first.label, first.name, first.document)
        if problem:
            raise _refusal(claim, f"{problem} at {first.where}")
    return seen


def check_database(driver: Driver, database: str, claims: dict[str, Placed]) -> None:
    """Refuses a claim on a node in the database that is of another kind or another document's."""
    ids = list(claims)
    for start in range(0, len(ids), CHECK_ROWS):
        records, _, _ = driver.execute_query(
            cypher("load/existing_nodes"),
            ids=ids[start : start + CHECK_ROWS],
            database_=database,
            routing_="r",
        )
        for record in records:
            claim = claims[record["id"]]
            for label in record["labels"] or ["node of no kind"]:
                problem = _clash(claim, label, record["name"], record["owner"])
                if problem:
                    raise _refusal(claim, f"{problem} in the database ({_describe(record['documents'])})")


def _clash(claim: Placed, label: str, name: str | None, document: str | None) -> str | None:
    """Why the claimed node cannot be the other one (of ``label``, ``name``, owned by ``document``)."""
    if claim.label != label:
        return f"is also the id of a {label}"
    if claim.label == Label.PERSON and name is not None and claim.name != name:
        return f"is also the id made by the different name '{name}'"
    if claim.label not in SHARED and document is not None and document != claim.document:
        return f"is also the id of a {label} of document '{document}'"
    return None


def _refusal(claim: Placed, problem: str) -> InputError:
    subject = f"the name '{claim.name}' makes the id" if claim.name else "the id"
    return InputError(claim.path, f"{subject} '{claim.id}', which {problem}", claim.line, claim.field)


def _describe(documents: list[dict] | None) -> str:
    """Which documents a node of the database belongs to, so the user knows where to look."""
    if not documents:
        return "made by no document"
    shown = ", ".join(f"{d['id']} ({d['file']})" if d.get("file") else str(d["id"]) for d in documents[:3])
    more = " and others" if len(documents) > 3 else ""
    return f"from {shown}{more}"
