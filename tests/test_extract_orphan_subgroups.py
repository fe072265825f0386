"""A body its own name calls a sub-group ("the Practice Review Sub-Group"), whose parent no clause names,
belongs to the board the protocol is about (session 9): on invented protocols of invented bodies.

The board is the one named most often (three times at least, more than any other board, partnership or
trust); with no such board, or when a clause states the sub-group's parent or reporting line, nothing is
added.
"""

from __future__ import annotations

from pathlib import Path

from govgraph.graph.model import Relation
from govgraph.loaders.extract.pipeline import Extraction, extract_text
from govgraph.loaders.extract.reading import SourceText

from tests.extract_forms import stated

BOARD = "Kestrel Safeguarding Adults Board"
OPENING = (
    "Kestrel Safeguarding Adults Board structures\n\n"
    "1. The Kestrel Safeguarding Adults Board (KSAB) leads adult safeguarding in Kestrel. The KSAB meets "
    "four times a year. The KSAB publishes an annual report.\n\n"
)


def _read(text: str) -> Extraction:
    return extract_text(SourceText(Path("structures.txt"), text + "\n", False), "Kestrel")


def test_a_sub_group_of_no_named_body_is_the_main_boards() -> None:
    found = _read(OPENING + "2. The purpose of the Practice Review Sub-Group is to review cases.")
    assert stated(found, Relation.SUBGROUP_OF) == {("Practice Review Sub-Group", BOARD)}


def test_a_sub_group_whose_parent_is_stated_keeps_it() -> None:
    found = _read(
        OPENING + "2. The Practice Review Sub-Group is a sub-group of the Kestrel Quality Group. The Kestrel "
        "Quality Group reviews audits."
    )
    assert ("Practice Review Sub-Group", BOARD) not in stated(found, Relation.SUBGROUP_OF)


def test_a_sub_group_that_reports_to_another_group_gets_no_default_parent() -> None:
    found = _read(OPENING + "2. The Practice Review Sub-Group reports to the Kestrel Quality Group.")
    assert ("Practice Review Sub-Group", BOARD) not in stated(found, Relation.SUBGROUP_OF)


def test_two_boards_named_as_often_leave_the_sub_group_unplaced() -> None:
    found = _read(
        "Kestrel safeguarding structures\n\n"
        "1. The Kestrel Safeguarding Adults Board (KSAB) and the Kestrel Safeguarding Children Partnership "
        "(KSCP) share a business unit. The KSAB and the KSCP meet. The KSAB and the KSCP publish reports.\n\n"
        "2. The purpose of the Practice Review Sub-Group is to review cases."
    )
    assert stated(found, Relation.SUBGROUP_OF) == set()
