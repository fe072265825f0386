"""The two bundled protocols, loaded into the real Neo4j: exact counts and the facts customers rely on."""

from __future__ import annotations

import hashlib

import pytest
from govgraph.graph.model import Relation

from tests.conftest import BUNDLED, Cli

NODES = {
    "leicester": {"Area": 1, "Body": 5, "Clause": 42, "Declaration": 3, "Duty": 24, "Protocol": 1, "Role": 2},
    "wirral": {"Area": 1, "Body": 9, "Clause": 31, "Declaration": 2, "Duty": 31, "Protocol": 1, "Role": 6},
}
EDGES = {
    "leicester": {
        "ADVISES": 1,
        "APPROVED": 3,
        "CHAIRS": 2,
        "CHALLENGES": 7,  # 4 stated, 3 inferred from 5h (the H&WB in the framework of mutual challenge)
        "CITES": 3,
        "CONCERNS": 5,
        "CONSULTS": 1,
        "DEFINED_IN": 7,
        "DEFINES": 10,
        "HAS_PARTY": 3,
        "MEMBER_OF": 4,
        "OWES": 24,
        "PART_OF": 42,
        "REFERS_TO": 1,
        "REPORTS_TO": 4,  # annual report (4e, 4j), areas of concern (4f), progress reports (3d)
        "RESPONDS_TO": 3,
        "ROLE_IN": 2,
        "SCRUTINISES": 4,
        "STATED_IN": 27,
        "SUBGROUP_OF": 1,
        "TOWARDS": 21,
    },
    "wirral": {
        "ADVISES": 1,
        "CHAIRS": 1,
        "CHALLENGES": 4,
        "CITES": 1,
        "CONCERNS": 4,
        "CONSULTS": 1,
        "COOPERATES_WITH": 1,
        "DEFINED_IN": 15,
        "DEFINES": 16,
        "HAS_PARTY": 2,
        "HOLDS_TO_ACCOUNT": 1,
        "MEMBER_OF": 12,
        "OVERSEES": 2,
        "OWES": 31,
        "PART_OF": 31,
        "REPORTS_TO": 3,  # quarterly (3.5, 5.2) and the annual report (3.4 with 5.2's duty)
        "RESPONDS_TO": 1,
        "ROLE_IN": 6,
        "SCRUTINISES": 2,
        "SEEKS_APPROVAL_FROM": 1,
        "STATED_IN": 33,
        "SUBGROUP_OF": 1,
        "TOWARDS": 19,
    },
}


@pytest.mark.parametrize("area", ["leicester", "wirral"])
def test_exact_node_counts(bundled: Cli, area: str) -> None:
    rows = bundled.rows(
        "MATCH (n:Entity) WHERE n.area = $area OR n.id = $area "
        "UNWIND [l IN labels(n) WHERE l <> 'Entity'] AS label RETURN label, count(*) AS count",
        area=area,
    )
    assert {r["label"]: r["count"] for r in rows} == NODES[area]


@pytest.mark.parametrize("area", ["leicester", "wirral"])
def test_exact_edge_counts(bundled: Cli, area: str) -> None:
    rows = bundled.rows(
        "MATCH ()-[r]->() WHERE r.source STARTS WITH $prefix RETURN type(r) AS type, count(*) AS count",
        prefix=f"{area}/",
    )
    assert {r["type"]: r["count"] for r in rows} == EDGES[area]


def test_shared_nodes(bundled: Cli) -> None:
    assert bundled.value("MATCH (l:Legislation) RETURN count(l)") == 4
    assert bundled.value("MATCH (n:Entity)-[:IN_AREA]->(:Area) RETURN count(n)") == 22


def test_lead_member_chairs_wirral_childrens_trust(bundled: Cli) -> None:
    rows = bundled.rows(
        'MATCH (r:Role)-[c:CHAIRS]->(b:Body {name: "Wirral Children\'s Trust"}) '
        "RETURN r.name AS role, c.clause AS clause, c.quote AS quote"
    )
    assert rows == [
        {
            "role": "Lead Member for Children's Services",
            "clause": "wirral/wct-lscb/2.5",
            "quote": "The Lead Member is Chair of WCT",
        }
    ]


def test_leicester_lscb_reports_annual_report_to_hwb(bundled: Cli) -> None:
    rows = bundled.rows(
        "MATCH (:Body {id: 'leicester/lscb'})-[r:REPORTS_TO]->(:Body {id: 'leicester/hwb'}) "
        "MATCH (c:Clause {id: r.clause}) RETURN r.what AS what, r.frequency AS frequency, c.line AS line, "
        "r.quote AS quote"
    )
    assert rows == [
        {
            "what": "annual report",
            "frequency": "annual",
            "line": 48,
            "quote": "Submit its annual report to the H&WB for scrutiny, discussion and challenge.",
        }
    ]


def test_wirral_lead_member_sits_on_lscb_in_two_capacities(bundled: Cli) -> None:
    rows = bundled.rows(
        "MATCH (:Role {id: 'wirral/lead-member'})-[m:MEMBER_OF]->(:Body {id: 'wirral/lscb'}) "
        "RETURN m.capacity AS capacity, m.clause AS clause ORDER BY clause"
    )
    assert rows == [
        {"capacity": "participant_observer", "clause": "wirral/wct-lscb/2.5"},
        {"capacity": "member", "clause": "wirral/wct-lscb/5.3a"},
    ]


def test_declarations_and_independence(bundled: Cli) -> None:
    rows = bundled.rows(
        "MATCH (d:Declaration)-[:CONCERNS]->(b:Body) "
        "RETURN d.area AS area, d.kind AS kind, collect(b.id) AS bodies ORDER BY area, kind"
    )
    found = {(r["area"], r["kind"]): sorted(r["bodies"]) for r in rows}
    assert found[("leicester", "independent")] == ["leicester/lscb"]
    assert found[("leicester", "no_direction_power")] == [
        "leicester/hwb",
        "leicester/lscb",
        "leicester/trust",
    ]
    assert found[("wirral", "non_hierarchical")] == ["wirral/lscb", "wirral/wct"]
    assert found[("wirral", "separate_chairs")] == ["wirral/lscb", "wirral/wct"]
    assert bundled.value("MATCH (b:Body {independent: true}) RETURN collect(b.id)") == ["leicester/lscb"]
    assert bundled.rows(
        "MATCH (a:Body {id: 'wirral/wct'})-[s:SUBGROUP_OF]->(b) RETURN b.name AS name, s.clause AS clause"
    ) == [{"name": "Local Strategic Partnership", "clause": "wirral/wct-lscb/4.1"}]


def test_every_stated_edge_cites_an_existing_clause_that_contains_its_quote(bundled: Cli) -> None:
    rows = bundled.rows(
        "MATCH ()-[r]->() WHERE type(r) IN $types OPTIONAL MATCH (c:Clause {id: r.clause}) "
        "RETURN type(r) AS type, r.quote AS quote, c.text AS clause",
        types=[t.value for t in Relation],
    )
    assert len(rows) == 28 + 31  # every relation listed in the two files
    for row in rows:
        assert row["clause"] is not None, row
        assert " ".join(row["quote"].split()) in " ".join(row["clause"].split()), row


def test_every_duty_is_owed_and_stated(bundled: Cli) -> None:
    assert (
        bundled.value(
            "MATCH (d:Duty) WHERE NOT EXISTS { (:Entity)-[:OWES]->(d) } "
            "OR NOT EXISTS { (d)-[:STATED_IN]->(:Clause) } RETURN count(d)"
        )
        == 0
    )
    # Leicester's nineteen "In respect of ..., the ... will:" bullets are all there, each from its clause.
    bullets = bundled.value(
        "MATCH (d:Duty {area: 'leicester'})-[:STATED_IN]->(c:Clause) WHERE c.text = d.text RETURN count(d)"
    )
    assert bullets >= 19


def test_clauses_know_their_line_in_the_source(bundled: Cli) -> None:
    lines = bundled.rows(
        "MATCH (c:Clause) WHERE c.id IN ['leicester/lscb-trust-hwb/approvals-d', 'wirral/wct-lscb/5.3a'] "
        "RETURN c.id AS id, c.line AS line ORDER BY id"
    )
    assert [r["line"] for r in lines] == [80, 44]


def test_protocol_records_source_file_and_hash(bundled: Cli) -> None:
    rows = bundled.rows("MATCH (p:Protocol) RETURN p.source_file AS file, p.sha256 AS sha ORDER BY file")
    for row in rows:
        assert row["sha"] == hashlib.sha256((BUNDLED / row["file"]).read_bytes()).hexdigest()
    assert [r["file"] for r in rows] == ["leicester-lscb-trust-hwb.txt", "wirral-wct-lscb.txt"]


def test_what_no_text_states_is_marked_inferred_with_its_reason(bundled: Cli) -> None:
    """Issue 10: the Executive Group's SUBGROUP_OF (from its name), WCT OVERSEES partners (4.2's subject is
    the plan) and the boards' challenge through the framework of 5h are readings, marked as such."""
    rows = bundled.rows(
        "MATCH (a)-[r]->(b) WHERE r.inferred RETURN type(r) AS type, a.id AS a, b.id AS b, "
        "split(r.clause, '/')[-1] AS clause, r.reason IS NOT NULL AS reason ORDER BY a, type, b"
    )
    assert [(r["type"], r["a"], r["b"], r["clause"], r["reason"]) for r in rows] == [
        ("CHALLENGES", "leicester/hwb", "leicester/trust", "5h", True),
        ("CHALLENGES", "leicester/lscb", "leicester/hwb", "5h", True),
        ("SUBGROUP_OF", "leicester/lscb-executive-group", "leicester/lscb", "approvals-c", True),
        ("CHALLENGES", "leicester/trust", "leicester/hwb", "5h", True),
        ("OVERSEES", "wirral/wct", "wirral/wct-partners", "4.2", True),
    ]


def test_the_reports_the_texts_state_are_edges(bundled: Cli) -> None:
    """Issue 10: Wirral's annual report to the Trust (3.4, 5.2) and Leicester's progress reports (3d)."""
    rows = bundled.rows(
        "MATCH (a:Body)-[r:REPORTS_TO]->(b:Body) WHERE r.inferred IS NULL "
        "RETURN a.id AS a, b.id AS b, split(r.clause, '/')[-1] AS clause, r.what AS what ORDER BY a, clause"
    )
    assert [(r["a"], r["b"], r["clause"], r["what"]) for r in rows] == [
        ("leicester/lscb", "leicester/trust", "3d", "progress reports"),
        ("leicester/lscb", "leicester/trust", "4e", "annual report"),
        ("leicester/lscb", "leicester/trust", "4f", "areas of concern"),
        ("leicester/lscb", "leicester/hwb", "4j", "annual report"),
        ("wirral/lscb", "wirral/wct", "3.4", "annual report"),
        ("wirral/lscb", "wirral/wct", "3.5", "safeguarding performance information"),
        ("wirral/lscb", "wirral/wct", "5.2", "the arrangements for local safeguarding"),
    ]
    towards = bundled.value(
        "MATCH (d:Duty)-[:TOWARDS]->(b) WHERE d.id ENDS WITH '/lscb-annual-report' RETURN collect(b.id)"
    )
    assert towards == ["wirral/wct"]
