"""Forms of a safeguarding-arrangements document (invented sentences, no area's names): a mixed-case
acronym defined in brackets, a youth parliament, a two-place name's short form, items run together
with semicolons."""

from __future__ import annotations

from govgraph.loaders.extract.entities import add_listed_entity, find_entities
from govgraph.loaders.extract.segment import segment


def _entities(text: str, area: str | None = None):  # type: ignore[no-untyped-def]
    return find_entities(segment(text).clauses, area)


def test_a_mixed_case_acronym_in_brackets_is_the_names_alias() -> None:
    text = (
        "Fenmoor Safeguarding Children Partnership\n\n"
        "Relevant agencies include the Children and Family Court Advisory and Support Service (Cafcass). "
        "Cafcass attends the Partnership.\n"
    )
    entities = _entities(text, "Fenmoor")
    full = entities.resolve("Children and Family Court Advisory and Support Service")
    assert full is not None and entities.resolve("Cafcass") == full


def test_a_youth_parliament_is_a_body() -> None:
    text = "Fenmoor Safeguarding Children Partnership\n\nThe Fenmoor Youth Parliament speaks for children.\n"
    assert "Fenmoor Youth Parliament" in {e.name for e in _entities(text, "Fenmoor").items.values()}


def test_a_two_place_name_has_no_short_form_starting_with_and() -> None:
    text = (
        "Fenmoor Safeguarding Children Partnership\n\n"
        "The Fenmoor and Northmarch Probation Delivery Unit is a relevant agency.\n"
    )
    entities = _entities(text, "Fenmoor")
    unit = next(e for e in entities.items.values() if e.name.endswith("Probation Delivery Unit"))
    assert not any(alias.startswith("and ") for alias in unit.aliases)


def test_list_items_run_together_with_a_semicolon_name_the_last() -> None:
    text = "Fenmoor Safeguarding Children Partnership\n\nThe sub-groups are: Review Group; Learning Group.\n"
    entities = _entities(text, "Fenmoor")
    clause = segment(text).clauses[-1]
    key = add_listed_entity(entities, "Development Group; Learning Group", clause)
    assert key is not None and entities.items[key].name == "Learning Group"


def test_a_list_item_cut_at_its_bracket_is_the_whole_item() -> None:
    text = (
        "Fenmoor Safeguarding Children Board\n\n"
        "The members of the Board are:\n\n"
        "- Fenmoor County Council\n"
        "- Community (lay) members\n"
        "- Fenmoor Youth Offending Service (YOS)\n"
    )
    entities = _entities(text, "Fenmoor")
    clauses = segment(text).clauses
    item = next(c for c in clauses if c.text.startswith("Community"))
    key = add_listed_entity(entities, "Community", item)
    assert key is not None and entities.items[key].name != "Community"
