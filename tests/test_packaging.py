"""The installed package carries its Cypher files and the pom: checked on a wheel built from this tree."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from graph.queries import names, query
from tests.conftest import ROOT


def test_every_statement_has_a_header_naming_it() -> None:
    statements = names()
    assert len(statements) >= 20
    for name in statements:
        header = query(name).header
        assert header.get("name") == name, name
        assert "takes" in header and "returns" in header, name


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)], check=True
    )
    (built,) = out.glob("govgraph-*.whl")
    return built


def test_wheel_contains_every_cypher_file_and_the_pom(wheel: Path) -> None:
    members = set(zipfile.ZipFile(wheel).namelist())
    on_disk = {str(p.relative_to(ROOT)) for p in (ROOT / "cypher").rglob("*.cypher")}
    assert on_disk and on_disk <= members
    assert "graph/pom.xml" in members
    assert {"api/schema.graphql", "api/static/graphiql.html"} <= members


def test_installed_wheel_loads_statements_by_name(wheel: Path, tmp_path: Path) -> None:
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import graph, graph.queries as q, graph.jars as j;"
        "assert graph.__file__.startswith(sys.argv[1]), graph.__file__;"
        "print(len(q.names()), q.query('load/merge_nodes').header['name'], j.pom_path().is_file())"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(unpacked)], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == [str(len(names())), "load/merge_nodes", "True"]
