"""Load benchmark: ``govgraph load`` against a hand-written raw driver loader and ``neo4j-admin import``.

The same synthetic areas (``bench.synthetic``: files on disk for govgraph, the very same rows for the
others) are loaded into a wiped database by, in each round and in rotating order:

- govgraph: ``govgraph load FILES`` as a user runs it (a subprocess: validation, integrity checks, digests,
  writes), timed from start to exit, with its peak RSS;
- raw: the rows, already in memory and unvalidated, sent by the driver in large ``UNWIND`` batches
  (20,000 rows per transaction, the edge type fixed per statement): what a hand-written loader does;
- import: ``neo4j-admin database import full`` of the same rows into the stopped server (CSV writing +
  import + restart + schema), the bulk path ``govgraph load --bulk`` takes.

It also times validation of ``--validate`` files against libyaml's bare ``yaml.compose`` of the same text,
and validation with the rows a load builds from each file after validating it.

Wiping means this must never meet a user's data, so it runs its own Neo4j in ``bench/out/home``, starting
it if needed and stopping it afterwards if it started it; GOVGRAPH_NEO4J_URI is refused.

    .venv/bin/python -m bench.load_bench [--areas 1500] [--rounds 2] [--validate 100]
    .venv/bin/python -m bench.load_bench --validate-only [--areas 1500]   # no server: validation alone
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import resource
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml
from govgraph.graph.connection import Target, connect, resolve_target
from govgraph.graph.errors import GraphError
from govgraph.graph.queries import cypher
from govgraph.graph.schema import apply_schema
from govgraph.graph.server import Home, LocalServer, _java
from govgraph.graph.settings import Settings
from govgraph.loaders.batch import GraphBatch
from govgraph.loaders.bulk import run_import
from govgraph.loaders.protocol import read_protocol
from govgraph.loaders.writer import write_batches
from neo4j import Driver, ManagedTransaction, unit_of_work

from bench.synthetic import check_round_trip, shape, synthetic_areas, write_protocol_files

OUT = Path(__file__).resolve().parent / "out"
ROOT = Path(__file__).resolve().parents[1]
RAW_ROWS = 20_000
RAW_TIMEOUT = 900.0
REFUSED, FAILED = 2, 1
WIPE_FLAG = "--i-know-this-wipes-the-database"


@dataclass(frozen=True)
class Run:
    loader: str
    round: int
    nodes: int
    edges: int
    seconds: float
    rss_mib: float | None = None
    note: str = ""

    @property
    def rate(self) -> float:
        return (self.nodes + self.edges) / self.seconds


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--areas", type=int, default=200, help="synthetic areas (the issue's figure: 1500)")
    parser.add_argument("--rounds", type=int, default=1, help="rounds of the three loaders, interleaved")
    parser.add_argument("--validate", type=int, default=100, help="files for the validation timing")
    parser.add_argument(
        "--rounds-validate", type=int, default=3, help="interleaved rounds of the validation timing (best of)"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--home", type=Path, default=OUT / "home", help="the benchmark server's home")
    parser.add_argument(
        "--validate-only",
        action="store_true",
        help="only the validation figures (no Neo4j): --validate files and all --areas files, in process, "
        "and `govgraph validate` of all of them as a user runs it",
    )
    return parser.parse_args(argv)


# -- the loaders ------------------------------------------------------------------------------------------


def load_govgraph(settings: Settings, paths: list[Path]) -> tuple[float, float]:
    """``govgraph load`` in a process of its own; returns (seconds, peak RSS in MiB) of that process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GOVGRAPH_")}
    env.update(GOVGRAPH_HOME=str(settings.resolved_home), GOVGRAPH_HEAP=settings.heap)
    env["GOVGRAPH_PAGECACHE"] = settings.pagecache
    command = [sys.executable, "-m", "govgraph.cli", "load", "--force", *map(str, paths)]
    start = time.perf_counter()
    proc = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        lines = [line for line in re.split(r"[\r\n]+", stderr) if line.strip()]
        raise RuntimeError(f"govgraph load failed (exit {code}): {' / '.join(lines[-3:])[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def load_raw(driver: Driver, database: str, batches: list[GraphBatch]) -> None:
    """Large UNWIND batches, one transaction per RAW_ROWS rows, no validation, digest or delete."""
    nodes = [row for b in batches for row in b.nodes]
    by_type: dict[str, list[dict]] = defaultdict(list)
    for batch in batches:
        for e in batch.edges:
            by_type[e["type"]].append({"id": e["id"], "from": e["from"], "to": e["to"], "props": e["props"]})
    with driver.session(database=database) as session:
        for start in range(0, len(nodes), RAW_ROWS):
            session.execute_write(_run, "load/merge_nodes", nodes[start : start + RAW_ROWS])
        for rel_type, rows in sorted(by_type.items()):
            for start in range(0, len(rows), RAW_ROWS):
                session.execute_write(_run, f"load/edges/{rel_type}", rows[start : start + RAW_ROWS])


@unit_of_work(timeout=RAW_TIMEOUT)  # a 20,000-row transaction outlasts the default 60 s on a busy machine
def _run(tx: ManagedTransaction, name: str, rows: list[dict]) -> None:
    tx.run(cypher(name), rows=rows).consume()


def load_import(server: LocalServer, settings: Settings, batches: list[GraphBatch]) -> tuple[float, str]:
    """Stop, import, start, schema: all of it timed; returns (seconds, the import's share)."""
    home = Home(settings.resolved_home)
    start = time.perf_counter()
    server.stop()
    env = {**os.environ, "NEO4J_HOME": str(home.root), "NEO4J_CONF": str(home.conf_dir)}
    begun = time.perf_counter()
    run_import(_java(), home.lib, env, home.root, settings.neo4j_database, batches)
    imported = time.perf_counter() - begun
    server.start()
    with connect(resolve_target(settings)) as driver:
        apply_schema(driver, settings.neo4j_database)
    return time.perf_counter() - start, f"import itself {imported:.1f}s"


# -- helpers (the other benchmarks use these too) ---------------------------------------------------------


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def bench_settings(args: argparse.Namespace) -> Settings | None:
    """Our own server's settings; a user's server only when they said, in so many words, it may be wiped."""
    if os.environ.get("GOVGRAPH_NEO4J_URI"):
        if not getattr(args, "wipe_ok", False):
            uri = os.environ["GOVGRAPH_NEO4J_URI"]
            say(
                f"GOVGRAPH_NEO4J_URI is set ({uri}): this benchmark deletes everything in that database. "
                f"Unset it to use a throwaway local server, or pass {WIPE_FLAG}."
            )
            return None
        return Settings()
    os.environ["GOVGRAPH_HOME"] = str(args.home)
    return Settings(home=args.home)  # explicit, so it wins over any GOVGRAPH_HOME set before


@contextmanager
def bench_server(settings: Settings) -> Iterator[Target]:
    """The target to benchmark: the local server is started if needed and stopped only if we started it."""
    if settings.external:
        yield resolve_target(settings)
        return
    server = LocalServer(settings, progress=say)
    already_running = server.pid() is not None
    try:
        server.start()
        yield resolve_target(settings)
    finally:
        if not already_running:
            say("Stopping the benchmark's Neo4j ...")
            server.stop()


def load_project(driver: Driver, database: str, batches: list[GraphBatch]) -> None:
    """The project's writer, as ``govgraph load --force`` runs it after validation."""
    for _ in write_batches(driver, database, batches, force=True):
        pass


def server_version(driver: Driver, database: str) -> str:
    records, _, _ = driver.execute_query(cypher("db/components"), database_=database)
    return f"{records[0]['name']} {records[0]['version']} {records[0]['edition']}"


WIPE_BATCH = 10_000


def wipe(driver: Driver, database: str) -> None:
    """Edges first, then nodes, 10k per transaction, each its own bounded transaction: at 1,500 areas a
    one-statement wipe (even CALL ... IN TRANSACTIONS, whose outer transaction is timed) exceeds the 512m
    heap or the transaction timeout."""
    for statement in ("bench/wipe_edges_batch", "bench/wipe_nodes_batch"):
        while True:
            records, _, _ = driver.execute_query(cypher(statement), batch=WIPE_BATCH, database_=database)
            if records[0]["deleted"] == 0:
                break


def graph_counts(driver: Driver, database: str) -> tuple[int, int]:
    records, _, _ = driver.execute_query(cypher("bench/graph_counts"), database_=database)
    return records[0]["nodes"], records[0]["edges"]


def expected_counts(batches: list[GraphBatch]) -> tuple[int, int]:
    nodes = {row["id"] for batch in batches for row in batch.nodes}
    edges = {row["id"] for batch in batches for row in batch.edges}
    return len(nodes), len(edges)


def validation_timing(paths: list[Path], rounds: int = 3) -> tuple[float, float, float]:
    """(bare libyaml compose, validation, validation and the load's rows) CPU seconds for the same files,
    texts read beforehand for the bare side.

    Validation is ``read_protocol``, what ``govgraph validate`` does per file; the rows (and the digest)
    are built only when a load asks for them, so the third figure is a load's per-file work.
    CPU time (``time.process_time``), not wall-clock: on a shared machine the ratio then holds whatever
    else runs. The best of ``rounds`` rounds of each, interleaved, so one slow moment does not decide it.
    The compose runs with the garbage collector off, as our parse does (loaders/source.py): with it on
    the bare side paid for collections ours skips, which flattered the ratio.
    """
    texts = [p.read_text(encoding="utf-8") for p in paths]
    bare = validated = with_rows = float("inf")
    for _ in range(rounds):
        gc.collect()
        start = time.process_time()
        for text in texts:
            gc.disable()  # as loaders/source.py parses: the same collector state on both sides
            yaml.compose(text, Loader=yaml.CSafeLoader)
            gc.enable()
        bare = min(bare, time.process_time() - start)
        gc.collect()
        start = time.process_time()
        for path in paths:
            read_protocol(path)
        validated = min(validated, time.process_time() - start)
        gc.collect()
        start = time.process_time()
        for path in paths:
            read_protocol(path).batch  # noqa: B018 (built on access: that is what is timed)
        with_rows = min(with_rows, time.process_time() - start)
    return bare, validated, with_rows


def validate_command(paths: list[Path]) -> tuple[float, float]:
    """``govgraph validate`` of ``paths`` as a user runs it (workers for many files): (wall s, CPU s).

    The CPU time is the subprocess's with its validating workers (``wait4`` reports both), so it adds
    up what the parallel path costs rather than what one core saw.
    """
    command = [sys.executable, "-m", "govgraph.cli", "validate", *map(str, paths)]
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"govgraph validate failed: {' '.join(stderr.split())[-500:]}")
    return seconds, usage.ru_utime + usage.ru_stime


def validation_only(args: argparse.Namespace) -> int:
    """The validation figures alone, without a server: what validation costs beyond libyaml's parse."""
    paths = write_protocol_files(OUT / f"protocols-{args.areas}", args.areas, args.seed)
    sizes = sorted({min(args.validate, len(paths)), len(paths)})
    print(f"client: Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, libyaml {yaml.__with_libyaml__}")
    for count in sizes:
        bare, validated, with_rows = validation_timing(paths[:count], args.rounds_validate)
        print(
            f"validation of {count} files: {validated:.2f} CPU s; libyaml's bare compose {bare:.2f} CPU s; "
            f"ratio {validated / bare:.2f}x; with the load's rows {with_rows:.2f} CPU s, "
            f"{with_rows / bare:.2f}x (load average {os.getloadavg()[0]:.1f})"
        )
    seconds, cpu = validate_command(paths)
    print(
        f"govgraph validate of {len(paths)} files: {seconds:.1f} s, {cpu:.2f} CPU s with its workers "
        f"(interpreter start included; load average {os.getloadavg()[0]:.1f})"
    )
    return 0


def table(runs: list[Run], raw_rate: dict[int, float], import_rate: dict[int, float]) -> str:
    head = f"{'loader':<9}{'round':>6}{'nodes':>9}{'edges':>9}{'seconds':>9}{'n+e/s':>9}{'vs raw':>8}"
    lines = [f"{head}{'vs import':>10}  notes"]
    for r in runs:
        ratio = r.rate / raw_rate[r.round] if r.round in raw_rate else float("nan")
        versus = r.rate / import_rate[r.round] if r.round in import_rate else float("nan")
        notes = ", ".join(x for x in (f"peak RSS {r.rss_mib:.0f} MiB" if r.rss_mib else "", r.note) if x)
        cells = f"{r.loader:<9}{r.round:>6}{r.nodes:>9}{r.edges:>9}{r.seconds:>9.1f}{r.rate:>9.0f}"
        lines.append(f"{cells}{ratio:>7.2f}x{versus:>9.2f}x  {notes}")
    return "\n".join(lines)


def _timed(
    loader: str,
    number: int,
    server: LocalServer,
    settings: Settings,
    paths: list[Path],
    batches: list[GraphBatch],
    expected: tuple[int, int],
) -> Run:
    database = settings.neo4j_database
    with connect(resolve_target(settings)) as driver:
        apply_schema(driver, database)
        wipe(driver, database)
        say(f"round {number}: {loader} on {len(batches)} areas ...")
        rss, note = None, ""
        if loader == "raw":
            start = time.perf_counter()
            load_raw(driver, database, batches)
            seconds = time.perf_counter() - start
    if loader == "govgraph":
        seconds, rss = load_govgraph(settings, paths)
    elif loader == "import":
        seconds, note = load_import(server, settings, batches)
    with connect(resolve_target(settings)) as driver:
        nodes, edges = graph_counts(driver, database)
    if (nodes, edges) != expected:
        note += f" WARNING: expected {expected[0]} nodes, {expected[1]} edges"
    return Run(loader, number, nodes, edges, seconds, rss, note.strip())


def one_round(
    number: int, server: LocalServer, settings: Settings, paths: list[Path], batches: list[GraphBatch]
) -> list[Run]:
    expected = expected_counts(batches)
    order = ["raw", "govgraph", "import"]
    order = order[number % 3 :] + order[: number % 3]
    runs = []
    for loader in order:
        try:
            runs.append(_timed(loader, number, server, settings, paths, batches, expected))
        except Exception as exc:  # one loader failing (a timeout on a busy machine) must not lose the others
            say(f"round {number}: {loader} failed: {' '.join(str(exc).split())[:300]}")
            runs.append(Run(loader, number, 0, 0, float("nan"), note=f"FAILED: {type(exc).__name__}"))
    return runs


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.validate_only:
        return validation_only(args)
    settings = bench_settings(args)
    if settings is None or settings.external:
        return REFUSED  # this one stops and imports into the server: never a user's
    checked = check_round_trip(OUT / "check", 3, args.seed)
    say(f"The real loader accepts the synthetic protocols and yields the same rows ({checked} checked)")
    start = time.perf_counter()
    areas = synthetic_areas(args.areas, args.seed)
    batches = [area.batch() for area in areas]
    paths = write_protocol_files(OUT / f"protocols-{args.areas}", args.areas, args.seed)
    say(f"Generated and wrote {args.areas} synthetic areas in {time.perf_counter() - start:.0f}s")
    bare, validated, with_rows = validation_timing(paths[: args.validate], args.rounds_validate)
    validation_load = os.getloadavg()[0]
    server = LocalServer(settings, progress=say)
    already_running = server.pid() is not None
    runs: list[Run] = []
    try:
        server.start()
        for number in range(1, args.rounds + 1):
            runs += one_round(number, server, settings, paths, batches)
        validation = (min(args.validate, len(paths)), bare, validated, with_rows, validation_load)
        print_figures(settings, areas, batches, runs, validation)  # before the wipe: no figure lost
        with connect(resolve_target(settings)) as driver:
            wipe(driver, settings.neo4j_database)
    except (GraphError, RuntimeError) as exc:
        say(f"error: {exc}")
        return FAILED
    finally:
        if not already_running:
            server.stop()
    return 0


def print_figures(
    settings: Settings,
    areas: list,
    batches: list[GraphBatch],
    runs: list[Run],
    validation: tuple[int, float, float, float, float],
) -> None:
    files, bare, validated, with_rows, load_then = validation
    load = os.getloadavg()[0]
    print(f"client: Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {load:.1f}")
    print(f"server: heap {settings.heap}, page cache {settings.pagecache}")
    rows = sum(len(b.nodes) + len(b.edges) for b in batches) / len(batches)
    print(f"per area: {shape(areas[:100])}; {rows:.0f} rows")
    rates = {loader: {r.round: r.rate for r in runs if r.loader == loader} for loader in ("raw", "import")}
    print(table(runs, rates["raw"], rates["import"]))
    print(
        f"\nvalidation of {files} files: {validated:.2f} CPU s; "
        f"libyaml's bare compose {bare:.2f} CPU s; ratio {validated / bare:.2f}x; with the load's rows "
        f"{with_rows:.2f} CPU s, {with_rows / bare:.2f}x (load average {load_then:.1f})"
    )
    print(f"peak RSS of this benchmark process (holds every batch for raw and import): {_peak_mib():.0f} MiB")


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    sys.exit(main())
