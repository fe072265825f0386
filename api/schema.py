"""The GraphQL schema: api/schema.graphql, the checked-in file clients and reviewers read, is the schema.

Nothing resolves fields one by one: every root field is compiled from its selection into one Cypher
statement by the blocks of ``api.fields`` (a test checks each field of the file has its block), and
``checks`` / ``Body.findings`` come from the checks engine. The limits on abusive documents are applied
where documents are validated (``api.execute``), page sizes by ``api.pages``.
"""

from __future__ import annotations

from pathlib import Path

from govgraph.api import findings
from graphql import GraphQLEnumType, GraphQLSchema, build_schema

SCHEMA_FILE = Path(__file__).resolve().parent / "schema.graphql"
MAX_DEPTH = 12
MAX_ALIASES = 20
MAX_TOKENS = 4000
INTERNAL_ERROR = "Internal error; it has been logged."


def load_schema(text: str | None = None) -> GraphQLSchema:
    """The schema of the file; ``Severity`` arguments arrive as the checks engine's own enum."""
    built = build_schema(SCHEMA_FILE.read_text() if text is None else text)
    severity = built.get_type("Severity")
    assert isinstance(severity, GraphQLEnumType)
    for name, value in severity.values.items():
        value.value = findings.Severity[name]
    return built


schema = load_schema()
