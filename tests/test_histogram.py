"""Histogram: counted only where the whole interval fits one bucket; the rest reported apart."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from service.read.histogram import (
    MAX_BUCKETS,
    TooManyBuckets,
    bucket_of,
    bucket_range,
    histogram,
)

D = dt.date
DAY_EVENT = (D(2023, 12, 20), D(2023, 12, 20), "day")
MONTH_EVENT = (D(2023, 12, 1), D(2023, 12, 31), "month")
YEAR_EVENT = (D(2023, 1, 1), D(2023, 12, 31), "year")
OPEN_START = (None, D(2023, 12, 18), "day")
OPEN_END = (D(2023, 12, 19), None, "day")
UNDATED = (None, None, "unknown")


def counts(result) -> dict[str, int]:
    return {b["key"]: b["count"] for b in result["buckets"] if b["count"]}


@pytest.mark.parametrize(
    ("row", "bucket", "counted", "imprecise"),
    [
        (DAY_EVENT, "day", {"2023-12-20": 1}, {}),
        (DAY_EVENT, "week", {"2023-W51": 1}, {}),
        (DAY_EVENT, "month", {"2023-12": 1}, {}),
        (DAY_EVENT, "year", {"2023": 1}, {}),
        (MONTH_EVENT, "month", {"2023-12": 1}, {}),
        (MONTH_EVENT, "year", {"2023": 1}, {}),
        (MONTH_EVENT, "day", {}, {"month": 1}),
        (MONTH_EVENT, "week", {}, {"month": 1}),
        (YEAR_EVENT, "month", {}, {"year": 1}),
        (YEAR_EVENT, "year", {"2023": 1}, {}),
        ((D(2023, 12, 18), D(2023, 12, 24), "week"), "week", {"2023-W51": 1}, {}),
        ((D(2023, 12, 18), D(2023, 12, 24), "week"), "day", {}, {"week": 1}),
        ((D(2023, 11, 30), D(2023, 12, 1), "day"), "month", {}, {"day": 1}),
        ((D(2023, 12, 19), D(2023, 12, 20), "day"), "month", {"2023-12": 1}, {}),
    ],
    ids=[
        "day-in-day", "day-in-week", "day-in-month", "day-in-year", "month-in-month",
        "month-in-year", "month-apart-in-days", "month-apart-in-weeks", "year-apart-in-months",
        "year-in-year", "week-in-week", "week-apart-in-days", "interval-across-months",
        "interval-inside-month",
    ],
)  # fmt: skip
def test_counted_only_when_the_interval_fits_one_bucket(row, bucket, counted, imprecise):
    result = histogram([row], bucket)
    assert result["bucket"] == bucket
    assert counts(result) == counted
    assert result["imprecise"] == {"count": sum(imprecise.values()), "by_precision": imprecise}


def test_open_and_undated_are_reported_apart():
    result = histogram([DAY_EVENT, OPEN_START, OPEN_END, UNDATED, UNDATED], "month")
    assert counts(result) == {"2023-12": 1}
    assert (result["open"], result["undated"]) == (2, 2)
    assert result["imprecise"]["count"] == 0


def test_full_shape_with_empty_buckets_filled():
    rows = [(D(2023, 10, 3),) * 2 + ("day",), DAY_EVENT, DAY_EVENT, YEAR_EVENT]
    assert histogram(rows, "month") == {
        "bucket": "month",
        "buckets": [
            {"key": "2023-10", "start": "2023-10-01", "end": "2023-10-31", "count": 1,
             "overlapping": 1},
            {"key": "2023-11", "start": "2023-11-01", "end": "2023-11-30", "count": 0,
             "overlapping": 1},
            {"key": "2023-12", "start": "2023-12-01", "end": "2023-12-31", "count": 2,
             "overlapping": 1},
        ],
        "imprecise": {"count": 1, "by_precision": {"year": 1}},
        "open": 0,
        "undated": 0,
    }  # fmt: skip


def test_overlapping_counts_imprecise_events_only_where_they_touch():
    rows = [
        (D(2024, 1, 1), D(2024, 1, 1), "day"),
        (D(2024, 1, 5), D(2024, 1, 5), "day"),
        (D(2024, 1, 2), D(2024, 1, 3), "day"),  # a two-day interval
        (D(2023, 1, 1), D(2024, 12, 31), "unknown"),  # starts before the range
    ]
    result = histogram(rows, "day")
    assert [(b["key"][-2:], b["count"], b["overlapping"]) for b in result["buckets"]] == [
        ("01", 1, 1),
        ("02", 0, 2),
        ("03", 0, 2),
        ("04", 0, 1),
        ("05", 1, 1),
    ]


@pytest.mark.parametrize(
    ("day", "key", "start", "end"),
    [
        (D(2024, 12, 30), "2025-W01", D(2024, 12, 30), D(2025, 1, 5)),
        (D(2021, 1, 3), "2020-W53", D(2020, 12, 28), D(2021, 1, 3)),
        (D(2023, 12, 20), "2023-W51", D(2023, 12, 18), D(2023, 12, 24)),
        (D(2023, 1, 1), "2022-W52", D(2022, 12, 26), D(2023, 1, 1)),
    ],
    ids=["2024-12-30", "2021-01-03", "2023-12-20", "2023-01-01"],
)
def test_iso_week_keys_across_the_year_boundary(day, key, start, end):
    assert bucket_of(day, "week") == (key, start, end)


def test_weeks_across_the_year_boundary_in_a_histogram():
    rows = [(D(2024, 12, 23),) * 2 + ("day",), (D(2024, 12, 31),) * 2 + ("day",)]
    keys = [(b["key"], b["count"]) for b in histogram(rows, "week")["buckets"]]
    assert keys == [("2024-W52", 1), ("2025-W01", 1)]


@pytest.mark.parametrize(
    ("bucket", "key", "start", "end"),
    [
        ("day", "2024-02-29", D(2024, 2, 29), D(2024, 2, 29)),
        ("month", "2024-02", D(2024, 2, 1), D(2024, 2, 29)),
        ("year", "2024", D(2024, 1, 1), D(2024, 12, 31)),
        ("month", "9999-12", D(9999, 12, 1), D(9999, 12, 31)),
    ],
    ids=["day", "leap-month", "year", "end-of-calendar"],
)
def test_bucket_bounds(bucket, key, start, end):
    assert bucket_of(start, bucket) == (key, start, end)


def test_window_widens_the_range_and_sql_bounds_are_inclusive():
    result = histogram([DAY_EVENT], "month", lo=D(2023, 11, 15), hi=D(2024, 1, 2))
    assert [b["key"] for b in result["buckets"]] == ["2023-11", "2023-12", "2024-01"]
    assert bucket_range(D(2023, 11, 15), D(2024, 1, 2), "month")[0] == (
        "2023-11",
        D(2023, 11, 1),
        D(2023, 11, 30),
    )


def test_no_counted_event_gives_no_buckets():
    assert histogram([YEAR_EVENT, UNDATED], "day")["buckets"] == []
    assert histogram([], "year") == {
        "bucket": "year",
        "buckets": [],
        "imprecise": {"count": 0, "by_precision": {}},
        "open": 0,
        "undated": 0,
    }


def test_too_many_buckets_is_refused():
    rows = [(D(1990, 1, 1),) * 2 + ("day",), (D(2023, 1, 1),) * 2 + ("day",)]
    with pytest.raises(TooManyBuckets) as caught:
        histogram(rows, "day")
    assert caught.value.needed > MAX_BUCKETS
    assert "coarser bucket" in str(caught.value)
    assert len(histogram(rows, "month")["buckets"]) == 397


def test_unknown_bucket_is_refused_before_reading():
    with pytest.raises(ValueError, match="bucket must be one of"):
        histogram(iter([DAY_EVENT]), "fortnight")


def test_rows_are_consumed_once_and_lazily():
    rows = ((D(2023, 1, 1) + dt.timedelta(days=i % 365),) * 2 + ("day",) for i in range(100_000))
    result = histogram(itertools.islice(rows, 50_000), "month")
    assert sum(b["count"] for b in result["buckets"]) == 50_000
    assert len(result["buckets"]) == 12


# quarters (issue 23: dates have quarter precision, the histogram had no quarter bucket) ------

QUARTER_EVENT = (D(2023, 10, 1), D(2023, 12, 31), "quarter")


@pytest.mark.parametrize(
    ("row", "counted", "imprecise"),
    [
        (QUARTER_EVENT, {"2023-Q4": 1}, {}),
        (MONTH_EVENT, {"2023-Q4": 1}, {}),
        (DAY_EVENT, {"2023-Q4": 1}, {}),
        (YEAR_EVENT, {}, {"year": 1}),
        ((D(2023, 9, 30), D(2023, 10, 1), "day"), {}, {"day": 1}),
    ],
    ids=["quarter", "month", "day", "year-apart", "interval-across-quarters"],
)
def test_quarter_buckets_count_what_fits_a_quarter(row, counted, imprecise):
    result = histogram([row], "quarter")
    assert counts(result) == counted
    assert result["imprecise"]["by_precision"] == imprecise


@pytest.mark.parametrize(
    ("day", "key", "start", "end"),
    [
        (D(2024, 2, 29), "2024-Q1", D(2024, 1, 1), D(2024, 3, 31)),
        (D(2024, 4, 1), "2024-Q2", D(2024, 4, 1), D(2024, 6, 30)),
        (D(2023, 12, 31), "2023-Q4", D(2023, 10, 1), D(2023, 12, 31)),
        (D(9999, 11, 5), "9999-Q4", D(9999, 10, 1), D(9999, 12, 31)),
    ],
)
def test_quarter_bounds(day, key, start, end):
    assert bucket_of(day, "quarter") == (key, start, end)


def test_quarters_fill_a_window_across_a_year():
    result = histogram([DAY_EVENT], "quarter", lo=D(2023, 5, 1), hi=D(2024, 2, 1))
    assert [b["key"] for b in result["buckets"]] == ["2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1"]


def test_the_api_takes_the_quarter_bucket(client, seeded):
    answer = client.get("/api/v1/histogram?bucket=quarter")
    assert answer.status_code == 200
    assert all("-Q" in b["key"] for b in answer.get_json()["buckets"])
