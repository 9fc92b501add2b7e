"""Narrative history: a capitalised count of time inside a name is no expression ("the Seven
Years' War", "the Six-Day War": TIDES and TimeML leave proper names untagged), and a year
after an en or em dash that closes a range of years is a year ("(1337\u20131453)")."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2023, 12, 20)
TAIL = ", as the chroniclers of both kingdoms recorded at length in their annals."


def values(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in annotate(text, PUB, "narrative")]


# (text, expected (span, value) pairs); a long tail keeps the line from reading as a headline
TABLE = [
    # negative: names
    ("The Seven Years' War began in 1756" + TAIL, [("1756", "1756")]),
    ("The Thirty Years War devastated central Europe" + TAIL, []),
    ("The Six-Day War of 1967 changed the map" + TAIL, [("1967", "1967")]),
    ("the Hundred Days Offensive began in August 1918" + TAIL, [("August 1918", "1918-08")]),
    # positive: the same counts in lower case are lengths of time
    ("The war lasted seven years" + TAIL, [("seven years", "P7Y")]),
    ("The siege lasted six days" + TAIL, [("six days", "P6D")]),
    # positive: both ends of a range of years written with an en or em dash
    ("The long war between the kingdoms (1337\u20131453) ended at Castillon" + TAIL,
     [("1337", "1337"), ("1453", "1453")]),
    ("The long war between the kingdoms (1337\u20141453) ended at Castillon" + TAIL,
     [("1337", "1337"), ("1453", "1453")]),
    # negative: a dash between words, not a range: the number stays a quantity
    ("The road is 1453 metres long \u2013 1200 of them paved" + TAIL, []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), TABLE)
def test_history_names(text, expected):
    assert values(text) == expected
