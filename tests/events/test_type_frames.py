"""Types from the predicate and its frame: meetings are meetings, a released statement is a
statement, protests that erupt are protests, an admission to hospital is no membership.
Invented rows, positive and negative."""

import datetime as dt

import pytest

from service.events import extract

D = dt.date(2024, 3, 28)


@pytest.mark.parametrize(
    "text, type_",
    [
        ("The ministry released a statement on Friday.", "statement"),
        ("The agency published a report on Friday.", "statement"),
        ("A Barnet man was admitted to the Royal Free Hospital on Wednesday.", "other"),
        ("Iran was admitted to the SCO on Tuesday.", "membership"),
        ("The company admitted on Monday that it had misled investors.", "statement"),
        ("Protests erupted in Paris on Monday.", "protest"),
        ("Clashes between Israel and Hamas erupted on Monday.", "conflict"),
        ("The volcano erupted on Monday.", "disaster"),
        ("Leaders of the G20 gathered in Rome on Saturday.", "meeting"),
        ("Biden talked with Xi on Tuesday.", "meeting"),
        ("Macron attended the summit in Brussels on Thursday.", "meeting"),
        ("Apple launched a new phone on Tuesday.", "launch"),
    ],
)
def test_type_from_the_frame(text, type_):
    events = extract(text, D)
    assert [e.type for e in events] == [type_], [(e.type, e.title) for e in events]


def test_a_released_statement_is_one_event():
    events = extract("The ministry released a statement on Friday.", D)
    assert len(events) == 1
