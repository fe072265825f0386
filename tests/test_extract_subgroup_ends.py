"""A sub-group is a body of a body: a post or a person is never one, nor has one, whatever the sentence's
subject finder reads as the subject (invented sentences, tests/extract_forms.py)."""

from __future__ import annotations

from govgraph.graph.model import Relation

from tests.extract_forms import extract


def _subgroups(form: str) -> set[tuple[str, str]]:
    found = extract(form)
    names = {key: entity.name for key, entity in found.entities.items.items()}
    roles = {key for key, entity in found.entities.items.items() if entity.role}
    ends = {
        (r.source, r.target) for r in found.findings.relations if r.type == Relation.SUBGROUP_OF
    }  # stated and suggested alike
    assert not any(source in roles or target in roles for source, target in ends), ends
    return {(names.get(s, s), names.get(t, t)) for s, t in ends}


def test_a_speaker_is_not_the_sub_group_of_what_they_describe() -> None:
    _subgroups(
        "The Interim Democratic Services Manager, Jo Bloggs, explained that the KHWB is a formal committee "
        "of the Kestrel Borough Council."
    )


def test_a_body_is_still_the_sub_group_it_is_said_to_be() -> None:
    found = _subgroups("The Kestrel Audit Group is a sub-group of the KSAB.")
    assert ("Kestrel Audit Group", "Kestrel Safeguarding Adults Board") in found
