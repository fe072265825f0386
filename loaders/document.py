"""The governance-as-code format: one YAML file per protocol, reviewed like code.

Every item names the clause that states it and quotes it verbatim; the loader checks each quote against
the protocol's source text, so the graph never says more than the protocol does.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from govgraph.graph.model import BodyKind, Capacity, DeclarationKind, DutyKind, Relation
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

FORMAT = "govgraph/protocol@1"

MAX_ID = 80  # the longest id (slug or clause reference) the format accepts
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9.\-]*$", max_length=MAX_ID)]
ClauseRef = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9.\-]*$", max_length=MAX_ID)]
# Free text is bounded (a 10 MB heading is a mistake, not a heading) and free of control characters
# other than tab and line breaks (a NUL in a name is never meant, and breaks exports).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_TEXT, MAX_NOTE, MAX_NAME = 20_000, 2_000, 300


def printable(value: str) -> str:
    if found := _CONTROL.search(value):
        raise ValueError(f"contains a control character (U+{ord(found.group()):04X})")
    return value


Text = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT), AfterValidator(printable)]
Note = Annotated[str, StringConstraints(min_length=1, max_length=MAX_NOTE), AfterValidator(printable)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME), AfterValidator(printable)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=True)


class AreaDoc(Strict):
    id: Slug
    name: Name


class Approval(Strict):
    """A body that approved the protocol itself ("Approved by: ...")."""

    body: Slug
    clause: ClauseRef
    quote: Text


class ProtocolDoc(Strict):
    id: Slug
    title: Note
    source: Name = Field(description="the protocol's text file, relative to this YAML file")
    parties: list[Slug] = Field(min_length=1, description="the bodies the protocol binds together")
    approved_by: list[Approval] = []


class ClauseDoc(Strict):
    id: ClauseRef
    number: Name | None = Field(None, description="the number as printed (2.1, 4.0, 3), if any")
    heading: Note | None = None
    text: Text = Field(description="the clause verbatim; must occur in the source text")


class BodyDoc(Strict):
    id: Slug
    name: Name
    kind: BodyKind
    aliases: list[Name] = []
    clause: ClauseRef
    quote: Text | None = Field(None, description="words in the clause that name the body; default: name")


class RoleDoc(Strict):
    id: Slug
    name: Name
    aliases: list[Name] = []
    body: Slug | None = Field(None, description="the body the role is a post of (the Chair of X: X)")
    clause: ClauseRef
    quote: Text | None = None


class LegislationDoc(Strict):
    id: Slug
    title: Note
    clause: ClauseRef
    quote: Text


class DutyDoc(Strict):
    id: Slug
    owner: Slug
    towards: Slug | None = None
    kind: DutyKind
    clause: ClauseRef
    text: Text = Field(description="the duty verbatim (one bullet or sentence); must occur in the clause")


class RelationDoc(Strict):
    type: Relation
    from_: Slug = Field(alias="from")
    to: Slug
    clause: ClauseRef | None = None
    quote: Text | None = None
    duty: Slug | None = Field(None, description="the duty that states it; clause and quote default to it")
    what: Note | None = Field(None, description="what is reported, challenged, consulted on ...")
    frequency: Name | None = None
    capacity: Capacity | None = None
    note: Note | None = None
    inferred: bool = Field(
        False, description="not stated in so many words: the reviewer's reading, shown and counted apart"
    )
    reason: Note | None = Field(None, description="why an inferred relation is believed (required with it)")

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=True, populate_by_name=True)

    @model_validator(mode="after")
    def _traceable(self) -> RelationDoc:
        if self.duty is None and (self.clause is None or self.quote is None):
            raise ValueError("a relation needs 'clause' and 'quote', or a 'duty' that states it")
        if self.capacity is not None and self.type != Relation.MEMBER_OF:
            raise ValueError("'capacity' belongs to MEMBER_OF relations only")
        if self.inferred and not self.reason:
            raise ValueError("an inferred relation needs a 'reason'")
        if self.reason and not self.inferred:
            raise ValueError("'reason' belongs to inferred relations only")
        return self


class PersonDoc(Strict):
    """A person the protocol itself names (a signatory, "chaired by Jo Bloggs"), holding roles in it."""

    id: Slug
    name: Name
    holds: list[Slug] = Field(default=[], description="the roles the protocol says this person holds")
    clause: ClauseRef
    quote: Text | None = Field(None, description="words in the clause that name the person; default: name")


class DeclarationDoc(Strict):
    kind: DeclarationKind
    bodies: list[Slug] = Field(min_length=1)
    clause: ClauseRef
    quote: Text


class ProtocolDocument(Strict):
    format: Literal["govgraph/protocol@1"]
    area: AreaDoc
    protocol: ProtocolDoc
    clauses: list[ClauseDoc] = Field(min_length=1)
    bodies: list[BodyDoc] = Field(min_length=1)
    roles: list[RoleDoc] = []
    people: list[PersonDoc] = []
    legislation: list[LegislationDoc] = []
    duties: list[DutyDoc] = []
    relations: list[RelationDoc] = []
    declarations: list[DeclarationDoc] = []
