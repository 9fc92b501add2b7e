"""Posts: a lower-case day name with no tense is a plan ahead ("party saturday"), unless its
sentence passes a verdict on the day with no plan or question in it ("what a game sunday!!",
"best night ever saturday", "thanks for a great night friday"): then the day just gone."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2024, 5, 15)  # a Wednesday


def values(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in annotate(text, PUB)]


TABLE = [
    # positive: a verdict on the day, looking back
    ("best night ever saturday \U0001f64c", [("saturday", "2024-05-11")]),
    ("what a game sunday!!", [("sunday", "2024-05-12")]),
    ("thanks for a great night friday x", [("friday", "2024-05-10")]),
    ("still recovering from saturday lol", [("saturday", "2024-05-11")]),
    # negative: a plan, a question, a wish, no verdict: ahead
    ("party saturday \U0001f389", [("saturday", "2024-05-18")]),
    ("what a week. cant wait for saturday!", [("week", "2024-W20"), ("saturday", "2024-05-18")]),
    ("best of luck for saturday", [("saturday", "2024-05-18")]),
    ("what a game sunday, who's coming next time?", [("sunday", "2024-05-19")]),
    ("monday blues", [("monday", "2024-05-20")]),
    # negative: a capitalised name follows its tense as before
    ("What a game Sunday!!", [("Sunday", "2024-05-12")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), TABLE)
def test_verdict_on_a_day(text, expected):
    assert values(text) == expected
