"""``govgraph check`` starts without importing the API, the explorer or the diagrams (issue 11): a CI job
runs it as a new process each time, and those imports cost it about a second of CPU."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT

PROBE = """
import json, sys
from govgraph.cli import main
try:
    main(["check", "--list-rules"])
except SystemExit:
    pass
heavy = ("fastapi", "strawberry", "uvicorn", "pyvis", "govgraph.api", "govgraph.frontend")
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in heavy or m.startswith(heavy))))
"""


def test_check_imports_neither_the_api_nor_the_diagrams() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True)
    lines = done.stdout.strip().splitlines()
    assert "one-way-accountability" in done.stdout  # the command really ran and listed the rules
    assert json.loads(lines[-1]) == []


def test_every_command_is_still_listed_and_runs_its_help() -> None:
    from click.testing import CliRunner

    from govgraph.cli import main

    runner = CliRunner()
    listed = runner.invoke(main, ["--help"]).output
    for command in ("check", "extract", "diagram", "review", "compare", "load", "serve"):
        assert f"  {command} " in listed, command
        result = runner.invoke(main, [command, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output, command
