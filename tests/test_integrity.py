"""Ids that cannot collide: a document may not make, or change, a node of another kind or document.

Each refusal: exit 2, one line naming both places (file:line [field] and the other file, or the database
with the document the node belongs to), and the database exactly as it was.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, TESTSHIRE, Cli

GOOD = TESTSHIRE.read_text()
REGISTER = (FIXTURES / "testshire-register.csv").read_text()
HEADER = "person,role,body,capacity,start,end\n"
JO = 'people:\n  - {id: jo-bloggs, name: Jo Bloggs, holds: [director], clause: "1.3", quote: Jo Bloggs}\n'


@pytest.fixture
def baseline(empty_db: Cli) -> tuple[Cli, tuple]:
    assert empty_db("load", TESTSHIRE, FIXTURES / "testshire-register.csv").exit_code == 0
    return empty_db, empty_db.snapshot()


def variant(protocol_id: str | None = None, body_tsf: str | None = None) -> str:
    """The good protocol with its protocol id and/or its body 'tsf' (and the relation to it) renamed:
    the one set-up every collision case starts from."""
    text = GOOD
    if protocol_id:
        text = text.replace("id: tsb-partnership", f"id: {protocol_id}", 1)
    if body_tsf:
        text = text.replace("{id: tsf, name:", f"{{id: {body_tsf}, name:").replace(
            "to: tsf,", f"to: {body_tsf},"
        )
    return text


def protocol(tmp_path: Path, text: str, name: str = "other.yaml", jo: bool = False) -> Path:
    source = (FIXTURES / "testshire.txt").read_text()
    if jo:  # the protocol names the Director of Services
        said = "The Director of Services is Chair of the Partnership."
        source = source.replace(said, "The Director of Services (Jo Bloggs) is Chair of the Partnership.")
        text = text.replace(said, "The Director of Services (Jo Bloggs) is Chair of the Partnership.")
        text = text.replace("duties:\n", JO + "duties:\n", 1)
    (tmp_path / "testshire.txt").write_text(source)
    path = tmp_path / name
    path.write_text(text)
    return path


def register(tmp_path: Path, rows: str, name: str = "members.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + rows)
    return path


def refused(cli: Cli, before: tuple, *args: Path, where: str, other: str, says: str) -> str:
    result = cli("load", *args)
    assert result.exit_code == 2, result.output
    message = result.stderr.strip().splitlines()[-1]
    assert message.startswith(f"error: {where}"), message
    assert other in message and says in message, message
    assert "Traceback" not in result.output
    assert cli.snapshot() == before
    return message


def test_a_body_with_the_protocols_id_is_refused(baseline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli, before = baseline
    path = protocol(tmp_path, variant(body_tsf="tsb-partnership"))
    refused(
        cli,
        before,
        path,
        where=f"{path}:17: [bodies[2].id]",
        other="line 4 [protocol.id]",
        says="id 'testshire/tsb-partnership' of this body is also the id of the protocol",
    )


def test_a_body_of_one_protocol_may_not_be_another_protocols_node(baseline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A second protocol of the area names a body after the first protocol: in the database, in one load."""
    cli, before = baseline
    path = protocol(tmp_path, variant(protocol_id="second", body_tsf="tsb-partnership"))
    refused(
        cli,
        before,
        path,
        where=f"{path}:17: [bodies[2].id]",
        other="in the database (from testshire/tsb-partnership (testshire.txt))",
        says="which is also the id of a Protocol",
    )
    cli.wipe()
    first = tmp_path / "first" / "testshire.yaml"
    first.parent.mkdir()
    shutil.copy(TESTSHIRE, first)
    shutil.copy(FIXTURES / "testshire.txt", first.parent)
    refused(
        cli,
        cli.snapshot(),
        first,
        path,
        where=f"{path}:17: [bodies[2].id]",
        other=f"at {first}:4 [protocol.id]",
        says="which is also the id of a Protocol",
    )


def test_a_register_person_named_after_a_body_is_refused(baseline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli, before = baseline
    path = register(tmp_path, "Partnership,testshire/director,,,,\n")
    refused(
        cli,
        before,
        path,
        where=f"{path}:2: [person]",
        other="in the database (from testshire/tsb-partnership (testshire.txt))",
        says="the name 'Partnership' makes the id 'testshire/partnership', which is also the id of a Body",
    )
    assert cli.value("MATCH (n:Person {id: 'testshire/partnership'}) RETURN count(n)") == 0


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("!!!", "'!!!' has no letter or digit to make an id"),
        ("Al\x00ex", "contains a control character (U+0000)"),
    ],
    ids=["no-letters", "nul"],
)
def test_a_register_name_that_makes_no_id_is_refused(baseline, tmp_path: Path, name: str, says: str) -> None:  # type: ignore[no-untyped-def]
    cli, before = baseline
    path = register(tmp_path, f"{name},testshire/director,,,,\n")
    refused(cli, before, path, where=f"{path}:2: [person]", other="", says=says)


def test_two_names_making_one_id_are_refused(baseline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli, before = baseline
    path = register(tmp_path, "Sam Sample,testshire/director,,,,\nSAM  sample,,testshire/tsb,member,,\n")
    refused(
        cli,
        before,
        path,
        where=f"{path}:3: [person]",
        other="'Sam Sample' at line 2",
        says="the name 'SAM  sample' makes the id 'testshire/sam-sample', as does the different name",
    )
    # ... and across files: the database holds 'Alex Example' from testshire-register.csv
    path = register(tmp_path, "alex example,testshire/director,,,,\n", name="more.csv")
    refused(
        cli,
        before,
        path,
        where=f"{path}:2: [person]",
        other="in the database (from testshire/register/testshire-register (testshire-register.csv))",
        says="is also the id made by the different name 'Alex Example'",
    )


def test_a_protocol_person_and_a_register_share_one_person(empty_db: Cli, tmp_path: Path) -> None:
    """The same name in the same area is one person: both documents define it, it stays while one does."""
    path = protocol(tmp_path, GOOD, name="testshire.yaml", jo=True)
    members = register(tmp_path, "Jo Bloggs,testshire/director,testshire/partnership,chair,2024-01-01,\n")
    result = empty_db("load", path, members)
    assert result.exit_code == 0, result.output
    rows = empty_db.rows(
        "MATCH (p:Person) RETURN p.id AS id, p.name AS name, labels(p) AS labels, "
        "COUNT { (p)<-[:DEFINES]-() } AS definers"
    )
    assert rows == [
        {"id": "testshire/jo-bloggs", "name": "Jo Bloggs", "labels": ["Entity", "Person"], "definers": 2}
    ]
    register(tmp_path, "Sam Sample,,testshire/tsb,member,,\n")
    assert empty_db("load", members).exit_code == 0
    assert (
        empty_db.value("MATCH (p:Person {id: 'testshire/jo-bloggs'}) RETURN count { (p)<-[:DEFINES]-() }")
        == 1
    )
    before = empty_db.snapshot()
    other = register(tmp_path, "Jo  Bloggs,testshire/director,,,,\n", name="other.csv")
    refused(
        empty_db,
        before,
        other,
        where=f"{other}:2: [person]",
        other="in the database (from testshire/tsb-partnership (testshire.txt))",
        says="is also the id made by the different name 'Jo Bloggs'",
    )


def test_a_failing_database_is_one_line_and_nothing_written(cli: Cli) -> None:
    """A fault on Neo4j's side (here: a database that does not exist) is one line, exit 1, no traceback."""
    failing = Cli({**cli.env, "GOVGRAPH_NEO4J_DATABASE": "nosuchdatabase"})
    result = failing("load", TESTSHIRE)
    assert result.exit_code == 1, result.output
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and message.startswith("error: "), message
    assert "nothing was loaded" in message or "Nothing of this load is written" in message, message
    assert "Traceback" not in result.output
