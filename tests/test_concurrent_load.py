"""A load running at the same time cannot slip a clashing node past the checks.

The read checks (loaders/integrity.py) run before the write transactions; another load may commit in
between. Each write transaction therefore checks again, on the nodes its MERGE has just locked
(cypher/load/merge_nodes), and rolls back on a clash. Here the other load is made to commit exactly in
that gap: this load's checks run, the other load runs to the end, then this load writes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from govgraph.graph.settings import Settings
from govgraph.loaders.errors import InputError
from govgraph.loaders.load import check_documents, read_documents, write_documents
from govgraph.loaders.writer import Collision, write_batches

from tests import test_integrity
from tests.test_integrity import protocol, register, variant

DATABASE = Settings().neo4j_database


# test_integrity's set-up (testshire and its register loaded), used here rather than copied
baseline = test_integrity.baseline


def test_a_person_of_another_name_written_meanwhile(baseline, driver, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    testshire = baseline[0]
    ours = register(tmp_path, "Pat Person,testshire/director,,,,\n", name="ours.csv")
    documents = read_documents([ours])
    known = check_documents(driver, DATABASE, documents)  # passes: no Pat Person yet
    theirs = register(tmp_path, "PAT  person,,testshire/tsb,member,,\n", name="theirs.csv")
    assert testshire("load", theirs).exit_code == 0
    before = testshire.snapshot()
    with pytest.raises(InputError) as refused:
        write_documents(driver, DATABASE, documents, known)
    message = str(refused.value)
    assert message.startswith(f"{ours}:2: [person]"), message
    assert "is also the id made by the different name 'PAT  person'" in message, message
    assert "theirs.csv" in message and "written by another load while this one ran" in message, message
    assert testshire.snapshot() == before


def test_a_node_of_another_kind_written_meanwhile(baseline, driver, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Our protocol makes body 'testshire/second'; another load makes a protocol of that id first."""
    testshire = baseline[0]
    (tmp_path / "a").mkdir()
    ours = protocol(tmp_path / "a", variant(protocol_id="ours", body_tsf="second"))
    documents = read_documents([ours])
    known = check_documents(driver, DATABASE, documents)
    (tmp_path / "b").mkdir()
    theirs = protocol(tmp_path / "b", variant(protocol_id="second"))
    assert testshire("load", theirs).exit_code == 0
    before = testshire.snapshot()
    with pytest.raises(InputError) as refused:
        write_documents(driver, DATABASE, documents, known)
    message = str(refused.value)
    assert message.startswith(f"{ours}:17: [bodies[2].id]"), message
    assert "which is also the id of a Protocol in the database (from testshire/second" in message, message
    assert testshire.snapshot() == before


def test_the_write_itself_refuses_and_rolls_back(baseline, driver, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Below the read check: the transaction finds the clash on the nodes it locked, and writes nothing."""
    testshire = baseline[0]
    (tmp_path / "b").mkdir()
    theirs = protocol(tmp_path / "b", variant(protocol_id="second"))
    assert testshire("load", theirs).exit_code == 0
    (tmp_path / "a").mkdir()
    documents = read_documents([protocol(tmp_path / "a", variant(protocol_id="ours", body_tsf="second"))])
    before = testshire.snapshot()
    with pytest.raises(Collision) as clash:
        list(write_batches(driver, DATABASE, documents.batches(), known={}))
    assert clash.value.ids == ["testshire/second"]
    assert clash.value.sources == ["testshire/ours"]
    assert testshire.snapshot() == before
