"""A two-word name the recogniser calls a person is a place when the article puts something
at it, as it is when it puts something in or near it ("gathered at Angkor Wat"); not after a
word that aims at someone ("shouted at John Smith", "lashed out at") and not before a
possessive ("at John Smith's funeral"). Invented rows, positive and negative."""

import datetime as dt

import pytest

from service.events import extract

D = dt.date(2024, 3, 5)


def actor_keys(text: str) -> set[str]:
    return {a.key for e in extract(text, D) for a in e.actors}


@pytest.mark.parametrize(
    "text, person",
    [
        ("Tourists visited Angkor Wat on Monday. Crowds gathered at Angkor Wat.",
         "person:angkor-wat"),
        ("Troops attacked Khan Yunis on Monday. Shelters at Khan Yunis filled up.",
         "person:khan-yunis"),
    ],
)  # fmt: skip
def test_at_a_name_says_a_place(text, person):
    assert person not in actor_keys(text)


@pytest.mark.parametrize(
    "text, person",
    [
        ("Police shouted at John Smith on Monday.", "person:john-smith"),
        ("Critics lashed out at John Smith on Monday.", "person:john-smith"),
        ("Mourners gathered at John Smith's funeral on Monday.", "person:john-smith"),
    ],
)
def test_at_after_an_aiming_word_or_before_a_possessive_leaves_a_person(text, person):
    assert person in actor_keys(text)
