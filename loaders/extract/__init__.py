"""Protocol text → a draft governance-as-code YAML, for a reviewer to correct and load.

The pipeline is rule-based and keyed to the language of governance protocols, never to one area's names:
``reading`` turns .txt/.md/.docx/.pdf into text, ``segment`` cuts it into clauses with their spans,
``entities`` finds bodies and roles and their aliases, ``relations`` finds duties, typed relations,
memberships and declarations, ``draft`` writes the YAML (review notes as comments) and ``evaluate``
measures a draft against a reviewed file.
"""
