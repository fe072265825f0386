"""Where govgraph's packages live: the repository keeps graph/, api/, loaders/, cypher/ and frontend/ at its
top (the layout the project prescribes), but they are installed under the ``govgraph`` namespace so that
site-packages gains no top-level names as generic as ``api`` or ``graph``. Every folder below them is a
package (the data folders too: Cypher files, static assets, templates), so setuptools ships all of it
without deprecation warnings, and a new folder needs no edit here.
"""

from pathlib import Path

from setuptools import setup

HERE = Path(__file__).resolve().parent
FOLDERS = {
    "govgraph": "govgraph",
    "govgraph.graph": "graph",
    "govgraph.api": "api",
    "govgraph.loaders": "loaders",
    "govgraph.cypher": "cypher",
    "govgraph.frontend": "frontend",
    "govgraph.bundled": "examples/protocols",
}
SKIP = {"__pycache__", "node_modules"}


def _folders(folder: Path) -> list[tuple[str, ...]]:
    """Sub-folders whose every part can be a package name; others (npm's "@graphiql/...@1.0.2") are data."""
    return sorted(
        rel.parts
        for sub in folder.rglob("*")
        if sub.is_dir()
        and not SKIP & set((rel := sub.relative_to(folder)).parts)
        and all(part.isidentifier() for part in rel.parts)
    )


def layout() -> tuple[list[str], dict[str, list[str]]]:
    packages, data = [], {}
    for name, folder in FOLDERS.items():
        for parts in [(), *_folders(HERE / folder)]:
            package = ".".join([name, *parts])
            packages.append(package)
            inside = HERE / folder / Path(*parts)
            odd = [d.name for d in inside.iterdir() if d.is_dir() and not d.name.isidentifier()]
            data[package] = ["*", *(f"{d}/**/*" for d in odd if d not in SKIP)]
    return packages, data


PACKAGES, DATA = layout()

setup(
    package_dir=FOLDERS,
    packages=PACKAGES,
    package_data=DATA,
    exclude_package_data={"": ["*.pyc"]},
)
