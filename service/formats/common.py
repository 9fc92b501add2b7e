"""Small value helpers shared by the export formats."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..shapes import as_date


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
