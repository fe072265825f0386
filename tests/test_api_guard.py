"""What reaches GraphQL: only the configured host names, only safe origins, only well-formed requests.

A page on another site can reach a loopback API from the user's browser by rebinding its DNS name to
127.0.0.1; these tests send what such a page (or a clumsy client) would send, over real HTTP.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from govgraph.api.app import create_app
from govgraph.graph.connection import resolve_target
from govgraph.graph.settings import Settings

from tests.conftest import TESTSHIRE, Cli, HttpApp

QUERY = '{ body(id: "testshire/tsb") { name } }'


@pytest.fixture(scope="module")
def api(cli: Cli, server_home: Path) -> Iterator[HttpApp]:
    cli.wipe()
    assert cli("load", TESTSHIRE).exit_code == 0
    app = HttpApp(create_app(resolve_target(Settings(home=server_home)), hosts=("govgraph.internal",)))
    yield app
    app.stop()


def post(api: HttpApp, body: bytes | str, **headers: str) -> httpx.Response:
    content = body.encode() if isinstance(body, str) else body
    return httpx.post(
        f"{api.url}/graphql",
        content=content,
        headers={"content-type": "application/json", **headers},
        timeout=60,
    )


def refused(response: httpx.Response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["data"] is None and "Testshire" not in response.text
    assert body["errors"][0]["extensions"]["code"] == code
    return body["errors"][0]["message"]


def test_loopback_and_configured_hosts_are_served(api: HttpApp) -> None:
    payload = json.dumps({"query": QUERY})
    for host in (f"127.0.0.1:{api.port}", f"localhost:{api.port}", "govgraph.internal"):
        response = post(api, payload, host=host)
        assert response.status_code == 200, (host, response.text)
        assert response.json()["data"]["body"]["name"] == "Testshire Safeguarding Board"


def test_a_rebound_host_name_gets_no_data(api: HttpApp) -> None:
    message = refused(post(api, json.dumps({"query": QUERY}), host="evil.example"), 400, "BAD_HOST")
    assert "'evil.example'" in message
    page = httpx.get(f"{api.url}/readyz", headers={"host": "evil.example:8000"}, timeout=60)
    assert page.status_code == 400


def test_a_cross_site_origin_is_refused_and_our_own_is_not(api: HttpApp) -> None:
    payload = json.dumps({"query": QUERY})
    refused(post(api, payload, origin="http://evil.example"), 403, "FORBIDDEN_ORIGIN")
    assert post(api, payload, origin=f"http://127.0.0.1:{api.port}").status_code == 200
    get = httpx.get(
        f"{api.url}/graphql", params={"query": QUERY}, headers={"sec-fetch-site": "cross-site"}, timeout=60
    )
    refused(get, 403, "FORBIDDEN_ORIGIN")
    same = httpx.get(
        f"{api.url}/graphql",
        params={"query": QUERY},
        headers={"sec-fetch-site": "same-origin", "accept": "application/json"},
        timeout=60,
    )
    assert same.status_code == 200 and same.json()["data"]["body"]["name"]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ('"x"', "must be a JSON object"),
        ("[1, 2]", "must be a JSON object"),
        ("[" * 30_000, "nests deeper than"),
        (
            '{"query": "{ __typename }", "variables": {"a": ' + "[" * 20_000 + "]" * 20_000 + "}}",
            "nests deeper",
        ),
        ('{"query": 12}', "needs a 'query' string"),
        ('{"query": "{ __typename }", "variables": [1]}', "'variables' must be a JSON object"),
        ('{"query": "{ __typename }", "extensions": "explain"}', "'extensions' must be a JSON object"),
        ('{"query": "{ __typename }", "operationName": 5}', "'operationName' must be a string"),
        ("{not json", "not valid JSON"),
    ],
)
def test_malformed_bodies_are_the_clients_mistake(api: HttpApp, body: str, words: str) -> None:
    assert words in refused(post(api, body), 400, "BAD_REQUEST")


def test_several_operations_need_an_operation_name(api: HttpApp) -> None:
    document = f"query A {QUERY} query B {{ __typename }}"
    message = refused(post(api, json.dumps({"query": document})), 400, "BAD_REQUEST")
    assert "2 operations (A, B)" in message and "operationName" in message
    named = post(api, json.dumps({"query": document, "operationName": "B"}))
    assert named.status_code == 200 and named.json()["data"] == {"__typename": "Query"}
    wrong = post(api, json.dumps({"query": document, "operationName": "C"}))
    assert "no operation named 'C'" in refused(wrong, 400, "BAD_REQUEST")


@pytest.mark.parametrize("offset", [10**24, 2**62, 10**9 + 1])
def test_a_forged_cursor_is_the_clients_mistake(api: HttpApp, offset: int) -> None:
    import base64

    cursor = base64.urlsafe_b64encode(f"offset:{offset}".encode()).decode()
    body = post(api, json.dumps({"query": f'{{ areas(first: 5, after: "{cursor}") {{ totalCount }} }}'}))
    assert body.status_code in (200, 400), body.text
    error = body.json()["errors"][0]
    assert error["extensions"]["code"] == "BAD_REQUEST" and "not a cursor" in error["message"]


def test_a_variable_of_the_wrong_type_is_the_clients_mistake(api: HttpApp) -> None:
    query = "query ($n: Int!) { areas(first: $n) { totalCount } }"
    response = post(api, json.dumps({"query": query, "variables": {"n": "many"}}))
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "BAD_REQUEST", error
    assert "$n" in error["message"] and "internal" not in error["message"].lower()
