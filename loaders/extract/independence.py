"""Independence statements read by their parts, not by their phrasings (issue 9: declarations were found
on the dev half's phrasings, 2 of 9 on the test half).

A protocol says a body is independent in two ways: it *negates* a relation of hierarchy ("is not
accountable to", "does not report to", "is not a committee of", "cannot direct", "has no authority
over", "there is no hierarchy", "nothing in this protocol overrides ... responsibilities"), or it
*asserts* independence outright ("separate and independent bodies", "a distinct statutory body in its own
right", "operates independently of", "remains accountable for its own functions"). Each pattern below is
a negator, a short gap and a term of one family; the family gives the declaration's kind. The phrasings
``relations._DECLARATIONS`` lists are tried first; these compose the same vocabulary so that its
relatives (another negator, another verb of the family, a few words between) are found too.

Nothing here names a body: the bodies a statement is about are found by the reader, as for the listed
phrasings.
"""

from __future__ import annotations

import re

from govgraph.graph.model import DeclarationKind

# A negator, then up to four words (never a clause break nor a contrast: "not only ... but", "whether or
# not"), then the family's term. "no" negates only the noun right after it ("no authority over").
_NEGATOR = (
    r"(?<!\bor\s)\b(?:not|never|neither|nor|cannot|can\s+not|may\s+not|(?:is|are|does|do|will|shall)n[\u2019']t)"
    r"(?!\s+only\b|\s+least\b|\s+always\b|\s+yet\b)"
    r"(?:\s+(?!but\b|and\b|which\b|who\b|if\b|unless\b|until\b)[\w-]+){0,4}?\s+"
)
_NO = r"\b(?:no|without\s+any|without)\s+(?:(?:formal|direct|statutory|executive|line|such|overall)\s+){0,2}"
_NOTHING = r"\bnothing\s+in\s+(?:this|these|the)\b[^.;]{0,60}?\s+"
_REST = r"[^.;]*"

_FAMILIES: list[tuple[DeclarationKind, str]] = [
    # being under another: "is not accountable to", "does not report to", "not a committee of"
    (
        DeclarationKind.INDEPENDENT,
        _NEGATOR + r"(?:subordinate\s+to|accountable\s+to|answerable\s+to|(?:report|reports|reporting)\s+"
        r"(?:\w+\s+)?(?:in)?to|(?:an?\s+)?(?:sub-?\s?group|sub-?committee|committee|part|subsidiary|"
        r"arm)\s+of|(?:sit|sits|sitting)\s+(?:under|below|beneath|within)|subsumed|subject\s+to\s+the\s+"
        r"(?:authority|governance|oversight)\s+of|line\s+managed)\b" + _REST,
    ),
    # the power to direct another: "cannot direct", "has no authority over", "does not manage"
    (
        DeclarationKind.NO_DIRECTION_POWER,
        r"(?:" + _NEGATOR + r"(?:(?:have|has)\s+(?:any\s+)?(?:the\s+)?)?(?:direct|instruct|manage|control|"
        r"compel|(?:power|powers|authority|jurisdiction|right)\s+(?:over|to\s+(?:direct|instruct|compel)))"
        r"|" + _NO + r"(?:power|powers|authority|jurisdiction|right)\s+(?:over|to\s+(?:direct|instruct|"
        r"compel|manage|control))|\bnot\s+subject\s+to\s+the\s+(?:direction|control|instruction)\s+of"
        r")\b" + _REST,
    ),
    # no hierarchy between them: "not of hierarchy", "no line management relationship"
    (
        DeclarationKind.NON_HIERARCHICAL,
        r"(?:" + _NEGATOR + r"(?:a\s+|of\s+)?(?:hierarch\w*)|" + _NO + r"(?:hierarch\w*|line\s+management"
        r"\s+relationship)|\bnon-?\s?hierarchical)\b" + _REST,
    ),
    # each keeps its own duties: "nothing in this protocol overrides ... the statutory responsibilities"
    (
        DeclarationKind.SEPARATE_ACCOUNTABILITY,
        r"(?:" + _NEGATOR + r"|" + _NOTHING + r")(?:override|overrides|replace|replaces|change|changes|"
        r"alter|alters|diminish|diminishes|remove|removes|supersede|supersedes|transfer|transfers|affect|"
        r"affects)\b[^.;]{0,80}?\b(?:responsibilit|accountabilit|dut(?:y|ies)|functions|sovereignty)\w*"
        + _REST
        + r"|\b(?:remains?|retains?|keeps?)\s+(?:fully\s+|solely\s+)?(?:accountable|responsible|"
        r"responsibility|accountability)\s+for\s+(?:its|their)\s+own\b" + _REST,
    ),
    # independence asserted: "separate and independent bodies", "in its own right", "independently of"
    (
        DeclarationKind.INDEPENDENT,
        r"\b(?:separate|distinct|autonomous)\s+(?:and\s+(?:independent|distinct|separate)\s+)?"
        r"(?:statutory\s+|legal\s+|independent\s+)?(?:bod(?:y|ies)|organisations?|entit(?:y|ies)|"
        r"partnerships?|boards?)\b" + _REST + r"|\b(?:bod(?:y|ies)|partnerships?|boards?|organisations?)\s+"
        r"in\s+(?:its|their)\s+own\s+right\b" + _REST + r"|\b(?:operates?|acts?|functions?|works?)\s+"
        r"independently\s+(?:of|from)\b" + _REST,
    ),
]

COMPOSED: list[tuple[DeclarationKind, re.Pattern[str]]] = [
    (kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _FAMILIES
]
