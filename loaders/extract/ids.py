"""Ids for a draft's items that the load format accepts: lower-case slugs of at most 80 characters,
unique among their kind. Names can be long ("a title naming four bodies with no separators"), so every id
the extractor makes goes through here rather than being joined and hoped short."""

from __future__ import annotations

import re

from govgraph.loaders.document import MAX_ID


def slug(text: str, limit: int = MAX_ID) -> str:
    """Lower case, runs of anything else as one '-', cut at a word boundary within ``limit``."""
    out = re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "").replace("\u2019", "")).strip("-")
    if len(out) > limit:
        cut = out[:limit]
        out = cut.rsplit("-", 1)[0] if "-" in cut[limit // 2 :] else cut
    return out.strip("-.")


class IdPool:
    """Ids taken so far in one kind, with the next free number for each base, so that making the n-th
    id of a common base costs the same as making the first."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self._next: dict[str, int] = {}

    def __contains__(self, candidate: object) -> bool:
        return candidate in self.taken

    def take(self, wanted: str, limit: int = MAX_ID) -> str:
        """``wanted`` as a slug within ``limit`` characters, made unique with '-2', '-3' ..."""
        base = slug(wanted, limit) or "item"
        candidate, n = base, self._next.get(base, 2)
        while candidate in self.taken:
            suffix = f"-{n}"
            candidate, n = slug(base, limit - len(suffix)) + suffix, n + 1
        self._next[base] = n
        self.taken.add(candidate)
        return candidate


def bounded_id(wanted: str, taken: IdPool, limit: int = MAX_ID) -> str:
    return taken.take(wanted, limit)
