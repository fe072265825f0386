"""A body printed short, some words of its name left out ("the Safeguarding Board" for the Fenmoor
Safeguarding Children Board): merged when exactly one body's name holds its words in order (invented
sentences, no area's names)."""

from __future__ import annotations

from govgraph.loaders.extract.entities import find_entities
from govgraph.loaders.extract.segment import segment


def _entities(text: str, area: str | None = None):  # type: ignore[no-untyped-def]
    return find_entities(segment(text).clauses, area)


def _bodies(text: str, area: str | None = None) -> set[str]:
    return {e.name for e in _entities(text, area).items.values() if not e.role and not e.collective}


def test_a_name_with_words_left_out_is_the_one_body_it_shortens() -> None:
    text = (
        "Fenmoor Safeguarding Children Board (FSCB)\n\n"
        "The Safeguarding Board is responsible for ensuring organisations work together. The Children "
        "and Young People's Partnership reports to it; the Children and Young People's Strategic "
        "Partnership meets monthly.\n"
    )
    entities = _entities(text, "Fenmoor")
    bodies = {e.name for e in entities.items.values() if not e.role and not e.collective}
    assert "Safeguarding Board" not in bodies
    assert entities.resolve("the Safeguarding Board") == entities.resolve("FSCB")
    assert "Children and Young People's Partnership" not in bodies
    assert "Children and Young People's Strategic Partnership" in bodies


def test_a_short_name_two_bodies_could_be_is_left_apart() -> None:
    text = (
        "Fenmoor Safeguarding Children Board and Fenmoor Safeguarding Adults Board\n\n"
        "The Safeguarding Board meets quarterly. The Fenmoor Safeguarding Children Board and the Fenmoor "
        "Safeguarding Adults Board share a business unit.\n"
    )
    entities = _entities(text, "Fenmoor")
    assert entities.resolve("the Safeguarding Board") not in {
        entities.resolve("Fenmoor Safeguarding Children Board"),
        entities.resolve("Fenmoor Safeguarding Adults Board"),
    }


def test_two_names_in_one_sentence_are_two_bodies() -> None:
    text = (
        "Fenmoor Safeguarding Children Board\n\n"
        "The Fenmoor Safeguarding Children Board consists of the Safeguarding Board and various Sub "
        "Groups.\n"
    )
    assert {"Safeguarding Board", "Fenmoor Safeguarding Children Board"} <= _bodies(text, "Fenmoor")
