"""``govgraph validate`` reads files for validation only: the same verdicts, no rows built or kept.

The rows a load writes (and the digest over the file and its source text) are a tenth of validating a
file; validation alone has no use for them. These tests hold validation-only reading to the same answers
as a load's reading, and make sure a set read without rows can never be written by mistake.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from govgraph.loaders.errors import InputError
from govgraph.loaders.load import read_documents
from govgraph.loaders.protocol import read_protocol

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = [ROOT / "examples" / "protocols" / name for name in ("leicester.yaml", "wirral.yaml")]


def test_validation_only_reads_the_same_documents_and_claims() -> None:
    full = read_documents(BUNDLED)
    checked = read_documents(BUNDLED, rows=False)
    assert (
        [d.source for d in checked]
        == [d.source for d in full]
        == ["leicester/lscb-trust-hwb", "wirral/wct-lscb"]
    )
    assert [d.summary() for d in checked] == [d.summary() for d in full]
    assert checked.claims == full.claims
    assert [b.nodes for b in full.batches()] == [read_protocol(p).batch.nodes for p in BUNDLED]


def test_a_set_read_for_validation_only_cannot_be_written() -> None:
    checked = read_documents(BUNDLED, rows=False)
    with pytest.raises(ValueError, match="validation only"):
        next(checked.batches())


def test_the_rows_built_on_demand_carry_the_digest_of_both_files() -> None:
    valid = read_protocol(BUNDLED[0])
    expected = hashlib.sha256(BUNDLED[0].read_bytes() + b"\0" + valid.source_path.read_bytes()).hexdigest()
    assert valid.batch.digest == expected
    assert valid.batch is valid.batch  # built once


def test_validation_only_still_refuses_two_files_of_one_document(tmp_path: Path) -> None:
    copy = tmp_path / "again.yaml"
    text = BUNDLED[0].read_text(encoding="utf-8")
    source = read_protocol(BUNDLED[0]).source_path
    (tmp_path / source.name).write_bytes(source.read_bytes())
    copy.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="as does"):
        read_documents([BUNDLED[0], copy], rows=False)
