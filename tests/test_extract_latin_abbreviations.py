"""'e.g.' leading a bracketed list is no body, when the relation reader hands it over as a list item:
invented sentences, no area's names."""

from __future__ import annotations

from govgraph.loaders.extract.entities import add_listed_entity, find_entities
from govgraph.loaders.extract.segment import segment


def test_e_g_as_a_list_item_is_no_body() -> None:
    text = (
        "Fenmoor Crime and Disorder Scrutiny Panel\n\n"
        "The Panel reviews the partners of the Partnership (e.g., the Police, Fire and Rescue Authority).\n"
    )
    clauses = segment(text).clauses
    entities = find_entities(clauses, None)
    clause = next(c for c in clauses if "e.g." in c.text)
    assert add_listed_entity(entities, "e.g.", clause) is None
    assert add_listed_entity(entities, "i.e.", clause) is None
    assert add_listed_entity(entities, "Fenmoor Probation Service", clause) is not None
