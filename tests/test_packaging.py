"""The installed package: one top-level name, its Cypher files, the pom and the bundled protocols inside.

Checked on a wheel built from this tree and on a plain (non-editable) install of it into a fresh venv, which
then serves the bundled protocols with no repository beside it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from govgraph.graph.queries import names, query

from tests.conftest import PATIENCE, ROOT, Cli, wait_until

OURS = ("api", "graph", "loaders", "cypher", "frontend", "examples")


def test_every_statement_has_a_header_naming_it() -> None:
    statements = names()
    assert len(statements) >= 20
    for name in statements:
        header = query(name).header
        assert header.get("name") == name, name
        assert "takes" in header and "returns" in header, name


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        check=True,
    )
    (wheel,) = out.glob("govgraph-*.whl")
    return wheel, result.stdout + result.stderr


def test_building_prints_no_setuptools_warning(built: tuple[Path, str]) -> None:
    _, output = built
    assert "Warning" not in output and "!!" not in output, output


def test_wheel_has_one_top_level_package_with_everything_inside(built: tuple[Path, str]) -> None:
    wheel, _ = built
    members = set(zipfile.ZipFile(wheel).namelist())
    assert {m.split("/", 1)[0] for m in members} == {"govgraph", "govgraph-0.1.0.dist-info"}
    on_disk = {"govgraph/" + str(p.relative_to(ROOT)) for p in (ROOT / "cypher").rglob("*.cypher")}
    assert on_disk and on_disk <= members
    assert {
        "govgraph/graph/pom.xml",
        "govgraph/api/schema.graphql",
        "govgraph/api/static/graphiql.html",
        "govgraph/bundled/leicester.yaml",
        "govgraph/bundled/wirral-wct-lscb.txt",
    } <= members


@pytest.fixture(scope="module")
def venv(built: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with govgraph installed from the wheel; its dependencies come from the test venv."""
    wheel, _ = built
    target = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", str(target)], check=True)
    site = Path(
        subprocess.run(
            [target / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    # A plain path line: the test venv's packages, but not its .pth files (so not its editable govgraph).
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [target / "bin" / "python", "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True,
    )
    return target


def test_install_adds_only_govgraph_to_site_packages(venv: Path) -> None:
    (site,) = (venv / "lib").glob("python3*/site-packages")
    assert (site / "govgraph" / "bundled" / "wirral.yaml").is_file()
    assert not [name for name in OURS if (site / name).exists()]
    probe = "import govgraph.graph.queries as q, govgraph.graph.jars as j; print(q.__file__, j.pom_path())"
    result = subprocess.run(
        [venv / "bin" / "python", "-c", probe], cwd=venv, capture_output=True, text=True, check=True
    )
    assert all(path.startswith(str(site)) for path in result.stdout.split()), result.stdout


@pytest.fixture
def served(venv: Path, empty_db: Cli) -> Iterator[str]:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {key: value for key, value in empty_db.env.items() if key != "GOVGRAPH_BUNDLED"}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    proc = subprocess.Popen(
        [venv / "bin" / "govgraph", "serve", "--port", str(port)],
        cwd=venv,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"

    def ready() -> bool:
        assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
        try:
            return httpx.get(f"{url}/readyz", timeout=PATIENCE).status_code == 200
        except httpx.TransportError:
            return False

    try:
        wait_until(ready, "the installed govgraph to serve")
        yield url
    finally:
        proc.terminate()
        proc.wait(PATIENCE)


def test_installed_govgraph_serves_the_bundled_protocols(served: str) -> None:
    body = httpx.post(
        f"{served}/graphql", json={"query": "{ areas { nodes { id } } }"}, timeout=PATIENCE
    ).json()
    assert sorted(a["id"] for a in body["data"]["areas"]["nodes"]) == ["leicester", "wirral"]
    assert httpx.get(f"{served}/", timeout=PATIENCE).status_code == 200
