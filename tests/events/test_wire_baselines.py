"""A figure's baseline time is no date of the happening (issue 26, the fresh wire set): "rose
11% to $94 million from $85 million a year earlier", "up from $10 million a year ago", "fell
3% from a year earlier" compare with the year before; the rise is the quarter's, or undated.
A year-before time that is the clause's own ("was founded a year earlier") and a time after
a bare figure that is not a year before ("fell 2% from 3,000 last week") still date it.
Invented rows, positive and negative."""

import datetime as dt

import pytest

from service.events import extract

D = dt.date(2011, 11, 3)


def first_date(text: str):
    found = extract(text, D)
    assert found
    return found[0].date.start, found[0].date.end


@pytest.mark.parametrize(
    "text, start",
    [
        (
            "Acme's third-quarter profit rose 11% to $94 million from $85 million a year earlier.",
            dt.date(2011, 7, 1),
        ),
        (
            "Acme said its third-quarter net income jumped to $6 million, up from $2 million"
            " a year ago.",
            dt.date(2011, 7, 1),
        ),
        ("Acme's sales fell 3% from a year earlier.", None),
        ("Acme's revenue rose to $3 billion versus $2.8 billion the previous year.", None),
    ],
)
def test_a_baseline_year_does_not_date_the_change(text, start):
    assert first_date(text)[0] == start


@pytest.mark.parametrize(
    "text, start",
    [
        ("Acme was founded a year earlier.", dt.date(2010, 1, 1)),
        ("The index fell 2% from 3,000 last week.", dt.date(2011, 10, 24)),
        ("Acme cut 200 jobs last year, up from 100 a year earlier.", dt.date(2010, 1, 1)),
    ],
)
def test_a_time_of_the_clause_still_dates_it(text, start):
    assert first_date(text)[0] == start
