"""A repeated question gets the very answer its first asking got.

The API keeps, per (document, operation name), the validated document, each root field's compiled
statement and, for a document without variables, the statement's parameters (``api.execute``): the
second asking skips parsing, validation, compilation and argument coercion. These tests ask every
question of ``bench.api_bench`` and of the recorded-answer tests twice more and compare the whole
response bytes (data, errors, statement counts, the Cypher shown on request), and check that a wrong
or missing variable gets the same refusal whether its document is new or cached.
"""

from __future__ import annotations

import httpx
import pytest

from bench.api_bench import CASES
from tests.conftest import PATIENCE, HttpApp
from tests.test_api_expected import QUERIES

QUESTIONS: dict[str, tuple[str, dict]] = {
    **{f"bench {case.name}": (case.graphql, {}) for case in CASES},
    **{f"expected {name}": entry for name, entry in QUERIES.items()},
    "constant maxHops refused": (
        '{ accountabilityPaths(from: "wirral/lscb", to: "wirral/wct", maxHops: 9) { totalCount } }',
        {},
    ),
}
PATHS = """query Paths($from: ID!, $to: ID!, $hops: Int = 3) {
  accountabilityPaths(from: $from, to: $to, maxHops: $hops) { totalCount nodes { length } } }"""
GOOD = {"from": "wirral/lead-member", "to": "wirral/lsp", "hops": 4}
BAD_VARIABLES = {
    "missing": {"from": "wirral/lead-member"},
    "wrong type": {"from": "wirral/lead-member", "to": "wirral/lsp", "hops": "four"},
    "null for non-null": {"from": None, "to": "wirral/lsp"},
    "out of range": {"from": "wirral/lead-member", "to": "wirral/lsp", "hops": 99},
    "unknown id": {"from": "wirral/nobody", "to": "wirral/lsp"},
}


def _post(api: HttpApp, query: str, variables: dict, explain: bool = False) -> tuple[int, bytes]:
    headers = {"x-govgraph-explain": "1"} if explain else {}
    body = {"query": query, "variables": variables}
    response = httpx.post(f"{api.url}/graphql", json=body, headers=headers, timeout=PATIENCE)
    return response.status_code, response.content


@pytest.mark.parametrize("name", sorted(QUESTIONS))
def test_a_repeated_question_gets_the_first_answer(api: HttpApp, name: str) -> None:
    query, variables = QUESTIONS[name]
    first = _post(api, query, variables)
    assert first[0] in (200, 400) and b'"data"' in first[1]
    assert _post(api, query, variables) == first
    assert _post(api, query, variables) == first
    shown = _post(api, query + "\n# shown", variables, explain=True)
    assert _post(api, query + "\n# shown", variables, explain=True) == shown


def test_every_question_was_new_to_the_cache_when_first_asked(api: HttpApp) -> None:
    """The comparison above means something only if the first asking compiled: no two questions share a
    document, so none was served from another's cache entry."""
    assert len({query for query, _ in QUESTIONS.values()}) == len(QUESTIONS)


@pytest.mark.parametrize("problem", sorted(BAD_VARIABLES))
def test_a_bad_variable_gets_the_same_refusal_new_or_cached(api: HttpApp, problem: str) -> None:
    fresh = f"{PATHS}\n# {problem}"  # a new cache key, the same line numbers
    bad = BAD_VARIABLES[problem]
    refused_new = _post(api, fresh, bad)
    assert b'"errors"' in refused_new[1], refused_new
    good = _post(api, fresh, GOOD)
    assert good[0] == 200 and b'"errors"' not in good[1], good
    assert _post(api, fresh, bad) == refused_new  # after a good run was compiled and cached
    assert _post(api, fresh, GOOD) == good  # and the refusal left nothing behind


def test_variables_change_the_answer_of_a_cached_document(api: HttpApp) -> None:
    fresh = f"{PATHS}\n# variables"
    four = _post(api, fresh, GOOD)
    one = _post(api, fresh, {**GOOD, "hops": 1})
    assert four != one
    assert _post(api, fresh, GOOD) == four and _post(api, fresh, {**GOOD, "hops": 1}) == one
