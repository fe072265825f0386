"""Relation and declaration forms seen in real protocols of other areas (issue 9), each on a short invented
sentence in the same shape: reporting lines, chairs, sub-groups, coreference and independence phrasing.

The names ("Kestrel ...") are invented, so a rule keyed to one area's names would not pass.
"""

from __future__ import annotations

from govgraph.graph.model import DeclarationKind, Relation
from govgraph.loaders.extract.entities import find_entities
from govgraph.loaders.extract.people import find_people
from govgraph.loaders.extract.relations import Findings, find_relations
from govgraph.loaders.extract.segment import segment

KSAB = "The Kestrel Safeguarding Adults Board (KSAB)"
KSCB = "The Kestrel Safeguarding Children Board (KSCB)"
HWB = "the Kestrel Health and Wellbeing Board"


def _read(text: str) -> tuple:
    clauses = segment("Kestrel governance\n\n" + text + "\n").clauses
    entities = find_entities(clauses)
    return entities, find_relations(clauses, entities)


def _edges(found: Findings, relation: Relation) -> set[tuple[str, str]]:
    return {(r.source, r.target) for r in found.relations if r.type == relation and r.reason is None}


def _key(entities, name: str) -> str:  # type: ignore[no-untyped-def]
    key = entities.resolve(name)
    assert key is not None, f"{name!r} is not an entity: {sorted(entities.items)}"
    return key


# -- REPORTS_TO ----------------------------------------------------------------------------------------


def test_accountable_to_feeds_into_and_reports_in_to_are_reporting_lines() -> None:
    for verb in ("is accountable to", "feeds directly into", "reports in to", "reports into"):
        entities, found = _read(f"{KSAB} {verb} {HWB}.")
        hwb = _key(entities, "Kestrel Health and Wellbeing Board")
        assert ("ksab", hwb) in _edges(found, Relation.REPORTS_TO), verb


def test_defined_accountability_to_a_body_is_a_reporting_line() -> None:
    entities, found = _read(
        "The Kestrel Review Group (KRG) provides an audit function with sharply defined accountability to "
        "the Kestrel Safeguarding Adults Board."
    )
    assert ("krg", _key(entities, "Kestrel Safeguarding Adults Board")) in _edges(found, Relation.REPORTS_TO)


def test_a_report_considered_by_two_bodies_reports_to_both() -> None:
    entities, found = _read(
        f"{KSAB} annual report will also be considered by the Kestrel Scrutiny Committee and {HWB}."
    )
    scrutiny = _key(entities, "Kestrel Scrutiny Committee")
    hwb = _key(entities, "Kestrel Health and Wellbeing Board")
    assert {("ksab", scrutiny), ("ksab", hwb)} <= _edges(found, Relation.REPORTS_TO)
    assert next(r for r in found.relations if r.target == hwb).frequency == "annual"
    # "Scrutiny" inside the committee's name is not a verb: nobody scrutinises anybody here
    assert not _edges(found, Relation.SCRUTINISES)


def test_a_report_shared_with_a_body_is_the_previous_subjects_report() -> None:
    entities, found = _read(
        f"{KSAB} provides the annual report to the Kestrel Scrutiny Committee. In addition, the Annual "
        f"Report is shared with {HWB}."
    )
    assert ("ksab", _key(entities, "Kestrel Health and Wellbeing Board")) in _edges(
        found, Relation.REPORTS_TO
    )


def test_work_reported_to_a_body_is_its_authors_reporting_line() -> None:
    entities, found = _read(f"The work of {KSAB[4:]} is reported to {HWB}.")
    assert ("ksab", _key(entities, "Kestrel Health and Wellbeing Board")) in _edges(
        found, Relation.REPORTS_TO
    )


def test_items_under_a_lead_in_that_reports_to_a_body_report_to_it() -> None:
    entities, found = _read(
        "The Kestrel Safeguarding Children Partnership (KSCP) has a monitoring group. Four sub-committees "
        "report to the Kestrel Monitoring Group (KMG):\n\n- Kestrel Training Sub-Committee\n"
        "- Kestrel Learning Sub-Committee (KLS)"
    )
    training = _key(entities, "Kestrel Training Sub-Committee")
    assert {(training, "kmg"), ("kls", "kmg")} <= _edges(found, Relation.REPORTS_TO)


# -- CHAIRS --------------------------------------------------------------------------------------------


def test_a_chair_named_after_its_body_chairs_it_and_the_body_is_added() -> None:
    entities, found = _read(
        "I met Jo Bloggs, the Independent Chair of Kestrel Safeguarding Children Board, this week."
    )
    board = _key(entities, "Kestrel Safeguarding Children Board")
    chair = next(k for k, e in entities.items.items() if e.role)
    assert (chair, board) in _edges(found, Relation.CHAIRS)


def test_a_chair_whose_name_starts_with_its_body_chairs_it() -> None:
    entities, found = _read(f"The governance of {KSAB[4:]} is supported by the KSAB Chair.")
    assert (_key(entities, "KSAB Chair"), "ksab") in _edges(found, Relation.CHAIRS)


def test_led_by_under_the_leadership_of_and_has_an_independent_chair() -> None:
    for text in (
        "The Kestrel Safeguarding Adults Board is led by an independent chair and includes the Kestrel "
        "Council.",
        "They work with partners through the Kestrel Safeguarding Adults Board, under the leadership of an "
        "Independent Chair. The Kestrel Executive Group meets monthly.",
        "Kestrel has an independent chairperson who has been chairing the Kestrel Safeguarding Adults Board "
        "since 2012.",
    ):
        entities, found = _read(text)
        board = _key(entities, "Kestrel Safeguarding Adults Board")
        chairs = _edges(found, Relation.CHAIRS)
        assert len(chairs) == 1 and next(iter(chairs))[1] == board, text
        assert entities.items[next(iter(chairs))[0]].role


def test_it_has_an_independent_chair_chairs_the_body_before() -> None:
    _, found = _read(f"{KSCB} meets quarterly. It has an Independent Chair.")
    assert {target for _, target in _edges(found, Relation.CHAIRS)} == {"kscb"}


def test_a_task_group_chaired_by_a_person_holding_a_post() -> None:
    entities, found = _read(
        f"{KSCB} set up the Kestrel Neglect Task Group, chaired by Jo Bloggs (Independent Chair of the "
        "KSCB), to review the strategy."
    )
    group = _key(entities, "Kestrel Neglect Task Group")
    chair = next(k for k, e in entities.items.items() if e.role)
    assert {(chair, group), (chair, "kscb")} <= _edges(found, Relation.CHAIRS)


def test_one_chair_of_two_bodies_named_together() -> None:
    entities, found = _read(
        f"{KSCB} and {KSAB[0].lower()}{KSAB[1:]} met. The Independent Chair of the KSCB and KSAB will "
        f"attend {HWB}."
    )
    chair = next(k for k, e in entities.items.items() if e.role)
    assert {(chair, "kscb"), (chair, "ksab")} <= _edges(found, Relation.CHAIRS)


def test_the_chair_of_the_board_and_another_post_chairs_only_the_board() -> None:
    _, found = _read(
        f"{KSCB} and {KSAB[0].lower()}{KSAB[1:]} met. The Chair of the KSCB and the Director of Adult "
        "Services (DAS) will attend."
    )
    assert {target for _, target in _edges(found, Relation.CHAIRS)} == {"kscb"}


# -- SUBGROUP_OF ---------------------------------------------------------------------------------------


def test_fronted_sub_group_and_committee_phrases() -> None:
    entities, found = _read(
        "As a sub-group of the Kestrel Children's Trust, the Kestrel Safeguarding Children Board will report "
        "on its work."
    )
    trust = _key(entities, "Kestrel Children's Trust")
    assert (_key(entities, "Kestrel Safeguarding Children Board"), trust) in _edges(
        found, Relation.SUBGROUP_OF
    )
    entities, found = _read(
        f"Although a formal committee of Kestrel City Council, {HWB} has a remit which includes matters "
        "relating to health."
    )
    assert (
        _key(entities, "Kestrel Health and Wellbeing Board"),
        _key(entities, "Kestrel City Council"),
    ) in _edges(found, Relation.SUBGROUP_OF)


def test_a_body_consisting_of_named_groups_has_them_as_sub_groups_but_not_unnamed_ones() -> None:
    entities, found = _read(
        f"{KSCB} consists of the Kestrel Business Group, the Kestrel Review Panel and various Sub Groups."
    )
    parts = {child for child, parent in _edges(found, Relation.SUBGROUP_OF) if parent == "kscb"}
    assert parts == {_key(entities, "Kestrel Business Group"), _key(entities, "Kestrel Review Panel")}


def test_a_body_that_has_a_local_sub_group() -> None:
    entities, found = _read(
        f"{KSCB} also has a local sub group, the Kestrel Child Death Overview Panel, which meets monthly."
    )
    panel = _key(entities, "Kestrel Child Death Overview Panel")
    assert _edges(found, Relation.SUBGROUP_OF) == {(panel, "kscb")}


def test_a_sub_group_only_named_after_a_body_is_a_flagged_suggestion() -> None:
    entities, found = _read(
        f"{KSAB} met. The KSAB Executive Group and the KSAB Review Sub-Group report to it."
    )
    by_source = {r.source: r for r in found.relations if r.type == Relation.SUBGROUP_OF}
    executive = by_source[_key(entities, "KSAB Executive Group")]
    assert executive.reason and "name" in executive.reason  # inferred: the name does not say "sub-group"
    assert by_source[_key(entities, "KSAB Review Sub-Group")].reason is None  # the name says it


# -- declarations --------------------------------------------------------------------------------------


def _declared(text: str) -> set[DeclarationKind]:
    _, found = _read(text)
    return {d.kind for d in found.declarations}


def test_independence_phrasing_of_other_areas() -> None:
    assert _declared(
        f"{KSCB} should not be subordinate to, nor subsumed within, other local structures."
    ) == {DeclarationKind.INDEPENDENT}
    assert _declared(f"{KSCB} will maintain its independence from the Kestrel Children's Trust.") == {
        DeclarationKind.INDEPENDENT
    }
    assert _declared(f"{KSCB} will sit outside the family of partnerships.") == {DeclarationKind.INDEPENDENT}
    assert _declared(f"{KSCB} works by speaking with an independent voice.") == {DeclarationKind.INDEPENDENT}


def test_equality_and_power_phrasing() -> None:
    assert _declared(f"{KSCB} and the Kestrel Children's Trust (KCT) work on an equal footing.") == {
        DeclarationKind.NON_HIERARCHICAL
    }
    assert _declared(
        "No single partner has control or primacy within the Kestrel Safeguarding Children Board."
    ) == {DeclarationKind.NON_HIERARCHICAL}
    assert _declared(
        f"The Kestrel Children's Trust (KCT) has no authority over {KSCB[0].lower()}{KSCB[1:]}."
    ) == {DeclarationKind.NO_DIRECTION_POWER}
    assert _declared(f"{KSCB} is not intended to override the partners' individual responsibilities.") == {
        DeclarationKind.SEPARATE_ACCOUNTABILITY
    }


def test_a_body_answering_to_others_declares_nothing() -> None:
    assert not _declared(f"{KSAB} reports to {HWB} and has an Independent Chair.")


def test_a_body_receiving_anothers_report_is_reported_to() -> None:
    for text in (
        "The Kestrel Health and Wellbeing Board (KHWB) will receive the annual report of the Kestrel "
        "Safeguarding Children Board.",
        "The Kestrel Health and Wellbeing Board (KHWB) will receive the Kestrel Safeguarding Children Board "
        "annual report each year.",
        "The Kestrel Health and Wellbeing Board (KHWB) will receive and consider reports from the Kestrel "
        "Safeguarding Children Board.",
    ):
        entities, found = _read(text)
        board = _key(entities, "Kestrel Safeguarding Children Board")
        assert _edges(found, Relation.REPORTS_TO) == {(board, "khwb")}, text


def test_a_report_that_goes_to_a_body() -> None:
    entities, found = _read(f"{KSCB} annual report goes to {HWB}.")
    assert _edges(found, Relation.REPORTS_TO) == {
        ("kscb", _key(entities, "Kestrel Health and Wellbeing Board"))
    }


# -- people --------------------------------------------------------------------------------------------


def _people(text: str) -> dict[str, list[str]]:
    clauses = segment("Kestrel governance\n\n" + text + "\n").clauses
    entities = find_entities(clauses)
    find_relations(clauses, entities)
    return {p.name: p.holds for p in find_people(clauses, entities)}


def test_a_signature_block_running_on_gives_the_name_alone() -> None:
    people = _people(f"{KSAB} constitution. Name: Jo Bloggs Signed: Designation: Chair Dated: 24.8.15")
    assert list(people) == ["Jo Bloggs"]


def test_people_met_with_or_delegated_to_beside_their_posts() -> None:
    people = _people(
        "I have regular meetings with Jo Bloggs, the Independent Chair of the Kestrel Safeguarding Children "
        "Board (KSCB). Mary Major, Chief Constable, delegated to Sam Smith, Chief Superintendent, Kestrel "
        "Police. Jo also met Ann Baker the newly appointed independent Chair of the KSCB."
    )
    assert {"Jo Bloggs", "Mary Major", "Sam Smith", "Ann Baker"} <= set(people)
    assert people["Jo Bloggs"] and people["Sam Smith"] and people["Ann Baker"]


def test_contacts_and_councillors_are_people_even_without_a_known_post() -> None:
    people = _people(
        f"{KSAB} met. Contact: Jo Bloggs, Senior Policy and Scrutiny Officers. Councillor Ann Baker welcomed "
        "the Board."
    )
    assert {"Jo Bloggs", "Ann Baker"} <= set(people)
    assert "Kestrel Safeguarding" not in people and "Senior Policy" not in people


# -- COOPERATES_WITH -----------------------------------------------------------------------------------


def test_bodies_stated_to_work_together_or_collaborate_cooperate() -> None:
    for text in (
        f"{KSCB} and {KSAB[0].lower()}{KSAB[1:]} work together on domestic abuse.",
        f"{KSCB} and {KSAB[0].lower()}{KSAB[1:]} collaborate on domestic abuse.",
        f"There is joint working between {KSCB[0].lower()}{KSCB[1:]} and {KSAB[0].lower()}{KSAB[1:]}.",
    ):
        _, found = _read(text)
        assert _edges(found, Relation.COOPERATES_WITH) == {("kscb", "ksab")}, text


def test_a_post_together_with_a_body_is_no_cooperation() -> None:
    _, found = _read(
        f"{KSCB} met. The Director of Adult Services (DAS) and {HWB}, together with the Board, had a "
        "busy year."
    )
    assert not _edges(found, Relation.COOPERATES_WITH)


# -- passives ------------------------------------------------------------------------------------------


def test_passive_by_puts_the_actor_first() -> None:
    trust = "the Kestrel Children's Trust (KCT)"
    for verb, relation in (
        ("is held to account by", Relation.HOLDS_TO_ACCOUNT),
        ("is challenged by", Relation.CHALLENGES),
        ("is scrutinised by", Relation.SCRUTINISES),
    ):
        _, found = _read(f"{KSCB} {verb} {trust}.")
        assert {(r.type, r.source, r.target) for r in found.relations} == {(relation, "kct", "kscb")}, verb
    _, found = _read(f"{KSCB} business plan must be approved by {trust}.")
    assert _edges(found, Relation.SEEKS_APPROVAL_FROM) == {("kscb", "kct")}
    _, found = _read(f"{KSCB} is not held to account by {trust}.")
    assert not found.relations


def test_a_relation_with_a_generic_end_is_a_flagged_suggestion() -> None:
    _, found = _read(f"{KSCB} will consult the local community and {HWB} on its plan.")
    by_target = {r.target: r for r in found.relations if r.type == Relation.CONSULTS}
    assert set(by_target) == {"community", "kestrel-health-and-wellbeing-board"}
    assert by_target["community"].reason and "names no particular body" in by_target["community"].reason
    assert by_target["kestrel-health-and-wellbeing-board"].reason is None


def test_the_partners_of_a_named_body_stay_a_stated_end() -> None:
    """'the KSCB partners' are the KSCB's (the bundled Wirral file reviews 'WCT partners' as a body)."""
    _, found = _read(f"{KSCB} will challenge the KSCB partners on their plans.")
    assert ("kscb", "partners") in _edges(found, Relation.CHALLENGES)


# -- coreference ---------------------------------------------------------------------------------------


def test_these_groups_this_group_and_all_the_sub_groups_refer_back() -> None:
    board = "the Kestrel Safeguarding Children Board"
    _, found = _read(
        "The Kestrel Learning Group and the Kestrel Audit Group meet monthly. These groups report to "
        f"{board}."
    )
    assert {source for source, _ in _edges(found, Relation.REPORTS_TO)} == {
        "kestrel-learning-group",
        "kestrel-audit-group",
    }
    _, found = _read(f"The Kestrel Learning Group meets monthly. This group reports to {board}.")
    assert {source for source, _ in _edges(found, Relation.REPORTS_TO)} == {"kestrel-learning-group"}
    _, found = _read(
        f"{KSCB} has two sub-groups: the Kestrel Learning Group and the Kestrel Audit Group. All the sub "
        "groups report in to the Kestrel Executive Group."
    )
    assert {source for source, _ in _edges(found, Relation.REPORTS_TO)} == {
        "kestrel-learning-group",
        "kestrel-audit-group",
    }


def test_this_group_is_a_forum_is_no_reporting_line() -> None:
    _, found = _read(
        "The Kestrel Learning Group meets monthly. This group is a forum for practitioners to report to "
        "the Kestrel Safeguarding Children Board."
    )
    assert not _edges(found, Relation.REPORTS_TO)
