"""uvicorn's httptools protocol, each response's head and first body part sent in one write.

uvicorn writes the status line and headers as soon as the app sends ``http.response.start``, then the body
on ``http.response.body``: two system calls and two TCP segments for every answer. On this project's
2-core VM a write to a loopback socket costs more than any Python of the request (py-spy of
``bench.api_floor``, areas(first: 100): the two response writes 16% of the app's CPU, as much as the write
of the statement to Neo4j), because each can wake the client, and the client reads the head, sleeps and
is woken again for the body. Here the head is held back until the first body part (or until the cycle
ends without one) and both go out in one ``transport.write``; nothing else changes: same bytes, same
order, same keep-alive, pipelining, 100-continue and error handling (uvicorn's own code runs them).

Serve with ``uvicorn.run(app, http=OneWriteProtocol)`` (``govgraph serve``, the benchmarks and the tests do).
"""

from __future__ import annotations

from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol, RequestResponseCycle


class HeldHead:
    """The connection's transport for one response: while ``holding``, writes are kept (the head);
    the next write carries them in front of its own data. Everything else is the real transport's."""

    def __init__(self, transport: Any) -> None:
        self.transport = transport
        self.held = b""
        self.holding = False

    def write(self, data: bytes) -> None:
        if self.holding:
            self.held += data
            return
        if self.held:
            data, self.held = self.held + data, b""
        self.transport.write(data)

    def flush(self) -> None:
        """Send a head still held (a HEAD request's answer has no body part to carry it)."""
        if self.held:
            self.transport.write(self.held)
            self.held = b""

    def close(self) -> None:
        self.flush()
        self.transport.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.transport, name)


class OneWriteCycle(RequestResponseCycle):
    """uvicorn's request/response cycle, writing through a ``HeldHead``."""

    transport: Any

    async def send(self, message: Any) -> None:
        head = self.transport
        if message["type"] == "http.response.start" and not self.response_started:
            head.holding = True
            try:
                await super().send(message)
            finally:
                head.holding = False
            return
        try:
            await super().send(message)
        finally:
            head.flush()


class OneWriteProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol whose request cycles are ``OneWriteCycle``s."""

    def _start_asgi_task(self, cycle: RequestResponseCycle, app: Any) -> None:
        # The cycle was built by uvicorn's own on_headers_complete; its task has not started yet, so the
        # send it will call is ours from the first message on.
        cycle.__class__ = OneWriteCycle
        cycle.transport = HeldHead(cycle.transport)
        super()._start_asgi_task(cycle, app)
