"""Membership registers: who holds which role and sits on which body, since protocols name roles only.

A register is a CSV with the header ``person,role,body,capacity,start,end``; ``role`` and ``body`` are
govgraph ids (``wirral/dcs``, ``wirral/wct``) of an area already loaded from its protocol.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from govgraph.graph.model import Capacity, Label
from govgraph.loaders.batch import GraphBatch
from govgraph.loaders.document import MAX_NAME
from govgraph.loaders.errors import InputError
from govgraph.loaders.integrity import Placed
from govgraph.loaders.source import read_text

COLUMNS = ["person", "role", "body", "capacity", "start", "end"]
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ID = re.compile(r"^[a-z0-9][a-z0-9.\-]*/[a-z0-9][a-z0-9.\-]*$")


@dataclass(frozen=True)
class Membership:
    line: int
    person: str
    role: str | None
    body: str | None
    capacity: Capacity | None
    start: date | None
    end: date | None


@dataclass
class ValidRegister:
    path: Path
    area: str
    rows: list[Membership]
    batch: GraphBatch
    claims: list[Placed]

    def references(self) -> dict[str, tuple[int, str, str]]:
        """Every role/body id the register names, with the first line and field that names it."""
        refs: dict[str, tuple[int, str, str]] = {}
        for row in self.rows:
            for field, value, label in (("role", row.role, Label.ROLE), ("body", row.body, Label.BODY)):
                if value:
                    refs.setdefault(value, (row.line, field, label))
        return refs

    @property
    def source(self) -> str:
        return self.batch.source

    def summary(self) -> str:
        people = len({row.person for row in self.rows})
        return f"register of area '{self.area}': {len(self.rows)} rows, {people} people"


def read_register(path: Path) -> ValidRegister:
    text = read_text(path).removeprefix("\ufeff")  # Excel writes "CSV UTF-8" with a byte-order mark
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(path, "is empty; expected the header " + ",".join(COLUMNS)) from None
    except csv.Error as exc:
        raise InputError(path, f"malformed CSV: {exc}", line=1) from None
    if [h.strip().lower() for h in header] != COLUMNS:
        raise InputError(path, f"header must be {','.join(COLUMNS)}", line=1, field="header")
    rows: list[Membership] = []
    try:
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            rows.append(_row(path, reader.line_num, values))
    except csv.Error as exc:
        raise InputError(path, f"malformed CSV: {exc}", line=reader.line_num) from None
    if not rows:
        raise InputError(path, "has a header but no rows")
    area = _one_area(path, rows)
    people = _people(path, area, rows)
    _no_duplicates(path, rows)
    digest = hashlib.sha256(text.encode()).hexdigest()
    batch = _batch(path, area, rows, digest)
    claims = [Placed(batch.source, Label.REGISTER, None, path, None, "file", batch.source)]
    claims += [
        Placed(f"{area}/{slug(name)}", Label.PERSON, name, path, line, "person", batch.source)
        for name, line in people.items()
    ]
    return ValidRegister(path, area, rows, batch, claims)


def _row(path: Path, line: int, values: list[str]) -> Membership:
    if len(values) != len(COLUMNS):
        raise InputError(path, f"expected {len(COLUMNS)} columns, found {len(values)}", line=line)
    for field, value in zip(COLUMNS, values, strict=True):
        if found := _CONTROL.search(value):
            message = f"contains a control character (U+{ord(found.group()):04X})"
            raise InputError(path, message, line=line, field=field)
    person, role, body, capacity, start, end = (v.strip() for v in values)
    if not person:
        raise InputError(path, "a person's name is required", line=line, field="person")
    if len(person) > MAX_NAME:
        raise InputError(path, f"a name of more than {MAX_NAME} characters", line=line, field="person")
    if not slug(person):
        raise InputError(path, f"'{person}' has no letter or digit to make an id", line=line, field="person")
    for field, value in (("role", role), ("body", body)):
        if value and not _ID.match(value):
            raise InputError(path, f"'{value}' is not an id like area/slug", line=line, field=field)
    if not role and not body:
        raise InputError(path, "give a role, a body, or both", line=line, field="role")
    if body and not capacity:
        raise InputError(path, "a capacity is required with a body", line=line, field="capacity")
    try:
        cap = Capacity(capacity) if capacity else None
    except ValueError:
        choices = ", ".join(c.value for c in Capacity)
        raise InputError(
            path, f"unknown capacity '{capacity}' (one of {choices})", line=line, field="capacity"
        ) from None
    start_date, end_date = _date(path, line, "start", start), _date(path, line, "end", end)
    if start_date and end_date and end_date < start_date:
        raise InputError(path, "end is before start", line=line, field="end")
    return Membership(line, person, role or None, body or None, cap, start_date, end_date)


def _date(path: Path, line: int, field: str, value: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(path, f"'{value}' is not a date (YYYY-MM-DD)", line=line, field=field) from None


def _one_area(path: Path, rows: list[Membership]) -> str:
    area = None
    for row in rows:
        for field, value in (("role", row.role), ("body", row.body)):
            if value:
                this = value.split("/", 1)[0]
                if area is None:
                    area = this
                elif this != area:
                    raise InputError(
                        path,
                        f"area '{this}' differs from '{area}': one register per area",
                        line=row.line,
                        field=field,
                    )
    assert area is not None
    return area


def _no_duplicates(path: Path, rows: list[Membership]) -> None:
    seen: dict[tuple, int] = {}
    for row in rows:
        key = (slug(row.person), row.role, row.body, row.capacity, row.start)
        if key in seen:
            raise InputError(path, f"duplicate row: same as line {seen[key]}", line=row.line)
        seen[key] = row.line


def _people(path: Path, area: str, rows: list[Membership]) -> dict[str, int]:
    """Each person's name and first line; two different names may not make the same id."""
    first: dict[str, int] = {}
    by_id: dict[str, str] = {}
    for row in rows:
        person_id = f"{area}/{slug(row.person)}"
        other = by_id.setdefault(person_id, row.person)
        if other != row.person:
            raise InputError(
                path,
                f"the name '{row.person}' makes the id '{person_id}', as does the different name "
                f"'{other}' at line {first[other]}: spell one person's name the same way throughout",
                line=row.line,
                field="person",
            )
        first.setdefault(row.person, row.line)
    return first


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _batch(path: Path, area: str, rows: list[Membership], digest: str) -> GraphBatch:
    register_id = f"{area}/register/{slug(path.stem)}"
    batch = GraphBatch(source=register_id, label=Label.REGISTER, digest=digest)
    batch.node(register_id, Label.REGISTER, area=area, file=path.name, digest=digest)
    for name in sorted({row.person for row in rows}):
        person_id = f"{area}/{slug(name)}"
        batch.node(person_id, Label.PERSON, name=name, area=area)
        batch.edge("DEFINES", register_id, person_id)
        batch.edge("IN_AREA", person_id, area, shared=True)
    for row in rows:
        person_id = f"{area}/{slug(row.person)}"
        when = {"start": row.start, "end": row.end, "line": row.line}
        if row.role:
            batch.edge("HOLDS", person_id, row.role, **when)
        if row.body:
            batch.edge("MEMBER_OF", person_id, row.body, capacity=row.capacity, role=row.role, **when)
            if row.capacity == Capacity.CHAIR:
                batch.edge("CHAIRS", person_id, row.body, role=row.role, **when)
    return batch
