"""Issue 24: "through <month>" closes a span the way "until" does: a bare month or day after it
lies ahead unless the clause tells a deed done ("the strike lasted through March") or the
span is a told period that ends there ("this year through August", "the nine months through
September": behind)."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2024, 10, 30)  # a Wednesday


def values(text: str, published: dt.date = PUB) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in annotate(text, published)]


# (text, expected (span, value) pairs); published Wednesday 2024-10-30
TABLE = [
    # an end ahead: a present or perfect clause, a plan, a noun the span belongs to
    ("The bank has extended loans through January.", [("January", "2025-01")]),
    ("The freeze lasts through March.", [("March", "2025-03")]),
    ("The exhibition runs through Aug. 12.", [("Aug. 12", "2025-08-12")]),
    ("Tickets are valid thru February.", [("February", "2025-02")]),
    ("The bank has given credit lines through April, as well as standby letters.",
     [("April", "2025-04")]),
    # negative: a deed done in the clause, or a past state
    ("The strike lasted through March.", [("March", "2024-03")]),
    ("The museum was closed through March.", [("March", "2024-03")]),
    ("Prices held steady through September.", [("September", "2024-09")]),
    # negative: the deed told after the date ("Through September, sales rose")
    ("Through September, sales rose 5%.", [("September", "2024-09")]),
    ("Sales through September rose 5%.", [("September", "2024-09")]),
    ("Through Friday, the index rose 5%.", [("Friday", "2024-10-25")]),
    # negative: a told period that ends at the month ("this year through August")
    ("It followed little change in the fund's sales this year through August.",
     [("this year", "2024"), ("August", "2024-08")]),
    ("Output rose in the weeks through June.", [("weeks", "PXW"), ("June", "2024-06")]),
    # negative: a range of months told ("from April through June") keeps its year
    ("Sales from April through June rose 3%.", [("April", "2024-04"), ("June", "2024-06")]),
    # negative: a month of this year still ahead is read ahead as before
    ("The offer runs until December.", [("December", "2024-12")]),
]  # fmt: skip


@pytest.mark.parametrize("row", TABLE, ids=[row[0] for row in TABLE])
def test_through_deadlines(row):
    text, expected = row
    assert values(text) == expected
