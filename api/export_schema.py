"""Write the schema to api/schema.graphql, the checked-in copy that shows API changes in review."""

from __future__ import annotations

from pathlib import Path

from govgraph.api.schema import schema

SCHEMA_FILE = Path(__file__).resolve().parent / "schema.graphql"


def schema_text() -> str:
    return schema.as_str() + "\n"


if __name__ == "__main__":
    SCHEMA_FILE.write_text(schema_text())
    print(f"wrote {SCHEMA_FILE}")
