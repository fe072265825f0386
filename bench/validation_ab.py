"""Validation of two versions of the code in one process, interleaved with libyaml's bare compose.

On a shared machine the CPU time of the same work varies by a fifth or more from one minute to the next
(the figures of two ``load_bench --validate-only`` runs a few minutes apart are not comparable). Here the
old code's ``read_protocol``, this checkout's and the bare ``yaml.compose`` take turns, round after round
in rotating order, over the same files, and each side's best round counts:

    .venv/bin/python -m bench.validation_ab OLD [--areas 1500] [--files 100 1500] [--rounds 5]

OLD is a folder holding a ``govgraph`` package made of another checkout's folders (as for
bench/validation_same.py). Its modules are imported first, kept by the function, and dropped from
``sys.modules`` so that this checkout's are imported afresh: each function runs its own code.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from bench.load_bench import OUT

Reader = Callable[[Path], object]


def reader_from(folder: Path | None) -> tuple[Reader, str]:
    """``read_protocol`` of the ``govgraph`` package in ``folder`` (None: this checkout's), and its file."""
    for name in [name for name in sys.modules if name == "govgraph" or name.startswith("govgraph.")]:
        del sys.modules[name]
    if folder is not None:
        sys.path.insert(0, str(folder))
    try:
        module = importlib.import_module("govgraph.loaders.protocol")
    finally:
        if folder is not None:
            sys.path.remove(str(folder))
    return module.read_protocol, str(module.__file__)


def best_rounds(
    paths: list[Path], readers: dict[str, Reader], rounds: int
) -> tuple[dict[str, float], dict[str, float]]:
    """Each side's least CPU time over ``rounds``, the sides taking turns in rotating order; and beside
    it, each side's median over the rounds of its ratio to the compose of the same round.

    On this VM the CPU time of the same work moves by a fifth or more between minutes, so two sides'
    best rounds may come from different minutes; a round's sides run within seconds of each other, so
    the per-round ratio is the steadier figure."""
    texts = [p.read_text(encoding="utf-8") for p in paths]

    def bare() -> None:
        for text in texts:
            gc.disable()  # as load_bench.validation_timing: the collector off for the bare parse
            yaml.compose(text, Loader=yaml.CSafeLoader)
            gc.enable()

    def reading(read: Reader) -> Callable[[], None]:
        def run() -> None:
            for path in paths:  # each result dropped at once, as load_bench.validation_timing does
                read(path)

        return run

    sides: dict[str, Callable[[], None]] = {"compose": bare, **{k: reading(r) for k, r in readers.items()}}
    best = dict.fromkeys(sides, float("inf"))
    ratios: dict[str, list[float]] = {name: [] for name in sides}
    order = list(sides)
    for number in range(rounds):
        spent = {}
        for name in order[number % len(order) :] + order[: number % len(order)]:
            gc.collect()
            start = time.process_time()
            sides[name]()
            spent[name] = time.process_time() - start
            best[name] = min(best[name], spent[name])
        for name in sides:
            ratios[name].append(spent[name] / spent["compose"])
    return best, {name: statistics.median(values) for name, values in ratios.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", type=Path, help="a folder holding the old checkout's govgraph package")
    parser.add_argument("--areas", type=int, default=1500)
    parser.add_argument("--files", type=int, nargs="+", default=[100, 1500])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    from bench.synthetic import write_protocol_files

    paths = write_protocol_files(OUT / f"protocols-{args.areas}", args.areas, 0)
    old, old_file = reader_from(args.old)
    new, new_file = reader_from(None)
    print(f"old: {old_file}\nnew: {new_file}")
    # "+rows": what a load reads of each file, the write rows included. A checkout that builds them
    # while validating (before session 7) does the same work on both of its lines.
    readers = {"old": old, "old+rows": with_rows(old), "new": new, "new+rows": with_rows(new)}
    for count in args.files:
        before = os.getloadavg()[0]
        best, median = best_rounds(paths[:count], readers, args.rounds)
        bare, load = best["compose"], f"{before:.1f}-{os.getloadavg()[0]:.1f}"
        sides = "; ".join(
            f"{name} {best[name]:.2f} = {best[name] / bare:.2f}x (median per round {median[name]:.2f}x)"
            for name in readers
        )
        print(
            f"{count} files, best of {args.rounds} rounds (load average {load}): "
            f"compose {bare:.2f} CPU s; {sides}"
        )
    return 0


def with_rows(read: Reader) -> Reader:
    """``read`` and then the document's write rows (a lazy ``batch`` is built by the access)."""

    def read_with_rows(path: Path) -> object:
        return read(path).batch  # type: ignore[attr-defined]

    return read_with_rows


if __name__ == "__main__":
    sys.exit(main())
