"""People in minutes: a speaker named before a verb of speech ("Minutes: Jo Bloggs introduced the
report", "Jo Bloggs gave an update"), and a person in apposition with a post after any verb ("She
introduced Jo Bloggs, the Independent Chair of the KSAB"). Issue 9: people named in the text become
Person nodes. Invented minutes."""

from __future__ import annotations

import pytest

from tests.extract_forms import extract, held


@pytest.mark.parametrize(
    "sentence",
    [
        "Minutes: Mira Okonjo introduced the report of the KSAB.",
        "Mira Okonjo gave an update on the work of the KSAB.",
        "The Chair thanked members and Mira Okonjo then presented the KSAB plan.",
    ],
)
def test_a_speaker_in_minutes_is_a_person(sentence: str) -> None:
    assert "Mira Okonjo" in held(extract(sentence))


def test_a_person_in_apposition_after_any_verb_holds_the_post() -> None:
    found = extract("She introduced Mira Okonjo, the Independent Chair of the KSAB, to the meeting.")
    assert held(found) == {"Mira Okonjo": {"Independent Chair of the KSAB"}}


@pytest.mark.parametrize(
    "sentence",
    [
        "Public Health presented the data to the KSAB.",
        "Kestrel Police reported a rise in referrals to the KSAB.",
        "Adult Services explained the plan of the KSAB.",
    ],
)
def test_a_body_before_a_verb_of_speech_is_no_person(sentence: str) -> None:
    assert not held(extract(sentence))


def test_a_councillor_holds_the_post_of_councillor_and_the_post_named_beside_them() -> None:
    found = extract("Councillor Mira Okonjo, Chair of the KHWB, welcomed members of the KSAB.")
    assert held(found) == {"Mira Okonjo": {"Chair of the KHWB", "Councillor"}}


def test_cllr_alone_adds_no_post_the_text_does_not_print() -> None:
    """Every post's quote is the text's own words: 'Cllr' names no 'Councillor' post by itself."""
    found = extract("Cllr Mira Okonjo welcomed members of the KSAB.")
    assert "Councillor" not in {entity.name for entity in found.entities.items.values()}
