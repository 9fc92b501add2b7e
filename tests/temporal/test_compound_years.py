"""Issue 24, class 2: years in compound expressions ("October 7 last year", "July 22-23,
2020", "1957-58", "between March 2022 and July 2023")."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2024, 3, 6)


def values(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in annotate(text, PUB)]


# (text, expected (span, value) pairs); published 2024-03-06
TABLE = [
    # a month-day with the year named after it in words
    ("The army was attacked on October 7 last year.", [("October 7 last year", "2023-10-07")]),
    ("He was freed on 7 October last year.", [("7 October last year", "2023-10-07")]),
    ("The plant opens on May 1 next year.", [("May 1 next year", "2025-05-01")]),
    ("Talks resume on April 2 this year.", [("April 2 this year", "2024-04-02")]),
    # negative: "last year's" belongs to the noun after it
    (
        "The vote on October 7 last year's results was close.",
        [("October 7", "2023-10-07"), ("last year", "2023")],
    ),  # fmt: skip
    # a day range takes the year written after its second day
    ("The festival ran July 22-23, 2020.", [("July 22", "2020-07-22"), ("23, 2020", "2020-07-23")]),
    (
        "Talks were held on March 3 to 5, 2019.",
        [("March 3", "2019-03-03"), ("5, 2019", "2019-03-05")],
    ),
    # negative: no year after the range, the first day is read as before
    ("The fair runs March 8-10.", [("March 8", "2024-03-08"), ("10", "2024-03-10")]),
    # "1957-58": the first year's value (TIMEX3 has no two-year value)
    ("The team won the 1957-58 season.", [("1957-58", "1957")]),
    # both ends of a range, each with its own year
    (
        "Prices rose between March 2022 and July 2023.",
        [("March 2022", "2022-03"), ("July 2023", "2023-07")],
    ),  # fmt: skip
]


@pytest.mark.parametrize(("text", "expected"), TABLE)
def test_compound_years(text, expected):
    assert values(text) == expected


# (text, span, edtf, start, end): the bounds of a two-year span run through its second year
BOUNDS = [
    ("The team won the 1957-58 season.", "1957-58", "1957/1958", "1957-01-01", "1958-12-31"),
    ("Revenue for fiscal 2009-10 fell.", "fiscal 2009-10", "2009/2010", "2009-01-01", "2010-12-31"),
    ("The 1999-2000 budget", "1999", "1999", "1999-01-01", "1999-12-31"),  # not a \d\d tail
    ("In 1998 prices fell.", "1998", "1998", "1998-01-01", "1998-12-31"),
]


@pytest.mark.parametrize(("text", "span", "edtf", "first", "last"), BOUNDS)
def test_two_year_spans_cover_both_years(text, span, edtf, first, last):
    (t,) = [t for t in annotate(text, PUB) if t.text == span]
    assert (t.edtf, t.start_date.isoformat(), t.end_date.isoformat()) == (edtf, first, last)
