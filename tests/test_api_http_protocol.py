"""The served HTTP protocol sends each response's head with its first body part, in one write.

The cycle tests drive uvicorn's own request/response cycle (OneWriteCycle) with a transport that records
each write, and compare the bytes with what uvicorn's unmodified cycle writes for the same messages: the
same bytes, fewer writes. The served test runs the protocol in a real uvicorn over loopback: keep-alive,
HEAD, 100-continue and a streamed body still work as HTTP/1.1 says.
"""

from __future__ import annotations

import asyncio
import http.client
import logging
from typing import Any

from govgraph.api.http_protocol import HeldHead, OneWriteCycle
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, StreamingResponse
from starlette.routing import Route
from uvicorn.protocols.http.flow_control import FlowControl
from uvicorn.protocols.http.httptools_impl import RequestResponseCycle

from tests.conftest import PATIENCE, HttpApp

BODY = b'{"data":{"__typename":"Query"}}'
START = {
    "type": "http.response.start",
    "status": 200,
    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(BODY)).encode())],
}


class Recording:
    """A transport that keeps what is written to it, one entry per write."""

    def __init__(self) -> None:
        self.writes: list[bytes] = []
        self.closed = False

    def write(self, data: bytes) -> None:
        self.writes.append(bytes(data))

    def close(self) -> None:
        self.closed = True

    def is_closing(self) -> bool:
        return self.closed

    def pause_reading(self) -> None:
        pass

    def resume_reading(self) -> None:
        pass


def cycle(kind: type[RequestResponseCycle], transport: Any, method: str = "POST") -> RequestResponseCycle:
    scope = {"type": "http", "method": method, "path": "/graphql", "headers": []}
    return kind(
        scope=scope,  # type: ignore[arg-type]
        transport=transport,
        flow=FlowControl(transport),
        logger=logging.getLogger("test"),
        access_logger=logging.getLogger("test.access"),
        access_log=False,
        default_headers=[],
        message_event=asyncio.Event(),
        expect_100_continue=False,
        keep_alive=True,
        on_response=lambda: None,
    )


def sent(messages: list[dict[str, Any]], method: str = "POST") -> tuple[list[bytes], list[bytes]]:
    """The writes of uvicorn's own cycle and of ours for the same ASGI messages."""

    async def run(kind: type[RequestResponseCycle], transport: Any) -> None:
        one = cycle(kind, transport, method)
        for message in messages:
            await one.send(message)  # type: ignore[arg-type]

    plain, ours = Recording(), Recording()
    asyncio.run(run(RequestResponseCycle, plain))
    asyncio.run(run(OneWriteCycle, HeldHead(ours)))
    return plain.writes, ours.writes


def test_head_and_body_go_out_in_one_write_with_the_same_bytes() -> None:
    plain, ours = sent([START, {"type": "http.response.body", "body": BODY}])
    assert len(plain) == 2 and plain[0].startswith(b"HTTP/1.1 200 OK\r\n")
    assert ours == [b"".join(plain)]


def test_a_streamed_body_carries_the_head_in_its_first_part_only() -> None:
    start = {"type": "http.response.start", "status": 200, "headers": []}  # no length: chunked
    parts = [
        {"type": "http.response.body", "body": b"first", "more_body": True},
        {"type": "http.response.body", "body": b"second", "more_body": True},
        {"type": "http.response.body", "body": b""},
    ]
    plain, ours = sent([start, *parts])
    assert b"transfer-encoding: chunked" in plain[0]
    assert ours == [plain[0] + plain[1], *plain[2:]]


def test_a_head_request_still_gets_its_head() -> None:
    plain, ours = sent([START, {"type": "http.response.body", "body": b""}], method="HEAD")
    assert len(plain) == 1 and plain[0].startswith(b"HTTP/1.1 200 OK\r\n")
    assert ours == plain


def test_a_held_head_is_sent_before_the_connection_closes() -> None:
    transport = Recording()
    held = HeldHead(transport)
    held.holding = True
    held.write(b"HTTP/1.1 200 OK\r\n\r\n")
    held.holding = False
    assert transport.writes == []
    held.close()
    assert transport.writes == [b"HTTP/1.1 200 OK\r\n\r\n"] and transport.closed


async def answer(request: Request) -> JSONResponse:
    return JSONResponse({"method": request.method, "body": (await request.body()).decode()})


async def stream(request: Request) -> StreamingResponse:
    async def parts() -> Any:
        for part in (b"one,", b"two,", b"three"):
            yield part

    return StreamingResponse(parts(), media_type="text/plain")


def test_served_keep_alive_head_continue_and_streaming() -> None:
    app = HttpApp(
        Starlette(routes=[Route("/echo", answer, methods=["GET", "POST"]), Route("/stream", stream)])
    )
    try:
        connection = http.client.HTTPConnection("127.0.0.1", app.port, timeout=PATIENCE)
        for body in ("first", "second"):  # one connection, kept alive
            connection.request("POST", "/echo", body=body, headers={"content-type": "text/plain"})
            response = connection.getresponse()
            assert response.status == 200
            assert response.read() == b'{"method":"POST","body":"%s"}' % body.encode()
        connection.request("HEAD", "/echo")
        response = connection.getresponse()
        assert response.status == 200 and response.read() == b""
        assert int(response.getheader("content-length") or 0) > 0
        connection.request("POST", "/echo", body="waited", headers={"expect": "100-continue"})
        response = connection.getresponse()
        assert response.status == 200 and b'"body":"waited"' in response.read()
        connection.request("GET", "/stream")
        response = connection.getresponse()
        assert response.getheader("transfer-encoding") == "chunked"
        assert response.read() == b"one,two,three"
        connection.close()
    finally:
        app.stop()
