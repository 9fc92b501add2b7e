"""Actors kept whole and pronouns resolved to the salient person (issue actors2, wire2).

- A sentence's opening "He"/"She" is the subject of the sentence before when that one was a
  titled person too, not the last titled name ("Jane Hill met Governor Tom Ross. She said she
  would resign": Hill).
- A name the recogniser tags as an organisation, right after a noun for a person
  ("astronaut", "novelist", "defendant"), is that person, whom a later "he" stands for.
- An organisation's name the recogniser cut at "and"/"&"/"of" is one name again
  ("Harbor Savings and Loan Association", not "Harbor Savings and" and "Loan Association").

Invented rows."""

import datetime as dt

import pytest

from service.events import extract, nlp
from service.events.entities import Entities

from .helpers import actor_names

D = dt.date(1998, 4, 18)


def doers(text: str, verb: str) -> set[str]:
    return actor_names(text, verb, D)


def kinds(text: str) -> dict[str, str]:
    doc = nlp.parse(text)
    entities = Entities(text, doc)
    return {m.actor.name: m.actor.kind for s in doc.sents for m in entities.find(s)}


@pytest.mark.parametrize(
    "text, verb, who, not_who",
    [
        (
            "Jane Hill met Governor Tom Ross on Friday. She said on Monday that she will resign.",
            "resign",
            "Jane Hill",
            "Tom Ross",
        ),
        (
            "Senator Paul Hart met Ms. Ann Cole on Friday. He resigned on Monday.",
            "resign",
            "Paul Hart",
            "Ann Cole",
        ),
        (  # negative: a titled person who was the subject is still who "He" is
            "President Tom Ross met Jane Hill on Friday. He resigned on Monday.",
            "resign",
            "Tom Ross",
            "Jane Hill",
        ),
    ],
)
def test_an_opening_pronoun_is_the_subject_before(text, verb, who, not_who):
    found = doers(text, verb)
    assert who in found and not_who not in found, found


@pytest.mark.parametrize(
    "text, name, kind",
    [
        ("Retired astronaut Bertalan Farkas moved to Ohio in May.", "Bertalan Farkas", "person"),
        ("The defendant Ilse Varga denied the charges on Monday.", "Ilse Varga", "person"),
        # negatives: a company noun before the name, or a company's own words in it
        ("The airline Condora Air cut 300 jobs on Monday.", "Condora Air", "organisation"),
        (
            "Analyst Acme Capital Partners cut its forecast.",
            "Acme Capital Partners",
            "organisation",
        ),
    ],
)
def test_a_name_after_a_noun_for_a_person(text, name, kind):
    found = kinds(text)
    assert found.get(name) == kind, found


def test_a_pronoun_after_an_introduced_person():
    text = (
        "Tired of waiting, veteran cosmonaut Bertalan Farkas is moving to Canada to start"
        " a business, he said Saturday."
    )
    titles = [e.title for e in extract(text, D)]
    assert not any(t.startswith("He ") for t in titles), titles


@pytest.mark.parametrize(
    "text, whole, parts",
    [
        (
            "The potential Harbor Savings and Loan Association deal was ended on Monday.",
            "Harbor Savings and Loan Association",
            ("Loan Association",),
        ),
        (
            "Valley Federal Savings and Loan Association said on Monday it would cut 200 jobs.",
            "Valley Federal Savings and Loan Association",
            ("Loan Association",),
        ),
    ],
)
def test_a_name_cut_at_and_is_one_name(text, whole, parts):
    found = kinds(text)
    assert whole in found and not any(p in found for p in parts), found


def test_two_names_joined_by_and_stay_two():
    found = kinds("Acme Corp and Globex Inc agreed to merge on Monday.")
    assert "Acme Corp and Globex Inc" not in found, found


def actors_of(text: str, word: str) -> set[str]:
    found = [e for e in extract(text, D) if word in e.title.lower()]
    assert found, [e.title for e in extract(text, D)]
    return {a.name for a in found[0].actors}


@pytest.mark.parametrize(
    "text, word, countries, not_countries",
    [
        (  # a happening noun that befalls a place: the countries it is told in take part
            "A suspect was held on Friday over last year's bomb attacks in Peru and Bolivia.",
            "attack",
            {"Peru", "Bolivia"},
            set(),
        ),
        (
            "Rescuers were flown in on Monday after last month's deadly earthquake in Nepal.",
            "earthquake",
            {"Nepal"},
            set(),
        ),
        (  # negative: a country deeper in the phrase is no place the noun is told in
            "Police questioned him about the shooting at a Peruvian-owned hotel.",
            "shooting",
            set(),
            {"Peru"},
        ),
    ],
)
def test_a_happening_noun_befalls_the_country_it_is_told_in(text, word, countries, not_countries):
    found = actors_of(text, word)
    assert countries <= found and not (not_countries & found), found
