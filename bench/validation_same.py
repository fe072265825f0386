"""Same answers from two versions of the protocol reader: rows, spans, claims, digests and messages.

A speed-up of validation must change nothing a user or the writer sees. This writes a corpus once (good
synthetic protocols, every real YAML file of examples/ and tests/fixtures/ where it stands, and mutants of
both: a field dropped, retyped, lengthened, misspelt, an id or a reference or a quote broken, ...), then
records what ``read_protocol`` makes of each file under the code on ``sys.path``; run it under two
checkouts and compare the records:

    cd NEW && .venv/bin/python -m bench.validation_same write DIR   # the corpus (once)
    cd NEW && OLD/.venv/bin/python -m bench.validation_same run DIR old.pickle
    cd NEW && .venv/bin/python -m bench.validation_same run DIR new.pickle
    cd NEW && .venv/bin/python -m bench.validation_same compare old.pickle new.pickle

Each checkout's own venv runs its own code (its editable install), and both runs start in the same
folder, so ``bench`` (and the real files it reads where they stand) are the same for both: only the
reader differs. (``PYTHONPATH`` cannot swap the reader: the editable install's finder comes first.)
"""

from __future__ import annotations

import copy
import pickle
import random
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
GOOD_SYNTHETIC = 260
MUTANTS = 560
SEED = 11


def write(folder: Path) -> None:
    """The corpus: synthetic protocols and mutants of them and of the real files, in ``folder``."""
    from bench.synthetic import write_protocol_files

    if folder.exists():
        shutil.rmtree(folder)
    synthetic = write_protocol_files(folder / "synthetic", GOOD_SYNTHETIC, SEED)
    originals = [*synthetic[:40], *_real_files()]
    rng = random.Random(SEED)
    mutants = folder / "mutants"
    for number in range(MUTANTS):
        original = rng.choice(originals)
        data = yaml.safe_load(original.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            continue
        home = mutants / f"{number:04d}"
        home.mkdir(parents=True)
        source = (data.get("protocol") or {}).get("source")
        if isinstance(source, str) and (original.parent / source).is_file():
            shutil.copy(original.parent / source, home / Path(source).name)
        text = _mutated(rng, data, original.read_text(encoding="utf-8"))
        (home / "protocol.yaml").write_text(text, encoding="utf-8")


def _real_files() -> list[Path]:
    return sorted([*(ROOT / "examples").rglob("*.yaml"), *(ROOT / "tests" / "fixtures").rglob("*.yaml")])


def corpus(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.yaml")) + _real_files()


# -- mutations --------------------------------------------------------------------------------------------

SECTIONS = ["clauses", "bodies", "roles", "people", "legislation", "duties", "relations", "declarations"]
ODD_VALUES: list[Any] = [
    None,
    True,
    "",
    "x" * 81,
    "x" * 301,
    "y" * 2001,
    "z" * 20_001,
    "Bad Slug",
    "bad/slug",
    "-lead",
    "ok.slug",
    "a\x01b",
    "tab\there",
    "line\n",
    "yes",
    "false",
    [],
    ["a"],
    {},
    {"id": "x"},
    "member",
    "chair",
    "MEMBER_OF",
    "REPORTS_TO",
    "independent",
    "statutory-board",
    "nonexistent",
]


def _mutated(rng: random.Random, data: dict[str, Any], text: str) -> str:
    """One mutation of ``data`` (or of ``text``, a tenth of the time), as YAML text."""
    if rng.random() < 0.1:
        lines = text.splitlines(keepends=True)
        at = rng.randrange(len(lines))
        choice = rng.randrange(3)
        if choice == 0:
            del lines[at]
        elif choice == 1:
            lines.insert(at, lines[at])
        else:
            lines[at] = lines[at].replace(":", ": [", 1)
        return "".join(lines)
    data = copy.deepcopy(data)
    for _ in range(rng.choice([1, 1, 1, 2])):
        _mutate_once(rng, data)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def _mutate_once(rng: random.Random, data: dict[str, Any]) -> None:
    target = _pick_mapping(rng, data)
    kind = rng.randrange(9)
    keys = list(target)
    if kind == 0 and keys:
        del target[rng.choice(keys)]
    elif kind == 1:
        key = rng.choice(["typo", "from_", "inferred", "reason", "capacity", "quote", "aliases"])
        target[key] = rng.choice(ODD_VALUES)
    elif kind in (2, 3) and keys:
        target[rng.choice(keys)] = rng.choice(ODD_VALUES)
    elif kind == 4:
        _duplicate_item(rng, data)
    elif kind == 5 and keys:
        key = rng.choice(keys)
        if isinstance(target[key], str):
            target[key] = target[key] + rng.choice([" extra words", "-x", "X", "\\", "\x07"])
    elif kind == 6:
        _swap_ids(rng, data)
    elif kind == 7 and keys:
        key = rng.choice(keys)
        if isinstance(target[key], list) and target[key]:
            target[key].pop(rng.randrange(len(target[key])))
    elif kind == 8:
        rel = {"type": rng.choice(["REPORTS_TO", "MEMBER_OF", "CHALLENGES"]), "from": "lscb", "to": "lscb"}
        extras = [{}, {"inferred": True}, {"inferred": "yes", "reason": "r"}, {"capacity": "chair"}]
        rel.update(rng.choice(extras))
        data.setdefault("relations", []).append(rel)


def _pick_mapping(rng: random.Random, data: dict[str, Any]) -> dict[str, Any]:
    section = rng.choice([*SECTIONS, "area", "protocol", "top"])
    if section == "top":
        return data
    value = data.get(section)
    if isinstance(value, dict):
        return value
    if isinstance(value, list) and value and isinstance(value[0], dict):
        item = rng.choice(value)
        if isinstance(item, dict):
            return item
    return data


def _duplicate_item(rng: random.Random, data: dict[str, Any]) -> None:
    section = rng.choice(SECTIONS)
    items = data.get(section)
    if isinstance(items, list) and items:
        items.insert(rng.randrange(len(items) + 1), copy.deepcopy(rng.choice(items)))


def _swap_ids(rng: random.Random, data: dict[str, Any]) -> None:
    """An item of one section given another item's id (another kind, or the area's or protocol's)."""
    pool = [data.get("area", {}).get("id"), data.get("protocol", {}).get("id")]
    for section in SECTIONS:
        for item in data.get(section) or []:
            if isinstance(item, dict) and "id" in item:
                pool.append(item["id"])
    target = _pick_mapping(rng, data)
    if "id" in target and pool:
        target["id"] = rng.choice([p for p in pool if p] or ["x"])


# -- recording and comparing -----------------------------------------------------------------------------


def run(folder: Path, out: Path) -> None:
    """What the reader on ``sys.path`` makes of each file of the corpus, pickled to ``out``."""
    from govgraph.loaders import protocol
    from govgraph.loaders.errors import InputError

    records = {}
    for path in corpus(folder):
        try:
            valid = protocol.read_protocol(path)
        except InputError as exc:
            records[str(path)] = ("refused", str(exc), exc.line, exc.field)
            continue
        batch = valid.batch
        records[str(path)] = (
            "valid",
            (batch.source, batch.label, batch.digest),
            [list(_ordered(row)) for row in batch.nodes],
            [list(_ordered(row)) for row in batch.edges],
            [tuple(claim) for claim in valid.claims],
            {ref: tuple(span) for ref, span in valid.clause_spans.items()},
            (str(valid.source_path), valid.source_text),
            valid.summary(),
            valid.document.model_dump(mode="json", by_alias=True),
        )
    valid = sum(record[0] == "valid" for record in records.values())
    print(f"{protocol.__file__}: {len(records)} files, {valid} valid")
    out.write_bytes(pickle.dumps(records))


def _ordered(value: Any) -> Any:
    """Rows with their keys' order kept (two dicts in another order compare equal; Cypher maps do not care,
    but a changed order would be a changed row here) and each value's type named."""
    if isinstance(value, dict):
        return [(key, _ordered(item)) for key, item in value.items()]
    if isinstance(value, list):
        return [_ordered(item) for item in value]
    return (type(value).__name__, value)


def compare(old: Path, new: Path) -> int:
    before, after = pickle.loads(old.read_bytes()), pickle.loads(new.read_bytes())
    differ = [path for path in before if before[path] != after.get(path)]
    differ += [path for path in after if path not in before]
    refused = sum(r[0] == "refused" for r in before.values())
    print(f"{len(before)} files ({refused} refused, {len(before) - refused} valid): {len(differ)} differ")
    for path in differ[:10]:
        print(f"  {path}:\n    old {str(before.get(path))[:600]}\n    new {str(after.get(path))[:600]}")
    return 1 if differ else 0


def main(argv: list[str]) -> int:
    command, *rest = argv
    if command == "write":
        write(Path(rest[0]))
        print(f"{len(corpus(Path(rest[0])))} files in {rest[0]} (with the real ones where they stand)")
        return 0
    if command == "run":
        run(Path(rest[0]), Path(rest[1]))
        return 0
    if command == "compare":
        return compare(Path(rest[0]), Path(rest[1]))
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
