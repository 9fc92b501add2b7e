"""Small value helpers shared by the export formats."""

from __future__ import annotations

import datetime as dt
from typing import Any


def as_date(value: dt.date | str | None) -> dt.date | None:
    """A ``date`` from a date or an ISO string (an already-dumped event), None unchanged."""
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value


def as_utc(value: dt.datetime | str | None) -> dt.datetime | None:
    """An aware UTC datetime; naive values and strings without an offset are UTC already."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def iso_date(value: dt.date | str | None) -> str | None:
    """``YYYY-MM-DD`` or None."""
    day = as_date(value)
    return day.isoformat() if day is not None else None


def iso_utc(value: dt.datetime | str | None) -> str | None:
    """ISO 8601 in UTC with ``+00:00``, as the JSON API writes every timestamp (one format
    everywhere): naive datetimes are taken as UTC, aware ones converted to it."""
    if isinstance(value, dt.datetime):  # the usual two, spelled the same way sooner
        if value.tzinfo is None:
            return value.isoformat() + "+00:00"
        if value.tzinfo is dt.UTC:
            return value.isoformat()
    moment = as_utc(value)
    if moment is None:
        return None
    return moment.isoformat()


def jsonable(value: Any) -> Any:
    """``json.dumps`` default: datetimes in UTC with ``+00:00``, dates as ``YYYY-MM-DD``."""
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
    return as_date(date.get("start")), as_date(date.get("end"))


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
