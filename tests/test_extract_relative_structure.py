"""Structure stated inside a relative clause or a bracket belongs to what the clause hangs on, not to the
sentence's subject (session 9), on invented sentences about invented bodies (Kestrel ...):

- "The KSCP works with the Audit Group, which is a sub-group of the KSAB": the Group is the sub-group;
- "..., which is chaired by the Director", "the Director, who chairs the Group,": the chair is the
  Group's or the Director's, never the subject's;
- "..., which reports to it": 'it' is the sentence's subject; "..., which is itself accountable to X";
- "The Audit Group (a sub-group of the KSAB) ...": a bracketed apposition.
"""

from __future__ import annotations

import pytest
from govgraph.graph.model import Relation

from tests.extract_forms import extract, stated

KSAB = "Kestrel Safeguarding Adults Board"
KHWB = "Kestrel Health and Wellbeing Board"
KSCP = "Kestrel Safeguarding Children Partnership"
AUDIT = "Kestrel Audit Group"
DPH = "Director of Public Health"


@pytest.mark.parametrize(
    ("sentence", "relation", "expected"),
    [
        (
            "The KSCP works with the Kestrel Audit Group, which is a sub-group of the KSAB.",
            Relation.SUBGROUP_OF,
            {(AUDIT, KSAB)},
        ),
        (
            "The KSCP works with the Kestrel Audit Group, which is chaired by the Director of Public Health.",
            Relation.CHAIRS,
            {(DPH, AUDIT)},
        ),
        (
            "The KSAB invites the Director of Public Health, who chairs the Kestrel Audit Group, to attend.",
            Relation.CHAIRS,
            {(DPH, AUDIT)},
        ),
        (
            "The KSAB is supported by the Kestrel Audit Group, which reports to it.",
            Relation.REPORTS_TO,
            {(AUDIT, KSAB)},
        ),
        (
            "The Kestrel Audit Group is a sub-group of the KSAB, which is itself accountable to the KHWB.",
            Relation.REPORTS_TO,
            {(KSAB, KHWB)},
        ),
        (
            "The Kestrel Audit Group (a sub-group of the KSAB) reviews cases.",
            Relation.SUBGROUP_OF,
            {(AUDIT, KSAB)},
        ),
    ],
)
def test_a_relative_or_bracketed_clause_states_the_antecedents_relation(
    sentence: str, relation: Relation, expected: set[tuple[str, str]]
) -> None:
    assert stated(extract(sentence), relation) == expected
