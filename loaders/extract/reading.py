"""Reading a protocol as plain text from .txt, .md, .docx or .pdf, or one clear error.

Quotes in a draft are checked against text, so for Word and PDF files the text we extract is the
draft's source and is written beside it; for text files the file itself is the source.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from loaders.errors import InputError

MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".md", ".text", ".markdown")
SUFFIXES = (*TEXT_SUFFIXES, ".docx", ".pdf")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 .doc (and other OLE files)
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class SourceText:
    """The protocol's text; ``needs_copy`` when it is not the input file's own bytes (docx, pdf, cp1252)."""

    path: Path
    text: str
    needs_copy: bool
    notes: tuple[str, ...] = ()


def read_document(path: Path) -> SourceText:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(path, f"unsupported file type '{path.suffix}': give a {', '.join(SUFFIXES)} file")
    raw = _raw_bytes(path)
    if suffix == ".docx":
        source = _read_docx(path, raw)
    elif suffix == ".pdf":
        source = _read_pdf(path, raw)
    else:
        source = _read_plain(path, raw)
    if not source.text.strip():
        raise InputError(path, "has no text")
    return source


def _raw_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(path, "file not found") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read: {exc.strerror}") from None
    if path.is_dir():
        raise InputError(path, "is a directory, not a file")
    if size == 0:
        raise InputError(path, "is empty")
    if size > MAX_BYTES:
        raise InputError(
            path,
            f"is {size / 1024 / 1024:.1f} MB; extract reads files up to {MAX_BYTES // 1024 // 1024} MB "
            "(a protocol's text is rarely over 1 MB: is this the right file?)",
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot be read: {exc.strerror}") from None


def _read_plain(path: Path, raw: bytes) -> SourceText:
    """UTF-8 as it is; Windows-1252 (Word's "plain text" default) is decoded and copied as UTF-8."""
    if b"\0" in raw[:4096]:
        raise InputError(path, "looks like a binary file, not text (it contains NUL bytes)")
    try:
        return SourceText(path, raw.decode("utf-8"), needs_copy=False)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(
                path, f"is neither UTF-8 nor Windows-1252 (byte 0x{raw[exc.start]:02x})", line=line
            ) from None
        note = f"{path.name} is not UTF-8 (first at line {line}); read as Windows-1252 and copied as UTF-8"
        return SourceText(path, text, needs_copy=True, notes=(note,))


def _read_docx(path: Path, raw: bytes) -> SourceText:
    if raw.startswith(_OLE_MAGIC):
        raise InputError(path, "is a Word 97-2003 .doc file renamed .docx: save it as .docx and try again")
    if not raw.startswith(b"PK") or not zipfile.is_zipfile(path):
        raise InputError(path, "is not a Word .docx file (a .docx is a ZIP package; this is not one)")
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise InputError(path, f"is not a readable Word document ({exc})") from None
    lines, numbered = _docx_lines(document)
    notes = ()
    if numbered:
        notes = (
            f"{numbered} paragraphs use Word's automatic numbering, which is not part of the text: "
            "they are read as bullets; check their clause numbers",
        )
    return SourceText(path, "\n\n".join(lines) + "\n", needs_copy=True, notes=notes)


def _docx_lines(document) -> tuple[list[str], int]:  # type: ignore[no-untyped-def]
    """Paragraphs and table cells in body order; headings marked '#', list paragraphs '-'."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    numbered = 0
    for block in document.iter_inner_content():
        paragraphs = (
            [p for row in block.rows for cell in row.cells for p in cell.paragraphs]
            if isinstance(block, Table)
            else [block]
        )
        for paragraph in paragraphs:
            assert isinstance(paragraph, Paragraph)
            text = paragraph.text.strip()
            if not text:
                continue
            style = (paragraph.style.name if paragraph.style is not None else "") or ""
            listed = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
            if style.lower().startswith(("heading", "title")):
                lines.append(f"# {text}")
            elif style.lower().startswith("list") or listed:
                numbered += "number" in style.lower() or (listed and "bullet" not in style.lower())
                lines.append(f"- {text}")
            else:
                lines.append(text)
    return lines, numbered


def _read_pdf(path: Path, raw: bytes) -> SourceText:
    if not raw[:1024].lstrip().startswith(b"%PDF-"):
        raise InputError(path, "is not a PDF file (it does not start with %PDF-)")
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(path, "is an encrypted PDF: remove the password and try again")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InputError(path, f"cannot be read as a PDF ({exc})") from None
    if not pages:
        raise InputError(path, "is a PDF with no pages")
    if not any(page.strip() for page in pages):
        raise InputError(
            path, f"has no text layer on any of its {len(pages)} page(s) (a scanned document?): run OCR first"
        )
    return SourceText(path, _join_pages(pages), needs_copy=True)


def _join_pages(pages: list[str]) -> str:
    """Page texts without page numbers and the running headers/footers repeated on most pages."""
    split = [[line.rstrip() for line in page.splitlines()] for page in pages]
    repeated: set[str] = set()
    if len(pages) >= 3:
        counts = Counter(line.strip() for lines in split for line in set(lines) if line.strip())
        repeated = {line for line, n in counts.items() if n >= max(3, len(pages) * 0.6)}
    kept = [
        line
        for lines in split
        for line in lines
        if not _PAGE_NUMBER.match(line) and line.strip() not in repeated
    ]
    return "\n".join(kept).strip() + "\n"
