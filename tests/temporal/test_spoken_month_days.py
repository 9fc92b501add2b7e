"""Issue 24: a day of the month written as an ordinal word after the month, as broadcast
transcripts and narrative write it ("March eighth", "May the twenty-first"), is one date with
its month; the weekday and "this coming" before it belong to the same expression. An ordinal
that goes on into a noun ("March first-quarter sales", "That September the first night train")
is no day."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(1998, 3, 5)  # a Thursday


def values(text: str, published: dt.date = PUB) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in annotate(text, published)]


# (text, expected (span, value) pairs); published Thursday 1998-03-05
TABLE = [
    ("Women's Day is this coming Sunday, March eighth.",
     [("this coming Sunday, March eighth", "1998-03-08")]),
    ("The store opens May first.", [("May first", "1998-05-01")]),
    ("He died on March the eighth, nineteen ninety-eight.",
     [("March the eighth", "1998-03-08"), ("nineteen ninety-eight", "1998")]),
    ("The talks began on April twenty-third.", [("April twenty-third", "1997-04-23")]),
    ("The store opens May first at noon.",
     [("May first", "1998-05-01"), ("noon", "1998-05-01T12:00")]),
    # the weekday's "this coming / next / last" with a numbered day too
    ("The vote is next Tuesday, March 10.", [("next Tuesday, March 10", "1998-03-10")]),
    ("It happened last Friday, Feb. 27.", [("last Friday, Feb. 27", "1998-02-27")]),
    # negative: the ordinal goes on into a noun, or stands apart
    ("That September the first night train ran.", [("That September", "1997-09")]),
    ("Sales in March second quarter rose.", [("March", "1998-03"), ("second quarter", "1997-Q2")]),
    ("In March, first the rain came.", [("March", "1998-03")]),
    ("It happened last Friday.", [("last Friday", "1998-02-27")]),
]  # fmt: skip


@pytest.mark.parametrize("row", TABLE, ids=[row[0] for row in TABLE])
def test_spoken_month_days(row):
    text, expected = row
    assert values(text) == expected
