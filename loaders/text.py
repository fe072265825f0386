"""Finding a verbatim quote in a protocol text, and the line it stands on.

Protocols are copied out of Word and PDF files, so line breaks and runs of spaces are not meaningful:
we compare with whitespace folded, and nothing else normalised (a quote must be the protocol's words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class Span:
    start: int  # offset in the original text
    end: int
    line: int  # 1-based line of ``start``
    folded_end: int  # where the match ends in the folded text: the next search in order starts there


class FoldedText:
    """A text with its whitespace folded and a map back to the original offsets."""

    def __init__(self, original: str) -> None:
        self.original = original
        chars: list[str] = []
        offsets: list[int] = []
        pending_space = False
        for index, char in enumerate(original):
            if char.isspace():
                pending_space = bool(chars)
                continue
            if pending_space:
                chars.append(" ")
                offsets.append(index - 1)
                pending_space = False
            chars.append(char)
            offsets.append(index)
        self.folded = "".join(chars)
        self._offsets = offsets

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
        start = self._offsets[position]
        end = self._offsets[position + len(needle) - 1] + 1
        return Span(start, end, self.original.count("\n", 0, start) + 1, position + len(needle))

    def __contains__(self, quote: str) -> bool:
        return fold(quote) in self.folded
