"""Independence statements read by their parts (issue 9: "the independence vocabulary and its
relatives"): a negator, a few words and a term of hierarchy ("is not accountable to", "does not sit
under", "has no authority over", "not of hierarchy", "nothing in this protocol overrides ...
responsibilities"), or independence asserted ("separate and independent bodies", "a body in its own
right", "operates independently of"). Invented sentences; the family of the term gives the kind."""

from __future__ import annotations

import pytest
from govgraph.graph.model import DeclarationKind

from tests.extract_forms import extract

INDEPENDENT = DeclarationKind.INDEPENDENT
DIRECTION = DeclarationKind.NO_DIRECTION_POWER
HIERARCHY = DeclarationKind.NON_HIERARCHICAL
OWN = DeclarationKind.SEPARATE_ACCOUNTABILITY


def _kinds(sentence: str) -> list[DeclarationKind]:
    return [d.kind for d in extract(sentence).findings.declarations]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The KSAB is not accountable to the KHWB.", INDEPENDENT),
        ("The KSAB does not report to the KHWB or to the KSCP.", INDEPENDENT),
        ("The KSAB is not a committee of the KHWB.", INDEPENDENT),
        ("The KSAB does not sit under the KHWB.", INDEPENDENT),
        ("The KSAB and the KHWB are separate and independent bodies.", INDEPENDENT),
        ("The KSAB remains a distinct statutory body in its own right.", INDEPENDENT),
        ("The KSAB operates independently of the KHWB.", INDEPENDENT),
        ("The KHWB does not have authority over the KSAB.", DIRECTION),
        ("The KHWB does not manage the KSAB.", DIRECTION),
        ("The KSAB is not subject to the direction of the KHWB.", DIRECTION),
        (
            "The link between the KSAB and the KHWB is one of mutual challenge and not of hierarchy.",
            HIERARCHY,
        ),
        ("There is no line management relationship between the KSAB and the KHWB.", HIERARCHY),
        ("Nothing in this protocol overrides the statutory responsibilities of either Board.", OWN),
        ("Each Board remains accountable for its own statutory functions.", OWN),
    ],
)
def test_a_negated_hierarchy_or_an_asserted_independence_is_a_declaration(
    sentence: str, kind: DeclarationKind
) -> None:
    assert _kinds(sentence) == [kind]


@pytest.mark.parametrize(
    "sentence",
    [
        "The KSAB reports to the KHWB each year.",
        "Members who cannot attend a meeting of the KSAB should send a deputy.",
        "The KSAB has not yet reported to the KHWB on the review.",
        "The KSAB will report to the KHWB whether or not the review is complete.",
        "The KSAB does not only report to the KHWB but also to the KSCP.",
        "The Independent Chair of the KSAB reports to the KHWB.",
        "The KSAB will not meet in August.",
    ],
)
def test_a_sentence_that_negates_no_hierarchy_declares_nothing(sentence: str) -> None:
    assert _kinds(sentence) == []


def test_a_sentence_asserting_independence_is_still_read_for_its_relations() -> None:
    found = extract("The KSAB is a separate statutory body and reports annually to the KHWB.")
    assert [d.kind for d in found.findings.declarations] == [INDEPENDENT]
    assert ("ksab", "khwb") in {(r.source, r.target) for r in found.findings.relations}


@pytest.mark.parametrize(
    ("sentence", "bodies"),
    [
        ("The Boards are separate and independent bodies.", {"ksab", "khwb", "kscp"}),
        ("Each Board remains a separate statutory body with its own governance.", {"ksab", "khwb", "kscp"}),
        ("The Board is a separate statutory body.", None),  # one of three: which one is for the reviewer
    ],
)
def test_a_plural_or_distributive_reference_declares_for_the_protocols_parties(
    sentence: str, bodies: set[str] | None
) -> None:
    found = extract(sentence).findings.declarations
    assert ({key for d in found for key in d.bodies} if found else None) == bodies
