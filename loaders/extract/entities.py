"""Bodies and roles a protocol names, their aliases, and where each clause mentions them.

Protocols define some names ("Wirral Children's Trust (WCT)", "Leicester Children's Trust ('the Trust')")
and use others freely: a suffix of a full name ("the Children's Trust"), an undefined acronym built from
its initials ("CT", "CTB"), "the <Board>" when only one body is a board, "WCT Board" for WCT itself.
Everything is resolved per document; what cannot be resolved is reported for the reviewer, never guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from govgraph.graph.model import BodyKind
from govgraph.loaders.extract import ids
from govgraph.loaders.extract.organisations import (
    KNOWN_ACRONYMS,
    NOT_THE_ORGANISATION_AFTER,
    ORGANISATION_HEADS,
    ORGANISATION_WORDS,
    organisation_name,
    sub_head,
)
from govgraph.loaders.extract.segment import Clause
from govgraph.loaders.extract.vocabulary import (
    BODY_HEADS,
    CONNECTORS,
    DOCUMENT_HEADS,
    LEADING_STOPWORDS,
    MEMBER_QUALIFIERS,
    ROLE_HEADS,
    body_kind,
)

_WORD = r"[A-Z][\w'\u2019&-]*"
_PHRASE = re.compile(rf"{_WORD}(?:\s+(?:(?:of|and|for|in|&|on)(?:\s+the)?\s+)?{_WORD})*")
_ACRONYM_DEF = re.compile(r"\(\s*['\"\u2018\u201c]?(?P<acr>[A-Z][A-Za-z&]*[A-Z]s?)['\"\u2019\u201d]?\s*\)")
_SHORT_DEF = re.compile(
    r"\(\s*(?:hereafter\s+|referred to as\s+)?(?P<the>the\s+)?['\"\u2018\u201c]"
    r"(?P<short>(?:the\s+)?[A-Z][\w&'\u2019 -]*?)['\"\u2019\u201d]\s*\)"
)
_KNOWN_ACRONYM_DEF = re.compile(
    r"\(\s*(?P<acr>"
    + "|".join(a for a in sorted(KNOWN_ACRONYMS) if not a.isupper() and len(a) > 3)
    + r")\s*\)"
)
_QUOTED_NAME = re.compile(
    r"[\"\u201c\u2018](?P<own>[A-Z][\w'&-]*(?:\s+(?:(?:and|of|for|&)\s+)?[A-Z][\w'&-]*){0,5})[\"\u201d\u2019]"
    r"\s+(?P<head>[A-Z][\w-]+)\b"
)
_NAME_RUN = r"[A-Z][\w'\u2019&-]*(?:\s+(?:(?:of|and|for|&)\s+)?[A-Z][\w'\u2019&-]*){0,7}"
_KNOWN_AS = re.compile(
    rf"(?P<subj>\b(?:[Tt]he\s+)?{_NAME_RUN})\s+(?:is|are|was|will\s+be|shall\s+be)\s+(?:now\s+|also\s+)?"
    rf"(?:known|referred\s+to)\s+as\s+(?:the\s+)?[\"'\u2018\u201c]?(?P<alias>{_NAME_RUN})"
)
_THE_KIND_DEF = re.compile(
    r"\(\s*the\s+(?P<short>[A-Z][\w'\u2019&-]*(?:\s+(?:(?:and|of|for|&)\s+)?[A-Z][\w'\u2019&-]*){0,5})\s*\)"
)
_UPPER_TOKEN = re.compile(r"(?<![\w&])(?P<tok>[A-Z][A-Z&]{1,6})(?:s|'s|\u2019s)?(?![\w&])")
_ROMAN = re.compile(r"^[IVXLC]+$")
_SHOUTED = re.compile(r"\b[A-Z][A-Z'\u2019&-]+(?:\s+[A-Z][A-Z'\u2019&-]+){2,}\b")
_SUBGROUP_SUFFIX = re.compile(
    r"^(?P<parent>.+?)\s+(?P<suffix>(?:Executive\s+)?(?:Sub-?[Gg]roup|Group|Committee|Sub-?[Cc]ommittee|Panel|"
    r"Executive))$"
)
_COLLECTIVE_PARTNERS = re.compile(
    r"\b(?P<pre>(?:(?:each|every|all|their|its|the)\s+)?(?:(?:relevant|constituent|local|statutory|key)\s+)*)"
    r"(?P<noun>partner agencies|partner organisations|partners?|agencies)\b(?P<of>\s+of\s+(?:the\s+)?)?",
    re.IGNORECASE,
)
_MEMBERS_OF = re.compile(r"\b(?:members?)\s+of\s+(?:the\s+)?", re.IGNORECASE)
_COMMUNITY = re.compile(
    r"\b(?:the\s+)?(?:(?:local|wider)\s+(?:community|communities|public)|general\s+public)\b"
    r"|\bthe\s+public\b(?!\s+(?:health|sector|bodies|body|services))",
    re.IGNORECASE,
)
_LAY = re.compile(r"\blay\s+(?:members?|persons?|people)\b", re.IGNORECASE)
_APPOINTED_BEFORE = re.compile(
    r"\b(?:appoint\w*|recruit\w*|elect\w*)\b[^.;]*$|\b(?:one|two|three|four|five|\d+)\s+$", re.IGNORECASE
)
_GROUP_REF = re.compile(
    r"\b(?:each other|one another|both\s+(?:boards|bodies|partnerships|parties|organisations)"
    r"|(?:the\s+)?(?:two|three|four)\s+(?:boards|bodies|partnerships|parties|organisations))\b",
    re.IGNORECASE,
)
_CACHE_ENTRIES = 4_096
COLLECTIVE = "partners"
COMMUNITY = "community"


@dataclass
class Entity:
    key: str
    name: str
    role: bool
    kind: BodyKind | None
    clause: str
    quote: str
    how: str
    aliases: list[str] = field(default_factory=list)
    acronym: str | None = None
    body: str | None = None  # for roles: the body the post belongs to
    collective: bool = False
    parent: tuple[str, str, str] | None = None  # (parent key, clause, quote): a sub-group named after it


@dataclass(frozen=True)
class Mention:
    key: str  # an entity key, or a group reference: "@each-other", "@both", "@parties"
    start: int
    end: int
    surface: str
    owner_of: tuple[str, ...] = ()  # for "X partners", "partners of X", "members of X": X


@dataclass
class Note:
    clause: str
    line: int
    message: str


class Entities:
    """The document's bodies and roles, with a resolver from text to mentions."""

    def __init__(self) -> None:
        self.items: dict[str, Entity] = {}
        self.area: str | None = None
        self.parties: list[str] = []
        self.meeting: str | None = None  # a minutes page's own body ("Meeting: 05/12/2012 - Cabinet")
        self.notes: list[Note] = []
        self.non_entities: set[str] = set()  # acronyms of documents and plans
        self.clause_texts: dict[str, str] = {}  # clause id -> text, for the lead-in of a listed name
        self._aliases: dict[str, str] = {}
        self._patterns: list[tuple[str, re.Pattern[str]]] = []
        self._signature: tuple = ()  # type: ignore[type-arg]
        self.version = 0  # bumped whenever the aliases change
        self._named_cache: dict[str, tuple[tuple, list[Mention]]] = {}
        self._mentions_cache: dict[str, tuple[tuple, list[Mention]]] = {}

    # -- resolution --------------------------------------------------------------------------------

    def alias_map(self) -> dict[str, str]:
        return self._aliases

    def resolve(self, surface: str) -> str | None:
        """The entity a name refers to, trying the ways protocols shorten names."""
        text = _clean(surface)
        if text in self._aliases:
            return self._aliases[text]
        bare = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
        curly = bare.replace("'", "\u2019")  # a name printed with a curly apostrophe is kept as printed
        for candidate in (bare, f"the {bare}", curly, f"the {curly}"):
            if candidate in self._aliases:
                return self._aliases[candidate]
        boards = re.match(r"^(?P<base>.+?)\s+Boards?$", bare)
        if boards and boards.group("base") in self._aliases:
            return self._aliases[boards.group("base")]
        plain = _without_possessive(bare)
        if plain != bare:
            return self.resolve(plain)
        return None

    def resolve_body(self, surface: str) -> str | None:
        """The body a name refers to; None when it names a post or nothing ("Leader" in "Leader of the
        Main Opposition Group" resolves to the post itself, which no post can belong to)."""
        key = self.resolve(surface)
        return key if key is not None and not self.items[key].role else None

    def compile(self) -> None:
        """Build the matchers over every alias. An alias two entities claim is dropped (unless it is one's
        full name): an ambiguous short form is reported, never guessed."""
        owners: dict[str, set[str]] = {}
        for entity in self.items.values():
            for alias in {entity.name, *entity.aliases}:
                owners.setdefault(alias, set()).add(entity.key)
        signature = tuple(sorted((alias, tuple(sorted(keys))) for alias, keys in owners.items()))
        if signature == self._signature:
            return  # nothing new to match: keep the matchers (and the version) as they are
        self._signature = signature
        self.version += 1
        self._aliases = {}
        for alias, keys in owners.items():
            if len(keys) == 1:
                self._aliases[alias] = next(iter(keys))
            else:
                for key in keys:
                    entity = self.items[key]
                    if alias in entity.aliases and alias != entity.name:
                        entity.aliases.remove(alias)
                if not any(self.items[k].name == alias for k in keys):
                    continue
                self._aliases[alias] = next(k for k in sorted(keys) if self.items[k].name == alias)
        self._patterns = [
            (key, re.compile(rf"(?<![\w&]){_alias_regex(alias)}(?:\s+Boards?\b)?(?![\w&])"))
            for alias, key in sorted(self._aliases.items(), key=lambda item: -len(item[0]))
        ]

    def _named(self, text: str) -> list[Mention]:
        """Every occurrence of every alias (overlapping: the caller keeps the longest). Remembered per
        text until the aliases change: the readers ask about the same clause many times."""
        cached = self._named_cache.get(text)
        if cached is not None and cached[0] == self._state():
            return cached[1]
        found = [
            Mention(key, match.start(), match.end(), match.group(0))
            for key, pattern in self._patterns
            for match in pattern.finditer(text)
        ]
        self._remember(self._named_cache, text, found)
        return found

    def _state(self) -> tuple:  # type: ignore[type-arg]
        """What mentions depend on: the aliases, which entities exist, which bodies are the parties."""
        return (self.version, len(self.items), tuple(self.parties))

    def _remember(
        self, cache: dict[str, tuple[tuple, list[Mention]]], text: str, found: list[Mention]
    ) -> None:
        if len(cache) > _CACHE_ENTRIES:
            cache.clear()
        cache[text] = (self._state(), found)

    def mentions(self, text: str) -> list[Mention]:
        """Every reference in ``text``, longest first, without overlaps, in order."""
        cached = self._mentions_cache.get(text)
        if cached is not None and cached[0] == self._state():
            return list(cached[1])
        found = self._all_mentions(text)
        self._remember(self._mentions_cache, text, found)
        return list(found)

    def _all_mentions(self, text: str) -> list[Mention]:
        found = list(self._named(text))
        found += self._collective_mentions(text)
        found += [
            Mention(f"@{_group_kind(m.group(0))}", m.start(), m.end(), m.group(0))
            for m in _GROUP_REF.finditer(text)
        ]
        return [m for m in _without_overlaps(found) if not _after_other(text, m.start)]

    def _collective_mentions(self, text: str) -> list[Mention]:
        out: list[Mention] = []
        if COLLECTIVE in self.items:
            for match in _COLLECTIVE_PARTNERS.finditer(text):
                out.append(self._partner_mention(text, match))
            for match in _MEMBERS_OF.finditer(text):
                owner = self._mention_at(text, match.end())
                before = text[max(0, match.start() - 12) : match.start()].lower()
                if owner and owner.key in self.parties and not re.search(r"\b(?:is|are|as|a|an)\s*$", before):
                    out.append(
                        Mention(
                            COLLECTIVE,
                            match.start(),
                            owner.end,
                            text[match.start() : owner.end],
                            (owner.key,),
                        )
                    )
        if COMMUNITY in self.items:
            out += [Mention(COMMUNITY, m.start(), m.end(), m.group(0)) for m in _COMMUNITY.finditer(text)]
        if "lay-member" in self.items:
            out += [Mention("lay-member", m.start(), m.end(), m.group(0)) for m in _LAY.finditer(text)]
        return out

    def _partner_mention(self, text: str, match: re.Match[str]) -> Mention:
        start, end = match.start(), match.end("noun")
        owners: tuple[str, ...] = ()
        if match.group("of"):
            owner = self._mention_at(text, match.end())
            if owner is not None:
                owners, end = (owner.key,), owner.end
        else:
            before = self._mention_ending_at(text, match.start())
            if before is not None and not before.key.startswith("@"):
                owners, start = (before.key,), before.start
        return Mention(COLLECTIVE, start, end, text[start:end], owners)

    def _mention_at(self, text: str, position: int) -> Mention | None:
        starting = [m for m in _without_overlaps(self._named(text)) if m.start == position]
        return starting[0] if starting else None

    def _mention_ending_at(self, text: str, position: int) -> Mention | None:
        end = len(text[:position].rstrip())
        ending = [m for m in _without_overlaps(self._named(text[:end])) if m.end == end]
        return ending[0] if ending else None


# -- finding the entities -----------------------------------------------------------------------------


def find_entities(clauses: list[Clause], area: str | None = None) -> Entities:
    finder = _Finder(clauses, area)
    return finder.run()


class _Finder:
    def __init__(self, clauses: list[Clause], area: str | None) -> None:
        self.clauses = clauses
        self.out = Entities()
        self.out.area = area
        self.area_known = False
        self.by_id = {clause.id: clause for clause in clauses}
        self.signature_rows: dict[str, bool] = {}
        self.out.clause_texts = {clause.id: clause.text for clause in clauses}

    def run(self) -> Entities:
        for clause in self.clauses:
            self._definitions(clause)
        if self.out.area is None:
            self.out.area = _infer_area([e.name for e in self.out.items.values() if not e.role])
        self.area_known = True
        for entity in list(self.out.items.values()):
            self._derived_aliases(entity)
        self.out.compile()
        self._shouted_title()
        self._initials()  # before free names, so "KYP Board" is read as a known body's board
        self.out.compile()
        for clause in self.clauses:
            self._phrases(clause)
        self._quoted_names()
        self._shared_plural_heads()
        self._posts_after_bodies()
        self._drop_kinds()
        self._drop_plural_posts()
        self._merge_shortened_names()
        self._headless_names()
        if self.out.area is None:  # no defined name gave it: the free names may
            self.out.area = _infer_area([e.name for e in self.out.items.values() if not e.role])
            for entity in list(self.out.items.values()):
                if self.out.area is not None:
                    self._derived_aliases(entity)
        self._collectives()
        self._short_forms()
        self.out.compile()
        self._initials()
        self.out.compile()
        self._meeting()  # once the initials are known: "Agenda item for HWB." names the known board
        self._listed_acronyms()
        self._known_acronyms()
        self._merge_placed_acronyms()
        self._known_as()
        for clause in self.clauses:
            self._represented(clause)
        self._lower_case_groups()
        self._merge_area_short_names()
        self._council_references()
        self._merge_posts()
        self._parties()
        self._unknown_references()
        return self.out

    def _shouted_title(self) -> None:
        """A title printed in capitals that is a placed body's name ("KESTREL COMMUNITY SAFETY
        PARTNERSHIP"): the body, named in title case, the capitals its alias (capitals are read as
        neither names nor acronyms elsewhere)."""
        title = next((c for c in self.clauses if c.kind == "title"), None)
        if title is None or not title.text.isupper() or not 2 <= len(title.text.split()) <= _HEADING_WORDS:
            return
        printed = title.text.strip(" .:")
        name = " ".join(
            w.lower() if w.lower() in CONNECTORS | {"the"} else w.capitalize() for w in printed.split()
        )
        if classify(name) != "body" or not (_place_prefix(name) or (self.out.area and self.out.area in name)):
            return
        same = next((e for e in self.out.items.values() if e.name.upper() == printed), None)
        if same is None:
            same = self._new(name, False, title, printed, "the title, printed in capitals")
        if printed not in same.aliases:
            same.aliases.append(printed)
        self.out.compile()

    def _meeting(self) -> None:
        """A council minutes page's line "Meeting: 05/12/2012 - Cabinet (Item 5)" (or "Agenda item for
        the HWB.") names the body whose minutes these are (a one-word "Cabinet" too): a body of the
        document, and the one "the Board" (its head word with "the") means where no other body already
        goes by that name."""
        for clause in self.clauses[:_MEETING_LINES]:
            match = _MEETING_LINE.match(clause.text)
            if match is None:
                continue
            name = match.group("name") or match.group("agenda")
            key = self.out.resolve(name)
            if key is None:
                entity = self._new(name, False, clause, name, "the meeting whose minutes these are")
                key = entity.key
            entity = self.out.items[key]
            if entity.role:
                return
            short = "the " + entity.name.split()[-1]
            other = self.out.resolve(short)
            if other is not None and other != key and short in self.out.items[other].aliases:
                self.out.items[other].aliases.remove(short)  # a head's short form: the meeting's own
                other = None
            if len(entity.name.split()) > 1 and other is None:
                entity.aliases.append(short)
            self.out.meeting = key
            self.out.compile()
            return
        self._unnamed_meeting()

    def _unnamed_meeting(self) -> None:
        """Minutes ("Minutes:" on a line of its own) that call their meeting only "the committee" or "the
        Panel": that word, as printed, names the meeting's body, when no body of the text goes by it."""
        if not any(_MINUTES_LINE.match(c.text) for c in self.clauses[:_MEETING_LINES]):
            return
        for clause in self.clauses:
            for match in _BARE_MEETING.finditer(clause.text):
                if self.out.resolve(match.group(0)) is not None or _inside_longer(clause.text, match.start()):
                    continue
                word = match.group("word")
                entity = self._new(word, False, clause, word, "the meeting whose minutes these are")
                entity.aliases.append(match.group(0))
                self.out.meeting = entity.key
                self.out.compile()
                return

    # definitions: "Name (ACR)" and "Name ('the Short')"

    def _definitions(self, clause: Clause) -> None:
        text = clause.text
        for match in _ACRONYM_DEF.finditer(text):
            acronym = (
                match.group("acr").rstrip("s")
                if match.group("acr").endswith("s") and len(match.group("acr")) > 3
                else match.group("acr")
            )
            name = _name_for_acronym(text[: match.start()], acronym)
            if name is None:
                continue
            begin, end = text.rfind(name, 0, match.start()), match.end()
            rest = _name_after_acronym(text, end) if classify(name) is None else None
            if rest is not None:  # "Keeping Communities Safe (KCS) Business Delivery Group"
                name, end = f"{name} {rest[0]}", rest[1]
            self._define(clause, name, text[begin:end], acronym)
        for match in _KNOWN_ACRONYM_DEF.finditer(text):
            # "Children and Family Court Advisory and Support Service (Cafcass)": an acronym printed in
            # mixed case, which the capitals-only definition does not read
            name = _capitalised_run(text[: match.start()])
            if name is not None:
                name = _split_coordinated(name, self.out)[-1][1]
            if name is not None and classify(name) == "body":
                begin = text.rfind(name, 0, match.start())
                self._define(clause, name, text[begin : match.end()], match.group("acr"))
        glossary = _GLOSSARY_LINE.match(text)
        if glossary and classify(glossary.group("name")) == "body":
            self._define(clause, glossary.group("name"), glossary.group("name"), glossary.group("acr"))
        for match in _SHORT_DEF.finditer(text):
            short = match.group("short")
            name = _capitalised_run(text[: match.start()])
            if name is None:
                continue
            the = "the " if match.group("the") and not short.lower().startswith("the ") else ""
            quote = text[text.rfind(name, 0, match.start()) : match.end()]
            entity = self._define(clause, name, quote, None, short=re.sub(r"^the\s+", "", short, flags=re.I))
            if entity is not None:
                entity.aliases += [the + short, re.sub(r"^the\s+", "", short, flags=re.IGNORECASE)]
        for match in _THE_KIND_DEF.finditer(text):
            # "Safer Kestrel Partnership (the Community Safety Partnership)": the body that kind's name
            # stands for in this text, printed without quotes
            short = match.group("short")
            name = _capitalised_run(text[: match.start()])
            if name is not None:  # "the X Board and Safer Kestrel Partnership (the ...)": the last name
                name = _split_coordinated(name, self.out)[-1][1]
            if name is None or classify(short) != "body" or classify(name) != "body" or short == name:
                continue
            quote = text[text.rfind(name, 0, match.start()) : match.end()]
            entity = self._define(clause, name, quote, None)
            if entity is not None:
                entity.aliases += [f"the {short}", short]

    def _define(
        self, clause: Clause, name: str, quote: str, acronym: str | None, short: str | None = None
    ) -> Entity | None:
        kind = classify(name)
        if kind is None:
            if acronym:
                self.out.non_entities.add(acronym)
            return None
        # "... Children's Boards (LSCBs)" after "... Children's Board (LSCB)", apostrophes curly or not:
        # one name printed two ways
        same = {_clean(name), _clean(_singular(name))}
        existing = self.out.resolve(name) or next(
            (e.key for e in self.out.items.values() if e.name == name or _clean(e.name) in same), None
        )
        existing = existing or self._same_acronym(name, acronym)
        if existing:
            entity = self.out.items[existing]
            if acronym and acronym not in entity.aliases:
                entity.aliases.append(acronym)
            if len(name) > len(entity.name) and name.endswith(" " + entity.name):
                entity.aliases.append(entity.name)  # the fuller definition names the body
                entity.name = name
            return entity
        entity = self._new(name, kind == "role", clause, quote, "defined in the text", acronym, short)
        if acronym:
            entity.aliases.append(acronym)
        return entity

    def _same_acronym(self, name: str, acronym: str | None) -> str | None:
        """'Health & Wellbeing Board (HWB)' then 'Brighton & Hove Health & Wellbeing Board (HWB)': one body
        defined twice, once with its place name."""
        if not acronym:
            return None
        for entity in self.out.items.values():
            same_name = name.endswith(" " + entity.name) or entity.name.endswith(" " + name)
            if entity.acronym == acronym and not entity.role and same_name:
                return entity.key
        return None

    def _new(
        self,
        name: str,
        role: bool,
        clause: Clause,
        quote: str,
        how: str,
        acronym: str | None = None,
        short: str | None = None,
    ) -> Entity:
        singular = _singular(name)
        key = _unique_key(self.out.items, _key_for(short or singular, acronym, role))
        entity = Entity(
            key, singular, role, None if role else body_kind(singular), clause.id, quote, how, acronym=acronym
        )
        if singular != name:
            entity.aliases.append(name)
        self.out.items[key] = entity
        if self.area_known:
            self._derived_aliases(entity)
        return entity

    def _derived_aliases(self, entity: Entity) -> None:
        rest = _without_area(entity.name, self.out.area)
        if rest and len(rest.split()) >= 2 and rest.split()[0].lower() not in CONNECTORS:
            entity.aliases.append(rest)  # not "and Eastshire ..." of "Westshire and Eastshire ..."
        if entity.role:
            head = re.split(r"\s+(?:of|for)\s+", entity.name, maxsplit=1)[0]
            if head != entity.name and len(head.split()) >= 2:
                entity.aliases.append(head)
            first, _, rest = entity.name.partition(" ")
            if rest and len(rest.split()) >= 2 and (body := self.out.resolve_body(first)):
                entity.aliases.append(rest)  # "LA Chief Executive": the Chief Executive of the LA
                entity.body = entity.body or body

    # free names: "Children in Care Council", "Chair of the LSCB", "LSCB Executive Group"

    def _phrases(self, clause: Clause) -> None:
        known: list[Mention] = []
        known_at = -1  # the resolver's version the known mentions were found with
        for start, phrase in _candidate_phrases(clause.text):
            for offset, part in _split_repeated_heads(phrase, self.out):
                if part.startswith("the "):
                    offset, part = offset + 4, part[4:]
                begin, end = start + offset, start + offset + len(part)
                if known_at != self.out.version:  # re-scan only when a name was added: linear work
                    known = [m for m in self.out.mentions(clause.text) if not m.key.startswith("@")]
                    known_at = self.out.version
                if not any(m.start <= begin and end <= m.end for m in known):
                    self._candidate(clause, begin, part)

    def _candidate(self, clause: Clause, start: int, name: str) -> None:
        text = clause.text
        product = _product_of(name)
        if product is not None:
            self._candidate(clause, start + product, name[product:])
            return
        label = _APPENDIX_LABEL.match(name)
        if label and label.end() < len(name):  # "Appendix A Draft Health and Wellbeing Board terms of ..."
            self._candidate(clause, start + label.end(), name[label.end() :])
            return
        if name.endswith(" Executive") and re.match(r"\s+summary\b", text[start + len(name) :], re.I):
            name = name[: -len(" Executive")]  # "... Board Executive summary": the board's document
        own, parent_at = _parent_named(name)
        if parent_at is not None:
            self._candidate(clause, start + parent_at, name[parent_at:])
        if not own:
            return
        name = _without_parent_tail(own)
        how = "named in the text"
        if self._signatory_row(clause):
            start, name = _without_signatory(start, name, self.out.area)
            how = "named in a signature table"  # one organisation's row, never a kind of body
        if classify(name) == "role":
            start, name = self._with_remit(text, start, name)
        if self.out.resolve(name) is not None:
            return
        kind = classify(name)
        if kind == "body" and self._full_council(clause, start, name):
            self.out.compile()
            return
        if kind is None and (owner := _owner_of_document(name) or _body_before_tail(name)) is not None:
            self._candidate(clause, start, owner)  # "Kestrel Safeguarding Partnership Arrangements 2024"
            return
        if kind == "body" and " " not in name and re.match(r"\s+organisations?\b", text[start + len(name) :]):
            return  # "the local Healthwatch organisation": whichever it is, not named
        if kind is None:
            words = [w for w in name.split() if w.lower() not in CONNECTORS]
            if len(words) >= 2:
                self.out.non_entities.add("".join(w[0] for w in words).upper())
            return
        before = text[max(0, start - 12) : start]
        if (
            kind == "role"
            and re.match(r"Chairs?\b", name)
            and re.search(r"\b(?:is|as|be|become|becomes|remains?)\s+(?:the\s+)?$", before)
            and not _person_before(text, start)
        ):
            return  # "X is Chair of Y": a CHAIRS statement, not a post of its own
        subgroup = _SUBGROUP_SUFFIX.match(name)
        if kind == "body" and (spelt := self._spelt_out(name)):
            self.out.items[spelt].aliases.append(name)  # "WSCP Executive": the "... Partnership Executive"
        elif kind == "body" and subgroup and (parent := self.out.resolve(subgroup.group("parent"))):
            entity = self._new(name, False, clause, name, "named after its parent body")
            entity.kind = BodyKind.SUBGROUP
            entity.parent = (parent, clause.id, name)
        elif kind == "body" and (same := self._same_body(name)):
            self.out.items[same].aliases.append(name)
        else:
            entity = self._new(name, kind == "role", clause, name, how)
            if entity.role:
                entity.body = self._role_body(name, text, start)
                if entity.body is None:
                    entity.body = self._body_of_post(clause, start, name)
        self.out.compile()

    def _with_remit(self, text: str, start: int, name: str) -> tuple[int, str]:
        """A post printed with its remit after a comma, colon or dash ("Executive Director, Health &
        Adult Social Care", "Cabinet Member: Children & Family Services", "Assistant Director - Safer
        Communities, SCC", "Portfolio Holder for Health, Wellbeing and Adult Social Care (Chair)"), to
        the end of the line, a bracket or an organisation's acronym; and a post whose remits are listed
        before it ("Interim Policy, Programmes and Community Insight Manager"). Not when the words
        after are a person, a post, a known or a placed body ("Chief Executive, Kestrel Council")."""
        end = start + len(name)
        position, last = end, None
        shouted = name.isupper()
        while (part := _REMIT_PART.match(text, position)) is not None and self._a_remit(
            part.group("run"), shouted
        ):
            position = last = part.end()
        if last is not None and _REMIT_END.match(text, last):
            end = last
        if " and " in name and not re.search(r"\s(?:of|for)\s", name):
            before = _REMITS_BEFORE.search(text[:start])
            run = before.group("run").split() if before else []
            if (
                before
                and self._a_remit(before.group("run"), False)
                and not any(w.lower() in ROLE_HEADS | BODY_HEADS for w in run)
                and not any(_a_person_named(" ".join(run[i : i + 2])) for i in range(len(run) - 1))
            ):
                start = before.start("run")
        return start, text[start:end]

    def _a_remit(self, run: str, shouted: bool) -> bool:
        """Words that can be a post's remit: no person, post, known body or placed body; capitals only
        after a post printed in capitals ("DIRECTOR, ADULTS SERVICES")."""
        if shouted != run.isupper():
            return False
        if shouted:
            run = run.title()
        kind = classify(run)
        if _a_person_named(run) or kind == "role" or self.out.resolve(run) is not None:
            return False
        if any(w.lower() in LEADING_STOPWORDS for w in run.split()[:1]):
            return False
        acronym = any(_ACRONYM_WORD.fullmatch(w) for w in run.split())
        return not acronym and (kind is None or _place_prefix(run) is None)

    def _merge_area_short_names(self) -> None:
        """'The Oxfordshire Board' is the one Oxfordshire ... Board the text names in full (the
        Oxfordshire Safeguarding Children Board): the area's name and the kind alone shorten it."""
        area = self.out.area
        if not area:
            return
        bodies = [e for e in self.out.items.values() if not e.role and not e.collective]
        for short in bodies:
            head = short.name[len(area) + 1 :] if short.name.startswith(area + " ") else ""
            if not head or " " in head:
                continue
            longer = [e for e in bodies if e is not short and e.name.startswith(area + " ")]
            longer = [e for e in longer if e.name.endswith(" " + head) and e.key in self.out.items]
            if len(longer) != 1:
                continue
            self._merge_into(short, longer[0])
        self.out.compile()

    def _merge_shortened_names(self) -> None:
        """'the Safeguarding Board' for the Kestrel Safeguarding Children Board, 'the Children and Young
        People's Partnership' for the ... Strategic Partnership: a name whose words are the words of
        exactly one longer body's name in order, some left out, with the same head, is that body
        printed short (two bodies it could shorten: left apart, as the reviewer's call)."""
        bodies = [e for e in self.out.items.values() if not e.role and not e.collective]
        for short in sorted(bodies, key=lambda e: len(e.name)):
            if short.key not in self.out.items or short.acronym or short.parent:
                continue
            mine = _content_words(short.name, None)
            if len(mine) < 2:
                continue
            longer = [
                e
                for e in bodies
                if e is not short
                and e.key in self.out.items
                and _head(e.name) == _head(short.name)
                and _shortens(mine, _content_words(e.name, None))
            ]
            if len(longer) != 1 or any(e.body == short.key for e in self.out.items.values()):
                continue
            if self._named_together(short.name, longer[0].name):
                continue  # "The Kestrel Board consists of the Safeguarding Board and ...": two bodies
            self._merge_into(short, longer[0])
        self.out.compile()

    def _quoted_names(self) -> None:
        """'an annual multi-agency "Challenge and Review" Panel': a name whose own words are printed in
        quotes before its head, which the capitalised runs read apart."""
        for clause in self.clauses:
            for match in _QUOTED_NAME.finditer(clause.text):
                if match.group("head").lower() not in BODY_HEADS:
                    continue
                name = f"{' '.join(match.group('own').split())} {match.group('head')}"
                if self.out.resolve(name) is None and classify(name) == "body":
                    self._new(name, False, clause, match.group(0), "named in the text, in quotes")
        self.out.compile()

    def _shared_plural_heads(self) -> None:
        """'the Audit; Practice Review; Learning and Development; and Communications Sub-Groups': a list of
        names sharing one plural head, printed once after the last; each item with the head is one body
        (the capitalised runs read only the last, or the last two joined by "and", as a name)."""
        for clause in self.clauses:
            for match in _SHARED_HEAD_LIST.finditer(clause.text):
                head = _singular_word_head(match.group("head"))
                items = [
                    " ".join(i.split()) for i in re.split(r"\s*[;,]\s+(?:and\s+)?", match.group("items"))
                ]
                last = re.split(r"\s+and\s+", items[-1])
                if len(last) == 2 and not re.search(r"[;,]\s+and\s", match.group("items")):
                    joined = (
                        f"{items[-1]} {head}"  # "A, B and C Sub-Groups": the runs read "B and C Sub-Group"
                    )
                    wrong = self.out.resolve_body(joined)
                    if (
                        wrong is not None
                        and self.out.items[wrong].name == joined
                        and not any(
                            e.body == wrong or (e.parent and e.parent[0] == wrong)
                            for e in self.out.items.values()
                        )
                    ):  # dropped only while nothing has it as its body or parent: no reference dangles
                        del self.out.items[wrong]
                        self.out.compile()
                    items = [*items[:-1], *last]
                elif items[-1].startswith("and "):
                    items[-1] = items[-1][4:]
                if len(items) < 3 or any(i.split()[-1].lower() in BODY_HEADS for i in items):
                    continue
                for item in items:
                    name = f"{item} {head}"
                    if self.out.resolve(name) is None and classify(name) == "body":
                        self._new(name, False, clause, item, "one of a list of names sharing a plural head")
        self.out.compile()

    def _posts_after_bodies(self) -> None:
        """'the Fenmoor Fire Service Station Commander': a post printed after the full name of its body (two
        or more words ending in a body head); the body is named there too, and the post is its post."""
        for entity in list(self.out.items.values()):
            if not entity.role or entity.body is not None:
                continue
            words = entity.name.split()
            for cut in range(len(words) - 2, 1, -1):  # the longest body first, a post of two words or more
                body, post = " ".join(words[:cut]), " ".join(words[cut:])
                if words[cut - 1].lower() not in BODY_HEADS - {"executive"} or not words[cut][:1].isupper():
                    continue  # not "Executive Director", one post's title
                if re.search(r"\s(?:of|for)\s", post):
                    continue  # "... Director of Adult Social Care": the post's remit names its service
                if classify(body) != "body" or classify(post) != "role" or _head(post) != _head(entity.name):
                    continue
                key = self.out.resolve_body(body)
                if key is None:
                    clause = self.by_id[entity.clause]
                    key = self._new(body, False, clause, body, "named before a post of its own").key
                entity.body = key
                break
        self.out.compile()

    def _drop_plural_posts(self) -> None:
        """A post the text only names in the plural, never one holder of it ("separate Chairs", "Chief
        Officers from the following organisations", "certain Officers"): people in general, no post of
        the protocol's."""
        for entity in [e for e in self.out.items.values() if e.role and e.how == "named in the text"]:
            words = entity.name.split()
            if len(words) == 1 and words[0].endswith("s") and words[0][:-1].lower() in ROLE_HEADS:
                del self.out.items[entity.key]  # "Chairs", "Officers": holders of many posts
                continue
            if len(words) > 3 or re.search(r"\s(?:of|for)\s", entity.name):
                continue
            one = re.compile(rf"(?<![\w&-]){_alias_regex(entity.name)}(?![\w&'\u2019-])")
            if not any(one.search(c.text) for c in self.clauses):
                del self.out.items[entity.key]
        self.out.compile()

    def _headless_names(self) -> None:
        """'Safer Kestrel' for the Safer Kestrel Partnership: a placed name used without its head (the
        area's name in it, more than the area's name left), as a name of its own where the text prints
        it so."""
        area = self.out.area
        if not area:
            return
        for entity in [e for e in self.out.items.values() if not e.role and not e.collective]:
            words = entity.name.split()
            rest = " ".join(words[:-1])
            if (
                len(words) < 3
                or words[-1].lower() not in BODY_HEADS
                or f" {area} " not in f" {rest} "
                or rest == area
                or rest.split()[-1].lower() in CONNECTORS
                or self.out.resolve(rest) is not None
            ):
                continue
            alone = re.compile(rf"(?<![\w&-]){_alias_regex(rest)}(?![\w&-]|\s+[A-Z])")
            if any(alone.search(c.text) for c in self.clauses):
                entity.aliases.append(rest)
        self.out.compile()

    def _named_together(self, one: str, other: str) -> bool:
        """Whether a sentence names both (a text naming both in one breath speaks of two bodies)."""
        pattern = re.compile(rf"(?<![\w&]){_alias_regex(one)}(?![\w&])")
        return any(
            other in sentence and pattern.search(sentence.replace(other, " "))
            for c in self.clauses
            for sentence in re.split(r"(?<=[.;:!?])\s+", c.text)
        )

    def _known_as(self) -> None:
        """'In Kestrel the CSP is known as Safer Kestrel': the name after "known as" (or "referred to
        as") is the subject body's alias, when no entity goes by it (two bodies are never merged on
        it: "the Board" may be read as another body than the one meant)."""
        for clause in self.clauses:
            for match in _KNOWN_AS.finditer(clause.text):
                subject = self.out.resolve_body(match.group("subj"))
                alias = match.group("alias")
                if subject is None or len(alias) < 3 or alias.isupper():
                    continue
                if self.out.resolve(alias) is None and classify(alias) != "role":
                    self.out.items[subject].aliases.append(alias)
        self.out.compile()

    def _merge_placed_acronyms(self) -> None:
        """'Kestrel Heartlands ICP', read before the ICP's initials were known: the ICP, with its place."""
        for placed in [e for e in self.out.items.values() if not e.role and not e.collective]:
            words = placed.name.split()
            if len(words) < 2 or not words[-1].isupper() or not all(_place_word(w) for w in words[:-1]):
                continue
            owner = self.out.resolve(words[-1])
            if owner is not None and owner != placed.key and not self.out.items[owner].role:
                self._merge_into(placed, self.out.items[owner])
        self.out.compile()

    def _merge_into(self, short: Entity, full: Entity) -> None:
        """One body printed two ways: the shorter's names become the fuller's aliases."""
        full.aliases += [n for n in [short.name, *short.aliases] if n not in full.aliases]
        for entity in self.out.items.values():
            if entity.body == short.key:
                entity.body = full.key
            if entity.parent and entity.parent[0] == short.key:
                entity.parent = (full.key, entity.parent[1], entity.parent[2])
        del self.out.items[short.key]

    def _council_references(self) -> None:
        """'the Council', 'the local authority', 'the Local Authority': the one council the text names
        in full (its aliases, and any body found under such a bare name merges into it); where the text
        names none, the council it speaks of, named as printed. Several councils: left unresolved."""
        bodies = [e for e in self.out.items.values() if not e.role and not e.collective]
        bare = [e for e in bodies if _bare_council(e.name)]
        councils = [
            e
            for e in bodies
            if e not in bare and _COUNCIL_NAME.search(e.name) and not _SERVICE_AUTHORITY.search(e.name)
        ]
        mentions = [
            (clause, match)
            for clause in self.clauses
            for match in _COUNCIL_REFERENCE.finditer(clause.text)
            if not _after_other(clause.text, match.start()) and _council_reference_ends(clause.text, match)
        ]
        if len(councils) > 1 or (not councils and not bare and not mentions):
            return
        if councils:
            full = councils[0]
        elif bare:
            full = bare.pop(0)
        else:
            clause, match = mentions[0]
            printed = re.sub(r"^(?:[Tt]he|[Ff]ull)\s+", "", " ".join(match.group(0).split()))
            full = self._new(printed, False, clause, printed, "a council the text names by its kind")
            full.kind = BodyKind.LOCAL_AUTHORITY
        for short in bare:
            self._merge_into(short, full)
        for _, match in mentions:
            surface = " ".join(match.group(0).split())
            if self.out.resolve(surface) is None and surface not in full.aliases:
                full.aliases.append(surface)
        self.out.compile()

    def _merge_posts(self) -> None:
        """Posts of the same body with the same title are one post printed two ways: 'LSAB Chair' and
        'Chair of the Board' (the Board being the LSAB). Read once every name is known."""
        first: dict[tuple[str, str], Entity] = {}
        for entity in list(self.out.items.values()):
            if not entity.role:
                continue
            title, owner = self._post_owner(entity.name)
            body = entity.body or self._role_body(entity.name, "", 0) or owner
            if body is None:
                continue
            kept = first.setdefault((body, title), entity)
            if kept is not entity and not any(e.body == entity.key for e in self.out.items.values()):
                kept.aliases += [entity.name, *entity.aliases]
                kept.body = kept.body or body
                del self.out.items[entity.key]
        self.out.compile()

    def _post_title(self, name: str) -> str:
        """A post's title without its body: 'Chair' of 'Chair of the Board' and of 'LSAB Chair'."""
        return self._post_owner(name)[0]

    def _post_owner(self, name: str) -> tuple[str, str | None]:
        """A post's title and the body whose name it starts with, the longest such name ("Local
        Safeguarding Children's Board Independent Chair": issue 9, alias resolution)."""
        head = re.split(r"\s+(?:of|for)\s+", name, maxsplit=1)[0]
        words = head.split()
        for cut in range(len(words) - 1, 0, -1):
            prefix = " ".join(words[:cut])
            owner = self.out.resolve(prefix) or (self._same_body(prefix) if cut > 1 else None)
            if owner is not None and not self.out.items[owner].role:
                return " ".join(words[cut:]).lower(), owner
        return head.lower(), None

    def _signatory_row(self, clause: Clause) -> bool:
        """A row of a signature table: an item under "The undersigned agree ...:", or a line that
        says "Signature" or "Signed" itself."""
        known = self.signature_rows.get(clause.id)
        if known is None:  # once per clause: a clause has many candidate names
            lead = self.by_id.get(clause.lead_in or "")
            listed = clause.kind == "item" and lead is not None and bool(_SIGNATURE.search(lead.text))
            known = self.signature_rows[clause.id] = listed or bool(_SIGNATURE.search(clause.text))
        return known

    def _body_of_post(self, clause: Clause, start: int, name: str) -> str | None:
        """'Chief Executive of Oxfordshire County Council': the body after "of" is named too."""
        of = re.search(r"\s+of\s+(?:the\s+)?(?P<body>.+)$", name)
        if of is None or classify(of.group("body")) != "body" or _place_prefix(of.group("body")) is None:
            return None  # "Director of Strategic Partnerships": a post's remit, not a body
        if re.search(r"[^s]s$", of.group("body")):
            return None
        self._candidate(clause, start + of.start("body"), of.group("body"))
        self.out.compile()
        return self.out.resolve_body(of.group("body"))

    def _spelt_out(self, name: str) -> str | None:
        """The body whose full name this one shortens with a known body's acronym at its start: 'WSCP
        Executive' for 'Wandsworth Safeguarding Children Partnership Executive'."""
        first, _, rest = name.partition(" ")
        owner = self.out.resolve(first) if rest and first.isupper() else None
        if owner is None or self.out.items[owner].role:
            return None
        full = f"{self.out.items[owner].name} {rest}"
        return next((e.key for e in self.out.items.values() if not e.role and e.name == full), None)

    def _full_council(self, clause: Clause, start: int, name: str) -> bool:
        """'Full Council', 'Kestrel City Council Full Council': the council meeting as a whole, which is
        the council (the one named before it, else the one council the text names), never a body of its
        own. Whether the name was read so."""
        if name != "Full Council" and not name.endswith(" Full Council"):
            return False
        before = name[: -len("Full Council")].strip()
        if before:
            self._candidate(clause, start, before)
            return True
        councils = [e for e in self.out.items.values() if not e.role and e.name.lower().endswith(" council")]
        if len(councils) == 1:
            councils[0].aliases.append(name)
        return True

    def _same_body(self, name: str) -> str | None:
        """A body this name shortens: a suffix of its full name, or words whose initials are its acronym."""
        words = name.split()
        initials = "".join(w[0] for w in words if w.lower() not in CONNECTORS).upper()
        if len(words) >= 2 and words[-1].isupper() and all(_place_word(w) for w in words[:-1]):
            owner = self.out.resolve(words[-1])  # "Kestrel Heartlands ICP": the ICP, with its place
            if owner is not None and not self.out.items[owner].role:
                return owner
        name = _without_possessive(name)
        for entity in self.out.items.values():
            if entity.role:
                continue
            full = _without_possessive(entity.name)
            if len(words) >= 2 and full.endswith(" " + name) and _head(name) == _head(full):
                return entity.key
            if name == f"NHS {full}":
                return entity.key  # "NHS Kestrel Integrated Care Board", defined without "NHS"
            if entity.acronym and len(words) >= 2 and initials == entity.acronym.replace("&", ""):
                return entity.key
            rest = _without_area(name, self.out.area)
            if rest and rest in {_without_possessive(a) for a in entity.aliases}:
                return entity.key
            if _same_but_area(name, full, self.out.area):
                return entity.key
            if _same_words(name, full, self.out.area):
                return entity.key
        return None

    def _role_body(self, name: str, text: str, start: int) -> str | None:
        chair = re.match(r"(?:Vice-)?Chair(?:man|person)?\s+of\s+(?P<body>.+)$", name)
        if chair:
            return self.out.resolve_body(chair.group("body"))
        of = re.search(r"\s+of\s+(?P<body>.+)$", name)
        if of and (body := self.out.resolve_body(of.group("body"))):
            return body
        prefix = name.split()[0]
        if (body := self.out.resolve_body(prefix)) is not None:
            return body
        after = text[start + len(name) :]
        comma = re.match(r",\s+(?P<body>[^,.;]+)", after)
        if comma and (body := self.out.resolve_body(comma.group("body").strip())):
            return body
        return None

    def _placed(self, name: str) -> bool:
        """Whether a name holds the area's name (or, with no area known, starts with a place)."""
        if self.out.area:
            return self.out.area in name
        return _place_prefix(name) is not None

    def _drop_kinds(self) -> None:
        """A name of a governance kind (a board, partnership, trust, authority, sub-group), with no
        place in it, that the text only ever uses for the kind ("Local
        Safeguarding Children Boards", "A Local Safeguarding Children Board (LSCB) is a statutory
        body", "each Community Safety Partnership") names no body of this protocol."""
        candidates = {
            entity.name: entity
            for entity in self.out.items.values()
            if not entity.role
            and not entity.collective
            and entity.how in _KIND_HOWS
            and body_kind(entity.name) != BodyKind.OTHER  # the statutory kinds: boards, partnerships, ...
            and not self._placed(entity.name)
            and not any(len(w) >= 2 and w.isupper() and w != "NHS" for w in entity.name.split())
        }  # "HSAB Sub Groups" (an acronym in it): the groups of one named body
        if not candidates:
            return
        used = _names_used_for_one(self.clauses, candidates)
        texts = {clause.id: clause.text for clause in self.clauses}
        needed = {e.body for e in self.out.items.values()} | {
            e.parent[0] for e in self.out.items.values() if e.parent
        }  # a post's body, a sub-group's parent: the text speaks of that one body
        for name, entity in candidates.items():
            if name in used or entity.key in needed or _defined_as_one(texts.get(entity.clause, ""), entity):
                continue
            area = self.out.area
            placed = [a for a in entity.aliases if _place_prefix(a) and a.endswith(" " + entity.name)]
            placed = placed or [  # "Kestrel Safeguarding Children Board" read as the Local ... Board's
                a
                for a in entity.aliases
                if area and a.startswith(area + " ") and _head(a) == _head(entity.name) and _place_prefix(a)
            ]
            if placed:  # "Herefordshire Safeguarding Adults Board" was read as this kind's alias
                entity.aliases = [a for a in entity.aliases if a not in (placed[0], entity.name)]
                entity.name = placed[0]
            else:
                del self.out.items[entity.key]
        self.out.compile()

    # collectives: partner agencies, the local community, lay members

    def _collectives(self) -> None:
        first: dict[str, tuple[Clause, re.Match[str]]] = {}
        for clause in self.clauses:
            for key, pattern in (
                (COLLECTIVE, _COLLECTIVE_PARTNERS),
                (COMMUNITY, _COMMUNITY),
                ("lay-member", _LAY),
            ):
                for match in pattern.finditer(clause.text):
                    if key == COLLECTIVE and _after_other(clause.text, match.start()):
                        continue
                    first.setdefault(key, (clause, match))
        if COLLECTIVE in first:
            clause, match = first[COLLECTIVE]
            surface = match.group(0).strip()
            name = self._partners_of_a_party() or _collective_name(self.clauses)
            entity = Entity(
                COLLECTIVE,
                name,
                False,
                BodyKind.OTHER,
                clause.id,
                surface,
                "a collective: the partner agencies",
                collective=True,
            )
            self.out.items[COLLECTIVE] = entity
        if COMMUNITY in first:
            clause, match = first[COMMUNITY]
            surface = match.group(0).strip()
            self.out.items[COMMUNITY] = Entity(
                COMMUNITY,
                "Local community",
                False,
                BodyKind.COMMUNITY,
                clause.id,
                surface,
                "a collective: the public",
                collective=True,
            )
        if "lay-member" in first:
            clause, match = first["lay-member"]
            # Lay members appointed ("the appointment of two lay members") hold a post; lay members a board
            # includes among its organisations ("schools, the voluntary sector and lay members") are one
            # group of its members, the community's voice: a body
            if self._lay_members_appointed():
                post = "a post named in the text"
                self.out.items["lay-member"] = Entity(
                    "lay-member", "Lay member", True, None, clause.id, match.group(0), post
                )
            else:
                self.out.items["lay-member"] = Entity(
                    "lay-member",
                    "Lay member",
                    False,
                    BodyKind.COMMUNITY,
                    clause.id,
                    match.group(0),
                    "the lay members named in the text",
                )
        for entity in (self.out.items.get(k) for k in (COLLECTIVE, COMMUNITY, "lay-member")):
            if entity is not None:
                entity.aliases = sorted(_surfaces(self.clauses, entity.key))

    def _lay_members_appointed(self) -> bool:
        for clause in self.clauses:
            for match in _LAY.finditer(clause.text):
                if _APPOINTED_BEFORE.search(clause.text[max(0, match.start() - 50) : match.start()]):
                    return True
        return False

    def _partners_of_a_party(self) -> str | None:
        """'all WSCP Partners', 'agreed by LSCB partners': the partners named after the body whose partners
        they are (a stated end; plain "partners" is a generic one)."""
        for clause in self.clauses:
            for match in re.finditer(r"\b(?P<acr>[A-Z][A-Z&]{1,7}) [Pp]artners\b", clause.text):
                acronym = match.group("acr")
                owner = self.out.resolve(acronym)
                spelt = [e for e in self.out.items.values() if acronym in _initial_forms(e, self.out.area)]
                if (owner is not None and not self.out.items[owner].role) or any(not e.role for e in spelt):
                    return match.group(0)
        return None

    def _short_forms(self) -> None:
        """'the Trust' is the one body whose name ends in Trust (a party first, if several)."""
        heads: dict[str, list[str]] = {}
        for entity in self.out.items.values():
            if not entity.role and not entity.collective and entity.kind != BodyKind.COMMUNITY:
                heads.setdefault(entity.name.split()[-1], []).append(entity.key)
        parties = set(_title_mentions(self.clauses, self.out))
        for head, keys in heads.items():
            if not _a_head_word(head):
                continue  # "the England" of NHS England, "the Fenmoor" of Healthwatch Fenmoor: no short form
            chosen = keys if len(keys) == 1 else [k for k in keys if k in parties]
            form = f"the {head}"
            if len(chosen) == 1:
                entity = self.out.items[chosen[0]]
                if form not in entity.aliases:
                    entity.aliases.append(form)

    def _initials(self) -> None:
        """Undefined acronyms ("CT", "CTB") that are the initials of one body's name."""
        known = set(self.out.alias_map()) | self.out.non_entities
        for clause in self.clauses:
            shouted = _shouted(clause.text)
            for match in _UPPER_TOKEN.finditer(clause.text):
                token = match.group("tok")
                if token in known or _ROMAN.match(token) or any(a <= match.start() < b for a, b in shouted):
                    continue
                owners = [
                    e.key
                    for e in self.out.items.values()
                    if not e.role and token in _initial_forms(e, self.out.area)
                ]
                if not owners:  # "HWBB": a letter from inside a word ("Wellbeing") as well as the initials
                    owners = [
                        e.key
                        for e in self.out.items.values()
                        if not e.role and not e.collective and _inside_word_initials(token, e, self.out.area)
                    ]
                if len(owners) == 1:
                    entity = self.out.items[owners[0]]
                    entity.aliases.append(token)
                    known.add(token)
                    self.out.notes.append(
                        Note(
                            clause.id,
                            clause.line,
                            f"'{token}' is not defined; read as {entity.name} (its initials)",
                        )
                    )

    def _represented(self, clause: Clause) -> None:
        """'includes representation from A, the B, schools and C': each organisation a membership
        sentence lists with no head noun the other rules know ("schools", "the military", "Public
        Health for X") is a body, named as printed."""
        for match in _REPRESENTED_FROM.finditer(clause.text):
            items = _represented_items(match.group("list"))
            if re.search(
                r"\b(?:and|or)\s+(?:the\s+)?[\w-]+\s+sectors?\b", match.group("list"), re.IGNORECASE
            ):
                continue  # "from the youth, arts and faith sectors": the words name sectors, not bodies
            for name in items:
                words = name.split()
                if not words or len(words) > _LISTED_WORDS or _A_VERB.search(name) or _is_generic(name):
                    continue
                if self.out.resolve(name) is not None or classify(name) is not None:
                    continue  # a known name, or a headed one the other rules have judged already
                entity = self._new(name, False, clause, name, "listed as represented in a membership")
                entity.kind = body_kind(name)
        self.out.compile()

    def _lower_case_groups(self) -> None:
        """A group the text sets up or describes in lower case ("A pilot training group had been
        established", "There are sub groups and an executive group", "The purpose of the policy and
        practice sub-group is to ..."): one body, named as printed, its words being a name of its own
        (not "the relevant group", "a multi-agency group" said of a named one)."""
        names = {e.name.lower(): e.key for e in self.out.items.values()}
        for clause in self.clauses:
            for pattern in _LOWER_GROUP_FORMS:
                for match in pattern.finditer(clause.text):
                    name = " ".join(match.group("name").split())
                    if name.lower() in names or self.out.resolve(name) is not None:
                        continue
                    entity = self._new(name, False, clause, match.group("name"), "a group the text describes")
                    entity.kind = body_kind(name)
                    names[name.lower()] = entity.key
        self.out.compile()

    def _listed_acronyms(self) -> None:
        """Undefined acronyms listed together where organisations stand ("covering LBHF, RBKC and
        WCC"): each one an organisation's, named as printed (the reviewer gives the full names)."""
        known = set(self.out.alias_map()) | self.out.non_entities
        for clause in self.clauses:
            for match in _ACRONYM_LIST.finditer(clause.text):
                tokens = re.findall(r"[A-Z]{3,6}", match.group("list"))
                if any(t in known or _ROMAN.match(t) for t in tokens):
                    continue  # a list with a known name in it is read by the other rules
                for token in tokens:
                    entity = self._new(token, False, clause, token, "an undefined acronym listed with others")
                    entity.acronym = token
                    known.add(token)
        self.out.compile()

    def _known_acronyms(self) -> None:
        """An acronym of a kind of organisation every area has ("CCG 38%", "the ICB and the Police"),
        printed undefined and the initials of no body the text names: that organisation, named as
        printed (the reviewer gives its full name). Not where the text defines it ("Integrated Care
        Strategy (ICS)": a document; a kind of body the protocol only explains), nor before a word
        that makes it the organisation's process ("CQC inspection")."""
        known = set(self.out.alias_map()) | self.out.non_entities
        known |= {m.group("acr") for c in self.clauses for m in _ACRONYM_DEF.finditer(c.text)}
        for clause in self.clauses:
            shouted = _shouted(clause.text)
            named = [m for m in self.out.mentions(clause.text) if not m.key.startswith("@")]
            for match in _KNOWN_ACRONYM.finditer(clause.text):
                token = match.group(0)
                if token in known or any(a <= match.start() < b for a, b in shouted):
                    continue
                if any(m.start <= match.start() and match.end() <= m.end for m in named):
                    continue  # "NHS Kestrel ICB": part of a known name
                if NOT_THE_ORGANISATION_AFTER.match(clause.text, match.end()):
                    continue
                entity = self._new(token, False, clause, token, "an acronym of a kind of organisation")
                entity.acronym = token
                entity.aliases.append(token)
                known.add(token)
        self.out.compile()

    def _parties(self) -> None:
        parties = _title_mentions(self.clauses, self.out)
        if not parties:
            parties = [e.key for e in self.out.items.values() if not e.role and e.acronym][:3]
        if not parties:
            parties = [e.key for e in self.out.items.values() if not e.role][:1]
        self.out.parties = parties

    def _unknown_references(self) -> None:
        known = set(self.out.alias_map()) | self.out.non_entities
        reported: set[str] = set()
        for clause in self.clauses:
            shouted = _shouted(clause.text)
            for match in _UPPER_TOKEN.finditer(clause.text):
                token = match.group("tok")
                if any(a <= match.start() < b for a, b in shouted):
                    continue
                if token not in known and token not in reported and not _ROMAN.match(token):
                    reported.add(token)
                    self.out.notes.append(
                        Note(clause.id, clause.line, f"unknown reference '{token}' (not defined)")
                    )
            for match in re.finditer(r"\b[Tt]he\s+(?P<head>[A-Za-z]+)\b(?!\s+[A-Z])", clause.text):
                head = match.group("head")
                if head.lower() not in BODY_HEADS or head in reported:
                    continue
                if self.out.resolve(f"the {head}") is None and self.out.resolve(head) is None:
                    candidates = [
                        e.name
                        for e in self.out.items.values()
                        if not e.role and _head(e.name) == head.lower()
                    ]
                    if len(candidates) > 1 or head[0].isupper():
                        reported.add(head)
                        which = f": could be {' or '.join(candidates)}" if candidates else ""
                        self.out.notes.append(
                            Note(clause.id, clause.line, f"ambiguous reference 'the {head}'{which}")
                        )


_LATIN_ABBREVIATION = re.compile(r"(?:e\.\s?g|i\.\s?e|etc|viz|cf)\.?,?", re.IGNORECASE)


def add_listed_entity(entities: Entities, name: str, clause: Clause) -> str | None:
    """A body or post named only as an item of a list (found by the relation reader): added, or the
    known one it names; None for an item that names a figure or a document ("Appendix 2 ... Delivery
    Structure"), or only a signatory (a person's name in a signature table)."""
    known = entities.resolve(name)
    if known is not None:
        return known
    whole = clause.text.strip().rstrip(".;,")
    if whole.startswith(name + " (") and len(whole.split()) <= _LISTED_WORDS and whole.count("(") == 1:
        # "Community (lay) members" as an item cut at its bracket: the item is the whole line
        if _LAY.search(_without_brackets(whole)) and "lay-member" in entities.items:
            return "lay-member"
        name = whole
    bounded = _listed_bounds(name, entities)
    if bounded != name:  # "partners (Local Authority", "CCG representing Health) at ...": one name in it
        return add_listed_entity(entities, bounded, clause) if bounded else None
    if _FIGURE.match(name) or (classify(name) is None and _head(name) in DOCUMENT_HEADS | _FIGURE_HEADS):
        return None
    if _LATIN_ABBREVIATION.fullmatch(name.strip()):
        return None  # "(e.g., the Police, ...)": the list's lead, no name
    lead_in = entities.clause_texts.get(clause.lead_in or "", "")
    signatures = _SIGNATURE.search(clause.text) or _SIGNATURE.search(lead_in) or _CONTACT.search(lead_in)
    if signatures and classify(name) is None and a_person(name):
        return None
    # "Assistant Director Housing and Building Services" as a list item: a post named by its remit
    role = classify(name) == "role" or bool(_POST_FIRST.match(name))
    key = _unique_key(entities.items, _key_for(name, None, role))
    entity = Entity(key, name, role, None if role else body_kind(name), clause.id, name, "an item of a list")
    entities.items[key] = entity
    entities.compile()
    return key


_PEOPLE_OF = re.compile(
    r"^(?:(?:a|an|one|two|three|four|five|six|\d+)\s+)?(?:senior\s+)?(?:representatives?|members?|nominees?"
    r"|officers?|delegates?)\s+(?:of|from)\s+(?:the\s+)?",
    re.IGNORECASE,
)


def _without_brackets(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[()]", " ", text))


def _listed_bounds(name: str, entities: Entities) -> str:
    """A list item's name within what the list reader cut: the words inside a bracket the cut left
    open ("the three partners (Local Authority" -> "Local Authority"), before a bracket it left closed
    ("CCG representing Health) at the highest level" -> "CCG representing Health"), and a known name
    its capitalised start is, before the lower-case words that say what it does ("CCG representing
    Health" -> "CCG")."""
    people_of = _PEOPLE_OF.match(name)
    if people_of and classify(name[people_of.end() :]) == "body":
        name = name[people_of.end() :]  # "Two representatives of the Kestrel ICB": the ICB's members
    if ";" in name:  # "Development Group; Child Exploitation Group": items run together, the last
        name = name.rsplit(";", 1)[1].strip()
    if name.count("(") > name.count(")"):
        name = name[name.rfind("(") + 1 :].strip(" ,;:")
    if name.count(")") > name.count("("):
        name = name[: name.find(")")].strip(" ,;:")
    words = name.split()
    for cut in range(len(words) - 1, 0, -1):
        rest = words[cut]
        if rest[:1].islower() and rest.lower() not in CONNECTORS and rest.lower() != "the":
            prefix = " ".join(words[:cut])
            if prefix[:1].isupper() and entities.resolve(prefix) is not None:
                return prefix
    return name


# -- names --------------------------------------------------------------------------------------------


_HEADING_ACRONYM = re.compile(r"\s*\(\s*[A-Z][A-Za-z&]*[A-Z]\s*\)$")
_HEADING_WORDS = 10


def heading_names_body(heading: str) -> bool:
    """A heading that is one body's name and nothing else ("Training and Workforce Development
    Sub-Committee", "Safeguarding and Continuous Learning Sub-Committee (SCL)"): its section speaks of
    that body, often without naming it again."""
    name = _HEADING_ACRONYM.sub("", heading).strip()
    if len(name.split()) > _HEADING_WORDS or not _PHRASE.fullmatch(name) or _FIGURE.match(name):
        return False
    if any(word.lower() in ROLE_HEADS for word in name.split()):
        return False  # "Assistant Director Housing and Building Services": a post's section
    if body_kind(name) not in (BodyKind.OTHER, BodyKind.SUBGROUP) and _place_prefix(name) is None:
        return False  # "Safeguarding Adults Board": the kind the section explains, not one body
    return classify(name) == "body"


def classify(name: str) -> str | None:
    """'body', 'role' or None (a document, a law, a process, or not a name at all)."""
    words = name.split()
    if not words:
        return None
    remit = _POST_REMIT_SEPARATOR.search(name)
    if remit and classify(name[: remit.start()]) == "role":
        rest = name[remit.end() :]
        if (classify(rest) != "body" or _place_prefix(rest) is None) and not a_person(rest):
            return "role"  # "Cabinet Member, Adult Social Care": a post and its remit
    lowered = [w.lower().strip(",.;:") for w in words]
    if " ".join(lowered) in _DESIGNATIONS or re.split(r"\s+(?:for|of)\s+", name.lower())[0] in _DESIGNATIONS:
        return None  # "the Accountable Body": a part some body plays, not a body's name
    parts = re.split(r"\s+(?:of|for)\s+", name, maxsplit=1)
    head_words = parts[0].lower().split()
    head_words[-1] = _unprefixed(head_words[-1])
    lowered[-1] = _unprefixed(lowered[-1])
    head = head_words[-1]
    if len(parts) > 1 and head_words == ["head"] and parts[1][:1].isupper():
        return "role"  # "Head of Quality": a post by its complement, though "the Head" alone is none
    if _POST_FIRST.match(name) and lowered[-1] in BODY_HEADS:
        return "role"  # "Director Adult Services": a post whose remit is a service, not the service
    if len(parts) > 1 and (
        head in ROLE_HEADS or head in DOCUMENT_HEADS or head_words[-2:] == ["chief", "executive"]
    ):
        return _role_or_none(head_words)
    if len(parts) > 1 and head in _OFFICE_HEADS | _DEPARTMENT_HEADS and len(head_words) <= 3:
        return "body"  # "Office of the Police and Crime Commissioner", "Department for Education"
    if len(parts) > 1 and head not in BODY_HEADS and _NOT_A_PLACE_AFTER_OF.match(parts[1]):
        return None  # "Decisions of the Board", "Tale of Two Boards": the head is before "of"
    if (
        len(parts) > 1
        and head in BODY_HEADS
        and len(head_words) >= 2
        and not _NOT_A_PLACE_AFTER_OF.match(parts[1])
    ):
        return "body"  # "Local Safeguarding Board for Children and Adults": the head is before "for"
    last = lowered[-1]
    if last in DOCUMENT_HEADS or head in DOCUMENT_HEADS:
        return None
    if lowered[-2:] == ["political", "group"] or last in {"party", "parties"}:
        return None  # "the Main Opposition Political Group", "Labour Party": a council's politics
    if head_words[-2:] == ["portfolio", "holder"] or (
        last in {"representative", "representatives"} and len(words) >= 2 and words[-1][:1].isupper()
    ):
        return "role"  # "Portfolio Holder for Health", "Opposition Political Group Representative"
    if last == "executive" and len(lowered) >= 2 and lowered[-2] == "chief":
        return "role"
    if last in ROLE_HEADS:
        return _role_or_none(lowered)
    if (last in BODY_HEADS | _OFFICE_HEADS and len(words) >= 2) or last in {
        "police",
        "constabulary",
    }:  # "Home Office": an office of state, a body
        return "body"
    if organisation_name([w.strip("()'\"") for w in lowered]) or (
        len(parts) > 1 and organisation_name(head_words)
    ):
        return "body"  # "Probation", "Healthwatch Kestrel", "HMP Kestrel", "Kestrel Integrated Care System"
    return None


_POST_REMIT_SEPARATOR = re.compile(r",\s+|:\s+|\s+[-\u2013\u2014]\s+")
# A post's title first, then its remit without "of": "Director Adult Services", "Acting Designated Nurse
# Safeguarding Adults" (a body's name never starts with a post's title). Read on whole list items only,
# where the item's end is the name's.
_POST_FIRST = re.compile(
    r"^(?:(?:Acting|Interim|Assistant|Deputy|Associate|Executive|Strategic)\s+)*"
    r"(?:Director|Head|(?:Designated|Named)\s+(?:Nurse|Doctor|Professional|Lead|Officer))\s+[A-Z]"
)
_HEAD_PREFIX = re.compile(r"^(?:co|joint|deputy|assistant)-(?=[a-z])")


def _unprefixed(head: str) -> str:
    """'co-chairs' is a kind of 'chairs', 'deputy-director' of 'director': the head word the prefix
    qualifies, so a post's kind does not depend on how its title is hyphenated."""
    return _HEAD_PREFIX.sub("", head)


# The meeting line of a council's minutes page, within its first lines.
_MEETING_LINE = re.compile(
    r"^Meeting:\s*\d{1,2}/\d{1,2}/\d{2,4}\s*[-\u2013]\s*(?P<name>[A-Z][^()]*?[A-Za-z])\s*\(Item\s+[\w.]+\)\s*$"
    r"|^Agenda\s+item\s+for\s+(?:the\s+)?(?P<agenda>[A-Z][\w&'\u2019 -]*?[A-Za-z])\.?$"
)
_MEETING_LINES = 12
_MINUTES_LINE = re.compile(r"^Minutes\s*:?$", re.IGNORECASE)
_BARE_MEETING = re.compile(
    r"\b[Tt]he\s+(?P<word>[Cc]ommittee|Panel|Cabinet|Sub-[Cc]ommittee)\b(?!\s+(?:of|for|on|[A-Z]))"
)
_OFFICE_HEADS = {"office"}
# A department of state is named by its remit after "for"/"of" (issue 9: entities missing)
_DEPARTMENT_HEADS = {"department", "ministry"}
_DESIGNATIONS = {
    "accountable body", "lead body", "responsible body", "statutory body", "host body",
    "contact officer", "officer contact", "report author",  # a report's field labels, no posts
}  # fmt: skip
# Words that start an organisation's own name, never a name joined to another by "and" ("Healthwatch
# Kestrel and the Board"): the statutory Healthwatch of each area, a prison ("HMP Humber"). The wider
# lexicon of organisations is loaders/extract/organisations.py.
_ORGANISATION_NAMES = {"healthwatch", "hmp"}
# After "of", what a place name never starts with: "City of York Council" is a body, "Decisions of the
# Board" is not.
_NOT_A_PLACE_AFTER_OF = re.compile(r"(?:the|a|an|this|its|their|two|three|four|five|all|each)\b", re.I)


# "the Quality, Learning and Practice group", "the Policy and Procedures working group": capitalised words
# (commas and "and" between them) before a head printed in lower case, after "the" (issue 9: entities
# missing, a head the name prints in lower case).
_LOWER_HEAD_NAME = re.compile(
    rf"\b[Tt]he\s+(?P<name>{_WORD}(?:(?:,?\s+(?:and\s+)?|\s+of\s+(?:the\s+)?){_WORD})*\s+"
    r"(?:(?:working|task\s+and\s+finish|steering|reference)\s+groups?|group|sub[\s-]?group|panel|committee"
    r"|sub[\s-]?committee|forum))\b"
    # A definition line of a slide or a glossary: "Theme groups - responsible for ..." (any dash).
    rf"|^(?P<defined>(?!(?:The|All|Sub|Each|These|Other|Some|Any)\b){_WORD}\s+"
    r"(?:groups?|sub-groups?|panels?|committees?|forums?|boards?))\s+[\u2013\u2014-]\s+"
)
# A group in lower case, introduced as one: set up ("A pilot training group had been established"), said
# to exist ("There are several sub groups, and an executive group"), or given its purpose ("The purpose of
# the policy and practice sub-group is to ...").
_LOWER_MODIFIER = (
    r"(?:(?!(?:each|other|relevant|new|existing|various|several|main|same|wider|this|that|these|those"
    r"|their|its|our|a|an|the|and|of|to|for|with|is|are|was|were|be|been|any|all|some|no|such|which"
    r"|who|one|two|three|four|five|multi-agency|sub|statutory|formal|joint|council|strategic)\b)"
    r"[a-z][a-z-]+\s+)"
)
_LOWER_GROUP_HEAD = (
    r"(?:working\s+group|task\s+and\s+finish\s+group|steering\s+group|reference\s+group|sub-?group"
    r"|sub-?committee|group|panel|committee|hub|forum)"
)
_LOWER_GROUP_FORMS = (
    re.compile(
        rf"\b[Aa]n?\s+(?P<name>{_LOWER_MODIFIER}{{1,3}}{_LOWER_GROUP_HEAD})\s+(?:(?:has|had)\s+been|was"
        r"|would\s+be|will\s+be|is\s+to\s+be|is\s+being)\s+(?:established|set\s+up|created|formed"
        r"|convened|commissioned)\b"
    ),
    re.compile(
        rf"\b[Tt]here\s+(?:is|are|was|were)\b[^.;:]{{0,60}}?\b(?:and\s+)?an?\s+(?P<name>{_LOWER_MODIFIER}{{1,3}}"
        rf"{_LOWER_GROUP_HEAD})\b(?!\s+(?:of|for)\b)"
    ),
    re.compile(
        rf"\b[Tt]he\s+purpose\s+of\s+the\s+(?P<name>{_LOWER_MODIFIER}{{1,3}}(?:and\s+{_LOWER_MODIFIER}{{1,2}})?"
        rf"{_LOWER_GROUP_HEAD})\s+is\b"
    ),
)
# A council by its kind alone: "the Council", "the local authority", "the County Council", and its
# meeting as a whole, "full Council" (not "Kestrel City Council Full Council", a named one's).
_COUNCIL_REFERENCE = re.compile(
    r"(?:\b[Tt]he\s+(?:[Ll]ocal\s+[Aa]uthority|(?:(?:County|City|Borough|District)\s+)?Council|council)"
    r"|(?<![A-Z][\w&'\u2019-]\s)\b[Ff]ull\s+Council)\b(?!['\u2019]|\s+(?:of\b|for\b|[A-Z]))"
)
_COUNCIL_NAME = re.compile(r"\b(?:Council|Authority)$")
# "Fire and Rescue Authority", "Police Authority": an authority for one service, never "the Council"
_SERVICE_AUTHORITY = re.compile(
    r"\b(?:Fire|Rescue|Police|Health|Transport|Waste|Water|Port)\b(?:\s+\w+)*\s+Authority$"
)
_BARE_COUNCIL = re.compile(
    r"^(?:the\s+)?(?:local\s+authority|(?:county|city|borough|district|unitary)\s+(?:council|authority)"
    r"|council)$",
    re.IGNORECASE,
)
# Words after "the Council" that leave it the council itself, not an adjective ("the local authority
# governance system"): function words and the verbs a council is the subject of.
_AFTER_A_COUNCIL = re.compile(
    r"(?:is|was|has|had|have|will|would|should|shall|must|may|can|could|did|does|to|in|and|or|for|with"
    r"|on|as|at|by|its|which|who|that|also|then|now|itself|agreed|approved|appoints|appointed|decided"
    r"|considered|received|noted|continue[sd]?|consult\w*|under\w*)\b"
)


def _a_head_word(word: str) -> bool:
    """A word that names a body's kind, so "the <word>" can shorten a name ending in it."""
    low = word.lower().replace("\u2019", "'")
    return (
        low in BODY_HEADS | ORGANISATION_HEADS | ORGANISATION_WORDS | _OFFICE_HEADS
        or sub_head(low)
        or low == "commission"
    )


def _bare_council(name: str) -> bool:
    return bool(_BARE_COUNCIL.match(name.strip()))


def _council_reference_ends(text: str, match: re.Match[str]) -> bool:
    """'the council had a duty', 'the Council.': the council itself, not 'the local authority area'."""
    rest = text[match.end() :]
    if not rest.strip() or not rest[:1].isspace():
        return True
    word = rest.split(maxsplit=1)[0]
    return not word[:1].isalpha() or bool(_AFTER_A_COUNCIL.fullmatch(word.strip(",.;:")))


_KNOWN_ACRONYM = re.compile(
    r"(?<![\w&-])(?:" + "|".join(sorted(KNOWN_ACRONYMS, key=len, reverse=True)) + r")(?![\w&-])"
)
# "respond to Quality Assurance working groups": two or more capitalised words before a head of a
# group's kind printed in lower case, inside a sentence (not after "the", which _LOWER_HEAD_NAME reads).
_LOWER_HEAD_AFTER_A_WORD = re.compile(
    rf"\b(?:to|with|and|from|by|of|for|on|in|into)\s+(?P<name>{_WORD}(?:\s+{_WORD}){{1,4}}\s+"
    r"(?:working\s+groups?|sub-?groups?|task\s+and\s+finish\s+groups?|steering\s+groups?))\b"
)
_ACRONYM_LIST = re.compile(
    r"\b(?:covering|across|between|from|including|includes|with)\s+"
    r"(?P<list>[A-Z]{3,6}(?:\s*,\s*[A-Z]{3,6})*\s*,?\s+(?:and|&)\s+[A-Z]{3,6})(?![\w&])"
)
_CONTACT = re.compile(r"\b(?:addressed to|contact(?:ed)?|enquiries to|queries to)\b", re.IGNORECASE)
# "includes representation from", "representatives from", "Chief Officers from the following
# organisations:": what follows, to the sentence's end, lists organisations.
_REPRESENTED_FROM = re.compile(
    r"\b(?:representation|representatives|officers|members)\s+from\s+(?:the\s+following\s+"
    r"(?:organisations|agencies|bodies)\s*:\s*)?(?P<list>[^.;:]+)",
    re.IGNORECASE,
)
_ITEM_SEPARATOR = re.compile(r",?\s+as\s+well\s+as\s+|,\s*(?:and\s+|or\s+)?")


def _represented_items(listed: str) -> list[str]:
    """The items of 'A, the B, C and D as well as E': split at commas and "as well as", and at "and"
    unless the two sides make one body's name ("South London and Maudsley NHS Foundation Trust")."""
    items: list[str] = []
    for part in _ITEM_SEPARATOR.split(listed):
        pieces = re.split(r"\s+and\s+", part)
        whole = len(pieces) == 2 and not pieces[1].startswith("the ")
        if whole and classify(part) == "body" and classify(pieces[0]) is None:
            pieces = [part]
        items += [re.sub(r"^(?:the|and)\s+", "", p.strip()) for p in pieces]
    return [item for item in items if item]


_A_VERB = re.compile(r"\b(?:is|are|was|were|will|must|should|has|have|meets?|who|which|that)\b", re.I)
_LISTED_WORDS = 7
_GENERIC_NOUN = re.compile(r"\b(?:organisations|agencies|partners|bodies|stakeholders)\b")
_GENERIC_LISTED = re.compile(
    r"^(?:(?:all|other|relevant|local|key|partner|member|their|its|each|many|various)\s+)*"
    r"(?:partners?|agenc(?:y|ies)|organisations?|bodies|body|services?|stakeholders?|members?)\b",
    re.IGNORECASE,
)


def _is_generic(name: str) -> bool:
    """'local organisations', 'a range of public organisations', 'all': no organisation of its own."""
    words = name.lower().split()
    if all(w in LEADING_STOPWORDS | {"all", "other", "some", "many", "various"} for w in words):
        return True
    return bool(_GENERIC_LISTED.match(name) or _GENERIC_NOUN.search(name))


_GLOSSARY_LINE = re.compile(r"^(?P<acr>[A-Z][A-Z&]{1,7}):\s+(?P<name>[A-Z][^:;.]*?)\.?$")
_SIGNATURE = re.compile(r"\b(?:undersigned|signator(?:y|ies)|signed|signature)\b", re.IGNORECASE)
_PERSON_PAIR = re.compile(
    r"^(?P<pair>(?P<first>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+(?=[A-Z])"
)
_NOT_A_FORENAME = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "greater",
    "royal", "new", "upper", "lower", "great", "little", "mid", "county", "city", "metropolitan",
}  # fmt: skip


_FIGURE = re.compile(r"(?:Appendix|Annex|Diagram|Figure|Table|Chart|Section|Schedule)\b\s*\w{0,4}\b")
# an appendix's label and a document's word before a name: "Appendix A Draft ...", "Annex 2 Copy of ..."
_APPENDIX_LABEL = re.compile(
    r"(?:Appendix|Annex)\s+\w{1,4}\s+(?:(?:Draft|Copy\s+of(?:\s+the)?|Revised|Updated)\s+)?"
)
_FIGURE_HEADS = {"structure", "structures", "chart", "diagram", "figure", "table"}


def a_person(name: str) -> bool:
    """Two or three capitalised words of a person's name ("Trevor Collinson", "Andrew Stow
    Independent" minus its post), none of them a word of the governance vocabulary."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", words[0]):
        return False
    pair = [w.lower() for w in words[:2]]
    return all(re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", w) for w in words[:2]) and not any(
        w in LEADING_STOPWORDS | BODY_HEADS | ROLE_HEADS | _NOT_PLACE | _NOT_A_FORENAME for w in pair
    )


_PERSON_THEN_AS = re.compile(
    r"(?P<name>[A-Z][a-z]+(?:[-'\u2019][A-Z][a-z]+)?(?:\s+[A-Z][a-z]+(?:[-'\u2019][A-Z][a-z]+)?){1,2}),?"
    r"\s+(?:is|was|as|(?:has\s+been|was|is)\s+appointed\s+as)\s+(?:the\s+)?$"
)


def _person_before(text: str, start: int) -> bool:
    """'Jo Bloggs, as Chair of the Board': the post is held by the person named before it, so it is a
    post of its own (not "the Board is Chair of ...", a CHAIRS statement between two parties)."""
    before = _PERSON_THEN_AS.search(text[max(0, start - 80) : start])
    return before is not None and a_person(before.group("name"))


def _without_signatory(start: int, name: str, area: str | None) -> tuple[int, str]:
    """'Rosy Pope East Riding of Yorkshire Council' in a signature table: the signatory's two-word name
    before the organisation's is not part of it (kept only when what follows is a body's name)."""
    match = _PERSON_PAIR.match(name)
    if match is None:
        return start, name
    rest = name[match.end() :]
    words = [w.lower() for w in match.group("pair").split()]
    if (
        classify(rest) != "body"
        or classify(match.group("pair")) is not None
        or any(w in LEADING_STOPWORDS | BODY_HEADS | ROLE_HEADS | _NOT_PLACE for w in words)
        or words[0] in _NOT_A_FORENAME
        or (area and area.lower().startswith(words[0]))
    ):
        return start, name
    return start + match.end(), rest


def _without_parent_tail(name: str) -> str:
    """'Healthier Communities Select Committee of the Council' → '... Select Committee': a committee
    "of the Council" is the Council's committee, not a body named after it."""
    match = re.match(r"^(?P<own>.+?\s+(?P<head>\S+))\s+of\s+the\s+(?P<parent>[A-Z]\w+)$", name)
    if match and match.group("head").lower() in BODY_HEADS and match.group("parent").lower() in BODY_HEADS:
        return match.group("own")
    return _parent_named(name)[0]


_DOCUMENT_TAIL_WORDS = 3


def _owner_of_document(name: str) -> str | None:
    """The body a document's title starts with: 'Kestrel Safeguarding Children Partnership
    Arrangements', 'Kestrel Health and Wellbeing Board Annual Report'."""
    words = name.split()
    if len(words) < 3 or words[-1].lower() not in DOCUMENT_HEADS:
        return None
    for cut in range(1, min(_DOCUMENT_TAIL_WORDS, len(words) - 2) + 1):
        owner = " ".join(words[:-cut])
        if classify(owner) == "body" and words[-cut - 1].lower() not in CONNECTORS:
            return owner
    return None


def _body_before_tail(name: str) -> str | None:
    """A body's full name a slide or a table runs into the next cell's capitalised words ("Community
    Safety Board Pan-Kestrel partnership groups" read as one run): the name up to its last body head,
    when one or two words follow it and the whole is no name."""
    words = name.split()
    if [w.lower() for w in words[-2:]] == ["executive", "summary"] and classify(" ".join(words[:-2])):
        return " ".join(words[:-2])  # "... Board Executive Summary": the board's document
    for cut in (1, 2):
        if len(words) - cut < 2:
            break
        owner = " ".join(words[:-cut])
        if words[-cut - 1].lower() in BODY_HEADS and classify(owner) == "body":
            return owner
    return None


_PART_OF = re.compile(r"^(?P<own>.+?\s+(?P<head>\S+))\s+of\s+(?:the\s+)?(?P<parent>[A-Z].+)$")
# A part named by its head alone ("Sub-group of the X", "Committee of the X", issue 9: "...is an Executive
# Committee of the Council" swallowed into one body): the words name the parent, not a body of their own.
_BARE_PART_OF = re.compile(r"^(?P<head>\S+)\s+of\s+(?:the\s+)?(?P<parent>[A-Z].+)$")
# A team or unit "for the"/"of the"/"within the" a named organisation is the organisation's ("Adults
# Team for the Kestrel Borough Council"); without "the" the words are one name ("Council for Voluntary
# Service", "Department for Education").
_UNIT_OF = re.compile(
    r"^(?P<own>.+?\s+(?:Team|Unit|Hub|Service|Services|Directorate))\s+(?:of|for|within)\s+the\s+"
    r"(?P<parent>[A-Z].+)$"
)
_PART_HEADS = {
    "committee",
    "sub-committee",
    "subcommittee",
    "group",
    "sub-group",
    "subgroup",
    "panel",
    "executive",
}


def _parent_named(name: str) -> tuple[str, int | None]:
    """'Select Committee of the Kestrel Borough Council' → the committee, and where the council's own
    name starts: a committee, group or panel "of" a named body is that body's, not a longer name."""
    bare = _BARE_PART_OF.match(name)
    if bare and bare.group("head").lower() in _PART_HEADS and classify(bare.group("parent")) == "body":
        return "", bare.start("parent")  # "a statutory Committee of the Council": no name of its own
    unit = _UNIT_OF.match(name)
    if unit and classify(unit.group("parent")) == "body" and classify(unit.group("own")) == "body":
        return unit.group("own"), unit.start("parent")
    match = _PART_OF.match(name)
    if match is None or match.group("head").lower() not in _PART_HEADS:
        return name, None
    if classify(match.group("parent")) != "body" or classify(match.group("own")) != "body":
        return name, None
    return match.group("own"), match.start("parent")


def _role_or_none(words: list[str]) -> str | None:
    head = words[-1]
    if head in DOCUMENT_HEADS:
        return None
    if head in {"member", "members"}:
        return "role" if len(words) >= 2 and words[-2] in MEMBER_QUALIFIERS else None
    if head in {"lead", "head"} and len(words) < 2:
        return None
    return "role" if head in ROLE_HEADS or words[-2:] == ["chief", "executive"] else None


_SHARED_ITEM = r"[A-Z][\w\u2019'/-]*(?:\s+(?:(?:and|&|of)\s+)?[A-Z][\w\u2019'/-]*){0,4}"
_SHARED_HEAD_LIST = re.compile(
    rf"(?<![\w\u2019'-])(?P<items>{_SHARED_ITEM}(?:\s*[;,]\s+{_SHARED_ITEM})+\s*[;,]?\s+and\s+{_SHARED_ITEM})"
    r"\s+(?P<head>Sub[\s-]?Groups|Subgroups|Sub[\s-]?Committees|Subcommittees|Groups|Panels|Committees|Forums|Boards)\b"
)


def _singular_word_head(head: str) -> str:
    return " ".join(head.split())[:-1]


def _singular(name: str) -> str:
    """'Child Death Overview Panels' → '... Panel': names are singular, the plural stays an alias."""
    words = name.split()
    last = words[-1]
    if re.search(r"\s(?:of|for)\s", name) or _POST_REMIT_SEPARATOR.search(name):
        return name  # "Director of Children's Services", "Cabinet Member: Family Services": a remit
    if last.endswith("s") and last[:-1].lower() in BODY_HEADS | ROLE_HEADS and len(words) >= 2:
        return " ".join([*words[:-1], last[:-1]])
    return name


def _head(name: str) -> str:
    return name.split()[-1].lower() if name.split() else ""


_UNSPELT_HEADS = {
    "group", "sub-group", "subgroup", "committee", "sub-committee", "board", "partnership", "panel", "forum"
}  # fmt: skip
_PLACE_WORDS = 3  # a leading place name before the spelt words: "Brighton & Hove", "East Riding"


def _name_for_acronym(before: str, acronym: str) -> str | None:
    """The words before '(ACR)' whose initials spell ACR, as printed (commas kept): the head may go
    unspelt ("Monitoring, Quality and Performance Group (MQP)"), "of the" may sit inside ("Office of the
    Police and Crime Commissioner (OPCC)"), and a leading place name of up to three words comes too."""
    letters = [c for c in acronym if c.isupper()]
    words = before.rstrip().split()
    taken: list[tuple[int, str]] = []  # (position in words, the bare word), last word first
    index = len(letters) - 1
    place = 0
    for position in range(len(words) - 1, -1, -1):
        bare = words[position].strip(",;:'\"\u2018\u2019\u201c\u201d(")
        if not bare:
            break
        if index < 0:
            if place == 0 and _leading_word(words[position]):
                taken.append((position, bare))  # "LSAB Executive Core Group (ECG)", "Kent ..."
                place += 1
                continue
            if _place_word(bare) and place < _PLACE_WORDS:
                taken.append((position, bare))
                place += 1
                continue
            if place and bare in {"&", "and"} and position > 0 and _place_word(words[position - 1]):
                taken.append((position, bare))
                continue
            break
        if bare.lower() in CONNECTORS or bare == "&" or _inner_the(words, position, bare):
            taken.append((position, bare))
            continue
        lower_head = position == len(words) - 1 and bare.islower() and bare in BODY_HEADS
        if not bare[:1].isupper() and not lower_head:  # "Drug Action team (DAT)": its head spelt, lower-case
            return None
        if bare[0].upper() == letters[index] or (bare.isupper() and bare.endswith(letters[index])):
            taken.append((position, bare))
            index -= 1
            continue
        if position == len(words) - 1 and bare.lower() in _UNSPELT_HEADS:
            taken.append((position, bare))
            continue
        return None
    if index >= 0 or not taken:
        return None
    while taken and (taken[-1][1].lower() in CONNECTORS or taken[-1][1] in {"&", "the"}):
        taken.pop()
    if not taken:
        return None
    first = taken[-1][0]
    return " ".join(words[first:]).lstrip("'\"\u2018\u201c(").rstrip(",;:'\"\u2019\u201d")


_AFTER_ACRONYM = re.compile(r"\s+(?P<rest>(?:[A-Z][\w'\u2019&-]*\s+){0,4}[A-Z][\w'\u2019&-]*)")


def _name_after_acronym(text: str, position: int) -> tuple[str, int] | None:
    """The capitalised words right after '(ACR)', up to the last body head among them, when the acronym
    was printed inside the name: the words and where they end."""
    match = _AFTER_ACRONYM.match(text, position)
    if match is None:
        return None
    rest = match.group("rest")
    words = rest.split()
    while words and words[-1].lower() not in BODY_HEADS:
        words.pop()
    if not words:
        return None
    kept = rest[: rest.index(words[-1], sum(len(w) + 1 for w in words[:-1]) - 1) + len(words[-1])]
    return kept, match.start("rest") + len(kept)


def _leading_word(word: str) -> bool:
    """The one word before the spelt ones that still belongs to the name: a capitalised word standing
    alone (no bracket or stop glued to it), not a stopword, not a name of its own."""
    return (
        re.fullmatch(r"[A-Z][\w'\u2019&-]*", word) is not None
        and word.lower() not in LEADING_STOPWORDS
        and classify(word) is None
    )


def _place_word(word: str) -> bool:
    """A word of a place's name: capitalised, in lower case after its capital (not an acronym, not
    "WCT)"), and no word of the governance vocabulary."""
    if not re.fullmatch(r"[A-Z][a-z][\w'\u2019-]*", word):
        return False
    bare = word
    low = bare.lower()
    return (
        bare[:1].isupper()
        and low not in LEADING_STOPWORDS
        and low not in BODY_HEADS | ROLE_HEADS
        and classify(bare) is None
    )


def _inner_the(words: list[str], position: int, bare: str) -> bool:
    """'the' inside a name, after 'of' or 'for' ("Office of the Police ...")."""
    return bare == "the" and position > 0 and words[position - 1].lower() in {"of", "for"}


def _capitalised_run(before: str) -> str | None:
    words = before.rstrip().split()
    taken: list[str] = []
    for word in reversed(words):
        bare = word.strip(",;:")
        capital = bare[:1].isupper() and bare.lower() not in LEADING_STOPWORDS
        if capital or (bare.lower() in CONNECTORS and taken):
            taken.append(bare)
        else:
            break
    while taken and taken[-1].lower() in CONNECTORS:
        taken.pop()
    return " ".join(reversed(taken)) or None


def _shouted(text: str) -> list[tuple[int, int]]:
    """Runs of three or more words in capitals (a title typed in capitals): neither names nor acronyms."""
    return [(m.start(), m.end()) for m in _SHOUTED.finditer(text)]


def _candidate_phrases(text: str) -> list[tuple[int, str]]:
    """Runs of capitalised words (with 'of', 'and', 'for' inside), without leading stopwords."""
    out = []
    shouted = _shouted(text)
    for run in _PHRASE.finditer(text):
        if any(a <= run.start() < b for a, b in shouted):
            continue
        for start, phrase in _split_at_stopwords(run.start(), run.group(0)):
            out += _trimmed(text, start, phrase)
    for match in re.finditer(
        r"\b(?:Vice-)?Chair(?:man|person)?\s+of\s+the\s+" + _WORD + r"(?:\s+" + _WORD + ")*", text
    ):
        out.append((match.start(), match.group(0)))
    out += [
        (m.start(group), m.group(group))
        for m in _LOWER_HEAD_NAME.finditer(text)
        for group in ("name", "defined")
        if m.group(group)
    ]
    out += [(m.start("name"), m.group("name")) for m in _LOWER_HEAD_AFTER_A_WORD.finditer(text)]
    return out


_REMIT_PART = re.compile(
    r"(?P<sep>,\s+|:\s+|\s+[-\u2013\u2014]\s+)"
    rf"(?P<run>{_WORD}(?:\s+(?:(?:of|and|for|in|&|on)(?:\s+the)?\s+)?{_WORD})*)"
)
_POST_QUALIFIERS = {
    "interim", "acting", "senior", "deputy", "assistant", "associate", "principal", "strategic"
}  # fmt: skip


def _a_person_named(run: str) -> bool:
    """A person's name, not a post's qualifier and remit ("Interim Policy")."""
    words = {w.lower() for w in run.split()}
    return a_person(run) and not words & (DOCUMENT_HEADS | _POST_QUALIFIERS)


_REMIT_END = re.compile(r"\s*(?:$|\.(?:\s|$)|[()\[;]|,\s+[A-Z]{2,}\b)")
_REMITS_BEFORE = re.compile(rf"(?:^|[(])\s*(?P<run>{_WORD}(?:\s+{_WORD}){{0,2}}),\s+$")
_ACRONYM_WORD = re.compile(r"[A-Z]{2,}[a-z]?")
_TITLE_CASE_VERBS = {"is", "are", "was", "were", "has", "have", "will"}
# Words of a web page's furniture that start or split no name ("Your Council", "Contact Us").
_PAGE_WORDS = {"your", "my", "us", "we", "you"}  # "Our Chair Is Ann Baxter"


def _split_at_stopwords(start: int, phrase: str) -> list[tuple[int, str]]:
    """'Protocol Between Wirral Children's Trust' → 'Protocol', 'Wirral Children's Trust'."""
    parts: list[tuple[int, str]] = []
    offset = 0
    for match in re.finditer(r"\s+(?P<word>[A-Z][a-z]+)(?=\s)", phrase):
        if match.group("word").lower() in (LEADING_STOPWORDS - CONNECTORS) | _TITLE_CASE_VERBS | _PAGE_WORDS:
            parts.append((start + offset, phrase[offset : match.start()]))
            offset = match.end() + 1
    parts.append((start + offset, phrase[offset:]))
    return [(s, p) for s, p in parts if p]


_ADDRESS_WORDS = r"(?:Hall|Street|Road|House|Centre|Center|Avenue|Lane|Square|Offices|Building)"
# A contact line's furniture after a name: "Tel", "Email", or an address ("Manager County Hall Cross
# Street ..."), which starts after the post's head.
_CONTACT_TAIL = re.compile(
    r"\s+(?:Tel|Telephone|Email|E-mail|Ext|Mobile|Phone|Fax)\.?$"
    r"|(?P<head>\b(?:Manager|Officer|Director|Lead|Chair|Coordinator|Co-ordinator|Adviser|Advisor|Secretary))"
    rf"\s+(?:[A-Z][\w'-]*\s+)?{_ADDRESS_WORDS}\b.*$"
)
_DATE_TAIL = re.compile(
    r"\s+(?:in|on|for|from|since|until)\s+(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday)\b.*$"
)


# A period word before a name is the document's or the meeting's, never the body's ("Annual Council",
# "Annual Safeguarding Adults Board Report").
_PERIOD_WORD = re.compile(r"(?:Annual|Quarterly|Yearly|Bi-?annual|Monthly|Half-[Yy]early)\s+")
# Nouns of what a body publishes, holds or shows: "<noun> of/for <body>" names the body after it
# ("Webcast for the Kestrel Board", "Terms of Reference for the Quality Sub-Group").
_PRODUCT_NOUNS = DOCUMENT_HEADS | {
    "webcast", "video", "recording", "minutes", "agenda", "meeting", "meetings", "update", "updates",
    "presentation", "briefing", "newsletter", "website", "page", "consultation", "conference", "event",
    "workshop", "launch", "item", "papers", "decision", "decisions", "budget", "work", "priorities",
    "membership", "constitution", "structure", "summary", "overview", "introduction", "cookies",
    "site", "webpage", "webpages", "pages",
}  # fmt: skip
_OF_OR_FOR = re.compile(r"\s+(?:of|for|on)\s+(?:the\s+)?")


def _product_of(name: str) -> int | None:
    """Where the body's name starts in '<product> of/for <body>' ("Webcast for Kestrel Safeguarding
    Adults Board", "Terms of Reference for the Quality Sub-Group"); None for any other name."""
    for match in _OF_OR_FOR.finditer(name):
        left, right = name[: match.start()], name[match.end() :]
        if left.split()[-1].lower() in _PRODUCT_NOUNS and classify(right) is not None:
            return match.end()
    return None


def _trimmed(text: str, start: int, phrase: str) -> list[tuple[int, str]]:
    out = []
    if phrase:
        while True:
            first, _, rest = phrase.partition(" ")
            if first.lower() in LEADING_STOPWORDS | _PAGE_WORDS and rest:
                start += len(first) + 1
                phrase = rest
            elif first.lower() in LEADING_STOPWORDS | _PAGE_WORDS:
                phrase = ""
                break
            else:
                break
        period = _PERIOD_WORD.match(phrase)
        if period and len(phrase.split()) > 1:  # "Annual Safeguarding Adults Board Report": the Board's
            start, phrase = start + period.end(), phrase[period.end() :]
        phrase = re.sub(r"(?:'s|\u2019s)$", "", phrase)
        phrase = _DATE_TAIL.sub("", phrase)  # "Chair of the Board in May": the name ends before the date
        phrase = _CONTACT_TAIL.sub(lambda m: m.group("head") or "", phrase)  # "... Manager Tel: 0786"
        owner = _OWNER_POSSESSIVE.search(phrase)
        if owner and owner.group("head").lower() in BODY_HEADS:
            # "the Council's Adult Social Care Scrutiny Committee": the council's committee, two names
            out.append((start, phrase[: owner.start("s")]))
            start, phrase = start + owner.end(), phrase[owner.end() :]
        if phrase:
            out.append((start, phrase))
    return out


_OWNER_POSSESSIVE = re.compile(r"(?P<head>[A-Za-z-]+)(?P<s>['\u2019]s)\s+(?=[A-Z])")


def _split_repeated_heads(phrase: str, entities: Entities) -> list[tuple[int, str]]:
    """'Reviews Sub-Group Quality Assurance Sub-Group Prevention Sub-Group': the boxes of a diagram or the
    cells of a table read as one run; a name never repeats its head, so the run is cut after each head
    the next name repeats (then each part is split at "and" as usual)."""
    words = list(re.finditer(r"\S+", phrase))
    cuts = [0]
    for i, word in enumerate(words[:-2]):
        head = word.group(0).lower()
        rest = [w.group(0).lower() for w in words[i + 1 :]]
        if (head in BODY_HEADS or sub_head(head)) and head in rest[1:] and word.start() >= cuts[-1]:
            nxt = words[i + 1].start()
            if classify(phrase[cuts[-1] : word.end()]) == "body":
                cuts.append(nxt)
    out: list[tuple[int, str]] = []
    for begin, end in zip(cuts, [*cuts[1:], len(phrase)], strict=True):
        part = phrase[begin:end].rstrip()
        lead = re.match(r"(?:(?:and|&|or|of|for|in|on)\s+)?(?:the\s+)?", part)
        if lead and lead.end() and begin:  # "... Group and the Learning Group": the name after "and the"
            begin, part = begin + lead.end(), part[lead.end() :]
        out += [(begin + offset, piece) for offset, piece in _split_coordinated(part, entities)]
    return out


def _repeats_head(left: str, right: str) -> bool:
    """'Fenmoor Hospitals and Marsh and Vale Hospitals': each side ends in the same head noun and is a body
    name of two or more words, so two names are coordinated, not one name with "and" inside it."""
    lw, rw = left.split(), right.split()
    return (
        len(lw) >= 2
        and len(rw) >= 2
        and lw[-1] == rw[-1]
        and lw[-1][:1].isupper()
        and classify(left) == "body"
        and classify(right) == "body"
    )


def _split_coordinated(phrase: str, entities: Entities) -> list[tuple[int, str]]:
    """'WCT and LSCB Boards' → 'WCT', 'LSCB Boards'; 'Health and Wellbeing Board' stays whole."""
    parts = [(0, phrase)]
    for match in re.finditer(r"\s+(?:and|&)\s+", phrase):
        left = phrase[: match.start()]
        last = left.split()[-1]
        right = phrase[match.end() :]
        if right.startswith("Crime ") and last == "Police":
            continue  # "Police and Crime Commissioner" (or Panel): one office's name
        if right == "Scrutineer" and last == "Chair":
            continue  # "Independent Chair and Scrutineer": the one post of a safeguarding partnership
        if (
            right.startswith("the ")  # "Government Office and the Strategy Board": never one name
            or _ORGANISATION_NAMES & {left.split()[0].lower(), right.split()[0].lower()}
            or last.isupper()
            or last.lower() in BODY_HEADS | ROLE_HEADS
            or entities.resolve(left)
            or (last.lower() == "executive")
            or _repeats_head(left, right)
        ):
            parts = [(0, left), (match.end(), phrase[match.end() :])]
            tail = _split_coordinated(phrase[match.end() :], entities)
            return [(0, left)] + [(match.end() + offset, part) for offset, part in tail]
    return parts


_NOT_PLACE = {
    "local",
    "safeguarding",
    "health",
    "children's",
    "childrens",
    "community",
    "joint",
    "strategic",
    "adult",
    "adults",
    "children",
    "integrated",
    "domestic",
    "youth",
    "safer",
    "public",
    "director",
    "independent",
    "executive",
    "clinical",
    "multi-agency",
    "lead",
    "corporate",
    "police",
    "fire",
    "probation",
    "national",
    "voluntary",
}
_PLACE_TAIL = {"city", "county", "borough", "metropolitan", "district", "council"}


def _infer_area(names: list[str]) -> str | None:
    """The place most body names begin with, whole ("North Yorkshire", "City of York"), not its first
    word: the leading capitalised words before the first word of a body's own name."""
    prefixes = Counter(p for p in (_place_prefix(n) for n in names) if p)
    for prefix, count in prefixes.most_common():
        if count >= 2:
            return prefix
    return None


def _place_prefix(name: str) -> str | None:
    words = name.split()
    taken: list[str] = []
    for i, word in enumerate(words[:-1]):
        low = word.lower()
        if low in {"of", "upon", "on", "and"} and taken and i + 1 < len(words) - 1:
            nxt = words[i + 1]
            if nxt[:1].isupper() and nxt.lower() not in _NOT_PLACE | BODY_HEADS | ROLE_HEADS:
                taken.append(word)
                continue
        if (
            not word[:1].isupper()
            or word.isupper()
            or low in _NOT_PLACE | BODY_HEADS | ROLE_HEADS | LEADING_STOPWORDS
            or (taken and low in _PLACE_TAIL)
        ):
            break
        taken.append(word)
    while taken and taken[-1].lower() in {"of", "upon", "on", "and"}:
        taken.pop()
    if not taken or len(taken) == len(words) or taken[0].lower() in _PLACE_TAIL - {"city"}:
        return None
    return " ".join(taken)


_KIND_HOWS = {"named in the text", "defined in the text"}
_ITS_PEOPLE = {"representative", "representatives", "member", "members", "chair", "lead", "officer"}
_KIND_BEFORE = re.compile(r"\b(?:a|an|each|every|all|any|other|individual|many|some|no)\s+$", re.IGNORECASE)


# "The Board has established a Learning Review Group": one group, introduced by its name.
_INTRODUCED = re.compile(
    r"\b(?:has|have|had)\s+(?:also\s+|recently\s+)?(?:established|set\s+up|convened|created|formed|commissioned)"
    r"\s+an?\s+$",
    re.I,
)


def _names_used_for_one(clauses: list[Clause], names: dict[str, Entity]) -> set[str]:
    """The names the text uses, at least once, for one body: not in the plural and not after "a",
    "each", "every", "all", "any" ("each Safeguarding Adults Board"), unless one of its people follows
    ("an Integrated Care Partnership representative"). One pass over each clause for all the names."""
    by_form = {_clean(name).lower(): name for name in names}
    alternatives = "|".join(_alias_regex(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w&])(?:{alternatives})(?P<plural>e?s)?(?![\w&])")
    used: set[str] = set()
    for clause in clauses:
        text = clause.text
        for match in pattern.finditer(text):
            name = by_form.get(
                _clean(
                    text[match.start() : match.start("plural") if match.group("plural") else match.end()]
                ).lower()
            )
            if name is None or name in used or match.group("plural") or _inside_longer(text, match.start()):
                continue
            after = text[match.end() : match.end() + 20].split()
            its_person = bool(after) and after[0].lower().strip(",.;") in _ITS_PEOPLE
            introduced = _INTRODUCED.search(text[max(0, match.start() - 40) : match.start()])
            if (
                its_person
                or introduced
                or not _KIND_BEFORE.search(text[max(0, match.start() - 14) : match.start()])
            ):
                used.add(name)
    return used


def _defined_as_one(text: str, entity: Entity) -> bool:
    """'the Safer Streets (SS) Delivery Group': a definition not after "a", "each", ... is one body's;
    so is a definition line's term ("Theme groups - responsible for ...", any dash): the text says so."""
    line = _LOWER_HEAD_NAME.match(text)
    if line and line.group("defined") and text.startswith(entity.quote):
        return True
    if entity.how != "defined in the text" or entity.name in entity.quote:
        return False  # a name printed whole is judged by its uses
    at = text.find(entity.quote)
    return at >= 0 and not _KIND_BEFORE.search(text[max(0, at - 14) : at])


def _inside_longer(text: str, start: int) -> bool:
    """'Fenmoor Safeguarding Adults Board': the kind's name is the end of a longer, placed name."""
    before = text[max(0, start - 40) : start].split()
    if not before or not before[-1][-1:].isalnum():
        return False  # "Borough Council, Metropolitan Police": a list, not one name
    if re.search(r"['\u2019]s$", before[-1]):
        return False  # "the Council's Scrutiny Committee": its owner, not a longer name
    if before[-1].lower() in BODY_HEADS or sub_head(before[-1].lower()):
        return False  # "Reviews Sub-Group Quality Assurance Sub-Group": the name before ended there
    return before[-1][:1].isupper() and before[-1].lower() not in LEADING_STOPWORDS


def _same_but_area(one: str, other: str, area: str | None) -> bool:
    """'Office of the Police and Crime Commissioner' and 'Office of the Surrey Police and Crime
    Commissioner': the same body, one printed without the area's name inside it."""
    if not area or len(one.split()) < 3:
        return False
    inside = f" {area} "
    return (inside in f" {one} " or inside in f" {other} ") and (
        f" {one} ".replace(inside, " ").strip() == f" {other} ".replace(inside, " ").strip()
    )


_KIND_SUFFIX = re.compile(
    r"\s+(?:Sub[\s-]?(?:Committees?|Groups?)|Subgroups?|Subcommittees?)$", re.IGNORECASE
)
_SAME_WORDS_AT_LEAST = 3


def _same_words(one: str, other: str, area: str | None) -> bool:
    """'Adult Safeguarding Board' and 'Kirklees Safeguarding Adults Board'; 'Monitoring Quality and
    Performance Group Sub-Committee' and 'Monitoring, Quality and Performance Group': one body, printed
    with its words reordered or pluralised, its place name left off, or its kind repeated after it."""
    bare = _KIND_SUFFIX.sub("", one)
    mine, theirs = _content_words(bare, area), _content_words(other, area)
    if bare != one and len(mine) >= 2 and mine == theirs:
        return True  # "Quality Group Sub-Committee": the "Quality Group", its kind said again
    return len(mine) >= _SAME_WORDS_AT_LEAST and sorted(mine) == sorted(theirs)


def _shortens(mine: list[str], theirs: list[str]) -> bool:
    """Whether words are a proper subsequence of others that keeps their first and last relation: the
    same head, and no more than two words left out."""
    if len(mine) >= len(theirs) or len(theirs) - len(mine) > 2 or mine[-1] != theirs[-1]:
        return False
    at = 0
    for word in mine:
        while at < len(theirs) and theirs[at] != word:
            at += 1
        if at == len(theirs):
            return False
        at += 1
    return True


def _content_words(name: str, area: str | None) -> list[str]:
    rest = _without_area(name, area)  # only the area's own name: "York ..." is not "Hull ..."
    words = [w.strip(",.;:()").lower().replace("\u2019", "'") for w in (rest or name).split()]
    return [_singular_word(w) for w in words if w and w not in CONNECTORS]


def _singular_word(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _without_area(name: str, area: str | None) -> str | None:
    """The name after its leading place name ("Safeguarding Children Board" of "Kent Safeguarding ...")."""
    if area and name.startswith(area + " "):
        return name[len(area) + 1 :]
    return None


def _initial_forms(entity: Entity, area: str | None) -> set[str]:
    words = [w for w in entity.name.split() if w.lower() not in CONNECTORS]
    variants = [words]
    rest = _without_area(entity.name, area)
    if rest:
        variants.append([w for w in rest.split() if w.lower() not in CONNECTORS])
    if words[0] == "NHS":  # "NHS Kestrel and Heron Integrated Care Board": the ICB
        unplaced = words[1:]
        while unplaced and (
            (_place_word(unplaced[0]) and unplaced[0].lower() not in _NOT_PLACE) or unplaced[0] == "&"
        ):
            unplaced = unplaced[1:]
        if 2 <= len(unplaced) < len(words) - 1:
            variants.append(unplaced)
    forms: set[str] = set()
    for variant in variants:
        if len(variant) < 2:
            continue
        initials = "".join(w[0].upper() for w in variant)
        forms.add(initials)
        if _head(entity.name) != "board":
            forms.add(initials + "B")  # "CTB": the Children's Trust Board
    return forms


def _inside_word_initials(token: str, entity: Entity, area: str | None) -> bool:
    """'HWBB' for the Health and Wellbeing Board (issue 9, alias resolution: an acronym whose letters
    come from inside words): the initials in order, with one more letter taken from inside the word
    before it, the last letter the last word's initial."""
    names = [entity.name, _without_area(entity.name, area) or ""]
    for name in names:
        words = [w for w in name.split() if w.lower() not in CONNECTORS]
        if len(words) < 2 or len(token) != len(words) + 1:
            continue
        for extra in range(1, len(token) - 1):
            rest = token[:extra] + token[extra + 1 :]
            word = words[extra - 1]
            if rest == "".join(w[0].upper() for w in words) and token[extra].lower() in word[2:-1].lower():
                return True
    return False


def _title_mentions(clauses: list[Clause], entities: Entities) -> list[str]:
    title = next((c for c in clauses if c.kind == "title"), None)
    if title is None:
        return []
    keys: list[str] = []
    for mention in entities.mentions(title.text):
        entity = entities.items.get(mention.key)
        if entity is not None and not entity.role and not entity.collective and mention.key not in keys:
            keys.append(mention.key)
    if not keys and _shouted(title.text):  # a title in capitals: find the full names in it, in order
        upper = title.text.upper()
        found = [
            (upper.find(e.name.upper()), e.key)
            for e in entities.items.values()
            if not e.role and not e.collective and e.name.upper() in upper
        ]
        keys = [key for _, key in sorted(found)]
    return keys


def _collective_name(clauses: list[Clause]) -> str:
    for clause in clauses:
        match = re.search(r"\b[Pp]artner (?:agencies|organisations)\b", clause.text)
        if match:
            return "Partner agencies"
    return "Partners"


def _surfaces(clauses: list[Clause], key: str) -> set[str]:
    patterns = {COLLECTIVE: _COLLECTIVE_PARTNERS, COMMUNITY: _COMMUNITY, "lay-member": _LAY}
    out: set[str] = set()
    for clause in clauses:
        for match in patterns[key].finditer(clause.text):
            if not _after_other(clause.text, match.start()):
                out.add(re.sub(r"\s+of\s+(?:the\s+)?$", "", match.group(0)).strip())
    return out


def _after_other(text: str, position: int) -> bool:
    """'any other local body', 'other relevant agencies': not a reference to a named body."""
    return bool(re.search(r"\bother\s+(?:\w+\s+)?$", text[max(0, position - 30) : position], re.IGNORECASE))


def _without_overlaps(found: list[Mention]) -> list[Mention]:
    chosen: list[Mention] = []
    for mention in sorted(found, key=lambda m: (-(m.end - m.start), m.start)):
        if all(mention.end <= c.start or mention.start >= c.end for c in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)


def _group_kind(surface: str) -> str:
    low = surface.lower()
    if "other" in low or "another" in low:
        return "each-other"
    return "both" if low.startswith("both") or "two" in low else "parties"


def _alias_regex(alias: str) -> str:
    escaped = re.escape(alias)
    if alias[:4].lower() == "the ":
        escaped = "[Tt]he" + escaped[3:]
    return escaped.replace(r"\ ", r"\s+").replace("'", "['\u2019]")


def _without_possessive(name: str) -> str:
    """'Local Safeguarding Children's Board' as 'Local Safeguarding Children Board' (issue 9, alias
    resolution): protocols print the same body's name with and without the possessive."""
    return re.sub(r"(?<=\w)['\u2019]s?(?=\s|$)", "", name)


def _clean(surface: str) -> str:
    return re.sub(r"\s+", " ", surface.replace("\u2019", "'")).strip(" ,;:.")


_KEY_CHARS = 60


def _key_for(name: str, acronym: str | None, role: bool) -> str:
    if acronym:
        return re.sub(r"[^a-z0-9]", "", acronym.lower())
    base = re.sub(r"\b(?:the|of|for|and)\b", " ", name.lower()) if role else name.lower()
    if role:
        head = re.split(r"\s+(?:of|for)\s+", name, maxsplit=1)
        if len(head) > 1 and len(head[0].split()) >= 2:
            base = head[0].lower()
        if name.lower().startswith("chair"):
            base = re.sub(r"\bthe\b", " ", name.lower())
    base = base.replace("'s", "s").replace("\u2019s", "s")
    return ids.slug(base, _KEY_CHARS)  # cut at a word's end: "training-and-workforce-development"


def _unique_key(items: dict[str, Entity], wanted: str) -> str:
    candidate, n = wanted or "body", 2
    while candidate in items or candidate in {COLLECTIVE, COMMUNITY}:
        candidate, n = f"{wanted}-{n}", n + 1
    return candidate
