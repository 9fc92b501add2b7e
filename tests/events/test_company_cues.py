"""A two-word name the recogniser calls a person is a company when the article says "its"
of it: the subject of a verb whose object is "its" something, with nothing between that the
"its" could belong to ("Siemens Gamesa cut its forecast"). A person's is "his" or "her", and
"its" after another noun is that noun's ("criticised the bank for its lending"). Invented
rows, positive and negative."""

import datetime as dt

import pytest

from service.events import extract

D = dt.date(2024, 3, 5)


def actor_keys(text: str) -> set[str]:
    return {a.key for e in extract(text, D) for a in e.actors}


@pytest.mark.parametrize(
    "text, key",
    [
        ("Siemens Gamesa cut its profit forecast on Monday.", "org:siemens-gamesa"),
        ("Siemens Gamesa closed two of its plants on Monday.", "org:siemens-gamesa"),
        ("Siemens Gamesa cut 4,000 jobs at its plants on Monday.", "org:siemens-gamesa"),
        ("Kestrel Varga on Monday cut its forecast for the year.", "org:kestrel-varga"),
    ],
)
def test_its_says_a_company(text, key):
    keys = actor_keys(text)
    assert key in keys and key.replace("org:", "person:") not in keys


@pytest.mark.parametrize(
    "text, key",
    [
        ("John Smith cut his salary on Monday.", "person:john-smith"),
        ("John Smith praised the company and its workers on Monday.", "person:john-smith"),
        ("John Smith criticised the bank for its lending on Monday.", "person:john-smith"),
        ("Maria Lopez sued the company over its pension plan on Monday.", "person:maria-lopez"),
    ],
)
def test_its_of_another_thing_leaves_a_person(text, key):
    assert key in actor_keys(text)
