"""Posts: a possessive written without its apostrophe ("tonights gig", "this evenings sunset")
is the day or part of the day, the "s" outside the span; "last nights of the tour" is a plural.
A bare hour after "till"/"until" closing its phrase is a time of day when a clock time (or
"from" an hour) comes before it in the sentence, after noon when that clock was a morning hour
at or after it ("gym at 6am then work till 6": 18:00)."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2024, 5, 15)  # a Wednesday


def values(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in annotate(text, PUB)]


POSSESSIVES = [
    # positive
    ("this evenings sunset was unreal", [("this evening", "2024-05-15TEV")]),
    ("tonights gig is sold out", [("tonight", "2024-05-15TNI")]),
    ("cant wait for tomorrows match", [("tomorrow", "2024-05-16")]),
    ("yesterdays result was awful", [("yesterday", "2024-05-14")]),
    ("last nights show was the best", [("last night", "2024-05-14TNI")]),
    # negative: a plural, a long text
    ("the last nights of the tour were wild", []),
    ("We spent the last nights in Paris.", []),
    ("tonights gig is sold out. " + "The band has played here many times before. " * 15, []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), POSSESSIVES)
def test_possessive_without_apostrophe(text, expected):
    assert values(text) == expected


UNTIL = [
    # positive: after a clock time or 'from' an hour in the sentence
    ("gym at 6am then work till 6. kill me",
     [("6am", "2024-05-15T06:00"), ("6", "2024-05-15T18:00")]),
    ("open from 9 till 5!", [("5", "2024-05-15T17:00")]),
    ("meeting at 10:30 then training until 4", [("10:30", "2024-05-15T10:30"),
                                                ("4", "2024-05-15T16:00")]),
    # negative: no clock before it; a level, a count
    ("open until 9!", []),
    ("rates frozen until 2", []),
    ("the score stayed at 2 until 5!", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), UNTIL)
def test_hour_after_until(text, expected):
    assert values(text) == expected
