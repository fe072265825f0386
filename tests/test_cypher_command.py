"""``govgraph cypher``: the analyst's ad hoc question, read-only unless --write."""

from __future__ import annotations

import json

from tests.conftest import TESTSHIRE, Cli


def test_read_mode_refuses_writes(empty_db: Cli) -> None:
    result = empty_db("cypher", "CREATE (:Scratch {id: 'x'})")
    assert result.exit_code == 2
    assert "--write" in result.stderr
    assert empty_db.value("MATCH (n:Scratch) RETURN count(n)") == 0


def test_write_flag_allows_writes(empty_db: Cli) -> None:
    result = empty_db("cypher", "CREATE (n:Scratch {id: 'x'}) RETURN n.id AS id", "--write")
    assert result.exit_code == 0
    assert empty_db.value("MATCH (n:Scratch) RETURN count(n)") == 1


def test_parameters_and_json_rows(empty_db: Cli) -> None:
    assert empty_db("load", TESTSHIRE).exit_code == 0
    result = empty_db(
        "cypher",
        "MATCH (b:Body {id: $id})-[r:REPORTS_TO]->(o) RETURN o.name AS to, r.frequency AS f ORDER BY f",
        "--param",
        "id=testshire/tsb",
        "--format",
        "json",
    )
    assert json.loads(result.stdout) == [
        {"to": "Testshire Partnership", "f": "annual"},
        {"to": "Testshire Partnership", "f": "quarterly"},
    ]


def test_table_format_prints_header_and_row_count(empty_db: Cli) -> None:
    result = empty_db("cypher", "UNWIND [1, 2] AS n RETURN n")
    assert result.stdout.splitlines()[0].strip() == "n"
    assert result.stdout.strip().endswith("(2 rows)")


def test_syntax_error_is_a_message_not_a_traceback(empty_db: Cli) -> None:
    result = empty_db("cypher", "MATCH (n RETURN n")
    assert result.exit_code == 2
    assert "Invalid input" in result.stderr
    assert "Traceback" not in result.output


def test_bad_param_syntax(empty_db: Cli) -> None:
    result = empty_db("cypher", "RETURN $x", "--param", "novalue")
    assert result.exit_code == 2
    assert "KEY=VALUE" in result.output
