"""Happenings named by a noun and dated (issue 26, the fresh wire set): a killing told as a
noun ("the November 1995 assassination of Rabin", "the 2005 murder of his wife") is an event
of its date, and a dated happening that is the subject of a forecast ("the earthquake last
month will result in a charge") is told as a fact, the forecast is not. Invented rows,
positive and negative."""

import datetime as dt

import pytest

from service.events import extract, lexicon

D = dt.date(1998, 2, 27)


def events(text: str):
    return [(e.title.lower(), e.type, e.date.start, e.date.end) for e in extract(text, D)]


@pytest.mark.parametrize(
    "text, noun, start",
    [
        (
            "Ortiz, 31, is serving a life sentence for the November 1995 assassination of the"
            " mayor at a rally in Lyon.",
            "assassination",
            dt.date(1995, 11, 1),
        ),
        (
            "Hale is serving a sentence for the 1991 murder of his business partner.",
            "murder",
            dt.date(1991, 1, 1),
        ),
        (
            "Police have been searching for Dorn since the Oct. 23 slaying.",
            "slaying",
            dt.date(1997, 10, 23),
        ),
        (
            "The group was blamed for the 1994 kidnapping of two aid workers in Somalia.",
            "kidnapping",
            dt.date(1994, 1, 1),
        ),
        (
            "Relatives marked the anniversary of the 1992 massacre of villagers in Tulsa.",
            "massacre",
            dt.date(1992, 1, 1),
        ),
    ],
)
def test_a_dated_killing_told_as_a_noun_is_an_event(text, noun, start):
    told = lexicon.DEED_NOUNS.get(noun, (noun, noun))[1]  # "the mayor assassinated"
    found = [e for e in events(text) if noun in e[0] or told in e[0].split()]
    assert any(type_ == "conflict" and when == start for _, type_, when, _ in found), found


@pytest.mark.parametrize(
    "text, noun",
    [
        ("Police fear more killings in the coming weeks.", "killings"),
        ("The murder mystery opened on Broadway to good reviews.", "murder"),
        ("There was no kidnapping, police said.", "kidnapping"),
    ],
)
def test_an_undated_or_denied_killing_noun_is_no_dated_event(text, noun):
    assert all(noun not in title or start is None for title, _, start, _ in events(text))


@pytest.mark.parametrize(
    "text, noun, start",
    [
        (
            "Zenith Insurance estimated that the earthquake last month will result in a"
            " fourth-quarter charge of $10 million.",
            "earthquake",
            dt.date(1998, 1, 1),
        ),
        (
            "Analysts said last week's storm could cost insurers $2 billion.",
            "storm",
            dt.date(1998, 2, 16),
        ),
    ],
)
def test_the_dated_subject_of_a_forecast_is_told_as_a_fact(text, noun, start):
    found = [e for e in events(text) if noun in e[0]]
    assert found and found[0][2] == start, events(text)


@pytest.mark.parametrize(
    "text, noun",
    [
        ("The merger will close next month.", "merger"),  # a plan, not a happening gone by
        ("A storm next week could cost insurers $2 billion.", "storm"),
    ],
)
def test_the_subject_of_a_forecast_with_a_date_ahead_is_not_made_past(text, noun):
    for title, _, start, _ in events(text):
        if noun in title:
            assert start is None or start > D
