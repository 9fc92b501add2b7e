"""TimelineJS3 shape: date parts never finer than the source, intervals, open sides, undated."""

from __future__ import annotations

import datetime as dt

import pytest

from service.formats.timelinejs import to_timelinejs

from . import make_event

D = dt.date


def slide(**changes):
    (only,) = to_timelinejs([make_event(9, **changes)], "T")["events"]
    return only


@pytest.mark.parametrize(
    ("start", "end", "precision", "extra", "start_date", "end_date", "display"),
    [
        (D(2023, 12, 20), D(2023, 12, 20), "day", {},
         {"year": "2023", "month": "12", "day": "20"}, None, None),
        (D(2023, 12, 1), D(2023, 12, 31), "month", {},
         {"year": "2023", "month": "12"}, None, None),
        (D(2023, 1, 1), D(2023, 12, 31), "year", {},
         {"year": "2023"}, None, None),
        (D(2022, 1, 1), D(2022, 12, 31), "year", {"date_approximate": True},
         {"year": "2022", "display_date": "about 2022"}, None, "about 2022"),
        (D(2023, 12, 19), D(2023, 12, 20), "day", {},
         {"year": "2023", "month": "12", "day": "19"},
         {"year": "2023", "month": "12", "day": "20"}, None),
        (D(2023, 12, 18), D(2023, 12, 24), "week", {},
         {"year": "2023", "month": "12", "day": "18"},
         {"year": "2023", "month": "12", "day": "24"}, None),
        (D(2023, 7, 1), D(2023, 9, 30), "quarter", {},
         {"year": "2023", "month": "7"}, {"year": "2023", "month": "9"}, None),
        (D(1990, 1, 1), D(1999, 12, 31), "decade", {},
         {"year": "1990"}, {"year": "1999"}, None),
        (None, D(2023, 12, 18), "day", {},
         {"year": "2023", "month": "12", "day": "18",
          "display_date": "no later than 18 December 2023"},
         None, "no later than 18 December 2023"),
        (None, D(2023, 12, 31), "month", {},
         {"year": "2023", "month": "12", "display_date": "no later than December 2023"},
         None, "no later than December 2023"),
        (D(2023, 12, 19), None, "day", {},
         {"year": "2023", "month": "12", "day": "19",
          "display_date": "no earlier than 19 December 2023"},
         None, "no earlier than 19 December 2023"),
    ],
    ids=[
        "day", "month", "year-only", "approximate-year", "interval", "week", "quarter",
        "decade", "open-start", "open-start-month", "open-end",
    ],
)  # fmt: skip
def test_date_parts_follow_precision(start, end, precision, extra, start_date, end_date, display):
    got = slide(start=start, end=end, precision=precision, **extra)
    assert got["start_date"] == start_date
    assert got.get("end_date") == end_date
    assert got.get("display_date") == display
    assert all(isinstance(v, str) for v in got["start_date"].values())


def test_undated_events_are_omitted():
    events = [make_event(1), make_event(2, None, None, "unknown"), make_event(3)]
    doc = to_timelinejs(events, "T")
    assert [s["unique_id"] for s in doc["events"]] == ["event-1", "event-3"]


def test_document_shape_group_text_and_ids():
    doc = to_timelinejs([make_event(5, title="Xi & Putin <meet>", type="visit")], "China & Russia")
    assert doc["title"] == {
        "text": {"headline": "China &amp; Russia", "text": ""},
        "unique_id": "timeline-title",
    }
    (only,) = doc["events"]
    assert only["group"] == "visit"
    assert only["unique_id"] == "event-5"
    assert only["text"]["headline"] == "Xi &amp; Putin &lt;meet&gt;"
    assert "<p>China and Russia met in Beijing.</p>" in only["text"]["text"]
    assert "day precision" in only["text"]["text"]


def test_unique_ids_are_unique_and_do_not_start_with_a_digit():
    doc = to_timelinejs((make_event(i, title="Event 1") for i in range(1, 50)), "Event 1")
    ids = [s["unique_id"] for s in doc["events"]] + [doc["title"]["unique_id"]]
    assert len(set(ids)) == len(ids)
    assert not any(i[0].isdigit() for i in ids)
