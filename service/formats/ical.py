"""iCalendar export (RFC 5545) of dated events, as all-day entries, via the icalendar library."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

import icalendar

from ..shapes import as_utc
from .common import bounds, describe_date, event_date

PRODID = "-//event-timeline//event-timeline service//EN"
UID_DOMAIN = "event-timeline"
ONE_DAY = dt.timedelta(days=1)


def event_uid(event_id: int) -> str:
    """The stable iCalendar UID of an event, so calendar apps update rather than duplicate."""
    return f"event-{event_id}@{UID_DOMAIN}"


def all_day_span(
    start: dt.date | None, end: dt.date | None
) -> tuple[dt.date, dt.date | None] | None:
    """``(DTSTART, DTEND)`` for inclusive bounds; DTEND is exclusive, hence one day after ``end``.

    An open side is unknown, not infinite: with only one bound the entry covers that day alone,
    and the description says the other side is open. None when both sides are unknown. DTEND is
    None only for a last day of ``date.max`` (RFC 5545 then reads the entry as that one day).
    """
    if start is None and end is None:
        return None
    first = start if start is not None else end
    last = end if end is not None else start
    return first, (last + ONE_DAY if last < dt.date.max else None)


def to_ical(events: Iterable[dict[str, Any]], calendar_name: str) -> bytes:
    """Build a VCALENDAR with one all-day VEVENT per event that has a known start or end.

    Undated events are skipped. A coarse or approximate date is kept honest: DESCRIPTION says
    its precision and EDTF, and ``X-EDTF`` carries the EDTF for programs that read it.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", calendar_name)  # RFC 7986
    calendar.add("x-wr-calname", calendar_name)  # what Apple and Google Calendar read
    for event in events:
        vevent = to_vevent(event)
        if vevent is not None:
            calendar.add_component(vevent)
    return calendar.to_ical()


def ical_lines(events: Iterable[dict[str, Any]], calendar_name: str) -> Iterator[bytes]:
    """The same calendar as :func:`to_ical`, produced one VEVENT at a time (flat memory)."""
    head = to_ical((), calendar_name)
    end = b"END:VCALENDAR\r\n"
    yield head[: -len(end)]
    for event in events:
        vevent = to_vevent(event)
        if vevent is not None:
            yield vevent.to_ical()
    yield end


def to_vevent(event: dict[str, Any]) -> icalendar.Event | None:
    """One event as a VEVENT, or None when the event has no known day."""
    span = all_day_span(*bounds(event))
    if span is None:
        return None
    date = event_date(event)
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event["id"]))
    vevent.add("dtstamp", _utc(event.get("updated_at") or event.get("created_at")))
    vevent.add("dtstart", span[0])
    if span[1] is not None:
        vevent.add("dtend", span[1])
    vevent.add("summary", event.get("title") or "")
    vevent.add("description", _description(event))
    if event.get("type"):
        vevent.add("categories", [event["type"]])
    if event.get("created_at"):
        vevent.add("created", _utc(event["created_at"]))
    if event.get("updated_at"):
        vevent.add("last-modified", _utc(event["updated_at"]))
    if date.get("edtf"):
        vevent.add("x-edtf", date["edtf"])
    vevent.add("transp", "TRANSPARENT")  # news, not the reader's busy time
    return vevent


def _description(event: dict[str, Any]) -> str:
    date = event_date(event)
    start, end = bounds(event)
    lines = [event.get("summary") or "", "", f"When: {describe_date(date)}"]
    if start is None:
        lines.append(f"Start unknown: no later than {end.isoformat()}.")
    elif end is None:
        lines.append(f"End unknown: no earlier than {start.isoformat()}.")
    actors = ", ".join(a["name"] for a in event.get("actors") or [])
    if actors:
        lines.append(f"Actors: {actors}")
    return "\n".join(lines)


def _utc(value: dt.datetime | str | None) -> dt.datetime:
    """DTSTAMP and friends must be UTC; an event without timestamps is stamped now."""
    return as_utc(value) or dt.datetime.now(dt.UTC).replace(microsecond=0)
