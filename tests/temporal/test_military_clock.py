"""Issue 24 part 3, round 2: "0800 hours" is a clock time (T08:00), not a duration of 800
hours; a count of hours that is no clock stays a duration."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2024, 3, 6)  # a Wednesday


def found(text: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in annotate(text, PUB)]


ROWS = [
    # positive: four digits read as a clock, with their word
    ("The troops moved in at 0800 hours.", [("0800 hours", "TIME", "2024-03-06T08:00")]),
    ("The troops moved in at 08:00 hours.", [("08:00 hours", "TIME", "2024-03-06T08:00")]),
    ("At 1430 hours the ship sank.", [("1430 hours", "TIME", "2024-03-06T14:30")]),
    ("0600 hours: the guns fell silent.", [("0600 hours", "TIME", "2024-03-06T06:00")]),
    ("The curfew runs until 2200 hrs.", [("2200 hrs", "TIME", "2024-03-06T22:00")]),
    (
        "The curfew starts at 2200 hours on Friday.",
        [("2200 hours on Friday", "TIME", "2024-03-08T22:00")],
    ),
    # negative: counts of hours stay durations
    ("Volunteers worked 1500 hours in all.", [("1500 hours", "DURATION", "PT1500H")]),
    ("It took 48 hours.", [("48 hours", "DURATION", "PT48H")]),
    ("Talks ran for 10 hours.", [("10 hours", "DURATION", "PT10H")]),
    ("They logged 2000 hours of overtime.", [("2000 hours", "DURATION", "PT2000H")]),
    ("It began at 1400 GMT.", [("1400 GMT", "TIME", "2024-03-06T14:00Z")]),
]


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_military_clock(text, expected):
    assert found(text) == expected
