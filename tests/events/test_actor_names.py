"""Actors that are real names: no capitalised common word or heading as an organisation, a
place the text puts things in is no person, one id per organisation across its short names
and a country's abbreviation. Invented rows, positive and negative."""

import datetime as dt

import pytest

from service.events import extract

D = dt.date(2024, 3, 28)


def actor_keys(text: str) -> set[str]:
    return {a.key for e in extract(text, D) for a in e.actors}


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Heads of State attended the summit on Monday.", "org:state"),
        ("The Summit adopted a declaration on Investment on Monday.", "org:summit"),
        ("The Summit adopted a declaration on Investment on Monday.", "org:investment"),
        (
            "Israeli strikes hit Khan Yunis on Monday. Residents in Khan Yunis fled on Tuesday.",
            "person:khan-yunis",
        ),
        ("Police near Angkor Wat arrested two men on Tuesday.", "person:angkor-wat"),
    ],
)
def test_no_common_word_or_place_as_a_participant(text, absent):
    assert absent not in actor_keys(text)


@pytest.mark.parametrize(
    "text, present",
    [
        ("The Fed raised rates on Wednesday.", "org:FED"),
        ("The Federal Reserve raised rates on Wednesday.", "org:FED"),
        ("ROK officials met on Monday.", "country:KOR"),
        (
            "The Department of Health (DH) confirmed two more cases on Monday.",
            "org:department-of-health",
        ),
        ("DPRK troops fired missiles on Monday.", "country:PRK"),
        ("Siemens Gamesa said on Friday it had cut 4,000 jobs.", "org:siemens-gamesa"),
        ("Geert Wilders won the election on Wednesday.", "person:geert-wilders"),
    ],
)
def test_real_names_stay_with_one_id(text, present):
    assert present in actor_keys(text)
