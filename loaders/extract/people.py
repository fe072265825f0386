"""People a protocol names, holding the posts it names with them: signatories ("Name: Jo Bloggs ...
Designation: Chair"), "Jo Bloggs, Chief Executive of the Council", "chaired by Jo Bloggs (Independent
Chair of the LSCB)", "Our Independent Chair is Jo Bloggs".

A person is taken only in one of these settings, next to a post the document already knows or as a
signatory, never from a capitalised pair alone: most such pairs are names of places or bodies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from govgraph.loaders.extract.entities import Entities
from govgraph.loaders.extract.ids import slug
from govgraph.loaders.extract.segment import Clause
from govgraph.loaders.extract.vocabulary import BODY_HEADS, LEADING_STOPWORDS, ROLE_HEADS

_PART = r"[A-Z][a-z]+(?:[-'\u2019][A-Z][a-z]+)?"
_NAME = rf"(?P<name>{_PART}(?:\s+{_PART}){{1,2}})"
_SETTINGS = [
    re.compile(rf"\bName:\s*{_NAME}"),
    re.compile(
        rf"\b(?:Contact(?:\s+(?:details|officer))?|Author|Report\s+author|Lead\s+officer):\s*{_NAME}", re.I
    ),
    re.compile(rf"\b(?:Councillor|Cllr\.?)\s+{_NAME}"),
    re.compile(rf"\bchaired\s+by\s+{_NAME}", re.IGNORECASE),
    re.compile(
        rf"\b(?:Chair|Chairman|Chairperson|Lead|Manager|Scrutineer)\s+(?:is|was)\s+{_NAME}", re.IGNORECASE
    ),
    re.compile(
        rf"(?:^|[,;:.]\s+|\b(?:welcomed|by|and|with|to|from|met)\s+){_NAME}(?=\s*(?:,\s*|\s+\(|\s+the\s+))"
    ),
]
_NOT_A_NAME_WORD = {
    "safeguarding", "children", "adults", "health", "wellbeing", "community", "safety", "local", "county",
    "city", "borough", "district", "national", "public", "social", "care", "chief", "executive",
    "independent", "strategic", "joint", "annual", "report", "terms", "reference", "date", "meeting",
    "protocol", "signed",
    "designation", "dated", "title", "contact", "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december", "nhs", "integrated", "interim",
    "monday", "tuesday", "wednesday", "thursday", "friday", "police", "fire", "rescue", "probation",
}  # fmt: skip


@dataclass
class PersonDraft:
    key: str
    name: str
    clause: str
    quote: str
    holds: list[str] = field(default_factory=list)


def find_people(clauses: list[Clause], entities: Entities) -> list[PersonDraft]:
    people: dict[str, PersonDraft] = {}
    taken = set(entities.items)
    for clause in clauses:
        for setting in _SETTINGS:
            for match in setting.finditer(clause.text):
                name = _person_name(match.group("name"), entities)
                if name is None:
                    continue
                end = match.start("name") + len(name)
                role = _role_beside(clause.text, end, match.start("name"), entities)
                person = people.get(name)
                if person is None:
                    if setting is _SETTINGS[-1] and role is None:
                        continue  # "X, ..." is a person only beside a post
                    key = _key(name, taken)
                    person = people[name] = PersonDraft(key, name, clause.id, name)
                if role and role not in person.holds:
                    person.holds.append(role)
    return list(people.values())


def _person_name(name: str, entities: Entities) -> str | None:
    """The longest run of the matched words that looks like a person ("Stephen Shore" of "Stephen Shore
    Signed", where a signature block runs on into its next field)."""
    words = name.split()
    for size in range(len(words), 1, -1):
        candidate = " ".join(words[:size])
        if _looks_like_a_person(candidate, entities):
            return candidate
    return None


def _looks_like_a_person(name: str, entities: Entities) -> bool:
    words = name.split()
    if any(w.lower() in _NOT_A_NAME_WORD | BODY_HEADS | ROLE_HEADS | LEADING_STOPWORDS for w in words):
        return False
    return entities.resolve(name) is None and entities.resolve(words[0]) is None


def _role_beside(text: str, after: int, before: int, entities: Entities) -> str | None:
    """The known post named right after the name (", Chief Executive of X", " (Independent Chair ...")
    or right before it ("Independent Chair Jo Bloggs", "Our Chair is Jo Bloggs")."""
    for mention in entities.mentions(text):
        entity = entities.items.get(mention.key)
        if entity is None or not entity.role:
            continue
        gap_after = text[after : mention.start]
        gap_before = text[mention.end : before]
        if mention.start >= after and re.fullmatch(
            r"\s*(?:,|\(|,?\s+the|\s+as)?\s*(?:the\s+)?(?:(?:newly\s+)?appointed\s+|new\s+|current\s+)?"
            r"(?:independent\s+)?",
            gap_after,
            re.IGNORECASE,
        ):
            return mention.key
        if mention.end <= before and re.fullmatch(r"\s*(?:is|was|,)?\s*", gap_before, re.IGNORECASE):
            return mention.key
    return None


def _key(name: str, taken: set[str]) -> str:
    base = slug(name, 70) or "person"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate
