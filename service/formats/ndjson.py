"""Newline-delimited JSON: one event object per line, produced lazily for large exports.

Lines are encoded by orjson (the same objects, keys in the same order, text as UTF-8 as
``json.dumps(..., ensure_ascii=False)`` writes it). Dates and datetimes are handed to
:func:`~service.shapes.export_value`, so they are spelled as the JSON API spells them
(``YYYY-MM-DD``; UTC with ``+00:00``). Floats are the same numbers; orjson spells very small
or large ones without an exponent's leading zero or at all (``1e-5`` or ``0.00001`` for
``1e-05``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import orjson

from ..shapes import export_value

_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_APPEND_NEWLINE


def ndjson_bytes(event: dict[str, Any]) -> bytes:
    """One event as a compact JSON object followed by ``\\n``, UTF-8 encoded."""
    return orjson.dumps(event, default=export_value, option=_OPTIONS)


def ndjson_line(event: dict[str, Any]) -> str:
    """One event as a compact JSON object followed by ``\\n`` (newlines in strings are escaped)."""
    return ndjson_bytes(event).decode()


def ndjson_lines(events: Iterable[dict[str, Any]]) -> Iterator[str]:
    """Yield one line per event as the events arrive; the input is never materialised.

    The objects have the API's event shape; dates are ``YYYY-MM-DD`` and datetimes are ISO 8601
    in UTC with ``+00:00``. Serve as ``application/x-ndjson``.
    """
    for event in events:
        yield ndjson_line(event)


def ndjson_chunks(batches: Iterable[Iterable[dict[str, Any]]]) -> Iterator[bytes]:
    """The lines of :func:`ndjson_lines`, one UTF-8 chunk per batch of events: a streamed
    answer then costs one pass through the server per batch, not one per event, and memory
    stays that of one batch."""
    for batch in batches:
        yield b"".join(map(ndjson_bytes, batch))
