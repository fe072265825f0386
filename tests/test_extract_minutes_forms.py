"""Minutes' forms of a reporting line (issue 9, sentence forms not covered): "The Board considered a report
of the Independent Chair", "The Panel noted the annual report from the SAB". Invented names.
"""

from __future__ import annotations

from govgraph.graph.model import Relation
from govgraph.loaders.extract.entities import find_entities
from govgraph.loaders.extract.relations import find_relations
from govgraph.loaders.extract.segment import segment


def _reports(text: str) -> set[tuple[str, str]]:
    clauses = segment("Kestrel governance\n\n" + text + "\n").clauses
    entities = find_entities(clauses, "Kestrel")
    found = find_relations(clauses, entities)
    name = {k: e.name for k, e in entities.items.items()}
    return {(name[r.source], name[r.target]) for r in found.relations if r.type == Relation.REPORTS_TO}


def test_a_body_that_considered_a_report_of_a_post_receives_its_report() -> None:
    assert _reports(
        "The Kestrel Safeguarding Adults Board (KSAB) exists. The Kestrel Health and Wellbeing Board (KHWB) "
        "considered a report of the KSAB Independent Chair."
    ) == {("KSAB Independent Chair", "Kestrel Health and Wellbeing Board")}


def test_a_panel_that_noted_the_annual_report_from_a_board_receives_it() -> None:
    assert _reports(
        "The Kestrel Scrutiny Panel (KSP) noted the annual report from the Kestrel Safeguarding Adults Board."
    ) == {("Kestrel Safeguarding Adults Board", "Kestrel Scrutiny Panel")}


def test_a_passive_or_distant_mention_of_a_report_relates_nothing() -> None:
    assert not _reports(
        "The Kestrel Scrutiny Panel (KSP) met. It was noted that the report of the Kestrel Safeguarding "
        "Adults Board was late. The KSP asked about the Kestrel Safeguarding Adults Board and considered "
        "the report of its own officers."
    )


# -- one post of two bodies -------------------------------------------------------------------------------


def _relations(text: str, relation: Relation) -> set[tuple[str, str]]:
    clauses = segment("Kestrel governance\n\n" + text + "\n").clauses
    entities = find_entities(clauses, "Kestrel")
    found = find_relations(clauses, entities)
    name = {k: e.name for k, e in entities.items.items()}
    return {(name[r.source], name[r.target]) for r in found.relations if r.type == relation}


BOARDS = (
    "The Kestrel Safeguarding Children Board (KSCB) and the Kestrel Safeguarding Adults Board (KSAB) meet. "
)


def test_a_chair_of_both_bodies_chairs_each() -> None:
    chairs = _relations(
        BOARDS + "Jo Bloggs is Independent Chair of both the KSCB and the KSAB.", Relation.CHAIRS
    )
    assert {body for _, body in chairs} == {
        "Kestrel Safeguarding Children Board",
        "Kestrel Safeguarding Adults Board",
    }
    assert len({post for post, _ in chairs}) == 1


def test_the_second_body_of_a_shared_post_is_not_a_second_actor() -> None:
    text = BOARDS + "The Independent Chair of the KSCB and KSAB reports to the Chief Executive."
    assert _relations(text, Relation.REPORTS_TO) == {("Independent Chair of the KSCB", "Chief Executive")}
    assert len(_relations(text, Relation.CHAIRS)) == 2
