"""Issue 24: spans of months named by their ends ("the July-September period", "the three
months to September") are one interval in the nearest year the tense allows, a calendar
quarter (or half) when the months are exactly one."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2023, 10, 26)  # a Thursday in October


def found(text: str, pub: dt.date = PUB) -> list[tuple[str, str, str, str]]:
    return [(t.text, t.value, str(t.start_date), str(t.end_date)) for t in annotate(text, pub)]


ROWS = [
    # positive: a calendar quarter named by its months, joined by a hyphen, dash, to, through
    (
        "Sales rose in the July-September period.",
        [("the July-September period", "2023-Q3", "2023-07-01", "2023-09-30")],
    ),
    (
        "Sales rose in the July\u2013September period.",
        [("the July\u2013September period", "2023-Q3", "2023-07-01", "2023-09-30")],
    ),
    (
        "Profit fell in the April-June quarter.",
        [("the April-June quarter", "2023-Q2", "2023-04-01", "2023-06-30")],
    ),
    ("Sales in January-March fell.", [("January-March", "2023-Q1", "2023-01-01", "2023-03-31")]),
    (
        "Output rose July through September.",
        [("July through September", "2023-Q3", "2023-07-01", "2023-09-30")],
    ),
    # a past span that would still be running this year is last year's
    (
        "Prices rose October to December.",
        [("October to December", "2022-Q4", "2022-10-01", "2022-12-31")],
    ),
    # "from ... to ..." keeps its two ends (TimeML), read as one pair of years
    (
        "Prices rose from October to December.",
        [
            ("October", "2022-10", "2022-10-01", "2022-10-31"),
            ("December", "2022-12", "2022-12-01", "2022-12-31"),
        ],
    ),  # fmt: skip
    (
        "From November to January, sales fell.",
        [
            ("November", "2022-11", "2022-11-01", "2022-11-30"),
            ("January", "2023-01", "2023-01-01", "2023-01-31"),
        ],
    ),  # fmt: skip
    # the months counted back from the one named
    (
        "In the three months to September, output rose.",
        [("the three months to September", "2023-Q3", "2023-07-01", "2023-09-30")],
    ),
    (
        "Sales rose 4% in the 12 months to June.",
        [("the 12 months to June", "2022-07", "2022-07-01", "2023-06-30")],
    ),
    (
        "It grew in the 12 months to December.",
        [("the 12 months to December", "2022", "2022-01-01", "2022-12-31")],
    ),
    (
        "Sales rose in the six months to June.",
        [("the six months to June", "2023-H1", "2023-01-01", "2023-06-30")],
    ),
    # not a calendar quarter: the first month, bounds through the last
    (
        "He worked there March to May.",
        [("March to May", "2023-03", "2023-03-01", "2023-05-31")],
    ),
    # a span wrapping the year runs into the next one; future tense looks ahead
    (
        "Sales will rise in the November-January quarter.",
        [("the November-January quarter", "2023-11", "2023-11-01", "2024-01-31")],
    ),
    (
        "Heating use peaked in the November-January period.",
        [("the November-January period", "2022-11", "2022-11-01", "2023-01-31")],
    ),
    # a year named closes the span
    (
        "The winter of December-February 1917 was cold.",
        [("December-February 1917", "1916-12", "1916-12-01", "1917-02-28")],
    ),
    (
        "Sales rose from June to August 2021.",
        [
            ("June", "2021-06", "2021-06-01", "2021-06-30"),
            ("August 2021", "2021-08", "2021-08-01", "2021-08-31"),
        ],
    ),  # fmt: skip
    # a present schedule is ahead
    ("The show runs July-August.", [("July-August", "2024-07", "2024-07-01", "2024-08-31")]),
    # negative: a day after the second month is a day range, not a month span
    (
        "It ran from July to 12 September.",
        [
            ("July", "2023-07", "2023-07-01", "2023-07-31"),
            ("12 September", "2023-09-12", "2023-09-12", "2023-09-12"),
        ],
    ),  # fmt: skip
    # negative: months joined by "and" stay two months; "months to" + a verb is a duration
    (
        "It rained in May and June.",
        [
            ("May", "2023-05", "2023-05-01", "2023-05-31"),
            ("June", "2023-06", "2023-06-01", "2023-06-30"),
        ],
    ),  # fmt: skip
    ("It took three months to complete.", [("three months", "P3M", "None", "None")]),
    # negative: a count of months too long to be a reported period stays a duration
    (
        "It grew in the 30 months to June.",
        [
            ("the 30 months", "P30M", "None", "None"),
            ("June", "2023-06", "2023-06-01", "2023-06-30"),
        ],
    ),
    # negative: lower-case "may" and "march" are not months, so no span to June
    (
        "Protesters may march to the square in June.",
        [("June", "2024-06", "2024-06-01", "2024-06-30")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_month_spans(text, expected):
    assert found(text) == expected
