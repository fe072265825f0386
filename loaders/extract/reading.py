"""Reading a protocol as plain text from .txt, .md, .docx or .pdf, or one clear error.

Quotes in a draft are checked against text, so for Word and PDF files the text we extract is the
draft's source and is written beside it; for text files the file itself is the source.
"""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from govgraph.loaders.errors import InputError

# Limits, each checked before the work it bounds, so hostile input is refused in bounded time and memory.
MAX_BYTES = 20 * 1024 * 1024  # the file itself
MAX_TEXT_CHARS = 2_000_000  # the protocol's text (a long protocol is about 100,000 characters)
MAX_LINES = 50_000  # lines of text (a long protocol has a few thousand)
MAX_DOCX_UNPACKED = 64 * 1024 * 1024  # a .docx's declared uncompressed size, all parts together
MAX_DOCX_RATIO = 200  # uncompressed / compressed, for any part over 1 MB (Word's XML packs about 10:1)
MAX_PARAGRAPHS = 50_000  # Word paragraphs (counted in the XML before it is parsed)
MAX_PDF_PAGES = 1_000  # PDF pages (read from the page tree's /Count before any text is extracted)
_PAGE_COUNT = re.compile(rb"/Count\s+(\d{1,12})")
_PARAGRAPH_TAG = re.compile(rb"<w:p[\s>/]")
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
    check_text_size(path, source.text)
    if not source.text.strip():
        raise InputError(path, "has no text")
    return source


def check_text_size(path: Path, text: str) -> None:
    """Refuse text too large to be one protocol, before anything is parsed (both checks are linear)."""
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        raise InputError(
            path, f"has {lines:,} lines of text; extract reads up to {MAX_LINES:,} (is this the right file?)"
        )
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(
            path,
            f"has {len(text):,} characters of text; extract reads up to {MAX_TEXT_CHARS:,} "
            "(one protocol is rarely over 200,000: is this the right file?)",
        )


def _raw_bytes(path: Path) -> bytes:
    """The file's bytes, read only if it is a regular, readable file of a sensible size. It is opened
    without blocking and checked on the open descriptor, so a FIFO or a device never hangs the command."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise InputError(path, "file not found") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except PermissionError:
        raise InputError(path, "cannot be read: permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read: {exc.strerror}") from None
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode):
        os.close(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(path, "is a directory, not a file")
        raise InputError(path, "is not a regular file (a pipe, socket or device): give a file")
    with os.fdopen(descriptor, "rb") as stream:
        if info.st_size == 0:
            raise InputError(path, "is empty")
        if info.st_size > MAX_BYTES:
            raise InputError(
                path,
                f"is {info.st_size / 1024 / 1024:.1f} MB; extract reads files up to "
                f"{MAX_BYTES // 1024 // 1024} MB (a protocol's text is rarely over 1 MB: "
                "is this the right file?)",
            )
        try:
            return stream.read(MAX_BYTES + 1)
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
    if not raw.startswith(b"PK") or not zipfile.is_zipfile(io.BytesIO(raw)):
        raise InputError(path, "is not a Word .docx file (a .docx is a ZIP package; this is not one)")
    _check_docx_package(path, raw)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
        raise InputError(path, f"is not a readable Word document ({exc})") from None
    except Exception as exc:  # lxml's XMLSyntaxError and kin: a damaged package, not a bug of ours
        raise InputError(path, f"is not a readable Word document ({type(exc).__name__})") from None
    lines, numbered = _docx_lines(document)
    notes = ()
    if numbered:
        notes = (
            f"{numbered} paragraphs use Word's automatic numbering, which is not part of the text: "
            "they are read as bullets; check their clause numbers",
        )
    return SourceText(path, "\n\n".join(lines) + "\n", needs_copy=True, notes=notes)


def _check_docx_package(path: Path, raw: bytes) -> None:
    """A zip bomb is refused on the sizes the package declares (zipfile never inflates a part past its
    declared size), and a document of millions of paragraphs on a count of its XML tags, before parsing."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            parts = package.infolist()
            unpacked = sum(part.file_size for part in parts)
            if unpacked > MAX_DOCX_UNPACKED:
                raise InputError(
                    path,
                    f"unpacks to {unpacked / 1024 / 1024:.0f} MB; extract reads Word files up to "
                    f"{MAX_DOCX_UNPACKED // 1024 // 1024} MB unpacked (a zip bomb?)",
                )
            for part in parts:
                ratio = part.file_size / max(part.compress_size, 1)
                if part.file_size > 1024 * 1024 and ratio > MAX_DOCX_RATIO:
                    raise InputError(
                        path,
                        f"part {part.filename} is compressed {ratio:.0f} to 1, more than any Word file is"
                        " (a zip bomb?)",
                    )
            body = package.read("word/document.xml") if "word/document.xml" in package.namelist() else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError) as exc:
        raise InputError(path, f"is not a readable Word document ({exc})") from None
    paragraphs = len(_PARAGRAPH_TAG.findall(body))
    if paragraphs > MAX_PARAGRAPHS:
        raise InputError(
            path, f"has {paragraphs:,} paragraphs; extract reads Word files of up to {MAX_PARAGRAPHS:,}"
        )


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
    declared = max((int(m.group(1)) for m in _PAGE_COUNT.finditer(raw)), default=0)
    if declared > MAX_PDF_PAGES:  # what the page tree says, before pypdf reads a single object
        raise InputError(path, f"has {declared:,} pages; extract reads PDFs of up to {MAX_PDF_PAGES:,} pages")
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(path, "is an encrypted PDF: remove the password and try again")
        count = _page_count(reader)
        if count > MAX_PDF_PAGES:
            raise InputError(
                path, f"has {count:,} pages; extract reads PDFs of up to {MAX_PDF_PAGES:,} pages"
            )
        pages = _page_texts(path, reader)
    except InputError:
        raise
    except LimitReachedError as exc:
        raise InputError(
            path, f"cannot be read: a stream inflates past pypdf's limit (a PDF bomb?): {exc}"
        ) from None
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError, AttributeError) as exc:
        raise InputError(path, f"cannot be read as a PDF ({type(exc).__name__}: {exc})") from None
    if not pages:
        raise InputError(path, "is a PDF with no pages")
    if not any(page.strip() for page in pages):
        raise InputError(
            path, f"has no text layer on any of its {len(pages)} page(s) (a scanned document?): run OCR first"
        )
    return SourceText(path, _join_pages(pages), needs_copy=True)


def _page_count(reader) -> int:  # type: ignore[no-untyped-def]
    """The page tree's declared /Count: read without walking the tree (which is what takes the time)."""
    try:
        count = reader.trailer["/Root"]["/Pages"]["/Count"]
        return int(count)
    except (KeyError, TypeError, ValueError):
        return len(reader.pages)


def _page_texts(path: Path, reader) -> list[str]:  # type: ignore[no-untyped-def]
    """Each page's text, stopping as soon as the text passes the size limit."""
    pages: list[str] = []
    size = 0
    for index, page in enumerate(reader.pages):
        if index >= MAX_PDF_PAGES:
            raise InputError(path, f"has more than {MAX_PDF_PAGES:,} pages; extract reads up to that")
        contents = page.get_contents()
        if contents is not None:
            contents.get_data()  # inflated here, where pypdf's limits raise (extract_text hides them)
        text = page.extract_text() or ""
        size += len(text)
        if size > MAX_TEXT_CHARS:
            raise InputError(
                path, f"has more than {MAX_TEXT_CHARS:,} characters of text; extract reads up to that"
            )
        pages.append(text)
    return pages


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
