"""Keyset paging, written once: opaque cursors and "the rows after this key".

A cursor is the last row's sort key, JSON in URL-safe base64; a page is ``limit`` rows after it
in the key's order, and a next cursor only when more rows follow. The events' lists page on
their timeline keys through :func:`service.read.queries.page_events`, which uses the same
cursors; every other list pages on one unique column through :func:`after`.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from typing import Any

import peewee as pw

from ..exceptions import Invalid


def encode_cursor(key: Sequence[Any]) -> str:
    raw = json.dumps(list(key), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def invalid_cursor(
    field: str = "cursor",
    reason: str = "Not a cursor returned by this API.",
    detail: str = "The cursor is not valid; start again without it.",
) -> Invalid:
    """A cursor this API did not issue (every list endpoint refuses it the same way)."""
    return Invalid(detail, {field: [reason]})


def decode_cursor(cursor: str, types: tuple[type, ...], field: str = "cursor") -> list[Any]:
    """Decode an opaque cursor whose values have ``types``; anything else is a 422."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        key = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, UnicodeError, binascii.Error):
        raise invalid_cursor(field) from None
    if not (
        isinstance(key, list)
        and len(key) == len(types)
        and all(
            isinstance(v, t) and not isinstance(v, bool) for v, t in zip(key, types, strict=True)
        )
        # no id or rank of ours is out of the databases' integer range
        and not any(isinstance(v, int) and not 0 <= v < 2**63 for v in key)
    ):
        raise invalid_cursor(field)
    return key


def after(
    query: pw.Select,
    column: pw.Field,
    cursor: str | None,
    limit: int,
    key: Callable[[Any], Any],
    kind: type = int,
) -> tuple[list, str | None]:
    """The first ``limit`` rows of ``query`` whose ``column`` is past the cursor's key, in that
    column's order, and the cursor of the next page (None on the last). ``key`` reads a row's
    value of ``column``; ``kind`` is that value's type (a cursor of another type is refused)."""
    if cursor:
        (last,) = decode_cursor(cursor, (kind,))
        query = query.where(column > last)
    rows = list(query.order_by(column).limit(limit + 1))
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, encode_cursor([key(rows[-1])]) if more else None
