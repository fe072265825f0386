"""The governance graph's vocabulary: node labels, relationship types, and the kinds they carry.

Loaders, the API and the checks all speak these names, so they are defined once here.
"""

from __future__ import annotations

from enum import StrEnum


class Label(StrEnum):
    AREA = "Area"
    PROTOCOL = "Protocol"
    CLAUSE = "Clause"
    BODY = "Body"
    ROLE = "Role"
    PERSON = "Person"
    DUTY = "Duty"
    LEGISLATION = "Legislation"
    DECLARATION = "Declaration"
    REGISTER = "Register"


# Every node also carries this label, which holds the one id constraint all writes MERGE on.
ENTITY = "Entity"


class Relation(StrEnum):
    """Typed edges a protocol states between bodies, roles and people (each carries its clause id)."""

    REPORTS_TO = "REPORTS_TO"
    CHALLENGES = "CHALLENGES"
    SCRUTINISES = "SCRUTINISES"
    CONSULTS = "CONSULTS"
    ADVISES = "ADVISES"
    RESPONDS_TO = "RESPONDS_TO"
    REFERS_TO = "REFERS_TO"
    HOLDS_TO_ACCOUNT = "HOLDS_TO_ACCOUNT"
    OVERSEES = "OVERSEES"
    SEEKS_APPROVAL_FROM = "SEEKS_APPROVAL_FROM"
    MEMBER_OF = "MEMBER_OF"
    CHAIRS = "CHAIRS"
    SUBGROUP_OF = "SUBGROUP_OF"
    COOPERATES_WITH = "COOPERATES_WITH"
    # A power to direct another ("X may direct Y"); the no-direction-power check looks for it.
    DIRECTS = "DIRECTS"


# Any relation may have a role at either end (the Chief Executive OVERSEES the DCS); people arrive only
# through membership registers (HOLDS, MEMBER_OF, CHAIRS).


class BodyKind(StrEnum):
    SAFEGUARDING_BOARD = "safeguarding_board"
    CHILDRENS_TRUST = "childrens_trust"
    HEALTH_AND_WELLBEING_BOARD = "health_and_wellbeing_board"
    LOCAL_AUTHORITY = "local_authority"
    STRATEGIC_PARTNERSHIP = "strategic_partnership"
    NHS_BODY = "nhs_body"
    SUBGROUP = "subgroup"
    COMMUNITY = "community"
    PARTNERSHIP = "partnership"
    OTHER = "other"


class Capacity(StrEnum):
    MEMBER = "member"
    CHAIR = "chair"
    PARTICIPANT_OBSERVER = "participant_observer"
    OBSERVER = "observer"
    LAY_MEMBER = "lay_member"
    ADVISER = "adviser"


class DutyKind(StrEnum):
    """What a duty asks of its owner; mirrors the relation families so duties and edges line up."""

    REPORTING = "reporting"
    CHALLENGE = "challenge"
    SCRUTINY = "scrutiny"
    CONSULTATION = "consultation"
    ADVICE = "advice"
    RESPONDING = "responding"
    REFERRAL = "referral"
    MEMBERSHIP = "membership"
    APPROVAL = "approval"
    EVALUATION = "evaluation"
    PLANNING = "planning"
    ASSURANCE = "assurance"
    ACCOUNTABILITY = "accountability"
    COORDINATION = "coordination"
    ENGAGEMENT = "engagement"
    PUBLICATION = "publication"
    OTHER = "other"


class DeclarationKind(StrEnum):
    """Statements of independence a protocol makes, which the checks hold the graph to."""

    INDEPENDENT = "independent"  # "neither subordinate to nor a subgroup of any other local body"
    NON_HIERARCHICAL = "non_hierarchical"  # "It is not a hierarchical relationship"
    SEPARATE_CHAIRS = "separate_chairs"  # "chaired by different people"
    NO_DIRECTION_POWER = "no_direction_power"  # "has the power to direct other organisations" (negated)
    SEPARATE_ACCOUNTABILITY = "separate_accountability"  # "retain their own lines of accountability"
