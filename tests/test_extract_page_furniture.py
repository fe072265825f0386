"""Page furniture a Word or PDF export leaves in a protocol's text (issue 9: page footers such as a file's
path and site banners end up in clauses): kept out of clauses, so out of bodies and quotes. Invented text
in the shapes exports print.
"""

from __future__ import annotations

from govgraph.loaders.extract.segment import _content_end, segment

TEXT = (
    "Kestrel protocol\n\n"
    "1. The Kestrel Safeguarding Adults Board will publish its plan each year.\n"
    "D:\\Work\\219513485.doc\n"
    "Page 3 of 12\n\n"
    "2. The Board meets quarterly. S:\\Board Papers\\protocol final v2.docx\n\n"
    "3. The plan is at www.kestrel.gov.uk/sab/plan.pdf\n\n"
    "Return to top\n"
)


def _texts(text: str) -> list[str]:
    return [c.text for c in segment(text).clauses]


def test_a_files_path_and_a_page_number_are_in_no_clause() -> None:
    texts = _texts(TEXT)
    assert not [t for t in texts if ".doc" in t or "Page 3" in t or "Return to top" in t]
    assert "The Board meets quarterly." in texts


def test_every_clause_stays_verbatim_in_the_source() -> None:
    for clause in segment(TEXT).clauses:
        assert " ".join(TEXT[clause.start : clause.end].split()) == clause.text


def test_a_web_address_a_line_cites_is_its_own_words_not_a_path() -> None:
    for line in ("The plan is at www.kestrel.gov.uk/sab/plan.pdf", "See https://kestrel.gov.uk/a/plan.pdf"):
        assert _content_end(line) == len(line)
    assert _content_end("The Board meets. D:\\Board\\plan v2.docx") == len("The Board meets.")


def test_page_words_inside_a_sentence_are_kept() -> None:
    text = "Kestrel protocol\n\n1. Page 3 of the plan sets out 3 of 12 priorities for the Board.\n"
    assert _texts(text)[-1] == "Page 3 of the plan sets out 3 of 12 priorities for the Board."


def test_a_numbered_line_citing_a_web_address_is_a_clause_with_its_exact_span() -> None:
    """A sentence ending in an address has no full stop, so it looked like a short numbered heading
    ("3. The Children's Trust") and was lost as a clause."""
    text = (
        "Kestrel protocol\n\n"
        "1. The Board meets quarterly.\n\n"
        "2. The plan is at www.example.org/plan.pdf\n\n"
        "3. Minutes are published at https://example.org/minutes\n\n"
        "4. Reporting\n\n"
        "The Board reports to the Council. S:\\Papers\\protocol v2.docx\n"
    )
    clauses = {c.text: c for c in segment(text).clauses}
    for cited in (
        "The plan is at www.example.org/plan.pdf",
        "Minutes are published at https://example.org/minutes",
    ):
        clause = clauses[cited]
        assert text[clause.start : clause.end] == cited
        assert clause.kind == "numbered"
    assert [h.text for h in segment(text).headings] == ["Reporting"]
    assert "The Board reports to the Council." in clauses
    assert not [t for t in clauses if ".docx" in t]


def test_a_file_the_sentence_refers_to_is_kept_in_its_clause() -> None:
    """A relative path a sentence runs into ("See sab/plan.pdf", "is available here: x/y.docx") is the
    sentence's own words; only a path printed apart (alone, after a sentence's end or a gap) is a footer."""
    text = (
        "Kestrel protocol\n\n"
        "1. The Board publishes its plan each year. See sab/plan.pdf\n\n"
        "2. The terms of reference are available here: board/terms of reference.docx\n\n"
        "3. The Board meets quarterly.   board/protocol-v3.doc\n\n"
        "4. The Board reports to the Council.\tS:\\Papers\\protocol.docx\n\n"
        "papers/protocol-final.pdf\n"
    )
    texts = _texts(text)
    assert "The Board publishes its plan each year. See sab/plan.pdf" in texts
    assert "The terms of reference are available here: board/terms of reference.docx" in texts
    assert "The Board meets quarterly." in texts
    assert "The Board reports to the Council." in texts
    assert not [t for t in texts if "protocol-final" in t or "v3.doc" in t or "Papers" in t]
    assert _content_end("See sab/plan.pdf") == len("See sab/plan.pdf")
    assert _content_end("sab/plan.pdf") == 0
