"""Refusal benchmark: how long and how much memory ``govgraph validate`` takes to refuse each hostile input.

Kept as a name for ``make bench``: it is the ``load`` section of bench/faults_bench.py, which measures each
case (bench/hostile_inputs.py, and the register cases) in a process of its own under GNU time, so the peak
RSS is that process's own (forked from this benchmark, a child would report the benchmark's peak).

    .venv/bin/python -m bench.refusal_bench
"""

from __future__ import annotations

import sys

from bench.faults_bench import main

if __name__ == "__main__":
    sys.exit(main(["--only", "load", *sys.argv[1:]]))
