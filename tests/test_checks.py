"""The check engine and ``govgraph check``: rule files and their header, the one row shape, thresholds and
exit codes, the four formats, and the async runner the API uses.
"""

from __future__ import annotations

import asyncio
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from govgraph.graph.checks import (
    COLUMNS,
    ClauseRef,
    EdgeRef,
    Leg,
    NodeRef,
    RuleError,
    UnknownRule,
    bundled_rules,
    load_rules,
    parse_rule,
    run_checks,
    run_checks_async,
    select_rules,
)
from govgraph.graph.connection import resolve_target
from govgraph.graph.settings import Settings
from neo4j import AsyncGraphDatabase, Driver

from govgraph import check_reports
from tests.conftest import ROOT, Cli

HEADER = """\
// id: lay-members
// title: Lay members are listed
// severity: info
// citation: Working Together: lay members on the board
// rationale: A made-up rule for the tests; lists each lay member
//   so a test can see a validator's own rule run.
"""
QUERY = """\
MATCH p = (m)-[e:MEMBER_OF {capacity: 'lay_member'}]->(b:Body)
WHERE $area IS NULL OR b.area = $area
MATCH (c:Clause {id: e.clause})-[:PART_OF]->(doc:Protocol)
RETURN 'lay-members' AS rule, 'info' AS severity, b.area AS area, 'failed' AS status,
  m.name + ' is a lay member' AS message,
  [m, b] AS subjects, p AS path, [{clause: c, protocol: doc, quote: e.quote}] AS clauses
"""


def rules_dir(tmp_path: Path, text: str, name: str = "lay-members") -> Path:
    (tmp_path / f"{name}.cypher").write_text(text, encoding="utf-8")
    (tmp_path / "README.md").write_text("not a rule", encoding="utf-8")  # ignored: not *.cypher
    return tmp_path


# -- rule files (no database needed) ----------------------------------------------------------------------


def test_every_bundled_rule_has_a_valid_header_named_after_its_file() -> None:
    rules = load_rules()
    assert [r.id for r in rules] == [
        "approval-power",
        "chairs-separate",
        "conflict-of-interest",
        "independent-chair",
        "membership-capacity",
        "no-direction-power",
        "no-subordination",
        "one-way-accountability",
        "overlapping-membership",
    ]
    assert {r.severity.value for r in rules} == {"error", "warning", "info"}
    for rule in rules:
        assert rule.title and rule.citation and rule.rationale, rule.id
        assert all(f" AS {column}" in rule.text or f"{column}," in rule.text for column in COLUMNS), rule.id
    assert (bundled_rules() / "support").is_dir()  # the engine's own statements are not rules


def test_a_header_value_continues_on_indented_comment_lines(tmp_path: Path) -> None:
    (rule,) = load_rules(rules_dir(tmp_path, HEADER + QUERY))
    assert rule.rationale.endswith("lists each lay member so a test can see a validator's own rule run.")
    assert rule.return_line == 10  # six header lines, then MATCH, WHERE, MATCH, RETURN (two lines)


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "message"),
    [
        ("// severity: info\n", "", 1, "severity", "header field 'severity' is missing"),
        ("// severity: info\n", "// severty: info\n", 1, "severity", "(is 'severty' a typo?)"),
        ("// severity: info\n", "// severity: fatal\n", 3, "severity", "'fatal' is not one of error, warn"),
        ("// title: Lay members are listed\n", "// title:\n", 2, "title", "header field 'title' is empty"),
        ("// id: lay-members\n", "// id: lay_members\n", 1, "id", "must be lower-case words joined by"),
        (
            "// id: lay-members\n",
            "// id: lay-member\n",
            1,
            "id",
            "differs from the file's name 'lay-members'",
        ),
        ("// severity: info\n", "// severity: info\n// severity: error\n", 4, "severity", "given twice"),
    ],
)
def test_a_malformed_header_is_refused_naming_file_line_and_field(
    tmp_path: Path, old: str, new: str, line: int, field: str, message: str
) -> None:
    folder = rules_dir(tmp_path, (HEADER + QUERY).replace(old, new, 1))
    with pytest.raises(RuleError) as caught:
        load_rules(folder)
    assert (caught.value.line, caught.value.field) == (line, field)
    assert message in caught.value.message
    assert str(caught.value).startswith(f"{folder / 'lay-members.cypher'}:{line}: [{field}] ")


def test_a_rules_directory_must_hold_rules(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="holds no rule files"):
        load_rules(tmp_path)
    with pytest.raises(RuleError, match="is not a directory"):
        load_rules(tmp_path / "missing")
    (tmp_path / "empty.cypher").write_text(HEADER.replace("lay-members", "empty"), encoding="utf-8")
    with pytest.raises(RuleError, match="has a header but no query"):
        load_rules(tmp_path)
    (tmp_path / "empty.cypher").write_bytes(b"// id: \xff\n")
    with pytest.raises(RuleError, match="is not UTF-8"):
        load_rules(tmp_path)


def test_rules_are_selected_by_id_and_an_unknown_one_is_refused() -> None:
    rules = load_rules()
    assert [r.id for r in select_rules(rules, ["no-subordination", "approval-power"])] == [
        "approval-power",
        "no-subordination",
    ]
    with pytest.raises(UnknownRule, match="unknown rule 'no-such-rule' \\(known: approval-power, "):
        select_rules(rules, ["no-such-rule"])
    # issue 10: every unknown id is named, not only the first, and none of the known ones runs alone
    with pytest.raises(UnknownRule, match="unknown rules 'nope', 'reports_to' \\(known: approval-power, "):
        select_rules(rules, ["nope", "approval-power", "reports_to"])


def test_a_leg_draws_each_edge_the_way_it_points() -> None:
    a, b, c = NodeRef("x/a", "A", "Body"), NodeRef("x/b", "B", "Body"), NodeRef("x/c", "C", "Body")
    leg = Leg((a, b, c), (EdgeRef("1", "SUBGROUP_OF", "x/a", "x/b"), EdgeRef("2", "DIRECTS", "x/c", "x/b")))
    assert leg.text() == "A -SUBGROUP_OF-> B <-DIRECTS- C"
    assert parse_rule(HEADER + QUERY, "inline").id == "lay-members"  # no file name, no name check


# -- rules against the database ---------------------------------------------------------------------------


def test_a_validators_own_rule_runs_from_its_directory(bundled: Cli, tmp_path: Path) -> None:
    folder = rules_dir(tmp_path, HEADER + QUERY)
    result = bundled("check", "--rules-dir", folder, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [r["id"] for r in report["rules"]] == ["lay-members"]
    assert sorted(f["message"] for f in report["findings"]) == [
        "Children in Care Council is a lay member",
        "Lay member is a lay member",
    ]


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        (
            "RETURN 1 AS x",
            "returns",
            "wrong columns (missing rule, severity, area, status, message, subjects,",
        ),
        (QUERY.replace("'failed' AS status", "'ok' AS status"), "status", "row 1: status 'ok' is not one of"),
        (QUERY.replace("'info' AS severity", "'fatal' AS severity"), "severity", "row 1: severity 'fatal'"),
        (QUERY.replace("'info' AS severity", "'error' AS severity"), "severity", "above the header's 'info'"),
        (QUERY.replace("'lay-members' AS rule", "'x' AS rule"), "rule", "'rule' is 'x', not the header's id"),
        (
            QUERY.replace("[m, b] AS subjects", "m.name AS subjects"),
            "subjects",
            "list of nodes or {id, name, label} maps, not str",
        ),
        (
            QUERY.replace("p AS path", "[1] AS path"),
            "path",
            "a path, a list of paths (or {nodes, edges} maps) or null, not list",
        ),
        (QUERY.replace("[{clause: c,", "[{clause: c.id,"), "clauses", "each of 'clauses' must be {clause"),
    ],
)
def test_a_rule_returning_the_wrong_shape_is_refused(
    bundled: Cli, driver: Driver, tmp_path: Path, query: str, field: str, message: str
) -> None:
    folder = rules_dir(tmp_path, HEADER + query)
    with pytest.raises(RuleError) as caught:
        run_checks(driver, rules_dir=folder)
    assert caught.value.field == field
    assert message in caught.value.message


COLLECTED = (  # QUERY with its rows returned as one list of maps, as the bundled rules return them
    "CALL () {\n"
    + QUERY
    + "}\nRETURN collect({rule: rule, severity: severity, area: area, status: status, message: message,"
    + " subjects: subjects, path: path, clauses: clauses}) AS rows\n"
)


def test_a_rule_may_return_its_rows_as_one_list_of_maps(bundled: Cli, driver: Driver, tmp_path: Path) -> None:
    (tmp_path / "rows").mkdir()
    (tmp_path / "list").mkdir()
    as_rows = run_checks(driver, rules_dir=rules_dir(tmp_path / "rows", HEADER + QUERY))
    as_list = run_checks(driver, rules_dir=rules_dir(tmp_path / "list", HEADER + COLLECTED))
    assert len(as_list) == 2 and as_list == as_rows


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        (
            COLLECTED.replace(" message: message,", ""),
            "returns",
            "row 1: returns the wrong columns (missing message); a rule returns rule,",
        ),
        (
            COLLECTED.replace("clauses: clauses}", "clauses: clauses, extra: 1}"),
            "returns",
            "row 1: returns the wrong columns (unexpected extra)",
        ),
        (
            COLLECTED.replace("collect({", "collect([{").replace("}) AS rows", "}]) AS rows"),
            "rows",
            "row 1: each of 'rows' must be a map, not list",
        ),
        (COLLECTED.replace("collect({", "count({"), "rows", "'rows' must be a list of maps, not int"),
        (
            COLLECTED.replace("'failed' AS status", "'ok' AS status"),
            "status",
            "row 1: status 'ok' is not one of",
        ),
    ],
)
def test_a_rule_returning_a_wrong_list_of_rows_is_refused(
    bundled: Cli, driver: Driver, tmp_path: Path, query: str, field: str, message: str
) -> None:
    with pytest.raises(RuleError) as caught:
        run_checks(driver, rules_dir=rules_dir(tmp_path, HEADER + query))
    assert caught.value.field == field
    assert message in caught.value.message, caught.value.message


def test_a_rule_neo4j_refuses_is_reported_with_its_line(bundled: Cli, driver: Driver, tmp_path: Path) -> None:
    folder = rules_dir(tmp_path, HEADER + QUERY.replace("WHERE $area", "WHERE WHERE $area"))
    with pytest.raises(RuleError, match="Neo4j refused the rule: ") as caught:
        run_checks(driver, rules_dir=folder)
    assert caught.value.line == 8


def test_a_rule_cannot_write(bundled: Cli, driver: Driver, tmp_path: Path) -> None:
    before = bundled.snapshot()
    folder = rules_dir(tmp_path, HEADER + "CREATE (:Body {id: 'x/y'})\n" + QUERY.split("\n", 1)[1])
    result = bundled("check", "--rules-dir", folder)
    assert result.exit_code == 2
    assert "Neo4j refused the rule" in result.stderr and "Traceback" not in result.output
    assert bundled.snapshot() == before


def test_the_cli_refuses_a_malformed_rule_file_before_touching_neo4j(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from govgraph.cli import main

    folder = rules_dir(tmp_path, (HEADER + QUERY).replace("severity: info", "severity: fatal"))
    env = {"GOVGRAPH_NEO4J_URI": "bolt://127.0.0.1:9", "GOVGRAPH_NEO4J_PASSWORD": "x"}  # nothing listens
    result = CliRunner().invoke(main, ["check", "--rules-dir", str(folder)], env=env)
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {folder / 'lay-members.cypher'}:3: [severity] severity 'fatal' is not one of error, "
        "warning, info\n"
    )


# -- thresholds, areas, rules and exit codes --------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "status"),
    [
        ([], 0),  # the bundled findings are warnings and info
        (["--fail-on", "warning"], 1),
        (["--fail-on", "warning", "--area", "leicester", "--rule", "overlapping-membership"], 0),  # info only
        (["--fail-on", "warning", "--area", "leicester", "--rule", "independent-chair"], 1),  # unverified
        (["--fail-on", "warning", "--rule", "no-direction-power,one-way-accountability"], 0),
        (["--fail-on", "warning", "--rule", "no-direction-power", "--rule", "approval-power"], 1),
    ],
)
def test_exit_status_follows_the_threshold(bundled: Cli, args: list[str], status: int) -> None:
    assert bundled("check", *args).exit_code == status


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--area", "nowhere"], "error: unknown area 'nowhere' (the graph holds: leicester, wirral)"),
        (["--rule", "no-such-rule"], "error: unknown rule 'no-such-rule' (known: approval-power,"),
        (["--rule", "nope,approval-power", "--rule", "NOPE"], "error: unknown rules 'nope', 'NOPE' (known: "),
        (["--rules-dir", "/nonexistent"], "error: /nonexistent: is not a directory of rule files"),
        (["--format", "yaml"], "Invalid value for '--format'"),
        (["--fail-on", "info"], "Invalid value for '--fail-on'"),
    ],
)
def test_usage_and_input_errors_exit_2_with_a_message(bundled: Cli, args: list[str], message: str) -> None:
    result = bundled("check", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_an_empty_graph_is_not_a_clean_pass(empty_db: Cli) -> None:
    result = empty_db("check")
    assert result.exit_code == 2
    assert "the graph holds no protocols to check" in result.stderr


def test_an_unreachable_neo4j_cannot_be_checked(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from govgraph.cli import main

    env = {"GOVGRAPH_NEO4J_URI": "bolt://127.0.0.1:9", "GOVGRAPH_NEO4J_PASSWORD": "x"}
    result = CliRunner().invoke(main, ["check"], env=env)
    assert result.exit_code == 2  # not 1: that means findings
    assert "does not answer" in result.stderr


def test_list_rules_needs_no_database() -> None:
    from click.testing import CliRunner

    from govgraph.cli import main

    env = {"GOVGRAPH_NEO4J_URI": "bolt://127.0.0.1:9"}
    result = CliRunner().invoke(main, ["check", "--list-rules"], env=env)
    assert result.exit_code == 0
    lines = [line.split(None, 2) for line in result.stdout.splitlines()]
    assert len(lines) == 9
    assert lines[6] == [
        "no-subordination",
        "error",
        "No body is subordinate to another where the protocol says it is not",
    ]


# -- formats ----------------------------------------------------------------------------------------------


def test_json_has_every_finding_with_ids_clauses_and_path(bundled: Cli) -> None:
    result = bundled("check", "--format", "json", "--area", "wirral", "--rule", "approval-power")
    report = json.loads(result.stdout)
    assert report["counts"] == {"error": 0, "warning": 1, "info": 0}
    assert report["failed"] is False and report["threshold"] == "error"
    (finding,) = report["findings"]
    assert finding["subjects"] == [
        {"id": "wirral/wct", "name": "Wirral Children's Trust", "label": "Body"},
        {"id": "wirral/lscb", "name": "Wirral Local Safeguarding Children Board", "label": "Body"},
    ]
    assert [n["id"] for n in finding["path"]["nodes"]] == ["wirral/wct", "wirral/lscb"]
    (edge,) = finding["path"]["edges"]
    assert (edge["type"], edge["start"], edge["end"], edge["clause"]) == (
        "SEEKS_APPROVAL_FROM",
        "wirral/wct",
        "wirral/lscb",
        "wirral/wct-lscb/4.5",
    )
    assert [(c["ref"], c["line"]) for c in finding["clauses"]] == [("2.1", 9), ("4.5", 35)]


def test_json_has_every_rule_and_area_outcome(bundled: Cli) -> None:
    report = json.loads(bundled("check", "--format", "json").stdout)
    assert report["outcomes"] == {"passed": 5, "failed": 7, "unverified": 6}
    outcome = {(r["area"], r["rule"]): r for r in report["results"]}
    assert len(outcome) == 18
    chair = outcome[("leicester", "independent-chair")]
    assert chair["status"] == "unverified" and chair["findings"] == 1
    assert chair["reason"].startswith("no person is recorded as holding the post of Chair of the LSCB")
    passed = outcome[("leicester", "one-way-accountability")]
    assert (passed["status"], passed["reason"]) == ("passed", None)
    assert passed["examined"] == [
        "2 reporting lines are answered by a response, a challenge or a report back (or run within a body)"
    ]
    assert {f["status"] for f in report["findings"] if f["rule"] == "chairs-separate"} == {"unverified"}
    assert report["rules"][0]["unexamined"].startswith("no protocol of this area declares a relationship")


def test_a_validators_rule_that_finds_nothing_to_examine_is_unverified_not_passed(
    bundled: Cli, tmp_path: Path
) -> None:
    folder = rules_dir(tmp_path, HEADER + QUERY)
    report = json.loads(bundled("check", "--rules-dir", folder, "--format", "json").stdout)
    outcome = {r["area"]: (r["status"], r["reason"]) for r in report["results"]}
    assert outcome == {  # Leicester records no lay members; without a passed row, nothing shows it looked
        "leicester": ("unverified", "the rule found nothing in this area to examine"),
        "wirral": ("failed", None),
    }


def test_junit_has_one_case_per_rule_and_area(bundled: Cli) -> None:
    result = bundled("check", "--format", "junit", "--fail-on", "warning")
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout)
    assert (root.get("tests"), root.get("failures"), root.get("skipped")) == ("18", "5", "6")
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert sorted(suites) == ["leicester", "wirral"]
    failed = {c.get("name") for c in suites["wirral"].iter("testcase") if c.find("failure") is not None}
    assert failed == {"no-subordination", "conflict-of-interest", "approval-power", "membership-capacity"}
    cases = {c.get("name"): c for c in suites["leicester"].iter("testcase")}
    overlap = cases["overlapping-membership"]
    assert overlap.find("failure") is None and "Chair of the LSCB" in overlap.findtext("system-out")
    # issue 10: what a rule could not examine is skipped, with the reason, never a silent pass
    skipped = {
        c.get("name"): c.find("skipped").get("message")
        for c in cases.values()
        if c.find("skipped") is not None
    }
    assert sorted(skipped) == ["approval-power", "chairs-separate", "independent-chair"]
    assert skipped["independent-chair"].startswith(
        "unverified: no person is recorded as holding the post of Chair"
    )
    assert suites["leicester"].get("skipped") == "3"


def test_sarif_points_at_the_protocol_text_and_clause_line(
    bundled: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    result = bundled("check", "--format", "sarif", "--source-dir", "examples/protocols", "--area", "wirral")
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0"
    (run,) = sarif["runs"]
    assert len(run["tool"]["driver"]["rules"]) == 9
    subordination = next(r for r in run["results"] if r["ruleId"] == "no-subordination")
    assert subordination["level"] == "warning"
    location = subordination["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "examples/protocols/wirral-wct-lscb.txt"}
    assert location["region"] == {"startLine": 9}
    related = subordination["relatedLocations"][0]
    assert related["physicalLocation"]["region"] == {"startLine": 31}
    assert related["message"]["text"].startswith('clause 4.1: "It is a thematic group of the Local')
    assert {r["level"] for r in run["results"]} == {"warning", "note"}
    assert len({r["partialFingerprints"]["govgraphFinding/v1"] for r in run["results"]}) == len(
        run["results"]
    )
    # issue 10: unverified is a notification, not a result (nothing was found) and not a silent pass
    assert "chairs-separate" not in {r["ruleId"] for r in run["results"]}
    notes = {n["associatedRule"]["id"]: n for n in run["invocations"][0]["toolExecutionNotifications"]}
    assert sorted(notes) == ["chairs-separate", "independent-chair", "no-direction-power"]
    chairs = notes["chairs-separate"]
    assert chairs["level"] == "warning" and chairs["properties"] == {"area": "wirral", "status": "unverified"}
    assert chairs["message"]["text"].startswith("chairs-separate could not verify wirral: no chair of Wirral")
    assert chairs["locations"][0]["physicalLocation"]["region"] == {"startLine": 11}  # 2.3
    assert "locations" not in notes["independent-chair"]  # nothing to point at: no declaration


def test_sarif_uses_the_path_each_protocol_was_loaded_from(
    bundled: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def uri() -> dict[str, str]:
        result = bundled("check", "--format", "sarif", "--rule", "approval-power")
        run = json.loads(result.stdout)["runs"][0]
        return run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]

    monkeypatch.chdir(ROOT)
    assert uri() == {"uri": "examples/protocols/wirral-wct-lscb.txt"}  # relative, as code scanning wants
    monkeypatch.chdir(tmp_path)
    assert uri() == {"uri": (ROOT / "examples/protocols/wirral-wct-lscb.txt").as_uri()}


def test_sarif_names_a_text_known_only_by_its_file_name_under_a_base_id() -> None:
    clause = ClauseRef("a/p/1", "1", "1", 3, None, "a/p", "p.txt", source_path=None)
    assert check_reports._artifact(clause, None) == {"uri": "p.txt", "uriBaseId": "PROTOCOLS"}
    assert check_reports._artifact(clause, Path("/srv/texts")) == {"uri": "file:///srv/texts/p.txt"}


# -- the engine as the API calls it -----------------------------------------------------------------------


def test_area_and_severity_filters(bundled: Cli, driver: Driver) -> None:
    assert {f.area for f in run_checks(driver, area="leicester")} == {"leicester"}
    assert {f.severity.value for f in run_checks(driver, min_severity="warning")} == {"warning"}
    assert run_checks(driver, area="nowhere") == []
    with driver.session() as session:
        assert run_checks(session, rules=["approval-power"]) == run_checks(driver, rules=["approval-power"])


def test_the_async_runner_gives_the_same_findings(bundled: Cli, driver: Driver, server_home: Path) -> None:
    target = resolve_target(Settings(home=server_home))

    async def run() -> list:
        async with AsyncGraphDatabase.driver(target.uri, auth=(target.user, target.password)) as adriver:
            return await run_checks_async(adriver, area="wirral", min_severity="info")

    assert asyncio.run(run()) == run_checks(driver, area="wirral")
