"""Which predicate an expression dates (anchors.py): a date two phrases down under nouns
that name no happening is that thing's, not the clause's; one level down it stays the
clause's (the parse often hangs "in June" on the nearest noun). Invented rows."""

import datetime as dt

import pytest

from service.events import extract

D = dt.date(2024, 3, 28)


def _dated(text: str, word: str):
    events = extract(text, D)
    found = [e for e in events if any(word in text[m.start : m.end] for m in e.mentions)]
    assert found, [e.title for e in events]
    return found[0].date


@pytest.mark.parametrize(
    "text, word",
    [
        (
            "The archdiocese has proposed an airlift of children, in an echo of the exodus "
            "from Cuba in the early 1960s of some 14,000 youngsters.",
            "proposed",
        ),
        ("Lowe, a member of the 1953 Everest team, has died.", "died"),
    ],
)
def test_a_thing_s_date_does_not_date_the_clause(text, word):
    date = _dated(text, word)
    assert date.start is None or date.start.year >= 2024, date


@pytest.mark.parametrize(
    "text, word, start",
    [
        ("The singer suffered a cardiac arrest at his home in June 2023.", "suffered", "2023-06"),
        ("The minister arrived in Beijing on Tuesday for a visit.", "arrived", "2024-03-26"),
        ("Police arrested a man at the airport on Sunday.", "arrested", "2024-03-24"),
    ],
)
def test_the_clause_s_date_stays(text, word, start):
    date = _dated(text, word)
    assert date.start is not None and date.start.isoformat().startswith(start), date


@pytest.mark.parametrize(
    "text, word, value",
    [
        # a day ahead said of a plan verb dates what is planned
        ("On Tuesday, the Lindqvist Foundation plans to hold a news conference in Oslo.", "hold",
         "2024-04-02"),
        ("Next month, Norsk plans to sell its stake in Halden to a fund.", "sell", "2024-04-01"),
        # a past day stays the agreement's
        ("Halden agreed on Monday to sell its stake to Norsk.", "agreed", "2024-03-25"),
    ],
)  # fmt: skip
def test_a_day_ahead_of_a_plan_verb_dates_the_plan(text, word, value):
    date = _dated(text, word)
    assert date.start is not None and date.start.isoformat() == value, date


def test_a_day_ahead_of_an_expectation_is_no_plan_s_day():
    text = "Next month, the Bank of England is expected to raise its rates again."
    events = extract(text, D)
    assert not [e for e in events if e.date.start and e.date.start.month == 4], events


@pytest.mark.parametrize(
    "text, word, value",
    [
        # "aged 89" is an age: the date after it is the happening's
        ("The court heard the claim over George Lowe's death aged 89 in May 2023.", "death",
         "2023-05"),
        ("George Lowe died aged 89 in May 2023.", "died", "2023-05"),
    ],
)  # fmt: skip
def test_an_age_does_not_take_the_date(text, word, value):
    date = _dated(text, word)
    assert date.value == value, date


@pytest.mark.parametrize(
    "text, word, value",
    [
        # a past day said of the infinitive of a past verb is that verb's
        ("The auditor refused to sign off on the Halden accounts last week.", "refused",
         "2024-W12"),
        ("Halden agreed to sell its stake in Norsk last month.", "agreed", "2024-02"),
        ("The missing boy was found clinging to a raft off Crete last week.", "found", "2024-W12"),
    ],
)  # fmt: skip
def test_a_past_day_of_an_infinitive_dates_the_past_verb(text, word, value):
    date = _dated(text, word)
    assert date.value == value, date


def test_a_day_ahead_of_an_infinitive_does_not_date_the_past_verb():
    date = _dated("Halden agreed to sell its stake in Norsk next week.", "agreed")
    assert date.start is None or date.start <= D, date
