"""What a request must look like before GraphQL sees it: the right Host, a safe Origin, a sane body.

The API listens on loopback, but a page on another site can still reach it from a user's browser: by
rebinding its own DNS name to 127.0.0.1 (the request then carries ``Host: evil.example``) or by sending a
cross-site request. So only the configured host names are served, and a cross-site Origin is refused.
A malformed body (a JSON string, brackets nested 30,000 deep) or a document with several operations and
no ``operationName`` is the client's mistake: it gets a BAD_REQUEST, never a 500 or a guess at which
operation was meant.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import parse_qs, urlsplit

from graphql import GraphQLError, OperationDefinitionNode, parse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

PAYLOAD = "govgraph.payload"  # the scope key of a POST body the guard has parsed and checked
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
MAX_JSON_DEPTH = 64
MAX_TOKENS = 4000


class RequestGuard:
    """An ASGI middleware in front of the whole app; GraphQL requests also get their body checked."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str] = (), graphql_path: str = "/graphql") -> None:
        self.app = app
        self.hosts = LOOPBACK | {host.lower().strip("[]") for host in hosts if host}
        self.graphql_path = graphql_path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {key.decode("latin-1"): value.decode("latin-1") for key, value in scope["headers"]}
        refusal = self._refuse_origin(headers)
        if refusal:
            await _reply(send, *refusal)
            return
        if scope["path"].rstrip("/") != self.graphql_path:
            await self.app(scope, receive, send)
            return
        if scope["method"] == "GET":
            problem = _query_problem(parse_qs(scope.get("query_string", b"").decode("latin-1")))
            if problem:
                await _reply(send, 400, problem, "BAD_REQUEST")
                return
            await self.app(scope, receive, send)
            return
        body, more = await _read_body(receive)
        problem, payload = _body_problem(body) if not more else (None, None)
        if problem:
            await _reply(send, 400, problem, "BAD_REQUEST")
            return
        if payload is not None:
            scope[PAYLOAD] = payload  # checked here, so the endpoint need not parse the body again
        await self.app(scope, _replay(body, more, receive), send)

    def _refuse_origin(self, headers: dict[str, str]) -> tuple[int, str, str] | None:
        host = _hostname(headers.get("host", ""))
        if host not in self.hosts:
            return (
                400,
                f"Host '{host}' is not served here; allowed: {', '.join(sorted(self.hosts))}.",
                "BAD_HOST",
            )
        origin = headers.get("origin")
        if origin and origin != "null" and _hostname(urlsplit(origin).netloc) not in self.hosts:
            return 403, f"Requests from the page at {origin} are not allowed.", "FORBIDDEN_ORIGIN"
        if headers.get("sec-fetch-site") == "cross-site":
            return 403, "Cross-site requests are not allowed.", "FORBIDDEN_ORIGIN"
        return None


def _hostname(netloc: str) -> str:
    """The host part of a Host header or an origin's netloc, without port or IPv6 brackets."""
    netloc = netloc.strip().lower()
    if netloc.startswith("["):
        return netloc[1:].split("]", 1)[0]
    return netloc.rsplit(":", 1)[0] if netloc.count(":") == 1 else netloc


async def _read_body(receive: Receive) -> tuple[bytes, list[Message]]:
    """The whole body (the body-size limit sits in front of this middleware), and any other messages."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"".join(chunks), [message]
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            return b"".join(chunks), []


def _replay(body: bytes, more: list[Message], receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return more.pop(0) if more else await receive()

    return replay


def _body_problem(body: bytes) -> tuple[str | None, dict | None]:
    """Every POST body is read as JSON whatever its Content-Type says (the fuzzer sent 9,000 nested
    brackets with none, and the unchecked parse recursed into an HTTP 500), so every body is checked.

    Returns the problem, or the parsed payload the endpoint then uses as it is."""
    if _json_depth(body) > MAX_JSON_DEPTH:
        return f"The request body nests deeper than {MAX_JSON_DEPTH} levels.", None
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return "The request body is not valid JSON.", None
    if not isinstance(payload, dict):
        return "The request body must be a JSON object with a 'query' (and optional 'variables').", None
    problem = _payload_problem(payload)
    return problem, None if problem else payload


def _query_problem(params: dict[str, list[str]]) -> str | None:
    payload: dict[str, object] = {key: values[0] for key, values in params.items() if values}
    if "variables" in payload:
        raw = str(payload["variables"])
        if _json_depth(raw.encode()) > MAX_JSON_DEPTH:
            return f"The variables nest deeper than {MAX_JSON_DEPTH} levels."
        try:
            payload["variables"] = json.loads(raw)
        except ValueError:
            return "The variables are not valid JSON."
    return _payload_problem(payload) if "query" in payload else None


def _payload_problem(payload: dict[str, object]) -> str | None:
    query, name = payload.get("query"), payload.get("operationName")
    variables = payload.get("variables")
    if not isinstance(query, str):
        return "The request needs a 'query' string."
    if name is not None and not isinstance(name, str):
        return "'operationName' must be a string."
    if variables is not None and not isinstance(variables, dict):
        return "'variables' must be a JSON object."
    if payload.get("extensions") is not None and not isinstance(payload["extensions"], dict):
        return "'extensions' must be a JSON object."
    operations = _operations(query)
    if operations is None:
        return None  # a syntax error: GraphQL's own message says where
    if name is None and len(operations) > 1:
        names = ", ".join(n or "(anonymous)" for n in operations)
        return (
            f"The document has {len(operations)} operations ({names}); say which to run with 'operationName'."
        )
    if name is not None and name not in operations:
        return f"The document has no operation named '{name}'."
    return None


@lru_cache(maxsize=512)
def _operations(query: str) -> tuple[str | None, ...] | None:
    """The document's operation names (cached: the same questions come again and again)."""
    try:
        document = parse(query, no_location=True, max_tokens=MAX_TOKENS)
    except GraphQLError:
        return None
    return tuple(
        d.name.value if d.name else None
        for d in document.definitions
        if isinstance(d, OperationDefinitionNode)
    )


def _json_depth(body: bytes) -> int:
    """How deep the brackets of a JSON text nest, in one linear pass that skips strings.

    Python's json module recurses per level, so a 30,000-deep array would end in a RecursionError (an
    HTTP 500) before any limit could be applied to the parsed value.
    """
    if body.count(b"[") + body.count(b"{") <= MAX_JSON_DEPTH:
        return 0  # cannot nest deeper than the limit: skip the byte-by-byte pass (the common case)
    depth = deepest = 0
    in_string = escaped = False
    for byte in body:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest


async def _reply(send: Send, status: int, message: str, code: str) -> None:
    body = json.dumps({"data": None, "errors": [{"message": message, "extensions": {"code": code}}]}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
