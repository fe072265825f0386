"""Bodies the extraction found but the draft should not carry.

A collective ("partners", "partner agencies", "the local community") is an entity so that the relation
reader can attach a generic end to a suggestion; it is not a body the protocol sets up. Once relations,
duties, declarations and people are read, a collective nothing refers to is dropped: otherwise nearly
every draft gains a "Partners" body the reviewer has to delete. A collective only flagged suggestions
point at is dropped too (issue 9: a "Partners" body added to most drafts): those suggestions become
comments of the draft, so the reviewer still sees them without a body nobody named.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from govgraph.graph.model import Relation
from govgraph.loaders.extract.entities import COLLECTIVE, Entities
from govgraph.loaders.extract.evaluate import is_generic


def referenced_keys(
    findings: object, people: Iterable[object] = (), unless_suggested: frozenset[str] = frozenset()
) -> set[str]:
    """Every entity key a finding or a person points at (ends, owners, bodies, held posts); a key of
    ``unless_suggested`` counts only where a stated finding (not a flagged suggestion) points at it."""
    keys: set[str] = set()
    for name in ("relations", "duties", "declarations", "approvals"):
        for item in getattr(findings, name, []):
            suggested = bool(getattr(item, "reason", None))
            for field in ("source", "target", "owner", "towards", "body"):
                value = getattr(item, field, None)
                if isinstance(value, str) and not (suggested and value in unless_suggested):
                    keys.add(value)
            keys.update(getattr(item, "bodies", []) or [])
    for person in people:
        keys.update(getattr(person, "holds", []) or [])
    return keys


def drop_unreferenced_collectives(entities: Entities, used: set[str]) -> list[str]:
    """Remove the collectives no finding uses (never a party, never a role's body); the keys dropped."""
    needed = used | set(entities.parties) | {e.body for e in entities.items.values() if e.body}
    needed |= {  # "all KSCP Partners", capitalised as a name: the partners of a named body, kept as a body
        key
        for key, entity in entities.items.items()
        if entity.collective and not is_generic(entity.name) and entity.name.endswith(" Partners")
    }
    dropped = [key for key, entity in entities.items.items() if entity.collective and key not in needed]
    for key in dropped:
        del entities.items[key]
    if dropped:
        entities.compile()
    return dropped


def collective_keys(entities: Entities) -> frozenset[str]:
    return frozenset(key for key, entity in entities.items.items() if entity.collective)


def unnamed_partners(entities: Entities, key: str | None) -> bool:
    """Whether ``key`` is the collective when it is only 'Partners' (issue 9: a "Partners" body added to
    most drafts), not when the text names whose they are ("KSCP Partners", a body some reviewed files
    keep), nor the local community (reviewed files keep it as a body)."""
    entity = entities.items.get(key) if key == COLLECTIVE else None
    return entity is not None and is_generic(entity.name)


def without_generic_counterparts(findings: object, entities: Entities) -> None:
    """A duty "towards all agencies" (plain partners) owes it to no one body: its counterpart is left to
    the reviewer (the duty's text keeps the words), so no "Partner agencies" body is drafted for it
    alone."""
    for duty in getattr(findings, "duties", []):
        if unnamed_partners(entities, duty.towards):
            duty.towards = None


_CHAIR_POST = re.compile(r"\bchair(?:man|person)?\b", re.IGNORECASE)
_NOT_THE_CHAIR = re.compile(r"\b(?:co|vice|deputy|joint|sub[\s-]?group|sub[\s-]?committee)\b", re.IGNORECASE)


def one_chair_per_body(findings: object, people: Iterable[object], entities: Entities) -> dict[str, str]:
    """One post the text prints two ways ("the Chair of the KSAB", "the Independent Chair", "KSAB
    Chair") is one role: where two posts named as a chair are each stated to chair the same body, and
    neither is a co-, vice- or deputy chair, the later one's names become the first's aliases and every
    finding and person points at the first. A body has one chair; the second role was the same post
    (issue 9, alias resolution). Returns the merged keys (merged -> kept)."""
    merged: dict[str, str] = {}
    first_chair: dict[str, str] = {}
    relations = getattr(findings, "relations", [])
    stated_first = [r for r in relations if not r.reason] + [r for r in relations if r.reason]
    for rel in stated_first:  # a bare "Chair" only suggested for the one party joins the stated chair
        role = entities.items.get(rel.source)
        if rel.type != Relation.CHAIRS or role is None or not role.role:
            continue
        if _NOT_THE_CHAIR.search(role.name) or not _CHAIR_POST.search(role.name) or rel.source in merged:
            continue  # "SAP is chaired by the Cabinet Member": a post that chairs, not a name of the chair
        kept = first_chair.setdefault(rel.target, rel.source)
        if kept != rel.source and kept not in merged:
            merged[rel.source] = kept
    for other, kept in merged.items():
        entity, into = entities.items.pop(other), entities.items[kept]
        into.aliases += [
            n for n in [entity.name, *entity.aliases] if n not in into.aliases and n != into.name
        ]
    if merged:
        _repoint(findings, people, entities, merged)
        entities.compile()
    return merged


def _repoint(findings: object, people: Iterable[object], entities: Entities, merged: dict[str, str]) -> None:
    seen: set[tuple[object, ...]] = set()
    kept_relations = []
    for rel in getattr(findings, "relations", []):
        rel.source, rel.target = merged.get(rel.source, rel.source), merged.get(rel.target, rel.target)
        key = (rel.type, rel.source, rel.target, rel.reason is None)
        if rel.source != rel.target and key not in seen:
            seen.add(key)
            kept_relations.append(rel)
    findings.relations = kept_relations  # type: ignore[attr-defined]
    for duty in getattr(findings, "duties", []):
        duty.owner = merged.get(duty.owner, duty.owner)
        if duty.towards is not None:
            duty.towards = merged.get(duty.towards, duty.towards)
    for declaration in getattr(findings, "declarations", []):
        declaration.bodies = [merged.get(b, b) for b in declaration.bodies]
    for person in people:
        person.holds = list(dict.fromkeys(merged.get(h, h) for h in person.holds))  # type: ignore[attr-defined]
    for entity in entities.items.values():
        if entity.body in merged:
            entity.body = merged[entity.body]
