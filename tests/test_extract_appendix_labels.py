"""An appendix's label before a body's name ('Appendix A Draft Fenmoor Health and Wellbeing Board terms
of reference') is no part of the name: invented sentences, no area's names."""

from __future__ import annotations

from govgraph.loaders.extract.entities import find_entities
from govgraph.loaders.extract.segment import segment


def _bodies(text: str) -> set[str]:
    entities = find_entities(segment(text).clauses, None)
    return {e.name for e in entities.items.values() if not e.role and not e.collective}


def test_a_listed_appendix_names_no_body_of_its_own() -> None:
    text = (
        "Report to the Fenmoor Scrutiny Committee\n\n"
        "The Committee will review the work of the Safer Fenmoor Partnership.\n\n"
        "Appendix A        Draft Safer Fenmoor Partnership terms of reference;\n\n"
        "Appendix B        Copy of Safer Fenmoor Partnership report of 5 May 2021.\n"
    )
    bodies = _bodies(text)
    assert "Safer Fenmoor Partnership" in bodies
    assert not any(b.startswith("Appendix") for b in bodies)
