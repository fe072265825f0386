"""A line the layout takes for a heading may state a relation between two bodies it names ("The Kestrel
Audit Group - reports to the KSAB"): it is read as a sentence too, and the draft quoting it still
validates (session 9). A numbered section heading ("2. The Group reports to the Board") is no clause of
the draft, so it is not read (its words could not be quoted). Invented text about
invented bodies (Kestrel ...).
"""

from __future__ import annotations

from pathlib import Path

from govgraph.graph.model import Relation

from tests.extract_forms import PARTIES, extract, stated
from tests.test_extract_bugs import _draft

KSAB = "Kestrel Safeguarding Adults Board"
AUDIT = "Kestrel Audit Group"


def test_a_heading_stating_a_reporting_line_is_read() -> None:
    found = extract(
        "Kestrel governance\n\nThe Kestrel Audit Group \u2013 reports to the KSAB\n\n3. It meets."
    )
    assert (AUDIT, KSAB) in stated(found, Relation.REPORTS_TO)


def test_a_heading_naming_one_body_states_nothing() -> None:
    found = extract("Kestrel governance\n\nReporting to the KSAB\n\n3. The Kestrel Audit Group meets.")
    assert stated(found, Relation.REPORTS_TO) == set()


def test_the_draft_quoting_a_heading_validates(tmp_path: Path) -> None:
    document = _draft(
        tmp_path,
        "heading",
        PARTIES + "The Kestrel Audit Group \u2013 reports to the KSAB\n\n3. It meets monthly.\n",
    )
    names = {b.id: b.name for b in document.bodies}
    reporting = {(names.get(r.from_), names.get(r.to)) for r in document.relations if r.type == "REPORTS_TO"}
    assert (AUDIT, KSAB) in reporting
