"""The review back end and command, without a browser: reading a draft with its comments, the loader's
verdict on a reviewed document, saving (only what loads), and the command's messages for bad input.

These need no database: the command checks its draft before it starts Neo4j.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from govgraph.graph.model import Capacity, DeclarationKind, Relation
from govgraph.loaders.errors import InputError
from govgraph.loaders.protocol import read_protocol
from govgraph.loaders.source import parse_yaml

from govgraph.cli import main
from govgraph.review_draft import LOW_CONFIDENCE, DraftReview, ReviewedItem, section_fields
from tests.conftest import FIXTURES

# The text every review test starts from, through `govgraph extract`; point it at a corpus file to
# review a real protocol instead.
DRAFT_SOURCE = FIXTURES / "extract" / "northmoor-sab-csp.txt"


def run(*args: str | Path):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    """A fresh draft extracted from DRAFT_SOURCE, in a folder of its own."""
    out = tmp_path / "draft" / "draft.yaml"
    result = run("extract", DRAFT_SOURCE, "-o", out)
    assert result.exit_code == 0, result.output
    return out


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


# -- reading -------------------------------------------------------------------------------------------


def test_the_forms_come_from_the_load_formats_models() -> None:
    sections = {s["name"]: {f["name"]: f for f in s["fields"]} for s in section_fields()}
    assert {"bodies", "roles", "duties", "relations", "declarations", "protocol.approved_by"} <= set(sections)
    relation = sections["relations"]
    assert relation["type"]["options"] == [r.value for r in Relation]
    assert relation["capacity"]["options"] == [c.value for c in Capacity]
    assert (
        relation["from"]["ref"] == relation["to"]["ref"] == "actors" and relation["duty"]["ref"] == "duties"
    )
    assert not relation["what"]["required"] and relation["type"]["required"]
    assert sections["declarations"]["kind"]["options"] == [k.value for k in DeclarationKind]
    assert sections["declarations"]["bodies"]["list"] is True
    assert sections["bodies"]["aliases"]["list"] is True and sections["bodies"]["aliases"]["kind"] == "text"


def test_the_payload_holds_the_draft_its_text_and_each_items_comments(draft: Path) -> None:
    payload = DraftReview(draft).payload()
    assert payload["sourceText"] == DRAFT_SOURCE.read_text()
    assert payload["verdict"]["ok"], payload["verdict"]
    assert payload["key"].startswith(str(draft.resolve()) + "#")
    document, comments = payload["document"], payload["comments"]
    for section in ("clauses", "relations", "duties", "bodies"):
        assert len(comments[section]) == len(document[section]), section
    assert all(c["confidence"] is not None for c in comments["relations"] + comments["duties"])
    flagged = [c for c in comments["relations"] if c["flagged"]]
    assert flagged and flagged == [c for c in comments["relations"] if c["confidence"] < LOW_CONFIDENCE]
    assert all(c["reviewed"] is None for c in comments["relations"])
    assert payload["header"][0].startswith("# Draft extracted by `govgraph extract`")


def test_a_review_mark_in_a_comment_reads_back_as_a_decision(draft: Path) -> None:
    review = DraftReview(draft)
    document = review.payload()["document"]
    items = {"relations": [ReviewedItem("accepted", ["confidence 0.85: kept"])] + [ReviewedItem()] * 99}
    assert review.save(document, items).ok
    (first, second, *_) = DraftReview(draft).payload()["comments"]["relations"]
    assert first == {
        "notes": ["confidence 0.85: kept"],
        "confidence": 0.85,
        "reviewed": "accepted",
        "flagged": False,
    }
    assert second["reviewed"] is None


# -- the loader's verdict, and saving --------------------------------------------------------------------


def test_a_dangling_reference_is_the_loaders_message_with_its_field(draft: Path) -> None:
    review = DraftReview(draft)
    document = copy.deepcopy(review.payload()["document"])
    index = next(i for i, r in enumerate(document["relations"]) if r["from"] == "dass")
    document["roles"] = [r for r in document["roles"] if r["id"] != "dass"]
    verdict = review.validate(document)
    assert not verdict.ok
    assert verdict.field == f"relations[{index}].from" and verdict.message == "unknown body or role 'dass'"
    assert temp_files(draft.parent) == []


def test_a_quote_not_in_its_clause_is_refused_and_nothing_is_written(draft: Path) -> None:
    review = DraftReview(draft)
    before = draft.read_text()
    document = copy.deepcopy(review.payload()["document"])
    document["relations"][0]["quote"] = "words the protocol never says"
    verdict = review.save(document, {})
    assert not verdict.ok and verdict.field == "relations[0].quote"
    assert "does not occur in clause" in verdict.message
    assert draft.read_text() == before and temp_files(draft.parent) == []


def test_saving_writes_the_load_format_keeping_notes_and_unclassified_sentences(tmp_path: Path) -> None:
    out = tmp_path / "marshfield.yaml"
    assert run("extract", FIXTURES / "extract" / "marshfield-cyppb-mscp.txt", "-o", out).exit_code == 0
    review = DraftReview(out)
    payload = review.payload()
    assert payload["trailer"] and payload["trailer"][0].startswith("# Unclassified")
    document = copy.deepcopy(payload["document"])
    document["relations"].pop(0)
    assert review.save(document, {}).ok
    saved = read_protocol(out)
    assert [r.model_dump(by_alias=True, exclude_defaults=True) for r in saved.document.relations] == document[
        "relations"
    ]
    text = out.read_text()
    assert text.startswith("# Draft extracted by `govgraph extract`")
    assert "# Unclassified" in text
    assert run("validate", out).exit_code == 0


def test_an_output_in_another_folder_gets_a_source_path_that_resolves(draft: Path, tmp_path: Path) -> None:
    out = tmp_path / "elsewhere" / "deeper" / "reviewed.yaml"
    out.parent.mkdir(parents=True)
    review = DraftReview(draft, out)
    document = review.payload()["document"]
    text = (draft.parent / document["protocol"]["source"]).resolve()
    verdict = review.save(document, {})
    assert verdict.ok, verdict
    saved = read_protocol(out)
    # The loader reads a source only beside or below its YAML file: the text is copied beside the output.
    assert saved.source_path == out.parent / text.name and saved.source_path != text
    assert saved.source_text == DRAFT_SOURCE.read_text() == text.read_text()
    assert f"copied its source text {text} to {saved.source_path}" in verdict.message
    assert f"# - {text.name} is a copy of {text}" in out.read_text()
    assert temp_files(out.parent) == [] and read_protocol(draft).source_path == text  # the draft as it was
    assert review.payload()["path"] == str(out)  # the page now shows the reviewed file


def test_an_output_above_the_drafts_text_points_at_it_without_a_copy(draft: Path, tmp_path: Path) -> None:
    document = DraftReview(draft).payload()["document"]
    text = (draft.parent / document["protocol"]["source"]).resolve()
    out = tmp_path / "reviewed.yaml"
    verdict = DraftReview(draft, out).save(document, {})
    assert verdict.ok and "copied" not in verdict.message, verdict
    assert f'source: "draft/{text.name}"' in out.read_text() and read_protocol(out).source_path == text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft", "reviewed.yaml"]


def test_a_draft_whose_text_is_outside_its_folder_is_refused_not_read(draft: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text(DRAFT_SOURCE.read_text())
    draft.write_text(re.sub(r'source: ".*"', 'source: "../secret.txt"', draft.read_text()))
    with pytest.raises(InputError) as raised:
        DraftReview(draft).payload()
    assert (
        raised.value.field == "protocol.source" and "must be a file beside or below" in raised.value.message
    )
    out = tmp_path / "elsewhere" / "reviewed.yaml"
    out.parent.mkdir()
    document = parse_yaml(draft, draft.read_text()).data
    verdict = DraftReview(draft, out).save(document, {})
    assert not verdict.ok and verdict.field == "protocol.source"
    assert list(out.parent.iterdir()) == []  # neither the reviewed file nor a copy of the text


# -- the command ---------------------------------------------------------------------------------------


def test_help_explains_the_page_and_its_keys() -> None:
    result = run("review", "--help")
    assert result.exit_code == 0
    for words in ("accept (a)", "reject (r)", "edit (e)", "n / p", "select words", "Load", "127.0.0.1"):
        assert words in result.output, words
    assert "review" in run("--help").output


def test_a_missing_draft_is_one_message_and_exit_2(tmp_path: Path) -> None:
    result = run("review", tmp_path / "nope.yaml")
    assert result.exit_code == 2
    assert result.output.strip() == f"error: {tmp_path / 'nope.yaml'}: file not found"


def test_a_draft_whose_text_is_gone_names_the_field(draft: Path, tmp_path: Path) -> None:
    moved = tmp_path / "moved.yaml"
    moved.write_text(re.sub(r'source: ".*"', 'source: "gone/missing.txt"', draft.read_text()))
    result = run("review", moved)
    assert result.exit_code == 2
    assert "[protocol.source]" in result.output and "file not found" in result.output
    assert "Traceback" not in result.output


def test_malformed_yaml_names_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: govgraph/protocol@1\nprotocol: {id: x\n")
    result = run("review", bad)
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {bad}:") and "malformed YAML" in result.output
