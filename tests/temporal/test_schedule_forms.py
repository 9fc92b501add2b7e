"""Issue 24, schedules (part 3): more present and perfect forms that put a weekday ahead -
"has been set for", "reconvenes on", "flies to ... on", "apply from", "is Friday", "is likely on"
- and the forms that keep it behind."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2024, 3, 6)  # a Wednesday


def values(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in annotate(text, PUB)]


# (text, expected (span, value) pairs); published Wednesday 2024-03-06
TABLE = [
    ("The hearing has been set for Monday.", [("Monday", "2024-03-11")]),
    ("Parliament reconvenes on Monday after the recess.", [("Monday", "2024-03-11")]),
    ("The squad flies to Lisbon on Thursday.", [("Thursday", "2024-03-07")]),
    ("The new fares apply from Monday.", [("Monday", "2024-03-11")]),
    ("The funeral is Friday.", [("Friday", "2024-03-08")]),
    ("Heavy snow is likely on Thursday in the hills.", [("Thursday", "2024-03-07")]),
    ("A recount is possible on Tuesday.", [("Tuesday", "2024-03-12")]),
    # a month and day, or a month, in a present schedule: ahead
    ("The festival runs July 22-25.", [("July 22", "2024-07-22"), ("25", "2024-07-25")]),
    ("The trial opens on Jan. 8.", [("Jan. 8", "2025-01-08")]),
    ("The festival opens in July.", [("July", "2024-07")]),
    # negative: the same dates told in the past
    ("The festival ran July 22-25.", [("July 22", "2023-07-22"), ("25", "2023-07-25")]),
    ("The trial opened on Jan. 8.", [("Jan. 8", "2024-01-08")]),
    ("The festival opened in July.", [("July", "2023-07")]),
    # negative: past forms keep the day behind
    ("The hearing was set for Monday but did not take place.", [("Monday", "2024-03-04")]),
    ("The squad flew to Lisbon on Thursday.", [("Thursday", "2024-02-29")]),
    ("The deal has been set aside since Monday.", [("Monday", "2024-03-04")]),
    ("The funeral was Friday.", [("Friday", "2024-03-01")]),
    ("Snow was likely on Thursday but never fell.", [("Thursday", "2024-02-29")]),
]


@pytest.mark.parametrize(("text", "expected"), TABLE)
def test_schedule_forms(text, expected):
    assert values(text) == expected
