"""The GraphQL API, through real HTTP, against the real Neo4j holding the bundled protocols."""

from __future__ import annotations

import json
import re

import httpx
from govgraph.api.export_schema import SCHEMA_FILE, schema_text
from govgraph.graph.checks import load_rules

from tests.conftest import HttpApp


def test_schema_file_matches_the_code() -> None:
    assert SCHEMA_FILE.read_text() == schema_text(), "run `make schema` and commit api/schema.graphql"


def test_health_and_readiness(api: HttpApp) -> None:
    assert httpx.get(f"{api.url}/healthz").json() == {"status": "ok"}
    ready = httpx.get(f"{api.url}/readyz", timeout=120)  # the first call plans the warm-up statements
    assert ready.status_code == 200 and ready.json() == {"status": "ready"}


def test_areas_and_protocols(api: HttpApp) -> None:
    data = api.data(
        "{ areas { totalCount nodes { id name protocols { id } } } "
        'protocols(area: "wirral") { totalCount nodes { title sourceFile } } }'
    )
    assert [a["id"] for a in data["areas"]["nodes"]] == ["leicester", "testshire", "wirral"]
    assert data["areas"]["nodes"][2]["protocols"] == [{"id": "wirral/wct-lscb"}]
    assert data["protocols"]["nodes"] == [
        {
            "title": "Protocol Between Wirral Children's Trust and Wirral Local Safeguarding Children Board",
            "sourceFile": "wirral-wct-lscb.txt",
        }
    ]


def test_protocol_with_clauses_and_parties(api: HttpApp) -> None:
    data = api.data(
        '{ protocol(id: "leicester/lscb-trust-hwb") { parties { id } approvedBy { name } '
        "clauses { id number line } declarations { kind bodies { id } } } }"
    )["protocol"]
    assert [p["id"] for p in data["parties"]] == ["leicester/hwb", "leicester/lscb", "leicester/trust"]
    assert len(data["clauses"]) == 42
    assert data["clauses"][-1] == {
        "id": "leicester/lscb-trust-hwb/approvals-d",
        "number": "approvals-d",
        "line": 80,
    }
    assert {d["kind"] for d in data["declarations"]} == {
        "independent",
        "no_direction_power",
        "separate_accountability",
    }
    assert api.data('{ protocol(id: "nowhere/x") { id } }') == {"protocol": None}


def test_body_relations_each_carry_clause_and_protocol(api: HttpApp) -> None:
    body = api.data("""{ body(id: "leicester/lscb") {
        id name kind area independent aliases
        reportsTo { body { id } what frequency clause { id number text protocol { id title } } }
        reportedToBy { body { id } } challenges { body { id } } challengedBy { body { id } }
        consults { body { id } } consultedBy { body { id } } subgroupOf { body { id } }
        subgroups { body { id } } dutiesOwed { id } dutiesOwedTo { id } chairs { role { name } }
        members { member { name } capacity } } }""")["body"]
    assert body["independent"] is True and body["kind"] == "safeguarding_board"
    to_hwb = [r for r in body["reportsTo"] if r["body"]["id"] == "leicester/hwb"]
    assert to_hwb == [
        {
            "body": {"id": "leicester/hwb"},
            "what": "annual report",
            "frequency": "annual",
            "clause": {
                "id": "leicester/lscb-trust-hwb/4j",
                "number": "4j",
                "text": "Submit its annual report to the H&WB for scrutiny, discussion and challenge.",
                "protocol": {
                    "id": "leicester/lscb-trust-hwb",
                    "title": body["reportsTo"][0]["clause"]["protocol"]["title"],
                },
            },
        }
    ]
    assert {"body": {"id": "leicester/trust"}} in body["consultedBy"]
    assert body["subgroups"] == [{"body": {"id": "leicester/lscb-executive-group"}}]
    assert body["chairs"] == [{"role": {"name": "Chair of the LSCB"}}]
    assert {"member": {"name": "Chair of the Trust"}, "capacity": "member"} in body["members"]
    assert len(body["dutiesOwed"]) == 9 and len(body["dutiesOwedTo"]) == 8


def test_wirral_lead_member_chairs_wct(api: HttpApp) -> None:
    data = api.data(
        '{ body(id: "wirral/wct") { chairs { role { id name postOf { id } } clause { number } } '
        "subgroupOf { body { name } clause { number } } } }"
    )["body"]
    assert data["chairs"] == [
        {
            "role": {
                "id": "wirral/lead-member",
                "name": "Lead Member for Children's Services",
                "postOf": {"id": "wirral/la"},
            },
            "clause": {"number": "2.5"},
        }
    ]
    assert data["subgroupOf"] == [
        {"body": {"name": "Local Strategic Partnership"}, "clause": {"number": "4.1"}}
    ]


def test_bodies_filtered_by_kind(api: HttpApp) -> None:
    data = api.data('{ bodies(kind: "safeguarding_board") { totalCount nodes { id } } }')["bodies"]
    assert data["totalCount"] == 3
    assert [n["id"] for n in data["nodes"]] == ["leicester/lscb", "testshire/tsb", "wirral/lscb"]


def test_people_person_and_chairs_through_roles(api: HttpApp) -> None:
    people = api.data('{ people(area: "testshire") { totalCount nodes { id name } } }')["people"]
    assert people["nodes"] == [
        {"id": "testshire/alex-example", "name": "Alex Example"},
        {"id": "testshire/sam-sample", "name": "Sam Sample"},
    ]
    alex = api.data(
        '{ person(id: "testshire/alex-example") { roles { role { id } start end } '
        "memberships { body { id } capacity } chairs { id } } }"
    )["person"]
    assert alex == {
        "roles": [{"role": {"id": "testshire/director"}, "start": "2024-01-01", "end": None}],
        "memberships": [{"body": {"id": "testshire/partnership"}, "capacity": "chair"}],
        "chairs": [{"id": "testshire/partnership"}],
    }
    chairs = api.data('{ body(id: "testshire/partnership") { chairs { role { id } person { name } } } }')
    assert {"role": {"id": "testshire/director"}, "person": {"name": "Alex Example"}} in chairs["body"][
        "chairs"
    ]


def test_role_and_relation_ids(api: HttpApp) -> None:
    role = api.data('{ role(id: "wirral/lead-member") { name chairs { id } relations { id type } } }')["role"]
    assert role["name"] == "Lead Member for Children's Services" and role["chairs"] == [{"id": "wirral/wct"}]
    chairs = [r for r in role["relations"] if r["type"] == "CHAIRS"]
    assert chairs == [
        {"id": "wirral/wct-lscb|CHAIRS|wirral/lead-member|wirral/wct|wirral/wct-lscb/2.5", "type": "CHAIRS"}
    ]
    assert api.data('{ role(id: "wirral/wct") { id } }') == {"role": None}


def test_roles(api: HttpApp) -> None:
    roles = api.data(
        '{ roles(area: "wirral", first: 100) { totalCount nodes { id holders { person { id } } } } }'
    )
    assert roles["roles"]["totalCount"] == 6
    assert "wirral/dcs" in [r["id"] for r in roles["roles"]["nodes"]]


def test_shared_members(api: HttpApp) -> None:
    data = api.data(
        '{ sharedMembers(a: "wirral/wct", b: "wirral/lscb") { totalCount '
        "nodes { member { id } inA { capacity } inB { capacity clause { number } } } } }"
    )
    shared = {n["member"]["id"]: n for n in data["sharedMembers"]["nodes"]}
    assert set(shared) == {"wirral/dcs", "wirral/director-strategic-partnerships", "wirral/lead-member"}
    lead = shared["wirral/lead-member"]
    assert sorted(m["capacity"] for m in lead["inA"]) == ["chair", "member"]
    assert sorted(m["capacity"] for m in lead["inB"]) == ["member", "participant_observer"]
    assert "No body has the id" in api.error('{ sharedMembers(a: "wirral/wct", b: "x/y") { totalCount } }')


def test_duties_filters_and_text_search(api: HttpApp) -> None:
    data = api.data(
        '{ duties(owner: "leicester/trust", towards: "leicester/lscb", kind: "responding") '
        "{ totalCount nodes { text owner { name } towards { name } clause { number } } } }"
    )["duties"]
    assert data["totalCount"] == 1
    assert data["nodes"][0]["text"].startswith("Respond formally to issues brought to it by the LSCB")
    found = api.data('{ duties(area: "leicester", text: "annual report") { totalCount nodes { text } } }')
    texts = [n["text"] for n in found["duties"]["nodes"]]
    assert texts and all("annual report" in t.lower() for t in texts[:2])
    # Lucene operators in the user's words are text, not syntax.
    assert api.data('{ duties(text: "report) OR (* AND") { totalCount } }')["duties"]["totalCount"] >= 0


def test_accountability_paths(api: HttpApp) -> None:
    data = api.data("""{
        accountabilityPaths(from: "testshire/alex-example", to: "testshire/tsf", maxHops: 3) {
          totalCount nodes { length steps { type from { id } to { id } clause { number } } } } }""")
    paths = data["accountabilityPaths"]
    assert paths["totalCount"] >= 1
    first = paths["nodes"][0]
    assert [s["type"] for s in first["steps"]] in (
        ["CHAIRS", "SUBGROUP_OF"],
        ["MEMBER_OF", "SUBGROUP_OF"],
        ["HOLDS", "CHAIRS", "SUBGROUP_OF"],
    )
    assert first["steps"][-1]["to"]["id"] == "testshire/tsf"
    only_reports = api.data(
        '{ accountabilityPaths(from: "leicester/lscb", to: "leicester/hwb", maxHops: 1, '
        "types: [REPORTS_TO]) { totalCount nodes { steps { type quote } } } }"
    )
    assert only_reports["accountabilityPaths"]["totalCount"] == 1
    assert "maxHops" in api.error(
        '{ accountabilityPaths(from: "a/b", to: "c/d", maxHops: 9) { totalCount } }'
    )
    assert "No body, role or person" in api.error(
        '{ accountabilityPaths(from: "leicester/lscb", to: "x/y") { totalCount } }'
    )


def test_search(api: HttpApp) -> None:
    hits = api.data('{ search(text: "lead member", first: 5) { totalCount nodes { kind id label } } }')[
        "search"
    ]
    assert hits["nodes"][0] == {
        "kind": "ROLE",
        "id": "wirral/lead-member",
        "label": "Lead Member for Children's Services",
    }
    kinds = {
        n["kind"]
        for n in api.data('{ search(text: "LSCB", first: 100) { nodes { kind } } }')["search"]["nodes"]
    }
    assert {"BODY", "DUTY", "CLAUSE"} <= kinds
    assert "empty" in api.error('{ search(text: "   ") { totalCount } }')


def test_pagination_walks_every_body_once(api: HttpApp) -> None:
    seen, after, pages = [], None, 0
    while True:
        page = api.data(
            'query($after: String) { bodies(area: "wirral", first: 4, after: $after) '
            "{ totalCount nodes { id } pageInfo { hasNextPage endCursor } } }",
            after=after,
        )["bodies"]
        assert page["totalCount"] == 9
        seen += [n["id"] for n in page["nodes"]]
        pages += 1
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert pages == 3 and len(seen) == 9 and seen == sorted(set(seen))


def test_one_statement_per_root_field_whatever_the_depth(api: HttpApp) -> None:
    deep = """{
      a: bodies(area: "wirral", first: 20) { nodes { name reportsTo { body { name challengedBy { body {
           dutiesOwed { owner { name } clause { protocol { title } } } } } } } members { role { name } } } }
      b: body(id: "leicester/trust") { reportedToBy { body { reportsTo { body { name } clause { text } } } } }
    }"""
    body = api.graphql(deep)
    assert "errors" not in body
    assert body["extensions"]["cypherStatements"] == 2
    shallow = api.graphql('{ bodies(area: "wirral") { nodes { name } } }')
    assert shallow["extensions"]["cypherStatements"] == 1


def test_page_size_is_bounded(api: HttpApp) -> None:
    assert "between 1 and 100" in api.error("{ bodies(first: 101) { totalCount } }")
    assert "not a cursor" in api.error('{ bodies(after: "bm9wZQ==") { totalCount } }')


def test_depth_limit(api: HttpApp) -> None:
    nested = '{ body(id: "wirral/lscb") ' + "{ reportsTo { body " * 7 + "{ name }" + " } }" * 7 + " }"
    assert "exceeds maximum operation depth" in api.error(nested)


def test_alias_limit(api: HttpApp) -> None:
    many = "{ " + " ".join(f"a{i}: areas {{ totalCount }}" for i in range(25)) + " }"
    assert "aliases" in api.error(many).lower()


def test_token_limit(api: HttpApp) -> None:
    huge = "{ areas { " + " ".join("totalCount" for _ in range(5000)) + " } }"
    assert "token" in api.error(huge).lower()


def test_request_body_size_cap(api: HttpApp) -> None:
    padding = "#" + "x" * 70_000 + "\n{ areas { totalCount } }"
    response = httpx.post(f"{api.url}/graphql", json={"query": padding}, timeout=30)
    assert response.status_code == 413
    assert "larger than" in response.json()["errors"][0]["message"]


def test_malformed_query_is_a_clear_error_without_internals(api: HttpApp) -> None:
    body = api.graphql('{ bodies(area: "wirral" { nodes { id } } }')
    message = body["errors"][0]["message"]
    assert message.startswith("Syntax Error")
    text = json.dumps(body)
    assert "Traceback" not in text and not re.search(r"MATCH|UNWIND|neo4j", text)


def test_api_has_no_write_path(api: HttpApp) -> None:
    assert "mutation" in api.error("mutation { anything }").lower()


def test_graphql_ide_is_served_offline(api: HttpApp) -> None:
    page = httpx.get(f"{api.url}/graphql", headers={"accept": "text/html"})
    assert page.status_code == 200 and "GraphiQL" in page.text
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text)
    assert len(assets) == 7
    assert not re.search(r'(?:src|href)="https?://', page.text)
    for asset in assets:
        assert httpx.get(f"{api.url}{asset}").status_code == 200, asset


def test_checks_field_returns_the_cli_findings(api: HttpApp) -> None:
    body = api.graphql("""{ checks(area: "wirral", minSeverity: WARNING) {
        rule severity message path { text edges { type clause } }
        clauses { number line quote sourceFile } } }""")
    found = {(f["rule"], f["severity"]) for f in body["data"]["checks"]}
    assert found == {
        ("approval-power", "WARNING"),
        ("chairs-separate", "WARNING"),
        ("conflict-of-interest", "WARNING"),
        ("membership-capacity", "WARNING"),
        ("no-subordination", "WARNING"),
    }
    subordination = next(f for f in body["data"]["checks"] if f["rule"] == "no-subordination")
    assert (
        subordination["path"]["text"] == "Wirral Children's Trust -SUBGROUP_OF-> Local Strategic Partnership"
    )
    assert {
        "number": "4.1",
        "line": 31,
        "quote": "It is a thematic group of the Local Strategic Partnership (LSP)",
        "sourceFile": "wirral-wct-lscb.txt",
    } in subordination["clauses"]
    only = api.data('{ checks(area: "leicester", rules: ["overlapping-membership"]) { rule severity } }')
    assert only["checks"] and {(f["rule"], f["severity"]) for f in only["checks"]} == {
        ("overlapping-membership", "INFO")
    }
    assert "Unknown rule" in api.error('{ checks(rules: ["no-such-rule"]) { rule } }')


def test_body_findings_share_one_run_of_the_rules_per_area(api: HttpApp) -> None:
    body = api.graphql(
        '{ bodies(area: "wirral", first: 20) { nodes { id findings(minSeverity: WARNING) { rule } } } }'
    )
    by_body = {n["id"]: {f["rule"] for f in n["findings"]} for n in body["data"]["bodies"]["nodes"]}
    assert by_body["wirral/wct"] == {
        "approval-power",
        "chairs-separate",
        "conflict-of-interest",
        "no-subordination",
    }
    assert by_body["wirral/lscb"] == {
        "approval-power",
        "chairs-separate",
        "conflict-of-interest",
        "membership-capacity",
    }
    assert by_body["wirral/lsp"] == {"no-subordination"}
    assert by_body["wirral/cdop"] == set()
    # one statement for the page, plus each rule once for the area, however many bodies ask
    assert body["extensions"]["cypherStatements"] == 1 + len(load_rules())


def test_every_field_of_the_schema_file_has_a_compiler_block() -> None:
    """The schema file is the schema: a field added to it without a block in api/fields.py would be
    refused by nothing until a client asked for it, so the file and the blocks must name the same fields."""
    from govgraph.api.fields import BLOCKS
    from govgraph.api.schema import schema
    from graphql import GraphQLObjectType

    answered_elsewhere = {"Query", "PageInfo", "CheckResult"}  # roots, pagination, the checks engine
    missing = []
    for name, named in schema.type_map.items():
        if not isinstance(named, GraphQLObjectType) or name.startswith("__") or name in answered_elsewhere:
            continue
        if name.endswith("Connection") or name.startswith("Finding"):
            continue
        missing += [f"{name}.{field}" for field in named.fields if field not in BLOCKS.get(name, {})]
    assert missing == []
    assert set(BLOCKS) <= set(schema.type_map)
