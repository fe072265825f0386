"""A body's name broken across two lines by a PDF or a hard-wrapped text ("... the Kestrel Health and
Wellbeing" / "Board on ..."), also when the first line is short and numbered ("2. ... the Health and" /
"Wellbeing Board ..."): one sentence, one name (issue 9, layout not read: a name broken across two lines).
Invented lines."""

from __future__ import annotations

import pytest
from govgraph.graph.model import Relation
from govgraph.loaders.extract.segment import _name_broken

from tests.extract_forms import extract, stated

EDGE = {("Kestrel Safeguarding Adults Board", "Kestrel Health and Wellbeing Board")}


@pytest.mark.parametrize(
    "lines",
    [
        "The Safeguarding Adults Board reports to the Health and Wellbeing\nBoard on an annual basis.",
        "The Safeguarding Adults Board reports to the Health and\nWellbeing Board on an annual basis.",
        "The Safeguarding Adults Board reports to the Kestrel Health and Wellbeing\nBoard.",
    ],
)
def test_a_name_broken_across_two_lines_is_read_whole(lines: str) -> None:
    assert stated(extract(lines), Relation.REPORTS_TO) == EDGE


@pytest.mark.parametrize(
    ("line", "following", "joined"),
    [
        ("The Board reports each year to the Kestrel Health and Wellbeing", "Board on its work.", True),
        ("The Board reports each year to the Kestrel Police", "Board members attend.", False),  # complete
        ("Kestrel Health and Wellbeing", "Board", False),  # too short to be a sentence's line
        ("The Board reports each year to the Kestrel Health and Wellbeing", "board members attend.", False),
    ],
)
def test_only_a_sentence_line_ending_mid_name_joins_the_head_word_after_it(
    line: str, following: str, joined: bool
) -> None:
    assert _name_broken(line, following) is joined
