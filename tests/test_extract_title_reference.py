"""'The group will report to X' in a terms of reference whose title names the group, under a section heading
that names no body (session 9): 'The group' is the title's body when the text has no subject of that kind
to refer back to. Invented text about invented bodies (Kestrel ...).
"""

from __future__ import annotations

from pathlib import Path

from govgraph.graph.model import Relation
from govgraph.loaders.extract.pipeline import Extraction, extract_text
from govgraph.loaders.extract.reading import SourceText

from tests.extract_forms import stated


def _read(text: str) -> Extraction:
    return extract_text(SourceText(Path("terms.txt"), text, False), "Kestrel")


def test_the_group_under_a_section_heading_is_the_titles_group() -> None:
    found = _read(
        "Kestrel Audit Group terms of reference\n\n1. Reporting\n\n"
        "1.1 The group will report to the Kestrel Safeguarding Adults Board.\n"
    )
    assert stated(found, Relation.REPORTS_TO) == {
        ("Kestrel Audit Group", "Kestrel Safeguarding Adults Board")
    }


def test_the_panel_is_not_a_title_group() -> None:
    found = _read(
        "Kestrel Audit Group terms of reference\n\n1. Reporting\n\n"
        "1.1 The panel will report to the Kestrel Safeguarding Adults Board.\n"
    )
    assert ("Kestrel Audit Group", "Kestrel Safeguarding Adults Board") not in stated(
        found, Relation.REPORTS_TO
    )
