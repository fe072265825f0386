"""The GraphQL endpoint fuzzed over real HTTP against the session's Neo4j: whatever a client sends, the
answer is never a 5xx, never a traceback in the server's log, and every error carries ``extensions.code``.

Bodies are JSON of random shapes, random bytes and strings, deep nesting and wrong types; queries are built
from the schema's own field, argument and enum names with random (often wrong) arguments and variables,
random operation names, and random Host, Origin and Content-Type headers. The number of examples is
bounded for CI (``EXAMPLES``); no deadline, as each example is a real request on a busy machine.
"""

from __future__ import annotations

import json
import logging
import os
import string
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from govgraph.api.app import create_app
from govgraph.api.schema import schema
from govgraph.graph.connection import resolve_target
from govgraph.graph.settings import Settings
from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLUnionType,
    get_named_type,
    is_leaf_type,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import PATIENCE, TESTSHIRE, Cli, HttpApp

SCHEMA = schema  # graphql-core's schema, read from api/schema.graphql
EXAMPLES = settings(
    max_examples=int(os.environ.get("GOVGRAPH_FUZZ_EXAMPLES") or 200),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
ALLOWED_HOST = "govgraph.internal"


class Recorder(logging.Handler):
    """Every log record at ERROR or above, or with a traceback, from any logger (uvicorn's, ours)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.bad: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR or record.exc_info:
            self.bad.append(self.format(record) if record.exc_info else record.getMessage())


@pytest.fixture(scope="module")
def api(cli: Cli, server_home: Path) -> Iterator[tuple[HttpApp, Recorder, httpx.Client]]:
    cli.wipe()
    assert cli("load", TESTSHIRE).exit_code == 0
    recorder = Recorder()
    logging.getLogger().addHandler(recorder)
    app = HttpApp(
        create_app(resolve_target(Settings(home=server_home)), tx_timeout=PATIENCE, hosts=(ALLOWED_HOST,))
    )
    # A new connection per request: a kept-alive one can be closed by the server just as the next request
    # is sent (a reset seen at load average 60), which is the client's race, not the API's fault.
    fresh = httpx.Limits(max_keepalive_connections=0)
    with httpx.Client(base_url=app.url, timeout=PATIENCE, limits=fresh) as client:
        yield app, recorder, client
    app.stop()
    logging.getLogger().removeHandler(recorder)


def check(response: httpx.Response, recorder: Recorder) -> None:
    """What every answer must satisfy, whatever was asked."""
    assert response.status_code < 500, (response.status_code, response.text[:500])
    assert not recorder.bad, recorder.bad[-1]
    if response.headers.get("content-type", "").startswith("application/json"):
        body = response.json()
        assert isinstance(body, dict), body
        for error in body.get("errors") or []:
            assert isinstance(error.get("message"), str) and error["message"], error
            assert (error.get("extensions") or {}).get("code"), error
            assert "Traceback" not in error["message"]
    else:
        assert response.status_code != 200 or "text/html" in response.headers.get("content-type", "")


# -- strategies ----------------------------------------------------------------------------------------

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)
NAMES = st.text(string.ascii_letters + "_", min_size=1, max_size=12)
SAFE_HEADER = st.text(string.ascii_letters + string.digits + ".-:[]_/", max_size=40)


def _types() -> list[str]:
    return sorted(name for name in SCHEMA.type_map if not name.startswith("__"))


@st.composite
def literal(draw: st.DrawFn, arg_type: object, variables: list[str]) -> str:
    """An argument value: often of the declared type, often not, sometimes a variable."""
    named = get_named_type(arg_type)  # type: ignore[arg-type]
    choices = [
        st.integers(-(2**70), 2**70).map(str),
        st.floats(allow_nan=False, allow_infinity=False).map(repr),
        st.text(max_size=30).map(json.dumps),
        st.sampled_from(["true", "false", "null", "[]", "{}", '""', '"testshire/tsb"', '"testshire"']),
        st.lists(st.integers(-5, 5).map(str), max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]"),
    ]
    if isinstance(named, GraphQLEnumType):
        choices.append(st.sampled_from(sorted(named.values)))
    if isinstance(named, GraphQLInputObjectType):
        fields = sorted(named.fields)
        choices.append(
            st.lists(st.sampled_from(fields), max_size=3, unique=True).map(
                lambda keys: "{" + ", ".join(f"{k}: 1" for k in keys) + "}"
            )
        )
    if variables:
        choices.append(st.sampled_from(variables).map(lambda v: f"${v}"))
    return draw(st.one_of(*choices))


@st.composite
def arguments(draw: st.DrawFn, field: GraphQLField, variables: list[str]) -> str:
    names = sorted(field.args)
    chosen = draw(st.lists(st.sampled_from(names), max_size=len(names), unique=True)) if names else []
    if draw(st.integers(0, 9)) == 0:
        chosen.append(draw(NAMES))  # an argument the field does not have
    parts = [
        f"{name}: {draw(literal(field.args[name].type if name in field.args else None, variables))}"
        for name in chosen
    ]
    return "(" + ", ".join(parts) + ")" if parts else ""


@st.composite
def selection(draw: st.DrawFn, type_: object, depth: int, variables: list[str]) -> str:
    """A selection set on ``type_`` from its own field names (now and then a field it lacks)."""
    named = get_named_type(type_)  # type: ignore[arg-type]
    if is_leaf_type(named):
        return "" if draw(st.integers(0, 9)) else "{ id }"  # sometimes a selection on a scalar
    if isinstance(named, GraphQLUnionType):
        member = draw(st.sampled_from([t.name for t in named.types]))
        inner = draw(selection(SCHEMA.type_map[member], depth, variables))
        return "{ __typename ... on " + member + " " + (inner or "{ __typename }") + " }"
    assert isinstance(named, GraphQLObjectType | GraphQLInterfaceType)
    fields = sorted(named.fields)
    leaves = [f for f in fields if is_leaf_type(get_named_type(named.fields[f].type))] or ["__typename"]
    pool = fields if depth > 0 else leaves
    chosen = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3, unique=True))
    parts = []
    for name in chosen:
        if name == "__typename":
            parts.append(name)
            continue
        field = named.fields[name]
        alias = f"{draw(NAMES)}: " if draw(st.integers(0, 5)) == 0 else ""
        args = draw(arguments(field, variables))
        sub = draw(selection(field.type, depth - 1, variables))
        if not sub and not is_leaf_type(get_named_type(field.type)):
            sub = "{ __typename }"
        parts.append(f"{alias}{name}{args} {sub}".strip())
    if draw(st.integers(0, 9)) == 0:
        parts.append(draw(NAMES))
    return "{ " + " ".join(parts) + " }"


VARIABLE_TYPES = ["String", "String!", "Int", "Int!", "ID", "Boolean", "[String!]", "Float", "Severity"]


@st.composite
def operation(draw: st.DrawFn) -> dict:
    """A request whose query is built from the schema, with random variables and operation name."""
    declared = draw(st.dictionaries(NAMES, st.sampled_from(VARIABLE_TYPES + _types()[:5]), max_size=3))
    names = sorted(declared)
    query = draw(selection(SCHEMA.query_type, draw(st.integers(1, 4)), names))
    header = ""
    if declared or draw(st.booleans()):
        op_name = draw(NAMES)
        defs = ", ".join(f"${n}: {t}" for n, t in sorted(declared.items()))
        header = f"query {op_name}" + (f"({defs})" if defs else "")
    document = f"{header} {query}"
    if draw(st.integers(0, 5)) == 0:
        document += f" query {draw(NAMES)} {{ __typename }}"  # a second operation
    body: dict = {"query": document}
    if names or draw(st.booleans()):
        body["variables"] = draw(
            st.dictionaries(st.sampled_from(names) if names else NAMES, JSON, max_size=3)
        )
    if draw(st.integers(0, 3)) == 0:
        body["operationName"] = draw(st.none() | NAMES | JSON)
    return body


def nested(depth: int, opener: str, closer: str, middle: str = "1") -> str:
    return opener * depth + middle + closer * depth


RAW_BODIES = st.one_of(
    JSON.map(json.dumps),
    st.dictionaries(st.sampled_from(["query", "variables", "operationName", "extensions"]), JSON).map(
        json.dumps
    ),
    st.text(max_size=200),
    st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
    st.integers(1, 40_000).map(lambda n: nested(n, "[", "]")),
    st.integers(1, 20_000).map(
        lambda n: (
            json.dumps({"query": "{ __typename }"})[:-1]
            + ', "variables": {"v": '
            + nested(n, "[", "]")
            + "}}"
        )
    ),
    st.integers(1, 5_000).map(lambda n: json.dumps({"query": nested(n, "{ areas ", " }", "{ id }")})),
    st.integers(1, 3_000).map(lambda n: json.dumps({"query": "{ " + "a: __typename " * n + "}"})),
)
CONTENT_TYPES = (
    st.sampled_from(
        [
            "application/json",
            "application/graphql",
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "application/json; charset=latin-1",
            "",
        ]
    )
    | SAFE_HEADER
)


# -- tests -------------------------------------------------------------------------------------------


@EXAMPLES
@given(body=operation())
def test_queries_built_from_the_schema(api, body: dict) -> None:  # type: ignore[no-untyped-def]
    _, recorder, client = api
    check(client.post("/graphql", json=body), recorder)


@EXAMPLES
@given(body=RAW_BODIES, content_type=CONTENT_TYPES)
def test_bodies_of_random_shape(api, body: str, content_type: str) -> None:  # type: ignore[no-untyped-def]
    _, recorder, client = api
    response = client.post(
        "/graphql", content=body.encode("utf-8", "surrogatepass"), headers={"content-type": content_type}
    )
    check(response, recorder)


@EXAMPLES
@given(
    host=st.sampled_from(["127.0.0.1", "localhost", ALLOWED_HOST, "evil.example", "[::1]", ""]) | SAFE_HEADER,
    origin=st.none() | st.sampled_from(["null", "http://127.0.0.1", "https://evil.example"]) | SAFE_HEADER,
    fetch_site=st.none() | st.sampled_from(["cross-site", "same-origin", "none"]),
    method=st.sampled_from(["GET", "POST"]),
    body=operation(),
)
def test_random_headers_and_methods(api, host, origin, fetch_site, method, body) -> None:  # type: ignore[no-untyped-def]
    _, recorder, client = api
    headers = {"host": host}
    if origin is not None:
        headers["origin"] = origin
    if fetch_site is not None:
        headers["sec-fetch-site"] = fetch_site
    if method == "GET":
        params = {k: v if isinstance(v, str) else json.dumps(v) for k, v in body.items()}
        response = client.get("/graphql", params=params, headers=headers)
    else:
        response = client.post("/graphql", json=body, headers=headers)
    check(response, recorder)
