"""Newline-delimited JSON: one event object per line, produced lazily for large exports."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from .common import jsonable

_encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=jsonable)


def ndjson_line(event: dict[str, Any]) -> str:
    """One event as a compact JSON object followed by ``\\n`` (newlines in strings are escaped)."""
    return _encoder.encode(event) + "\n"


def ndjson_lines(events: Iterable[dict[str, Any]]) -> Iterator[str]:
    """Yield one line per event as the events arrive; the input is never materialised.

    The objects have the API's event shape; dates are ``YYYY-MM-DD`` and datetimes are ISO 8601
    in UTC with a ``Z``. Serve as ``application/x-ndjson``.
    """
    for event in events:
        yield ndjson_line(event)
