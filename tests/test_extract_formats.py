"""Reading .txt/.md/.docx/.pdf for extraction, and bad input: one clear message, exit status 2.

The Word and PDF files are generated here from text (python-docx writes .docx; the PDFs are minimal
valid PDFs written byte by byte), so no binary fixture is committed.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from govgraph.loaders.errors import InputError
from govgraph.loaders.extract.reading import MAX_BYTES, read_document

from bench.office_files import pdf_from_objects
from govgraph.cli import main

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "extract"
NORTHMOOR_TEXT = FIXTURES / "northmoor-sab-csp.txt"


def pdf_bytes(pages: list[list[str]]) -> bytes:
    """A PDF with one Helvetica text line per entry, one page per list (WinAnsi text)."""
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    objects: list[bytes] = [font]
    pages_id = 1 + 2 * len(pages) + 1
    page_ids = []
    for lines in pages:
        ops = [b"BT /F1 10 Tf 12 TL 50 800 Td"]
        for line in lines:
            raw = line.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
            ops.append(b"(" + raw + b") Tj T*")
        ops.append(b"ET")
        stream = b"\n".join(ops)
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content = len(objects)
        objects.append(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 1 0 R >> >> >>" % (pages_id, content)
        )
        page_ids.append(len(objects))
    kids = b" ".join(b"%d 0 R" % p for p in page_ids)
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids)))
    objects.append(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    return pdf_from_objects(objects, root=len(objects))


def scanned_pdf_bytes() -> bytes:
    """One page whose only content is an image: what a scanner produces, with no text layer."""
    pixels = bytes(range(256)) * 3
    objects = [
        b"<< /Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceRGB /BitsPerComponent 8 "
        b"/Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream",
        b"<< /Length 35 >>\nstream\nq 500 0 0 700 40 60 cm /Im1 Do Q\nendstream",
        b"<< /Type /Page /Parent 4 0 R /MediaBox [0 0 595 842] /Contents 2 0 R "
        b"/Resources << /XObject << /Im1 1 0 R >> >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Catalog /Pages 4 0 R >>",
    ]
    return pdf_from_objects(objects, root=5)


def write_pdf_from_text(text: str, path: Path, width: int = 90, per_page: int = 45) -> Path:
    """The text as a PDF would hold it: hard-wrapped lines, no blank lines, split over pages."""
    lines: list[str] = []
    for paragraph in text.splitlines():
        indent = len(paragraph) - len(paragraph.lstrip())
        if paragraph.strip():
            lines += textwrap.wrap(paragraph, width, subsequent_indent=" " * (indent + 2))
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    path.write_bytes(pdf_bytes(pages))
    return path


def write_docx_from_text(text: str, path: Path) -> Path:
    """One Word paragraph per line; "- " and "•" lines become List Bullet paragraphs."""
    document = docx.Document()
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith(("- ", "\u2022 ")):
            document.add_paragraph(stripped[2:], style="List Bullet")
        else:
            document.add_paragraph(stripped)
    document.save(str(path))
    return path


# -- reading ------------------------------------------------------------------------------------------


def test_plain_text_is_its_own_source(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_text("Protocol between the Kestrel Board (KB) and the Heron Trust\n\n1. Roles\n")
    source = read_document(path)
    assert source.text.startswith("Protocol between") and not source.needs_copy


def test_windows_1252_text_is_read_and_copied(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_bytes("The Board\u2019s protocol \u2013 2024\n".encode("cp1252"))
    source = read_document(path)
    assert "Board\u2019s protocol \u2013 2024" in source.text
    assert source.needs_copy and "Windows-1252" in source.notes[0]


def test_docx_paragraphs_headings_and_bullets(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("1. Purpose", level=1)
    document.add_paragraph("In respect of the Heron Trust, the Kestrel Board will:")
    document.add_paragraph("Report annually to the Heron Trust;", style="List Bullet")
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "Text in a table cell."
    document.save(str(tmp_path / "p.docx"))
    source = read_document(tmp_path / "p.docx")
    assert source.needs_copy
    assert source.text.splitlines()[::2] == [
        "# 1. Purpose",
        "In respect of the Heron Trust, the Kestrel Board will:",
        "- Report annually to the Heron Trust;",
        "Text in a table cell.",
    ]


def test_pdf_text_without_page_numbers_and_running_headers(tmp_path: Path) -> None:
    pages = [["Kestrel Protocol - draft", f"Line {n} of the text.", str(n)] for n in range(1, 5)]
    (tmp_path / "p.pdf").write_bytes(pdf_bytes(pages))
    source = read_document(tmp_path / "p.pdf")
    assert source.text.split() == " ".join(f"Line {n} of the text." for n in range(1, 5)).split()


# -- bad input ------------------------------------------------------------------------------------------


def _extract(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["extract", *[str(a) for a in args]], catch_exceptions=False)
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.md", b"\n  \n\t\n", "has no text"),
        ("binary.pdf", bytes(range(256)) * 40, "is not a PDF file"),
        ("truncated.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "cannot be read as a PDF"),
        ("scanned.pdf", scanned_pdf_bytes(), "has no text layer"),
        ("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "Word 97-2003"),
        ("notzip.docx", b"Just some text pretending to be Word.", "is not a Word .docx file"),
        ("binary.txt", b"\x00\x01\x02binary", "binary file"),
        ("protocol.rtf", b"{\\rtf1 hello}", "unsupported file type"),
        ("notes.txt", b"Just a shopping list.\n\nEggs and milk.\n", "names no body"),
    ],
)
def test_bad_input_is_one_clear_message_and_exit_2(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    code, output = _extract(path, "-o", tmp_path / "draft.yaml")
    assert code == 2, output
    assert output.startswith(f"error: {path}:") and message in output, output
    assert "Traceback" not in output and not (tmp_path / "draft.yaml").exists()


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: nothing is written, nothing is read
    code, output = _extract(path, "-o", tmp_path / "draft.yaml")
    assert code == 2 and "is 50.0 MB" in output and f"up to {MAX_BYTES // 1024 // 1024} MB" in output


def test_missing_file_and_missing_output(tmp_path: Path) -> None:
    code, output = _extract(tmp_path / "absent.txt", "-o", tmp_path / "d.yaml")
    assert code == 2 and "file not found" in output
    code, output = _extract(NORTHMOOR_TEXT)
    assert code == 2 and "give -o" in output


def test_an_existing_different_text_file_beside_the_draft_is_not_overwritten(tmp_path: Path) -> None:
    pdf = write_pdf_from_text(NORTHMOOR_TEXT.read_text(), tmp_path / "northmoor.pdf")
    (tmp_path / "draft.txt").write_text("someone's notes")
    code, output = _extract(pdf, "-o", tmp_path / "draft.yaml")
    assert code == 2 and "use --force" in output
    assert (tmp_path / "draft.txt").read_text() == "someone's notes"
    code, output = _extract(pdf, "-o", tmp_path / "draft.yaml", "--force")
    assert code == 0, output


def test_read_document_raises_input_error_with_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_document(tmp_path / "nope.pdf")
    assert caught.value.file == tmp_path / "nope.pdf"
