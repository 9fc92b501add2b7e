"""Issue 24, offsets class: "in two weeks" and other offsets from the publication date. The
TIMEX3 value stays the duration TimeBank writes (P2W); the Timex's EDTF and bounds give the
period it reaches, so an event planned "in two weeks" has a date."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2024, 3, 6)  # a Wednesday, ISO week 10


def found(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (t.text, t.value, t.edtf, t.start_date and t.start_date.isoformat())
        for t in annotate(text, PUB)
    ]


# (text, expected (span, value, edtf, start) tuples); published 2024-03-06
TABLE = [
    # offsets ahead from publication: the period reached, at the unit's precision
    ("The report will be out in two weeks.",
     [("two weeks", "P2W", "2024-03-18/2024-03-24", "2024-03-18")]),
    ("Elections are due in 10 days.", [("10 days", "P10D", "2024-03-16", "2024-03-16")]),
    ("Rates will rise in six months' time.", [("six months", "P6M", "2024-09", "2024-09-01")]),
    ("He will return in a fortnight.",
     [("a fortnight", "P2W", "2024-03-18/2024-03-24", "2024-03-18")]),
    ("The mine is set to reopen in three years.", [("three years", "P3Y", "2027", "2027-01-01")]),
    ("The plant will close two weeks from now.",
     [("two weeks from now", "2024-W12", "2024-03-18/2024-03-24", "2024-03-18")]),
    ("The vote is a week from today.",
     [("a week from today", "2024-03-13", "2024-03-13", "2024-03-13")]),
    # negative: a past clause, a length of time, a limit, a vague count, a story time
    ("In two weeks the company laid off 300 people.", [("two weeks", "P2W", None, None)]),
    ("The project will take two weeks.", [("two weeks", "P2W", None, None)]),
    ("He will serve it in 18 months or less.", [("18 months", "P18M", None, None)]),
    ("The plant will close in the next three months.",
     [("the next three months", "P3M", None, None)]),
    ("Prices will rise in two to three weeks.", [("two to three weeks", "P2W", None, None)]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), TABLE)
def test_offsets_from_publication(text, expected):
    assert found(text) == expected
