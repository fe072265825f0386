"""Resolve the Neo4j server jars from Maven Central with Maven, once per home and version.

Maven is the tool the Java world resolves dependencies with; driving it from ``graph/pom.xml`` keeps the
exact server we run in one reviewed file instead of a hand-kept list of jar URLs.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from govgraph.graph.errors import ServerError

Progress = Callable[[str], None]
_DOWNLOADED = re.compile(r"Downloaded from \S+: (\S+)")


def pom_path() -> Path:
    """The pom ships inside the package so an installed wheel can resolve the server too."""
    return Path(str(resources.files("govgraph.graph").joinpath("pom.xml")))


def jars_ready(lib: Path, version: str) -> bool:
    marker = lib / ".version"
    return marker.is_file() and marker.read_text().strip() == version


def resolve_jars(lib: Path, version: str, progress: Progress) -> None:
    """Copy ``org.neo4j:neo4j:<version>`` and its dependencies into ``lib``, atomically.

    The jars land in a sibling directory first and are swapped in only when Maven succeeds, so an
    interrupted first start never leaves a half-filled ``lib`` that would look complete.
    """
    if jars_ready(lib, version):
        return
    mvn = shutil.which("mvn")
    if mvn is None:
        raise ServerError("Maven ('mvn') is not on PATH: it is needed once, to fetch the Neo4j jars.")
    staging = lib.with_name(lib.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    progress(f"Resolving Neo4j {version} from Maven Central (first start only; this takes a while)...")
    command = [
        mvn,
        "-B",
        "-f",
        str(pom_path()),
        f"-Dneo4j.version={version}",
        "dependency:copy-dependencies",
        f"-DoutputDirectory={staging}",
        "-DincludeScope=runtime",
    ]
    _run_maven(command, progress)
    jars = list(staging.glob("*.jar"))
    if not any(j.name.startswith("neo4j-server-") for j in jars):
        raise ServerError(f"Maven finished but {staging} holds no neo4j-server jar; see the output above.")
    (staging / ".version").write_text(version + "\n")
    shutil.rmtree(lib, ignore_errors=True)
    staging.rename(lib)
    progress(f"Neo4j {version}: {len(jars)} jars in {lib}")


def _run_maven(command: list[str], progress: Progress) -> None:
    tail: list[str] = []
    downloaded = 0
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            tail = [*tail[-30:], line.rstrip()]
            match = _DOWNLOADED.search(line)
            if match:
                downloaded += 1
                if downloaded % 10 == 1:
                    progress(f"  downloaded {downloaded} files ({match.group(1).rsplit('/', 1)[-1]})")
    if proc.returncode != 0:
        raise ServerError("Maven could not resolve the Neo4j jars:\n" + "\n".join(tail))
