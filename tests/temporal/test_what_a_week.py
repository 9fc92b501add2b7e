"""Issue 24 (posts): "what a week!", "what a weekend", "what a year it has been": an
exclamation over a stretch of time just lived is that calendar unit, the one holding the
post (a weekend: the one under way or just past), written without the article, as the posts'
gold writes it. "a week" anywhere else stays a length of time."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

SUN = dt.date(2025, 3, 2)  # a Sunday
TUE = dt.date(2025, 3, 4)


def values(text: str, published: dt.date) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in annotate(text, published)]


# (text, published, expected (span, value) pairs)
TABLE = [
    ("what a weekend. parkrun yesterday", SUN,
     [("weekend", "2025-W09-WE"), ("yesterday", "2025-03-01")]),
    ("what a weekend that was", TUE, [("weekend", "2025-W09-WE")]),
    ("What a week!", SUN, [("week", "2025-W09")]),
    ("what a day", SUN, [("day", "2025-03-02")]),
    ("what a month, honestly", SUN, [("month", "2025-03")]),
    ("what a year it has been", SUN, [("year", "2025")]),
    # negative: a length of time, or a compound adjective
    ("It was a week of rain.", SUN, [("a week", "P1W")]),
    ("What a day-long trip.", SUN, [("day-long", "P1D")]),
    ("She stayed for a week.", SUN, [("a week", "P1W")]),
]  # fmt: skip


@pytest.mark.parametrize("row", TABLE, ids=[row[0] for row in TABLE])
def test_what_a_week(row):
    text, published, expected = row
    assert values(text, published) == expected
