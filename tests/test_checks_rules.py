"""Each bundled rule against a small protocol that breaks it and one that keeps it, in the real Neo4j.

The fixtures (tests/fixtures/checks) share one area, ``checkshire``; each test wipes the database and
loads only what it needs, then runs only the rule under test, so a finding can only come from that rule.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import Driver

from graph.checks import Finding, Severity, run_checks
from tests.conftest import FIXTURES, Cli

CHECKS = FIXTURES / "checks"


def check(cli: Cli, driver: Driver, rule: str, *files: str) -> list[Finding]:
    """Load ``files`` (from tests/fixtures/checks) into the wiped database and run ``rule`` alone."""
    result = cli("load", *(CHECKS / name for name in files))
    assert result.exit_code == 0, result.output
    return run_checks(driver, rules=[rule])


def summary(findings: list[Finding]) -> set[tuple[str, tuple[str, ...], str]]:
    """What a finding says in brief: its severity, its subjects and the path it rests on."""
    return {(f.severity.value, tuple(s.id for s in f.subjects), f.path_text()) for f in findings}


def refs(finding: Finding) -> list[str]:
    return [c.ref for c in finding.clauses]


CSB, PARTNERSHIP = "checkshire/csb", "checkshire/partnership"
CSB_NAME, PARTNERSHIP_NAME = "Checkshire Safeguarding Board", "Checkshire Partnership"


@pytest.mark.parametrize(
    ("rule", "files"),
    [
        ("no-subordination", ["no-subordination-pass.yaml"]),
        ("no-direction-power", ["no-direction-power-pass.yaml"]),
        ("chairs-separate", ["chairs-separate-pass.yaml"]),
        ("chairs-separate", ["chairs-separate-pass.yaml", "chairs-separate-register-apart.csv"]),
        ("independent-chair", ["independent-chair-pass.yaml"]),
        ("approval-power", ["approval-power-pass.yaml"]),
        ("one-way-accountability", ["one-way-accountability-pass.yaml"]),
        ("membership-capacity", ["membership-capacity-pass.yaml"]),
        ("overlapping-membership", ["overlapping-membership-pass.yaml"]),
    ],
)
def test_a_protocol_that_keeps_the_rule_has_no_findings(
    empty_db: Cli, driver: Driver, rule: str, files: list[str]
) -> None:
    assert check(empty_db, driver, rule, *files) == []


# -- no-subordination -------------------------------------------------------------------------------------


def test_independent_body_three_levels_down_is_subordinate_to_each_body_above(
    empty_db: Cli, driver: Driver
) -> None:
    found = check(empty_db, driver, "no-subordination", "no-subordination-fail.yaml")
    chain = [f"{CSB_NAME} -SUBGROUP_OF-> Checkshire Forum", "-SUBGROUP_OF-> Checkshire Assembly"]
    assert summary(found) == {
        ("error", (CSB, "checkshire/forum"), chain[0]),
        ("error", (CSB, "checkshire/assembly"), " ".join(chain)),
        ("error", (CSB, "checkshire/council"), " ".join([*chain, "-SUBGROUP_OF-> Checkshire Council"])),
    }
    three = next(f for f in found if f.subjects[1].id == "checkshire/council")
    assert "(3 levels up), though the protocol declares it independent" in three.message
    assert refs(three) == ["1.1", "2.1", "2.2", "2.3"]  # the declaration, then each step's clause
    assert [c.line for c in three.clauses] == [5, 10, 11, 12]
    assert three.clauses[0].quote == "neither subordinate to nor a subgroup of any other local body"


def test_a_non_hierarchical_party_beneath_another_party_fails_and_beneath_an_outsider_is_reported(
    empty_db: Cli, driver: Driver
) -> None:
    found = check(empty_db, driver, "no-subordination", "no-subordination-parties.yaml")
    assert summary(found) == {
        # may be directed by the other party: the direction power puts the CSB above it
        ("error", (PARTNERSHIP, CSB), f"{PARTNERSHIP_NAME} <-DIRECTS- {CSB_NAME}"),
        # a thematic group of a body outside the protocol: reported, not failed
        ("warning", (PARTNERSHIP, "checkshire/forum"), f"{PARTNERSHIP_NAME} -SUBGROUP_OF-> Checkshire Forum"),
    }
    warning = next(f for f in found if f.severity == Severity.WARNING)
    assert "not a party to the protocol, so this is reported, not failed" in warning.message
    assert refs(warning) == ["1.2", "2.5"]


# -- no-direction-power -----------------------------------------------------------------------------------


def test_a_party_or_a_post_of_one_that_may_direct_another_is_an_error(empty_db: Cli, driver: Driver) -> None:
    found = check(empty_db, driver, "no-direction-power", "no-direction-power-fail.yaml")
    assert summary(found) == {
        ("error", (CSB, "checkshire/health-board"), f"{CSB_NAME} -DIRECTS-> Checkshire Health Board"),
        (
            "error",
            (PARTNERSHIP, CSB),
            f"{PARTNERSHIP_NAME} <-ROLE_IN- Partnership Manager -DIRECTS-> {CSB_NAME}",
        ),
    }
    assert all(refs(f)[0] == "1.1" for f in found)


# -- chairs-separate --------------------------------------------------------------------------------------


def test_one_role_chairing_both_bodies_is_an_error(empty_db: Cli, driver: Driver) -> None:
    found = check(empty_db, driver, "chairs-separate", "chairs-separate-fail.yaml")
    path = f"{CSB_NAME} <-CHAIRS- Director of Services -CHAIRS-> {PARTNERSHIP_NAME}"
    assert summary(found) == {("error", (CSB, PARTNERSHIP, "checkshire/director"), path)}
    assert refs(found[0]) == ["1.1", "1.3", "1.2"]


def test_an_unrecorded_chair_is_unverified_a_warning_never_a_pass(empty_db: Cli, driver: Driver) -> None:
    found = check(empty_db, driver, "chairs-separate", "chairs-separate-unverified.yaml")
    assert summary(found) == {("warning", (CSB,), "")}
    assert found[0].message.startswith("Unverified: no chair of Checkshire Safeguarding Board is recorded")


def test_one_person_holding_both_chairing_roles_is_an_error(empty_db: Cli, driver: Driver) -> None:
    found = check(
        empty_db, driver, "chairs-separate", "chairs-separate-pass.yaml", "chairs-separate-register.csv"
    )
    path = (
        f"Alex Example -HOLDS-> Independent Chair -CHAIRS-> {CSB_NAME}; "
        f"Alex Example -HOLDS-> Director of Services -CHAIRS-> {PARTNERSHIP_NAME}"
    )
    assert summary(found) == {("error", (CSB, PARTNERSHIP, "checkshire/alex-example"), path)}
    holds = [e for e in found[0].edges if e.type == "HOLDS"]
    assert [(e.source, e.line) for e in holds] == [
        ("checkshire/register/chairs-separate-register", 3),
        ("checkshire/register/chairs-separate-register", 2),
    ]


def test_a_registered_chair_of_one_body_holding_the_role_that_chairs_the_other(
    empty_db: Cli, driver: Driver
) -> None:
    found = check(
        empty_db,
        driver,
        "chairs-separate",
        "chairs-separate-unverified.yaml",
        "chairs-separate-register-direct.csv",
    )
    path = (
        f"Alex Example -CHAIRS-> {CSB_NAME}; "
        f"Alex Example -HOLDS-> Director of Services -CHAIRS-> {PARTNERSHIP_NAME}"
    )
    # the register records the CSB's chair, so it is no longer unverified: it is a clash
    assert summary(found) == {("error", (CSB, PARTNERSHIP, "checkshire/alex-example"), path)}


# -- independent-chair ------------------------------------------------------------------------------------


def test_an_officer_of_the_scrutinised_body_chairs_the_independent_one(empty_db: Cli, driver: Driver) -> None:
    found = check(empty_db, driver, "independent-chair", "independent-chair-fail.yaml")
    path = (
        f"{CSB_NAME} <-CHAIRS- Director of Children's Services -ROLE_IN-> Checkshire Council "
        f"<-SCRUTINISES- {CSB_NAME}"
    )
    assert summary(found) == {("error", (CSB, "checkshire/dcs", "checkshire/council"), path)}
    assert refs(found[0]) == ["1.1", "2.1", "1.2"]


def test_the_independent_chair_who_also_holds_a_post_in_the_scrutinised_body(
    empty_db: Cli, driver: Driver
) -> None:
    found = check(
        empty_db, driver, "independent-chair", "independent-chair-pass.yaml", "independent-chair-register.csv"
    )
    path = (
        f"{CSB_NAME} <-CHAIRS- Independent Chair <-HOLDS- Jo Example "
        f"-HOLDS-> Director of Children's Services -ROLE_IN-> Checkshire Council <-SCRUTINISES- {CSB_NAME}"
    )
    assert summary(found) == {("error", (CSB, "checkshire/jo-example", "checkshire/council"), path)}


# -- approval-power, one-way-accountability ---------------------------------------------------------------


def test_a_non_hierarchical_party_needing_the_others_approval_is_a_warning(
    empty_db: Cli, driver: Driver
) -> None:
    found = check(empty_db, driver, "approval-power", "approval-power-fail.yaml")
    path = f"{PARTNERSHIP_NAME} -SEEKS_APPROVAL_FROM-> {CSB_NAME}"
    assert summary(found) == {("warning", (PARTNERSHIP, CSB), path)}
    assert "for its commissioning plans" in found[0].message
    assert refs(found[0]) == ["1.1", "1.2"]


def test_a_report_nobody_answers_is_a_warning_but_a_subgroup_reporting_up_is_not(
    empty_db: Cli, driver: Driver
) -> None:
    found = check(empty_db, driver, "one-way-accountability", "one-way-accountability-fail.yaml")
    assert summary(found) == {("warning", (CSB, PARTNERSHIP), f"{CSB_NAME} -REPORTS_TO-> {PARTNERSHIP_NAME}")}
    assert "(safeguarding performance)" in found[0].message


# -- membership-capacity, overlapping-membership ----------------------------------------------------------


def test_a_role_in_several_capacities_on_one_body_is_one_warning(empty_db: Cli, driver: Driver) -> None:
    found = check(empty_db, driver, "membership-capacity", "membership-capacity-fail.yaml")
    leg = f"Lead Member -MEMBER_OF-> {CSB_NAME}"
    assert summary(found) == {("warning", ("checkshire/lead-member", CSB), f"{leg}; {leg}; {leg}")}
    assert found[0].message == (
        f"The Lead Member is recorded on {CSB_NAME} in 3 capacities (participant observer in 1.1, "
        "member in 1.2, adviser in 1.4): an observer is counted as a full member"
    )
    assert refs(found[0]) == ["1.1", "1.2", "1.4"]


def test_a_person_holding_an_observers_post_registered_as_full_member(empty_db: Cli, driver: Driver) -> None:
    found = check(
        empty_db,
        driver,
        "membership-capacity",
        "membership-capacity-pass.yaml",
        "membership-capacity-register.csv",
    )
    path = f"{CSB_NAME} <-MEMBER_OF- Lead Member <-HOLDS- Pat Person -MEMBER_OF-> {CSB_NAME}"
    assert summary(found) == {("warning", ("checkshire/pat-person", CSB), path)}


def test_who_sits_on_both_the_scrutinising_and_the_scrutinised_body_is_info(
    empty_db: Cli, driver: Driver
) -> None:
    found = check(empty_db, driver, "overlapping-membership", "overlapping-membership-fail.yaml")
    path = (
        f"{CSB_NAME} -SCRUTINISES-> {PARTNERSHIP_NAME}; Director of Services -MEMBER_OF-> {CSB_NAME}; "
        f"Director of Services -MEMBER_OF-> {PARTNERSHIP_NAME}"
    )
    assert summary(found) == {("info", ("checkshire/director", CSB, PARTNERSHIP), path)}
    assert refs(found[0]) == ["1.1", "1.2", "1.3"]


def test_fixtures_exist_for_every_bundled_rule() -> None:
    """A new bundled rule without a fixture that breaks it and one that keeps it fails here."""
    from graph.checks import load_rules

    for rule in load_rules():
        assert list(CHECKS.glob(f"{rule.id}-fail.yaml")), rule.id
        assert list(CHECKS.glob(f"{rule.id}-pass.yaml")), rule.id
        assert Path(CHECKS / f"{rule.id}.txt").is_file(), rule.id
