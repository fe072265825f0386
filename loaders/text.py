"""Finding a verbatim quote in a protocol text, and the line it stands on.

Protocols are copied out of Word and PDF files, so line breaks and runs of spaces are not meaningful:
we compare with whitespace folded, and nothing else normalised (a quote must be the protocol's words).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

# Folding is str.split()'s idea of whitespace (str.isspace), which is exactly what \s matches in a
# str pattern: tests/test_folded_text.py checks every code point. Leading whitespace is taken apart
# (``str.lstrip``): an alternative ``^\s+|`` makes the regex engine try two branches at every character,
# three times slower than this one over a protocol's text.
_LONG_SPACE = re.compile(r"\s\s+")


def fold(text: str) -> str:
    """Runs of whitespace as one space, none at either end (``str.split`` does it in C)."""
    return " ".join(text.split())


class Span(NamedTuple):
    """Where a quote stands. A named tuple rather than a frozen dataclass: one is made per clause of
    every document, and a frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``."""

    start: int  # offset in the original text
    end: int
    line: int  # 1-based line of ``start``
    folded_end: int  # where the match ends in the folded text: the next search in order starts there


class FoldedText:
    """A text with its whitespace folded and a map back to the original offsets.

    Only whitespace runs longer than one character (and leading whitespace) move an offset: a single
    space, tab or line break folds to one space of the same length. So the map holds one entry per such
    run (a line's indentation, a blank line), not one per word or character: after the run, an offset
    in the folded text is the original one minus the characters dropped so far. Lines are counted
    from the previous span on, since clauses are found in document order.
    """

    def __init__(self, original: str) -> None:
        self.original = original
        self.folded = fold(original)
        self._map: tuple[list[int], list[int]] | None = None  # built by the first find()
        self._last = (0, 1)  # (offset, its line) of the previous span

    def _shifts(self) -> tuple[list[int], list[int]]:
        """Where in the folded text each long whitespace run ends, and how many characters it and the
        runs before it dropped."""
        folded_at, dropped = [0], [0]
        original = self.original
        total = len(original) - len(original.lstrip())  # leading whitespace goes entirely
        if total:
            folded_at.append(0)
            dropped.append(total)
        for run in _LONG_SPACE.finditer(original, total):
            start, end = run.span()
            total += end - start - 1
            folded_at.append(end - total)
            dropped.append(total)
        return folded_at, dropped

    def _line(self, offset: int) -> int:
        last, line = self._last
        if offset < last:
            last, line = 0, 1
        line += self.original.count("\n", last, offset)
        self._last = (offset, line)
        return line

    def find(self, quote: str, after: int = 0) -> Span | None:
        """The first occurrence at or after folded offset ``after``, else the first anywhere.

        Short clauses ("Director of Children's Services") recur in a protocol; searching on from the
        previous clause places each clause where it stands in document order.
        """
        return self.find_folded(fold(quote), after)

    def find_folded(self, needle: str, after: int = 0) -> Span | None:
        """``find`` of a quote already folded (the caller keeps it for the quote checks too)."""
        if not needle:
            return None
        position = self.folded.find(needle, after)
        if position < 0:
            position = self.folded.find(needle)
        if position < 0:
            return None
        if self._map is None:
            self._map = self._shifts()
        folded_at, dropped = self._map  # _original_offset() twice, without two calls
        start = position + dropped[bisect_right(folded_at, position) - 1]
        last = position + len(needle) - 1
        end = last + dropped[bisect_right(folded_at, last) - 1] + 1
        return Span(start, end, self._line(start), last + 1)

    def __contains__(self, quote: str) -> bool:
        return fold(quote) in self.folded
