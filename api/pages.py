"""Cursor pagination: every list has a bounded ``first``, an opaque ``after`` cursor and a ``totalCount``."""

from __future__ import annotations

import base64
import binascii
from typing import Generic, TypeVar

import strawberry
from govgraph.api.store import ApiError

DEFAULT_PAGE = 20
MAX_PAGE = 100
T = TypeVar("T")


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class Connection(Generic[T]):
    total_count: int
    nodes: list[T]
    page_info: PageInfo


def window(first: int, after: str | None) -> tuple[int, int]:
    """(offset, first) from the client's arguments, refusing pages larger than MAX_PAGE."""
    if not 1 <= first <= MAX_PAGE:
        raise ApiError(f"'first' must be between 1 and {MAX_PAGE}, not {first}.")
    return (0 if after is None else decode(after) + 1), first


# No list is this long; a larger offset (10^24, 2^62) is a forged cursor, and Neo4j's SKIP would refuse it
# with an internal error rather than the client's own mistake.
MAX_OFFSET = 10**9


def encode(offset: int) -> str:
    return base64.urlsafe_b64encode(f"offset:{offset}".encode()).decode()


def decode(cursor: str) -> int:
    try:
        kind, _, value = base64.urlsafe_b64decode(cursor.encode()).decode().partition(":")
        if kind == "offset" and value.isdigit() and int(value) <= MAX_OFFSET:
            return int(value)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    raise ApiError(f"'{cursor}' is not a cursor this API gave out.")


def connection(items: list[T], total: int, offset: int) -> Connection[T]:
    end = offset + len(items) - 1
    info = PageInfo(has_next_page=end + 1 < total, end_cursor=encode(end) if items else None)
    return Connection(total_count=total, nodes=items, page_info=info)
