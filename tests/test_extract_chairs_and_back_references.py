"""Two plain forms: the active verb "X chairs Y" (a post chairing a group: "The Head of Quality chairs
the Audit Group"; "Co-Chairs" is a noun, not the verb), and a group referred back to by its kind ("The
Audit Review Group meets monthly. The group reports to the KSAB": the kind must match, "the panel" is no
group). Issue 9: sentence forms and coreference. Invented sentences."""

from __future__ import annotations

import pytest
from govgraph.graph.model import Relation

from tests.extract_forms import extract, stated

KSAB = "Kestrel Safeguarding Adults Board"


@pytest.mark.parametrize(
    ("sentence", "edges"),
    [
        ("The Head of Quality chairs the Audit Review Group.", {("Head of Quality", "Audit Review Group")}),
        (
            "The Designated Nurse chairs both the Audit Review Group and the Learning Practice Group.",
            {("Designated Nurse", "Audit Review Group"), ("Designated Nurse", "Learning Practice Group")},
        ),
        ("The Head of Quality no longer chairs the Audit Review Group.", set()),
    ],
)
def test_the_active_verb_chairs(sentence: str, edges: set[tuple[str, str]]) -> None:
    assert stated(extract(sentence), Relation.CHAIRS) == edges


@pytest.mark.parametrize(
    ("sentence", "edges"),
    [
        (
            "The Audit Review Group meets monthly. The group reports to the KSAB.",
            {("Audit Review Group", KSAB)},
        ),
        (
            "The Audit Sub-Group meets monthly. The sub-group reports to the KSAB.",
            {("Audit Sub-Group", KSAB)},
        ),
        ("The Audit Review Group meets monthly. The panel reports to the KSAB.", set()),
    ],
)
def test_a_group_referred_back_to_by_its_kind(sentence: str, edges: set[tuple[str, str]]) -> None:
    assert stated(extract(sentence), Relation.REPORTS_TO) == edges
