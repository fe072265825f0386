"""A person's name is capitalised words: the words that introduce it ("chaired by", "The Chair is") may
be printed in any case, the name may not. "Chaired by different people" (a separate-chairs statement)
once drafted a person called "different people". Invented text.
"""

from __future__ import annotations

from pathlib import Path

from govgraph.loaders.extract.pipeline import Extraction, extract_text
from govgraph.loaders.extract.reading import SourceText

TEXT = (
    "Kestrel protocol\n\n"
    "1. The Kestrel Safeguarding Adults Board (KSAB) and the Kestrel Health and Wellbeing Board are "
    "chaired by different people.\n\n"
    "2. The Chair is expected to attend each meeting of the KSAB.\n\n"
    "3. The review panel of the KSAB, Chaired by Dr Priya Lindqvist (Independent Chair of the KSAB), meets "
    "twice a year.\n\n"
    "4. The KSAB's Lead is Dev Okafor, Independent Chair of the KSAB.\n"
)


def _extract(text: str) -> Extraction:
    return extract_text(SourceText(Path("protocol.txt"), text, False), "Kestrel")


def test_lower_case_words_after_chaired_by_or_the_chair_is_are_no_person() -> None:
    names = {p.name for p in _extract(TEXT).people}
    assert not {"different people", "expected to", "expected to attend"} & names
    assert all(word[:1].isupper() for name in names for word in name.split())


def test_a_capitalised_name_after_the_same_words_in_any_case_is_still_a_person() -> None:
    names = {p.name for p in _extract(TEXT).people}
    assert {"Priya Lindqvist", "Dev Okafor"} <= names


def test_the_separate_chairs_statement_still_declares_separate_chairs() -> None:
    kinds = {d.kind.value for d in _extract(TEXT).findings.declarations}
    assert "separate_chairs" in kinds
