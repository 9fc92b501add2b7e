"""An infinitival relative on a noun ranked by a superlative tells a record, not a happening
(issue 26, precision): "the highest number of cases to be recorded in a single day", "the
biggest fine to be imposed by the watchdog since 2012". The happening that set the record,
told by its own verb, stays; an infinitive on a noun with no superlative stays too. Invented."""

import datetime as dt

import pytest

from service.events import extract

D = dt.date(2020, 11, 19)


def titles(text: str) -> list[str]:
    return [e.title.lower() for e in extract(text, D)]


@pytest.mark.parametrize(
    "text, word",
    [
        ("That is the highest number of infections to be recorded in a single day since March.",
         "record"),
        ("It is the biggest fine to be imposed by the watchdog since 2012.", "impos"),
    ],
)  # fmt: skip
def test_a_record_is_no_happening(text, word):
    assert not any(word in t for t in titles(text)), titles(text)


@pytest.mark.parametrize(
    "text, word",
    [
        ("The watchdog fined Velta 3 million pounds on Monday, the biggest fine to be imposed"
         " since 2012.", "fine"),
        ("She became the first woman to be elected mayor of Tarrow on Sunday.", "elect"),
    ],
)  # fmt: skip
def test_the_happening_or_an_unranked_infinitive_stays(text, word):
    assert any(word in t for t in titles(text)), titles(text)
