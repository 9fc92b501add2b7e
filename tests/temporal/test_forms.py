"""Classes 2-6 of issue 14: tense and direction, composite phrases, forms not found before,
numbers, and case. Each row: publication date, text, the (span, value) pairs expected."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate


def found(text: str, published: str) -> list:
    out = []
    for t in annotate(text, dt.date.fromisoformat(published)):
        assert text[t.start : t.end] == t.text
        out.append((t.text, t.value))
    return out


TENSE = [  # class 2
    (  # the past clause decides, not the later "will"
        "2023-08-15",
        "Shares closed lower on Monday, amid worries the government will nationalise the bank.",
        [("Monday", "2023-08-14")],
    ),
    ("2023-06-14", "The work should be completed in October.", [("October", "2023-10")]),
    (
        "2023-08-14",
        "The company expects sales will rise during the fourth quarter.",
        [("the fourth quarter", "2023-Q4")],
    ),
    (
        "2023-08-14",
        "Profit rose during the fourth quarter, the company said.",
        [("the fourth quarter", "2022-Q4")],
    ),
    ("2023-02-14", "The park will open this summer.", [("this summer", "2023-SU")]),
    ("2023-02-14", "The park opened last summer.", [("last summer", "2022-SU")]),
    ("2023-06-17", "The team lost last weekend.", [("last weekend", "2023-W23-WE")]),
    ("2023-06-14", "The team lost last weekend.", [("last weekend", "2023-W23-WE")]),
    ("2023-06-14", "Voters go to the polls on Sunday.", [("Sunday", "2023-06-18")]),
    ("2023-06-14", "Voters went to the polls on Sunday.", [("Sunday", "2023-06-11")]),
]

COMPOSITE = [  # class 3
    (
        "2023-06-14",
        "The plant will close in October of next year.",
        [("October of next year", "2024-10")],
    ),
    (
        "2023-06-14",
        "The board meets on Wednesday of next week.",
        [("Wednesday of next week", "2023-06-21")],
    ),
    (
        "2023-06-14",
        "The vote is two weeks from next Tuesday.",
        [("two weeks from next Tuesday", "2023-07-04")],
    ),
    (
        "2023-06-14",
        "The sale ends three days after Christmas.",
        [("three days after Christmas", "2023-12-28")],
    ),
    (
        "2023-06-14",
        "It happened during the last week of March.",
        [("the last week of March", "2023-W13")],
    ),
    (
        "2023-06-14",
        "The hearing will be on Tuesday the 14th.",
        [("Tuesday the 14th", "2023-11-14")],
    ),
    ("2023-06-14", "The hearing was on Tuesday the 14th.", [("Tuesday the 14th", "2023-03-14")]),
    ("2023-06-14", "Rents rise on the first of March.", [("the first of March", "2023-03-01")]),
    ("2023-06-14", "The fee is due on the 15th.", [("the 15th", "2023-06-15")]),
    (
        "2023-06-14",
        "The siege began on 3 May. It ended on the 15th.",
        [("3 May", "2023-05-03"), ("the 15th", "2023-05-15")],
    ),
    ("2023-06-14", "He marked the 25th anniversary on the day.", []),  # a rank, not a day
]

FORMS = [  # class 4
    (
        "2023-06-14",
        "Sales should improve next quarter and this coming quarter.",
        [("next quarter", "2023-Q3"), ("this coming quarter", "2023-Q3")],
    ),
    (
        "2023-06-14",
        "Results for the 4th quarter 2018 were weak.",
        [("the 4th quarter 2018", "2018-Q4")],
    ),
    ("2023-06-14", "In spring the river floods.", [("spring", "2023-SP")]),
    ("2023-06-14", "The train left at 8am.", [("8am", "2023-06-14T08:00")]),
    ("2023-06-14", "The meeting began at 0800 GMT.", [("0800 GMT", "2023-06-14T08:00Z")]),
    ("2023-06-14", "It starts at 14:30 UTC.", [("14:30 UTC", "2023-06-14T14:30Z")]),
    ("2023-06-14", "The second began at 1030am.", [("1030am", "2023-06-14T10:30")]),
    ("2023-06-14", "Music of the 70s was loud.", [("the 70s", "197")]),
    ("2023-06-14", "Highs in the 70s are expected.", []),  # degrees, not a decade
    ("2023-06-14", "Hannibal won at Cannae in 216 BC.", [("216 BC", "BC0216")]),
    ("2023-06-14", "In August 480 BC the Persians came.", [("August 480 BC", "BC0480-08")]),
    ("2023-06-14", "Athens grew in the 5th century BC.", [("the 5th century BC", "BC04")]),
    (
        "2023-06-14",
        "Shops will open on Mother's Day, Black Friday and Christmas Eve.",
        [
            ("Mother's Day", "2024-05-12"),
            ("Black Friday", "2023-11-24"),
            ("Christmas Eve", "2023-12-24"),
        ],
    ),
    (
        "2023-06-14",
        "He flies 15 times a year, on alternate Fridays, with a semi-annual review.",
        [("15 times a year", "P1Y"), ("alternate Fridays", "XXXX-WXX-5"), ("semi-annual", "P6M")],
    ),
    ("2023-06-14", "He served from 2009 to 2011.", [("2009", "2009"), ("2011", "2011")]),
]

NUMBERS = [  # class 5
    ("2023-06-14", "The deal was signed on 3/3/15.", [("3/3/15", "2015-03-03")]),
    ("1990-06-14", "The deal was signed on 3/3/15.", [("3/3/15", "2015-03-03")]),
    ("1950-06-14", "The deal was signed on 3/3/15.", [("3/3/15", "1915-03-03")]),
    ("2023-06-14", "The report of 2014-10 was late.", [("2014-10", "2014-10")]),
    ("2023-06-14", "The 2009-10 season was long.", [("2009-10", "2009")]),
    (
        "2023-06-14",
        "Filed 12-03-2007 and 19.02.2010.",
        [("12-03-2007", "2007-12-03"), ("19.02.2010", "2010-02-19")],
    ),
    ("2023-06-14", "There were 1999 rebounds and the ABC 2000 code.", []),
    (
        "2023-06-14",
        "It lasted five hundred and twelve days.",
        [("five hundred and twelve days", "P512D")],
    ),
    ("2023-06-14", "It took 1,500 hours.", [("1,500 hours", "PT1500H")]),
]

CASE = [  # class 6
    ("2023-06-14", "the vote was on march 3 2015.", [("march 3 2015", "2015-03-03")]),
    ("2023-06-14", "we met last monday.", [("last monday", "2023-06-12")]),
    ("2023-06-14", "shops close on christmas eve.", [("christmas eve", "2023-12-24")]),
    (
        "2023-06-14",
        "PRICES FELL IN MARCH AND ROSE ON MONDAY",
        [("MARCH", "2023-03"), ("MONDAY", "2023-06-12")],
    ),
    ("2023-06-14", "SHOPS CLOSE ON CHRISTMAS EVE", [("CHRISTMAS EVE", "2023-12-24")]),
    ("2023-06-14", "they may march on the capital.", []),  # the verbs
    (
        "2023-06-14",
        "They may march on the capital in may.",
        [("may", "2024-05")],
    ),  # "may march": ahead
    (
        "2023-06-14",
        "an august body met on 3 august.",
        [("3 august", "2022-08-03")],
    ),  # past: the last one
]


@pytest.mark.parametrize(
    ("published", "text", "expected"), TENSE + COMPOSITE + FORMS + NUMBERS + CASE
)
def test_issue_14_forms(published, text, expected):
    assert found(text, published) == expected


def test_bc_years_have_edtf_without_calendar_bounds():
    (t,) = annotate("In 480 BC the Persians came.", dt.date(2023, 6, 1))
    assert (t.value, t.edtf, t.start_date, t.precision) == ("BC0480", "-0479", None, "year")


def test_utc_time_edtf_carries_z():
    (t,) = annotate("It began at 0800 GMT.", dt.date(2023, 6, 1))
    assert t.edtf == "2023-06-01T08:00:00Z" and t.start_date == dt.date(2023, 6, 1)


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # "start-up" holds no schedule verb "start": the past tense decides
        (
            "Fourteen novelists sued the start-up Quillform on Wednesday.",
            "2025-01-23",
            "2025-01-22",
        ),
        # a relative clause after the date ("that would ban") is another clause's tense
        (
            "The house approved a bill on Thursday that would ban lettings.",
            "2025-05-26",
            "2025-05-22",
        ),
    ],
)
def test_the_clause_of_the_date_decides_its_direction(text, published, value):
    (found,) = annotate(text, dt.date.fromisoformat(published))
    assert found.value == value
