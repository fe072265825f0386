"""Refusal benchmark: how long and how much memory ``govgraph validate`` takes to refuse each hostile input.

Each case (bench/hostile_inputs.py) runs as a process of its own, so its peak RSS is its own; the good
protocol is timed too, as the floor (interpreter start and imports). No database is involved.

    .venv/bin/python -m bench.refusal_bench
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.hostile_inputs import CASES, TESTSHIRE

ROOT = Path(__file__).resolve().parents[1]


def measure(path: Path) -> tuple[float, float, int, str]:
    """(seconds, peak RSS MiB, exit code, last line of stderr) of ``govgraph validate PATH``."""
    command = [sys.executable, "-m", "govgraph.cli", "validate", str(path)]
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace").strip().splitlines() if proc.stderr else []
    return seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), err[-1] if err else ""


def main() -> int:
    print(f"{'case':<18}{'exit':>5}{'seconds':>9}{'MiB':>7}  message")
    seconds, rss, code, _ = measure(TESTSHIRE)
    print(f"{'(good file)':<18}{code:>5}{seconds:>9.2f}{rss:>7.0f}")
    for case in CASES:
        with tempfile.TemporaryDirectory() as folder:
            path = case.make(Path(folder))
            seconds, rss, code, message = measure(path)
        print(
            f"{case.name:<18}{code:>5}{seconds:>9.2f}{rss:>7.0f}  {message.replace(str(path), 'FILE')[:90]}"
        )
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
