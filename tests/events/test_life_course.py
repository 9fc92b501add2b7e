"""A stretch of a life or time spent, told with no date, is background, not a happening
(issue 26, precision): "grew up in Tarrow", "trained as an engineer", "taught at a school for
two decades", "had spent three years building the prototype". Dated, or with money spent, or
another sense of the verb ("profits grew"), it stays. Invented rows, positive and negative."""

import datetime as dt

import pytest

from service.events import extract

D = dt.date(2019, 6, 5)


def titles(text: str) -> list[str]:
    return [e.title.lower() for e in extract(text, D)]


@pytest.mark.parametrize(
    "text, word",
    [
        ("Mr Varga grew up on a farm outside Szolnok.", "grow"),
        ("Okonkwo trained as an engineer and worked for the railway.", "train"),
        ("She later taught chemistry at a school in Ghent for two decades.", "teach"),
        ("The inventor lived in Lisbon with his brother.", "live"),
        ("Halvorsen studied law at the University of Bergen.", "stud"),
        ("The startup said it had spent three years building the prototype.", "spend"),
        ("The crew will spend several months surveying the reef.", "spend"),
    ],
)
def test_an_undated_stretch_of_a_life_is_no_event(text, word):
    assert not any(word in t for t in titles(text)), titles(text)


@pytest.mark.parametrize(
    "text, word",
    [
        ("Mr Varga grew up on a farm and moved to Budapest in 1978.", "move"),
        ("She taught chemistry at a school in Ghent from 1961.", "teach"),
        ("The army trained 400 recruits in March.", "train"),
        ("Nordvik spent $2 billion on the acquisition on Monday.", "spend"),
        ("Quarterly profits grew 8 percent in the first quarter.", "grow"),
        ("Halvorsen joined the court in 2004.", "join"),
    ],
)
def test_a_dated_deed_or_another_sense_stays(text, word):
    assert any(word in t for t in titles(text)), titles(text)


@pytest.mark.parametrize(
    "text, word",
    [
        ("Mr Varga taught at a school in Eger until he retired.", "teach"),
        ("After the war, Mrs Lind studied medicine in Uppsala.", "stud"),
    ],
)
def test_a_stretch_the_text_places_in_time_stays(text, word):
    assert any(word in t for t in titles(text)), titles(text)
