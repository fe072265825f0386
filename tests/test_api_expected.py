"""Every root field's nested answer, compared with the answer recorded from the API before the compiler.

The expected JSON under ``tests/fixtures/api_expected/`` was written by the snapshot-walking API (the
first run of this test writes a missing file and fails, so a recording is never a pass). A rewrite of the
query layer must give the same data and the same errors for the same documents, and still send one
statement per root field.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES, HttpApp

EXPECTED = FIXTURES / "api_expected"
CLAUSE = "clause { id number line text heading protocol { id title area } }"
PARTY = "__typename id name area ... on Body { kind } ... on Role { aliases postOf { id } }"
RELATION = f"id type direction what frequency capacity quote note other {{ {PARTY} }} body {{ id }} {CLAUSE}"
MEMBERSHIP = (
    f"capacity start end member {{ {PARTY} }} role {{ id name }} person {{ id name }} body {{ id }} {CLAUSE}"
)
PAGE = "totalCount pageInfo { hasNextPage endCursor }"
BODY = f"""id name area kind independent aliases
  chairs {{ start end role {{ id name }} person {{ id name }} {CLAUSE} }}
  members {{ {MEMBERSHIP} }}
  reportsTo {{ {RELATION} }} reportedToBy {{ {RELATION} }} challenges {{ {RELATION} }}
  challengedBy {{ {RELATION} }} scrutinises {{ {RELATION} }} scrutinisedBy {{ {RELATION} }}
  consults {{ {RELATION} }} consultedBy {{ {RELATION} }}
  subgroupOf {{ {RELATION} }} subgroups {{ {RELATION} }}
  all: relations {{ type direction other {{ id }} }}
  out: relations(direction: OUTGOING, types: [REPORTS_TO, CHAIRS]) {{ type other {{ id }} }}
  dutiesOwed {{ id text kind area owner {{ id }} towards {{ {PARTY} }} {CLAUSE} }}
  dutiesOwedTo {{ id kind owner {{ {PARTY} }} }}
  posts {{ id name }}
  declarations {{ kind quote bodies {{ id }} {CLAUSE} }}"""
ROLE = f"""id name area aliases postOf {{ id name }}
  holders {{ start end person {{ id name }} role {{ id }} }}
  chairs {{ id name }} memberships {{ {MEMBERSHIP} }} relations {{ {RELATION} }}"""
PERSON = f"""id name area roles {{ start end role {{ id name postOf {{ id }} }} person {{ id }} }}
  memberships {{ {MEMBERSHIP} }} chairs {{ id name }}"""
PROTOCOL = f"""id title area sourceFile sha256 clauses {{ id number heading text line protocol {{ id }} }}
  parties {{ id name }} approvedBy {{ id name }}
  declarations {{ kind quote bodies {{ {PARTY} }} {CLAUSE} }}"""

QUERIES: dict[str, tuple[str, dict]] = {
    "areas": (
        f"{{ areas {{ {PAGE} nodes {{ id name protocols {{ id title }} bodies {{ id name }} }} }} }}",
        {},
    ),
    "areas_page": ("{ areas(first: 2) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }", {}),
    "protocols": (f'{{ protocols(area: "wirral") {{ {PAGE} nodes {{ {PROTOCOL} }} }} }}', {}),
    "protocols_all": (f"{{ protocols {{ {PAGE} nodes {{ id title parties {{ id }} }} }} }}", {}),
    "protocol": (f'{{ protocol(id: "leicester/lscb-trust-hwb") {{ {PROTOCOL} }} }}', {}),
    "protocol_missing": ('{ protocol(id: "nowhere/x") { id } }', {}),
    "bodies_area": (f'{{ bodies(area: "wirral") {{ {PAGE} nodes {{ {BODY} }} }} }}', {}),
    "bodies_kind_page": (
        '{ bodies(kind: "safeguarding_board", first: 2, after: "b2Zmc2V0OjA=") '
        f"{{ {PAGE} nodes {{ id name members {{ capacity member {{ id }} }} }} }} }}",
        {},
    ),
    "bodies_by_area_id": ('{ bodies(area: "leicester", first: 3) { totalCount nodes { id } } }', {}),
    "body_leicester_lscb": (f'{{ body(id: "leicester/lscb") {{ {BODY} }} }}', {}),
    "body_testshire": (f'{{ body(id: "testshire/partnership") {{ {BODY} }} }}', {}),
    "body_deep": (
        """query Deep($id: ID!) { body(id: $id) { ...B reportsTo { body { ...B reportsTo { body { name
             members { member { name } } } } } } } }
           fragment B on Body { id name challengedBy { body { id } clause { number } } }""",
        {"id": "wirral/lscb"},
    ),
    "body_missing": ('{ body(id: "wirral/nobody") { id } }', {}),
    "people": (f'{{ people(area: "testshire") {{ {PAGE} nodes {{ {PERSON} }} }} }}', {}),
    "person": (f'{{ person(id: "testshire/alex-example") {{ {PERSON} }} }}', {}),
    "roles": (f'{{ roles(area: "wirral", first: 100) {{ {PAGE} nodes {{ {ROLE} }} }} }}', {}),
    "role": (f'{{ role(id: "testshire/director") {{ {ROLE} }} }}', {}),
    "role_not_a_role": ('{ role(id: "wirral/wct") { id } }', {}),
    "shared_members": (
        f"""{{ sharedMembers(a: "wirral/wct", b: "wirral/lscb") {{ {PAGE}
             nodes {{ member {{ {PARTY} }} inA {{ {MEMBERSHIP} }}
             inB {{ capacity clause {{ number }} }} }} }} }}""",
        {},
    ),
    "shared_members_people": (
        f"""{{ sharedMembers(a: "testshire/partnership", b: "testshire/tsb", first: 5) {{ {PAGE}
             nodes {{ member {{ {PARTY} }} inA {{ capacity role {{ id }} person {{ id }} }}
             inB {{ capacity }} }} }} }}""",
        {},
    ),
    "shared_members_missing": ('{ sharedMembers(a: "wirral/wct", b: "x/y") { totalCount } }', {}),
    "duties_filters": (
        f"""{{ duties(owner: "leicester/trust", towards: "leicester/lscb") {{ {PAGE}
             nodes {{ id text kind area owner {{ {PARTY} }} towards {{ {PARTY} }} {CLAUSE} }} }} }}""",
        {},
    ),
    "duties_area_kind": (
        '{ duties(area: "wirral", kind: "reporting", first: 3) { totalCount nodes { id owner { id } } '
        "pageInfo { hasNextPage endCursor } } }",
        {},
    ),
    "duties_text": (
        f'{{ duties(text: "annual report", first: 10) {{ {PAGE} '
        f"nodes {{ id text owner {{ name }} {CLAUSE} }} }} }}",
        {},
    ),
    "duties_text_area": ('{ duties(area: "wirral", text: "report") { totalCount nodes { id } } }', {}),
    "paths": (
        f"""{{ accountabilityPaths(from: "wirral/lead-member", to: "wirral/lsp", maxHops: 4) {{ {PAGE}
             nodes {{ length steps {{ type quote from {{ {PARTY} }} to {{ {PARTY} }} {CLAUSE} }} }} }} }}""",
        {},
    ),
    "paths_person": (
        """{ accountabilityPaths(from: "testshire/alex-example", to: "testshire/tsf", maxHops: 3) {
             totalCount nodes { length steps { type from { id } to { id } clause { number } } } } }""",
        {},
    ),
    "paths_typed": (
        """query($t: [PathEdge!]) { accountabilityPaths(from: "leicester/lscb", to: "leicester/hwb",
             maxHops: 2, types: $t) { totalCount nodes { steps { type quote } } } }""",
        {"t": ["REPORTS_TO", "CHALLENGES"]},
    ),
    "paths_missing_to": ('{ accountabilityPaths(from: "leicester/lscb", to: "x/y") { totalCount } }', {}),
    "search": (
        """{ search(text: "lead member", first: 10) { totalCount pageInfo { hasNextPage endCursor }
             nodes { kind id label party { __typename id name } duty { id text owner { id } }
             clause { id number protocol { id } } } } }""",
        {},
    ),
    "search_lscb": ('{ search(text: "LSCB", first: 100) { totalCount nodes { kind id } } }', {}),
    "checks": (
        """{ checks(area: "wirral") { rule severity area message subjects { id name label }
             path { text nodes { id } edges { id type start end clause quote } }
             clauses { id number line quote protocol sourceFile } } }""",
        {},
    ),
    "checks_rules": (
        '{ checks(area: "leicester", rules: ["overlapping-membership"], minSeverity: INFO) '
        "{ rule message } }",
        {},
    ),
    "body_findings": (
        '{ bodies(area: "wirral", first: 20) { nodes { id findings(minSeverity: WARNING) '
        "{ rule message } } } }",
        {},
    ),
    "typename_and_aliases": (
        """{ __typename x: body(id: "wirral/wct") { __typename n: name k: kind }
             y: body(id: "wirral/lscb") { name } z: areas(first: 1) { nodes { id } } }""",
        {},
    ),
}


def _comparable(body: dict) -> dict:
    """Data and the errors' message, path and code: what a client sees, without statement counts."""
    errors = [
        {"message": e["message"], "path": e.get("path"), "code": (e.get("extensions") or {}).get("code")}
        for e in body.get("errors", [])
    ]
    return {"data": body.get("data"), "errors": errors}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_answer_equals_the_recorded_answer(api: HttpApp, name: str) -> None:
    query, variables = QUERIES[name]
    got = _comparable(api.graphql(query, **variables))
    path = EXPECTED / f"{name}.json"
    if not path.exists():
        path.write_text(json.dumps(got, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
        pytest.fail(f"recorded {path.name}; check it and run again")
    assert got == json.loads(path.read_text())


@pytest.mark.parametrize("name", sorted(n for n in QUERIES if not n.startswith(("checks", "body_findings"))))
def test_one_statement_per_root_field(api: HttpApp, name: str) -> None:
    query, variables = QUERIES[name]
    body = api.graphql(query, **variables)
    roots = sum(1 for key in (body.get("data") or {}) if key != "__typename")
    assert body["extensions"]["cypherStatements"] == (roots or 1)


def test_the_generated_cypher_is_shown_when_asked(api: HttpApp) -> None:
    import httpx

    query = '{ a: body(id: "wirral/lscb") { name reportsTo { body { name } } } b: areas { totalCount } }'
    plain = api.graphql(query)
    assert "cypher" not in plain["extensions"]
    shown = httpx.post(
        f"{api.url}/graphql", json={"query": query}, headers={"x-govgraph-explain": "1"}, timeout=60
    ).json()
    statements = shown["extensions"]["cypher"]
    assert len(statements) == shown["extensions"]["cypherStatements"] == 2
    assert any("REPORTS_TO" in s and "$id" in s for s in statements)
    assert not any("wirral/lscb" in s for s in statements), "values reach Cypher only as parameters"
    asked = httpx.post(
        f"{api.url}/graphql", json={"query": query, "extensions": {"explain": True}}, timeout=60
    ).json()
    assert asked["extensions"]["cypher"] == statements and asked["data"] == plain["data"]
