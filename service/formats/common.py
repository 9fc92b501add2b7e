"""Small value helpers shared by the export formats."""

from __future__ import annotations

import datetime as dt
from typing import Any


def iso_utc(value: dt.datetime | None) -> str | None:
    """ISO 8601 with a ``Z``: naive datetimes are taken as UTC, aware ones converted to it."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value.isoformat() + "Z"


def jsonable(value: Any) -> Any:
    """``json.dumps`` default: datetimes as UTC with ``Z``, dates as ``YYYY-MM-DD``."""
    if isinstance(value, dt.datetime):
        return iso_utc(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def event_date(event: dict[str, Any]) -> dict[str, Any]:
    """The event's date block, empty when the event has none."""
    return event.get("date") or {}


def bounds(event: dict[str, Any]) -> tuple[dt.date | None, dt.date | None]:
    """The event's inclusive ``(start, end)``; either side may be None (unknown)."""
    date = event_date(event)
    return date.get("start"), date.get("end")


def describe_date(date: dict[str, Any]) -> str:
    """One honest line about a date: the text, its precision, its EDTF and whether approximate.

    >>> describe_date({"text": "last month", "edtf": "2023-11", "precision": "month"})
    'last month (month precision; EDTF 2023-11)'
    """
    notes = [f"{date.get('precision') or 'unknown'} precision"]
    if date.get("edtf"):
        notes.append(f"EDTF {date['edtf']}")
    if date.get("approximate"):
        notes.append("approximate")
    text = "; ".join(notes)
    return f"{date['text']} ({text})" if date.get("text") else text
