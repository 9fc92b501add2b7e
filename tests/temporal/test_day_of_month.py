"""'On the 15th' with no month told: a post's run-on words or an emoji after it still close
the date ("on the 30th dont forget"), and a present schedule points ahead ("the sale ends on
the 15th"), as a weekday or a month-day already does; a noun after it is a rank or a floor."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2023, 12, 20)


# (text, expected (span, value) pairs)
TABLE = [
    # positive: run-on words or an emoji after the day in a post
    ("clocks go forward on the 30th dont forget", [("the 30th", "2023-12-30")]),
    ("rent due on the 1st \U0001f629", [("the 1st", "2024-01-01")]),
    ("bake sale on the 28th so bring cakes", [("the 28th", "2023-12-28")]),
    # positive: a present schedule points ahead; a past or future clause as before
    ("The sale ends on the 15th.", [("the 15th", "2024-01-15")]),
    ("The festival opens on the 3rd.", [("the 3rd", "2024-01-03")]),
    ("The sale ended on the 15th.", [("the 15th", "2023-12-15")]),
    ("The sale will end on the 15th.", [("the 15th", "2024-01-15")]),
    # negative: a noun after the ordinal makes it a rank, a floor, a hole
    ("They live on the 30th floor of the tower.", []),
    ("He finished on the 30th hole.", []),
    ("on the 12th-floor balcony", []),
    ("He came in on the 3rd lap.", []),
]


@pytest.mark.parametrize(("text", "expected"), TABLE)
def test_day_of_month(text, expected):
    assert [(t.text, t.value) for t in annotate(text, PUB)] == expected
