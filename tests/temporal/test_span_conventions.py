"""Span boundaries that follow the TimeBank / TIMEX3 majority: an approximator before a date
counted back ("about two years ago") is part of it, as "nearly four years ago" is (TimeBank
5 of 5); before a length of time ("about five hours") it stays outside (3 of 4)."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2023, 12, 20)


# (text, expected (span, value, mod))
TABLE = [
    # positive: a date counted back keeps its approximator
    ("He left about two years ago.", [("about two years ago", "2021", "APPROX")]),
    ("The plant shut around a decade ago.", [("around a decade ago", "2013", "APPROX")]),
    ("The firm was sold some ten years ago.", [("some ten years ago", "2013", "APPROX")]),
    ("They met roughly six months ago.", [("roughly six months ago", "2023-06", "APPROX")]),
    ("He left nearly four years ago.", [("nearly four years ago", "2019", "APPROX")]),
    # negative: a length of time leaves 'about' outside, with the modifier kept
    ("The talks lasted about five hours.", [("five hours", "PT5H", "APPROX")]),
    ("The trip took about two weeks.", [("two weeks", "P2W", "APPROX")]),
    ("He served for about a decade.", [("a decade", "P10Y", "APPROX")]),
]


@pytest.mark.parametrize(("text", "expected"), TABLE)
def test_span_conventions(text, expected):
    assert [(t.text, t.value, t.mod) for t in annotate(text, PUB)] == expected
