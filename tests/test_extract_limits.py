"""Hostile input for ``govgraph extract``: each case refused with govgraph's own one-line message (exit 2)
or finished, in bounded time and memory, with no traceback (issue 14 "Extract", issue 11 item 3).

The files are built here (tmp_path) by ``bench.extract_hostile``'s builders; each command runs in a child
process that reports its own wall time and peak resident memory. The bounds are loose for a busy machine;
the benchmark (``python -m bench.extract_bench --hostile``) prints the exact figures.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from govgraph.loaders.extract.pipeline import extract_file

from bench.extract_hostile import CASES, Case, long_line, long_line_of_words, one_char_lines, run_extract

REFUSAL_SECONDS = 10
FINISH_SECONDS = 60  # includes validating the draft (the loader's YAML reading), a few seconds per MB
EXTRACT_SECONDS = 10
PEAK_BYTES = 500 * 1024 * 1024
ONE_LINE = re.compile(r"^error: \S.*: .+\n?$")


def _refusals() -> list[Case]:
    return [case for case in CASES if case.refused is not None]


@pytest.mark.parametrize("case", _refusals(), ids=lambda c: c.name)
def test_hostile_file_is_refused_in_one_line_quickly(case: Case, tmp_path: Path) -> None:
    file = case.build(tmp_path, False)
    output = tmp_path / "out" / "draft.yaml"
    outcome = run_extract(file, output)
    assert outcome.traceback is None, outcome.traceback
    assert outcome.code == 2, outcome.message
    assert ONE_LINE.match(outcome.message), outcome.message
    assert case.refused in outcome.message and str(file) in outcome.message
    assert "Invalid value" not in outcome.message  # govgraph's message, not click's
    assert outcome.seconds < REFUSAL_SECONDS, outcome.seconds
    assert outcome.peak_bytes < PEAK_BYTES, outcome.peak_bytes
    assert not output.exists()


@pytest.mark.parametrize("build", [one_char_lines, long_line, long_line_of_words], ids=lambda b: b.__name__)
def test_long_input_finishes_with_a_valid_draft(build, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    file = build(tmp_path, False)
    output = tmp_path / "draft.yaml"
    outcome = run_extract(file, output)
    assert outcome.traceback is None, outcome.traceback
    assert outcome.code == 0, outcome.message
    assert outcome.seconds < FINISH_SECONDS and outcome.peak_bytes < PEAK_BYTES, outcome
    assert output.is_file()


@pytest.mark.parametrize("build", [one_char_lines, long_line, long_line_of_words], ids=lambda b: b.__name__)
def test_extraction_itself_is_bounded(build, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Segmenting, entity scanning and reading relations, without the draft's validation (the memory of
    the whole command is bounded above; tracemalloc would slow this several times over). Quadratic work
    on these inputs took 48-131 s of CPU; linear takes about 1 s, whatever the machine's load."""
    file = build(tmp_path, False)
    started = time.process_time()  # CPU time: the work done, which a busy machine does not stretch
    extraction = extract_file(file)
    seconds = time.process_time() - started
    assert seconds < EXTRACT_SECONDS, seconds
    assert all(len(c.text) <= 3_100 for c in extraction.segmented.clauses)  # clauses stay bounded


def test_a_line_with_no_breaks_is_cut_into_its_sentences(tmp_path: Path) -> None:
    file = long_line(tmp_path)
    clauses = extract_file(file).segmented.clauses
    assert len(clauses) > 100
    assert all(c.text.endswith(".") for c in clauses[:-1])


def test_an_unreadable_file_gets_govgraphs_own_message(tmp_path: Path) -> None:
    """When the suite runs as root (which reads anything), the command runs without that power."""
    file = tmp_path / "locked.txt"
    file.write_text("The Kestrel Safeguarding Children Board will report to the Trust.\n")
    file.chmod(0)
    outcome = run_extract(file, tmp_path / "draft.yaml", unprivileged=True)
    assert outcome.code == 2, outcome.message
    assert ONE_LINE.match(outcome.message) and "permission denied" in outcome.message, outcome.message
