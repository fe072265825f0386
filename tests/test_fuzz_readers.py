"""Fuzzing the loader's readers: whatever bytes a YAML or CSV file holds, the answer is a document or one
InputError, never another exception. A bounded number of examples keeps it fit for CI."""

from __future__ import annotations

import tempfile
from pathlib import Path

from govgraph.loaders.errors import InputError
from govgraph.loaders.load import read_document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import FIXTURES, TESTSHIRE

GOOD_YAML = TESTSHIRE.read_bytes()
GOOD_CSV = (FIXTURES / "testshire-register.csv").read_bytes()
YAML_BITS = [
    b"\n",
    b" ",
    b"- ",
    b": ",
    b"[",
    b"]",
    b"{",
    b"}",
    b",",
    b"&a ",
    b"*a",
    b"!x ",
    b"!!str ",
    b"'",
    b'"',
]
YAML_BITS += [
    b"#",
    b"---\n",
    b"...\n",
    b"? ",
    b"|\n",
    b">\n",
    b"\t",
    b"\x00",
    b"\xff",
    b"\xef\xbb\xbf",
    b"%YAML 1.1\n",
]
CSV_BITS = [
    b",",
    b"\n",
    b"\r\n",
    b'"',
    b"\x00",
    b"\xef\xbb\xbf",
    b"a",
    b"testshire/",
    b"chair",
    b"2024-01-01",
]
EXAMPLES = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def mutations(good: bytes, bits: list[bytes]) -> st.SearchStrategy[bytes]:
    """The good file cut, spliced and sprinkled with syntax, or syntax alone."""
    edit = st.tuples(
        st.integers(0, len(good)), st.integers(0, 40), st.lists(st.sampled_from(bits), max_size=6)
    )

    def apply(edits: list[tuple[int, int, list[bytes]]]) -> bytes:
        data = good
        for at, cut, inserted in edits:
            data = data[:at] + b"".join(inserted) + data[at + cut :]
        return data

    return st.one_of(
        st.lists(edit, min_size=1, max_size=4).map(apply),
        st.lists(st.sampled_from(bits), max_size=40).map(b"".join),
        st.binary(max_size=300),
    )


def read(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        (Path(folder) / "testshire.txt").write_bytes((FIXTURES / "testshire.txt").read_bytes())
        try:
            read_document(path)
        except InputError as exc:
            assert str(exc).startswith(str(path)), str(exc)
            assert "\n" not in exc.message, exc.message


@EXAMPLES
@given(mutations(GOOD_YAML, YAML_BITS))
def test_yaml_reader_answers_a_document_or_one_input_error(data: bytes) -> None:
    read(data, "fuzz.yaml")


@EXAMPLES
@given(mutations(GOOD_CSV, CSV_BITS))
def test_csv_reader_answers_a_document_or_one_input_error(data: bytes) -> None:
    read(data, "fuzz.csv")
