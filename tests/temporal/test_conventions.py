"""Issue 24 part 3: TIMEX3 conventions checked against the TimeML guidelines and the
development corpus (extent of decades, newspapers named "daily", days something is done
"ahead of"). Invented rows, positive and negative."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2024, 3, 6)  # a Wednesday


def values(text: str, published: dt.date = PUB) -> list[tuple[str, str]]:
    out = []
    for t in annotate(text, published):
        assert text[t.start : t.end] == t.text
        out.append((t.text, t.value))
    return out


# Decades keep their determiner, as centuries do: "[the 1990s]", "[the mid-1960s]".
DECADES = [
    ("Prices fell in the 1990s.", [("the 1990s", "199")]),
    ("It was built in the mid-1960s.", [("the mid-1960s", "196")]),
    ("Fashion of the late '70s returned.", [("the late '70s", "197")]),
    ("Growth slowed during the eighties.", [("the eighties", "198")]),
    ("It was the worst war of the 20th century.", [("the 20th century", "19")]),
    # negative: no determiner, none added; no decade in a temperature
    ("1990s music is back.", [("1990s", "199")]),
    ("Early 1980s cars rusted.", [("Early 1980s", "198")]),
    ("Highs in the 70s are expected.", []),
]


@pytest.mark.parametrize(("text", "expected"), DECADES, ids=[r[0][:40] for r in DECADES])
def test_decade_extent(text: str, expected: list) -> None:
    assert values(text) == expected


# A newspaper named "daily" is no set of days.
DAILY = [
    ("Officials told the state-run China Daily that exports rose.", []),
    ("A report in the Daily Mail said the talks failed.", []),
    ("The daily said the minister would resign.", []),
    ("The daily newspaper quoted a senior official.", []),
    ("A weekly newspaper in the town closed.", []),
    # negative: the adverb and the adjective are sets
    ("He takes two pills daily.", [("daily", "P1D")]),
    ("Flights leave daily from Paris.", [("daily", "P1D")]),
    ("Daily life in the city is hard.", [("Daily", "P1D")]),
    ("The magazine is published weekly.", [("weekly", "P1W")]),
]


@pytest.mark.parametrize(("text", "expected"), DAILY, ids=[r[0][:40] for r in DAILY])
def test_daily_newspaper(text: str, expected: list) -> None:
    assert values(text) == expected


# What is done "ahead of" a day comes before it: the day has not come yet.
AHEAD_OF = [
    ("Shares fell ahead of Friday's jobs report.", [("Friday", "2024-03-08")]),
    ("Investors were cautious ahead of Thursday's vote.", [("Thursday", "2024-03-07")]),
    ("Police were deployed in the run-up to Sunday's election.", [("Sunday", "2024-03-10")]),
    ("Troops massed in advance of Monday's talks.", [("Monday", "2024-03-11")]),
    ("The ruling came ahead of Wednesday's deadline.", [("Wednesday", "2024-03-06")]),
    # negative: a possessive weekday without "ahead of" already happened
    ("Shares fell after Friday's jobs report.", [("Friday", "2024-03-01")]),
    ("Tuesday's vote was close.", [("Tuesday", "2024-03-05")]),
]


@pytest.mark.parametrize(("text", "expected"), AHEAD_OF, ids=[r[0][:40] for r in AHEAD_OF])
def test_ahead_of_weekday(text: str, expected: list) -> None:
    assert values(text) == expected
