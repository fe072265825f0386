"""``govgraph extract`` end to end: drafts that validate and load, and measured against reviewed files.

The bundled Leicester and Wirral protocols are the rules' development set; Northmoor (a Safeguarding
Adults Board with a Community Safety Partnership) and Ashdown (a Safeguarding Children Partnership with a
community safety partnership, in Markdown) are invented fixtures with other names and numbering styles.
Marshfield is a blind fixture: written after the rules, its first figures are recorded in its YAML.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from govgraph.loaders.extract.evaluate import evaluate, text_overlap
from govgraph.loaders.protocol import read_protocol

from govgraph.cli import main
from tests.conftest import BUNDLED, Cli
from tests.test_extract_formats import write_docx_from_text, write_pdf_from_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "extract"
PROTOCOLS = {
    "leicester": (BUNDLED / "leicester-lscb-trust-hwb.txt", BUNDLED / "leicester.yaml"),
    "wirral": (BUNDLED / "wirral-wct-lscb.txt", BUNDLED / "wirral.yaml"),
    "northmoor": (FIXTURES / "northmoor-sab-csp.txt", FIXTURES / "northmoor.yaml"),
    "ashdown": (FIXTURES / "ashdown-scp-sap.md", FIXTURES / "ashdown.yaml"),
}
FLOOR = 0.9
FLOORED = ("relations", "duties", "memberships")  # the measures these fixtures' figures were set on


def extract(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["extract", *[str(a) for a in args]], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def measured(draft: Path, reviewed: Path) -> dict[str, tuple[float, float]]:
    evaluation = evaluate(read_protocol(draft).document, read_protocol(reviewed).document)
    return {s.name: (s.precision, s.recall) for s in evaluation.scores}


@pytest.mark.parametrize("name", sorted(PROTOCOLS))
def test_draft_validates_and_scores_at_least_0_9(name: str, tmp_path: Path) -> None:
    text, reviewed = PROTOCOLS[name]
    draft = tmp_path / f"{name}.yaml"
    code, _, err = extract(text, "-o", draft)
    assert code == 0, err
    result = CliRunner().invoke(main, ["validate", str(draft)])
    assert result.exit_code == 0 and result.stdout.startswith("OK"), result.output
    scores = measured(draft, reviewed)
    assert {"bodies", "roles", "people", "suggestions", "declarations", *FLOORED} <= set(scores)
    for measure in FLOORED:
        precision, recall = scores[measure]
        assert precision >= FLOOR and recall >= FLOOR, (name, measure, precision, recall)


def test_blind_fixture_validates_and_keeps_its_figures(tmp_path: Path) -> None:
    """Marshfield was run blind once (relations 1.00/0.71, duties 0.71/0.83, memberships 0.00/0.00); the
    general gaps it showed were fixed. One duty stays a judgement call: whom 'take account of the
    findings of the yearly report' is owed to, which the sentence does not say."""
    text, reviewed = FIXTURES / "marshfield-cyppb-mscp.txt", FIXTURES / "marshfield.yaml"
    draft = tmp_path / "marshfield.yaml"
    assert extract(text, "-o", draft)[0] == 0
    scores = measured(draft, reviewed)
    assert scores["relations"] == (1.0, 1.0) and scores["memberships"] == (1.0, 1.0)
    assert min(scores["duties"]) >= 0.8


def test_evaluate_prints_the_figures_and_what_was_missed() -> None:
    text, reviewed = PROTOCOLS["wirral"]
    code, out, _ = extract(text, "--evaluate", reviewed)
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split() == ["precision", "recall", "tp", "fp", "fn"]
    names = [row.split()[0] for row in rows if not row.startswith(("missed ", "extra ", "draft "))]
    assert names[:4] == ["bodies", "roles", "people", "relations"]
    assert names.index("relations") < names.index("memberships") < names.index("duties")
    assert "declarations" in names and any(name.startswith("rel:") for name in names)
    assert any(line.startswith("missed ") for line in rows)  # the misses are listed for the reviewer


def test_evaluation_counts_what_a_draft_gets_wrong(tmp_path: Path) -> None:
    """A measure that can fail: a draft with one relation reversed and one duty dropped scores lower."""
    text, reviewed = PROTOCOLS["northmoor"]
    draft = tmp_path / "n.yaml"
    assert extract(text, "-o", draft)[0] == 0
    spoiled = draft.read_text().replace(
        "{type: CONSULTS, from: nsab, to: csp,", "{type: CONSULTS, from: csp, to: nsab,"
    )
    spoiled = spoiled.replace("owner: csp, towards: hwb", "owner: hwb, towards: csp")
    (tmp_path / "spoiled.yaml").write_text(spoiled)
    scores = measured(tmp_path / "spoiled.yaml", reviewed)
    assert scores["relations"][0] < 1.0 and scores["relations"][1] < 1.0
    assert scores["duties"][0] < 1.0 and scores["duties"][1] < 1.0


def test_text_overlap_is_the_shared_run_of_the_longer_text() -> None:
    assert text_overlap("The Board will report.", "The Board will report.") == 1.0
    assert text_overlap("will report", "The Board will report to the Trust each year.") < 0.5
    assert text_overlap("a", "") == 0.0


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_word_and_pdf_drafts_point_at_the_text_written_beside_them(kind: str, tmp_path: Path) -> None:
    text, reviewed = PROTOCOLS["northmoor"]
    writer = write_pdf_from_text if kind == "pdf" else write_docx_from_text
    document = writer(text.read_text(), tmp_path / f"northmoor.{kind}")
    draft = tmp_path / "out" / "draft.yaml"
    code, _, err = extract(document, "-o", draft)
    assert code == 0, err
    assert (tmp_path / "out" / "draft.txt").is_file()
    assert 'source: "draft.txt"' in draft.read_text()
    scores = measured(draft, reviewed)
    for measure in FLOORED:
        precision, recall = scores[measure]
        assert precision >= FLOOR and recall >= FLOOR, (kind, measure, precision, recall)


def test_drafts_are_deterministic_and_carry_review_notes(tmp_path: Path) -> None:
    text, _ = PROTOCOLS["wirral"]
    assert extract(text, "-o", tmp_path / "a.yaml")[0] == 0
    assert extract(text, "-o", tmp_path / "b.yaml")[0] == 0
    first = (tmp_path / "a.yaml").read_text()
    assert first == (tmp_path / "b.yaml").read_text()
    assert "# Review notes:" in first and "'CT' is not defined" in first
    assert "# Unclassified:" in first and "# confidence 0." in first
    assert 'source: "../' in first or 'source: "/' in first or "wirral-wct-lscb.txt" in first


def test_an_extracted_draft_loads_into_neo4j(empty_db: Cli, tmp_path: Path) -> None:
    text, _ = PROTOCOLS["ashdown"]
    draft = tmp_path / "ashdown.yaml"
    assert extract(text, "-o", draft)[0] == 0
    result = empty_db("load", draft)
    assert result.exit_code == 0, result.output
    chairs = empty_db.rows(
        "MATCH (r:Role)-[c:CHAIRS]->(b:Body {id: 'ashdown/sap'}) RETURN r.name AS chair ORDER BY chair"
    )
    assert {row["chair"] for row in chairs} == {"Chair of SAP", "Cabinet Member for Communities"}
    owed = empty_db.value(
        "MATCH (:Body {id: 'ashdown/sap'})-[:OWES]->(d:Duty)-[:STATED_IN]->(c:Clause) RETURN count(d)"
    )
    assert owed == 3
