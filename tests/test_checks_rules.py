"""Each bundled rule against a small protocol that breaks it and one that keeps it, in the real Neo4j.

The fixtures (tests/fixtures/checks) share one area, ``checkshire``; each test wipes the database and
loads only what it needs, then runs only the rule under test, so a finding can only come from that rule.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from govgraph.graph.checks import Finding, Severity, Status, load_rules, results, run_checks, run_outcome
from neo4j import Driver

from tests.conftest import FIXTURES, Cli

CHECKS = FIXTURES / "checks"


def check(cli: Cli, driver: Driver, rule: str, *files: str) -> list[Finding]:
    """Load ``files`` (from tests/fixtures/checks) into the wiped database and run ``rule`` alone."""
    result = cli("load", *(CHECKS / name for name in files))
    assert result.exit_code == 0, result.output
    return run_checks(driver, rules=[rule])


def outcome(cli: Cli, driver: Driver, rule: str, *files: str) -> tuple[Status, str | None]:
    """Load ``files`` and say what ``rule`` concludes about the fixtures' area, and why."""
    result = cli("load", *(CHECKS / name for name in files))
    assert result.exit_code == 0, result.output
    (chosen,) = [r for r in load_rules() if r.id == rule]
    ran = run_outcome(driver, [chosen])
    (found,) = results([chosen], ["checkshire"], ran.findings, ran.evidence)
    return found.status, found.reason


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
        ("chairs-separate", ["chairs-separate-pass.yaml", "chairs-separate-register-apart.csv"]),
        ("independent-chair", ["independent-chair-pass.yaml", "independent-chair-register-apart.csv"]),
        ("approval-power", ["approval-power-pass.yaml"]),
        ("one-way-accountability", ["one-way-accountability-pass.yaml"]),
        ("membership-capacity", ["membership-capacity-pass.yaml"]),
        ("overlapping-membership", ["overlapping-membership-pass.yaml"]),
        ("conflict-of-interest", ["conflict-of-interest-pass.yaml"]),
    ],
)
def test_a_protocol_that_keeps_the_rule_passes_it(
    empty_db: Cli, driver: Driver, rule: str, files: list[str]
) -> None:
    """Passed means examined and held: no findings, and the rule says what it examined."""
    assert outcome(empty_db, driver, rule, *files) == (Status.PASSED, None)
    assert run_checks(driver, rules=[rule]) == []


@pytest.mark.parametrize(
    ("rule", "files", "reason"),
    [
        # chairing roles, but nobody recorded as holding them: "different people" cannot be checked
        ("chairs-separate", ["chairs-separate-pass.yaml"], "no person is recorded as holding the post of"),
        (
            "independent-chair",
            ["independent-chair-pass.yaml"],
            "no person is recorded as holding the post of",
        ),
        # nothing for the rule to hold the graph to
        ("approval-power", ["one-way-accountability-pass.yaml"], "declares a relationship not hierarchical"),
        (
            "no-direction-power",
            ["one-way-accountability-pass.yaml"],
            "declares that its parties have no power",
        ),
        ("one-way-accountability", ["no-direction-power-pass.yaml"], "no reporting line (REPORTS_TO) stated"),
        ("conflict-of-interest", ["no-direction-power-pass.yaml"], "no duty of assurance or accountability"),
    ],
)
def test_what_a_rule_cannot_examine_is_unverified_never_passed(
    empty_db: Cli, driver: Driver, rule: str, files: list[str], reason: str
) -> None:
    status, why = outcome(empty_db, driver, rule, *files)
    assert status is Status.UNVERIFIED
    assert why is not None and reason in why


def test_inferred_edges_are_never_counted_as_stated(empty_db: Cli, driver: Driver) -> None:
    """Issue 10: an inferred SUBGROUP_OF does not make the independent CSB subordinate, and an inferred
    response does not answer its report."""
    assert outcome(empty_db, driver, "no-subordination", "inferred-edges.yaml") == (Status.PASSED, None)
    found = run_checks(driver, rules=["one-way-accountability", "no-subordination"])
    assert summary(found) == {("warning", (CSB, PARTNERSHIP), f"{CSB_NAME} -REPORTS_TO-> {PARTNERSHIP_NAME}")}


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
    assert "not a party to the protocol, so this is a warning, not an error" in warning.message
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
    # the CSB has no chair; the Partnership's chairing role is held by nobody the graph records
    assert summary(found) == {
        ("warning", (CSB,), ""),
        (
            "warning",
            (PARTNERSHIP, "checkshire/director"),
            f"Director of Services -CHAIRS-> {PARTNERSHIP_NAME}",
        ),
    }
    assert {f.status for f in found} == {Status.UNVERIFIED}
    unrecorded = next(f for f in found if len(f.subjects) == 1)
    assert unrecorded.message.startswith("Unverified: no chair of Checkshire Safeguarding Board is recorded")


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


# -- conflict-of-interest ---------------------------------------------------------------------------------


def test_assuring_a_board_you_sit_on_or_scrutinising_where_your_chair_sits_is_a_warning(
    empty_db: Cli, driver: Driver
) -> None:
    found = check(empty_db, driver, "conflict-of-interest", "conflict-of-interest-fail.yaml")
    duty_leg = f"Director of Children's Services -OWES-> duty dcs-effective-csb -TOWARDS-> {CSB_NAME}"
    assert summary(found) == {
        (
            "warning",
            ("checkshire/dcs", CSB),
            f"{duty_leg}; Director of Children's Services -MEMBER_OF-> {CSB_NAME}",
        ),
        (
            "warning",
            ("checkshire/chair", CSB, PARTNERSHIP),
            f"{CSB_NAME} -SCRUTINISES-> {PARTNERSHIP_NAME}; Chair of the CSB -CHAIRS-> {CSB_NAME}; "
            f"Chair of the CSB -MEMBER_OF-> {PARTNERSHIP_NAME}",
        ),
    }  # the Lead Member only observes the Partnership: no conflict
    duty = next(f for f in found if f.subjects[0].id == "checkshire/dcs")
    assert refs(duty) == ["1.1", "1.2"]  # both clauses: the duty and the seat
    assert duty.clauses[0].quote.startswith("The Director of Children's Services has a statutory")
    assert (
        "owes a duty of assurance towards Checkshire Safeguarding Board (1.1) and also sits on it"
        in duty.message
    )
    chair = next(f for f in found if f.subjects[0].id == "checkshire/chair")
    assert refs(chair) == ["1.3", "1.4", "1.4"]  # 1.4 quoted twice: the chair's title and its seat


def test_fixtures_exist_for_every_bundled_rule() -> None:
    """A new bundled rule without a fixture that breaks it and one that keeps it fails here."""
    from govgraph.graph.checks import load_rules

    for rule in load_rules():
        assert list(CHECKS.glob(f"{rule.id}-fail.yaml")), rule.id
        assert list(CHECKS.glob(f"{rule.id}-pass.yaml")), rule.id
        assert Path(CHECKS / f"{rule.id}.txt").is_file(), rule.id
