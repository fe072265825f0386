"""Word and PDF files built byte by byte, shared by the extract tests and the hostile-input benchmark.

No binary fixture is committed: each file is built on the spot, so a case can be as large (or as broken) as
it needs to be, and both the tests and ``bench/extract_hostile.py`` build it the same way.
"""

from __future__ import annotations

import io
import zipfile

DOCX_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    b"</Types>"
)
DOCX_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    b'officeDocument" Target="word/document.xml"/></Relationships>'
)
W_NAMESPACE = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_bytes(paragraphs: bytes) -> bytes:
    """A minimal .docx whose body is ``paragraphs`` (raw ``<w:p>`` XML)."""
    body = b'<?xml version="1.0" encoding="UTF-8"?><w:document ' + W_NAMESPACE + b"><w:body>" + paragraphs
    body += b"</w:body></w:document>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        write_docx_parts(package)
        package.writestr("word/document.xml", body)
    return buffer.getvalue()


def write_docx_parts(package: zipfile.ZipFile) -> None:
    """The content types and relationships every .docx needs besides its document part."""
    package.writestr("[Content_Types].xml", DOCX_TYPES)
    package.writestr("_rels/.rels", DOCX_RELS)


def pdf_from_objects(objects: list[bytes], root: int) -> bytes:
    """A PDF of the numbered ``objects`` (1-based) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)
