"""iCalendar export, parsed back with icalendar: all-day dates, exclusive DTEND, UIDs, honesty."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from service.formats.ical import all_day_span, to_ical

from . import UPDATED, make_event

D = dt.date


def parse(events, name="Timeline") -> tuple[icalendar.Calendar, list[icalendar.Event]]:
    calendar = icalendar.Calendar.from_ical(to_ical(events, name))
    return calendar, list(calendar.walk("VEVENT"))


@pytest.mark.parametrize(
    ("start", "end", "precision", "dtstart", "dtend"),
    [
        (D(2023, 12, 20), D(2023, 12, 20), "day", D(2023, 12, 20), D(2023, 12, 21)),
        (D(2023, 12, 19), D(2023, 12, 20), "day", D(2023, 12, 19), D(2023, 12, 21)),
        (D(2023, 12, 1), D(2023, 12, 31), "month", D(2023, 12, 1), D(2024, 1, 1)),
        (D(2023, 1, 1), D(2023, 12, 31), "year", D(2023, 1, 1), D(2024, 1, 1)),
        (None, D(2023, 12, 18), "day", D(2023, 12, 18), D(2023, 12, 19)),
        (D(2023, 12, 19), None, "day", D(2023, 12, 19), D(2023, 12, 20)),
    ],
    ids=["day", "interval", "month", "year", "open-start", "open-end"],
)
def test_all_day_dates_with_exclusive_dtend(start, end, precision, dtstart, dtend):
    _, (vevent,) = parse([make_event(4, start, end, precision)])
    assert vevent.decoded("dtstart") == dtstart
    assert vevent.decoded("dtend") == dtend
    assert type(vevent.decoded("dtstart")) is dt.date  # DATE, not DATE-TIME
    assert "VALUE=DATE" in vevent.to_ical().decode().split("DTSTART")[1].split(":")[0]


def test_uid_summary_categories_and_dtstamp():
    calendar, (vevent,) = parse([make_event(42, title="Xi meets Putin; talks, trade")])
    assert str(vevent["uid"]) == "event-42@event-timeline"
    assert str(vevent["summary"]) == "Xi meets Putin; talks, trade"
    assert [str(c) for c in vevent["categories"].cats] == ["meeting"]
    assert vevent.decoded("dtstamp") == UPDATED.replace(tzinfo=dt.UTC)
    assert str(calendar["x-wr-calname"]) == "Timeline"
    assert str(calendar["version"]) == "2.0"


def test_undated_events_are_skipped():
    events = [make_event(1), make_event(2, None, None, "unknown"), make_event(3)]
    _, vevents = parse(events)
    assert [str(v["uid"]) for v in vevents] == ["event-1@event-timeline", "event-3@event-timeline"]


def test_an_empty_calendar_is_still_valid():
    calendar, vevents = parse([], "Nothing")
    assert vevents == []
    assert str(calendar["prodid"]).startswith("-//event-timeline")


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (dict(precision="year", date_edtf="2022~", date_approximate=True), "EDTF 2022~"),
        (dict(precision="month", date_edtf="2023-12"), "month precision"),
        (dict(start=None, date_edtf="../2023-12-20"), "no later than 2023-12-20"),
        (dict(end=None, date_edtf="2023-12-20/.."), "no earlier than 2023-12-20"),
    ],
    ids=["approximate-year", "month", "open-start", "open-end"],
)
def test_coarse_or_open_dates_say_so(changes, expected):
    _, (vevent,) = parse([make_event(7, **changes)])
    description = str(vevent["description"])
    assert description.startswith("China and Russia met in Beijing.")
    assert expected in description
    assert str(vevent["x-edtf"]) == changes["date_edtf"]
    if changes.get("date_approximate"):
        assert "approximate" in description


def test_text_is_escaped_and_survives():
    summary = "Line one\nLine two; with, commas \\ and ümlauts " + "x" * 200
    _, (vevent,) = parse([make_event(summary=summary)])
    assert str(vevent["description"]).startswith(summary)


def test_the_last_day_of_the_calendar_has_no_dtend():
    assert all_day_span(None, dt.date.max) == (dt.date.max, None)
    assert all_day_span(None, None) is None
