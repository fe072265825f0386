"""Loading is idempotent, and reloading a changed document replaces exactly that document's content."""

from __future__ import annotations

import shutil
from pathlib import Path

from govgraph.graph.queries import cypher
from govgraph.loaders.protocol import read_protocol
from govgraph.loaders.writer import counts_of

from tests.conftest import FIXTURES, LEICESTER, TESTSHIRE, WIRRAL, Cli

COUNTS = "MATCH (n) RETURN count(n) AS nodes, COUNT { ()-[]->() } AS edges"


def copy_fixture(tmp_path: Path, text: str | None = None) -> Path:
    shutil.copy(FIXTURES / "testshire.txt", tmp_path / "testshire.txt")
    path = tmp_path / "testshire.yaml"
    path.write_text(text if text is not None else TESTSHIRE.read_text())
    return path


def test_loading_twice_leaves_identical_graph(empty_db: Cli) -> None:
    first = empty_db("load", TESTSHIRE)
    assert "written" in first.stdout
    before = empty_db.snapshot()
    second = empty_db("load", TESTSHIRE)
    assert "unchanged" in second.stdout
    assert empty_db.snapshot() == before
    forced = empty_db("load", "--force", TESTSHIRE)
    assert "written" in forced.stdout
    assert empty_db.snapshot() == before


def test_reload_of_changed_file_leaves_nothing_stale(bundled: Cli, tmp_path: Path) -> None:
    path = copy_fixture(tmp_path)
    assert bundled("load", path).exit_code == 0
    others = bundled.rows("MATCH (n) WHERE n.area IN ['leicester', 'wirral'] RETURN n.id AS id ORDER BY id")
    other_edges = bundled.value("MATCH (a)-[r]->() WHERE a.area IN ['leicester', 'wirral'] RETURN count(r)")

    text = path.read_text()
    # Drop the forum (and the SUBGROUP_OF edge to it), drop one duty, rename a body.
    text = text.replace(
        "  - {id: tsf, name: Testshire Strategic Forum, kind: strategic_partnership, "
        'aliases: [TSF], clause: "1.2"}\n',
        "",
    )
    text = "\n".join(line for line in text.splitlines() if "tsf" not in line and "tsb-quarterly" not in line)
    text = text.replace("name: Testshire Safeguarding Board,", "name: Testshire Children's Board,")
    path.write_text(text + "\n")
    result = bundled("load", path)
    assert result.exit_code == 0, result.output
    assert "pruned 1" in result.stdout

    assert bundled.value("MATCH (n {id: 'testshire/tsf'}) RETURN count(n)") == 0
    assert (
        bundled.value("MATCH (:Body {id: 'testshire/partnership'})-[r:SUBGROUP_OF]->() RETURN count(r)") == 0
    )
    assert bundled.value("MATCH (d:Duty {area: 'testshire'}) RETURN count(d)") == 1
    assert bundled.value("MATCH (b:Body {id: 'testshire/tsb'}) RETURN b.name") == "Testshire Children's Board"
    assert bundled.value("MATCH (:Body {id: 'testshire/tsb'})-[r:REPORTS_TO]->() RETURN count(r)") == 1
    # Other protocols are untouched.
    assert (
        bundled.rows("MATCH (n) WHERE n.area IN ['leicester', 'wirral'] RETURN n.id AS id ORDER BY id")
        == others
    )
    assert (
        bundled.value("MATCH (a)-[r]->() WHERE a.area IN ['leicester', 'wirral'] RETURN count(r)")
        == other_edges
    )


def test_reload_restores_the_original(empty_db: Cli, tmp_path: Path) -> None:
    assert empty_db("load", TESTSHIRE).exit_code == 0
    original = empty_db.snapshot()
    path = copy_fixture(tmp_path, TESTSHIRE.read_text().replace("frequency: quarterly", "frequency: monthly"))
    assert empty_db("load", path).exit_code == 0
    assert empty_db.value("MATCH ()-[r:REPORTS_TO {frequency: 'monthly'}]->() RETURN count(r)") == 1
    assert empty_db("load", TESTSHIRE).exit_code == 0
    assert empty_db.snapshot() == original


def test_register_reload_replaces_people(empty_db: Cli, tmp_path: Path) -> None:
    register = tmp_path / "members.csv"
    register.write_text((FIXTURES / "testshire-register.csv").read_text())
    assert empty_db("load", TESTSHIRE, register).exit_code == 0
    assert empty_db.value("MATCH (p:Person) RETURN count(p)") == 2
    chair = empty_db.rows(
        "MATCH (p:Person)-[:CHAIRS]->(b:Body) MATCH (p)-[h:HOLDS]->(r:Role) "
        "RETURN p.name AS person, b.id AS body, r.id AS role, toString(h.start) AS start"
    )
    assert chair == [
        {
            "person": "Alex Example",
            "body": "testshire/partnership",
            "role": "testshire/director",
            "start": "2024-01-01",
        }
    ]
    register.write_text(
        "person,role,body,capacity,start,end\n"
        "Alex Example,testshire/director,testshire/partnership,chair,2024-01-01,\n"
    )
    result = empty_db("load", register)
    assert result.exit_code == 0 and "pruned 1" in result.stdout
    assert empty_db.rows("MATCH (p:Person) RETURN p.name AS name") == [{"name": "Alex Example"}]
    assert empty_db.value("MATCH (:Person)-[r:MEMBER_OF]->() RETURN count(r)") == 1


def test_reported_counts_are_what_the_database_holds(bundled: Cli, driver) -> None:  # type: ignore[no-untyped-def]
    """The loader counts a document's content from its rows (no query over shared legislation's edges);
    the database, asked the slow way, must agree."""
    for path in (LEICESTER, WIRRAL):
        batch = read_protocol(path).batch
        records, _, _ = driver.execute_query(cypher("load/document_counts"), source=batch.source)
        assert {r["kind"]: r["count"] for r in records} == counts_of(batch), path
