"""Issue 24 part 3, round 2: calendar quarters and halves named by their months ("the final
three months of 2012" is 2012-Q4), quarter codes, and year-ago comparisons of a quarter."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2013, 2, 6)  # a Wednesday


def found(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in annotate(text, PUB)]


ROWS = [
    # positive: three months at an edge of a named year are a quarter, six a half
    (
        "Sales in the final three months of 2012 rose.",
        [("the final three months of 2012", "2012-Q4")],
    ),
    (
        "In the last three months of last year, output slowed.",
        [("the last three months of last year", "2012-Q4")],
    ),
    (
        "In the first three months of 2011 it lost money.",
        [("the first three months of 2011", "2011-Q1")],
    ),
    (
        "Profit in the first six months of this year fell.",
        [("the first six months of this year", "2013-H1")],
    ),
    (
        "In the last six months of 2012 it hired 40 people.",
        [("the last six months of 2012", "2012-H2")],
    ),
    # negative: no named year, or another count, stays a duration (TimeBank: P9M)
    ("Rates rose over the last three months.", [("the last three months", "P3M")]),
    (
        "In the first nine months of 2012 sales rose.",
        [("the first nine months", "P9M"), ("2012", "2012")],
    ),
    ("He spent three months of 2012 abroad.", [("three months", "P3M"), ("2012", "2012")]),
    # quarter codes and year-ago comparisons of the quarter just named
    # a year ago after a month of the same sentence: that month a year back
    (
        "Sales in September fell from a year earlier.",
        [("September", "2012-09"), ("a year earlier", "2011-09")],
    ),
    (
        "Prices in January rose 3% from a year ago.",
        [("January", "2013-01"), ("a year ago", "2012-01")],
    ),
    # negative: the month in another sentence, or a count of years, gives no month
    (
        "In January, the firm hired staff. Sales fell from a year earlier.",
        [("January", "2013-01"), ("a year earlier", "2012")],
    ),
    ("In May sales rose from two years ago.", [("May", "2012-05"), ("two years ago", "2011")]),
    ("Profit rose in Q3.", [("Q3", "2012-Q3")]),
    ("Q4 sales fell from a year earlier.", [("Q4", "2012-Q4"), ("a year earlier", "2011-Q4")]),
    (
        "Third-quarter profit fell 5% from the year-earlier quarter.",
        [("Third-quarter", "2012-Q3"), ("the year-earlier quarter", "2011-Q3")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_quarter_months(text, expected):
    assert found(text) == expected
