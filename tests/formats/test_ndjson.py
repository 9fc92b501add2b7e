"""NDJSON export: one parseable object per line, the API's shape, produced lazily."""

from __future__ import annotations

import datetime as dt
import itertools
import json

import pytest

from service.formats.csv import csv_lines
from service.formats.ical import to_ical
from service.formats.ndjson import ndjson_lines
from service.formats.timelinejs import to_timelinejs

from . import make_event, synthetic_events


def test_each_line_is_one_event_object():
    events = [make_event(1), make_event(2, summary="line one\nline two \u2028 «quoted»")]
    lines = list(ndjson_lines(events))
    assert len(lines) == 2
    assert all(line.endswith("\n") and line.count("\n") == 1 for line in lines)
    parsed = [json.loads(line) for line in lines]
    assert [p["id"] for p in parsed] == [1, 2]
    assert parsed[1]["summary"] == "line one\nline two \u2028 «quoted»"


def test_same_shape_as_the_api_event_with_iso_dates_and_utc_datetimes():
    parsed = json.loads(next(ndjson_lines([make_event(5, end=None)])))
    assert set(parsed) == set(make_event())
    assert parsed["date"]["start"] == "2023-12-20"
    assert parsed["date"]["end"] is None
    assert parsed["created_at"] == "2023-12-21T08:30:00Z"
    assert parsed["updated_at"] == "2023-12-22T09:45:10Z"
    assert parsed["actors"][0] == {"id": "country:CHN", "name": "China", "kind": "country"}


def test_aware_datetimes_are_converted_to_utc():
    moscow = dt.timezone(dt.timedelta(hours=3))
    event = make_event(updated_at=dt.datetime(2023, 12, 22, 12, 0, tzinfo=moscow))
    assert json.loads(next(ndjson_lines([event])))["updated_at"] == "2023-12-22T09:00:00Z"


def test_unknown_types_are_an_error_not_a_silent_str():
    with pytest.raises(TypeError):
        next(ndjson_lines([make_event(extra=object())]))


def test_streams_without_materialising_the_input():
    consumed = [0]
    lines = ndjson_lines(synthetic_events(100_000, consumed))
    assert consumed == [0]  # a generator: nothing is read before the first line is asked for
    first = list(itertools.islice(lines, 3))
    assert [json.loads(line)["id"] for line in first] == [1, 2, 3]
    assert consumed == [3]


def test_dumped_events_feed_the_other_formats_alike():
    """A client (or a cache) holding the JSON shape gets the same exports as from the database."""
    events = [make_event(1), make_event(2, None, dt.date(2023, 12, 18)), make_event(3, None, None)]
    dumped = [json.loads(line) for line in ndjson_lines(events)]
    assert list(csv_lines(dumped)) == list(csv_lines(events))
    assert to_timelinejs(dumped, "T") == to_timelinejs(events, "T")
    assert to_ical(dumped, "T") == to_ical(events, "T")


def test_reads_one_event_per_line_written():
    """Lock-step: the writer never reads ahead, so memory cannot grow with the export."""
    consumed = [0]
    for number, _ in enumerate(ndjson_lines(synthetic_events(20_000, consumed)), start=1):
        assert consumed[0] == number
    assert consumed == [20_000]
