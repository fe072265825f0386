"""Turning a user's words into a safe full-text query: every Lucene operator in the input is escaped."""

from __future__ import annotations

import re

from govgraph.api.store import ApiError

MAX_TEXT = 200
_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')


def escape(term: str) -> str:
    """Escape operator characters; lower case, so AND / OR / NOT are words, not operators."""
    return _SPECIAL.sub(r"\\\1", term.lower())


def phrase_query(text: str) -> str:
    """The exact phrase ranks first, then texts with every word (the last one as a prefix)."""
    words = text.split()
    if not words:
        raise ApiError("The search text is empty.")
    if len(text) > MAX_TEXT:
        raise ApiError(f"The search text is longer than {MAX_TEXT} characters.")
    terms = [escape(w) for w in words]
    all_words = " AND ".join([*terms[:-1], f"({terms[-1]} OR {terms[-1]}*)"])
    return f'"{" ".join(terms)}"^3 OR ({all_words})'
