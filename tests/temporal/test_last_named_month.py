"""'last' + the name of the month just over is that month a year back: a writer telling the
month that just ended says 'last month' ('73 soldiers died when two helicopters crashed last
February', published 1 March: February of last year, was this year's). 'this past February',
'the past February', an older month, and December told in January stay as before."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate


def values(text: str, pub: dt.date) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in annotate(text, pub, document_type="news")]


MAR = dt.date(2011, 3, 2)
JUL = dt.date(2019, 7, 20)
JAN = dt.date(2015, 1, 8)

TABLE = [
    # positive: the month just over, named with 'last'
    ("Eleven miners died when the shaft flooded last February.", MAR,
     [("last February", "2010-02")]),
    ("The union last June rejected the offer.", JUL, [("last June", "2018-06")]),
    # negative: 'this past' / 'past' name the month just over
    ("Exports rose this past February.", MAR, [("this past February", "2011-02")]),
    ("Sales fell in the past June, the company said.", JUL, [("the past June", "2019-06")]),
    # negative: an older month, the month of publication, December in January
    ("The plant closed last January.", MAR, [("last January", "2011-01")]),
    ("The plant closed last March.", MAR, [("last March", "2010-03")]),
    ("The bridge reopened last December.", JAN, [("last December", "2014-12")]),
    # negative: 'last month' is the month just over
    ("The plant closed last month.", MAR, [("last month", "2011-02")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "pub", "expected"), TABLE)
def test_last_named_month(text, pub, expected):
    assert values(text, pub) == expected
