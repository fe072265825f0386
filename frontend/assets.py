"""The files a diagram page is made of: vis-network as pyvis ships it, and our own script, styles and
templates. Standalone diagrams inline all of them; the explorer serves them. Nothing comes from a CDN.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

FRONTEND = resources.files("govgraph.frontend")
STATIC = FRONTEND / "static"
TEMPLATES = FRONTEND / "templates"
# pyvis carries vis-network's build; 9.1.2 is the version its own pages use.
VIS_VERSION = "9.1.2"
_SOURCE_MAP = re.compile(r"^\s*//# sourceMappingURL=.*$", re.MULTILINE)
# Characters that could end or confuse a <script> element, written as JSON escapes instead.
_SCRIPT_UNSAFE = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def _vis_dir() -> Traversable:
    return resources.files("pyvis") / "templates" / "lib" / f"vis-{VIS_VERSION}"


@cache
def vis_js() -> str:
    """vis-network's script without its source-map comment, which would make a browser look for a .map
    file beside the page (a request an offline file must not make)."""
    return _SOURCE_MAP.sub("", (_vis_dir() / "vis-network.min.js").read_text(encoding="utf-8"))


@cache
def vis_css() -> str:
    return (_vis_dir() / "vis-network.css").read_text(encoding="utf-8")


def static_text(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


@cache
def templates() -> Environment:
    return Environment(
        loader=PackageLoader("govgraph.frontend", "templates"),
        autoescape=select_autoescape(["html"]),
        keep_trailing_newline=True,
    )


def script_json(data: Any) -> str:
    """JSON that is safe inside a <script> element: no '</script>' or '<!--' can appear in it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for unsafe, escaped in _SCRIPT_UNSAFE:  # str.replace, not translate: many times faster on megabytes
        text = text.replace(unsafe, escaped)
    return text
