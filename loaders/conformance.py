"""Whether parsed protocol data already is what ``document.ProtocolDocument`` accepts, checked by plain code.

pydantic stays the format's definition and the one voice of its messages; this only answers yes or no,
about four times faster, so a good file (nearly every file) never builds the models. ``conforms`` says
yes only to data pydantic accepts *unchanged*: every key known, every required one present, every value
of the exact type (no coercion: ``inferred: "yes"`` is a no here, pydantic's to judge), lengths, slugs and
enums as the models bound them, and the relation rules of ``RelationDoc._traceable``. Any no sends the
file through pydantic, which either names the problem or returns the normalised document; so a no is
never wrong, only slower. tests/test_conformance.py holds the two to the same answers.

It is written for speed (it runs on every item of every file): each item's keys are compared with the
model's as sets, and its values are gathered by kind (slugs, clause refs, texts, notes, names) to be
checked together at the end: one regex over all slugs joined by line breaks, one ``max`` of lengths. A
value of the wrong type makes ``join``, ``str.__len__`` or a set lookup raise: that is a no too.

Control characters are not checked here: YAML refuses them raw, so only a double-quoted scalar's escape
(a backslash) can make one, and a text with a backslash is left to pydantic (``read_protocol``).
"""

from __future__ import annotations

import re
from typing import Any

from govgraph.graph.model import BodyKind, Capacity, DeclarationKind, DutyKind, Relation
from govgraph.loaders.document import FORMAT, MAX_ID, MAX_NAME, MAX_NOTE, MAX_TEXT

# The patterns of document.Slug and document.ClauseRef for many values joined by line breaks, matched
# whole (pydantic's Rust regex: ``$`` is the end of the text, not a place before a final line break as
# Python's is). Neither pattern admits a line break, so a value holding one changes the count of lines.
_SLUG, _REF = rf"[a-z0-9][a-z0-9.\-]{{0,{MAX_ID - 1}}}", rf"[A-Za-z0-9][A-Za-z0-9.\-]{{0,{MAX_ID - 1}}}"
_SLUGS = re.compile(rf"{_SLUG}(?:\n{_SLUG})*").fullmatch
_REFS = re.compile(rf"{_REF}(?:\n{_REF})*").fullmatch


def _keys(required: set[str], optional: set[str] = set()) -> tuple[frozenset[str], frozenset[str]]:  # noqa: B006
    return frozenset(required | optional), frozenset(required)


_TOP = _keys(
    {"format", "area", "protocol", "clauses", "bodies"},
    {"roles", "people", "legislation", "duties", "relations", "declarations"},
)
_AREA = _keys({"id", "name"})
_PROTOCOL = _keys({"id", "title", "source", "parties"}, {"approved_by"})
_APPROVAL = _keys({"body", "clause", "quote"})
_CLAUSE = _keys({"id", "text"}, {"number", "heading"})
_BODY = _keys({"id", "name", "kind", "clause"}, {"aliases", "quote"})
_ROLE = _keys({"id", "name", "clause"}, {"aliases", "body", "quote"})
_PERSON = _keys({"id", "name", "clause"}, {"holds", "quote"})
_LEGISLATION = _keys({"id", "title", "clause", "quote"})
_DUTY = _keys({"id", "owner", "kind", "clause", "text"}, {"towards"})
_RELATION = _keys(
    {"type", "from", "to"},
    {"clause", "quote", "duty", "what", "frequency", "capacity", "note", "inferred", "reason"},
)
_DECLARATION = _keys({"kind", "bodies", "clause", "quote"})


def _values(enum: type) -> frozenset[str]:
    return frozenset(member.value for member in enum)  # type: ignore[attr-defined]


BODY_KINDS, DUTY_KINDS, DECLARATION_KINDS = _values(BodyKind), _values(DutyKind), _values(DeclarationKind)
RELATIONS, CAPACITIES = _values(Relation), _values(Capacity)


class _Values:
    """The values of a document gathered by the constraint they must meet, checked all at once."""

    __slots__ = ("names", "notes", "refs", "slugs", "texts")

    def __init__(self) -> None:
        self.slugs: list[Any] = []
        self.refs: list[Any] = []
        self.texts: list[Any] = []
        self.notes: list[Any] = []
        self.names: list[Any] = []

    def valid(self) -> bool:
        return (
            _all_match(_SLUGS, self.slugs)
            and _all_match(_REFS, self.refs)
            and _all_bounded(self.texts, MAX_TEXT)
            and _all_bounded(self.notes, MAX_NOTE)
            and _all_bounded(self.names, MAX_NAME)
        )


def _all_match(pattern: Any, values: list[Any]) -> bool:
    if not values:
        return True
    joined = "\n".join(values)  # TypeError unless every value is text
    return joined.count("\n") == len(values) - 1 and pattern(joined) is not None


def _all_bounded(values: list[Any], limit: int) -> bool:
    if not values:
        return True
    lengths = list(map(str.__len__, values))  # TypeError unless every value is text
    return min(lengths) > 0 and max(lengths) <= limit


def _fits(item: Any, keys: tuple[frozenset[str], frozenset[str]]) -> bool:
    """A mapping with no key the model lacks and every key it requires."""
    if item.__class__ is not dict:
        return False
    own = item.keys()
    return own <= keys[0] and own >= keys[1]


def _list(value: Any, at_least: int = 0) -> bool:
    return value.__class__ is list and len(value) >= at_least


def conforms(data: Any) -> bool:
    """True only if ``ProtocolDocument.model_validate(data)`` accepts ``data`` and keeps every value as is."""
    try:
        return _conforms(data)
    except (TypeError, KeyError):  # a value of the wrong type met a join, a length or a set lookup
        return False


def _conforms(doc: Any) -> bool:
    if not _fits(doc, _TOP) or doc["format"].__class__ is not str or doc["format"] != FORMAT:
        return False
    found = _Values()
    get = doc.get
    return (
        _area_and_protocol(doc["area"], doc["protocol"], found)
        and _clauses(doc["clauses"], found)
        and _actors(doc["bodies"], get("roles", []), get("people", []), found)
        and _legislation(get("legislation", []), found)
        and _duties(get("duties", []), found)
        and _relations(get("relations", []), found)
        and _declarations(get("declarations", []), found)
        and found.valid()
    )


def _area_and_protocol(area: Any, protocol: Any, found: _Values) -> bool:
    if not _fits(area, _AREA) or not _fits(protocol, _PROTOCOL) or not _list(protocol["parties"], 1):
        return False
    found.slugs += (area["id"], protocol["id"], *protocol["parties"])
    found.names += (area["name"], protocol["source"])
    found.notes.append(protocol["title"])
    approvals = protocol.get("approved_by", [])
    if not _list(approvals):
        return False
    for approval in approvals:
        if not _fits(approval, _APPROVAL):
            return False
        found.slugs.append(approval["body"])
        found.refs.append(approval["clause"])
        found.texts.append(approval["quote"])
    return True


def _clauses(clauses: Any, found: _Values) -> bool:
    if not _list(clauses, 1):
        return False
    refs, texts, notes, names = found.refs, found.texts, found.notes, found.names
    for clause in clauses:
        if not _fits(clause, _CLAUSE):
            return False
        refs.append(clause["id"])
        texts.append(clause["text"])
        number, heading = clause.get("number"), clause.get("heading")
        if number is not None:
            names.append(number)
        if heading is not None:
            notes.append(heading)
    return True


def _actors(bodies: Any, roles: Any, people: Any, found: _Values) -> bool:
    """Bodies, roles and people: an id, a name, a clause, perhaps a quote, aliases or held roles."""
    if not _list(bodies, 1) or not _list(roles) or not _list(people):
        return False
    slugs, refs, texts, names = found.slugs, found.refs, found.texts, found.names
    for items, keys, many in (
        (bodies, _BODY, "aliases"),
        (roles, _ROLE, "aliases"),
        (people, _PERSON, "holds"),
    ):
        for item in items:
            if not _fits(item, keys):
                return False
            slugs.append(item["id"])
            names.append(item["name"])
            refs.append(item["clause"])
            get = item.get
            quote = get("quote")
            if quote is not None:
                texts.append(quote)
            if many in item:
                listed = item[many]
                if listed.__class__ is not list:
                    return False
                (slugs if many == "holds" else names).extend(listed)
    for body in bodies:
        if body["kind"] not in BODY_KINDS:
            return False
    for role in roles:
        body = role.get("body")
        if body is not None:
            slugs.append(body)
    return True


def _legislation(legislation: Any, found: _Values) -> bool:
    if not _list(legislation):
        return False
    for leg in legislation:
        if not _fits(leg, _LEGISLATION):
            return False
        found.slugs.append(leg["id"])
        found.notes.append(leg["title"])
        found.refs.append(leg["clause"])
        found.texts.append(leg["quote"])
    return True


def _duties(duties: Any, found: _Values) -> bool:
    if not _list(duties):
        return False
    slugs, refs, texts = found.slugs, found.refs, found.texts
    for duty in duties:
        if not _fits(duty, _DUTY) or duty["kind"] not in DUTY_KINDS:
            return False
        towards = duty.get("towards")
        slugs += (duty["id"], duty["owner"]) if towards is None else (duty["id"], duty["owner"], towards)
        refs.append(duty["clause"])
        texts.append(duty["text"])
    return True


def _relations(relations: Any, found: _Values) -> bool:
    if not _list(relations):
        return False
    slugs, refs, texts = found.slugs, found.refs, found.texts
    for rel in relations:
        if not _fits(rel, _RELATION) or rel["type"] not in RELATIONS:
            return False
        slugs += (rel["from"], rel["to"])
        get = rel.get
        clause, quote, duty, capacity = get("clause"), get("quote"), get("duty"), get("capacity")
        if clause is not None:
            refs.append(clause)
        if quote is not None:
            texts.append(quote)
        if duty is not None:
            slugs.append(duty)
        elif clause is None or quote is None:  # RelationDoc._traceable: a clause and a quote, or a duty
            return False
        if capacity is not None and (capacity not in CAPACITIES or rel["type"] != Relation.MEMBER_OF):
            return False
        plain = len(rel) == 3 + (clause is not None) + (quote is not None) + (duty is not None)
        if not plain and not _relation_extras(rel, found):  # keys beyond the ends, clause, quote, duty
            return False
    return True


def _relation_extras(rel: dict[str, Any], found: _Values) -> bool:
    """The rarer fields of a relation: what, frequency, note; inferred with its reason, or neither."""
    get = rel.get
    for key, into in (("what", found.notes), ("frequency", found.names), ("note", found.notes)):
        value = get(key)
        if value is not None:
            into.append(value)
    inferred, reason = get("inferred", False), get("reason")
    if inferred.__class__ is not bool:
        return False
    if reason is not None:
        found.notes.append(reason)
    return bool(reason) == inferred  # an inferred relation needs a reason, and only it may have one


def _declarations(declarations: Any, found: _Values) -> bool:
    if not _list(declarations):
        return False
    for decl in declarations:
        if not _fits(decl, _DECLARATION) or decl["kind"] not in DECLARATION_KINDS:
            return False
        if not _list(decl["bodies"], 1):
            return False
        found.slugs += decl["bodies"]
        found.refs.append(decl["clause"])
        found.texts.append(decl["quote"])
    return True
