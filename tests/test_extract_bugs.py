"""Bugs seen on real protocols (issue 9): ids over 80 characters, invalid drafts left on disk, area ids
taken from the first word of the area's name."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from govgraph.loaders.document import ProtocolDocument
from govgraph.loaders.extract.ids import IdPool, slug
from govgraph.loaders.protocol import read_protocol

from govgraph.cli import main

_SCP = "Greater Northfield and Southfield Metropolitan Safeguarding Children Partnership Board"
_HWB = "Greater Northfield and Southfield Metropolitan Health and Wellbeing Partnership Board"
LONG_NAMES = (
    f"Protocol between the {_SCP}, the {_HWB}\n\n1. Purpose\n\n1.1 The {_SCP} will report to the {_HWB}.\n"
)
PLACE = (
    "Protocol between the North Yorkshire Safeguarding Children Partnership and the North Yorkshire Health"
    " and Wellbeing Board\n\n1. Reporting\n\n1.1 The North Yorkshire Safeguarding Children Partnership"
    " will report to the North Yorkshire Health and Wellbeing Board.\n"
)


def _extract(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["extract", *[str(a) for a in args]], catch_exceptions=False)
    return result.exit_code, result.stderr


def _draft(tmp_path: Path, name: str, text: str) -> ProtocolDocument:
    """The draft `govgraph extract` writes for ``text``, which must succeed and validate."""
    source = tmp_path / f"{name}.txt"
    source.write_text(text)
    draft = tmp_path / f"{name}.yaml"
    code, err = _extract(source, "-o", draft)
    assert code == 0, err
    return read_protocol(draft).document


def test_ids_stay_within_the_formats_80_characters(tmp_path: Path) -> None:
    document = _draft(tmp_path, "long", LONG_NAMES)
    assert document.duties, "the long-named duty is found"
    ids = [d.id for d in document.duties] + [b.id for b in document.bodies] + [document.protocol.id]
    assert all(len(i) <= 80 for i in ids)


def test_bounded_ids_are_unique_and_short() -> None:
    pool = IdPool()
    wanted = "-".join(["greater-northfield-and-southfield-metropolitan"] * 3)
    made = [pool.take(wanted) for _ in range(12)]
    assert len(set(made)) == 12 and all(len(i) <= 80 for i in made)
    assert made[1].endswith("-2") and made[11].endswith("-12")
    assert slug("The Children\u2019s Trust & Board") == "the-childrens-trust-board"


def test_an_invalid_draft_is_never_left_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Were the extractor to write a draft the loader refuses, the command says so, exits 2, and leaves
    neither the draft nor a temporary file behind."""
    import govgraph.extract_command as command

    monkeypatch.setattr(command, "render", lambda *args: "format: govgraph/protocol@1\nbodies: [\n")
    text = tmp_path / "place.txt"
    text.write_text(PLACE)
    out = tmp_path / "out"
    code, err = _extract(text, "-o", out / "draft.yaml")
    assert code == 2
    assert err.startswith("error: ") and "does not validate, so it was not written" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert list(out.iterdir()) == []


def test_an_invalid_draft_replaces_no_earlier_draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import govgraph.extract_command as command

    text = tmp_path / "place.txt"
    text.write_text(PLACE)
    draft = tmp_path / "draft.yaml"
    assert _extract(text, "-o", draft)[0] == 0
    before = draft.read_text()
    monkeypatch.setattr(command, "render", lambda *args: "not: [valid\n")
    assert _extract(text, "-o", draft)[0] == 2
    assert draft.read_text() == before


def test_the_area_is_the_whole_place_name(tmp_path: Path) -> None:
    text = tmp_path / "protocol.txt"
    text.write_text(PLACE)
    draft = tmp_path / "d.yaml"
    assert _extract(text, "-o", draft)[0] == 0
    area = read_protocol(draft).document.area
    assert (area.id, area.name) == ("north-yorkshire", "North Yorkshire")


def test_an_area_from_the_file_name_keeps_all_its_words(tmp_path: Path) -> None:
    text = tmp_path / "east-riding-of-yorkshire-protocol.txt"
    text.write_text(PLACE.replace("North Yorkshire ", ""))
    draft = tmp_path / "d.yaml"
    assert _extract(text, "-o", draft)[0] == 0
    assert read_protocol(draft).document.area.id == "east-riding-of-yorkshire"


# A post named by one word, then a longer post starting with that word ("the Leader" then "Leader of the
# Main Opposition Group"): the longer post's body was looked up by its first word, which named the first
# post, so a post belonged to a post and the draft failed its own validation (seen on a real protocol).
POST_PREFIX = (
    "Kestrel Health and Wellbeing Board terms of reference\n\n"
    "1. The Kestrel Borough Council has appointed the Kestrel Health and Wellbeing Board. The Leader has "
    "the power to nominate to some of its positions.\n\n"
    "2. Membership\n\n"
    "i. The Leader of Kestrel Borough Council or their nominee (Chair)\n\n"
    "ii. Elected Member - Leader of the Main Opposition Political Group, Kestrel Borough Council\n"
)


def test_a_post_never_belongs_to_a_post(tmp_path: Path) -> None:
    document = _draft(tmp_path, "kestrel", POST_PREFIX)
    posts = {role.id for role in document.roles}
    assert {role.body for role in document.roles} & posts == set()
    assert any(role.name.startswith("Leader") for role in document.roles)
