"""Issue 24 part 3, round 2: the tense of a clause that is not the date's own ("who arrived
yesterday", "fighting broke out yesterday, and ...") does not decide which week a bare
weekday belongs to; the date's own clause does."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2024, 3, 6)  # a Wednesday


def found(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in annotate(text, PUB)]


ROWS = [
    # positive: an aside or a joined clause in the past, the date's clause a present schedule
    (
        "The minister, who arrived yesterday, meets the president on Friday.",
        [("yesterday", "2024-03-05"), ("Friday", "2024-03-08")],
    ),
    (
        "Fighting broke out yesterday, and the United Nations meets Thursday.",
        [("yesterday", "2024-03-05"), ("Thursday", "2024-03-07")],
    ),
    (
        "Talks collapsed on Monday, but the leaders meet again Friday.",
        [("Monday", "2024-03-04"), ("Friday", "2024-03-08")],
    ),
    # negative: the date's own clause is past, or the aside is not closed before it
    (
        "Fighting broke out yesterday, and the council met Monday.",
        [("yesterday", "2024-03-05"), ("Monday", "2024-03-04")],
    ),
    ("Prices rose sharply, and the bank raised rates on Tuesday.", [("Tuesday", "2024-03-05")]),
    (
        "The minister, who arrived yesterday, met the president on Monday.",
        [("yesterday", "2024-03-05"), ("Monday", "2024-03-04")],
    ),
    (
        "Officials said yesterday the talks would resume on Friday.",
        [("yesterday", "2024-03-05"), ("Friday", "2024-03-08")],
    ),
    (
        "The firm, and its bank, said on Tuesday that it would cut jobs.",
        [("Tuesday", "2024-03-05")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_clause_tense(text, expected):
    assert found(text) == expected


# "as soon as" / "as early as" before a date: the earliest time of a prospect, ahead
EARLIEST = [
    (
        "Investors were likely to buy the stock as soon as trading opened Monday.",
        [("Monday", "2024-03-11")],
    ),
    ("The group would leave as soon as Friday.", [("Friday", "2024-03-08")]),
    ("The vote could come as early as Tuesday.", [("Tuesday", "2024-03-12")]),
    # negative: no such phrase, or a clause of its own between
    ("Trading resumed on Monday.", [("Monday", "2024-03-04")]),
    ("She called him as soon as she landed. He left on Monday.", [("Monday", "2024-03-04")]),
]


@pytest.mark.parametrize(("text", "expected"), EARLIEST, ids=[r[0] for r in EARLIEST])
def test_earliest_time_is_ahead(text, expected):
    assert found(text) == expected
