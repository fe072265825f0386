"""bench.extract_causes (session 9): each missed relation or membership of a draft gets one cause, on the
invented Northmoor fixture's reviewed file edited into drafts that miss one item in each way.
"""

from __future__ import annotations

from pathlib import Path

from govgraph.graph.model import Relation
from govgraph.loaders.protocol import read_protocol

from bench.extract_causes import classify

REVIEWED = Path(__file__).resolve().parent / "fixtures" / "extract" / "northmoor.yaml"


def _reviewed():  # type: ignore[no-untyped-def]
    return read_protocol(REVIEWED).document


def _chairs(doc):  # type: ignore[no-untyped-def]
    return next(r for r in doc.relations if r.type == Relation.CHAIRS and r.from_ == "independent-chair")


def _with(doc, relations):  # type: ignore[no-untyped-def]
    return doc.model_copy(update={"relations": relations})


def test_a_complete_draft_misses_nothing() -> None:
    reviewed = _reviewed()
    assert not classify(reviewed, reviewed).missed


def test_a_relation_absent_between_extracted_ends_is_cause_b() -> None:
    reviewed = _reviewed()
    chairs = _chairs(reviewed)
    draft = _with(reviewed, [r for r in reviewed.relations if r != chairs])
    assert classify(draft, reviewed).missed == {("rel:CHAIRS", "b-no-relation"): 1}


def test_a_relation_of_another_type_between_the_ends_is_cause_c() -> None:
    reviewed = _reviewed()
    chairs = _chairs(reviewed)
    other = chairs.model_copy(update={"type": Relation.OVERSEES})
    draft = _with(reviewed, [other if r == chairs else r for r in reviewed.relations])
    causes = classify(draft, reviewed)
    assert causes.missed == {("rel:CHAIRS", "c-other-type"): 1}
    assert causes.extra == {("rel:OVERSEES", "other-type"): 1}


def test_the_same_relation_only_as_a_suggestion_is_its_own_cause() -> None:
    reviewed = _reviewed()
    chairs = _chairs(reviewed)
    suggested = chairs.model_copy(update={"inferred": True})
    draft = _with(reviewed, [suggested if r == chairs else r for r in reviewed.relations])
    assert classify(draft, reviewed).missed == {("rel:CHAIRS", "c-suggestion"): 1}


def test_an_end_the_draft_lacks_is_cause_a() -> None:
    reviewed = _reviewed()
    draft = reviewed.model_copy(
        update={
            "roles": [r for r in reviewed.roles if r.id != "independent-chair"],
            "relations": [r for r in reviewed.relations if "independent-chair" not in (r.from_, r.to)],
        }
    )
    missed = classify(draft, reviewed).missed
    assert missed[("rel:CHAIRS", "a-end-missing")] == 1


def test_a_failed_draft_misses_every_end() -> None:
    reviewed = _reviewed()
    missed = classify(None, reviewed).missed
    assert missed and {cause for _, cause in missed} == {"a-end-missing"}
