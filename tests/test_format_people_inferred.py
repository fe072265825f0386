"""The load format's people named by the protocol itself, and relations marked as inferred."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURES, TESTSHIRE, Cli

PEOPLE = """people:
  - {id: jo-bloggs, name: Jo Bloggs, holds: [director], clause: "1.3", quote: Jo Bloggs}
"""
INFERRED = (
    '  - {type: OVERSEES, from: partnership, to: tsb, clause: "1.2", quote: "The Partnership", '
    "inferred: true, reason: the reviewer reads the Partnership's role as oversight}\n"
)


def _document(tmp_path: Path, text: str) -> Path:
    source = (
        (FIXTURES / "testshire.txt")
        .read_text()
        .replace(
            "The Director of Services is Chair of the Partnership.",
            "The Director of Services (Jo Bloggs) is Chair of the Partnership.",
        )
    )
    (tmp_path / "testshire.txt").write_text(source)
    text = text.replace(
        "The Director of Services is Chair of the Partnership.",
        "The Director of Services (Jo Bloggs) is Chair of the Partnership.",
    )
    path = tmp_path / "testshire.yaml"
    path.write_text(text)
    return path


def _with(extra_people: str = "", extra_relation: str = "") -> str:
    text = TESTSHIRE.read_text().replace("duties:\n", extra_people + "duties:\n", 1)
    return text.replace("declarations:\n", extra_relation + "declarations:\n", 1)


def test_people_named_in_the_protocol_hold_their_roles(empty_db: Cli, tmp_path: Path) -> None:
    path = _document(tmp_path, _with(extra_people=PEOPLE))
    result = empty_db("load", path)
    assert result.exit_code == 0, result.output
    rows = empty_db.rows(
        "MATCH (p:Person)-[h:HOLDS]->(r:Role) "
        "RETURN p.id AS person, p.name AS name, r.id AS role, h.clause AS c"
    )
    assert rows == [
        {
            "person": "testshire/jo-bloggs",
            "name": "Jo Bloggs",
            "role": "testshire/director",
            "c": "testshire/tsb-partnership/1.3",
        }
    ]


def test_a_person_holding_an_unknown_role_is_refused(empty_db: Cli, tmp_path: Path) -> None:
    path = _document(tmp_path, _with(extra_people=PEOPLE.replace("[director]", "[chief]")))
    result = empty_db("load", path)
    assert result.exit_code == 2
    assert "people[0].holds[0]" in result.output and "unknown role 'chief'" in result.output
    assert empty_db.value("MATCH (n) RETURN count(n)") == 0


def test_a_person_id_taken_by_a_body_is_refused(empty_db: Cli, tmp_path: Path) -> None:
    path = _document(tmp_path, _with(extra_people=PEOPLE.replace("id: jo-bloggs", "id: tsb")))
    result = empty_db("load", path)
    assert result.exit_code == 2
    assert "duplicate body, role or person 'tsb'" in result.output


def test_inferred_relations_are_marked_and_stated_ones_are_not(empty_db: Cli, tmp_path: Path) -> None:
    path = _document(tmp_path, _with(extra_relation=INFERRED))
    result = empty_db("load", path)
    assert result.exit_code == 0, result.output
    rows = empty_db.rows(
        "MATCH (a)-[r:OVERSEES|SUBGROUP_OF]->(b) RETURN type(r) AS type, r.inferred AS inferred, "
        "r.reason AS reason ORDER BY type"
    )
    assert rows == [
        {
            "type": "OVERSEES",
            "inferred": True,
            "reason": "the reviewer reads the Partnership's role as oversight",
        },
        {"type": "SUBGROUP_OF", "inferred": None, "reason": None},
    ]


def test_an_inferred_relation_needs_a_reason(empty_db: Cli, tmp_path: Path) -> None:
    line = INFERRED.replace(", reason: the reviewer reads the Partnership's role as oversight", "")
    path = _document(tmp_path, _with(extra_relation=line))
    result = empty_db("load", path)
    assert result.exit_code == 2
    assert "an inferred relation needs a 'reason'" in result.output
    assert empty_db.value("MATCH (n) RETURN count(n)") == 0
