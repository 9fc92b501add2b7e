"""Posts: a short day name that is no English word ("mon", "tue", "thu") closing its phrase is
that day ahead with no preposition before it ("back to work mon"); "sat", "sun", "wed" still
need one, "c'mon" is no day, and a long text keeps none."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2024, 10, 5)  # a Saturday


# (text, expected (span, value) pairs)
TABLE = [
    ("back to work mon \U0001f629", [("mon", "2024-10-07")]),
    ("see u thu!", [("thu", "2024-10-10")]),
    ("the meeting is tue.", [("tue", "2024-10-08")]),
    ("open till sat!", [("sat", "2024-10-05")]),
    # negative: English words, slang, a word after the name, a long text
    ("we sat down and ate", []),
    ("wed at last, after all this", []),
    ("c'mon guys", []),
    ("mon ami est ici", []),
    ("The cafe serves a dish called ful medames and a mint tea on weekday mornings. " * 9
     + "Back to work mon.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), TABLE)
def test_post_short_days(text, expected):
    assert [(t.text, t.value) for t in annotate(text, PUB)] == expected
