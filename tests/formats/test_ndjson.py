"""NDJSON export: one parseable object per line, the API's shape, produced lazily."""

from __future__ import annotations

import datetime as dt
import itertools
import json

import pytest

from service.formats.csv import csv_lines
from service.formats.ical import to_ical
from service.formats.ndjson import ndjson_chunks, ndjson_line, ndjson_lines
from service.formats.timelinejs import to_timelinejs
from service.shapes import export_value as jsonable

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
    assert parsed["created_at"] == "2023-12-21T08:30:00+00:00"
    assert parsed["updated_at"] == "2023-12-22T09:45:10+00:00"
    assert parsed["actors"][0] == {"id": "country:CHN", "name": "China", "kind": "country"}


def test_aware_datetimes_are_converted_to_utc():
    moscow = dt.timezone(dt.timedelta(hours=3))
    event = make_event(updated_at=dt.datetime(2023, 12, 22, 12, 0, tzinfo=moscow))
    assert json.loads(next(ndjson_lines([event])))["updated_at"] == "2023-12-22T09:00:00+00:00"


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


# The encoder the NDJSON export used before orjson: the reference its lines must match.
_JSON_MODULE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=jsonable)


def _old_line(event) -> str:
    return _JSON_MODULE.encode(event) + "\n"


_MOSCOW = dt.timezone(dt.timedelta(hours=3))
_AWKWARD = [
    make_event(1),
    make_event(
        2,
        None,
        None,
        title='Ünïcode — «quotes» "double" \\ back\\slash 😀 中文',
        summary="line\nbreak\r\ttab \u2028 \u2029 \x00 \x1f \x7f",
        cameo=None,
        date_text=None,
        date_basis=None,
        salience=0.35,
        original={"title": "Old", "nested": [1, None, True, 2.5, "ü"]},
    ),
    make_event(
        3,
        dt.date(1, 1, 1),
        dt.date(9999, 12, 31),
        salience=0.1 + 0.2,
        created_at=dt.datetime(2023, 12, 21, 8, 30, 0, 600, tzinfo=dt.UTC),
        updated_at=dt.datetime(2023, 12, 22, 12, 0, tzinfo=_MOSCOW),
    ),
    make_event(
        4,
        dt.date(999, 2, 3),
        None,
        salience=1.0,
        created_at=dt.datetime(2023, 12, 21, 8, 30, 0, 123456),
        updated_at=dt.datetime(2023, 12, 21, 8, 30, tzinfo=dt.UTC),
        mentions=[
            {
                "article_id": 7,
                "sentence": "Öl.",
                "article": {"id": 7, "title": None, "published_at": dt.date(2023, 12, 21)},
            }
        ],
    ),
    make_event(5, salience=-0.0, extra=[123456789.123, 1e16, 5e-324, -17, 2**53]),
]


@pytest.mark.parametrize("event", _AWKWARD, ids=lambda e: f"event-{e['id']}")
def test_lines_are_those_of_the_json_module(event):
    """orjson writes what json.JSONEncoder wrote: the same bytes, so the same objects in the
    same key order, with dates and datetimes spelled the same way."""
    assert ndjson_line(event) == _old_line(event)


def test_floats_with_an_exponent_are_the_same_numbers():
    """The one spelling that differs: orjson writes 1e-05 as 1e-5 or 0.00001. Same number."""
    event = make_event(6, salience=1e-05, extra=[2.5e-7, 1.5e300])
    line = ndjson_line(event)
    assert json.loads(line) == json.loads(_old_line(event))
    assert list(json.loads(line)) == list(json.loads(_old_line(event)))


def test_chunks_are_each_batch_of_lines_joined():
    batches = [_AWKWARD[:2], [], _AWKWARD[2:]]
    chunks = list(ndjson_chunks(batches))
    assert len(chunks) == 3 and all(isinstance(c, bytes) for c in chunks)
    assert chunks[1] == b""
    assert b"".join(chunks).decode() == "".join(map(_old_line, _AWKWARD))


def test_chunks_read_one_batch_at_a_time():
    consumed = [0]
    events = synthetic_events(10_000, consumed)
    batches = (list(itertools.islice(events, 100)) for _ in range(100))
    for number, chunk in enumerate(ndjson_chunks(batches), start=1):
        assert consumed[0] == number * 100
        assert chunk.count(b"\n") == 100
