"""A sentence broken inside a body's name by a blank line (a page or a web page's paragraph break):
the name is read whole (invented sentences, no area's names)."""

from __future__ import annotations

from pathlib import Path

from govgraph.loaders.extract.pipeline import extract_text
from govgraph.loaders.extract.reading import SourceText
from govgraph.loaders.extract.segment import segment


def test_a_name_broken_by_a_blank_line_is_one_clause_and_one_name() -> None:
    text = (
        "Minutes of the Fenmoor Safeguarding Adults Board\n\n"
        "The Group had overseen the establishment of the Fenmoor Safeguarding\n\n"
        "Partnership which combined the responsibilities of two boards.\n"
    )
    clauses = segment(text).clauses
    assert any("Safeguarding Partnership which" in " ".join(c.text.split()) for c in clauses)
    found = extract_text(SourceText(Path("minutes.txt"), text, False), "Fenmoor")
    assert "Fenmoor Safeguarding Partnership" in {e.name for e in found.entities.items.values()}


def test_a_heading_after_a_blank_line_stays_apart() -> None:
    text = (
        "Fenmoor Safeguarding Adults Board\n\n"
        "The Board meets four times a year with the Fenmoor Safeguarding\n\n"
        "Partnership Board\n\n"
        "The Partnership Board sets the strategy.\n"
    )
    assert not any("Safeguarding Partnership Board" in c.text for c in segment(text).clauses[:2])
