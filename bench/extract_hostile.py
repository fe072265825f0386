"""Hostile inputs for ``govgraph extract``, built on the spot, and each one run as a user would run it.

Each case is a file that once took minutes, gigabytes or a traceback (issue 14, "Extract"; issue 11 item
3): it must now be refused with govgraph's own one-line message (exit 2) or finish, in bounded time and
memory. ``tests/test_extract_limits.py`` asserts loose bounds (10 s, 500 MB) with these builders; the
benchmark (``python -m bench.extract_bench --hostile``) prints the exact figures.

Every case runs in a child process that reports its own peak resident memory (``ru_maxrss``), so the
figure is that one command's, whatever else the machine is doing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.office_files import docx_bytes, pdf_from_objects, write_docx_parts

PROSE = (
    "The Kestrel Safeguarding Children Board will report to the Heron Children's Trust each year. "
    "The Health and Wellbeing Board (HWB) will consult the Board on its strategy. "
    "The Council is a member of the Board and the Trust. "
)


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path, bool], Path]  # (folder, full size for the benchmark) -> the hostile file
    refused: str | None  # a fragment of the refusal message; None: the command must finish (exit 0 or 2)


def one_char_lines(folder: Path, full: bool = False) -> Path:
    path = folder / "lines.txt"
    path.write_text("Kestrel Safeguarding Children Board\n" + "x\n" * 40_000)
    return path


def long_line(folder: Path, full: bool = False) -> Path:
    path = folder / "line.txt"
    path.write_text((PROSE * (100_000 // len(PROSE) + 1))[:100_000])
    return path


def long_line_of_words(folder: Path, full: bool = False) -> Path:
    """100 KB with no full stop at all: nowhere for a sentence to end."""
    path = folder / "words.txt"
    words = "Board Trust will report to the Council and the Partnership on its work "
    path.write_text("Kestrel Safeguarding Children Board " + (words * (100_000 // len(words))))
    return path


def million_lines(folder: Path, full: bool = False) -> Path:
    path = folder / "million.txt"
    path.write_text("Kestrel Safeguarding Children Board\n" + "x\n" * 1_000_000)
    return path


def fifteen_mb_line(folder: Path, full: bool = False) -> Path:
    path = folder / "huge.txt"
    with path.open("w") as stream:
        stream.write("Kestrel Safeguarding Children Board ")
        for _ in range(15):
            stream.write("word " * 200_000)
    return path


def docx_paragraphs(folder: Path, full: bool = False) -> Path:
    """A small part holding many empty paragraphs (refused on the count, not on the ratio)."""
    return _docx(folder / "paragraphs.docx", b"<w:p/>" * 60_000)


def docx_millions_of_paragraphs(folder: Path, full: bool = False) -> Path:
    """3M paragraphs: 18 MB of XML packed into a few kilobytes."""
    return _docx(folder / "millions.docx", b"<w:p/>" * 3_000_000)


def docx_zip_bomb(folder: Path, full: bool = False) -> Path:
    """A part that inflates to 2 GB (300 MB in the tests, to build it quickly): refused on its size."""
    path = folder / "bomb.docx"
    size = (2048 if full else 300) * 1024 * 1024
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        write_docx_parts(package)
        with package.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = b" " * (8 * 1024 * 1024)
            for _ in range(size // len(chunk)):
                part.write(chunk)
    return path


def pdf_flate_bomb(folder: Path, full: bool = False) -> Path:
    """A page whose content stream inflates past pypdf's 75 MB limit."""
    stream = zlib.compress(b" " * 100_000_000, 9)
    objects = [
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] /Contents 1 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>",
        b"<< /Type /Catalog /Pages 3 0 R >>",
    ]
    path = folder / "bomb.pdf"
    path.write_bytes(pdf_from_objects(objects, root=4))
    return path


def pdf_many_pages(folder: Path, full: bool = False) -> Path:
    """100,000 empty pages: refused on the page tree's count, before any text is extracted."""
    count = 100_000
    objects = [
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % (i + 3) for i in range(count)), count)
    ]
    objects.append(b"<< /Type /Catalog /Pages 1 0 R >>")
    objects += [b"<< /Type /Page /Parent 1 0 R /MediaBox [0 0 595 842] >>"] * count
    path = folder / "pages.pdf"
    path.write_bytes(pdf_from_objects(objects, root=2))
    return path


def fifo(folder: Path, full: bool = False) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def directory(folder: Path, full: bool = False) -> Path:
    path = folder / "folder.txt"
    path.mkdir()
    return path


def not_a_folder(folder: Path, full: bool = False) -> Path:
    """A path through a regular file (…/file.txt/protocol.txt): it cannot be opened at all."""
    (folder / "file.txt").write_text("x")
    return folder / "file.txt" / "protocol.txt"


CASES = [
    Case("40,000 one-character lines", one_char_lines, None),
    Case("one 100 KB line of sentences", long_line, None),
    Case("one 100 KB line, no full stop", long_line_of_words, None),
    Case("1,000,000 lines", million_lines, "lines of text"),
    Case("one 15 MB line", fifteen_mb_line, "characters of text"),
    Case(".docx of 60,000 paragraphs", docx_paragraphs, "paragraphs"),
    Case(".docx of 3,000,000 paragraphs", docx_millions_of_paragraphs, "zip bomb"),
    Case(".docx zip bomb", docx_zip_bomb, "zip bomb"),
    Case("PDF flate bomb", pdf_flate_bomb, "PDF bomb"),
    Case("PDF of 100,000 empty pages", pdf_many_pages, "100,000 pages"),
    Case("a FIFO", fifo, "not a regular file"),
    Case("a directory", directory, "is a directory"),
    Case("a path through a file", not_a_folder, "cannot be read"),
]

_RUNNER = """
import json, re, sys, time
def peak():
    # VmHWM starts afresh at exec; ru_maxrss would carry the parent's peak over the fork.
    status = open("/proc/self/status").read()
    return int(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1)) * 1024
from click.testing import CliRunner
from govgraph.cli import main
started = time.perf_counter()
result = CliRunner().invoke(main, sys.argv[1:])
seconds = time.perf_counter() - started
bug = result.exception is not None and not isinstance(result.exception, SystemExit)
print(json.dumps({"code": result.exit_code, "stderr": result.stderr, "seconds": seconds,
                  "peak": peak(),
                  "traceback": repr(result.exception) if bug else None}))
"""


@dataclass
class Outcome:
    code: int
    message: str
    seconds: float
    peak_bytes: int
    traceback: str | None


def run_extract(file: Path, output: Path, unprivileged: bool = False) -> Outcome:
    """``govgraph extract FILE -o OUTPUT`` in a child process (``unprivileged``: without root's power to
    read any file, through util-linux's setpriv, so a mode-000 file is unreadable to it): its exit status,
    stderr, the command's own wall time (not the interpreter's start-up) and the process's peak resident
    memory."""
    command = [sys.executable, "-c", _RUNNER, "extract", str(file), "-o", str(output)]
    if unprivileged and os.geteuid() == 0:
        command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *command]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd="/")
    if done.returncode != 0 or not done.stdout.strip():
        return Outcome(done.returncode, done.stderr, 0.0, 0, done.stderr[-2000:])
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return Outcome(report["code"], report["stderr"], report["seconds"], report["peak"], report["traceback"])


def run_hostile() -> int:
    print(f"{'case':34} {'exit':>4} {'seconds':>8} {'peak MB':>8}  message")
    failed = 0
    for case in CASES:
        with tempfile.TemporaryDirectory() as scratch:
            file = case.build(Path(scratch), True)
            outcome = run_extract(file, Path(scratch) / "draft.yaml")
        message = outcome.message.strip().splitlines()[-1] if outcome.message.strip() else ""
        ok = outcome.traceback is None and (
            (case.refused is None and outcome.code in (0, 2))
            or (case.refused is not None and outcome.code == 2 and case.refused in message)
        )
        failed += not ok
        print(
            f"{case.name:34} {outcome.code:4} {outcome.seconds:8.2f} {outcome.peak_bytes / 2**20:8.0f}  "
            f"{'' if ok else 'UNEXPECTED: '}{message[:90]}"
        )
    return 1 if failed else 0


def _docx(path: Path, paragraphs: bytes) -> Path:
    path.write_bytes(docx_bytes(paragraphs))
    return path
