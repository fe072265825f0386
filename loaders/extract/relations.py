"""Duties, typed relations, memberships and declarations, each pointing at the words that state it.

A duty is an obligation (a bullet under "In respect of X, Y will:", or a sentence whose subject is a body
or post and whose verb is "will", "must", "is responsible for" ...), owed by its subject towards the body
it acts on. Its verbs give the relation types ("report to", "consult", "challenge", "for scrutiny" ...).
Structural statements ("is a member of", "is chaired by", "is a sub-group of") give memberships, chairs
and sub-groups, and declarations ("neither subordinate to ...", "chaired by different people") are
recognised by their own phrases. Anything that looks like an obligation but has no owner is listed as
unclassified for the reviewer: nothing is invented.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass, field

from govgraph.graph.model import BodyKind, Capacity, DeclarationKind, DutyKind, Relation
from govgraph.loaders.extract.entities import COLLECTIVE, Entities, Mention, add_listed_entity
from govgraph.loaders.extract.evaluate import is_generic
from govgraph.loaders.extract.ids import IdPool, bounded_id, slug
from govgraph.loaders.extract.independence import COMPOSED
from govgraph.loaders.extract.lists import InlineList, inline_list, names_kinds
from govgraph.loaders.extract.prune import unnamed_partners
from govgraph.loaders.extract.segment import Clause
from govgraph.loaders.extract.vocabulary import (
    AGREED_THAT,
    APPROVAL_LEAD,
    JOINT_ATTRIBUTE,
    KIND_TRIGGERS,
    LEAD_IN_OBLIGATION,
    NOT_A_TARGET_AFTER,
    OBLIGATION,
    OPEN_TO_SCRUTINY,
    PASSIVE_REPORT,
    PURPOSE,
    RECEIVES_REPORT,
    RELATION_KIND,
    RELATION_TRIGGERS,
    RESPONSE_FROM,
    SUBORDINATORS,
    SYMMETRIC,
    capacity_of,
    frequency_of,
)

_SENTENCE_END = re.compile(
    r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bNo)(?<!\b[A-Z])[.!?](?=\s+[\"'\u2018\u201c(]?[A-Z0-9])"
)
_LIMB_VERBS = (
    "offer|provide|make|report|ensure|challenge|consult|advise|respond|refer|seek|hold|monitor|scrutinise|"
    "scrutinize|share|publish|present|submit|invite|notify|send|review|deliver|escalate|inform|agree"
)
_AND_VERB = re.compile(rf"\s+and\s+(?=(?:{_LIMB_VERBS})\b)")
_CAPITAL_AND = re.compile(r"\s+And\s+")
_CONTINUATION = re.compile(
    r"^(?:In particular,?\s+)?(?:by|including|this includes|this means)\b", re.IGNORECASE
)
_PRONOUN_SUBJECT = re.compile(
    r"\b(?P<pronoun>it|they|either|each|both)\s+(?:(?:may|can|could|might|also|will)\s+)?$", re.IGNORECASE
)
_PRONOUN_START = re.compile(
    r"^\s*(?:It|They|These(?:\s+(?:groups?|boards?|bodies|sub[\s-]?groups|committees|panels|partnerships))?"
    r"|This\s+(?:group|board|body|sub[\s-]?group|committee|sub[\s-]?committee|panel|partnership)"
    r"|The\s+(?:group|sub[\s-]?group|committee|sub[\s-]?committee|panel|forum))\b"
    r"(?!\s+(?:is|are|was|were)\s+(?:a|an|the)\b)"
)
# "All the sub groups report in to the Executive": the sub-groups the text has named so far.
_ALL_SUBGROUPS = re.compile(
    r"^\s*(?:(?:All\s+|Each\s+of\s+)?(?:the|its|their|these)\s+sub[\s-]?groups|(?:Each|Every)\s+sub[\s-]?group"
    r"|All\s+sub[\s-]?groups)\b(?!\s+(?:of|and|or|to|for|with)\b)",
    re.IGNORECASE,
)
_GROUP_GLUE = re.compile(
    r"^\)?(?:\s*(?:,|and|or|nor|&|the|to|both|their|its|as well as|with)\s*)*$", re.IGNORECASE
)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:of|by|to|with|from|for|between|within|among|through|via|on|in|about|against|than)\s+"
    r"(?:the\s+|both\s+|either\s+|each\s+)?$",
    re.IGNORECASE,
)
_MEMBER_OF = re.compile(
    r"\b(?:is|are|will be|shall be|becomes?)\s+(?:also\s+)?(?:an?\s+|full\s+|voting\s+|statutory\s+|core\s+)*"
    r"(?:members?)\s+of\s+(?:both\s+)?",
    re.IGNORECASE,
)
_CAPACITY_OF = re.compile(
    r"\b(?:is|are|will be|shall be)\s+(?:also\s+)?(?:an?\s+)?['\u2018\"]?"
    r"(?P<cap>participant[\s-]+observer|observer|lay member|adviser|advisor)s?['\u2019\"]?"
    r"\s+(?:of|to|on|at)\s+",
    re.IGNORECASE,
)
_ATTENDS_AS = re.compile(
    r"\battends?\s+(?P<rest>.{0,60}?)\s+as\s+(?:an?\s+)?(?P<cap>[\w\s-]{0,30}?)\b(?:[.;,]|$)", re.IGNORECASE
)
_SIT_ON = re.compile(r"\b(?:sits?|serves?|sitting)\s+on\s+", re.IGNORECASE)
_CHAIR_OF = re.compile(
    r"\b(?:is|are|will be|shall be)\s+(?:the\s+)?(?:joint\s+|co-)?Chair(?:man|person)?\s+of\s+", re.IGNORECASE
)
# "The Head of Quality chairs the Audit Group" (the verb: lower case, not the plural noun "Co-Chairs")
_CHAIRS = re.compile(
    r"(?<![\w-])(?:chairs|(?:(?i:will|shall|would|may|must|should|to|also|jointly)\s+)chair)(?P<rest>\s+)"
    r"(?:both\s+|all\s+|each\s+)?(?:the\s+|meetings\s+of\s+(?:the\s+)?)"
)
_CHAIRED_BY = re.compile(
    r"\b(?:is|are|was|were|will\s+be|shall\s+be|has\s+been|have\s+been|had\s+been|is\s+currently)\s+"
    r"(?:jointly\s+|independently\s+)?chaired\s+by\s+(?:an?\s+|the\s+)?",
    re.IGNORECASE,
)
# "is a sub-group of", "is a task and finish group of", "is one of the sub-groups of", "was established as
# a standing sub-committee of": up to three words qualify the part's noun.
_SUBGROUP = re.compile(
    r"\b(?:(?:is|are|was|were|will\s+be|shall\s+be|has\s+been|have\s+been)"
    r"(?:\s+(?:also|now|formally))?(?:\s+(?:established|set\s+up|formed|constituted|created)\s+as)?"
    r"|operates\s+as|acts\s+as|functions\s+as)\s+"
    r"(?:an?\s+|the\s+|one\s+of\s+(?:the\s+)?)?(?:[\w-]+\s+){0,3}?(?:sub[\s-]?groups?|groups?|"
    r"sub[\s-]?committees?|committees?|panels?|working\s+groups?)\s+of\s+(?:both\s+)?",
    re.IGNORECASE,
)
_UPDATED = re.compile(r"updat", re.IGNORECASE)
_RELATIVE_REPORT = re.compile(
    r"(?:\s*\([A-Z][A-Za-z&]*\))?\s*(?:,|\()\s*(?:which|who)\s+"
    r"(?:(?:also|directly|formally|in\s+turn|itself|themselves|then|will|must|shall)\s+)*"
    r"(?:reports?|report|(?:is|are|be)\s+(?:(?:itself|themselves|also|directly)\s+)*(?:accountable|answerable)"
    r"|feeds?)\s+(?:directly\s+)?(?:in\s*)?to\s+(?:the\s+)?",
    re.IGNORECASE,
)
_RELATIVE_OPENS = re.compile(r",\s*(?:which|who)\b", re.IGNORECASE)
_CLOSED_RELATIVE = re.compile(r",\s*(?:which|who)\b[^,;:()]*,", re.IGNORECASE)
_MEMBERSHIP_FIELD = re.compile(
    r"\s*(?:(?:Core|Voting|Statutory|Standing)\s+)?(?:Membership|Members)\s*(?:includes?|comprises?)?\s*:\s*",
    re.IGNORECASE,
)
_REPORTING_FIELD = re.compile(r"\s*(?:Accountable|Reports?|Reporting|Accountability)\s+(?:to|into)\s*:\s*")
_FIELD = re.compile(
    r"\s*(?:(?:Independent|Joint)\s+)?(?:Co-|Vice[\s-])?Chair(?:ed\s+by|man|person|s)?\s*:"
    r"|\s*(?:Reports?|Reporting|Accountable|Accountability|Membership|Members|Frequency|Quorum|Purpose)"
    r"(?:\s+(?:in)?to)?\s*:",
    re.IGNORECASE,
)
_CHAIR_FIELD = re.compile(
    r"\s*(?:(?:Independent|Joint)\s+)?(?:Co-|Vice[\s-])?Chair(?:ed\s+by|man|person|s)?\s*:\s*(?:the\s+)?",
    re.IGNORECASE,
)
_REPORT_OF = re.compile(r"\b(?:an?\s+|the\s+|^)(?:annual\s+)?report\s+(?:of|from|by)\s+(?:the\s+)?", re.I)
_REPORT_OF_TO = re.compile(r"(?:\s*\([A-Z][A-Za-z&]*\))?\s+to\s+(?:the\s+)?")
_ACCOUNTABLE_THROUGH = re.compile(r"\baccountab(?:le|ility)\s+$", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|neither|nor|no|never)\b", re.IGNORECASE)
_INVITE = re.compile(
    r"\binvite\s+(?P<who>.+?)\s+to\s+(?:sit|serve|attend|join)\b(?P<rest>[^.;]*?)\bas\s+(?:an?\s+)?"
    r"(?P<as>[\w\s'\u2019-]*?(?:member|observer|adviser|advisor))\b",
    re.IGNORECASE,
)
_APPOINTMENT = re.compile(r"\bappointment\s+of\s+(?P<rest>[^.;]{0,120}?)\bto\s+(?:the\s+)?", re.IGNORECASE)
_TAKEN_BY = re.compile(
    r"\b(?:position|place|seat)s?\s+(?:is|are|will be)\s+(?:taken up|filled|held|taken)\s+by\s+(?:an?\s+)?"
    r"(?:members?|representatives?)\s+of\s+",
    re.IGNORECASE,
)
_LED_BY_PARTNERS = re.compile(
    r"\b(?:is|are)\s+led\s+by\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,4}?partners\s*[:,]?\s*", re.IGNORECASE
)
_MEMBERS_RELATIVE = re.compile(r",?\s*(?:which|who)\s+are\s+(?:its|their)\s+members\b", re.IGNORECASE)
_MEMBERSHIP_LEAD = re.compile(
    r"\b(?:(?:are|be)\s+members\s+of|membership\s+of\s+(?P<of>.+?)\s+(?:includes?|comprises?|consists\s+of|is)"
    r"|members\s+of\s+(?P<of2>.+?)\s+(?:are|include))\b",
    re.IGNORECASE,
)
# A lead-in whose noun gives the relation of every item listed under it.
_MEMBERS_LIST = re.compile(
    r"\b(?:consists?\s+of|comprises?|is\s+made\s+up\s+of|brings\s+together|membership\s+(?:includes?|is)"
    r"|members(?:hip)?\s+(?:are|include|will\s+be|of\s+the\s+[^:]*)|(?:core|statutory|voting)\s+members"
    r"|representatives?\s+(?:from|of))\b|\bmembership\b(?=[^.]*:\s*$)",
    re.IGNORECASE,
)
_SUBGROUPS_LIST = re.compile(
    r"\b(?:sub-?\s?groups?|sub-?committees?|task\s+and\s+finish\s+groups?|working\s+groups?)\b[^.;]*:\s*$",
    re.IGNORECASE,
)
_VERB = re.compile(
    r"\b(?:is|are|was|were|will|shall|must|should|may|can|sits?|has|have|attends?|chairs?|includes?)\b", re.I
)
_CHAIR_NAMED = re.compile(
    r"^(?:(?:Independent|Joint|Co-?|Vice-?)\s*)*Chair(?:man|person)?s?\s+of\s+(?P<of>.+)$"
    r"|^(?P<before>.+?)\s+(?:(?:Independent|Joint|Co-?|Vice-?)\s*)*Chair(?:man|person)?s?$",
    re.IGNORECASE,
)
# A body's full name: capitalised words ending in a body head ("Kestrel Safeguarding Adults Board").
_FULL_BODY_NAME = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w'\u2019&-]*\s+)(?:(?:[A-Z][\w'\u2019&-]*|and|of|for|&)\s+)*"
    r"(?:Board|Partnership|Trust|Committee|Group|Panel|Forum|Council)$"
)
# "Chair of the Kestrel Audit Group": a body's full name (capitalised words ending in a body's head).
_NAME_AFTER_OF = re.compile(
    r"(?:the\s+)?(?P<name>[A-Z][\w'\u2019&-]*\s+(?:(?:[A-Z][\w'\u2019&-]*|and|of|for|&)\s+){0,6}?"
    r"(?:Board|Partnership|Trust|Committee|Sub-[Cc]ommittee|Group|Sub-[Gg]roup|Subgroup|Panel|Forum|Executive))\b"
)
_INDEPENDENT_CHAIR = re.compile(
    r"(?:\b(?:is\s+led\s+by|led\s+by|has|have|under\s+the\s+leadership\s+of|appointed|chaired\s+by)\s+"
    r"(?:an?\s+|the\s+|its\s+)?|^\s*(?P<our>Our)\s+)(?P<role>independent\s+chair(?:man|person)?)\b",
    re.IGNORECASE,
)
_FRONTED_SUBGROUP = re.compile(
    r"\s*(?:As|Although|While|Whilst|Though|Being)\s+(?:it\s+is\s+)?(?:an?|the|one\s+of\s+the)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:sub[\s-]?groups?|sub[\s-]?committees?|committees?|panels?|groups?)\s+of\s+"
)
# "the Children Partnership, a sub-group of the Board, ...": an apposition naming what the body before it is.
_APPOSITIVE_SUBGROUP = re.compile(
    r"\)?\s*[,(]\s*(?:an?|one\s+of\s+the)\s+(?:[\w-]+\s+)?(?:sub-?\s?groups?|sub-?committees?|committees?|panels?"
    r"|working\s+groups?)\s+of\s+(?:the\s+)?",
    re.IGNORECASE,
)
_CONSISTS_OF = re.compile(r"\b(?:consists?\s+of|comprises|is\s+made\s+up\s+of|is\s+comprised\s+of)\s+")
_COUNTS = ["two", "three", "four", "five", "six"]
_COUNTED_SUBGROUPS = re.compile(
    rf"\b(?P<count>{'|'.join(_COUNTS)})\s+sub[\s-]?(?:groups|committees)\s*[;:\u2013\u2014]\s*", re.IGNORECASE
)
_COLLECTIVE_NOUNS = r"(?:organisations|partners|agencies|bodies)"
_COUNTED_LIST = re.compile(
    rf"\b(?P<count>{'|'.join(_COUNTS)})\s+(?:[\w-]+\s+){{0,3}}?{_COLLECTIVE_NOUNS}\b[^:.]*:\s*(?P<list>[^.;:]+)",
    re.IGNORECASE,
)
_COUNTED_REFERENCE = re.compile(
    rf"\bthe\s+(?P<count>{'|'.join(_COUNTS)})\s+(?:[\w-]+\s+){{0,3}}?{_COLLECTIVE_NOUNS}\b", re.IGNORECASE
)
_OUR = re.compile(r"\b[Oo]ur\s+(?:Independent\s+)?(?:Co-|Vice-|Joint\s+)?Chair")
_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")
_INDEFINITE_NAME = re.compile(r"\b(?:an?|one)\s+(?P<name>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,3})")
_PART_HEADS = {"group", "groups", "committee", "subcommittee", "panel", "executive", "board", "forum"}
_ORGANISATION_KINDS = {BodyKind.LOCAL_AUTHORITY, BodyKind.NHS_BODY, BodyKind.COMMUNITY}
# "chaired by Cllr Jo Bloggs": a person's name (after an honorific), two or three capitalised words
_PERSON_AFTER = re.compile(
    r"(?:(?:Cllr\.?|Councillor|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Professor)\s+)?[A-Z][a-z]+(?:[-'\u2019][A-Z][a-z]+)?"
    r"(?:\s+[A-Z][a-z]+(?:[-'\u2019][A-Z][a-z]+)?){1,2}\b(?!\s+(?:[A-Z]|of\b|for\b))"
)
_BESIDE_PERSON = re.compile(r"\s*(?:,|\()?\s*(?:the\s+)?", re.IGNORECASE)
# Minutes: "The Board considered a report of the Independent Chair", "The Panel noted the annual report
# from the SAB": the author of the report the body took reports to it (issue 9, sentence forms).
_MINUTED_REPORT = re.compile(
    r"(?P<gap>\s+(?:(?:had|has|have|then|also|formally)\s+)*)(?:considered|received|noted|discussed|scrutinised"
    r"|welcomed|(?<=To )(?:note|consider|receive))\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?reports?\s+"
    r"(?:of|from|by)\s+(?:the\s+)?",
    re.IGNORECASE,
)
# "introduced a report", "presented the Annual Report 2015/16", "gave an update": the presenter reports.
_PRESENTED_REPORT = re.compile(
    r"\b(?P<verb>introduced|presented|submitted|tabled|gave|delivered|provided"
    r"|attended\s+(?:the\s+(?:meeting|panel|committee|board)\s+)?to\s+(?:present|introduce|give))"
    r"\s+(?:an?|the|its|their|his|her)\s+"
    r"(?:[\w/'\u2019-]+\s+){0,5}?(?:reports?|updates?|presentation)\b"
    r"(?:\s+(?:of|for|from|on)\s+(?:the\s+)?[^.;,]{0,60}?)?(?=\s+to\s|[\s.;,]|$)",
    re.IGNORECASE,
)
_PRESENTED_BY = re.compile(
    r"\b(?:was|were|is|are|will\s+be|to\s+be)\s+(?P<verb>introduced|presented|submitted|tabled)"
    r"(?:\s+to\s+(?P<to>(?:the\s+)?[A-Z][^.;,]{0,80}?))?\s+by\s+(?:the\s+)?",
    re.IGNORECASE,
)
_TOOK_A_REPORT = re.compile(
    r"\b(?P<verb>considered|received|noted|discussed|scrutini[sz]ed|welcomed|reviewed|endorsed"
    r"|(?<=To )(?:note|consider|receive|endorse))\s+(?:the|a|an)\s+",
    re.IGNORECASE,
)
_THE_REPORT = re.compile(r"(?:(?:draft|annual|quarterly|progress)\s+)*reports?\b", re.IGNORECASE)
_THAT = re.compile(r"\b[Tt]hat\s+(?:the\s+)?(?=[A-Z])")
# Right after a that-clause's subject: its reporting verb ("(should) report (annually) to",
# "is/was accountable to"), the receiver next.
_REPORTING_VERB = re.compile(
    r"\s*(?:\([A-Z][A-Za-z&]*\)\s*)?(?:(?:should|will|would|must|shall|continue\s+to|also|formally|directly"
    r"|has|have|had|had\s+been|has\s+been|now)\s+)*"
    r"(?:reports?|reported|(?:is|are|was|were|be|remains?)\s+(?:directly\s+)?(?:accountable|answerable))"
    r"\s+(?:(?:annually|quarterly|regularly|directly|formally|back)\s+)?(?:in\s*)?to\s+(?:the\s+)?",
    re.IGNORECASE,
)
_A_PAPER = re.compile(r"\b(?:reports?|updates?|papers?|item|presentation)\b", re.IGNORECASE)
# Between a presenter's post and the verb: nothing, an acronym, a closing bracket, a comma.
_PRESENTER_GAP = re.compile(r"[\s,]*(?:\(\s*[A-Z][A-Za-z&]*\s*\))?[\s,)]*")
_REPORT_GOES_TO = re.compile(r"\s+to\s+(?:the\s+)?")
# A minutes page's decision with no subject: "To note the report from X" (the meeting's body took it).
_TO_NOTE = re.compile(r"\s*To\s+$", re.IGNORECASE)
_SHARED_OF = re.compile(r"\s+(?:and|&)\s+(the\s+)?(?=[A-Z])")
_SHARED_BETWEEN = re.compile(r"\s+(?:and|&)\s+(the\s+)?")
_OF_BOTH = re.compile(r"\s+of\s+(?:both\s+)(?:the\s+)?", re.IGNORECASE)
_CHAIR_WORD = re.compile(r"\bChair(?:man|person)?\b", re.IGNORECASE)
_TO_INCLUDE = re.compile(r"\(\s*(?:to\s+include|including|comprising|namely|i\.e\.)\s*:?\s*", re.IGNORECASE)
_PARTICIPIAL_CHAIRED_BY = re.compile(r"(?<=[,(\w])\s*\(?chaired\s+by\s+(?:an?\s+|the\s+)?", re.IGNORECASE)
_REPORT_TO_LEAD = re.compile(r"\breports?\s+(?:directly\s+)?(?:in\s*)?to\s+", re.IGNORECASE)
# "The following groups report to the Board:", "Reporting to the Executive are:", "These panels are
# accountable to the SAB:": a lead-in whose subject is its list; the verb gives every item's relation.
_LIST_REPORTS_TO = re.compile(
    r"\b(?:reports?|reporting)\s+(?:directly\s+)?(?:in\s*)?to\s+"
    r"|\b(?:is|are)\s+(?:directly\s+)?accountable\s+to\s+|\bfeeds?\s+in(?:to|\s+to)\s+",
    re.IGNORECASE,
)
# "The Boards", "Each Board", "both Partnerships": the bodies the protocol binds, named together.
_THE_PARTIES = re.compile(
    r"\b(?:the|both|all|these|two|three)\s+(?:\w+\s+)?(?:boards|partnerships)\b"
    r"|\b(?:each|every|either)\s+(?:\w+\s+)?(?:board|partnership)\b",
    re.IGNORECASE,
)
_EACH_OF_THEM = re.compile(r"\b(?:each|either|every|all|both|neither)\b", re.IGNORECASE)
_LEAD_KIND = {Relation.SUBGROUP_OF: "sub-group", Relation.REPORTS_TO: "reporting"}
_LIST_REPORTS_END = re.compile(r"\s*(?:\([A-Z][A-Za-z&]*\)\s*)?(?:are|is|as\s+follows)?\s*:\s*$", re.I)
# A sentence whose subject is the body spoken of before it: "It has ...", "This group has ...".
_REFERS_BACK = re.compile(
    r"^\s*(?:It|They|This\s+(?:group|board|partnership|committee|panel)|The\s+(?:group|board|partnership))\b"
    r"(?:\s+(?:also|now|currently))?\s*$",
    re.IGNORECASE,
)
# "Reporting to the KSAB, the Audit Group ...", "Accountable to the Board, the Panel ...": a fronted
# participle or adjective whose subject is after the comma.
_FRONTED_REPORTS = re.compile(
    r"\s*(?:Reporting|Accountable|Answerable)\s+(?:directly\s+|jointly\s+)?(?:in\s*)?to\s+",
    re.IGNORECASE,
)
_PARTICIPIAL_WITH = re.compile(
    r"\s*,\s*(?:(?:working|collaborating|co-?operating)\s+(?:closely\s+|jointly\s+|together\s+)?"
    r"(?:with|alongside|in\s+partnership\s+with)|in\s+(?:close\s+)?(?:partnership|conjunction|collaboration)"
    r"\s+with)\s+(?:the\s+)?",  # not a bare 'together with' / 'alongside': a coordination, a shared aim
    re.IGNORECASE,
)
# "the KSAB (KSAB) Annual Report", "the Board's update": a body named as the report's owner.
_NAMES_A_REPORT = re.compile(
    r"\s*(?:\([A-Z][A-Za-z&]*\)\s*)?(?:['\u2019]s\s+)?(?:(?:draft|annual|quarterly|progress|yearly)\s+)*"
    r"(?:reports?|updates?)\b",
    re.IGNORECASE,
)
_APPROVAL_OF = re.compile(
    r"\b(?:with|subject\s+to|requir(?:e|es|ing)|needs?|following|after)\s+(?:the\s+)?"
    r"(?:(?:prior|joint|formal|written|final)\s+)*(?:approval|agreement|consent|sign-off)\s+(?:of|from|by)\s+"
    r"(?:both\s+)?(?:the\s+)?",
    re.IGNORECASE,
)
_AS_MEMBERS = re.compile(
    r"\s+as\s+(?:(?:equal|statutory|founding|full|core|joint|voting|key)\s+)*(?:partners\s+and\s+"
    r"(?:(?:equal|statutory|founding|full|core|joint|voting)\s+)*)?members\b",
    re.IGNORECASE,
)
# Between a preposition ending a relation's verb ('report to') and its object: a few modifiers, no clause.
_OBJECT_GAP = re.compile(r"[\s,]*(?:[\w'\u2019-]+\s+){0,4}?", re.IGNORECASE)
# Between 'chaired by' and the post: a person's name and an opening bracket or comma at most.
_CHAIR_GAP = re.compile(
    r"(?:(?:(?:Cllr\.?|Councillor|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Professor)\s+)?[A-Z][\w'\u2019-]+"
    r"(?:\s+[A-Z][\w'\u2019-]+){0,2}\s*[,(]\s*(?:the\s+|an?\s+)?)?"
)
_IS_CHAIRED = re.compile(
    r"\s*(?:\([A-Z][A-Za-z&]*\)\s*)?(?:is|was|has\s+been|had\s+been|will\s+be|is\s+currently)\s+"
    r"(?:jointly\s+|independently\s+)?chaired\s+by\b",
    re.IGNORECASE,
)
# A report's topic: the body after 'on', 'about', 'of' ... is what it is about, not who receives it.
_TOPIC_BEFORE = re.compile(
    r"\b(?:on|about|of|regarding|concerning|in|from|by|for|within|around)\s+"
    r"(?:(?!(?:to|into|with)\b)[\w'\u2019-]+\s+){0,4}?$",  # "report on its progress to X": X receives
    re.IGNORECASE,
)
_SITS_UNDER = re.compile(
    r"(?P<fronted>^\s*(?:Directly\s+)?(?:Under|Beneath|Below)\s+(?:the\s+)?)"
    r"|\b(?:sits?|sitting|operates?|operating)\s+(?:directly\s+)?(?:under|beneath|below)\s+(?:the\s+)?"
    r"|\b(?:is|are|forms?|form)\s+(?:an?\s+(?:integral\s+)?)?part\s+of\s+(?:the\s+)?"
    r"(?:(?:governance|partnership|committee)\s+)?(?:(?:structures?|arrangements)\s+of\s+(?:the\s+)?)?",
    re.IGNORECASE,
)
_INVERTED_SIT = re.compile(
    r"\s*(?:\([A-Z][A-Za-z&]*\)\s*)?,?\s*(?:sit|sits|are|is)\s+(?:the\s+)?", re.IGNORECASE
)
# A heading that states a relation between two bodies it names ("Audit Group - reports to the Board").
_HEADING_RELATION = re.compile(
    r"\b(?:reports?\s+(?:directly\s+)?(?:in\s*)?to|(?:accountable|answerable)\s+to|sub[\s-]?(?:group|committee)\s+of"
    r"|chaired\s+by)\b",
    re.IGNORECASE,
)
_INVERTED_BE = re.compile(r"\s*(?:\([A-Z][A-Za-z&]*\)\s*)?(?:is|are|will\s+be)\s", re.IGNORECASE)
# "The KSCP has established a Learning Review Group", "The Board has set up two panels, A and B".
_ESTABLISHED = re.compile(
    r"\b(?:has|have|had)\s+(?:also\s+|recently\s+)?(?:established|set\s+up|convened|created|formed|"
    r"commissioned)\s+(?:an?|the|two|three|four|five|six)\s+",
    re.IGNORECASE,
)
_HAS_SUBGROUP = re.compile(
    r"\b(?:has|have|(?:is|are)\s+(?:also\s+)?supported\s+by)\s+(?:also\s+)?"
    r"(?:an?|two|three|four|five|six|seven|several|various|a\s+number\s+of|the\s+following)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:sub[\s-]?groups?|sub[\s-]?committees?|committees?|panels?|task\s+and\s+finish\s+groups?"
    r"|working\s+groups?)\b",
    re.IGNORECASE,
)
_WORKING_BETWEEN = re.compile(
    r"\b(?:joint\s+working|joint\s+work|collaboration|collaborative\s+working|co-?operation|partnership\s+working"
    r"|close\s+working|working\s+relationships?)\s+between\s+(?:the\s+)?",
    re.IGNORECASE,
)
_WORK_TOGETHER = re.compile(
    r"\b(?:work(?:s|ing)?\s+(?:closely\s+)?together|collaborat(?:e|es|ing)|co-?operat(?:e|es|ing))\b",
    re.IGNORECASE,
)
# "The A and the B will collaborate": the owners work with each other (not "collaborate with C").
_TOGETHER_NO_OTHER = re.compile(
    r"\b(?:work(?:s|ing)?\s+(?:closely\s+)?together|collaborat(?:e|es|ing)|co-?operat(?:e|es|ing))\b"
    r"(?!\s+(?:closely\s+|fully\s+)?with\b)",
    re.IGNORECASE,
)
_THE_PLURAL = re.compile(r"\b(?:the|both|these)\s+(?:two\s+)?(?P<head>[Bb]oards|[Pp]artnerships)\b")
_BEFORE_TOGETHER = re.compile(
    r"\s*(?:\([A-Z][A-Za-z&]*\)\s*)?(?:(?:will|shall|must|should|can|could|would|to|also|both|all|each|"
    r"continue\s+to|already|currently|now|closely|effectively)\s+)*",
    re.IGNORECASE,
)
_PASSIVE_BY = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:also\s+|regularly\s+|formally\s+|then\s+)?(?P<verb>held\s+(?:to\s+account|accountable)"
    r"|challenged|scrutini[sz]ed|overseen|monitored|advised|consulted|approved|signed\s+off|ratified|endorsed)"
    r"\s+by\s+(?:the\s+)?",
    re.IGNORECASE,
)
_PASSIVE_VERBS = [
    (r"held", Relation.HOLDS_TO_ACCOUNT),
    (r"challenged", Relation.CHALLENGES),
    (r"scrutini", Relation.SCRUTINISES),
    (r"(?:overseen|monitored)", Relation.OVERSEES),
    (r"advised", Relation.ADVISES),
    (r"consulted", Relation.CONSULTS),
    (r"(?:approved|signed|ratified|endorsed)", Relation.SEEKS_APPROVAL_FROM),
]
# "HSAB Sub Groups", "the sub-committees": parts not named one by one (a name's last words, plural)
_PLURAL_PARTS = re.compile(r"\bsub[\s-]?(?:groups|committees|panels)$|\bsubgroups$", re.IGNORECASE)
_SUBGROUP_WORD = re.compile(r"\bsub[\s-]?(?:groups?|committees?|panels?)\b", re.IGNORECASE)
_BARE_CHAIR = re.compile(r"^(?:Independent\s+)?(?:Co-|Vice-|Joint\s+)?Chair(?:man|person)?$", re.IGNORECASE)
_MEMBERSHIP_HEADING = re.compile(r"^(?:board\s+|partnership\s+)?(?:membership|members)\b", re.IGNORECASE)
# A list item's marker printed as text: "i.", "iv)", "(b)", "3.", "-".
_ITEM_MARKER = re.compile(
    r"^\s*(?:\(?(?:[ivx]{1,5}|[a-z]|\d{1,2})[.)]|\((?:[ivx]{1,5}|[a-z]|\d{1,2})\)|[-\u2013*])\s+"
)
_LISTED_NAME = re.compile(r"^[\"'\u2018\u201c]?(?P<name>[A-Z][\w'\u2019&,.-]*(?:\s+[\w'\u2019&,.-]+){0,9}?)"
                          r"\s*(?:\(|\[|\s[\u2013\u2014-]\s|:|;|$|\.$|,\s*(?:and|or)?\s*$)")  # fmt: skip
_REVERSE_BY = re.compile(
    r"\b(?P<what>challenges?|scrutiny)\s+(?:raised|made|issued|brought|given)\s+by\s+", re.IGNORECASE
)
_DECLARATIONS: list[tuple[DeclarationKind, re.Pattern[str]]] = [
    (
        DeclarationKind.INDEPENDENT,
        re.compile(
            r"\b(?:an?\s+)?independent\s+[\w\s]{0,30}?,?\s*neither\s+subordinate\s+to\s+nor\s+a\s+sub-?\s?\w+\s+of\s+"
            r"[^.;]*?(?:body|partnership|board|organisation|group)\b"
            r"|\bneither\s+subordinate\s+to\s+nor\s+a\s+sub-?\s?\w+\s+of\s+[^.;]*?(?:body|partnership|board)\b"
            r"|\bis\s+independent\s+of\s+(?:any|all)\s+other\s+[^.;]*"
            r"|\b(?:(?:must|shall|will|should)\s+)?(?:remain|remains|be|is|are)\s+independent\s+(?:of|from)\b[^.;]*"
            r"|\b(?:a\s+)?(?:self-governing\s+)?independent\s+(?:body|partnership|board|voice)\b"
            r"|\bindependent\s+of\s+(?:all|any|the)\s+[^.;]*"
            r"|\b(?:should|must|will|shall)\s+not\s+be\s+subordinate\s+to\b[^.;]*"
            r"|\bsits?\s+outside\s+(?:the\s+)?(?:family|structure)\s+of\b[^.;]*"
            r"|\bspeak(?:s|ing)?\s+with\s+an\s+independent\s+voice\b"
            r"|\b(?:maintain|retain|preserve|protect)(?:s|ing)?\s+(?:its|their|the)\s+independence\b[^.;]*"
            r"|\b(?:should|must|will|shall)\s+not\s+be\s+subsumed\s+(?:within|into|by)\b[^.;]*"
            # relatives of the issue's phrasings: "is not subordinate to", "nor subsumed within", "not
            # accountable to any (other) group", "is not a sub-group of", "separate and distinct"
            r"|\b(?:is|are|be|was|were)\s+not\s+(?:\w+\s+)?subordinate\s+to\b[^.;]*"
            r"|\bnor\s+(?:be\s+)?subsumed\s+(?:within|into|by)\b[^.;]*"
            r"|\bnot\s+(?:be\s+)?(?:directly\s+)?(?:accountable|answerable)\s+to\s+(?:any|another)\b[^.;]*"
            r"|\b(?:is|are)\s+not\s+an?\s+sub-?\s?(?:group|committee)\s+of\b[^.;]*"
            r"|\bseparate\s+and\s+distinct\b[^.;]*",
            re.IGNORECASE,
        ),
    ),
    (
        DeclarationKind.NON_HIERARCHICAL,
        re.compile(
            r"\b(?:it|this)\s+is\s+not\s+a\s+hierarchical\s+relationship|\bnot\s+(?:a\s+)?hierarchical\b[^.;]*"
            r"|\bnon-hierarchical\b[^.;]*|\bneither\s+\w+\s+is\s+(?:accountable|subordinate)\s+to\s+the\s+other"
            r"|\b(?:have|has)\s+an\s+equal\s+(?:say|voice|status)\b|\bequal\s+partners\b"
            r"|\bno\s+hierarchical\b[^.;]*|\bon\s+an\s+equal\s+footing\b"
            r"|\bno\s+single\s+(?:partner|agency|organisation)\s+has\s+(?:control|primacy)\b[^.;]*"
            r"|\b(?:not|no)\s+(?:a\s+)?hierarchy\b[^.;]*|\bequal\s+(?:standing|status)\b[^.;]*",
            re.IGNORECASE,
        ),
    ),
    (
        DeclarationKind.SEPARATE_CHAIRS,
        re.compile(
            r"\b(?:are|be|is)\s+chaired\s+by\s+different\s+(?:people|persons|individuals)(?:\s+from\s+the\s+\w+)?"
            r"|\b(?:different|separate)\s+chairs\b|\bnot\s+be\s+chaired\s+by\s+the\s+same\s+person"
            r"|\b(?:will|shall|must|do|does)\s+not\s+share\s+a\s+chair\b"
            r"|\b(?:different|separate)\s+(?:independent\s+)?chair(?:s|persons|people)\b"
            r"|\bchaired\s+by\s+(?:a\s+)?different\s+(?:person|individual|chair)s?\b",
            re.IGNORECASE,
        ),
    ),
    (
        DeclarationKind.NO_DIRECTION_POWER,
        re.compile(
            r"\b(?:neither|no|nor|not)\b(?:(?!\b(?:neither|no|nor|not)\b)[^.;]){0,80}?\b(?:has|have)\s+"
            r"(?:the\s+|any\s+)?(?:power|authority|right)\s+to\s+direct\b[^.;]*"
            r"|\b(?:has|have)\s+no\s+(?:power|authority|right)\s+to\s+direct\b[^.;]*"
            r"|\b(?:cannot|may\s+not|can\s+not)\s+direct\b[^.;]*"
            r"|\b(?:has|have)\s+no\s+(?:statutory\s+|executive\s+)?powers?\s+(?:over|to)\b[^.;]*"
            r"|\b(?:does|do)\s+not\s+(?:have\s+(?:any\s+)?(?:specific\s+)?(?:executive\s+)?(?:decision[\s-]making\s+)?"
            r"powers?\s+over|(?:directly\s+)?control\s+(?:the\s+)?resources)\b[^.;]*"
            r"|\b(?:has|have)\s+no\s+(?:power|authority|jurisdiction)\s+(?:to\s+instruct|over)\b[^.;]*"
            r"|\bcannot\s+instruct\b[^.;]*"
            r"|\bnot\s+legally\s+binding\b[^.;]*",
            re.IGNORECASE,
        ),
    ),
    (
        DeclarationKind.SEPARATE_ACCOUNTABILITY,
        re.compile(
            r"\b(?:[Pp]artner\s+agencies\s+|\w+\s+)?retains?\s+(?:their|its)\s+own\s+(?:lines\s+of\s+)?accountabilit\w+"
            r"|\baccountability\s+of\s+(?:each|every)\s+\w+\s+to\s+(?:its|their)\s+own\s+[\w\s]*?body\b"
            r"|\bremains?\s+(?:responsible\s+and\s+)?accountable\s+to\s+(?:their|its)\s+own\b[^.;]*"
            r"|\bsovereignty\s+of\s+(?:each|every)\s+[^.;]*"
            r"|\bnot\s+intended\s+to\s+override\b[^.;]*responsibilit\w*"
            # relatives: "does not replace/override/diminish ... their individual responsibilities",
            # "retain their own statutory responsibilities"
            r"|\bnot\s+(?:\w+\s+){0,3}?(?:override|replace|remove|diminish|supersede|alter)\b[^.;]{0,120}?"
            r"\b(?:individual|own|separate|respective)\s+(?:statutory\s+)?(?:responsibilit|accountabilit|dut)\w*"
            r"|\bretains?\s+(?:their|its)\s+(?:own\s+)?(?:separate\s+|individual\s+)?statutory\s+"
            r"(?:responsibilit|accountabilit|dut|function)\w*",
            re.IGNORECASE,
        ),
    ),
]
_LEGISLATION = re.compile(
    r"(?:[Tt]he\s+)?(?P<title>(?:[A-Z][\w']*\s+){1,5}Act)\s*\(?(?P<year>(?:19|20)\d{2})\)?"
    r"|(?P<wt>Working\s+Together)(?:\s+to\s+Safeguard\s+Children)?(?:\s+Guidance)?\s*\(?(?:[A-Z][a-z]+\s+)?"
    r"(?P<wtyear>(?:19|20)\d{2})\)?"
)


@dataclass
class DutyDraft:
    key: str
    owner: str
    towards: str | None
    kind: DutyKind
    clause: str
    text: str
    confidence: float
    why: str


@dataclass
class RelationDraft:
    type: Relation
    source: str
    target: str
    clause: str
    quote: str
    confidence: float
    why: str
    duty: str | None = None
    capacity: Capacity | None = None
    frequency: str | None = None
    reason: str | None = None  # set for a suggestion: implied, not stated (loaded as inferred)


@dataclass
class DeclarationDraft:
    kind: DeclarationKind
    bodies: list[str]
    clause: str
    quote: str


@dataclass
class LegislationDraft:
    key: str
    title: str
    clause: str
    quote: str


@dataclass
class ApprovalDraft:
    body: str
    clause: str
    quote: str


@dataclass
class Unclassified:
    clause: str
    line: int
    text: str
    reason: str


@dataclass
class Findings:
    duties: list[DutyDraft] = field(default_factory=list)
    relations: list[RelationDraft] = field(default_factory=list)
    declarations: list[DeclarationDraft] = field(default_factory=list)
    legislation: list[LegislationDraft] = field(default_factory=list)
    approvals: list[ApprovalDraft] = field(default_factory=list)
    unclassified: list[Unclassified] = field(default_factory=list)


@dataclass
class _LeadIn:
    owners: list[str]
    towards: str | None
    obligation: bool
    members_of: list[str]
    approval: bool
    relation: Relation = Relation.MEMBER_OF  # what every item is to members_of: MEMBER_OF or SUBGROUP_OF


@dataclass
class _Limb:
    start: int  # in the clause text
    end: int
    own_sentence: bool  # the first limb of a sentence (may have its own subject)

    def text(self, clause: Clause) -> str:
        return clause.text[self.start : self.end]


def find_relations(clauses: list[Clause], entities: Entities) -> Findings:
    return _Reader(clauses, entities).run()


class _Reader:
    """Reads the clauses in order, carrying the last subject (for "It", "either") and the lead-ins."""

    def __init__(self, clauses: list[Clause], entities: Entities) -> None:
        self.clauses = clauses
        self.entities = entities
        self.found = Findings()
        self.lead_ins: dict[str, _LeadIn] = {}
        self.subject: list[str] = []
        self.section = -1
        self.duty_keys = IdPool()
        self.seen_relations: set[tuple] = set()
        self.headed_list: _LeadIn | None = None  # a lead-in whose items are the numbered sections after it
        self.headed_next = 1  # the number the list's next item must have
        self.counted_lists: dict[str, list[str]] = {}  # "three": the three organisations listed last
        self.named_line: str | None = None  # the body the last line that was only its name named
        self.marked_lead: _LeadIn | None = None  # a membership lead-in read on through marked paragraphs

    def run(self) -> Findings:
        for clause in self.clauses:
            marked = None
            if clause.section != self.section:
                self.section, self.subject, self.named_line = clause.section, [], None
            if clause.kind == "heading":
                self.named_line = None  # a body's name as a heading: the subject of what is under it
                self.subject = [m.key for m in self._mentions(clause.text) if self._is_body(m.key)][:1]
                self._headed_item(clause)
                if _HEADING_RELATION.search(clause.text) and len(self._mentions(clause.text)) >= 2:
                    subject = list(self.subject)
                    self._paragraph(
                        clause
                    )  # "Audit Group (reports to the KSAB)": a line the layout made a heading
                    self.subject = subject
                continue
            self.named_line = self._only_a_name(clause) or (
                self.named_line if _FIELD.match(clause.text) else None
            )
            if clause.kind == "numbered":
                self.headed_list = None  # numbered text, not numbered headings: the list is over
            self._counted_list(clause)
            self._legislation(clause)
            lead = self.lead_ins.get(clause.lead_in or "")
            if lead is not None and lead.approval:
                self._approval_item(clause)
            elif lead is not None and lead.members_of:
                self._membership_item(clause, lead)
            elif (heading := self._membership_heading(clause)) is not None:
                self._membership_item(clause, heading)
            elif lead is not None and lead.obligation and not clause.is_lead_in:
                self._obligation_item(clause, lead)
            elif lead is not None and lead.obligation:
                pass  # a lead-in printed as an item of the one before: it opens a list of its own
            elif (marked := self._marked_item(clause)) is not None:
                self._membership_item(marked, self.marked_lead)  # type: ignore[arg-type]
            else:
                self._paragraph(clause)
            if clause.lead_in is None and not clause.is_lead_in and marked is None:
                self.marked_lead = None
            if clause.is_lead_in:
                self.lead_ins[clause.id] = self._lead_in(clause)
                lead = self.lead_ins[clause.id]
                # a membership lead-in none of whose items the layout attached: its marked paragraphs
                self.marked_lead = lead if lead.members_of and not clause.items else None
                self.headed_list = lead if lead.members_of else None
                self.headed_next = len(clause.items) + 1
        self._named_relations()
        self._orphan_subgroups()
        self._bare_chairs()
        return self.found

    # -- lead-ins and their items -------------------------------------------------------------------

    def _lead_in(self, clause: Clause) -> _LeadIn:
        sentences = _sentences(clause.text)
        start, end = sentences[-1]
        last = clause.text[start:end]
        mentions = self._mentions(clause.text)
        if APPROVAL_LEAD.match(last):
            return _LeadIn([], None, False, [], True)
        membership = _MEMBERSHIP_LEAD.search(clause.text)
        if membership:
            targets = [m.key for m in mentions if m.start >= membership.start() and self._is_body(m.key)]
            if targets:
                return _LeadIn([], None, False, targets, False)
        listed = self._list_lead_in(clause, start, last)
        if listed is not None:
            return listed
        if not LEAD_IN_OBLIGATION.search(last):
            return _LeadIn([], None, False, [], False)
        towards = None
        body = last
        prefix = re.match(
            r"^(?:in respect of|in relation to|with regard to|with respect to|regarding|as regards)"
            r"\s+(?P<who>[^,]+),\s*",
            last,
            re.IGNORECASE,
        )
        if prefix:
            found = [m for m in self._mentions(prefix.group("who")) if not m.key.startswith("@")]
            towards = found[0].key if found else None
            body = last[prefix.end() :]
        owners = [m.key for m in self._mentions(body) if not m.key.startswith("@")][:3]
        owners = [o for o in owners if o != towards] or owners
        if not owners and self.subject:
            owners = self.subject
        return _LeadIn(
            owners[:1] if len(owners) > 1 and not _coordinated(body) else owners, towards, True, [], False
        )

    def _counted_list(self, clause: Clause) -> None:
        """'The three organisations (the Safeguarding Partners) ...: A, B and C': remembered, so that
        'the three lead safeguarding partners' later in the text are A, B and C."""
        for match in _COUNTED_LIST.finditer(clause.text):
            listed = [m.key for m in self._mentions(match.group("list")) if self._is_body(m.key)]
            listed = list(dict.fromkeys(listed))
            if len(listed) == _COUNTS.index(match.group("count").lower()) + 2:
                self.counted_lists[match.group("count").lower()] = listed

    def _headed_item(self, clause: Clause) -> None:
        """'Four sub-committees report to the MQP:' then '1 Training Sub-Committee', '2 Learning
        Sub-Committee' as numbered headings, each with its paragraphs: the headings are the list's items,
        as long as their numbers go on from the list's (1, 2, ... or after the items printed as rows)."""
        if self.headed_list is None:
            return
        if clause.number is None or clause.number.strip(".") != str(self.headed_next):
            self.headed_list = None  # a heading that does not continue the list's numbering ends it
            return
        self.headed_next += 1
        self._membership_item(clause, self.headed_list)

    def _approval_item(self, clause: Clause) -> None:
        for mention in self._mentions(clause.text):
            if self._is_body(mention.key):
                self.found.approvals.append(ApprovalDraft(mention.key, clause.id, mention.surface))
                return
        self._unclassified(clause, clause.text, "an approver that is not a known body")

    def _membership_heading(self, clause: Clause) -> _LeadIn | None:
        """A short line with no verb under a 'Membership' heading: a member of the body the heading
        names, else of the protocol's first party."""
        if not clause.heading or not _MEMBERSHIP_HEADING.match(clause.heading) or clause.is_lead_in:
            return None
        if len(clause.text.split()) > 12 or re.search(r"[.;:!?]\s+\S", clause.text):
            return None
        if clause.kind == "numbered" or _VERB.search(clause.text):
            return None  # a sentence about members, read as one
        bodies = [m.key for m in self._mentions(clause.heading) if self._is_body(m.key)]
        bodies = bodies or self.entities.parties[:1]
        return _LeadIn([], None, False, bodies[:1], False) if bodies else None

    def _list_lead_in(self, clause: Clause, start: int, last: str) -> _LeadIn | None:
        """'The Board consists of:', 'Membership includes representatives from:', 'The sub groups are:':
        every item below is a member (or a sub-group) of the body the lead-in names, else of its subject."""
        relation = None
        reports = _REPORT_TO_LEAD.search(last)
        if _SUBGROUPS_LIST.search(last) and reports:
            receivers = [m.key for m in self._mentions(last[reports.end() :]) if self._is_body(m.key)]
            if receivers:  # "Four sub-committees report to the MQP:"
                return _LeadIn([], None, False, receivers[:1], False, Relation.REPORTS_TO)
        listed_reports = self._listed_reporting(last)
        if listed_reports is not None:
            return listed_reports
        if _SUBGROUPS_LIST.search(last):
            relation = Relation.SUBGROUP_OF
        elif _MEMBERS_LIST.search(last):
            relation = Relation.MEMBER_OF
        if relation is None:
            return None
        bodies = [m.key for m in self._mentions(last) if self._is_body(m.key)]
        bodies = bodies or [k for k in self.subject if self._is_body(k)] or self.entities.parties[:1]
        if not bodies:
            return None
        return _LeadIn([], None, False, bodies[:1], False, relation)

    def _listed_reporting(self, last: str) -> _LeadIn | None:
        """'The following groups report to the KSAB:': no body is named before the verb and the lead-in
        ends with the receiver, so the items below are the ones that report to it."""
        verb = _LIST_REPORTS_TO.search(last)
        if verb is None or _NEGATION.search(last[: verb.start()]):
            return None
        if any(self._is_body(m.key) for m in self._mentions(last[: verb.start()])):
            return None  # "The KSAB reports to the KHWB on:": a body's own report, its items are topics
        after = [m for m in self._mentions(last[verb.end() :]) if self._is_body(m.key)]
        if not after or not _LIST_REPORTS_END.match(last, verb.end() + after[0].end):
            return None
        return _LeadIn([], None, False, [after[0].key], False, Relation.REPORTS_TO)

    def _marked_item(self, clause: Clause) -> Clause | None:
        """'The membership of the Board will consist of:' then paragraphs 'i. The Leader of the Council',
        'ii. ...' the layout did not attach to it: each such paragraph, its marker cut, is an item of
        the lead-in (the marked paragraphs run until one is not marked)."""
        if self.marked_lead is None or clause.kind != "paragraph" or clause.lead_in is not None:
            return None
        return clause if _ITEM_MARKER.match(clause.text) else None

    def _membership_item(self, clause: Clause, lead: _LeadIn) -> None:
        if marker := _ITEM_MARKER.match(clause.text):  # "iii. The Chief Officer": the item after its marker
            clause = dataclasses.replace(clause, text=clause.text[marker.end() :])
        mentions = [m for m in self._mentions(clause.text) if not m.key.startswith("@")]
        mentions.sort(key=lambda m: (not self.entities.items[m.key].role, m.start))
        member_key, quote = None, clause.text
        if mentions and mentions[0].start <= 4:
            member = mentions[0]
            # "Elected Member, dash, Leader of the Opposition Group": the post after the dash is the one meant
            after = next((m for m in mentions[1:] if m.start >= member.end), None)
            if (
                after is not None
                and self.entities.items[member.key].role
                and self.entities.items[after.key].role
                and re.fullmatch(r"\s*[\u2013\u2014-]\s*(?:the\s+)?", clause.text[member.end : after.start])
            ):
                member = after
            member_key = member.key
            quote = member.surface if len(member.surface) > 0.6 * len(clause.text) else clause.text
        else:
            member_key, quote = self._listed_entity(clause)
        if member_key is None:
            self._unclassified(clause, clause.text, "a listed member that is not a known body or post")
            return
        if lead.relation == Relation.MEMBER_OF:
            self._members_within(clause, lead, member_key)
        for body in lead.members_of:
            if body == member_key:
                continue
            self._relation(
                lead.relation,
                member_key,
                body,
                clause,
                quote,
                0.75,
                f"listed under a {_LEAD_KIND.get(lead.relation, 'membership')} lead-in",
                capacity=capacity_of(clause.text) if lead.relation == Relation.MEMBER_OF else None,
            )

    def _members_within(self, clause: Clause, lead: _LeadIn, member_key: str) -> None:
        """'Council: five members (to include the Director of X, the Head of Y and the Lead Member)': the
        posts the item itself lists are members too (issue 9, sentence forms: several members in one
        list item)."""
        text = clause.text
        for match in _TO_INCLUDE.finditer(text):
            inner = text[match.end() : _closing_paren(text, match.end())]
            posts = [
                m.key
                for m in self._mentions(inner)
                if m.key != member_key and not m.key.startswith("@") and not self._is_body(m.key)
            ]
            for post in dict.fromkeys(posts):
                for body in lead.members_of:
                    quote = inner.strip()
                    self._relation(
                        Relation.MEMBER_OF,
                        post,
                        body,
                        clause,
                        quote,
                        0.7,
                        "a post listed within a membership item",
                    )

    def _listed_entity(self, clause: Clause) -> tuple[str | None, str]:
        """A list item naming a body no rule knows ("Public Health", "CAFCASS", "NHS England (one
        member)"): the item's leading name, made a body (or a post, by its head word) of its own."""
        match = _LISTED_NAME.match(clause.text)
        if match is None:
            return None, clause.text
        name = match.group("name").strip(" ,.;:")
        if not name or len(name) < 3 or re.search(r"\b(?:will|must|should|shall|is|are|has|have)\b", name):
            return None, clause.text
        return add_listed_entity(self.entities, name, clause), name

    def _obligation_item(self, clause: Clause, lead: _LeadIn) -> None:
        text = clause.text
        if not lead.owners:
            self._unclassified(clause, text, "an obligation whose lead-in names no body")
            return
        masked = _masks(text)
        for owner in lead.owners:
            triggers = self._triggers(clause, 0, len(text), owner, masked)
            targets = (
                [lead.towards] if lead.towards else _first_targets(triggers) or self._invitee_bodies(text)
            )
            for towards in _per_target(targets, self.entities) or [None]:
                duty = self._duty(owner, towards, clause, text, 0.9, f"item of lead-in {clause.lead_in}")
                self._duty_relations(duty, clause, triggers, fallback=lead.towards, confidence=0.85)
            self._memberships(clause, 0, len(text), [owner], invite_default=owner)

    # -- paragraphs --------------------------------------------------------------------------------

    def _paragraph(self, clause: Clause) -> None:
        previous_owners: list[str] = []
        for start, end in _sentences(clause.text):
            subject_before = list(self.subject)
            sentence = clause.text[start:end]
            if sentence.endswith(":") and LEAD_IN_OBLIGATION.search(sentence):
                continue  # "X will:": its items carry the duties
            self._as_members(clause, start, end)  # "as equal partners and members": a declaration too
            if self._declarations(clause, start, end):
                self._remember_subject(clause, start, end)
                continue
            self._memberships(clause, start, end, None)
            previous_owners = self._sentence(clause, start, end, previous_owners)
            self._passive_reports(clause, start, end)
            self._received_reports(clause, start, end)
            self._minuted_reports(clause, start, end)
            self._presented_reports(clause, start, end)
            self._presented_by(clause, start, end)
            self._named_report_taken(clause, start, end)
            self._reported_lines(clause, start, end)
            self._approval_of(clause, start, end)
            self._reporting_field(clause, start, end)
            self._chair_field(clause, start, end)
            self._membership_field(clause, start, end)
            self._relative_reports(clause, start, end)
            self._report_of_to(clause, start, end)
            self._shared_posts(clause, start, end)
            self._working_between(clause, start, end)
            self._participial_cooperation(clause, start, end)
            self._group_works_together(clause, start, end)
            self._passive_by(clause, start, end)
            self._independent_chairs(clause, start, end)
            self._fronted_subgroup(clause, start, end)
            self._fronted_reports(clause, start, end)
            self._established(clause, start, end)
            self._sits_under(clause, start, end)
            self._appositive_subgroup(clause, start, end)
            self._participial_chairs(clause, start, end)
            self._parts(clause, start, end)
            self._has_subgroups(clause, start, end)
            self._committee_of(clause, start, end)
            self._counted_subgroups(clause, start, end)
            self._inline_list(clause, start, end, subject_before)

    def _inline_list(self, clause: Clause, start: int, end: int, subject: list[str]) -> None:
        """'The five sub-groups are A, B and C', 'X includes representation from A, B and C': the lead-in's
        noun gives every item's relation to the whole, as for a bulleted list (items no rule names are
        added as the list prints them)."""
        listed = inline_list(clause.text, start, end)
        if listed is None or _NEGATION.search(clause.text[start : listed.lead_end]):
            return
        wholes = self._list_whole(clause, start, listed, subject)
        if not wholes:
            return
        quote = clause.text[start:end].strip()
        why = f"an item of a {'sub-group' if listed.relation == Relation.SUBGROUP_OF else 'membership'} list"
        for key, words in self._list_members(clause, listed):
            capacity = capacity_of(words) if listed.relation == Relation.MEMBER_OF else None
            self._relation(listed.relation, key, wholes[0], clause, quote, 0.7, why, capacity=capacity)

    def _list_whole(self, clause: Clause, start: int, listed: InlineList, subject: list[str]) -> list[str]:
        """The body the list is of: the one 'members of' names, else the sentence's subject, else the
        paragraph's, else the one body the protocol binds."""
        if listed.whole_from is not None:
            named = self._group_at(clause, listed.whole_from, listed.lead_end)
            return [k for k in named if self._is_body(k)][:1]
        before = [
            m.key
            for m in self._mentions(clause.text[start : listed.lead_end])
            if self._is_body(m.key) and not self.entities.items[m.key].collective
        ]
        if before:
            return before[:1]
        return [k for k in subject if self._is_body(k)][:1] or self.entities.parties[:1]

    def _list_members(self, clause: Clause, listed: InlineList) -> list[tuple[str, str]]:
        """Each item's body or post and its words: the known one it starts with, else the item made one
        of its own (not a generic item, "partner agencies", nor any item of a list that counts kinds)."""
        keys: dict[str, str] = {}
        kinds = names_kinds(listed.items)
        for _, words in listed.items:
            known = [m for m in self._mentions(words) if not m.key.startswith("@")]
            if known and known[0].start <= 1:
                key: str | None = known[0].key
            elif kinds or is_generic(words) or not words[:1].isalpha():
                continue
            else:
                key = add_listed_entity(self.entities, words, clause)
            if key is None or self.entities.items[key].collective:
                continue
            part = self._is_body(key) and self._is_part(key)
            if listed.relation == Relation.MEMBER_OF and part:
                continue  # a group a body consists of is its sub-group: the 'consists of' rule reads it
            keys.setdefault(key, words)
        return list(keys.items())

    def _counted_subgroups(self, clause: Clause, start: int, end: int) -> None:
        """'the work of the two subgroups; the Quality group ... and the Review group ...': the groups
        named after the counted noun are sub-groups of the body named before it, else of the subject, else
        of the one body the protocol binds."""
        text = clause.text
        match = _COUNTED_SUBGROUPS.search(text, start, end)
        if match is None or _NEGATION.search(text[start : match.start()]):
            return
        count = _COUNTS.index(match.group("count").lower()) + 2
        parts = [
            m.key
            for m in self._mentions(text[match.end() : end])
            if self._is_body(m.key) and self._is_part(m.key)
        ]
        before = [m.key for m in self._mentions(text[start : match.start()]) if self._is_body(m.key)]
        wholes = before[-1:] or [k for k in self.subject if self._is_body(k) and k not in parts][:1]
        if not wholes and len(self.entities.parties) == 1:
            wholes = list(self.entities.parties)
        for whole in wholes:
            for part in list(dict.fromkeys(p for p in parts if p != whole))[:count]:
                quote = text[match.start() : end].strip()
                self._relation(
                    Relation.SUBGROUP_OF, part, whole, clause, quote, 0.7, "'the two sub-groups; A and B'"
                )

    def _committee_of(self, clause: Clause, start: int, end: int) -> None:
        """'the Healthier Communities Select Committee of the Council', 'the Executive Group of the
        Board': a committee, group or panel named as another body's is its sub-group."""
        text = clause.text
        named = [
            m for m in self._mentions(text) if start <= m.start and m.end <= end and self._is_body(m.key)
        ]
        for part, whole in itertools.pairwise(named):
            between = text[part.end : whole.start]
            if _OF_THE.fullmatch(between) and part.key != whole.key and self._is_part(part.key):
                quote = text[part.start : whole.end]
                self._relation(Relation.SUBGROUP_OF, part.key, whole.key, clause, quote, 0.75, "'X of the Y'")

    def _participial_chairs(self, clause: Clause, start: int, end: int) -> None:
        """'a task and finish group, chaired by Jo Bloggs (Independent Chair of the LSCB), ...': the post
        named after 'chaired by' (beside the person holding it) chairs the body just before it; 'the
        Board, chaired by Cllr Jo Bloggs, met': a person with no post beside them holds the body's chair,
        a post of its own (issue 9, sentence forms)."""
        text = clause.text
        for match in _PARTICIPIAL_CHAIRED_BY.finditer(text, start, end):
            bodies = [
                m
                for m in self._mentions(text)
                if start <= m.start and m.end <= match.start() and self._is_body(m.key)
            ]
            if not bodies or text[bodies[-1].end : match.start()].strip(" ,(") != "":
                continue
            window = min(end, match.end() + 120)
            role = next(
                (
                    m
                    for m in self._mentions(text)
                    if match.end() <= m.start < window
                    and not self._is_body(m.key)
                    and not m.key.startswith("@")
                ),
                None,
            )
            person = _PERSON_AFTER.match(text, match.end())
            if (
                role is not None
                and text[match.end() : role.start].strip()
                and not (person and _BESIDE_PERSON.fullmatch(text[person.end() : role.start]))
            ):
                role = None  # a post further on ("... following discussion with the Lead Member")
            if role is None and person is not None:
                body = self.entities.items[bodies[-1].key]
                key = add_listed_entity(self.entities, f"Chair of the {body.name}", clause)
                quote_end = person.end()
                post = self.entities.items.get(key or "")
                if post is not None and post.quote not in text:  # the words that state the post
                    post.quote = text[match.start() : person.end()].strip(" ,(")
                    post.how = "the chair of a body 'chaired by' a person"
            elif role is not None:
                key, quote_end = role.key, _closing(text, self._end_of_mention(clause, match.end(), window))
            else:
                continue
            quote = text[bodies[-1].start : quote_end].strip(" ,")
            if key is not None:
                self._relation(
                    Relation.CHAIRS, key, bodies[-1].key, clause, quote, 0.8, "', chaired by' the post"
                )

    def _fronted_subgroup(self, clause: Clause, start: int, end: int) -> None:
        """'As a sub-group of the Trust, the Board ...', 'Although a formal committee of the Council, the
        HWB ...': the subject after the comma is a sub-group of the body the fronted phrase names."""
        text = clause.text
        match = _FRONTED_SUBGROUP.match(text, start, end)
        if match is None:
            return
        parent = self._group_at(clause, match.end(), end)[:1]
        comma = text.find(",", match.end(), end)
        if not parent or comma < 0:
            return
        child = self._group_at(clause, comma + 1, min(end, comma + 80))
        quote = text[match.start() : comma].strip()
        for body in child:
            if self._is_body(body) and body != parent[0]:
                self._relation(
                    Relation.SUBGROUP_OF, body, parent[0], clause, quote, 0.8, "a fronted 'as a sub-group of'"
                )

    def _fronted_reports(self, clause: Clause, start: int, end: int) -> None:
        """'Reporting to the KSAB, the Audit Group monitors ...': the subject after the comma reports to
        the body the fronted phrase names."""
        text = clause.text
        match = _FRONTED_REPORTS.match(text, start, end)
        if match is None:
            return
        groups = self._groups(clause, match.end(), end)
        receiver = [k for k in self._group_at(clause, match.end(), end) if self._is_body(k)][:1]
        # "Reporting to the Board are the A and the B": inverted, the subjects follow the verb
        after_receiver = self._end_of_mention(clause, match.end(), end)
        inverted = _INVERTED_BE.match(text, after_receiver) if groups else None
        comma = inverted.end() - 1 if inverted else text.find(",", match.end(), end)
        if not receiver or comma < 0:
            return
        quote = text[start:end].strip()
        for body in self._group_at(clause, comma + 1, min(end, comma + 160)):
            if self._is_body(body) and body != receiver[0]:
                self._relation(
                    Relation.REPORTS_TO, body, receiver[0], clause, quote, 0.75, "a fronted 'reporting to'"
                )

    def _established(self, clause: Clause, start: int, end: int) -> None:
        """'The KSCP has established a Learning Review Group': a group a body set up is its sub-group
        (a group, panel, committee ... named right after the verb)."""
        text = clause.text
        match = _ESTABLISHED.search(text, start, end)
        if match is None or _NEGATION.search(text[start : match.start()]):
            return
        wholes = [w for w in self._subject(clause, start, match.start(), statement=True) if self._is_body(w)]
        named = [m for m in self._mentions(text[match.end() : end]) if self._is_body(m.key)]
        if not wholes or not named or named[0].start > 2 or not self._is_part(named[0].key):
            return
        # "has established the A and the B": every part of the group named right after the verb
        group = self._groups(clause, match.end() + named[0].start, end)[0]
        for part in dict.fromkeys(m.key for m in group):
            if part != wholes[0] and self._is_body(part) and self._is_part(part):
                quote = text[start:end].strip()
                self._relation(Relation.SUBGROUP_OF, part, wholes[0], clause, quote, 0.7, "set up by it")

    def _sits_under(self, clause: Clause, start: int, end: int) -> None:
        """'The Audit Group sits under the KSAB', 'is part of the structure of the KSAB', 'Three sub-groups
        sit under the KSAB: A, B and C', 'Under the KSAB sit A and B': each group (a part, not an
        organisation) is a sub-group of the body it sits under."""
        text = clause.text
        for match in _SITS_UNDER.finditer(text, start, end):
            if _negated(text, start, match.start()):
                continue
            after = self._groups(clause, match.end(), end)
            if not after or after[0][0].start > match.end() + len("the "):
                continue
            parents = [
                k
                for k in self._resolve_groups([m.key for m in after[0]], clause, after[0][0].start)
                if self._is_body(k)
            ][:1]
            if match.group("fronted"):  # "Under the KSAB sit A and B": the parts follow
                rest = _INVERTED_SIT.match(text, after[0][-1].end)
                children = self._group_at(clause, rest.end(), end) if rest else []
            else:
                children = self._antecedent(clause, start, match.start()) or self._subject(
                    clause, start, match.start(), statement=False
                )
                if not children or (
                    _SUBGROUP_WORD.search(text[start : match.start()]) and ":" in text[match.end() : end]
                ):
                    colon = text.find(":", match.end(), end)
                    children = [m.key for m in self._mentions(text[colon + 1 : end])] if colon >= 0 else []
            for parent in parents:
                for child in dict.fromkeys(children):
                    if child != parent and self._is_body(child) and self._is_part(child):
                        self._relation(
                            Relation.SUBGROUP_OF,
                            child,
                            parent,
                            clause,
                            text[start:end].strip(),
                            0.7,
                            f"'{match.group(0).strip()}' it",
                        )

    def _appositive_subgroup(self, clause: Clause, start: int, end: int) -> None:
        """'the Children Partnership, a sub-group of the Board, met': the body just before the apposition
        is a sub-group of the body it names (issue 9, sentence forms: participial and appositive)."""
        text = clause.text
        for match in _APPOSITIVE_SUBGROUP.finditer(text, start, end):
            before = [m for m in self._mentions(text[start : match.start()]) if self._is_body(m.key)]
            if not before or before[-1].end + start != match.start():
                continue
            parent = [k for k in self._group_at(clause, match.end(), end) if self._is_body(k)][:1]
            child = before[-1].key
            if parent and parent[0] != child:
                quote = text[start + before[-1].start : self._end_of_mention(clause, match.end(), end)]
                self._relation(
                    Relation.SUBGROUP_OF, child, parent[0], clause, quote.strip(), 0.8, "', a sub-group of'"
                )

    def _has_subgroups(self, clause: Clause, start: int, end: int) -> None:
        """'The LSCB also has a local sub group, the Child Death Overview Panel', 'It has two
        sub-groups: A and B': the groups named after it are the subject's sub-groups."""
        text = clause.text
        match = _HAS_SUBGROUP.search(text, start, end)
        if match is None or _NEGATION.search(text[start : match.start()]):
            return
        if _REFERS_BACK.match(text[start : match.start()]):
            wholes = [k for k in self.subject if self._is_body(k)][:1]
        else:
            wholes = [
                w for w in self._subject(clause, start, match.start(), statement=True) if self._is_body(w)
            ]
        parts = [
            m.key
            for m in self._mentions(text[match.end() : end])
            if self._is_body(m.key) and self._is_part(m.key)
        ]
        for whole in wholes[:1]:
            for part in dict.fromkeys(parts):
                quote = text[start:end].strip()
                self._relation(Relation.SUBGROUP_OF, part, whole, clause, quote, 0.75, "'has a sub-group'")

    def _parts(self, clause: Clause, start: int, end: int) -> None:
        """'The WSCP consists of an Executive and four sub-groups': the groups, boards and committees a
        body is said to consist of are its sub-groups (organisations so listed are its members, which
        the membership rules read)."""
        text = clause.text
        match = _CONSISTS_OF.search(text, start, end)
        if match is None or text[start:end].rstrip().endswith(":"):
            return
        whole = self._subject(clause, start, match.start(), statement=True)
        wholes = [w for w in whole if self._is_body(w)][:1]
        listed = [m.key for m in self._mentions(text[match.end() : end])]
        listed += self._indefinite_parts(text[match.end() : end])
        parts = [key for key in listed if self._is_body(key) and self._is_part(key)]
        for body in wholes:
            for part in dict.fromkeys(parts):
                quote = text[start:end].strip()
                self._relation(
                    Relation.SUBGROUP_OF, part, body, clause, quote, 0.75, "'consists of' its parts"
                )

    def _indefinite_parts(self, listed: str) -> list[str]:
        """'consists of an Executive and four sub-groups': "an Executive" is the one the text calls
        "the Executive" (a part it has, not a kind of body)."""
        found = []
        for match in _INDEFINITE_NAME.finditer(listed):
            key = self.entities.resolve(f"the {match.group('name')}")
            if key is not None:
                found.append(key)
        return found

    def _is_part(self, key: str) -> bool:
        """A group, committee, panel or executive (not an organisation in its own right)."""
        entity = self.entities.items[key]
        if entity.collective or entity.kind in _ORGANISATION_KINDS:
            return False
        words = entity.name.lower().replace("-", " ").split()
        unnamed = all(w in {"sub", "various", "other", "the", *_PART_HEADS} for w in words) and len(words) > 1
        return bool(words) and words[-1] in _PART_HEADS and not unnamed and not words[-1].endswith("s")

    def _passive_by(self, clause: Clause, start: int, end: int) -> None:
        """'The KSCB is held to account by the Trust', '... is scrutinised by X': X acts on the subject;
        'the KSCB business plan must be approved by X': the subject seeks X's approval."""
        text = clause.text
        for match in _PASSIVE_BY.finditer(text, start, end):
            if _NEGATION.search(text[max(start, match.start() - 20) : match.start("verb")]):
                continue
            subject = [
                k for k in self._subject(clause, start, match.start(), statement=True) if self._is_body(k)
            ]
            actors = self._group_at(clause, match.end(), min(end, match.end() + 120))
            verb = re.sub(r"\s+", " ", match.group("verb").lower())
            relation = next(r for pattern, r in _PASSIVE_VERBS if re.match(pattern, verb))
            for owner in subject:
                for actor in actors:
                    source, target = (
                        (owner, actor) if relation == Relation.SEEKS_APPROVAL_FROM else (actor, owner)
                    )
                    self._relation(
                        relation, source, target, clause, text[start:end].strip(), 0.7, f"'{match.group(0)}'"
                    )

    def _working_between(self, clause: Clause, start: int, end: int) -> None:
        """'There is joint working between the KSCB and the KSAB': the bodies named together cooperate."""
        text = clause.text
        for match in _WORKING_BETWEEN.finditer(text, start, end):
            bodies = [k for k in self._group_at(clause, match.end(), end) if self._is_body(k)]
            bodies = [b for b in bodies if not self.entities.items[b].collective]
            for other in bodies[1:]:
                self._relation(
                    Relation.COOPERATES_WITH,
                    bodies[0],
                    other,
                    clause,
                    text[start:end].strip(),
                    0.7,
                    f"'{match.group(0).strip()}' them",
                )

    def _group_works_together(self, clause: Clause, start: int, end: int) -> None:
        """'how the Boards work together', 'where the KSAB and the KSCP collaborate': bodies named
        together right before a verb of working together work with each other, in a subordinate clause
        as in a main one."""
        text = clause.text
        for match in _TOGETHER_NO_OTHER.finditer(text, start, end):
            if _negated(text, start, match.start()):
                continue
            groups = self._groups(clause, start, match.start())
            plural = next(reversed(list(_THE_PLURAL.finditer(text, start, match.start()))), None)
            if plural and _BEFORE_TOGETHER.fullmatch(text[plural.end() : match.start()]):
                keys, first = self._the_plural(plural.group("head")), plural.start()
            elif groups and _BEFORE_TOGETHER.fullmatch(text[groups[-1][-1].end : match.start()]):
                keys = self._resolve_groups([m.key for m in groups[-1]], clause, groups[-1][0].start)
                first = groups[-1][0].start
            else:
                continue
            bodies = [k for k in keys if self._is_body(k) and not self.entities.items[k].collective]
            quote = text[first : match.end()]
            for one, other in itertools.combinations(bodies, 2):
                self._relation(Relation.COOPERATES_WITH, one, other, clause, quote, 0.7, "'work together'")

    def _the_plural(self, head: str) -> list[str]:
        """'the Boards', 'both Partnerships': the document's bodies of that head, when there are just two
        (the parties, when the protocol names them as such)."""
        singular = head.lower().rstrip("s")
        if len(self.entities.parties) == 2:
            return list(self.entities.parties)
        bodies = [
            e.key
            for e in self.entities.items.values()
            if not e.role and not e.collective and _head_of(e.name) == singular
        ]
        return bodies if len(bodies) == 2 else []

    def _participial_cooperation(self, clause: Clause, start: int, end: int) -> None:
        """'The KSAB, working closely with the KHWB, will ...', 'the Board, in partnership with the
        Council, ...': the body just before the participle works with the group right after it."""
        text = clause.text
        for match in _PARTICIPIAL_WITH.finditer(text, start, end):
            before = [m for m in self._mentions(text[start : match.start()]) if self._is_body(m.key)]
            if not before or text[start + before[-1].end : match.start()].strip(" )") != "":
                continue
            groups = self._groups(clause, match.end(), end)
            if not groups or groups[0][0].start > match.end() + len("the "):
                continue
            partners = self._resolve_groups([m.key for m in groups[0]], clause, groups[0][0].start)
            body = before[-1].key
            for partner in partners:
                if self._is_body(partner) and partner != body and not _negated(text, start, match.start()):
                    quote = text[start + before[-1].start : groups[0][-1].end]
                    self._relation(
                        Relation.COOPERATES_WITH, body, partner, clause, quote, 0.7, "', working with'"
                    )

    def _received_reports(self, clause: Clause, start: int, end: int) -> None:
        """'The HWB will receive the annual report of the LSCB' (or 'the LSCB's annual report', 'reports
        from the LSCB'): the author named with the report reports to the subject that receives it."""
        text = clause.text
        for match in RECEIVES_REPORT.finditer(text, start, end):
            if _negated(text, start, match.start()):
                continue  # "does not receive reports from X"
            receivers = [
                k for k in self._subject(clause, start, match.start(), statement=True) if self._is_body(k)
            ]
            window = text[match.start() : min(end, match.end() + 50)]
            of = re.search(r"\b(?:of|from|by)\s+", window[match.end() - match.start() :])
            named = [m for m in self._mentions(window) if self._is_body(m.key) and m.key not in receivers]
            if of is not None:
                cut = match.end() - match.start() + of.end()
                named = [m for m in named if m.start >= cut] or named
            for receiver in receivers:
                for author in [m.key for m in named][:1]:
                    self._relation(
                        Relation.REPORTS_TO,
                        author,
                        receiver,
                        clause,
                        text[start:end].strip(),
                        0.7,
                        "'receives the report of' it",
                        frequency=frequency_of(text[start:end]),
                    )

    def _minuted_reports(self, clause: Clause, start: int, end: int) -> None:
        """'The Board considered a report of the LSCB Independent Chair': the author (a body or a post)
        reports to the body just before the verb, the one that took the report."""
        text = clause.text
        mentions = [m for m in self._mentions(text) if not m.key.startswith("@")]
        for match in _MINUTED_REPORT.finditer(text, start, end):
            receiver = next(
                (
                    m
                    for m in mentions
                    if m.end <= match.start()
                    and self._is_body(m.key)
                    and re.fullmatch(r"\s*(?:\([A-Z][A-Za-z&]*\))?\s*", text[m.end : match.start()])
                ),
                None,
            )
            if receiver is None and self.entities.meeting and _TO_NOTE.match(text, start, match.start() + 1):
                receiver = Mention(self.entities.meeting, start, start, "")  # "To note the report from X"
            author = next((m for m in mentions if m.start == match.end()), None)
            if receiver is None or author is None or receiver.key == author.key:
                continue
            quote = text[receiver.start : author.end]
            self._relation(
                Relation.REPORTS_TO, author.key, receiver.key, clause, quote, 0.7, "'considered a report of'"
            )

    def _presented_reports(self, clause: Clause, start: int, end: int) -> None:
        """Minutes: 'The Director of Adults introduced a report ...', 'Jo Bloggs, Independent Chair of the
        KSAB, presented the Annual Report': the post or body that presented it (named right before the
        verb, a person's name and an acronym aside) reports to the body the report went 'to', else to the
        meeting whose minutes these are."""
        text = clause.text
        for match in _PRESENTED_REPORT.finditer(text, start, end):
            if _negated(text, start, match.start()):
                continue
            presenter = next(
                (
                    m
                    for m in reversed(self._mentions(text[start : match.start()]))
                    if not m.key.startswith("@")
                    and not text[: start + m.start].rstrip().endswith("(")  # an acronym, defined
                    and _PRESENTER_GAP.fullmatch(text[start + m.end : match.start()])
                ),
                None,
            )
            if presenter is None:
                continue
            to = _REPORT_GOES_TO.match(text, match.end(), end)
            receivers = self._group_at(clause, to.end(), end) if to else []
            if to is None and self.entities.meeting:
                receivers = [self.entities.meeting]
            for receiver in receivers:
                own = self._own_post(presenter.key, receiver)
                if self._is_body(receiver) and receiver != presenter.key and not own:
                    stop = self._end_of_mention(clause, to.end(), end) if to else match.end()
                    quote = text[start + presenter.start : stop]
                    self._relation(
                        Relation.REPORTS_TO,
                        presenter.key,
                        receiver,
                        clause,
                        quote.strip(),
                        0.7,
                        f"'{match.group('verb')} a report': minuted",
                    )

    def _approval_of(self, clause: Clause, start: int, end: int) -> None:
        """'(The terms of reference of the Committee) may only be changed with the joint approval of the A
        and the B', 'subject to the agreement of the A': the body named before (whose thing needs the
        approval) seeks the approval of each body after."""
        text = clause.text
        for match in _APPROVAL_OF.finditer(text, start, end):
            if _negated(text, start, match.start()):
                continue
            groups = self._groups(clause, match.end(), end)
            if not groups or groups[0][0].start > match.end() + len("the "):
                continue
            approvers = [
                k
                for k in self._resolve_groups([m.key for m in groups[0]], clause, groups[0][0].start)
                if self._is_body(k)
            ]
            owners = [
                m.key
                for m in self._mentions(text[start : match.start()])
                if self._is_body(m.key)
                and m.key not in approvers
                and not self.entities.items[m.key].collective
            ]
            if not owners or not approvers:
                continue
            quote = text[match.start() : groups[0][-1].end]
            for approver in approvers:
                self._relation(
                    Relation.SEEKS_APPROVAL_FROM,
                    owners[-1],
                    approver,
                    clause,
                    quote,
                    0.65,
                    f"'{match.group(0).strip()}' it",
                )

    def _as_members(self, clause: Clause, start: int, end: int) -> None:
        """'The Partnership, established jointly by the A and the B as equal partners and statutory
        members': the bodies named right before 'as ... members' are members of the sentence's subject."""
        text = clause.text
        for match in _AS_MEMBERS.finditer(text, start, end):
            groups = self._groups(clause, start, match.start())
            if not groups or text[groups[-1][-1].end : match.start()].strip(" ()") != "":
                continue
            members = self._resolve_groups([m.key for m in groups[-1]], clause, groups[-1][0].start)
            whole = [k for k in self._subject(clause, start, end, statement=False) if self._is_body(k)][:1]
            for body in whole:
                for member in members:
                    if member != body and not _negated(text, start, match.start()):
                        self._relation(
                            Relation.MEMBER_OF,
                            member,
                            body,
                            clause,
                            text[groups[-1][0].start : match.end()],
                            0.7,
                            "named 'as ... members' of it",
                            capacity=Capacity.MEMBER,
                        )

    def _presented_by(self, clause: Clause, start: int, end: int) -> None:
        """Minutes: 'The annual report was introduced to the committee by Jo Bloggs (Independent Chair of the
        KSAB)': the post (or body) after 'by' reports to the body after 'to', else to the meeting's."""
        text = clause.text
        for match in _PRESENTED_BY.finditer(text, start, end):
            if not _A_PAPER.search(text, start, match.start()) or _negated(text, start, match.start()):
                continue
            groups = self._groups(clause, match.end(), end)
            if not groups or not _CHAIR_GAP.fullmatch(text[match.end() : groups[0][0].start]):
                continue
            presenter = groups[0][0].key
            if presenter.startswith("@"):
                continue
            if match.group("to") is not None:
                receivers = self._group_at(clause, match.start("to"), match.end("to"))
            else:
                receivers = [self.entities.meeting] if self.entities.meeting else []
            for receiver in receivers:
                if (
                    self._is_body(receiver)
                    and receiver != presenter
                    and not self._own_post(presenter, receiver)
                ):
                    quote = text[start : self._end_of_mention(clause, match.end(), end)].strip()
                    self._relation(
                        Relation.REPORTS_TO,
                        presenter,
                        receiver,
                        clause,
                        quote,
                        0.7,
                        f"'{match.group('verb')} by' it: minuted",
                    )

    def _named_report_taken(self, clause: Clause, start: int, end: int) -> None:
        """'The Board considered the KSAB Annual Report', 'To receive the KSAB's annual report': the body
        the report is named by reports to the body that took it (the sentence's subject, else the
        meeting whose minutes these are); 'The Board considered the annual report' under the heading
        'KSAB Annual Report 2016': the heading's body."""
        text = clause.text
        for match in _TOOK_A_REPORT.finditer(text, start, end):
            if _negated(text, start, match.start()):
                continue
            author = next(
                (m for m in self._mentions(text[match.end() : end]) if m.start == 0 and self._is_body(m.key)),
                None,
            )
            report = _NAMES_A_REPORT.match(text, match.end() + author.end) if author else None
            bare = _THE_REPORT.match(text, match.end())
            if author is None and bare and not re.match(r"\s+(?:of|from|by)\b", text[bare.end() :]):
                author, report = self._report_in_heading(clause), _THE_REPORT.match(text, match.end())
            if author is None or report is None:
                continue
            subject = [
                k for k in self._subject(clause, start, match.start(), statement=True) if self._is_body(k)
            ]
            receivers = subject[:1] or ([self.entities.meeting] if self.entities.meeting else [])
            for receiver in receivers:
                if receiver != author.key:
                    self._relation(
                        Relation.REPORTS_TO,
                        author.key,
                        receiver,
                        clause,
                        text[match.start() : report.end()],
                        0.7,
                        f"'{match.group('verb')}' its report",
                        frequency=frequency_of(text[match.start() : end]),
                    )

    def _report_in_heading(self, clause: Clause) -> Mention | None:
        """The body whose report the clause's heading names ('KSAB Annual Report 2015/16'), or a short
        line a little before it that is only that (an agenda item's title the layout kept as a line)."""
        index = next((i for i, c in enumerate(self.clauses) if c.id == clause.id), 0)
        lines = [clause.heading or ""] + [
            c.text for c in self.clauses[max(0, index - 3) : index] if len(c.text.split()) <= 12
        ]
        for line in lines:
            for mention in self._mentions(line):
                if (
                    mention.start <= 4
                    and self._is_body(mention.key)
                    and _NAMES_A_REPORT.match(line, mention.end)
                ):
                    return Mention(mention.key, 0, 0, mention.surface)
        return None

    def _in_that_clause(self, text: str, start: int, position: int) -> bool:
        """Whether ``position`` follows 'that' and a named subject of its own in [start, position)."""
        for that in _THAT.finditer(text, start, position):
            named = [m for m in self._mentions(text[that.end() : position]) if not m.key.startswith("@")]
            if named and named[0].start <= len("the "):
                return True
        return False

    def _reported_lines(self, clause: Clause, start: int, end: int) -> None:
        """'RESOLVED: That the KSCB report to the Board annually', 'She explained that the KSAB is
        accountable to the KHWB': a reporting line in a that-clause is its own subject's (the main
        verb's subject rule never reads inside it)."""
        text = clause.text
        for that in _THAT.finditer(text, start, end):
            groups = self._groups(clause, that.end(), end)
            if not groups or groups[0][0].start > that.end() + len("the "):
                continue
            subject = groups[0]
            verb = _REPORTING_VERB.match(text, subject[-1].end, end)
            if verb is None or _negated(text, that.end(), verb.end()):
                continue
            receivers = self._groups(clause, verb.end(), end)
            if not receivers or receivers[0][0].start > verb.end() + len("the "):
                continue
            keys = self._resolve_groups([m.key for m in subject], clause, subject[0].start)
            targets = self._resolve_groups([m.key for m in receivers[0]], clause, receivers[0][0].start)
            quote = text[that.end() : receivers[0][-1].end]
            for source in keys:
                for target in targets:
                    if target != source and not self.entities.items[target].collective:
                        self._relation(
                            Relation.REPORTS_TO,
                            source,
                            target,
                            clause,
                            quote,
                            0.65,
                            "a reporting line in a that-clause",
                            frequency=frequency_of(text[that.end() : end]),
                        )

    def _own_post(self, post: str, body: str) -> bool:
        """A post of the body itself ('the Cabinet Member for Health' of the Cabinet): presenting to its
        own body is no reporting line."""
        entity, owner = self.entities.items.get(post), self.entities.items.get(body)
        if entity is None or owner is None or not entity.role:
            return False
        return entity.body == body or entity.name.lower().startswith(owner.name.lower() + " ")

    def _field_owner(self, clause: Clause) -> str | None:
        """The body a terms of reference's field line is about: the one named by the line just before
        the fields ("3.1 Audit Group" then "Reports to: X", "Chair: Y"), else by its heading, else by the
        document's title."""
        if self.named_line is not None:
            return self.named_line
        named = [m.key for m in self._mentions(clause.heading or "") if self._is_body(m.key)]
        return named[0] if len(named) == 1 else self._title_body()

    def _only_a_name(self, clause: Clause) -> str | None:
        """The body a line names when the line is nothing but its name ("3.1 Audit Review Group")."""
        text = clause.text.strip(" .:")
        mentions = [m for m in self._mentions(text) if self._is_body(m.key)]
        if len(mentions) == 1 and len(mentions[0].surface) >= len(re.sub(r"^the\s+", "", text, flags=re.I)):
            return mentions[0].key
        return None

    def _chair_field(self, clause: Clause, start: int, end: int) -> None:
        """'Chair: Head of Quality' (or 'Chaired by: ...') under a group's heading: that post chairs the
        body the heading names (a person or a body as the value is left to the other rules)."""
        field = _CHAIR_FIELD.match(clause.text, start, end)
        if field is None or start != 0:
            return
        own = self._field_owner(clause)
        posts = [m for m in self._mentions(clause.text[field.end() : end]) if not m.key.startswith("@")]
        if own is None or not posts or not self.entities.items[posts[0].key].role or posts[0].start > 4:
            return
        self._relation(
            Relation.CHAIRS,
            posts[0].key,
            own,
            clause,
            clause.text[start:end].strip(),
            0.7,
            "a terms of reference's chair field",
        )

    def _membership_field(self, clause: Clause, start: int, end: int) -> None:
        """'Membership: Director of Public Health; Head of Quality' (or 'Members: A, B and C') under a
        group's heading: each post or body the field names is a member of the body the heading names."""
        field = _MEMBERSHIP_FIELD.match(clause.text, start, end)
        if field is None or start != 0:
            return
        own = self._field_owner(clause)
        if own is None:
            return
        text = clause.text
        for mention in self._mentions(text[field.end() :]):
            key = mention.key
            if key.startswith("@") or key == own or self.entities.items[key].collective:
                continue
            at = field.end() + mention.start
            self._relation(
                Relation.MEMBER_OF,
                key,
                own,
                clause,
                text[at : field.end() + mention.end],
                0.7,
                "a terms of reference's membership field",
                capacity=capacity_of(re.split(r"[;,]|\band\b", text[at:])[0]),  # "Head of X (observer)"
            )

    def _reporting_field(self, clause: Clause, start: int, end: int) -> None:
        """A terms of reference's field line "Accountable to: X" / "Reports to: X": the body the field's
        heading names (else the document's title) reports to X."""
        field = _REPORTING_FIELD.match(clause.text, start, end)
        if field is None or start != 0:
            return
        own = self._field_owner(clause)
        for receiver in self._group_at(clause, field.end(), end):
            if own is not None and receiver != own:
                self._relation(
                    Relation.REPORTS_TO,
                    own,
                    receiver,
                    clause,
                    clause.text[start:end].strip(),
                    0.7,
                    "a terms of reference's reporting field",
                )

    def _relative_reports(self, clause: Clause, start: int, end: int) -> None:
        """'The KSAB, which reports to the KHWB, meets quarterly': the body the relative clause hangs on
        reports to the one after its verb (the main verb's subject rule never reads inside it)."""
        text = clause.text
        for match in _RELATIVE_REPORT.finditer(text, start, end):
            antecedent = next(
                (m for m in self._mentions(text) if m.end == match.start() and not m.key.startswith("@")),
                None,
            )
            if antecedent is None or _negated(text, match.start(), match.end()):
                continue
            receivers = self._group_at(clause, match.end(), end)
            if re.match(r"(?:it|them)\b", text[match.end() :]):  # "..., which reports to it": the subject
                receivers = [k for k in self._group_at(clause, start, match.start()) if self._is_body(k)][:1]
            for receiver in receivers:
                if receiver != antecedent.key:
                    quote = text[antecedent.start : match.end()].strip()
                    self._relation(
                        Relation.REPORTS_TO,
                        antecedent.key,
                        receiver,
                        clause,
                        quote,
                        0.7,
                        "'X, which reports to Y'",
                    )

    def _title_body(self) -> str | None:
        """The body the document's title names first, else its only party."""
        title = next((c for c in self.clauses if c.kind == "title"), None)
        named = [m.key for m in self._mentions(title.text) if self._is_body(m.key)] if title else []
        if named:
            return named[0]
        return self.entities.parties[0] if len(self.entities.parties) == 1 else None

    def _report_of_to(self, clause: Clause, start: int, end: int) -> None:
        """'Report of the KSAB to the KHWB' (a paper's title in minutes): the author reports to the
        receiver named after 'to'."""
        text = clause.text
        mentions = [m for m in self._mentions(text) if not m.key.startswith("@") and start <= m.start < end]
        for match in _REPORT_OF.finditer(text, start, end):
            author = next((m for m in mentions if m.start == match.end()), None)
            if author is None:
                continue
            to = _REPORT_OF_TO.match(text, author.end, end)
            receiver = next((m for m in mentions if to and m.start == to.end()), None)
            if receiver is not None and receiver.key != author.key and self._is_body(receiver.key):
                quote = text[match.start() : receiver.end]
                self._relation(
                    Relation.REPORTS_TO, author.key, receiver.key, clause, quote, 0.7, "'report of X to Y'"
                )

    def _independent_chairs(self, clause: Clause, start: int, end: int) -> None:
        """'The Board is led by an independent chair', 'through the OSCB, under the leadership of an
        Independent Chair', 'Our Independent Chair is ...': the post (added when no rule named it) chairs
        the body named before it in the sentence, else the body it is said to chair after it, else
        (for 'Our') the protocol's only party."""
        text = clause.text
        for match in _INDEPENDENT_CHAIR.finditer(text, start, end):
            role_start, role_end = match.span("role")
            role = next(
                (
                    m.key
                    for m in self._mentions(text)
                    if m.start <= role_start < m.end and not self._is_body(m.key)
                ),
                None,
            ) or add_listed_entity(self.entities, match.group("role"), clause)
            if self._is_body(role):
                continue
            before = [
                m.key
                for m in self._mentions(text[start:role_start])
                if self._is_body(m.key) and not self.entities.items[m.key].collective
            ]
            after = self._group_at(clause, role_end, end)
            bodies = before[-1:] or [k for k in after if self._is_body(k)][:1]
            if not bodies and _REFERS_BACK.match(text[start:role_start]):
                bodies = [k for k in self.subject if self._is_body(k)][:1]  # "It has an Independent Chair"
            if not bodies and match.group("our") and len(self.entities.parties) == 1:
                bodies = self.entities.parties
            for body in bodies:
                self._relation(
                    Relation.CHAIRS,
                    role,
                    body,
                    clause,
                    text[start:end].strip(),
                    0.7,
                    "'led by an independent chair'",
                )

    def _passive_reports(self, clause: Clause, start: int, end: int) -> None:
        """'The OSCB annual report will be considered by the PSC and the HWB': the body named before
        the report (else the subject of the sentences before) reports to every body after the verb."""
        text = clause.text
        for match in PASSIVE_REPORT.finditer(text, start, end):
            if _negated(text, start, match.start()) or _NEGATION.search(match.group(0)):
                continue
            before = [m for m in self._mentions(text[start : match.start()]) if self._is_body(m.key)]
            authors = [before[-1].key] if before else [k for k in self.subject if self._is_body(k)][:1]
            source = re.search(r"\b(?:from|of|by)\s+", match.group(0))
            if source is not None:  # "Reports from the KSAB go to X": the body after 'from' wrote them
                named = self._group_at(clause, match.start() + source.end(), match.end())
                authors = [k for k in named if self._is_body(k)][:1] or authors
            receivers = self._group_at(clause, match.end(), end)
            for author in authors:
                for receiver in receivers:
                    self._relation(
                        Relation.REPORTS_TO,
                        author,
                        receiver,
                        clause,
                        text[start:end].strip(),
                        0.7,
                        f"'{match.group(0)}': its report goes to the receiver",
                        frequency=frequency_of(text[start:end]),
                    )

    def _sentence(self, clause: Clause, start: int, end: int, previous: list[str]) -> list[str]:
        limbs = _limbs(clause.text, start, end)
        continuation = bool(_CONTINUATION.match(clause.text[start:end])) and bool(previous)
        owners: list[str] = previous if continuation else []
        for limb in limbs:
            owners = self._limb(clause, limb, owners, continuation) or owners
        return owners

    def _limb(self, clause: Clause, limb: _Limb, inherited: list[str], continuation: bool) -> list[str]:
        text = clause.text
        obligation = OBLIGATION.search(text, limb.start, limb.end)
        agreed = AGREED_THAT.search(text, limb.start, limb.end)
        response = RESPONSE_FROM.search(text, limb.start, limb.end)
        masked = _masks(text)
        if obligation is None and agreed is None:
            subject = self._subject(clause, limb.start, self._first_trigger(text, limb), statement=True)
            if subject:
                self.subject = subject
                for owner in subject:
                    self._statement_relations(clause, limb, owner, masked)
                bodies = [k for k in subject if self._is_body(k)]
                if len(bodies) > 1 and _WORK_TOGETHER.search(text, limb.start, limb.end):
                    self._joint_cooperation(clause, limb, bodies)  # "The KSCB and the KSAB work together"
            elif limb.own_sentence and not inherited:
                return []
            if continuation or (inherited and not limb.own_sentence):
                return self._limb_duties(
                    clause, limb, inherited, None, 0.65, "continues the obligation before it"
                )
            return subject
        if agreed is not None and (obligation is None or agreed.start() < obligation.start()):
            subject = self._group_at(clause, agreed.end(), limb.end)
            marker = self._end_of_mention(clause, agreed.end(), limb.end)
        else:
            assert obligation is not None
            marker = obligation.start()
            subject = self._antecedent(clause, limb.start, marker) or self._subject(
                clause, limb.start, marker, statement=False
            )
        if response and not subject:
            return self._response_from(clause, limb, response)
        how = "subject of the obligation"
        if not subject and not limb.own_sentence and inherited:
            subject, how = inherited, "continues the obligation before it"
        if not subject:
            self._unclassified(clause, limb.text(clause), "an obligation with no body or post as its subject")
            return []
        self.subject = subject
        return self._limb_duties(clause, limb, subject, marker, 0.85, how)

    def _limb_duties(
        self, clause: Clause, limb: _Limb, owners: list[str], marker: int | None, confidence: float, how: str
    ) -> list[str]:
        text = clause.text
        masked = _masks(text)
        after = marker if marker is not None else limb.start
        joint = bool(
            re.search(
                rf"\b(?:jointly{JOINT_ATTRIBUTE}|together|each other|one another)\b",
                text[limb.start : limb.end],
            )
        )
        quote = _limb_quote(text, limb)
        if not quote.strip(" ;,.:"):
            return owners  # nothing left to owe
        for owner in owners:
            triggers = self._triggers(clause, after, limb.end, owner, masked, co_owners=owners)
            targets = _first_targets(triggers) or self._targets_after(clause, after, limb.end, owner, owners)
            if not targets and joint and len(owners) > 1:
                targets = _co_owner_targets(owner, owners, self.entities)
            for towards in _per_target(targets, self.entities) or [None]:
                duty = self._duty(owner, towards, clause, quote, confidence, how)
                self._duty_relations(duty, clause, triggers, fallback=None, confidence=confidence - 0.05)
        if (joint or _TOGETHER_NO_OTHER.search(text, limb.start, limb.end)) and len(owners) > 1:
            self._joint_cooperation(clause, limb, owners)  # "The A and the B will collaborate on X"
        return owners

    def _response_from(self, clause: Clause, limb: _Limb, response: re.Match[str]) -> list[str]:
        """'The resolution will require a formal response from X': X owes the response."""
        responders = self._group_at(clause, response.end(), limb.end)
        if not responders:
            self._unclassified(clause, limb.text(clause), "a response required of no known body")
            return []
        towards = next((s for s in self.subject if s not in responders), None)
        quote = _limb_quote(clause.text, limb)
        for owner in responders:
            duty = self._duty(owner, towards, clause, quote, 0.7, "a response required from it")
            if towards:
                self._relation(
                    Relation.RESPONDS_TO,
                    owner,
                    towards,
                    clause,
                    quote,
                    0.7,
                    "a response required from it",
                    duty=duty.key,
                )
        return []

    # -- subjects and targets -------------------------------------------------------------------------

    def _subject(self, clause: Clause, start: int, end: int, statement: bool) -> list[str]:
        """The actor group before the verb that is the clause's subject (not inside 'of ...', 'how ...')."""
        text = clause.text
        region = text[start:end]
        pronoun = _PRONOUN_SUBJECT.search(region)
        if pronoun and pronoun.group("pronoun").lower() in {"either", "each", "both"}:
            pair = self._pair_before(clause, start + pronoun.start())
            if pair:
                return pair
        start_ref = _PRONOUN_START.match(region)
        if (pronoun or start_ref) and self.subject and self._same_kind(start_ref, self.subject):
            return list(self.subject)
        if start_ref and not self.subject and start_ref.group(0).strip().lower().startswith("the "):
            title = self._title_body()  # "The group will report to X" under a section heading: the title's
            if title and self._same_kind(start_ref, [title]):
                return [title]
        if _ALL_SUBGROUPS.match(region):
            return self._named_subgroups()
        counted = _COUNTED_REFERENCE.search(region)
        if counted and (listed := self.counted_lists.get(counted.group("count").lower())):
            return list(listed)  # "the three lead safeguarding partners": the three listed before
        groups = self._groups(clause, start, end)
        if not groups:
            return []
        first = groups[0]
        before = text[start : first[0].start]
        if _PREPOSITION_BEFORE.search(before) or _subordinate(before):
            return []
        # "The Group, which meets monthly, reports to": a closed relative clause is no subordinate verb
        after = _CLOSED_RELATIVE.sub(",", text[first[-1].end : end])
        if statement and re.search(r"\b(?:that|which|who)\b", after):
            return []
        return self._resolve_groups([m.key for m in first], clause, first[0].start)

    def _antecedent(self, clause: Clause, start: int, position: int) -> list[str]:
        """The group a relative clause open at ``position`` hangs on ("The Board oversees the Group, which
        is accountable to it": the Group), or nothing when ``position`` is in no relative clause."""
        if not _in_relative(clause.text, start, position):
            return []
        opened = [m for m in _RELATIVE_OPENS.finditer(clause.text, start, position)][-1]
        groups = self._groups(clause, start, opened.start() + 1)
        if not groups or re.sub(r"\([^)]*\)", "", clause.text[groups[-1][-1].end : opened.start()]).strip():
            return []
        return self._resolve_groups([m.key for m in groups[-1]], clause, groups[-1][0].start)

    def _same_kind(self, reference: re.Match[str] | None, subject: list[str]) -> bool:
        """'The panel' refers back only to a panel ("The Audit Panel meets ... The panel reports to"), not
        to a group; a pronoun or "This group" refers back to whatever the subject is (as before)."""
        if reference is None or not re.match(r"\s*The\s", reference.group(0)):
            return True
        noun = reference.group(0).split()[-1].lower().replace(" ", "-")
        heads = {_head_of(self.entities.items[k].name) for k in subject if k in self.entities.items}
        return any(
            h == noun or h.endswith("-" + noun) or h.replace("-", "") == noun.replace("-", "") for h in heads
        )

    def _named_subgroups(self) -> list[str]:
        """The sub-groups stated so far (each SUBGROUP_OF found with no reason), in order."""
        return list(
            dict.fromkeys(
                r.source for r in self.found.relations if r.type == Relation.SUBGROUP_OF and r.reason is None
            )
        )

    def _resolve_groups(self, keys: list[str], clause: Clause, position: int) -> list[str]:
        out: list[str] = []
        for key in keys:
            if key == "@parties":
                out += self.entities.parties
            elif key == "@both":
                out += self._pair_before(clause, position)
            elif not key.startswith("@"):
                out.append(key)
        return list(dict.fromkeys(out))

    def _pair_before(self, clause: Clause, position: int) -> list[str]:
        """'both boards': the last two bodies named together before, else the protocol's two parties."""
        for group in reversed(self._groups(clause, 0, position)):
            keys = [m.key for m in group if self._is_body(m.key)]
            if len(keys) >= 2:
                return keys
        return self.entities.parties if len(self.entities.parties) == 2 else []

    def _groups(self, clause: Clause, start: int, end: int) -> list[list[Mention]]:
        """Mentions in [start, end) joined into coordinated groups ('the LSCB, the Trust and the H&WB')."""
        mentions = [m for m in self._mentions(clause.text) if start <= m.start and m.end <= end]
        groups: list[list[Mention]] = []
        for mention in mentions:
            between = clause.text[groups[-1][-1].end : mention.start] if groups else ""
            parenthetical = re.fullmatch(r"\s*\(\s*[\"'\u2018\u201c]?", between)
            if groups and parenthetical and mention.key == groups[-1][-1].key:
                groups[-1][-1] = Mention(
                    mention.key,
                    groups[-1][-1].start,
                    _closing(clause.text, mention.end),
                    groups[-1][-1].surface,
                )
                continue  # "Local Strategic Partnership (LSP)", 'Council ("the Council")': one mention
            shared = mention.surface[:1].isupper() and _SHARED_BETWEEN.fullmatch(between)
            if groups and shared and self._post_of(groups[-1][-1].key, mention.key, shared.group(1)):
                last = groups[-1][-1]  # "the Chair of the KSCB and KSAB": one post of both, not two actors
                groups[-1][-1] = Mention(last.key, last.start, mention.end, last.surface)
                continue
            if groups and _GROUP_GLUE.match(between):
                groups[-1].append(mention)
            else:
                groups.append([mention])
        return groups

    def _post_of(self, post: str, body: str, article: str | None = None) -> bool:
        """Whether 'POST and BODY' shares the post's 'of': a chair 'of the X' and a body with no article;
        with one ('the Chair of the A and the B'), one post of both when the A is a known body of the
        document too, or one chair of one body named 'A and the B' when the A is not (issue 9)."""
        entity = self.entities.items.get(post)
        chair_of = bool(entity and entity.role and " of " in entity.name and _CHAIR_WORD.search(entity.name))
        if not chair_of or not self._is_body(body) or not article:
            return chair_of and self._is_body(body)
        own = entity.body if entity else None
        return own is None or (own != body and self._is_body(own))

    def _shared_posts(self, clause: Clause, start: int, end: int) -> None:
        """'The Independent Chair of the KSCB and KSAB', 'Independent Chair of both the KSCB and the KSAB':
        one post chairs both bodies (issue 9, sentence forms: one role, two bodies)."""
        text = clause.text
        mentions = [m for m in self._mentions(text) if start <= m.start and m.end <= end]
        for post in mentions:
            entity = self.entities.items.get(post.key)
            if entity is None or not entity.role or not _CHAIR_WORD.search(entity.name):
                continue
            after = text[post.end : end]
            if " of " in entity.name:
                joined = _SHARED_OF.match(after)
                if joined is None:
                    continue
                bodies = [
                    m
                    for m in mentions
                    if m.start == post.end + joined.end() and self._post_of(post.key, m.key, joined.group(1))
                ]
                if bodies and joined.group(1) and entity.body is None:
                    self._one_body_named_a_and_b(post, bodies[0], clause)
            else:
                of = _OF_BOTH.match(after)
                groups = self._groups(clause, post.end + of.end(), end) if of else []
                bodies = (
                    [m for m in groups[0] if self._is_body(m.key)]
                    if groups and groups[0][0].start == post.end + of.end()
                    else []
                )
            for body in bodies:
                quote = text[post.start : body.end]
                self._relation(
                    Relation.CHAIRS, post.key, body.key, clause, quote, 0.8, "one post of two bodies"
                )

    def _one_body_named_a_and_b(self, post: Mention, body: Mention, clause: Clause) -> None:
        """'the Chair of the Kestrel Carers and the Young People Forum', the Kestrel Carers being no body of
        the document: one body named by the longer words, its shorter name kept as an alias, and the post
        is its chair."""
        entity, chaired = self.entities.items[post.key], self.entities.items[body.key]
        of = re.search(r"\s+of\s+(?:the\s+)?", post.surface)
        if of is None:
            return
        longer = clause.text[post.start + of.end() : body.end]
        if not longer.endswith(chaired.name) or longer == chaired.name:
            return
        chaired.aliases.append(chaired.name)
        chaired.name = longer
        entity.name = post.surface[: of.end()] + longer
        entity.body = body.key

    def _group_at(self, clause: Clause, start: int, end: int) -> list[str]:
        groups = self._groups(clause, start, end)
        return self._resolve_groups([m.key for m in groups[0]], clause, groups[0][0].start) if groups else []

    def _targets_after(
        self, clause: Clause, start: int, end: int, owner: str, owners: list[str]
    ) -> list[str]:
        masked = _masks(clause.text)
        for group in self._groups(clause, start, end):
            first = group[0]
            if any(a <= first.start < b for a, b in masked["instrument"]):
                continue
            before = clause.text[max(0, first.start - 4) : first.start].lower()
            keys = self._resolve_groups([m.key for m in group], clause, first.start)
            if "each-other" in {m.key[1:] for m in group}:
                return []
            if before.endswith("of ") and all(
                self.entities.items[k].collective for k in keys if k in self.entities.items
            ):
                continue
            keys = [k for k in keys if k not in owners]
            if keys:
                return keys
        return []

    def _triggers(
        self,
        clause: Clause,
        start: int,
        end: int,
        owner: str,
        masked: dict,
        co_owners: list[str] | None = None,
    ) -> list[tuple[Relation, list[str], str]]:
        """(type, targets, phrase) for each relation verb in [start, end); targets: the group after it."""
        text = clause.text
        out: list[tuple[Relation, list[str], str]] = []
        names = [(m.start, m.end) for m in self._mentions(text) if not m.key.startswith("@")]
        for relation, pattern in RELATION_TRIGGERS:
            for match in pattern.finditer(text, start, end):
                if any(a <= match.start() < b for a, b in masked["purpose"]):
                    continue
                if any(a <= match.start() < b for a, b in names):
                    continue  # "Scrutiny Committee", "Joint Commissioning Group": a name, not a verb
                if re.match(r"\w*\s+by\b", text[match.end() : match.end() + 12]):
                    continue  # "is scrutinised by X": X acts (read by the passive rule)
                if _negated(text, start, match.start()):
                    continue  # "is not accountable to X": no line stated
                if _in_relative(text, start, match.start()):
                    continue  # "..., the Group, which reports to X": the relative's antecedent reports
                if self._in_that_clause(text, start, match.start()):
                    continue  # "X will ensure that the KSAB reports to Y": the KSAB reports, not X
                if _UPDATED.match(match.group(0)) and not self._named_right_after(text, match.end()):
                    continue  # "updated the Board on X": the Board, or no one, is told
                direct = bool(re.search(r"\b(?:to|with|from|of|through)$", match.group(0)))
                search_from = match.end() if direct else match.start()
                targets = self._trigger_targets(
                    clause,
                    search_from,
                    end,
                    owner,
                    co_owners or [owner],
                    masked,
                    direct,
                    possessor=direct or relation != Relation.REPORTS_TO,
                )
                out.append((relation, targets, match.group(0)))
        return out

    def _trigger_targets(
        self,
        clause: Clause,
        start: int,
        end: int,
        owner: str,
        owners: list[str],
        masked: dict,
        direct: bool = False,
        possessor: bool = True,
    ) -> list[str]:
        """The group a relation's verb points at; ``possessor`` False when a body named as the owner of
        something ("the HWB's report") cannot be the verb's end (a report 'on' it goes to no one)."""
        text = clause.text
        pronoun = re.match(r"\s*(?:to\s+)?(?:it|them)\b", text[start:end])
        if pronoun:
            before = [
                m.key for m in self._mentions(text[:start]) if not m.key.startswith("@") and m.key != owner
            ]
            return before[-1:] if before else []
        groups = self._groups(clause, start, end)
        for group in groups[:1]:
            first = group[0]
            if any(a <= first.start < b for a, b in masked["instrument"]):
                return []
            if direct and not _OBJECT_GAP.fullmatch(text[start : first.start]):
                return []  # "in response to our priorities and ... the PFCC": the object is no body
            if any(m.key == "@each-other" for m in group):
                return _co_owner_targets(owner, owners, self.entities) if len(owners) > 1 else []
            if not possessor and re.match(r"['\u2019]s\b", text[group[-1].end : group[-1].end + 3]):
                return []  # "report on its work in the HWB's annual report": a possessor, no receiver
            if not possessor and _NAMES_A_REPORT.match(text, group[-1].end):
                return []  # "presented the KSAB Annual Report": the body names the report, receives nothing
            keys = self._resolve_groups([m.key for m in group], clause, first.start)
            if not direct and not possessor and _TOPIC_BEFORE.search(text, start, first.start):
                return []  # "provided an update on the work of the KSAB": its topic, not its receiver
            if (
                not direct
                and text[max(0, first.start - 4) : first.start].lower().endswith("of ")
                and all(self.entities.items[k].collective for k in keys)
            ):
                return []
            return [k for k in keys if k != owner]
        return []

    def _invitee_bodies(self, text: str) -> list[str]:
        match = _INVITE.search(text)
        if not match:
            return []
        for mention in self._mentions(match.group("who")):
            entity = self.entities.items.get(mention.key)
            if entity is not None and entity.role and entity.body:
                return [entity.body]
        return []

    # -- writing findings ---------------------------------------------------------------------------

    def _duty(
        self, owner: str, towards: str | None, clause: Clause, text: str, confidence: float, why: str
    ) -> DutyDraft:
        kind = _duty_kind(text)
        verb = re.sub(r"[^a-z]+", "-", kind.value)
        key = bounded_id("-".join(p for p in (owner, towards, verb) if p), self.duty_keys)
        duty = DutyDraft(key, owner, towards, kind, clause.id, text, confidence, why)
        self.found.duties.append(duty)
        return duty

    def _duty_relations(
        self, duty: DutyDraft, clause: Clause, triggers: list, fallback: str | None, confidence: float
    ) -> None:
        text = duty.text
        for relation, targets, phrase in triggers:
            chosen = targets or ([fallback] if fallback else [])
            if not targets and duty.towards and relation != Relation.COOPERATES_WITH and fallback:
                chosen = [duty.towards]
            for target in chosen:
                if target == duty.owner or (duty.towards and targets and target not in targets):
                    continue
                if (
                    targets
                    and duty.towards
                    and len(_per_target(targets, self.entities)) > 1
                    and target != duty.towards
                    and not self.entities.items[target].collective
                ):
                    continue
                self._relation(
                    relation,
                    duty.owner,
                    target,
                    clause,
                    text,
                    confidence,
                    f"'{phrase}'",
                    duty=duty.key,
                    frequency=frequency_of(text) if relation == Relation.REPORTS_TO else None,
                )
        self._reverse_relations(clause, duty.owner, duty.towards, text)

    def _statement_relations(self, clause: Clause, limb: _Limb, owner: str, masked: dict) -> None:
        """Relations stated as facts ("reports to it twice a year", "has consulted the community")."""
        text = limb.text(clause)
        triggers = self._triggers(clause, limb.start, limb.end, owner, masked)
        # "a monitoring function with defined accountability to the Executive": it answers to the
        # Executive; the body it is accountable to is not also the one it monitors.
        answers_to = {
            t for relation, targets, _ in triggers if relation == Relation.REPORTS_TO for t in targets
        }
        for relation, targets, phrase in triggers:
            if relation == Relation.COOPERATES_WITH and not targets:
                continue
            for target in targets:
                if relation != Relation.REPORTS_TO and target in answers_to:
                    continue
                self._relation(
                    relation,
                    owner,
                    target,
                    clause,
                    _limb_quote(clause.text, limb),
                    0.7,
                    f"stated as a fact: '{phrase}'",
                    frequency=frequency_of(text) if relation == Relation.REPORTS_TO else None,
                )
        self._reverse_relations(clause, owner, None, text)

    def _reverse_relations(self, clause: Clause, owner: str, towards: str | None, text: str) -> None:
        """'to the H&WB for scrutiny and challenge', 'opened up to wider public scrutiny',
        'any challenge raised by X': the other side scrutinises or challenges the owner."""
        base = clause.text.find(text)
        for match in PURPOSE.finditer(text):
            receivers = self._purpose_receivers(clause, base, base + match.start(), owner) or (
                [towards] if towards else []
            )
            for receiver in receivers:
                for relation in _purpose_relations(match.group("what")):
                    if relation == Relation.SEEKS_APPROVAL_FROM:
                        self._relation(
                            relation, owner, receiver, clause, match.group(0), 0.7, "'for approval'"
                        )
                    else:
                        self._relation(
                            relation,
                            receiver,
                            owner,
                            clause,
                            match.group(0),
                            0.7,
                            f"'{match.group(0)}': the receiver acts on it",
                        )
        for match in OPEN_TO_SCRUTINY.finditer(text):
            who = [m.key for m in self._mentions(match.group(0)) if not m.key.startswith("@")]
            for receiver in who:
                self._relation(
                    Relation.SCRUTINISES,
                    receiver,
                    owner,
                    clause,
                    match.group(0).strip(),
                    0.65,
                    "opened up to its scrutiny",
                )
        for match in _REVERSE_BY.finditer(text):
            group = self._group_at(clause, base + match.end(), base + len(text))
            relation = (
                Relation.CHALLENGES
                if match.group("what").lower().startswith("challenge")
                else Relation.SCRUTINISES
            )
            for actor in group:
                quote = text[
                    match.start() - 4
                    if text[max(0, match.start() - 4) : match.start()] == "any "
                    else match.start() :
                ]
                quote = re.sub(r"[.;,]+$", "", quote[: match.end() - match.start() + 60]).strip()
                actor_mention = next((m for m in self._mentions(quote) if m.key == actor), None)
                if actor_mention:
                    quote = quote[: actor_mention.end]
                self._relation(relation, actor, owner, clause, quote, 0.7, f"'{match.group(0).strip()}'")

    def _purpose_receivers(self, clause: Clause, start: int, end: int, owner: str) -> list[str]:
        """'(submit it) to the HWB for scrutiny': the group the thing goes 'to' (or is put 'before'),
        right before the purpose; 'considers referrals for review' names no one to act."""
        groups = self._groups(clause, start, end)
        for group in reversed(groups):
            text = clause.text
            if not re.search(
                r"\b(?:to|before|with|by)\s+(?:the\s+|both\s+|each\s+)?$", text[start : group[0].start]
            ):
                continue
            if len(text[group[-1].end : end].split()) > 6:
                continue
            keys = [
                k for k in self._resolve_groups([m.key for m in group], clause, group[0].start) if k != owner
            ]
            if keys:
                return keys
        return []

    def _receivers_before(self, clause: Clause, start: int, end: int, owner: str) -> list[str]:
        groups = self._groups(clause, start, end)
        for group in reversed(groups):
            keys = [
                k for k in self._resolve_groups([m.key for m in group], clause, group[0].start) if k != owner
            ]
            if keys:
                return keys
        return []

    def _joint_cooperation(self, clause: Clause, limb: _Limb, owners: list[str]) -> None:
        if not re.search(
            rf"\b(?:jointly{JOINT_ATTRIBUTE}|together|work with|co-?operate|collaborate)\b", limb.text(clause)
        ):
            return
        bodies = [o for o in owners if not self.entities.items[o].collective]
        duty = (
            next((d for d in self.found.duties if d.owner == bodies[0] and d.clause == clause.id), None)
            if bodies
            else None
        )
        for other in bodies[1:]:
            self._relation(
                Relation.COOPERATES_WITH,
                bodies[0],
                other,
                clause,
                _limb_quote(clause.text, limb),
                0.75,
                "a joint obligation",
                duty=duty.key if duty else None,
            )

    def _relation(
        self,
        relation: Relation,
        source: str,
        target: str,
        clause: Clause,
        quote: str,
        confidence: float,
        why: str,
        duty: str | None = None,
        capacity: Capacity | None = None,
        frequency: str | None = None,
        reason: str | None = None,
    ) -> None:
        if source == target or source.startswith("@") or target.startswith("@"):
            return
        if relation == Relation.SUBGROUP_OF and not (self._is_body(source) and self._is_body(target)):
            return  # a post or a person is never a sub-group, nor has one ("The Manager explained that ...")
        if relation in SYMMETRIC and (relation, target, source) in {k[:3] for k in self.seen_relations}:
            return
        key = (relation, source, target, clause.id, capacity)
        if key in self.seen_relations:
            return
        self.seen_relations.add(key)
        if reason is None and relation != Relation.MEMBER_OF:
            reason = self._generic_end(source, target)
        elif reason is None and self._unnamed_partners(source):
            reason = "'partners' names no particular body or post; the reviewer names them or drops them"
        self.found.relations.append(
            RelationDraft(
                relation, source, target, clause.id, quote, confidence, why, duty, capacity, frequency, reason
            )
        )

    def _generic_end(self, source: str, target: str) -> str | None:
        """A relation with an end that names no body ("partner organisations", "the community") is the
        reviewer's to complete: a flagged suggestion, never a fact. The partners of a named body ("WCT
        partners", the one collective the entities keep) are that body's, so they stay as stated."""
        for key in (source, target):
            entity = self.entities.items.get(key) if key != COLLECTIVE else None
            if (
                entity is not None
                and (entity.collective or is_generic(entity.name) or self._plural_parts(entity))
            ) or self._unnamed_partners(key):
                name = self.entities.items[key].name
                return f"'{name}' names no particular body or post; the reviewer names it or drops it"
        return None

    def _plural_parts(self, entity) -> bool:  # type: ignore[no-untyped-def]
        """'a number of HSAB Sub Groups': parts the text never names one by one (its name, or the words
        it was found by, plural), though the entities may have made the name singular."""
        return bool(
            _PLURAL_PARTS.search(entity.name) or (entity.quote and _PLURAL_PARTS.search(entity.quote))
        )

    def _unnamed_partners(self, key: str) -> bool:
        return unnamed_partners(self.entities, key)

    # -- structure: memberships, chairs, sub-groups ---------------------------------------------------

    def _memberships(
        self,
        clause: Clause,
        start: int,
        end: int,
        owners: list[str] | None,
        invite_default: str | None = None,
    ) -> None:
        text = clause.text
        subject = owners or self._subject(clause, start, end, statement=False) or []
        for pattern, capacity in ((_MEMBER_OF, None), (_CAPACITY_OF, "cap"), (_SIT_ON, None)):
            for match in pattern.finditer(text, start, end):
                if _NEGATION.search(text[max(start, match.start() - 20) : match.start()]):
                    continue
                who = owners or self._relative_subject(clause, start, match.start())
                who = who or self._antecedent(clause, start, match.start())
                who = who or self._subject(clause, start, match.start(), statement=False)
                bodies = [b for b in self._group_at(clause, match.end(), end) if self._is_body(b)]
                cap = capacity_of(match.group("cap")) if capacity else Capacity.MEMBER
                for member in who:
                    for body in bodies:
                        self._relation(
                            Relation.MEMBER_OF,
                            member,
                            body,
                            clause,
                            _phrase(text, start, match, end),
                            0.85,
                            "a membership statement",
                            capacity=cap,
                        )
        for match in _ATTENDS_AS.finditer(text, start, end):
            bodies = [
                b for b in self._group_at(clause, match.start("rest"), match.end("rest")) if self._is_body(b)
            ]
            for member in subject:
                for body in bodies:
                    self._relation(
                        Relation.MEMBER_OF,
                        member,
                        body,
                        clause,
                        match.group(0).rstrip(".;, "),
                        0.8,
                        "attends as",
                        capacity=capacity_of(match.group("cap")),
                    )
        self._chairs(clause, start, end, subject)
        self._subgroups(clause, start, end, subject)
        self._invitations(clause, start, end, invite_default)
        self._appointments(clause, start, end)
        for match in _LED_BY_PARTNERS.finditer(text, start, end):
            leaders = [k for k in self._group_at(clause, match.end(), end) if self._is_body(k)]
            for body in self._subject(clause, start, match.start(), statement=False):
                for leader in leaders:
                    quote = text[match.start() : self._end_of_mention(clause, match.end(), end)].strip()
                    self._relation(
                        Relation.MEMBER_OF,
                        leader,
                        body,
                        clause,
                        quote,
                        0.75,
                        "a partner that leads it",
                        capacity=Capacity.MEMBER,
                    )
        for match in _MEMBERS_RELATIVE.finditer(text, start, end):
            members = self._receivers_before(clause, start, match.start(), "")
            group = [k for k in members if k not in subject]
            for member in group:
                for body in subject:
                    self._relation(
                        Relation.MEMBER_OF,
                        member,
                        body,
                        clause,
                        match.group(0).strip(" ,"),
                        0.75,
                        "'which are its members'",
                        capacity=Capacity.MEMBER,
                    )

    def _relative_subject(self, clause: Clause, start: int, end: int) -> list[str]:
        """'..., who is also ...': the group just before 'who' is the subject."""
        if not re.search(r",?\s*who\s*$", clause.text[start:end]):
            return []
        groups = self._groups(clause, start, end)
        return [m.key for m in groups[-1]] if groups else []

    def _chairs(self, clause: Clause, start: int, end: int, subject: list[str]) -> None:
        text = clause.text
        for match in _CHAIR_OF.finditer(text, start, end):
            who = self._antecedent(clause, start, match.start()) or subject  # "X, who is the Chair of Y"
            for body in self._group_at(clause, match.end(), end) or self._chaired_post(clause, match):
                for chair in who:
                    self._relation(
                        Relation.CHAIRS,
                        chair,
                        body,
                        clause,
                        _phrase(text, start, match, end, chair=True),
                        0.85,
                        "'is Chair of'",
                    )
        for match in _CHAIRS.finditer(text, start, end):
            if _negated(text, start, match.start()):
                continue
            who = self._antecedent(clause, start, match.start()) or subject  # "the DPH, who chairs Y,"
            for body in self._group_at(clause, match.end("rest"), end):
                for chair in who:
                    if chair != body and self._is_body(body):
                        quote = text[start : self._end_of_mention(clause, match.end(), end)].strip()
                        self._relation(Relation.CHAIRS, chair, body, clause, quote, 0.8, "'chairs'")
        for match in _CHAIRED_BY.finditer(text, start, end):
            if re.match(r"different\b", text[match.end() :]):
                continue
            groups = self._groups(clause, match.end(), end)
            if not groups or not _CHAIR_GAP.fullmatch(clause.text[match.end() : groups[0][0].start]):
                continue  # "chaired by Jo Bloggs, who is independent of the Council": no post named
            chairs = self._resolve_groups([m.key for m in groups[0]], clause, groups[0][0].start)
            bodies = self._antecedent(clause, start, match.start()) or self._subject(
                clause, start, match.start(), statement=False
            )
            for body in bodies:
                for chair in chairs[:1]:
                    quote = text[start : self._end_of_mention(clause, match.end(), end)]
                    self._relation(
                        Relation.CHAIRS, chair, body, clause, quote.strip(), 0.85, "'is chaired by'"
                    )

    def _chaired_post(self, clause: Clause, match: re.Match[str]) -> list[str]:
        """'X is the Chair of the Audit Group' where 'Chair of the Audit Group' is a post the entities
        know: the body that post is the chair of; else a body's full name right after 'of' (added as
        a body when no rule named it)."""
        text = clause.text
        chair = _CHAIR_WORD.search(text, match.start(), match.end())
        for mention in self._mentions(text):
            entity = self.entities.items.get(mention.key)
            inside = chair is not None and mention.start <= chair.start() < mention.end
            if inside and entity is not None and entity.role and entity.body and self._is_body(entity.body):
                return [entity.body]
        named = _NAME_AFTER_OF.match(text, match.end())
        if named is None:
            return []
        key = add_listed_entity(self.entities, named.group("name"), clause)
        return [key] if key is not None and self._is_body(key) else []

    def _subgroups(self, clause: Clause, start: int, end: int, subject: list[str]) -> None:
        text = clause.text
        for match in _SUBGROUP.finditer(text, start, end):
            if _NEGATION.search(text[max(start, match.start() - 40) : match.end()]):
                continue
            who = (
                self._antecedent(clause, start, match.start())  # "the Group, which is a sub-group of Y"
                or self._subject(clause, start, match.start(), statement=False)
                or subject
            )
            # the parents are the bodies named right after 'of' ("a joint sub-group of the A and the B")
            groups = self._groups(clause, match.end(), end)
            if not groups or groups[0][0].start > match.end() + len("the "):
                continue
            parents = self._resolve_groups([m.key for m in groups[0]], clause, groups[0][0].start)
            for parent in [k for k in parents if self._is_body(k)] or parents[:1]:
                for child in who:
                    quote = text[match.start() : self._end_of_mention(clause, match.end(), end)].strip()
                    self._relation(
                        Relation.SUBGROUP_OF, child, parent, clause, quote, 0.85, "'is a sub-group of'"
                    )

    def _invitations(self, clause: Clause, start: int, end: int, owner: str | None) -> None:
        text = clause.text
        for match in _INVITE.finditer(text, start, end):
            invitees = [m.key for m in self._mentions(match.group("who")) if not m.key.startswith("@")]
            where = [
                m.key
                for m in self._mentions(match.group("rest") + " " + match.group("as"))
                if self._is_body(m.key)
            ] or ([owner] if owner else [])
            capacity = capacity_of(match.group("as"))
            for invitee in invitees[:1]:
                for body in where:
                    self._relation(
                        Relation.MEMBER_OF,
                        invitee,
                        body,
                        clause,
                        match.group(0),
                        0.8,
                        "invited to sit as a member",
                        capacity=capacity,
                    )

    def _appointments(self, clause: Clause, start: int, end: int) -> None:
        text = clause.text
        for match in _APPOINTMENT.finditer(text, start, end):
            roles = [m.key for m in self._mentions(match.group("rest")) if not self._is_body(m.key)]
            bodies = [b for b in self._group_at(clause, match.end(), end) if self._is_body(b)]
            for role in roles[:1]:
                for body in bodies[:1]:
                    quote = text[match.start() : self._end_of_mention(clause, match.end(), end)]
                    self._relation(
                        Relation.MEMBER_OF,
                        role,
                        body,
                        clause,
                        quote,
                        0.75,
                        "appointed to it",
                        capacity=capacity_of(match.group("rest")),
                    )
                    role_entity = self.entities.items[role]
                    role_entity.body = role_entity.body or body
        for match in _TAKEN_BY.finditer(text, start, end):
            roles = [m for m in self._mentions(text[start : match.start()]) if not self._is_body(m.key)]
            bodies = [b for b in self._group_at(clause, match.end(), end) if self._is_body(b)]
            if roles and bodies:
                role = self.entities.items[roles[-1].key]
                if role.body:
                    quote = text[start + roles[-1].start : self._end_of_mention(clause, match.end(), end)]
                    self._relation(
                        Relation.MEMBER_OF,
                        bodies[0],
                        role.body,
                        clause,
                        quote,
                        0.6,
                        f"takes up a {role.name} position",
                        capacity=capacity_of(role.name),
                    )

    def _named_relations(self) -> None:
        """Edges the names themselves state: 'Chair of the LSCB' chairs it; 'LSCB Executive Group' is its
        sub-group; 'WCT partners' are members of WCT."""
        by_id = {c.id: c for c in self.clauses}
        for entity in list(self.entities.items.values()):
            clause = by_id.get(entity.clause)
            if clause is None:
                continue
            chaired = self._chaired_by_name(entity, clause) if entity.role else None
            if chaired:
                self._relation(
                    Relation.CHAIRS,
                    entity.key,
                    chaired,
                    clause,
                    _in_clause(clause, entity),
                    0.8,
                    "the post's name: Chair of it",
                )
            if entity.parent:
                self._named_subgroup(entity, by_id)
            elif not entity.role and (parent := self._parent_in_name(entity)):
                self._relation(
                    Relation.SUBGROUP_OF,
                    entity.key,
                    parent,
                    clause,
                    _in_clause(clause, entity),
                    0.6,
                    "its name: a sub-group of it",
                )
        for clause in self.clauses:
            self._coordinated_chairs(clause)
        for clause in self.clauses:
            for mention in self._mentions(clause.text):
                for body in mention.owner_of:
                    if mention.key == COLLECTIVE and body != COLLECTIVE:
                        self._relation(
                            Relation.MEMBER_OF,
                            COLLECTIVE,
                            body,
                            clause,
                            mention.surface,
                            0.7,
                            "partners of it",
                            capacity=Capacity.MEMBER,
                        )
            self._their_partners(clause)

    def _orphan_subgroups(self) -> None:
        """'the SAR sub-group', 'the Improving Outcomes subgroup': a body its own name calls a sub-group,
        of no body any clause names, in a protocol about one board or partnership: its sub-group."""
        home = self._home_body()
        if home is None:
            return
        by_id = {c.id: c for c in self.clauses}
        # a sub-group whose parent or reporting line a clause states is placed already
        placed = {
            r.source for r in self.found.relations if r.type in (Relation.SUBGROUP_OF, Relation.REPORTS_TO)
        }
        for entity in list(self.entities.items.values()):
            words = entity.name.lower().replace("-", " ").split()
            clause = by_id.get(entity.clause)
            if (
                entity.role
                or entity.collective
                or entity.key in placed
                or entity.key == home
                or clause is None
                or (
                    words[-2:] not in (["sub", "group"], ["sub", "committee"])
                    and words[-1:] not in (["subgroup"], ["subcommittee"])
                )
                or len(words) < 3
                or is_generic(entity.name)
            ):
                continue
            self._relation(
                Relation.SUBGROUP_OF,
                entity.key,
                home,
                clause,
                _in_clause(clause, entity),
                0.55,
                "its name: a sub-group, of the protocol's one body",
            )

    def _home_body(self) -> str | None:
        """The board or partnership the protocol is about: of the bodies that are neither parts (groups,
        committees) nor organisations (councils, NHS bodies), the one named most often, when it is named
        at least three times and more often than any other."""
        counts: dict[str, int] = {}
        for clause in self.clauses:
            for mention in self._mentions(clause.text):
                entity = self.entities.items.get(mention.key)
                if (
                    entity is None
                    or entity.role
                    or entity.collective
                    or _head_of(entity.name) not in {"board", "partnership", "trust"}
                ):
                    continue
                counts[entity.key] = counts.get(entity.key, 0) + 1
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[1][1] >= ranked[0][1]):
            return None
        return ranked[0][0]

    def _chaired_by_name(self, entity, clause: Clause | None) -> str | None:  # type: ignore[no-untyped-def]
        """'Independent Chair of the KSAB', 'LSAB Chair': the body a chair's own name gives it; a body
        named in full only inside the post's name ("Chair of Kestrel Safeguarding Adults Board") is
        added as a body of its own."""
        if entity.body:
            return entity.body if _CHAIR_NAMED.match(entity.name) else None
        match = _CHAIR_NAMED.match(entity.name)
        if match is None:
            return None
        named = match.group("of") or match.group("before") or ""
        key = self.entities.resolve(named)
        if key is None:
            key = next((m.key for m in self._mentions(named) if self._is_body(m.key)), None)
        if key is None and clause is not None and _FULL_BODY_NAME.match(named):
            key = add_listed_entity(self.entities, re.sub(r"^the\s+", "", named), clause)
        return key if key and self._is_body(key) and key != entity.key else None

    def _coordinated_chairs(self, clause: Clause) -> None:
        """'The Independent Chair of the KSCB and KSAB': one post chairing both bodies, the second named
        right after the post's own name."""
        text = clause.text
        mentions = self._mentions(text)
        for i, mention in enumerate(mentions):
            entity = self.entities.items.get(mention.key)
            if entity is None or not entity.role or not _CHAIR_NAMED.match(entity.name):
                continue
            chaired = self._chaired_by_name(entity, None)
            following = mentions[i + 1] if i + 1 < len(mentions) else None
            if not chaired or following is None or not self._is_body(following.key):
                continue
            if not re.fullmatch(r"\s*(?:and|&)\s+(?:the\s+)?", text[mention.end : following.start]):
                continue
            self._relation(
                Relation.CHAIRS,
                entity.key,
                following.key,
                clause,
                text[mention.start : following.end],
                0.75,
                "the Chair of two bodies named together",
            )

    def _parent_in_name(self, entity) -> str | None:  # type: ignore[no-untyped-def]
        """'DSAB Prepare Sub Group': a name ending in a sub-group word and starting with another body's
        name or acronym names its parent."""
        words = entity.name.split()
        if not _SUBGROUP_WORD.search(" ".join(words[-2:])):
            return None
        for cut in range(len(words) - 2, 0, -1):
            key = self.entities.resolve(" ".join(words[:cut]))
            if key and key != entity.key and self._is_body(key) and not self.entities.items[key].collective:
                return key
        return None

    def _named_subgroup(self, entity, by_id: dict[str, Clause]) -> None:  # type: ignore[no-untyped-def]
        """'DSAB Prepare Sub Group' states that it is the DSAB's sub-group (its name holds the parent's
        name and a sub-group word); 'LSCB Executive Group' only suggests it: a flagged suggestion."""
        parent, clause_id, quote = entity.parent
        stated = bool(_SUBGROUP_WORD.search(entity.name))
        self._relation(
            Relation.SUBGROUP_OF,
            entity.key,
            parent,
            by_id[clause_id],
            quote,
            0.6,
            "its name: a sub-group of it" if stated else "inferred from its name",
            reason=None
            if stated
            else f"inferred from the name '{entity.name}'; no clause says whose group it is",
        )

    def _bare_chairs(self) -> None:
        """'It has an Independent Chair', 'Our Independent Chair is ...': a Chair whose name gives no
        body chairs the one body its clause names; when the clause names none, the protocol's only party
        is a suggestion for the reviewer, not a fact."""
        by_id = {c.id: c for c in self.clauses}
        for entity in list(self.entities.items.values()):
            if not entity.role or entity.body or not _BARE_CHAIR.match(entity.name):
                continue
            clause = by_id.get(entity.clause)
            if clause is None:
                continue
            bodies = list(dict.fromkeys(m.key for m in self._mentions(clause.text) if self._is_body(m.key)))
            bodies = [b for b in bodies if not self.entities.items[b].collective]
            quote = _in_clause(clause, entity)
            if len(bodies) == 1:
                self._relation(
                    Relation.CHAIRS, entity.key, bodies[0], clause, quote, 0.6, "a Chair in its clause"
                )
            elif not bodies and (chaired := self._chaired_before(clause)):
                self._relation(  # "The SAB has been chaired by Jo Bloggs ... The Chair reports to ..."
                    Relation.CHAIRS,
                    entity.key,
                    chaired,
                    clause,
                    quote,
                    0.5,
                    "the chair the clause before names",
                )
            elif not bodies and len(self.entities.parties) == 1 and _OUR.search(clause.text):
                self._relation(  # "Our Independent Chair is ...": the publishing body's, the one party
                    Relation.CHAIRS, entity.key, self.entities.parties[0], clause, quote, 0.6, "'our' Chair"
                )
            elif not bodies and len(self.entities.parties) == 1:
                self._relation(
                    Relation.CHAIRS,
                    entity.key,
                    self.entities.parties[0],
                    clause,
                    quote,
                    0.4,
                    "a Chair of no named body",
                    reason="the clause names a Chair and no body; the protocol binds only this one",
                )

    def _chaired_before(self, clause: Clause) -> str | None:
        """The body the clause just before (in the same section) says is chaired ('the Board has been
        chaired by Jo Bloggs since 2021'), whose Chair a bare 'The Chair' then is."""
        index = next((i for i, c in enumerate(self.clauses) if c.id == clause.id), 0)
        if index == 0 or self.clauses[index - 1].section != clause.section:
            return None
        before = self.clauses[index - 1]
        for mention in self._mentions(before.text):
            if self._is_body(mention.key) and _IS_CHAIRED.match(before.text, mention.end):
                return mention.key
        return None

    def _their_partners(self, clause: Clause) -> None:
        """'The LSCB, the Trust and their constituent partners': partners of the bodies named with them."""
        for group in self._groups(clause, 0, len(clause.text)):
            partner = next(
                (m for m in group if m.key == COLLECTIVE and re.match(r"their\b", m.surface, re.I)), None
            )
            if partner is None:
                continue
            others = [m for m in group if m.key != COLLECTIVE and self._is_body(m.key)]
            quote = clause.text[group[0].start : partner.end]
            for other in others:
                self._relation(
                    Relation.MEMBER_OF,
                    COLLECTIVE,
                    other.key,
                    clause,
                    quote,
                    0.7,
                    "'their ... partners'",
                    capacity=Capacity.MEMBER,
                )

    # -- declarations and legislation -----------------------------------------------------------------

    def _declarations(self, clause: Clause, start: int, end: int) -> bool:
        text = clause.text
        found = False
        listed = [(kind, pattern.search(text, start, end)) for kind, pattern in _DECLARATIONS]
        phrased = any(match for _, match in listed)
        if not phrased:
            # none of the listed phrasings: the first of the composed forms (a negated hierarchy term, an
            # asserted independence), one statement per sentence; the sentence is still read for
            # relations ("a separate statutory body and reports to the KHWB"), negation and all
            listed = [next(((k, m) for k, p in COMPOSED if (m := p.search(text, start, end))), (None, None))]
        for kind, match in listed:
            if match is None or kind is None:
                continue
            found = phrased
            bodies = self._declared_bodies(clause, start, end, match, kind)
            named = [b for b in bodies if not self._unnamed_partners(b)]
            bodies = named if len(named) >= 2 else bodies  # "A and B as equal partners": A and B
            if bodies:
                quote = match.group(0).strip(" ,;.")
                self.found.declarations.append(DeclarationDraft(kind, bodies, clause.id, quote))
            else:
                self._unclassified(clause, text[start:end], f"a {kind.value} declaration about no known body")
        return found

    def _declared_bodies(
        self, clause: Clause, start: int, end: int, match: re.Match[str], kind: DeclarationKind
    ) -> list[str]:
        if kind == DeclarationKind.INDEPENDENT:
            keys = [
                k
                for g in self._groups(clause, start, match.start() + 1)
                for k in self._resolve_groups([m.key for m in g], clause, g[0].start)
            ]
            # "The Board is independent": with no body before it, the paragraph's subject, else the one
            # body the protocol binds (issue 9: declarations were lost when "the Board" was ambiguous)
            if not keys and _THE_PARTIES.search(clause.text, start, match.start() + 1):
                return list(self.entities.parties)  # "The Boards are separate and independent bodies"
            return (
                keys[-1:] or self.subject[:1] or self.entities.parties[:1] * (len(self.entities.parties) == 1)
            )
        if kind == DeclarationKind.SEPARATE_ACCOUNTABILITY:
            keys = [m.key for m in self._mentions(clause.text[start:end]) if not m.key.startswith("@")]
            if keys or COLLECTIVE in self.entities.items:
                return keys[:1] or [COLLECTIVE]
            # "Each Board remains accountable for its own functions": every body the protocol binds
            return list(self.entities.parties) if _EACH_OF_THEM.search(clause.text, start, end) else []
        groups = self._groups(clause, start, end)
        keys = [k for g in groups for k in self._resolve_groups([m.key for m in g], clause, g[0].start)]
        keys = [k for k in dict.fromkeys(keys) if self._is_body(k)]
        if len(keys) >= 2:
            return keys
        if (
            re.search(r"\b(?:it|this)\b", clause.text[start : match.start() + 8], re.IGNORECASE)
            and len(self.subject) >= 2
        ):
            return list(self.subject)
        return keys if keys and kind != DeclarationKind.NON_HIERARCHICAL else list(self.entities.parties)

    def _remember_subject(self, clause: Clause, start: int, end: int) -> None:
        subject = self._subject(clause, start, end, statement=True)
        if subject:
            self.subject = subject

    def _legislation(self, clause: Clause) -> None:
        for match in _LEGISLATION.finditer(clause.text):
            if match.group("title"):
                title = re.sub(r"^(?:The|the)\s+", "", match.group("title")) + " " + match.group("year")
            else:
                title = f"Working Together {match.group('wtyear')}"
            key = slug(title)
            if all(leg.key != key for leg in self.found.legislation):
                self.found.legislation.append(LegislationDraft(key, title, clause.id, match.group(0).strip()))

    # -- helpers ------------------------------------------------------------------------------------------

    def _mentions(self, text: str) -> list[Mention]:
        return self.entities.mentions(text)

    def _named_right_after(self, text: str, position: int) -> bool:
        """Whether an actor is named just after a verb (its object), not further on."""
        return any(
            re.fullmatch(r"\s+(?:the\s+)?", text[position : m.start])
            for m in self._mentions(text)
            if m.start > position and not m.key.startswith("@")
        )

    def _is_body(self, key: str) -> bool:
        entity = self.entities.items.get(key)
        return entity is not None and not entity.role

    def _first_trigger(self, text: str, limb: _Limb) -> int:
        positions = [
            m.start() for _, p in RELATION_TRIGGERS for m in [p.search(text, limb.start, limb.end)] if m
        ]
        positions += [m.start() for m in [_MEMBER_OF.search(text, limb.start, limb.end)] if m]
        return min(positions, default=limb.end)

    def _end_of_mention(self, clause: Clause, start: int, end: int) -> int:
        groups = self._groups(clause, start, end)
        return groups[0][-1].end if groups else end

    def _unclassified(self, clause: Clause, text: str, reason: str) -> None:
        self.found.unclassified.append(Unclassified(clause.id, clause.line, text, reason))


# -- text helpers -------------------------------------------------------------------------------------


def _head_of(name: str) -> str:
    """A name's last word, lower case ('Audit Sub-Group': 'sub-group')."""
    return name.split()[-1].lower() if name.split() else ""


def _negated(text: str, start: int, position: int) -> bool:
    """Whether the words just before a relation's verb deny it ("is not accountable to", "does not
    receive", "will never report to"): a line the text rules out is no line."""
    return bool(_NEGATION.search(text[max(start, position - 20) : position]))


def _in_relative(text: str, start: int, position: int) -> bool:
    """Whether ``position`` lies in a relative clause opened after ``start`` and not closed before it
    ("the Group, which reports to the Board": the verb is the Group's, not the sentence subject's)."""
    opened = list(_RELATIVE_OPENS.finditer(text, start, position))
    return bool(opened) and "," not in text[opened[-1].end() : position]


def _closing_paren(text: str, start: int) -> int:
    """Where the parenthesis open before ``start`` closes (or the text's end)."""
    close = text.find(")", start)
    return close if close >= 0 else len(text)


def _closing(text: str, end: int) -> int:
    """The end of a parenthetical '(LSP)' or '("the Council")' whose inner mention ends at ``end``."""
    match = re.match(r"[\"'\u2019\u201d]?\s*\)", text[end:])
    return end + match.end() if match else end


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.end()))
        start = match.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _limbs(text: str, start: int, end: int) -> list[_Limb]:
    """A sentence's separate obligations: parts after ';', a capitalised 'And', or 'and <verb> ... X'."""
    cuts: list[tuple[int, int]] = []
    for pattern in (re.compile(r";\s*(?:and\s+|or\s+)?"), _CAPITAL_AND, _AND_VERB):
        for match in pattern.finditer(text, start, end):
            cuts.append((match.start(), match.end()))
    limbs: list[_Limb] = []
    cursor = start
    for cut_start, cut_end in sorted(cuts):
        if cut_start <= cursor:
            continue
        limbs.append(_Limb(cursor, cut_start, not limbs))
        cursor = cut_end
    limbs.append(_Limb(cursor, end, not limbs))
    limbs = [limb for limb in limbs if text[limb.start : limb.end].strip(" ;,.:")]  # "...;" ends no limb
    return _join_verb_limbs_without_target(text, limbs)


def _join_verb_limbs_without_target(text: str, limbs: list[_Limb]) -> list[_Limb]:
    """'provide an annual report ... and make recommendations' stays one obligation: a coordinated verb
    is a limb of its own only when it names who it acts on (a capital: a body or post)."""
    out: list[_Limb] = []
    for limb in limbs:
        part = text[limb.start : limb.end]
        joined_by_verb = (
            out
            and re.match(rf"(?:{_LIMB_VERBS})\b", part)
            and text[out[-1].end : limb.start].strip() == "and"
        )
        if joined_by_verb and not re.search(r"\b(?:the\s+)?[A-Z]", part):
            out[-1] = _Limb(out[-1].start, limb.end, out[-1].own_sentence)
        else:
            out.append(limb)
    return out


def _limb_quote(text: str, limb: _Limb) -> str:
    quote = text[limb.start : limb.end].strip()
    return re.sub(r"[;,]\s*$", "", quote) if ";" in quote[-1:] or "," in quote[-1:] else quote


def _masks(text: str) -> dict[str, list[tuple[int, int]]]:
    """Spans where relation verbs belong to someone else (a purpose: 'for scrutiny'), and where actors are
    instruments or places ('through the WCT Board', 'between the CTB and the LSCB')."""
    purpose = [(m.start(), m.end()) for m in PURPOSE.finditer(text)]
    purpose += [(m.start(), m.end()) for m in OPEN_TO_SCRUTINY.finditer(text)]
    purpose += [(m.start(), m.end()) for m in _REVERSE_BY.finditer(text)]
    words = "|".join(NOT_A_TARGET_AFTER)
    instrument = [
        (m.start(), m.end())
        for m in re.finditer(rf"\b(?:{words})\b[^,;.]*", text, re.IGNORECASE)
        if not _ACCOUNTABLE_THROUGH.search(text[max(0, m.start() - 20) : m.start()])
    ]  # "accountable through the Board": the Board is the line's end, not an instrument
    return {"purpose": purpose, "instrument": instrument}


def _purpose_relations(what: str) -> list[Relation]:
    low = what.lower()
    out = []
    if "scrutiny" in low or "review" in low:
        out.append(Relation.SCRUTINISES)
    if "challenge" in low:
        out.append(Relation.CHALLENGES)
    if "approval" in low or "endorsement" in low or "sign-off" in low:
        out.append(Relation.SEEKS_APPROVAL_FROM)
    return out


def _first_targets(triggers: list[tuple[Relation, list[str], str]]) -> list[str]:
    return next((targets for _, targets, _ in triggers if targets), [])


def _per_target(targets: list[str], entities: Entities) -> list[str]:
    """One duty per body it is owed to; a collective only when no single body is named."""
    bodies = [t for t in targets if t in entities.items and not entities.items[t].collective]
    return list(dict.fromkeys(bodies or targets[:1]))


def _co_owner_targets(owner: str, owners: list[str], entities: Entities) -> list[str]:
    others = [o for o in owners if o != owner and not entities.items[o].collective]
    return others if len(others) == 1 else []


def _coordinated(text: str) -> bool:
    return bool(re.search(r"\b(?:and|,)\b", text))


def _subordinate(before: str) -> bool:
    words = re.findall(r"[A-Za-z]+", before.lower())
    return any(word in SUBORDINATORS for word in words[-6:]) and "agreed" not in words


def _duty_kind(text: str) -> DutyKind:
    """The kind whose words come first in the duty (its leading verb), the listed order breaking ties:
    'Scrutinise and respond to ...' is scrutiny, 'Respond formally ..., advising' is responding."""
    found = [(match.start(), order, kind) for order, (kind, pattern) in enumerate(KIND_TRIGGERS)
             if (match := pattern.search(text))]  # fmt: skip
    return min(found)[2] if found else DutyKind.OTHER


def _phrase(text: str, start: int, match: re.Match[str], end: int, chair: bool = False) -> str:
    """The words from the sentence's start to the end of the statement's object, trimmed."""
    tail = re.split(r"[.;]| and (?:is|are|attends)\b", text[match.end() : end])[0]
    return (
        (text[start : match.end()] + tail).strip(" ,.;")
        if not chair
        else (text[start : match.end()] + tail).strip(" ,;")
    )


def _in_clause(clause: Clause, entity) -> str:  # type: ignore[no-untyped-def]
    for alias in sorted({entity.name, *entity.aliases}, key=len, reverse=True):
        if alias in clause.text:
            return alias
    return entity.quote


__all__ = ["RELATION_KIND", "DutyDraft", "Findings", "RelationDraft", "find_relations"]
