"""One body or post printed several ways (issue 9, alias resolution): with and without a possessive
("Children's Board" / "Children Board"), with a curly or a straight apostrophe, and a post named after
its body's full name, its acronym or "of the" it. Invented names in the forms of real minutes.
"""

from __future__ import annotations

from govgraph.graph.model import Relation
from govgraph.loaders.extract.entities import find_entities
from govgraph.loaders.extract.relations import find_relations
from govgraph.loaders.extract.segment import segment

BOARD = "The Kestrel Local Safeguarding Children Board (KLSCB) meets quarterly."


def _read(text: str) -> tuple:
    clauses = segment("Kestrel governance\n\n" + text + "\n").clauses
    entities = find_entities(clauses, "Kestrel")
    return entities, find_relations(clauses, entities)


def test_a_possessive_name_is_the_same_body() -> None:
    for apostrophe in ("'", "\u2019"):
        entities, _ = _read(f"{BOARD} The Local Safeguarding Children{apostrophe}s Board met in May.")
        bodies = [e.key for e in entities.items.values() if not e.role]
        assert bodies == ["klscb"], apostrophe
        assert entities.resolve(f"Local Safeguarding Children{apostrophe}s Board") == "klscb"


def test_a_name_kept_with_its_curly_apostrophe_resolves_from_a_straight_one() -> None:
    entities, _ = _read(
        "The Heron Children\u2019s Trust Board (HCTB) meets. The Heron Children\u2019s Trust Board met."
    )
    assert entities.resolve("Heron Children's Trust Board") == "hctb"


def test_one_post_named_three_ways_is_one_post_chairing_its_body() -> None:
    entities, found = _read(
        f"{BOARD} The Board considered a report of the Local Safeguarding Children\u2019s Board Independent "
        "Chair. Jo Bloggs, KLSCB Independent Chair, presented it. The Independent Chair of the KLSCB left."
    )
    posts = [e for e in entities.items.values() if e.role]
    assert len(posts) == 1
    chairs = {(r.source, r.target) for r in found.relations if r.type == Relation.CHAIRS}
    assert chairs == {(posts[0].key, "klscb")}


def test_a_different_post_of_the_same_body_stays_apart() -> None:
    entities, _ = _read(f"{BOARD} The KLSCB Independent Chair and the KLSCB Business Manager met.")
    assert sorted(e.name for e in entities.items.values() if e.role) == [
        "KLSCB Business Manager",
        "KLSCB Independent Chair",
    ]


def test_an_acronym_with_a_letter_from_inside_a_word_is_the_bodys() -> None:
    entities, _ = _read(
        "The Kestrel Health and Wellbeing Board meets monthly. The HWBB agreed the plan. The HSAB and the "
        "KHWX met."
    )
    assert entities.resolve("HWBB") == entities.resolve("Kestrel Health and Wellbeing Board") is not None
    assert entities.resolve("HSAB") is None and entities.resolve("KHWX") is None
