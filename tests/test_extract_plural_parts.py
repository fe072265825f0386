"""Parts a protocol never names one by one ("a number of KSAB Sub Groups") are no particular body (session
9): a relation with them is a flagged suggestion for the reviewer, not a stated fact, while a sub-group
named singly keeps its stated relations. Invented text about invented bodies (Kestrel ...).
"""

from __future__ import annotations

from govgraph.graph.model import Relation

from tests.extract_forms import extract


def _edges(sentence: str) -> dict[tuple[Relation, str, str], bool]:
    """Each relation found, and whether it is stated (no reason to flag it)."""
    found = extract(sentence)
    return {(r.type, r.source, r.target): r.reason is None for r in found.findings.relations}


def test_relations_of_sub_groups_named_only_together_are_suggestions() -> None:
    edges = _edges(
        "There are a number of KSAB Sub Groups to carry out its functions. The KSAB Sub Groups report to "
        "the KSAB."
    )
    assert edges, "the relations are kept, for the reviewer"
    assert not any(edges.values()), edges


def test_a_sub_group_named_singly_keeps_its_stated_relations() -> None:
    edges = _edges("The KSAB Audit Sub Group reports to the KSAB.")
    assert edges[(Relation.REPORTS_TO, "ksab-audit-sub-group", "ksab")] is True
