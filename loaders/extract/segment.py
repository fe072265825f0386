"""Cutting a protocol's text into clauses, each with its number or heading and its exact span.

Protocols come out of Word and PDF with their structure half-visible: numbers typed by hand ("2.1",
"4.0", "1)", "(a)", "Section 3"), bullets of every shape, lead-ins that end in a colon (sometimes printed
as a bullet themselves), headings glued to the title by leftover Markdown, empty bullets, footnote marks
and lines wrapped mid-sentence. Every clause keeps offsets into the original text, so its text is the
document's own words.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field

from govgraph.loaders.extract.vocabulary import BODY_HEADS, ROLE_HEADS
from govgraph.loaders.text import fold

_MARKUP = re.compile(r"\*\*|__")
_MD_HEADING = re.compile(r"#{1,6}\s+")
_BULLET = re.compile(r"(?:[-*•◦▪▫‣●○■□➢►\u2013\u2014·]|o(?=\s))\s*")
_NUMBER_FORMS = (
    # "Section 3 -", "Part 2:", "Article 4." (a heading word with a number)
    re.compile(
        r"(?:Section|Part|Article|Schedule|Chapter)\s+(?P<num>\d+[A-Z]?)(?:[.:)]|\s+[\u2013\u2014-])?\s+"
    ),
    # "2.1", "4.0", "3.1.2", "1.", "1)", "10" (plain numbers only when short and followed by a capital)
    re.compile(r"(?P<num>\d{1,2}(?:\.\d{1,2})+)\.?\)?\s+"),
    re.compile(r"(?P<num>\d{1,2})[.)]\s+"),
    re.compile(r"(?P<num>\d{1,2})\s+(?=[A-Z])"),
)
_ITEM_LABEL = re.compile(r"(?:\((?P<a>[a-z]|[ivx]{1,4})\)|(?P<b>[a-z]|[ivx]{1,4})\))\s+")
_FOOTNOTE_TAIL = re.compile(r"(?:[¹²³⁴⁵⁶⁷⁸⁹⁰†‡]+|\[\d{1,3}\])+$")
_TERMINAL = ".;:!?"
_WRAP_WORDS = {
    "the",
    "a",
    "an",
    "of",
    "to",
    "and",
    "or",
    "for",
    "in",
    "on",
    "by",
    "with",
    "its",
    "their",
    "that",
}
_HEADING_WORDS = 9
_HEADING_CHARS = 200  # nine words are never longer than this
_LONG_LINE = 1_000  # longer lines are cut into runs where clauses could start
_MIN_RUN = 40  # ... but never into runs shorter than this
_MAX_RUN = 3_000  # and no run is longer than this: a clause's work grows faster than its length
_CLAUSE_START = re.compile(
    r"(?<=[.;:!?])[\"'\u2019\u201d)]?\s+(?=[\"'\u2018\u201c(]?[A-Z0-9]|[-•\u2022*]\s)"
    r"|\s+(?=(?:\d{1,2}\.){1,3}\d{0,2}\s+[A-Z])"
)
# A field of a group's terms of reference printed as "Label: value" under its name.
_FIELD_LINE = re.compile(
    r"(?:(?:Independent|Joint)\s+)?(?:Co-|Vice[\s-])?Chair(?:ed\s+by|man|person|s)?\s*:\s*\S"
    r"|(?:Reports?|Reporting|Accountable|Accountability)(?:\s+(?:in)?to)?\s*:\s*\S",
    re.IGNORECASE,
)
_GLOSSARY_ENTRY = re.compile(r"[A-Z][A-Z&]{1,7}:\s+[A-Z]")
_TAIL = 80  # how much of a piece's end decides whether the next line continues it
# A web address: a sentence citing one often has no full stop after it ("2. The plan is at
# www.example.org/plan.pdf"), so it looked like a short numbered heading and was lost as a clause. A
# heading never cites an address, nor a file ("See sab/plan.pdf").
# A minutes page's numbered decision ("1. To note the report from the Board"): a resolution, no heading.
_RESOLUTION = re.compile(r"To\s+(?:note|agree|approve|endorse|receive|consider|accept|adopt)\s+(?:the|an?)\s")
_WEB_ADDRESS = re.compile(
    r"(?:https?://|\bwww\.)\S|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:uk|org|com|net|gov|nhs|info|eu)/"
    r"|[\w-][\\/][^\s]*\.(?:docx?|pdf|rtf|odt|xlsx?|pptx?)\b",
    re.I,
)


@dataclass
class Piece:
    """One run of text on a line, with the markers in front of it taken off."""

    start: int
    end: int
    line: int
    bullet: bool = False
    md_heading: bool = False
    bold: bool = False
    number: str | None = None
    label: str | None = None  # an item label: "a" of "(a)"
    plain_number: bool = False  # "3 Humberside Police": a number with no stop or bracket after it
    indent: int = 0
    blank_before: bool = False


@dataclass
class Clause:
    id: str
    number: str | None
    heading: str | None
    text: str  # the clause's words, whitespace folded; occurs verbatim in the source
    start: int
    end: int
    line: int
    kind: str  # title | numbered | paragraph | bullet | item
    section: int = 0  # which heading it stands under (0: before the first)
    lead_in: str | None = None  # the lead-in ("... will:") whose list this clause is an item of
    is_lead_in: bool = False
    items: list[str] = field(default_factory=list)


@dataclass
class Heading:
    number: str | None
    text: str
    line: int
    start: int = -1  # the heading's words in the source (-1: not known)
    end: int = -1


@dataclass
class Segmented:
    text: str
    clauses: list[Clause]
    headings: list[Heading]
    notes: list[str]

    def by_id(self) -> dict[str, Clause]:
        return {c.id: c for c in self.clauses}


def segment(text: str) -> Segmented:
    pieces = _merge_wrapped(text, list(_pieces(text)))
    return _Builder(text).build(pieces)


# -- pieces -------------------------------------------------------------------------------------------


def _pieces(text: str) -> list[Piece]:
    out: list[Piece] = []
    offset = 0
    blank = True
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        body = line.rstrip("\r\n")
        body = body[: _content_end(body)]
        if not body.strip() and line.strip():
            offset += len(line)
            blank = True  # page furniture alone on its line: a break (a clause's words are verbatim)
            continue
        found: list[Piece] = []
        for start, end in _runs(body):
            found += _line_pieces(body[start:end], offset + start, number)
        if found:
            found[0].blank_before = blank
            out += found
        blank = not found  # a blank line, an empty bullet or markup alone breaks a paragraph
        offset += len(line)
    return out


# Page furniture a Word or PDF export leaves in the text (issue 9: page footers such as "D:\\219513485.doc"
# and site banners ending up in clauses): a file's path, "Page 3 of 12", a web page's navigation links.
_FILE_PATH = re.compile(
    r"(?:^|\s)(?:[A-Za-z]:\\|\\\\)[^\n]*?\.(?:docx?|pdf|rtf|odt|xlsx?|pptx?)\s*$"
    r"|(?:^|\s)[\w-]+[\\/][^\s]*?\.(?:docx?|pdf|rtf|odt|xlsx?|pptx?)\s*$"
    r"|^\s*[\w-]+\.(?:docx?|pdf|rtf|odt)\s*$",
    re.IGNORECASE,
)
_FURNITURE_LINE = re.compile(
    r"^\s*(?:Page\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|\d{1,4}\s*(?:of|/)\s*\d{1,4}"
    r"|(?:Return|Back)\s+to\s+(?:the\s+)?top(?:\s+of\s+(?:the\s+)?page)?|Skip\s+to\s+(?:main\s+)?content"
    r"|Print\s+this\s+page|Share\s+this\s+page)\s*$",
    re.IGNORECASE,
)


def _content_end(line: str) -> int:
    """Where a line's own words end: before a file's path printed at its end, or at 0 for a line of
    page furniture alone."""
    if _FURNITURE_LINE.match(line):
        return 0
    path = _FILE_PATH.search(line)
    if path is None:
        return len(line)
    gap = len(path.group()) - len(path.group().lstrip())
    return path.start() if _printed_apart(line[: path.start() + gap]) else len(line)


def _printed_apart(before: str) -> bool:
    """Whether a path at a line's end stands apart from the words before it, as an export prints a footer:
    alone on its line, after a sentence's end, or after a gap of spaces or a tab. A path the sentence
    runs into ("See sab/plan.pdf") is the sentence's own words, a reference to a file, and is kept."""
    words = before.rstrip()
    return not words or words[-1] in ".!?" or "\t" in before[len(words) :] or before.endswith("  ")


def _runs(line: str) -> list[tuple[int, int]]:
    """A long line (a text with no line breaks, a paragraph pasted whole) cut where a clause could start:
    after a sentence's end, before a clause number or a bullet; a run with no such place is cut at a
    space. Short lines are one run. Each run is then read as a line of its own."""
    if len(line) <= _LONG_LINE:
        return [(0, len(line))]
    cuts = [m.end() for m in _CLAUSE_START.finditer(line)]
    runs: list[tuple[int, int]] = []
    start = 0
    for cut in [*cuts, len(line)]:
        if cut - start < _MIN_RUN and cut != len(line):
            continue
        runs += _hard_cuts(line, start, cut)
        start = cut
    return runs


def _hard_cuts(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) in runs of at most _MAX_RUN characters, cut at the last space before the limit."""
    out = []
    while end - start > _MAX_RUN:
        space = line.rfind(" ", start + _MAX_RUN // 2, start + _MAX_RUN)
        cut = space + 1 if space > start else start + _MAX_RUN
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def _line_pieces(body: str, offset: int, line: int) -> list[Piece]:
    """The pieces of one line: split at stray ``**``/``__`` markup, markers parsed off each."""
    out: list[Piece] = []
    bold = False
    cursor = 0
    for match in [*_MARKUP.finditer(body), None]:
        end = match.start() if match else len(body)
        piece = _parse_piece(body, cursor, end, offset, line, bold)
        if piece is not None:
            out.append(piece)
        if match:
            cursor = match.end()
            bold = not bold
    return out


def _parse_piece(body: str, start: int, end: int, offset: int, line: int, bold: bool) -> Piece | None:
    raw = body[start:end]
    indent = len(raw) - len(raw.lstrip())
    pos = start + indent
    piece = Piece(0, 0, line, bold=bold, indent=indent)
    if m := _MD_HEADING.match(body, pos, end):
        piece.md_heading, pos = True, m.end()
    while m := _BULLET.match(body, pos, end):
        if m.end() == pos:
            break
        piece.bullet, pos = True, m.end()
    for form in _NUMBER_FORMS:
        if m := form.match(body, pos, end):
            piece.number, pos = m.group("num"), m.end()
            piece.plain_number = form is _NUMBER_FORMS[-1]
            break
    if piece.number is None and (m := _ITEM_LABEL.match(body, pos, end)):
        piece.label, pos = (m.group("a") or m.group("b")), m.end()
    stop = end
    while stop > pos and body[stop - 1].isspace():
        stop -= 1
    tail = _FOOTNOTE_TAIL.search(body, pos, stop)
    if tail and tail.start() > pos:
        stop = tail.start()
        while stop > pos and body[stop - 1].isspace():
            stop -= 1
    if stop <= pos:
        return None  # an empty bullet, a lone number or markup only
    piece.start, piece.end = offset + pos, offset + stop
    return piece


def _merge_wrapped(text: str, pieces: list[Piece]) -> list[Piece]:
    """Join lines a PDF or a hard-wrapped text broke mid-sentence back into one piece."""
    if not pieces:
        return pieces
    width = _wrap_width(text, pieces)
    merged = [pieces[0]]
    for piece in pieces[1:]:
        last = merged[-1]
        if _continues(text, last, piece, width):
            last.end = piece.end
        else:
            merged.append(piece)
    return merged


def _wrap_width(text: str, pieces: list[Piece]) -> float:
    lengths = [p.end - p.start for p in pieces]
    return statistics.quantiles(lengths, n=10)[-1] if len(lengths) >= 10 else max(lengths)


def _continues(text: str, last: Piece, piece: Piece, width: float) -> bool:
    if piece.blank_before and _row_name_goes_on(text, last, piece):
        return True
    if piece.blank_before and _name_broken_over_a_blank_line(text, last, piece):
        return True
    if piece.blank_before or piece.bullet or piece.number or piece.label or piece.md_heading:
        return False
    if piece.line == last.line or last.md_heading or (last.bold and not piece.bold):
        return False
    if last.end - last.start > _MAX_RUN:
        return False  # a clause is bounded, so the work per clause is
    # Only the end of the growing piece is looked at, so joining many lines stays linear.
    previous = text[max(last.start, last.end - _TAIL) : last.end]
    if previous.endswith(":") or _is_heading_piece(text, last):
        return False
    if previous.count(" | ") >= _MENU_BARS or text[piece.start : piece.end].count(" | ") >= _MENU_BARS:
        return False  # "Home | Your Council | Contact Us": a web page's menu, never a sentence's line
    if text[piece.start : piece.start + 1].islower():
        return True
    if previous[-1:] in _TERMINAL:
        return False
    if _name_broken(previous, text[piece.start : min(piece.end, piece.start + _TAIL)]):
        return True
    last_word = previous.rsplit(None, 1)[-1].lower()
    return last_word in _WRAP_WORDS or previous.endswith((",", "-")) or last.end - last.start >= 0.7 * width


_MENU_BARS = 2
_BROKEN_NAME_WORDS = 5  # a line this long that ends mid-name is a sentence's, not a list item's


def _name_broken(previous: str, following: str) -> bool:
    """'... reports to the Kestrel Health and Wellbeing' then 'Board on ...': a sentence's line that ends
    in a capitalised word no name ends with, the next line starting with the head word that ends it."""
    words, next_words = previous.split(), following.split()
    if len(words) < _BROKEN_NAME_WORDS or not next_words:
        return False
    last, first = words[-1], next_words[0].strip(",.;:()")
    return (
        last[:1].isupper()
        and last.lower() not in BODY_HEADS
        and first[:1].isupper()
        and first.lower() in BODY_HEADS
    )


def _name_broken_over_a_blank_line(text: str, last: Piece, piece: Piece) -> bool:
    """'... the establishment of the Kestrel Safeguarding' then, after a blank line (a page or a web
    page's paragraph break), 'Partnership which combined ...': a sentence broken inside a name, the
    next piece its head word and the sentence going on in lower case."""
    if piece.bullet or piece.number or piece.label or piece.md_heading or last.md_heading:
        return False
    previous = text[max(last.start, last.end - _TAIL) : last.end]
    following = text[piece.start : min(piece.end, piece.start + _TAIL)].split()
    if previous[-1:] in _TERMINAL or len(following) < 2 or not following[1][:1].islower():
        return False
    return _name_broken(previous, " ".join(following))


_ROW_TAIL_WORDS = 4


def _row_name_goes_on(text: str, last: Piece, piece: Piece) -> bool:
    """'2 Hilary Gledhill East Riding NHS' then, after a blank line, 'Clinical Commissioning Group': a
    numbered row of a table whose organisation's name was broken over two cells' lines."""
    if not last.plain_number or piece.bullet or piece.number or piece.label or piece.md_heading:
        return False
    row, rest = text[last.start : last.end].split(), text[piece.start : piece.end].split()
    if not row or not rest or len(rest) > _ROW_TAIL_WORDS or not all(w[:1].isupper() for w in rest):
        return False
    return row[-1].lower() not in BODY_HEADS and rest[-1].lower() in BODY_HEADS and row[-1][:1].isupper()


def _is_heading_piece(text: str, piece: Piece) -> bool:
    if piece.md_heading:
        return True
    if piece.number and not piece.bullet and piece.number.endswith(".0"):
        return True
    if piece.end - piece.start > _HEADING_CHARS:
        return False  # too long to be a heading, whatever its words
    body = text[piece.start : piece.end]
    short = len(body.split()) <= _HEADING_WORDS and body[-1:] not in _TERMINAL + ","
    if short and body.split()[-1].lower() in _WRAP_WORDS - {"its", "their"}:
        return False  # "2. The Board reports to the Health and": no heading ends in "and", "of", "the"
    return bool(short and (piece.number or piece.bold) and not piece.label and not _WEB_ADDRESS.search(body))


# -- clauses ------------------------------------------------------------------------------------------


class _Builder:
    """Walks the pieces in order, keeping the current heading, section number and lead-in."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.clauses: list[Clause] = []
        self.headings: list[Heading] = []
        self.notes: list[str] = []
        self.section_number: str | None = None
        self.heading: str | None = None
        self.section = 0
        self.base: str | None = None
        self.used_bases: set[str] = set()
        self.letters: dict[str, int] = {}
        self.ids: set[str] = set()
        self.lead_in: Clause | None = None

    def build(self, pieces: list[Piece]) -> Segmented:
        for piece in pieces:
            body = self.text[piece.start : piece.end]
            if self.heading and _MEMBERSHIP_SECTION.match(self.heading) and _a_table_header(body.split()):
                continue  # "Agency Job Title": the membership table's column names, no clause
            if self._is_heading(piece, body):
                self._open_section(piece, body)
            else:
                self._add_clause(piece, body)
        return Segmented(self.text, self.clauses, self.headings, self.notes)

    def _is_heading(self, piece: Piece, body: str) -> bool:
        if not self.clauses and not self.headings and not piece.number and not piece.bullet:
            return False  # the title, even as a Markdown heading
        if piece.md_heading or (piece.number and piece.number.endswith(".0") and not piece.bullet):
            return True
        words = body.split()
        short = len(words) <= _HEADING_WORDS and body[-1:] not in _TERMINAL + ","
        if not short or piece.label or _WEB_ADDRESS.search(body) or _RESOLUTION.match(body):
            return False  # long, an item, citing a web address, or a resolution: a sentence
        if _GLOSSARY_ENTRY.match(body):
            return False  # "SCFT: Sussex Community NHS Foundation Trust": a glossary line, not a heading
        if _FIELD_LINE.match(body):
            return False  # "Chair: Head of Quality" under a group's heading: a field of its terms, a clause
        if piece.plain_number and self.lead_in is not None:
            return False  # "3 Humberside Police" under "The undersigned agree ...:": a row, not a heading
        if piece.number and not piece.bullet and "." not in piece.number.strip("."):
            return True  # "3. The Children's Trust", "Section 2 Reporting"
        if piece.number and "." in piece.number and piece.bold:
            return True
        if piece.number or piece.bullet or self.lead_in is not None:
            return False
        if not piece.bold and self.heading and _MEMBERSHIP_SECTION.match(self.heading) and _a_row(words):
            return False  # "Director of Nursing" under "Membership of the Board": a row of its table
        return piece.bold or (body[:1].isupper() and _title_like(words))

    def _open_section(self, piece: Piece, body: str) -> None:
        self.lead_in = None
        self.section += 1
        self.heading = body.strip()
        lead = len(body) - len(body.lstrip())
        start = piece.start + lead
        self.headings.append(
            Heading(piece.number, self.heading, piece.line, start, start + len(self.heading))
        )
        self.section_number = piece.number
        key = piece.number or _slug(body)
        self.base = key if key not in self.used_bases else _slug(body) or f"s{self.section}"
        if self.base in self.used_bases:
            self.base = f"{self.base}-{self.section}"
        if piece.number and key in self.used_bases:
            self.notes.append(
                f"line {piece.line}: section number {piece.number} is used twice; clauses under "
                f"'{self.heading}' get ids {self.base}-a, -b, ..."
            )
        self.used_bases.add(self.base)
        self.used_bases.add(key)

    def _add_clause(self, piece: Piece, body: str) -> None:
        folded = fold(body)
        kind, clause_id, number = self._identify(piece, folded)
        clause = Clause(
            id=clause_id,
            number=number,
            heading=self.heading,
            text=folded,
            start=piece.start,
            end=piece.end,
            line=piece.line,
            kind=kind,
            section=self.section,
        )
        if kind == "item" and self.lead_in is not None:
            clause.lead_in = self.lead_in.id
            self.lead_in.items.append(clause.id)
        if folded.endswith(":"):
            clause.is_lead_in = True
            self.lead_in = clause
        elif kind not in ("item",):
            self.lead_in = None
        self.clauses.append(clause)

    def _identify(self, piece: Piece, folded: str) -> tuple[str, str, str | None]:
        if not self.clauses and not self.headings and not piece.number and not piece.bullet:
            return "title", self._unique("title"), None
        if piece.plain_number and self.lead_in is not None and not folded.endswith(":"):
            lead = self.lead_in  # a numbered row of the lead-in's list or table
            base = lead.id if lead.kind == "numbered" else self._section_base()
            return "item", self._lettered(base, None), lead.number or self.section_number
        if piece.number:
            self.lead_in = None if not folded.endswith(":") else self.lead_in
            return "numbered", self._unique(piece.number), piece.number
        if self._in_list(piece, folded):
            lead = self.lead_in
            assert lead is not None
            base = lead.id if lead.kind == "numbered" else self._section_base()
            return "item", self._lettered(base, piece.label), lead.number or self.section_number
        kind = "bullet" if piece.bullet else "paragraph"
        return kind, self._lettered(self._section_base(), piece.label), self.section_number

    def _in_list(self, piece: Piece, folded: str) -> bool:
        """An item of the current lead-in: a bullet, a labelled item, or a short unpunctuated line."""
        if self.lead_in is None:
            return False
        if piece.bullet or piece.label:
            return True
        return len(folded.split()) <= 12 and folded[-1:] not in ".;!?"

    def _section_base(self) -> str:
        if self.base is None:
            self.base = "intro"
            self.used_bases.add(self.base)
        return self.base

    def _lettered(self, base: str, label: str | None) -> str:
        if label and not re.fullmatch(r"[ivx]+", label):
            candidate = f"{base}{'' if base[-1].isdigit() else '-'}{label}"
            if candidate not in self.ids:
                return self._unique(candidate)
        while True:
            count = self.letters.get(base, 0)
            self.letters[base] = count + 1
            candidate = f"{base}{'' if base[-1].isdigit() else '-'}{_letters(count)}"
            if candidate not in self.ids:
                return self._unique(candidate)

    def _unique(self, wanted: str) -> str:
        candidate, n = wanted, 2
        while candidate in self.ids:
            candidate, n = f"{wanted}-{n}", n + 1
        self.ids.add(candidate)
        return candidate


# A membership section's table: its rows are posts and organisations, its header the column names.
_MEMBERSHIP_SECTION = re.compile(r"^(?:board\s+|partnership\s+)?(?:membership|members)\b", re.IGNORECASE)
_TABLE_HEADER_WORDS = {
    "agency", "organisation", "organization", "job", "title", "name", "role", "post", "designation",
    "position", "representative", "representing", "member", "members", "signature", "sector",
}  # fmt: skip


def _a_table_header(words: list[str]) -> bool:
    return 2 <= len(words) <= 5 and all(w.lower().strip(",:/|") in _TABLE_HEADER_WORDS for w in words)


def _a_row(words: list[str]) -> bool:
    """A short line naming a post or an organisation (a head word of one anywhere in it)."""
    return any(w.lower().strip(",.;:()") in BODY_HEADS | ROLE_HEADS for w in words)


def _title_like(words: list[str]) -> bool:
    small = {"and", "of", "the", "for", "in", "on", "to", "a", "an", "&", "with", "between"}
    capitals = sum(1 for w in words if w[:1].isupper() or w.lower() in small)
    return capitals == len(words) and len(words) <= 6


def _letters(index: int) -> str:
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-")


def add_heading_clauses(segmented: Segmented, names_a_body: Callable[[str], bool]) -> None:
    """A heading that is a body's name ("Training and Workforce Development Sub-Committee") becomes a
    clause of its own, first in its section: the body is named nowhere else in the text, and the
    clauses under it ("It reports to ...", "This group ...") speak of it."""
    ids = {clause.id for clause in segmented.clauses}
    added: list[Clause] = []
    for section, heading in enumerate(segmented.headings, start=1):
        if heading.start < 0 or not names_a_body(heading.text):
            continue
        text = fold(segmented.text[heading.start : heading.end])
        wanted = f"{_slug(heading.text)}-heading"
        clause_id, n = wanted, 2
        while clause_id in ids:
            clause_id, n = f"{wanted}-{n}", n + 1
        ids.add(clause_id)
        added.append(
            Clause(
                id=clause_id,
                number=heading.number,
                heading=heading.text,
                text=text,
                start=heading.start,
                end=heading.end,
                line=heading.line,
                kind="heading",
                section=section,
            )
        )
    if added:
        segmented.clauses = sorted([*segmented.clauses, *added], key=lambda clause: clause.start)
