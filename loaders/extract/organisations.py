"""A lexicon of English public-sector organisations whose names carry no governance head noun.

The body rules know a name by its head ("... Board", "... Council", "... Trust"). Many partners of a
local protocol are named otherwise: a service known by its function alone ("Probation", "Public
Health", "Healthwatch", "CAFCASS"), a national body ("NHS England", "Jobcentre Plus"), an
organisation whose head is not a board's ("... Integrated Care System", "... Consortium", "...
Sub-Partnership", "... Hospital", "... College"), or an acronym so common that protocols print it
undefined ("the CCG", "ICB"). Nothing here names an area: these are the kinds of organisation every
English area has.
"""

from __future__ import annotations

import re

from govgraph.loaders.extract.vocabulary import BODY_HEADS

# Words that make a name an organisation's wherever they stand ("Healthwatch Kestrel", "Kestrel
# Healthwatch", "HMP Kestrel"); and the words that are an organisation's whole name alone ("Probation",
# where "National Probation" is only part of "National Probation Service").
ORGANISATION_WORDS = frozenset(
    {"healthwatch", "hmp", "cafcass", "jobcentre", "ccg", "icb", "icp", "ics", "cvs", "yot", "yos", "mash"}
)  # "Kestrel CCG", "Kestrel CVS": a kind's acronym after the place
WHOLE_NAMES = frozenset({"healthwatch", "probation", "cafcass", "cabinet"})  # "Report to: Cabinet"
# Last words that make a capitalised name an organisation's: the words before them are its own.
ORGANISATION_TAILS = (
    ("public", "health"),  # "Public Health", "Kestrel Public Health", "Public Health Kestrel" below
    ("nhs", "england"),
    ("nhs", "improvement"),
    ("jobcentre", "plus"),
    ("care", "system"),  # "Kestrel Integrated Care System"
    ("risk", "assessment", "conference"),  # the Multi-Agency Risk Assessment Conference of every area
)
# Heads of organisations' names beyond the governance vocabulary (with a word before them).
ORGANISATION_HEADS = frozenset(
    {
        "association",
        "company",
        "consortium",
        "collaborative",
        "federation",
        "hospital",
        "hospitals",
        "college",
        "university",
        "inspectorate",
        "prison",
        "parliament",
    }
)
# Words that start an organisation's name, whatever follows ("Government Office for the Region").
ORGANISATION_STARTS = (("government", "office"), ("nhs",))
# Acronyms of kinds of organisation every area has, printed undefined as the organisation's name
# ("CCG 38%", "the ICB and the Police"). Not the posts' ("PCC", "DCS") nor the processes' ("SAR").
KNOWN_ACRONYMS = frozenset(
    {
        "CCG", "ICB", "ICS", "ICP", "CQC", "NHSE", "DWP", "CPS", "NPS", "CRC", "YOT", "YOS", "YJS",
        "OPCC", "LGA", "CAFCASS", "Cafcass", "MASH", "MARAC", "HMPPS", "UKHSA", "PHE", "DfE", "DHSC",
    }
)  # fmt: skip
# After an acronym, words that make it a process or a document of the organisation, not the
# organisation named ("CQC inspection", "CCG area").
NOT_THE_ORGANISATION_AFTER = re.compile(
    r"\s+(?:inspections?|inspectors?|ratings?|judgements?|reports?|registered|registration|standards"
    r"|frameworks?|guidance|criteria|grades?|visits?|areas?|footprints?|boundar(?:y|ies)|level|funding)\b"
)
_SUB_HEAD = re.compile(r"^sub-?(?P<head>[a-z]+)$")


def sub_head(word: str) -> bool:
    """'Sub-Partnership', 'Sub-Board', 'Subpanel': a part of a body, named by a body head after "sub"."""
    match = _SUB_HEAD.match(word)
    return match is not None and match.group("head") in BODY_HEADS


def organisation_name(lowered: list[str]) -> bool:
    """Whether words (lower case, stripped) are an organisation's name by the lexicon alone."""
    if not lowered:
        return False
    if len(lowered) == 1 and lowered[0] in WHOLE_NAMES:
        return True
    if len(lowered) >= 2 and (lowered[0] in ORGANISATION_WORDS or lowered[-1] in ORGANISATION_WORDS):
        return True
    if any(tuple(lowered[-len(tail) :]) == tail for tail in ORGANISATION_TAILS):
        return len(lowered) >= 2
    if len(lowered) >= 2 and lowered[-1] in ORGANISATION_HEADS:
        return True
    if len(lowered) >= 2 and sub_head(lowered[-1]):
        return True
    return any(
        tuple(lowered[: len(start)]) == start and len(lowered) > len(start) for start in ORGANISATION_STARTS
    )
