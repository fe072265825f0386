"""Signature tables (issue 9, "layout not read": signature and approval tables give Person nodes). Rows of
an invented table in the shape real constitutions print: a row number, the signatory, the organisation.
"""

from __future__ import annotations

from pathlib import Path

from govgraph.loaders.extract.pipeline import Extraction, extract_text
from govgraph.loaders.extract.reading import SourceText

TABLE = (
    "Kestrel Safeguarding Adults Board constitution\n\n"
    "The Kestrel Safeguarding Adults Board (KSAB) is made up of the Kestrel Borough Council, Heron Police "
    "and Kestrel NHS Foundation Trust.\n\n"
    "Signatories\n\n"
    "The undersigned agree on behalf of their organisation to be bound by this constitution:\n\n"
    "Name Organisation Signature 1 Maria Fenwick Kestrel Borough Council\n\n"
    "2 Dev Okafor Heron Police\n\n"
    "3 Kestrel NHS Foundation Trust\n\n"
    "4 Statutory Core Agencies\n\n"
    "5 Priya Lindqvist\n"
)


def _extract(text: str) -> Extraction:
    return extract_text(SourceText(Path("protocol.txt"), text, False), "Kestrel")


def test_the_names_in_a_signature_tables_rows_are_people() -> None:
    people = {p.name for p in _extract(TABLE).people}
    assert people == {"Maria Fenwick", "Dev Okafor", "Priya Lindqvist"}


def test_a_row_that_only_names_an_organisation_or_a_heading_is_no_person() -> None:
    people = {p.name for p in _extract(TABLE).people}
    assert not {"Kestrel NHS", "Statutory Core", "Kestrel Borough"} & people


def test_the_same_rows_outside_a_signature_table_name_no_one() -> None:
    text = TABLE.replace("Signatories", "Contents").replace("The undersigned agree on behalf of", "Work of")
    text = text.replace(" Signature 1", " 1")
    assert not _extract(text).people
