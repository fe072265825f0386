"""The corpus of real protocols of other English areas, split once and for ever into two halves.

Each document lives in ``tests/fixtures/corpus/<slug>/``: ``text.txt`` (the protocol's text as published,
layout artefacts and all), ``reviewed.yaml`` (the hand-reviewed graph in the ``govgraph load`` format) and
``SOURCE`` (where the text came from). The half a document belongs to depends on its slug alone, so adding a
document never moves another between halves: rules are tuned on the development half only, and the test
half is scored blind.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus"

Half = Literal["dev", "test"]


def half_of(slug: str) -> Half:
    """The half a document belongs to: the parity of its slug's SHA-256, fixed before any rule changed."""
    return "test" if int(hashlib.sha256(slug.encode()).hexdigest(), 16) % 2 else "dev"


@dataclass(frozen=True)
class CorpusDocument:
    slug: str
    folder: Path

    @property
    def text(self) -> Path:
        return self.folder / "text.txt"

    @property
    def reviewed(self) -> Path:
        return self.folder / "reviewed.yaml"

    @property
    def half(self) -> Half:
        return half_of(self.slug)


def documents(half: Half | None = None) -> list[CorpusDocument]:
    """Every complete corpus document (text and reviewed file both present), optionally of one half."""
    found = [
        CorpusDocument(folder.name, folder)
        for folder in sorted(CORPUS.iterdir())
        if folder.is_dir() and (folder / "text.txt").is_file() and (folder / "reviewed.yaml").is_file()
    ]
    return [doc for doc in found if half is None or doc.half == half]
