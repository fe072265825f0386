"""The words of English governance protocols that the extraction rules key on.

Nothing here names an area or one protocol's bodies: only the generic vocabulary of boards, posts,
documents and obligations, so the rules work on any area's protocol.
"""

from __future__ import annotations

import re

from govgraph.graph.model import BodyKind, Capacity, DutyKind, Relation

# Last word (or the word before "of"/"for") of a name that makes it an organisation ...
BODY_HEADS = {
    "board", "trust", "partnership", "council", "authority", "group", "sub-group", "subgroup",
    "committee", "sub-committee", "panel", "forum", "network", "service", "services", "police",
    "constabulary", "agency", "team", "hub", "unit", "body", "alliance", "department", "directorate",
    "assembly", "cabinet", "executive", "commission", "partnerships", "boards", "groups", "panels",
    "committees", "forums", "councils", "trusts",
}  # fmt: skip
# ... or a post held by a person ...
ROLE_HEADS = {
    "director", "chair", "vice-chair", "chairman", "chairperson", "chairs", "leader", "officer", "manager",
    "lead", "head", "commissioner", "coordinator", "co-ordinator", "scrutineer", "councillor", "mayor",
    "commander", "superintendent", "constable", "nurse", "doctor", "adviser", "advisor", "secretary",
    "treasurer", "inspector", "directors", "officers", "members", "member",
}  # fmt: skip
# ... or a document, a law or a process, which are not modelled as bodies or roles.
DOCUMENT_HEADS = {
    "plan", "plans", "strategy", "report", "reports", "review", "reviews", "assessment", "protocol",
    "agreement", "memorandum", "understanding", "guidance", "act", "framework", "policy", "procedures",
    "arrangements", "statement", "audit", "programme", "process", "together", "needs", "standards",
    "regulations", "order", "bill", "code", "charter", "terms", "reference", "version", "section",
    "schedule", "appendix", "annex", "part", "date",
}  # fmt: skip
# A "Member" is a post only with a qualifier ("Lead Member", "Cabinet Member"), never alone.
MEMBER_QUALIFIERS = {"lead", "cabinet", "elected", "portfolio", "board", "executive", "lay", "independent"}
# Capitalised words that start a sentence or a phrase but are not part of a name.
LEADING_STOPWORDS = {
    "the", "a", "an", "this", "that", "these", "those", "each", "both", "either", "neither", "nor",
    "where", "when", "if", "in", "with", "from", "once", "for", "to", "by", "on", "as", "at", "it", "its",
    "their", "all", "any", "no", "nothing", "and", "or", "of", "our", "his", "her", "between", "under",
    "following", "following:", "following,", "via", "within", "without", "after", "before", "during",
    "following.", "such", "some", "other", "new", "existing", "current", "relevant", "every",
}  # fmt: skip
CONNECTORS = {"of", "and", "for", "in", "&", "on"}

NHS_WORDS = ("nhs", "primary care", "integrated care", "clinical commissioning", "foundation trust",
             "hospital", "health trust", "care trust", "ccg", "icb")  # fmt: skip


def body_kind(name: str) -> BodyKind:
    """The kind of a body from its name, most specific first."""
    low = name.lower().replace("&", "and").replace("\u2019", "'")
    last = low.split()[-1] if low.split() else ""
    if any(word in low for word in NHS_WORDS):
        return BodyKind.NHS_BODY
    if "health and wellbeing" in low or "health and well-being" in low:
        return BodyKind.HEALTH_AND_WELLBEING_BOARD
    if "children in care" in low or "youth council" in low or "community" in last:
        return BodyKind.COMMUNITY
    if "safeguarding" in low and last in {"board", "partnership", "partnerships", "boards"}:
        return BodyKind.SAFEGUARDING_BOARD
    if "children's trust" in low or "childrens trust" in low or "children's partnership" in low:
        return BodyKind.CHILDRENS_TRUST
    if "strategic partnership" in low:
        return BodyKind.STRATEGIC_PARTNERSHIP
    if last in {"authority", "council"} and (
        "local" in low
        or "borough" in low
        or "county" in low
        or "city" in low
        or "district" in low
        or low == "council"
    ):
        return BodyKind.LOCAL_AUTHORITY
    if last in {"group", "sub-group", "subgroup", "committee", "sub-committee", "executive"}:
        return BodyKind.SUBGROUP
    if last == "partnership":
        return BodyKind.PARTNERSHIP
    return BodyKind.OTHER


# -- obligations ------------------------------------------------------------------------------------------

# What makes a sentence an obligation of its subject.
OBLIGATION = re.compile(
    r"\b(?:will|shall|must|should|agrees? to|undertakes? to|commits? to|is expected to|are expected to"
    r"|is required to|are required to|(?:is|are)\s+(?:\w+ly\s+)?(?:responsible|accountable)\s+(?:for|to)"
    r"|(?:has|have)\s+(?:a\s+|the\s+)?(?:\w+\s+){0,2}(?:responsibility|responsibilities|duty|duties|obligation)"
    r"(?:\s+\w+)?\s+(?:for|to))\b",
    re.IGNORECASE,
)
# "it is agreed that X coordinates ...": an agreed function, owed by X.
AGREED_THAT = re.compile(r"\b(?:it is|it has been)\s+agreed\s+that\s+", re.IGNORECASE)
# A lead-in whose items are obligations: "X will:", "In respect of Y, X will:", "X agrees to:".
LEAD_IN_OBLIGATION = re.compile(
    r"\b(?:will|shall|must|should|agrees? to|undertakes? to|commits? to|is responsible for"
    r"|are responsible for|responsibilities (?:are|include)|will be expected to|is expected to"
    r"|are expected to)\s*:?\s*$",
    re.IGNORECASE,
)
TOWARDS_LEAD = re.compile(
    r"^(?:in respect of|in relation to|with regard to|with respect to|regarding|towards|as regards)\s+",
    re.IGNORECASE,
)
# The subject of the clause the obligation stands in: actors after these words are not its subject.
SUBORDINATORS = {"how", "that", "which", "who", "whether", "where", "when", "if", "whom", "whose", "why"}
# Actors after these words are instruments or places, not the party a duty is owed to.
NOT_A_TARGET_AFTER = {"through", "via", "between", "within", "among", "amongst", "including"}
APPROVAL_LEAD = re.compile(r"^(?:approved|agreed|signed|endorsed|ratified)\b.*:$", re.IGNORECASE)

# How two bodies work together ("work closely / collaboratively with", "in partnership with").
_MANNER = r"(?:closely|jointly|collaboratively|together|effectively|constructively)"
_ALONGSIDE = (
    r"(?:in\s+(?:close\s+)?partnership\s+with|in\s+conjunction\s+with|in\s+collaboration\s+with|alongside)\b"
)
# "jointly responsible / chaired / funded": an attribute the owners share, no work they do together.
JOINT_ATTRIBUTE = (
    r"(?!\s+(?:responsible|accountable|chaired|funded|owned|appointed|led|hosted|commissioned|liable)\b)"
)
# Verb (or noun) triggers of typed relations, owner -> target.
RELATION_TRIGGERS: list[tuple[Relation, re.Pattern[str]]] = [
    (Relation.REPORTS_TO, re.compile(
        r"\b(?<!be )(?<!are )(?<!is )(?<!an )(?<!a )(?<!the )(?<!annual )(?<!its )(?<!their )(?<!yearly )"
        r"report(?:s|ing)?\s+(?:[\w-]+\s+){0,5}?(?:to|on|into)\b"
        r"|\baccountab(?:le|ility)\s+(?:(?:directly|solely|jointly|ultimately|defined)\s+)?(?:to|through)\b"
        r"|\baccountable\s+for\s+(?:its|their)\s+(?:[\w-]+\s+){0,3}?to\b|\banswerable\s+to\b"
        r"|\b(?:is|are|be|remains?)\s+(?:directly\s+)?responsible\s+to\b"
        r"|\breporting\s+(?:line|relationship)s?\s+(?:in)?to\b"
        r"|\b(?:submit|present|send|take)\w*\s+(?:it|them)\s+to\b"
        r"|\bfeeds?\s+(?:\w+\s+)?into\b"
        r"|\b(?<!be )(?<!been )(?:deliver|submit|present|send|provide|produce|share|take)\w*\b(?!\s+with\b)"
        r"(?:(?!\b(?:within|in)\b)[^.;]){0,60}?"
        r"\b(?:reports?|updates?)\b"
        r"(?:[^.;]{0,40}?\bto\b)?"
        r"|\bshar(?:e|es|ing)\b[^.;]{0,80}\bwith\b"
        r"|\bnotif(?:y|ies|ying)\b|\bkeep\b[^.;]{0,30}\b(?:informed|updated)\b"
        r"|\bsend\w*\b[^.;]{0,40}?\bto\b"
        r"|\battend\w*\b(?=[^.;]{0,60}\bto\s+(?:present|report)\b)"
        r"|\bupdat(?:ed|es|ing)\b(?=\s+(?:the\s+)?[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,5}\s+(?:on|about)\b)",
        re.IGNORECASE)),
    (Relation.SCRUTINISES, re.compile(
        r"\bscrutini[sz](?:e|es|ing|ed)\b|\bscrutiny\b|\brequest\w*\s+evidence\b", re.IGNORECASE)),
    (Relation.CHALLENGES, re.compile(r"\bchalleng(?:e|es|ing)\b", re.IGNORECASE)),
    (Relation.CONSULTS, re.compile(
        r"\bconsult(?:s|ed|ing)?\b(?!\s+(?:with\s+)?(?:on|about)\b)|\b(?:seek|sought|seeks|seeking)\s+"
        r"(?:the\s+)?(?:views|advice)\s+of\b"
        r"|\bask(?:s|ed|ing)?\b(?=[^.;]{0,40}\bfor\s+(?:its\s+|their\s+)?(?:advice|views)\b)",
        re.IGNORECASE)),
    (Relation.ADVISES, re.compile(
        r"\badvis(?:e|es|ing)\b(?!\s+of\b)|\bprovid\w+\s+advice\b|\brecommendations?\s+to\b", re.IGNORECASE)),
    (Relation.RESPONDS_TO, re.compile(r"\brespond(?:s|ing)?\b|\bresponses?\s+to\b", re.IGNORECASE)),
    (Relation.REFERS_TO, re.compile(
        r"\brefer(?:s|red|ring)?\b[^.;]{0,120}?\bto\b|\breferrals?\s+to\b|\bescalat\w+\b[^.;]{0,80}?\bto\b",
        re.IGNORECASE)),
    (Relation.HOLDS_TO_ACCOUNT, re.compile(
        r"\b(?:hold|holds|holding|call|calls|calling)\b[^.;]{0,60}?\bto account\b", re.IGNORECASE)),
    (Relation.OVERSEES, re.compile(
        r"\b(?:oversee|oversees|overseeing|monitor|monitors|monitoring)\b"
        r"|\b(?:satisf\w+|assur\w+)\s+(?:himself|herself|itself|themselves|themself)\s+that\b",
        re.IGNORECASE)),
    (Relation.SEEKS_APPROVAL_FROM, re.compile(
        r"\b(?:seek|seeks|seeking|obtain|obtains)\s+(?:the\s+)?approval\b"
        r"|\bsubject to\s+(?:the\s+)?approval\b",
        re.IGNORECASE)),
    (Relation.COOPERATES_WITH, re.compile(
        rf"\bjointly\b{JOINT_ATTRIBUTE}"
        rf"|\b(?-i:w)ork(?:s|ing)?\s+(?:{_MANNER}\s+)?(?:(?-i:together|with)\b|{_ALONGSIDE})"
        r"|\bco-?operat\w+\s+with\b|\bcollaborat\w+\s+with\b|\bliais(?:e|es|ing)\s+(?:closely\s+)?with\b"
        rf"|\b(?:close\s+|joint\s+|effective\s+)?working\s+(?:relationships?|arrangements?)\s+with\b"
        rf"|\bpartnership\s+working\s+with\b"
        r"|\bmeet(?:s|ing)?\s+(?:(?:regularly|routinely|frequently|quarterly|monthly|jointly)\s+)?with\b",
        re.IGNORECASE)),
]  # fmt: skip
# "... to X for scrutiny and challenge", "opened up to public scrutiny": the receiver acts on the owner.
PURPOSE = re.compile(
    r"\bfor\s+(?:(?:their|its|his|her)\s+)?(?P<what>(?:(?:scrutiny|challenge|approval|discussion|comment|"
    r"information|assurance|consideration|endorsement|sign-off|review)(?:,\s*|\s+and\s+|\s+or\s+)?)+)",
    re.IGNORECASE,
)
OPEN_TO_SCRUTINY = re.compile(
    r"\b(?:open(?:ed)?\s+up\s+to|open\s+to|subject\s+to)\s+(?P<who>[\w\s'\u2019-]{0,40}?)\s*scrutiny\b"
    r"(?:\s+by\s+)?",
    re.IGNORECASE,
)
RESPONSE_FROM = re.compile(r"\b(?:response|responses|reply|action)\b[^.;]{0,30}?\bfrom\b", re.IGNORECASE)
# "The OSCB annual report will be considered by X", "the Annual Report is shared with X", "the work of
# the Board is reported to X": the report's author reports to its receivers.
PASSIVE_REPORT = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:also\s+|then\s+|formally\s+|regularly\s+)?reported\s+(?:back\s+)?to\b"
    r"|\breports?\b(?:(?!\b(?:is|are|was|were|will|shall|should|to|that|which)\b)[^.;,]){0,80}?\b(?:is|are|was|were|(?:will|shall|should|must)"
    r"(?:\s+(?:also|then|normally|usually))?\s+be|to\s+be)\s+(?:also\s+|then\s+|formally\s+|jointly\s+)?"
    r"(?:considered|received|shared|presented|submitted|sent|provided|taken|brought|scrutinised|scrutinized)"
    r"\s+(?:by|with|to)\b"
    r"|\breports?\b[^.;]{0,20}?\bgo(?:es)?\s+(?:directly\s+)?to\b",
    re.IGNORECASE,
)
# "The HWB will receive the annual report of the LSCB": the report's author reports to the receiver.
RECEIVES_REPORT = re.compile(
    r"(?:\breceiv(?:e|es|ed|ing)|\b(?:be|been|is|are)\s+(?:provided|presented|supplied|sent)\s+with)\s+(?:and\s+\w+\s+)?(?:an?\s+|the\s+|regular\s+)?(?:[^.;]{0,80}?\s)?"
    r"(?:(?:annual|quarterly|regular|progress|update)\s+)*(?:reports?|updates?)\b",
    re.IGNORECASE,
)
SYMMETRIC = {Relation.COOPERATES_WITH}

# Duty kinds from the words of the duty (first match wins, in this order).
KIND_TRIGGERS: list[tuple[DutyKind, re.Pattern[str]]] = [
    (DutyKind.MEMBERSHIP, re.compile(r"\binvite\b[^.;]*\b(?:member|observer)\b|\bsit on\b", re.IGNORECASE)),
    (DutyKind.APPROVAL, re.compile(r"\bapproval\b", re.IGNORECASE)),
    (DutyKind.RESPONDING, re.compile(r"\brespond\b|\bresponse\b", re.IGNORECASE)),
    (DutyKind.REFERRAL, re.compile(r"\brefer\b|\breferral|\bescalat", re.IGNORECASE)),
    (DutyKind.CONSULTATION, re.compile(r"\bconsult|\bviews of\b", re.IGNORECASE)),
    (DutyKind.ADVICE, re.compile(r"^\W*advis|\badvise\b|\brecommendations?\b", re.IGNORECASE)),
    (DutyKind.SCRUTINY, re.compile(
        r"^\W*scrutini|\bscrutini[sz]e\b|\brequest\w* evidence\b|\bscrutiny role\b", re.IGNORECASE)),
    (DutyKind.ACCOUNTABILITY, re.compile(
        r"\bto account\b|\baccountable\b|\blead responsibility\b", re.IGNORECASE)),
    (DutyKind.CHALLENGE, re.compile(r"\bchalleng", re.IGNORECASE)),
    (DutyKind.PUBLICATION, re.compile(r"^\W*(?:\w+\s+){0,6}publish\b", re.IGNORECASE)),
    (DutyKind.REPORTING, re.compile(r"\breport|\bnotify\b|\bupdated?\b|\bshare\b", re.IGNORECASE)),
    (DutyKind.EVALUATION, re.compile(r"\bevaluat|\bassessment\b|\bassess\b", re.IGNORECASE)),
    (DutyKind.ASSURANCE, re.compile(
        r"\bassur|\bsatisf\w+ (?:him|her|it|them)sel|\bmonitor|\bensur\w+ that (?:an? )?effective\b",
        re.IGNORECASE)),
    (DutyKind.COORDINATION, re.compile(
        r"\bco-?ordinat|\bjointly\b|\bleadership\b|\bcommission\b", re.IGNORECASE)),
    (DutyKind.ENGAGEMENT, re.compile(r"\bevent\b|\bengag|\bpublic\b|\blay members?\b", re.IGNORECASE)),
    (DutyKind.PLANNING, re.compile(r"\bplan\b|\bplanning\b|\bstrateg|\bpriorit|\bensure\b", re.IGNORECASE)),
]  # fmt: skip
RELATION_KIND = {
    Relation.REPORTS_TO: DutyKind.REPORTING,
    Relation.SCRUTINISES: DutyKind.SCRUTINY,
    Relation.CHALLENGES: DutyKind.CHALLENGE,
    Relation.CONSULTS: DutyKind.CONSULTATION,
    Relation.ADVISES: DutyKind.ADVICE,
    Relation.RESPONDS_TO: DutyKind.RESPONDING,
    Relation.REFERS_TO: DutyKind.REFERRAL,
    Relation.HOLDS_TO_ACCOUNT: DutyKind.ACCOUNTABILITY,
    Relation.OVERSEES: DutyKind.ASSURANCE,
    Relation.SEEKS_APPROVAL_FROM: DutyKind.APPROVAL,
    Relation.COOPERATES_WITH: DutyKind.COORDINATION,
}

CAPACITY_WORDS: list[tuple[Capacity, re.Pattern[str]]] = [
    (Capacity.PARTICIPANT_OBSERVER, re.compile(r"participant[\s-]+observer", re.IGNORECASE)),
    (Capacity.OBSERVER, re.compile(r"\bobserver", re.IGNORECASE)),
    (Capacity.LAY_MEMBER, re.compile(r"\blay\s+(?:member|person)", re.IGNORECASE)),
    (Capacity.ADVISER, re.compile(r"\badvis[eo]r", re.IGNORECASE)),
]


def capacity_of(text: str) -> Capacity:
    for capacity, pattern in CAPACITY_WORDS:
        if pattern.search(text):
            return capacity
    return Capacity.MEMBER


FREQUENCIES = [
    ("quarterly", re.compile(r"\bquarterly\b|\beach quarter\b|\bevery quarter\b|\bquarterly basis\b", re.I)),
    ("twice a year", re.compile(r"\btwice a year\b|\bsix[- ]monthly\b|\bbi-?annual(?:ly)?\b", re.I)),
    ("monthly", re.compile(r"\bmonthly\b|\beach month\b", re.I)),
    (
        "annual",
        re.compile(r"\bannual(?:ly)?\b|\byearly\b|\beach year\b|\bevery year\b|\beach autumn\b", re.I),
    ),
]


def frequency_of(text: str) -> str | None:
    for name, pattern in FREQUENCIES:
        if pattern.search(text):
            return name
    return None
