"""The shortcuts of validation's hot path agree with the slow, obvious definitions they replace.

No Neo4j: whitespace folding by ``str.split`` and the per-run offset map (loaders/text.py), and the
closed table of YAML's null and boolean words (loaders/source.py), against a character-by-character
reference and PyYAML's own resolver.
"""

from __future__ import annotations

import random
import re
import sys

import pytest
import yaml
from govgraph.loaders.source import _PLAIN
from govgraph.loaders.text import FoldedText, fold

SPACES = [" ", "  ", "\n", "\n\n  ", "\t", "\u00a0", " \r\n", "\u2028", "\x1c", "\u3000 "]
WORDS = ["a", "bb", "Board", "2.1", "x.y", "é", "LSCB's", "(ASCP)"]


def test_split_and_the_regex_agree_on_whitespace_for_every_code_point() -> None:
    space = re.compile(r"\s")
    differ = [c for c in range(sys.maxunicode + 1) if bool(space.match(chr(c))) != chr(c).isspace()]
    assert differ == []


def reference(original: str, quote: str, after: int) -> tuple[int, int, int, int] | None:
    """The slow definition: fold with a map of every character back to its offset, then search."""
    folded, where = [], []
    pending = False
    for offset, char in enumerate(original):
        if char.isspace():
            pending = bool(folded)
            continue
        if pending:
            folded.append(" ")
            where.append(offset)
            pending = False
        folded.append(char)
        where.append(offset)
    text = "".join(folded)
    needle = re.sub(r"\s+", " ", quote).strip()
    if not needle:
        return None
    position = text.find(needle, after)
    position = text.find(needle) if position < 0 else position
    if position < 0:
        return None
    start, end = where[position], where[position + len(needle) - 1] + 1
    return start, end, original.count("\n", 0, start) + 1, position + len(needle)


@pytest.mark.parametrize("seed", range(4))
def test_spans_match_the_character_by_character_reference(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(500):
        words = [rng.choice(WORDS) for _ in range(rng.randint(1, 40))]
        lead = rng.choice(SPACES) if rng.random() < 0.3 else ""
        original = lead + "".join(word + rng.choice(SPACES) for word in words)
        text = FoldedText(original)
        assert text.folded == fold(original) == re.sub(r"\s+", " ", original).strip()
        for _ in range(6):  # in and out of document order, as clauses and their quotes come
            i = rng.randrange(len(words))
            quote = rng.choice(SPACES).join(words[i : rng.randint(i + 1, len(words))])
            quote = quote[1:] or quote if rng.random() < 0.2 else quote  # from inside a word
            after = rng.randint(0, len(text.folded))
            span = text.find(quote, after)
            found = span and (span.start, span.end, span.line, span.folded_end)
            assert found == reference(original, quote, after), (original, quote, after)


def test_the_null_and_boolean_words_are_exactly_the_resolvers() -> None:
    resolver = yaml.resolver.Resolver()
    words = ["yes", "no", "true", "false", "on", "off", "null", "y", "n", "nil", "none", "~", "", "0", "1"]
    spellings = {s for w in words for s in (w, w.upper(), w.capitalize(), w + " ", " " + w, w + "s")}
    for spelling in spellings:
        tag = resolver.resolve(yaml.ScalarNode, spelling, (True, False))
        expected = {"tag:yaml.org,2002:null": [None], "tag:yaml.org,2002:bool": [True, False]}.get(tag)
        if expected is None:
            assert spelling not in _PLAIN, spelling
        else:
            assert spelling in _PLAIN and _PLAIN[spelling] in expected, spelling
            assert _PLAIN[spelling] == yaml.safe_load(spelling or "~"), spelling
