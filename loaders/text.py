"""Finding a verbatim quote in a protocol text, and the line it stands on.

Protocols are copied out of Word and PDF files, so line breaks and runs of spaces are not meaningful:
we compare with whitespace folded, and nothing else normalised (a quote must be the protocol's words).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\S+")
_NEWLINE = re.compile("\n")


def fold(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class Span:
    start: int  # offset in the original text
    end: int
    line: int  # 1-based line of ``start``
    folded_end: int  # where the match ends in the folded text: the next search in order starts there


class FoldedText:
    """A text with its whitespace folded and a map back to the original offsets.

    The map is kept per word, not per character: the folded text is the words joined by single spaces,
    so an offset inside word ``k`` maps back by its distance from the word's start: two list entries per
    word instead of two per character, built with regular-expression passes, and only when needed.
    """

    def __init__(self, original: str) -> None:
        self.original = original
        self.folded = " ".join(_WORD.findall(original))
        self._map: tuple[list[int], list[int]] | None = None  # built by the first find()
        self._newlines: list[int] | None = None

    def _original_offset(self, folded: int) -> int:
        if self._map is None:
            starts = [m.start() for m in _WORD.finditer(self.original)]
            lengths = [len(word) + 1 for word in self.folded.split(" ")] if self.folded else []
            self._map = (starts, [0, *accumulate(lengths[:-1])])
        word_starts, folded_starts = self._map
        word = bisect_right(folded_starts, folded) - 1
        return word_starts[word] + folded - folded_starts[word]

    def _line(self, offset: int) -> int:
        if self._newlines is None:
            self._newlines = [m.start() for m in _NEWLINE.finditer(self.original)]
        return bisect_left(self._newlines, offset) + 1

    def find(self, quote: str, after: int = 0) -> Span | None:
        """The first occurrence at or after folded offset ``after``, else the first anywhere.

        Short clauses ("Director of Children's Services") recur in a protocol; searching on from the
        previous clause places each clause where it stands in document order.
        """
        needle = fold(quote)
        if not needle:
            return None
        position = self.folded.find(needle, after)
        if position < 0:
            position = self.folded.find(needle)
        if position < 0:
            return None
        start = self._original_offset(position)
        end = self._original_offset(position + len(needle) - 1) + 1
        return Span(start, end, self._line(start), position + len(needle))

    def __contains__(self, quote: str) -> bool:
        return fold(quote) in self.folded
