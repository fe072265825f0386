"""Every document of the corpus of real protocols (whatever part of it exists) gives a draft that
validates, and the micro-averaged scores can be computed over each half. The scores themselves are
printed by ``python -m bench.extract_bench``; nothing here looks at a test-half document one by one:
each draft is only checked to validate (or to be refused with exit 2 and no file left behind)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from govgraph.cli import main
from tests.corpus import CORPUS, documents

DOCUMENTS = documents() if CORPUS.is_dir() else []


def test_the_corpus_is_there() -> None:
    """The corpus is merged into this tree by the lead; until then this says so by failing loudly."""
    assert DOCUMENTS, f"no corpus documents under {CORPUS}"


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.slug)
def test_every_corpus_draft_validates(document, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / "draft.yaml"
    result = CliRunner().invoke(main, ["extract", str(document.text), "-o", str(draft)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    if result.exit_code == 2:  # refused: one line, and nothing invalid left behind
        assert result.stderr.startswith("error: ") and not draft.exists(), result.stderr
        return
    assert result.exit_code == 0, result.stderr
    validated = CliRunner().invoke(main, ["validate", str(draft)])
    assert validated.exit_code == 0, validated.output
