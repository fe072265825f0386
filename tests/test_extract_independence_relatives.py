"""Independence statements in the words of issue 9's list and their relatives ("not subordinate to, nor
subsumed within", "not accountable to any", "separate and distinct", "does not override ... individual
responsibilities", "separate independent chairs", "no hierarchy"), each on an invented sentence, with
sentences of the same words that declare nothing (precision guarded: none invented).
"""

from __future__ import annotations

import pytest
from govgraph.graph.model import DeclarationKind
from govgraph.loaders.extract.entities import find_entities
from govgraph.loaders.extract.relations import find_relations
from govgraph.loaders.extract.segment import segment

OPENING = (
    "The Kestrel Safeguarding Adults Board (KSAB) and the Heron Community Safety Partnership (HCSP) agree "
    "this protocol. "
)


def _kinds(text: str) -> list[DeclarationKind]:
    clauses = segment("Kestrel governance\n\n" + OPENING + text + "\n").clauses
    entities = find_entities(clauses)
    found = find_relations(clauses, entities)
    assert all(d.bodies for d in found.declarations)
    return [d.kind for d in found.declarations]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The KSAB is not subordinate to, nor subsumed within, other local structures.", "independent"),
        ("The KSAB was a statutory body which was not accountable to any particular group.", "independent"),
        ("The KSAB and the HCSP are separate and distinct bodies.", "independent"),
        ("The KSAB is not a sub-group of the HCSP.", "independent"),
        (
            "This protocol does not override the individual responsibilities of each partner.",
            "separate_accountability",
        ),
        ("All partners retain their own statutory responsibilities.", "separate_accountability"),
        ("The KSAB and the HCSP have separate independent chairs.", "separate_chairs"),
        ("The two bodies are chaired by different individuals.", "separate_chairs"),
        ("There is no hierarchy between the KSAB and the HCSP.", "non_hierarchical"),
    ],
)
def test_a_relative_of_the_independence_vocabulary_is_declared(sentence: str, kind: str) -> None:
    assert DeclarationKind(kind) in _kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The KSAB is accountable to the HCSP for its annual plan.",
        "The Vice Chair will replace the Chair at meetings the Chair cannot attend.",
        "The KSAB reports to the HCSP, and the annual report is not a priority this year.",
        "The HCSP will share a chair's summary with the KSAB.",
        "The KSAB has a distinct role in the partnership's plan.",
    ],
)
def test_the_same_words_declaring_nothing_declare_nothing(sentence: str) -> None:
    assert _kinds(sentence) == []
