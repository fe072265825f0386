"""People a protocol names, holding the posts it names with them: signatories ("Name: Jo Bloggs ...
Designation: Chair"), "Jo Bloggs, Chief Executive of the Council", "chaired by Jo Bloggs (Independent
Chair of the LSCB)", "Our Independent Chair is Jo Bloggs", and the rows of a signature table ("1 Jo Bloggs
Kestrel Borough Council", under a heading or lead-in about signatories: issue 9, layout not read).

A person is taken only in one of these settings, next to a post the document already knows or as a
signatory, never from a capitalised pair alone: most such pairs are names of places or bodies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from govgraph.loaders.extract.entities import Entities, a_person, add_listed_entity
from govgraph.loaders.extract.ids import slug
from govgraph.loaders.extract.segment import Clause
from govgraph.loaders.extract.vocabulary import BODY_HEADS, LEADING_STOPWORDS, ROLE_HEADS

_PART = r"[A-Z][a-z]+(?:[-'\u2019][A-Z][a-z]+)?"
_RANKS = (
    r"(?:Dr|Doctor|Professor|Prof|Detective|Det|Chief|Superintendent|Supt|Inspector|Insp|Sergeant|Sgt"
    r"|Constable|Commander|Reverend|Rev|Sir|Dame|Lord|Lady|Baroness)\.?"
)
_NAME = rf"(?P<name>{_PART}(?:\s+{_PART}){{1,2}})"
_SETTINGS = [
    re.compile(rf"\bName:\s*{_NAME}"),
    re.compile(
        rf"\b(?:Contact(?:\s+(?:details|officer))?|Author|Report\s+author|Lead\s+officer):\s*{_NAME}", re.I
    ),
    re.compile(rf"\b(?:Councillor|Cllr\.?)\s+{_NAME}"),
    # Only the setting's words ignore case: a name is capitalised words ("chaired by different people"
    # names nobody; an all-ignoring pattern took it for a person).
    re.compile(rf"\b(?i:chaired\s+by)\s+{_NAME}"),
    re.compile(rf"\b(?i:(?:Chair|Chairman|Chairperson|Lead|Manager|Scrutineer)\s+(?:is|was))\s+{_NAME}"),
    # minutes: "Jo Bloggs introduced the report", "Minutes: Jo Bloggs gave an update" (a speaker)
    re.compile(
        rf"(?:^|[,;:.]\s+|\b(?:and)\s+){_NAME}(?=\s+(?:(?:then|also|briefly)\s+)?(?:introduced|presented|"
        r"gave|explained|reported|outlined|summarised|highlighted|emphasised|confirmed|thanked|welcomed|"
        r"noted|advised|informed|updated|responded|added|stated|said|asked)\b)"
    ),
    # a rank or a title before the name in a list of those present ("; Detective Superintendent Ann Bell,
    # Kestrel Police", "Dr Sam Hill, Designated Doctor"): a person, post or not
    re.compile(rf"(?:^|[,;:.]\s+)(?:{_RANKS}\s+)+{_NAME}(?=\s*[,(;]|\s*$)"),
    # "Councillor Meadows": a councillor named by the surname alone; not the statutory "Councillor Call(s)
    # for Action" (a councillor's referral, Police and Justice Act 2006), which names nobody
    re.compile(rf"\b(?:Councillor|Cllr\.?)\s+(?!Calls?\s+for\b)(?P<name>{_PART})\b(?!\s+[A-Z])"),
    # a post's holder by initial and surname in brackets ("DIRECTOR, ADULTS SERVICES (L. ADDAMS)")
    re.compile(r"\((?P<name>[A-Z]\.\s?[A-Z][A-Za-z'\u2019-]+)\)"),
    re.compile(
        rf"(?:^|[,;:.]\s+|\b[a-z]+\s+){_NAME}"
        r"(?=\s*(?:,\s*|\s+\(|\s+the\s+|\s+[-\u2013\u2014]\s+|\s+(?:has\s+been|was|is)\s+appointed\b))"
    ),
]
_SIGNATURE = re.compile(r"\b(?:undersigned|signator(?:y|ies)|signed|signature)\b", re.IGNORECASE)
# A row of a signature table: an optional row number (or the table's header run on into its first row),
# then the signatory's name, then their organisation or post.
_SIGNATURE_ROW = re.compile(
    rf"^(?:.*\bSignature\s+)?(?:\d{{1,3}}[.)]?\s+)?(?P<words>{_PART}(?:\s+{_PART}){{1,2}})"
)
_HEAD_AFTER = (
    BODY_HEADS | ROLE_HEADS | {"agencies", "organisations", "partners", "members", "bodies", "services"}
)
_HONORIFIC = re.compile(r"(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss|Professor|Prof)\.?")
_NOT_A_FORENAME = {"north", "south", "east", "west", "central", "greater", "royal", "new", "mid"}
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
                printed = match.group("name")
                single = setting in _SINGLE_NAME_SETTINGS
                name = _single_name(printed, entities) if single else _person_name(printed, entities)
                if name is None:
                    continue
                begin = match.start("name") + max(printed.find(name), 0)  # after a title ("Dr ")
                end = begin + len(name)
                role = _role_beside(clause.text, end, begin, entities)
                role = role or _chair_stated_by(name, clause, entities)
                person = people.get(name)
                if person is None:
                    if setting in (_SETTINGS[-1], _SETTINGS[-2]) and role is None:
                        continue  # "X, ..." and "(A. Bell)" are a person only beside a post
                    key = _key(name, taken)
                    person = people[name] = PersonDraft(key, name, clause.id, name)
                if role and role not in person.holds:
                    person.holds.append(role)
                title = _title_post(match.group(0), clause, entities)
                if title and title not in person.holds:
                    person.holds.append(title)  # "Councillor Jo Bloggs" holds the post of Councillor
                if role:
                    for other in _coordinated_before(clause.text, match.start("name"), entities):
                        held = people.get(other) or PersonDraft(_key(other, taken), other, clause.id, other)
                        people[other] = held
                        if role not in held.holds:
                            held.holds.append(role)
        _signatory(clause, clauses, entities, people, taken)
    return list(people.values())


_POST_TITLE = re.compile(r"(?:Councillor|Cllr\.?)\s", re.IGNORECASE)


def _title_post(matched: str, clause: Clause, entities: Entities) -> str | None:
    """'Councillor Jo Bloggs': a title that is a post (an elected member's), held by the person it
    names; the post is the document's "Councillor", added when it is not yet known."""
    if not _POST_TITLE.match(matched):
        return None
    printed = matched.split()[0]
    if printed.lower() != "councillor" or printed not in clause.text:
        return entities.resolve("Councillor")  # "Cllr": the post only if the text names it in full
    return add_listed_entity(entities, printed, clause)


_ONE_NAME = rf"{_PART}(?:\s+{_PART}){{1,2}}"
_COORDINATED_NAMES = re.compile(rf"(?P<names>{_ONE_NAME}(?:,\s+{_ONE_NAME})*),?\s+and\s+$")


def _coordinated_before(text: str, start: int, entities: Entities) -> list[str]:
    """'Jo Bloggs and Sam Smith, as Co-Chairs of the Board': the people coordinated before the one the
    post is printed beside hold it with them (each a name on its own, none a body's)."""
    match = _COORDINATED_NAMES.search(text[max(0, start - 120) : start])
    if match is None:
        return []
    printed = [words.strip() for words in match.group("names").split(",")]
    names = [_person_name(words, entities) for words in printed]
    if names != printed:
        return []  # one of them is no person's name: not a list of people
    return printed


def _signatory(
    clause: Clause, clauses: list[Clause], entities: Entities, people: dict[str, PersonDraft], taken: set[str]
) -> None:
    """'1 Jo Bloggs Kestrel Borough Council' under 'Signatories' or 'The undersigned agree ...:': the
    name before the organisation (or post, or the row's end) is a signatory."""
    lead = next((c.text for c in clauses if c.id == clause.lead_in), "") if clause.lead_in else ""
    if not any(_SIGNATURE.search(t) for t in (clause.heading or "", lead)) or len(clause.text.split()) > 14:
        return
    match = _SIGNATURE_ROW.match(clause.text)
    if match is None:
        return
    name = _signatory_name(clause.text, match.start("words"), match.group("words").split(), entities)
    if name is None or name in people:
        return
    key = _key(name, taken)
    people[name] = PersonDraft(key, name, clause.id, name)
    role = _role_beside(clause.text, match.start("words") + len(name), match.start("words"), entities)
    if role:
        people[name].holds.append(role)


def _signatory_name(text: str, start: int, words: list[str], entities: Entities) -> str | None:
    """The two (else three) words after which the organisation or post begins, or the row ends."""
    starts = {m.start for m in entities.mentions(text)}
    if start in starts:
        return None  # a known body's name begins here ("Kestrel Metropolitan Borough Council")
    for exact in (True, False):
        for size in (2, 3):
            if size > len(words) or words[0].lower() in _NOT_A_FORENAME:
                continue
            name = " ".join(words[:size])
            end = start + len(name)
            rest = text[end:].strip()
            begins = end + (len(text[end:]) - len(text[end:].lstrip())) in starts
            if rest and rest.split()[0].lower().strip(",.;:") in _HEAD_AFTER:
                return None  # "Statutory Core Agencies": the words are the head's, not a person's
            if (begins or not rest) if exact else bool(rest[:1].isupper()):
                return name if _looks_like_a_person(name, entities) and a_person(name) else None
    return None


_SINGLE_NAME_SETTINGS = (_SETTINGS[-3], _SETTINGS[-2])


def _single_name(name: str, entities: Entities) -> str | None:
    """A person named by one word ("Councillor Meadows") or an initial and a surname ("L. ADDAMS")."""
    words = [w for w in name.replace(".", " ").split() if len(w) > 1]  # an initial is no word
    vocabulary = _NOT_A_NAME_WORD | BODY_HEADS | ROLE_HEADS | LEADING_STOPWORDS
    if not words or any(w.lower() in vocabulary for w in words):
        return None
    return name if entities.resolve(name) is None else None


def _person_name(name: str, entities: Entities) -> str | None:
    """The longest run of the matched words that looks like a person ("Stephen Shore" of "Stephen Shore
    Signed", where a signature block runs on into its next field)."""
    words = name.split()
    if words and _HONORIFIC.fullmatch(words[0]):
        words = words[1:]  # "Cllr Jo Bloggs" is Jo Bloggs, whom "Councillor Jo Bloggs" names too
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
            r"\s*(?:,|\(|,?\s+the|,?\s+as|\s+[-\u2013\u2014]|(?:\s+(?:has\s+been|was|is))?\s+appointed(?:\s+as)?)?"
            r"\s*(?:the\s+)?(?:(?:newly\s+)?appointed\s+|new\s+|current\s+)?"
            r"(?:independent\s+)?",
            gap_after,
            re.IGNORECASE,
        ):
            return mention.key
        if mention.end <= before and re.fullmatch(
            rf"\s*(?:is|was|,|\()?\s*(?:{_HONORIFIC.pattern}\s+)?", gap_before, re.IGNORECASE
        ):
            return mention.key
    return None


def _chair_stated_by(name: str, clause: Clause, entities: Entities) -> str | None:
    """The chair a 'the Board, chaired by Cllr Jo Bloggs' sentence made a post of: Jo Bloggs holds it."""
    for entity in entities.items.values():
        quote = entity.quote.lower()
        if (
            entity.role
            and entity.clause == clause.id
            and quote.startswith("chaired by")
            and name in entity.quote
        ):
            return entity.key
    return None


def _key(name: str, taken: set[str]) -> str:
    base = slug(name, 70) or "person"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate
