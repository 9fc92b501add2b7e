"""The TimelineJS3 JSON shape (https://timeline.knightlab.com/docs/json-format.html).

Dates are never made more precise than the sources: a year-precision event has only a year,
a month- or quarter-precision event a year and a month, and TimelineJS formats each at that
grain. Date parts are strings of digits, which TimelineJS parses with ``parseInt``. Headline
and text are HTML in TimelineJS, so plain text is escaped. ``unique_id`` is ``event-<id>``:
TimelineJS slugifies ids and prefixes one that starts with a digit, so ids must not start
with one; the title slide gets its own id so a headline such as "Event 1" cannot take
``event-1``.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Iterable, Iterator
from typing import Any

from .common import bounds, describe_date, event_date

TITLE_ID = "timeline-title"
# The grain each precision is drawn at: the finest date parts it honestly has.
GRAIN = {
    "time": "day",
    "day": "day",
    "week": "day",
    "unknown": "day",
    "month": "month",
    "season": "month",
    "quarter": "month",
    "half": "month",
    "year": "year",
    "decade": "year",
    "century": "year",
}
OPEN_START = "no later than"  # EDTF ../D: the event happened on or before D
OPEN_END = "no earlier than"  # EDTF D/..
APPROXIMATE = "about"
MONTHS = (
    "January February March April May June July August September October November December"
).split()


def slide_id(event_id: int) -> str:
    return f"event-{event_id}"


def date_parts(day: dt.date, grain: str) -> dict[str, str]:
    """``{"year", "month", "day"}`` down to ``grain`` (day, month or year), as strings."""
    parts = {"year": str(day.year)}
    if grain in ("month", "day"):
        parts["month"] = str(day.month)
    if grain == "day":
        parts["day"] = str(day.day)
    return parts


def display(day: dt.date, grain: str) -> str:
    """English text for a day at a grain: ``20 December 2023``, ``December 2023``, ``2023``."""
    if grain == "day":
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    if grain == "month":
        return f"{MONTHS[day.month - 1]} {day.year}"
    return str(day.year)


def to_slide(event: dict[str, Any]) -> dict[str, Any] | None:
    """One event as a TimelineJS slide, or None when it has no known day."""
    start, end = bounds(event)
    if start is None and end is None:
        return None
    date = event_date(event)
    grain = GRAIN.get(date.get("precision") or "unknown", "day")
    slide: dict[str, Any] = {
        "start_date": date_parts(start if start is not None else end, grain),
        "text": {"headline": html.escape(event.get("title") or ""), "text": _text(event)},
        "unique_id": slide_id(event["id"]),
    }
    if start is not None and end is not None:
        end_parts = date_parts(end, grain)
        if end_parts != slide["start_date"]:
            slide["end_date"] = end_parts
    label = _label(start, end, grain, bool(date.get("approximate")))
    if label is not None:
        slide["start_date"]["display_date"] = label
        slide["display_date"] = label
    if event.get("type"):
        slide["group"] = event["type"]
    return slide


def to_timelinejs(events: Iterable[dict[str, Any]], title: str) -> dict[str, Any]:
    """The whole TimelineJS3 document: a title slide and one slide per dated event.

    Undated events are left out (TimelineJS requires a ``start_date``); TimelineJS sorts the
    slides itself, so the input order does not matter.
    """
    slides = [slide for slide in map(to_slide, events) if slide is not None]
    return {
        "title": {"text": {"headline": html.escape(title), "text": ""}, "unique_id": TITLE_ID},
        "events": slides,
    }


def timelinejs_chunks(events: Iterable[dict[str, Any]], title: str) -> Iterator[str]:
    """The JSON text of :func:`to_timelinejs`, produced one slide at a time (flat memory)."""
    head = json.dumps(to_timelinejs((), title))
    yield head[: -len("]}")]
    first = True
    for slide in map(to_slide, events):
        if slide is not None:
            yield ("" if first else ", ") + json.dumps(slide)
            first = False
    yield "]}"


def _label(start: dt.date | None, end: dt.date | None, grain: str, approximate: bool) -> str | None:
    """The display date when TimelineJS's own would say too much: open sides, approximations."""
    if start is None:
        return f"{OPEN_START} {display(end, grain)}"
    if end is None:
        return f"{OPEN_END} {display(start, grain)}"
    if not approximate:
        return None
    first, last = display(start, grain), display(end, grain)
    return f"{APPROXIMATE} {first}" if first == last else f"{APPROXIMATE} {first} – {last}"


def _text(event: dict[str, Any]) -> str:
    paragraphs = [event.get("summary") or "", f"When: {describe_date(event_date(event))}"]
    actors = ", ".join(a["name"] for a in event.get("actors") or [])
    if actors:
        paragraphs.append(f"Actors: {actors}")
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p)
