"""Rewrite api/schema.graphql in graphql-core's canonical print (``make schema``), so that a hand edit of
the file reads the same as every other type in review; a test fails when the file is not in that form."""

from __future__ import annotations

from govgraph.api.schema import SCHEMA_FILE, load_schema
from graphql import print_schema


def schema_text() -> str:
    return print_schema(load_schema(SCHEMA_FILE.read_text())) + "\n"


if __name__ == "__main__":
    SCHEMA_FILE.write_text(schema_text())
    print(f"wrote {SCHEMA_FILE}")
