"""A quarter told with the day it ended is the calendar quarter that ends then, whatever its
number ('the quarter ended Sept. 30': July-September); a fiscal quarter named without a year is
the one the text says a quarter ended in ('earnings rose in the fiscal first quarter ... For the
quarter ended Sept. 30': July-September, was read as January-March)."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate


def values(text: str, pub: dt.date) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in annotate(text, pub, document_type="news")]


NOV = dt.date(2016, 11, 3)
FEB = dt.date(2021, 2, 10)

TABLE = [
    # positive: the day the quarter ended, after it
    ("For the quarter ended Sept. 30, the retailer earned $40 million.", NOV,
     [("the quarter", "2016-Q3"), ("Sept. 30", "2016-09-30")]),
    ("Sales fell in the quarter ending Dec. 31, the brewer said.", FEB,
     [("the quarter", "2020-Q4"), ("Dec. 31", "2020-12-31")]),
    ("The miner lost money in the quarter, which ended June 30, 2015.", NOV,
     [("the quarter", "2015-Q2"), ("June 30, 2015", "2015-06-30")]),
    ("The chain expects a profit for the quarter ending Dec. 31.", NOV,
     [("the quarter", "2016-Q4"), ("Dec. 31", "2016-12-31")]),
    # positive: a fiscal quarter, and the quarter-end the text gives elsewhere
    ("Profit at the software maker doubled in the fiscal second quarter. For the quarter ended "
     "Sept. 30, it earned $2 a share.", NOV,
     [("the fiscal second quarter", "2016-Q3"), ("the quarter", "2016-Q3"),
      ("Sept. 30", "2016-09-30")]),
    # negative: no day given, a month that ends no calendar quarter, or two ends told
    ("The software maker earned $2 a share in the fiscal second quarter.", NOV,
     [("the fiscal second quarter", "2016-Q2")]),
    ("Sales rose in the fiscal third quarter ended Oct. 31.", NOV,
     [("the fiscal third quarter", "2016-Q3"), ("Oct. 31", "2016-10-31")]),
    ("Profit rose in the third quarter, the bank said on Sept. 30.", NOV,
     [("the third quarter", "2016-Q3"), ("Sept. 30", "2016-09-30")]),
    ("Sales rose in the fiscal first quarter. In the quarter ended June 30 and the quarter "
     "ended Sept. 30, margins fell.", NOV,
     [("the fiscal first quarter", "2016-Q1"), ("the quarter", "2016-Q2"),
      ("June 30", "2016-06-30"), ("the quarter", "2016-Q3"), ("Sept. 30", "2016-09-30")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "pub", "expected"), TABLE)
def test_ended_quarters(text, pub, expected):
    assert values(text, pub) == expected
