"""Ids for a draft's items that the load format accepts: lower-case slugs of at most 80 characters,
unique among their kind. Names can be long ("a title naming four bodies with no separators"), so every id
the extractor makes goes through here rather than being joined and hoped short."""

from __future__ import annotations

import re

MAX_ID = 80  # loaders.document.Slug's max_length


def slug(text: str, limit: int = MAX_ID) -> str:
    """Lower case, runs of anything else as one '-', cut at a word boundary within ``limit``."""
    out = re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "").replace("\u2019", "")).strip("-")
    if len(out) > limit:
        cut = out[:limit]
        out = cut.rsplit("-", 1)[0] if "-" in cut[limit // 2 :] else cut
    return out.strip("-.")


def bounded_id(wanted: str, taken: set[str], limit: int = MAX_ID) -> str:
    """``wanted`` as a slug within ``limit`` characters, made unique with '-2', '-3' ... (and recorded)."""
    base = slug(wanted, limit) or "item"
    candidate, n = base, 2
    while candidate in taken:
        suffix = f"-{n}"
        candidate, n = slug(base, limit - len(suffix)) + suffix, n + 1
    taken.add(candidate)
    return candidate
