"""Issue 24 part 3, round 2: vague stretches of the past ("in recent years" is PAST_REF, a
counted or bounded stretch stays a duration) and the end of the year ("by year end" is the year
with mod END, "year-end results" the closing day)."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(1989, 10, 26)  # a Thursday


def found(text: str, published: dt.date = PUB) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.value, t.mod) for t in annotate(text, published)]


# (text, expected (span, value, mod) triples); published Thursday 1989-10-26
ROWS = [
    # positive: an unbounded stretch of the past is PAST_REF
    ("Sales have grown in recent years.", [("recent years", "PAST_REF", None)]),
    ("There were sell programs in past years, too.", [("past years", "PAST_REF", None)]),
    ("Recent years have been hard on the firm.", [("Recent years", "PAST_REF", None)]),
    # negative: other units, counts and bounded stretches stay durations
    ("Prices fell in recent months.", [("recent months", "PXM", None)]),
    ("He worked there for years.", [("years", "PXY", None)]),
    ("Rates rose over the past three years.", [("the past three years", "P3Y", None)]),
    ("The plant will run for years to come.", [("years", "PXY", None)]),
    # positive: the end of the year as a noun is the year, mod END
    ("The deal should close by year end.", [("year end", "1989", "END")]),
    ("Rules should be in place by year's end.", [("year's end", "1989", "END")]),
    # negative: the hyphenated adjective is the closing day, and 'end' alone is no date
    ("The deal is expected by year-end.", [("year-end", "1989-12-31", "ON_OR_BEFORE")]),
    ("The end of the line came quickly.", []),
]


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_year_words(text, expected):
    assert found(text) == expected


# "or so" after a stretch or an offset belongs to the expression (mod APPROX)
OR_SO = [
    ("The plant will close over the next year or so.", [("the next year or so", "1990", "APPROX")]),
    ("Over the past month or so, sales rose.", [("the past month or so", "P1M", "APPROX")]),
    ("Prices rose a week or so ago.", [("a week or so ago", "1989-W42", "APPROX")]),
    ("A year or so ago he moved.", [("A year or so ago", "1988", "APPROX")]),
    ("It will take a decade or so.", [("a decade or so", "P10Y", "APPROX")]),
    # negative: "or so" of another clause, and plain offsets
    ("Last year sales rose, or so he said.", [("Last year", "1988", None)]),
    ("They met three days ago.", [("three days ago", "1989-10-23", None)]),
]


@pytest.mark.parametrize(("text", "expected"), OR_SO, ids=[r[0] for r in OR_SO])
def test_or_so(text, expected):
    assert found(text) == expected
