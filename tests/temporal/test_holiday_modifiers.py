"""Issue 24: a holiday's name that modifies a noun ("Christmas shopping", "Thanksgiving
dinner", "Easter holidays") is the feast nearest the text, whatever the tense of the clause:
"xmas shopping done already" in late November is this year's, "Christmas sales rose" in
January last year's. A holiday standing alone keeps its reading by tense, and "last" / "next"
before it decide."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

NOV = dt.date(2024, 11, 28)  # a Thursday, Thanksgiving
JAN = dt.date(2025, 1, 6)


def values(text: str, published: dt.date) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in annotate(text, published)]


# (text, published, expected (span, value) pairs)
TABLE = [
    ("xmas shopping done already, who am i", NOV, [("xmas", "2024-12-25")]),
    ("Christmas party was a blast", NOV, [("Christmas", "2024-12-25")]),
    ("Christmas sales rose 5%.", JAN, [("Christmas", "2024-12-25")]),
    ("The Christmas decorations came down today.", JAN,
     [("Christmas", "2024-12-25"), ("today", "2025-01-06")]),
    ("xmas shopping done already", JAN, [("xmas", "2024-12-25")]),
    ("Easter holidays start soon.", JAN, [("Easter", "2025-04-20")]),
    # negative: the name alone reads by tense; "last" / "next" decide
    ("We had a lovely Christmas.", NOV, [("Christmas", "2023-12-25")]),
    ("We will spend Christmas in Rome.", JAN, [("Christmas", "2025-12-25")]),
    ("Last Christmas party was fun", NOV, [("Last Christmas", "2023-12-25")]),
]  # fmt: skip


@pytest.mark.parametrize("row", TABLE, ids=[row[0] for row in TABLE])
def test_holiday_modifiers(row):
    text, published, expected = row
    assert values(text, published) == expected
