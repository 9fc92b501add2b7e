"""'Over the past year', 'the next year': TIMEX3 writes the calendar year before or after
(TimeBank 3 of 3: 'the past year' 1997 and 1988, 'the next year or so' 1990; HeidelTime the
same), while the bounds keep the twelve months the text means, up to the day before
publication or from the day after it (DATES.md: the period, not the label). Other units
and counted spans stay durations."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(1998, 3, 3)


# (text, expected (span, type, value, mod, edtf, start_date, end_date))
TABLE = [
    # positive: the year before / after as the value, the twelve months as the bounds
    ("Hate groups grew rapidly over the past year.",
     [("the past year", "DATE", "1997", None, "1997-03-03/1998-03-02", "1997-03-03",
       "1998-03-02")]),
    ("In the last year, sales doubled.",
     [("the last year", "DATE", "1997", None, "1997-03-03/1998-03-02", "1997-03-03",
       "1998-03-02")]),
    ("Prices will rise over the next year or so.",
     [("the next year or so", "DATE", "1999", "APPROX", "1998-03-04/1999-03-03", "1998-03-04",
       "1999-03-03")]),
    # negative: counted spans, other units, and 'last year' itself
    ("Sales rose over the past three years.",
     [("the past three years", "DURATION", "P3Y", None, None, "None", "None")]),
    ("Over the past decade, sales doubled.",
     [("the past decade", "DURATION", "P10Y", None, None, "None", "None")]),
    ("For the last week he has been ill.",
     [("the last week", "DURATION", "P1W", None, None, "None", "None")]),
    ("Sales fell last year.",
     [("last year", "DATE", "1997", None, "1997", "1997-01-01", "1997-12-31")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), TABLE)
def test_trailing_year(text, expected):
    found = [
        (t.text, t.type, t.value, t.mod, t.edtf, str(t.start_date), str(t.end_date))
        for t in annotate(text, PUB)
    ]
    assert found == expected
