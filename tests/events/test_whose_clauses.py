"""A relative clause opened by "whose" that dates its own happening ("a trial whose results
were published last year") is an event told of its noun, headlined with the noun's
possessive ("the drug's trial results"); undated, it stays background (detection._verb,
phrases._words and _whose_antecedent). Invented rows."""

import datetime as dt

import pytest

from service.events import extract

D = dt.date(2024, 3, 28)


@pytest.mark.parametrize(
    "text, title, year",
    [
        ("The drug, whose trial results were published in a journal last year, was approved "
         "on Friday.", "Drug's trial results published in a journal", 2023),
        ("Officials visited the bridge, whose construction was completed in 2019.",
         "Bridge's construction completed", 2019),
        ("The singer, whose debut album was released in 1998, announced a tour on Monday.",
         "Singer's debut album released", 1998),
    ],
)  # fmt: skip
def test_a_dated_whose_clause_is_an_event(text, title, year):
    events = {e.title: e for e in extract(text, D)}
    assert title in events, list(events)
    assert events[title].date.start.year == year


@pytest.mark.parametrize(
    "text, word",
    [
        ("A man whose car was stolen called the police on Monday.", "car"),
        ("The company, whose shares have fallen, named a new chief on Monday.", "shares"),
    ],
)  # fmt: skip
def test_an_undated_whose_clause_is_background(text, word):
    titles = [e.title for e in extract(text, D)]
    assert not any(word in t.lower() for t in titles), titles
    assert not any(t.lower().startswith("whose") for t in titles), titles
