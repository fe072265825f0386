"""Bodies that work together, wherever the clause says so (session 9), on invented sentences about invented
bodies (Kestrel ...):

- "how the KSAB and the KSCP work together", "where the two Boards collaborate": bodies named together
  right before a verb of working together cooperate, in a subordinate clause too;
- "the Boards": the document's two boards (its two parties, or the only two bodies of that head);
- "meets regularly with": a cooperation between the subject and the body after it.
"""

from __future__ import annotations

from pathlib import Path

from govgraph.graph.model import Relation
from govgraph.loaders.extract.pipeline import extract_text
from govgraph.loaders.extract.reading import SourceText

from tests.extract_forms import extract, stated

KSAB = "Kestrel Safeguarding Adults Board"
KHWB = "Kestrel Health and Wellbeing Board"
KSCP = "Kestrel Safeguarding Children Partnership"


def _cooperation(found) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    return {frozenset(p) for p in stated(found, Relation.COOPERATES_WITH)}


def test_bodies_that_work_together_in_a_subordinate_clause_cooperate() -> None:
    found = extract("We have thought about how the KSAB and the KSCP work together on shared themes.")
    assert _cooperation(found) == {frozenset({KSAB, KSCP})}


def test_the_boards_are_the_documents_two_boards() -> None:
    text = (
        "Kestrel boards\n\n1. The Kestrel Safeguarding Adults Board and the Kestrel Safeguarding Children "
        "Board publish this note.\n\n2. We have thought about how the Boards work together.\n"
    )
    found = extract_text(SourceText(Path("note.txt"), text, False), "Kestrel")
    assert _cooperation(found) == {
        frozenset({"Kestrel Safeguarding Adults Board", "Kestrel Safeguarding Children Board"})
    }


def test_the_boards_of_three_boards_name_no_pair() -> None:
    """Three boards and no two parties: 'the Boards' names no pair to join."""
    text = (
        "Kestrel boards\n\n1. The Kestrel Adults Board, the Kestrel Children Board and the Kestrel Care "
        "Board publish this note.\n\n2. We have thought about how the Boards work together.\n"
    )
    found = extract_text(SourceText(Path("note.txt"), text, False), "Kestrel")
    assert _cooperation(found) == set()


def test_a_post_that_meets_regularly_with_another_cooperates_with_it() -> None:
    found = extract("The Director of Public Health meets regularly with the Director of Adult Services.")
    assert _cooperation(found) == {frozenset({"Director of Public Health", "Director of Adult Services"})}


def test_working_together_with_a_third_body_joins_each_owner_to_it() -> None:
    found = extract("The KSAB and the KHWB will work together with the KSCP.")
    assert {frozenset({KSAB, KSCP}), frozenset({KHWB, KSCP})} <= _cooperation(found)
