"""Extraction benchmark: micro precision/recall per item type over one half of the corpus, and the time
each document takes; plus, with ``--hostile``, the time and memory of the hostile inputs extract must
refuse or finish quickly.

Every document of the half (``tests/fixtures/corpus/<slug>/`` with ``text.txt`` and ``reviewed.yaml``;
the half is ``tests.corpus.half_of(slug)``) is extracted as ``govgraph extract`` does (with the reviewed
file's area name as ``--area``), its draft validated, and scored against the reviewed file. Only totals
are printed for the test half: its documents are scored blind, never looked at one by one. A draft that
does not validate counts as finding nothing.

    .venv/bin/python -m bench.extract_bench [--corpus DIR] [--half dev|test] [--details]
    .venv/bin/python -m bench.extract_bench --entity-causes   (dev half: each body/role miss and extra
                                                               with a likely cause, and their counts)
    .venv/bin/python -m bench.extract_bench --causes [--details]   (dev half: why each relation was missed)
    .venv/bin/python -m bench.extract_bench --hostile
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from govgraph.loaders.document import ProtocolDocument
from govgraph.loaders.errors import InputError
from govgraph.loaders.extract.draft import render
from govgraph.loaders.extract.evaluate import Evaluation, evaluate
from govgraph.loaders.extract.pipeline import extract_file
from govgraph.loaders.protocol import read_protocol

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "corpus"


def half_of(slug: str) -> str:
    """The same split as tests.corpus.half_of (the parity of the slug's SHA-256), so the bench runs on a
    checkout without the tests folder too."""
    return "test" if int(hashlib.sha256(slug.encode()).hexdigest(), 16) % 2 else "dev"


def documents(corpus: Path, half: str) -> list[Path]:
    return [
        folder
        for folder in sorted(corpus.iterdir())
        if folder.is_dir()
        and (folder / "text.txt").is_file()
        and (folder / "reviewed.yaml").is_file()
        and (half == "all" or half_of(folder.name) == half)
    ]


def draft_of(folder: Path, scratch: Path) -> tuple[ProtocolDocument | None, ProtocolDocument]:
    """One document's draft as ``govgraph extract`` writes it (None when it fails) and its reviewed file."""
    return _drafted(folder, scratch)[:2]


def _drafted(folder: Path, scratch: Path) -> tuple[ProtocolDocument | None, ProtocolDocument, str | None]:
    reviewed = read_protocol(folder / "reviewed.yaml").document
    failure = None
    try:
        extraction = extract_file(folder / "text.txt", reviewed.area.name)
        # The draft's source must lie beside it (the loader refuses anything else): a folder per document.
        here = scratch / folder.name
        here.mkdir(exist_ok=True)
        shutil.copyfile(folder / "text.txt", here / "text.txt")
        draft_path = here / "draft.yaml"
        draft_path.write_text(render(extraction, "text.txt", "text.txt"), encoding="utf-8")
        draft = read_protocol(draft_path).document
    except InputError as exc:
        draft, failure = None, str(exc).splitlines()[0]
    except Exception as exc:  # an extractor bug: counted as a failed draft, the run goes on
        draft, failure = None, f"{type(exc).__name__}: {exc}".splitlines()[0]
    return draft, reviewed, failure


def measure(folder: Path, scratch: Path) -> tuple[Evaluation, float, str | None]:
    """One document: its evaluation (empty when the draft fails), seconds taken, and the failure."""
    started = time.perf_counter()
    draft, reviewed, failure = _drafted(folder, scratch)
    elapsed = time.perf_counter() - started
    if draft is None:
        empty = reviewed.model_copy(
            update={
                "bodies": [],
                "roles": [],
                "people": [],
                "relations": [],
                "duties": [],
                "declarations": [],
            }
        )
        return evaluate(empty, reviewed), elapsed, failure
    return evaluate(draft, reviewed), elapsed, failure


def run_corpus(corpus: Path, half: str, details: bool) -> int:
    folders = documents(corpus, half)
    if not folders:
        print(f"no {half}-half documents in {corpus}")
        return 1
    total = Evaluation([])
    times: list[float] = []
    failures = 0
    with tempfile.TemporaryDirectory() as scratch:
        for folder in folders:
            evaluation, elapsed, failure = measure(folder, Path(scratch))
            total.add(evaluation)
            times.append(elapsed)
            failures += failure is not None
            if details and half == "dev":  # never one by one for the test half
                print(f"\n== {folder.name} ({elapsed:.2f} s)" + (f": FAILED {failure}" if failure else ""))
                print(evaluation.render(details=True))
    print(f"\n{half} half of {corpus}: {len(folders)} documents, {failures} drafts failed validation")
    print(total.render(details=False))
    print(
        f"time per document: mean {statistics.mean(times):.3f} s, median {statistics.median(times):.3f} s, "
        f"max {max(times):.3f} s"
    )
    return 0


def _cause_of_miss(name: str, text: str, extras: list[str]) -> str:
    """A likely cause for a reviewed body or role the draft did not find (a heuristic, for reading)."""
    from govgraph.loaders.extract.evaluate import is_generic, normal_name
    from govgraph.loaders.extract.vocabulary import BODY_HEADS, ROLE_HEADS

    norm = normal_name(name)
    words = name.split()
    if any(norm and (norm in normal_name(e) or normal_name(e) in norm) for e in extras):
        return "wrong bounds (an extra overlaps it)"
    if is_generic(name) or (name[:1].islower() and words[-1].lower().endswith("s")):
        return "generic/plural mention"
    if len(words) == 1 and name.isupper():
        return "acronym-only mention"
    if name.isupper():
        return "heading in capitals"
    if name[:1].islower():
        return "lower-case mention"
    flat = " ".join(text.split()).lower()
    if " ".join(name.lower().split()) not in flat:
        return "not printed as named (line break, punctuation)"
    head = words[-1].lower().strip("()\"'")
    if head not in BODY_HEADS | ROLE_HEADS and not any(w.lower() in BODY_HEADS | ROLE_HEADS for w in words):
        return "unknown head noun"
    return "known head, not found"


def _cause_of_extra(name: str, missed: list[str], reviewed_names: set[str]) -> str:
    """A likely cause for a draft body or role that aligns with no reviewed one."""
    from govgraph.loaders.extract.evaluate import normal_name

    norm = normal_name(name)
    if any(norm and (norm in normal_name(m) or normal_name(m) in norm) for m in missed):
        return "wrong bounds (overlaps a miss)"
    if norm in reviewed_names:
        return "alias not merged (a reviewed name, aligned elsewhere)"
    if name.isupper():
        return "heading in capitals"
    if any(norm and (norm in r or r in norm) for r in reviewed_names if len(r) > 3):
        return "wrong bounds (part or whole of a reviewed name)"
    return "not an entity of the reviewed file"


def entity_causes(corpus: Path) -> int:
    """Dev half only: each document's body and role misses and extras, each with a likely cause, then
    the counts per cause. The causes are heuristics to read the misses by, not scores."""
    from collections import Counter

    from govgraph.loaders.extract.evaluate import normal_name

    counts: Counter[tuple[str, str, str]] = Counter()
    with tempfile.TemporaryDirectory() as scratch:
        for folder in documents(corpus, "dev"):
            evaluation, _, failure = measure(folder, Path(scratch))
            reviewed = read_protocol(folder / "reviewed.yaml").document
            text = (folder / "text.txt").read_text(encoding="utf-8", errors="replace")
            lines = []
            for kind in ("bodies", "roles"):
                score = evaluation.score(kind)
                names = {
                    normal_name(n)
                    for item in getattr(reviewed, kind)
                    for n in [item.name, *getattr(item, "aliases", [])]
                }
                for name in score.missed:
                    cause = _cause_of_miss(name, text, score.extra)
                    counts[(kind, "missed", cause)] += 1
                    lines.append(f"  missed {kind}: {name}  <- {cause}")
                for name in score.extra:
                    cause = _cause_of_extra(name, score.missed, names)
                    counts[(kind, "extra", cause)] += 1
                    lines.append(f"  extra {kind}: {name}  <- {cause}")
            if lines or failure:
                print(f"== {folder.name}" + (f": FAILED {failure}" if failure else ""))
                print("\n".join(lines))
    print("\ncauses (dev half):")
    for (kind, what, cause), n in sorted(counts.items(), key=lambda item: (item[0][:2], -item[1])):
        print(f"  {kind:7} {what:7} {n:3}  {cause}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--half", choices=["dev", "test", "all"], default="dev")
    parser.add_argument("--details", action="store_true", help="dev half only: each document's misses")
    parser.add_argument(
        "--causes", action="store_true", help="dev half only: why each relation and membership was missed"
    )
    parser.add_argument("--hostile", action="store_true", help="time the hostile inputs instead")
    parser.add_argument(
        "--entity-causes", action="store_true", help="dev half only: body/role misses and extras by cause"
    )
    args = parser.parse_args(argv)
    if args.entity_causes:
        if args.half != "dev":
            parser.error("--entity-causes is for the dev half only (the test half is scored blind)")
        return entity_causes(args.corpus)
    if args.hostile:
        from bench.extract_hostile import run_hostile

        return run_hostile()
    if args.details and args.half != "dev":
        parser.error("--details is for the dev half only (the test half is scored blind)")
    if args.causes:
        if args.half != "dev":
            parser.error("--causes is for the dev half only (the test half is scored blind)")
        from bench.extract_causes import run_causes

        return run_causes(documents(args.corpus, "dev"), args.details)
    return run_corpus(args.corpus, args.half, args.details)


if __name__ == "__main__":
    sys.exit(main())
