"""Lists printed inside a sentence: "The five sub-groups are A, B, the C and D", "Members of the Group are
officers from the following organisations: A, B and C", "X includes representation from A, B and C".

Issue 9 counts "layout not read" as the first cause of missed bodies and memberships: a lead-in whose noun
gives the relation of every item after it. Bulleted lists are read by the segmenter (each bullet an item
of its lead-in); this module reads the same structure when it is printed as one sentence. It knows only
the English shape of a list (commas, a final "and", an Oxford comma), never a protocol's names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govgraph.graph.model import Relation

_PLURAL_PARTS = r"(?:sub[\s-]?groups|sub[\s-]?committees|working\s+groups|task\s+and\s+finish\s+groups)"
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
# "The (five) sub-groups (of the Board) are/comprise/include ..."
_SUBGROUPS_ARE = re.compile(
    rf"\b(?:(?P<count>{'|'.join(_COUNTS)})\s+)?{_PLURAL_PARTS}(?:\s+of\s+(?:the\s+)?[^,.;:]{{1,60}}?)?\s+"
    r"(?:are|were|include|comprised|comprise|consist\s+of|being)\s*:?\s*",
    re.IGNORECASE,
)
# "includes representation from", "comprises", "members ... are officers from the following
# organisations:": what follows lists the body's members.
_MEMBERS_ARE = re.compile(
    r"\b(?:(?:includes?|including)\s+(?:representation|representatives|members)\s+(?:from|of)"
    r"|(?:consists?|consisting)\s+of|comprised\s+of|comprises?|is\s+made\s+up\s+of|brings\s+together"
    r"|membership\s+(?:includes?|comprises?)"
    r"|(?:are|include)\s+(?:[\w-]+\s+){0,3}?from\s+the\s+following\s+(?:organisations|agencies|bodies|partners)"
    r"\s*:)\s*(?:the\s+following(?:\s+(?:organisations|agencies|bodies|partners))?\s*:\s*)?",
    re.IGNORECASE,
)
# "Members of the Board include A, B and C", "Membership of the SAB comprises A, B and C", "The Board's
# statutory partners are A, B and C": the list's whole is named before the verb, the items after it
# (a name: a capital, or "the" and a capital, so "are expected to attend, ..." is no list).
_MEMBERS_OF_ARE = re.compile(
    r"(?i:\b(?:members|membership)\s+of\s+(?:the\s+)?[^,.;:()]{1,80}?"
    r"|['\u2019]s\s+(?:(?:statutory|core|voting|key|main|founding)\s+)?(?:members|partners|membership))"
    r"\s+(?i:are|will\s+be|include|includes|comprise|comprises)\s*:?\s*(?=(?:[Tt]he\s+)?[A-Z])",
)
_MEMBERS_OF = re.compile(r"\b(?:members|membership)\s+of\s+(?:the\s+)?", re.IGNORECASE)
_MAX_ITEM_WORDS = 9
_PLURAL_HEADS = {
    "groups", "sub-groups", "subgroups", "committees", "sub-committees", "panels", "boards", "partnerships",
    "forums", "bodies", "organisations", "agencies",
}  # fmt: skip


@dataclass(frozen=True)
class InlineList:
    relation: Relation  # what every item is of the whole: SUBGROUP_OF or MEMBER_OF
    lead_end: int  # where the lead-in ends (the whole is named before it)
    whole_from: int | None  # where "members of X" names the whole, if it does
    items: list[tuple[int, str]]  # each item's start in the text and its words as printed
    count: int | None  # "the five sub-groups": how many the text says there are


def inline_list(text: str, start: int, end: int) -> InlineList | None:
    """The list the sentence text[start:end] prints after a lead-in, if it has one of two items or more."""
    match = _SUBGROUPS_ARE.search(text, start, end)
    relation = Relation.SUBGROUP_OF
    if match is None:
        match, relation = _MEMBERS_ARE.search(text, start, end), Relation.MEMBER_OF
    if match is None:
        match = _MEMBERS_OF_ARE.search(text, start, end)
    if match is None:
        return None
    count = _COUNTS.get((match.groupdict().get("count") or "").lower())
    items = list_items(text, match.end(), end, count)
    if len(items) < 2:
        return None
    named = _MEMBERS_OF.search(text, start, match.start())
    return InlineList(relation, match.start(), named.end() if named else None, items, count)


def list_items(text: str, start: int, end: int, count: int | None = None) -> list[tuple[int, str]]:
    """The items of 'A, B, the C, and D, E and F': split at commas; the piece that starts with 'and' is
    the last item, so any commas after it are inside that item's name (an Oxford comma before a name
    with commas of its own); without one, the last piece splits at its last ' and ' unless the count
    says the pieces are already all there."""
    listed = text[start:end].rstrip(" .;:")
    pieces: list[tuple[int, str]] = []
    for match in re.finditer(r"[^,]+", listed):
        raw = match.group(0)
        lead = len(raw) - len(raw.lstrip())
        pieces.append((start + match.start() + lead, raw.strip()))
    pieces = [(at, words) for at, words in pieces if words]
    final = next((i for i, (_, words) in enumerate(pieces) if i and words.lower().startswith("and ")), None)
    if final is not None:
        at, _ = pieces[final]
        whole = text[at : start + len(listed)]
        pieces = [*pieces[:final], (at + 4, whole[4:].strip())]
    elif pieces and (count is None or len(pieces) < count):
        at, words = pieces[-1]
        cut = words.rfind(" and ")
        if cut > 0:
            pieces[-1:] = [(at, words[:cut]), (at + cut + 5, words[cut + 5 :])]
    items = [_without_article(at, _without_aside(words)) for at, words in pieces if _a_name(words)]
    return [(at, words) for at, words in items if words]


def names_kinds(items: list[tuple[int, str]]) -> bool:
    """'made up of different, smaller groups', 'the Board and various sub groups': a list that counts
    kinds of group (a plural head after a lower-case word) describes, it names no one body."""
    for _, words in items:
        parts = words.split()
        if parts[-1].lower() in _PLURAL_HEADS and (len(parts) == 1 or parts[0].islower()):
            return True
    return False


def _without_aside(words: str) -> str:
    """'Business Group (see below)': a parenthetical after an item is an aside, not part of its name,
    unless it is the item's acronym, which the entities read."""
    aside = re.search(r"\s*\((?![A-Z][A-Za-z&]*[A-Z]s?\))[^()]*\)\s*$", words)
    return words[: aside.start()] if aside else words


# "senior representatives from the Police", "officers of the Council": the item is the organisation.
_SENT_BY = re.compile(
    r"(?:(?:senior|nominated|named|appropriate)\s+)?(?:representatives?|representation|officers?|delegates?)"
    r"\s+(?:from|of)\s+(?=(?:the\s+)?[A-Z])",
    re.IGNORECASE,
)


def _without_article(at: int, words: str) -> tuple[int, str]:
    article = re.match(r"(?:(?:as\s+well\s+as|and|or)\s+)?(?:(?:the|an?)\s+)?", words, re.IGNORECASE)
    if article:
        at, words = at + article.end(), words[article.end() :]
    sent = _SENT_BY.match(words)
    if sent and sent.end() < len(words):
        return _without_article(at + sent.end(), words[sent.end() :])
    return at, words


def _a_name(words: str) -> bool:
    """An item a list can hold: a few words, not a clause of its own."""
    return 0 < len(words.split()) <= _MAX_ITEM_WORDS and not re.search(
        r"\b(?:is|are|was|were|will|must|should|shall|has|have|who|which|that)\b", words, re.IGNORECASE
    )
