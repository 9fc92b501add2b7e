"""A light verb with an object made from a verb and a date of its own ("made the first winter
crossing of the ice cap in 1958") tells that happening, though the noun names no type
(detection._dated_nominal, lexicon "nominal_endings"). Invented rows."""

import datetime as dt

import pytest

from service.events import extract

D = dt.date(2024, 3, 28)


@pytest.mark.parametrize(
    "text, word, start",
    [
        ("She was a member of the team that made the first crossing of the desert in 1961.",
         "crossing", "1961-01-01"),
        ("The actor made a surprise appearance at the festival on Monday.", "appearance",
         "2024-03-25"),
        ("The pilot made an emergency landing in Lyon on Sunday.", "landing", "2024-03-24"),
    ],
)  # fmt: skip
def test_a_dated_nominal_is_a_happening(text, word, start):
    found = [e for e in extract(text, D) if word in e.title.lower()]
    assert found, [e.title for e in extract(text, D)]
    assert str(found[0].date.start) == start, found[0].date


@pytest.mark.parametrize(
    "text, word",
    [
        ("The new coach made a difference last season.", "difference"),  # not made from a verb
        ("The team made the first crossing of the desert.", "crossing"),  # undated: a phrase
        ("The firm made a fortune in 1990.", "fortune"),
    ],
)  # fmt: skip
def test_other_objects_are_not(text, word):
    titles = [e.title for e in extract(text, D)]
    assert not any(word in t.lower() for t in titles), titles
