"""A season named with two years ("the winter of 1941-42", "winter 1941/42") is one
expression: the season beginning in the first year (TIMEX3 1941-WI runs to February 1942);
a second year that does not follow the first is left out of it."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2023, 12, 20)


# (text, expected (span, value, start_date, end_date))
TABLE = [
    ("In the winter of 1941-42 the siege tightened.",
     [("the winter of 1941-42", "1941-WI", "1941-12-01", "1942-02-28")]),
    ("In the winter of 1941\u201342 the siege tightened.",
     [("the winter of 1941\u201342", "1941-WI", "1941-12-01", "1942-02-28")]),
    ("The winter 1941/42 was the coldest.",
     [("The winter 1941/42", "1941-WI", "1941-12-01", "1942-02-28")]),
    # negative: not the next year, or one year only
    ("In the winter of 1941-45 the line held.",
     [("the winter of 1941", "1941-WI", "1941-12-01", "1942-02-28")]),
    ("In the spring of 1944 the allies landed.",
     [("the spring of 1944", "1944-SP", "1944-03-01", "1944-05-31")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), TABLE)
def test_season_years(text, expected):
    found = [(t.text, t.value, str(t.start_date), str(t.end_date)) for t in annotate(text, PUB)]
    assert found == expected


# (text, expected (span, value) pairs): a season joined to a later one that names the year
PAIRED = [
    ("In the spring and summer of 1942 the offensive resumed.",
     [("the spring", "1942-SP"), ("summer of 1942", "1942-SU")]),
    ("Through the autumn and winter of 1941 the siege went on.",
     [("the autumn", "1941-FA"), ("winter of 1941", "1941-WI")]),
    ("In the summer to autumn 1916 the battle raged.",
     [("the summer", "1916-SU"), ("autumn 1916", "1916-FA")]),
    # a season later in the year than the one named is the year before's
    ("In the winter and spring of 1942 the front held.",
     [("the winter", "1941-WI"), ("spring of 1942", "1942-SP")]),
    # negative: no year named after it
    ("In the spring the offensive will resume.", [("the spring", "2024-SP")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), PAIRED)
def test_paired_seasons(text, expected):
    assert [(t.text, t.value) for t in annotate(text, PUB, "narrative")] == expected
