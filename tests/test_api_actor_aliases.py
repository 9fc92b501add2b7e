"""actor= and /actors?q= find an actor by any name an article gave it (issue 12)."""

from __future__ import annotations

import dataclasses

import pytest

TEXT = (
    "The Securities and Exchange Commission (SEC) sued Binance on Monday. "
    "President Recep Tayyip Erdoğan met Finance Minister Mehmet Simsek in Ankara on Tuesday. "
    "Erdoğan said inflation would fall. "
    "The Federal Reserve raised interest rates on Wednesday."
)


@pytest.fixture
def stored(client):
    body = {"text": TEXT, "published_at": "2024-03-08", "title": "Aliases"}
    response = client.post("/api/v1/articles", json=body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def titles(client, query: str) -> list[str]:
    response = client.get(f"/api/v1/events?{query}")
    assert response.status_code == 200, response.get_json()
    return [e["title"] for e in response.get_json()["data"]]


@pytest.mark.parametrize(
    ("term", "words"),
    [
        ("SEC", "sues Binance"),  # the acronym in brackets
        ("sec", "sues Binance"),  # any case
        ("Securities and Exchange Commission", "sues Binance"),
        ("Erdogan", "meets"),  # a surname, without its accent
        ("recep tayyip erdoğan", "meets"),
        ("Federal Reserve", "raises interest rates"),
        ("Fed", "raises interest rates"),  # the gazetteer's short name
    ],
)
def test_an_actor_is_found_by_any_of_its_names(client, stored, term, words):
    found = titles(client, f"actor={term}")
    assert found and all(words in t or "Erdoğan" in t or "says" in t for t in found), found
    assert any(words in t for t in found), found


def test_actors_search_by_alias(client, stored):
    found = client.get("/api/v1/actors?q=sec").get_json()["data"]
    assert "org:securities-and-exchange-commission" in [a["id"] for a in found]
    erdogan = client.get("/api/v1/actors?q=erdogan").get_json()["data"]
    assert [a["id"] for a in erdogan] == ["person:recep-tayyip-erdogan"]


def test_an_unknown_name_is_still_a_422_with_a_hint(client, stored):
    response = client.get("/api/v1/events?actor=Nobody%20Known")
    assert response.status_code == 422
    assert "/actors?q=" in response.get_json()["detail"]


def test_either_apostrophe_finds_the_name(client):
    body = {
        "text": "Conan O’Brien met Sam Altman in Boston on Monday.",
        "published_at": "2024-03-08",
    }
    assert client.post("/api/v1/articles", json=body).status_code == 201
    for term in ("Conan O'Brien", "conan o’brien"):
        found = client.get(f"/api/v1/events?actor={term}")
        assert found.status_code == 200, found.get_json()
        assert found.get_json()["data"], term


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("Michael Jackson", "mj"),
        ("Recep Tayyip Erdoğan", "rte"),  # accents folded
        ("Jean-Max Bellerive", "jmb"),  # a hyphenated name's parts
        ("Conan O'Brien", "co"),
        ("Madonna", None),  # one word
        ("Prince Michael Joseph Jackson Junior", None),  # more than four
        ("Louis 14 Bourbon", None),  # a word not opening with a letter
        ("", None),
    ],
)
def test_a_persons_initials(name, initials):
    from service.text import initials as of

    assert of(name) == initials


JACKSON = (
    "Michael Jackson's doctor Conrad Murray was charged with involuntary manslaughter on "
    "Monday. Fans of Michael Jackson gathered outside the court in Los Angeles on Tuesday."
)


@pytest.fixture
def jackson(client):
    body = {"text": JACKSON, "published_at": "2010-02-10", "title": "Initials"}
    response = client.post("/api/v1/articles", json=body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def test_q_in_capitals_finds_an_actor_named_in_full(client, jackson):
    """q=MJ finds the events that say "Michael Jackson" (his initials are an alias kept with
    his events), on /events and in the digest; in lower case or as a prefix it is a word."""
    named = titles(client, "q=Michael%20Jackson")
    assert named
    assert titles(client, "q=MJ") == named
    assert titles(client, "q=MJ%20Los%20Angeles") == titles(
        client, "q=Michael%20Jackson%20Los%20Angeles"
    )
    assert titles(client, "q=mj") == [] and titles(client, "q=MJ*") == []
    digest = client.get("/api/v1/digest?q=MJ").get_json()["dates"]
    assert [d["date"] for d in digest] == [
        d["date"] for d in client.get("/api/v1/digest?q=Michael%20Jackson").get_json()["dates"]
    ]
    assert digest
    assert "person:michael-jackson" in [
        a["id"] for a in client.get("/api/v1/actors?q=mj").get_json()["data"]
    ]


@pytest.mark.parametrize(
    ("q", "widened"),
    [
        ("MJ", "MJ OR Michael Jackson"),
        ("MJ trial", "MJ trial OR Michael Jackson trial"),
        ("trial OR MJ", "trial OR MJ OR Michael Jackson"),
        ("mj", "mj"),  # lower case: a word
        ("MJ*", "MJ*"),  # a prefix
        ("SEC", "SEC OR Securities and Exchange Commission"),  # a body's acronym
        ("US", "US OR United States"),  # a country's, not Ursula Smith's initials
        ("XYZ", "XYZ"),  # no actor known by it
        ("Fed", "Fed"),  # not in capitals
    ],
)
def test_the_words_q_is_widened_with(app, q, widened):
    from service.events.model import Actor
    from service.read.queries import widened as widen

    from .test_digest import event, store

    people = [
        ("person:michael-jackson", "Michael Jackson"),
        ("person:ursula-smith", "Ursula Smith"),
    ]
    bodies = [
        ("org:securities-and-exchange-commission", "Securities and Exchange Commission"),
        ("country:USA", "United States"),
    ]
    with app.app_context():
        for key, name in people + bodies:
            kind = {"person": "person", "country": "country"}.get(key.split(":")[0], "organisation")
            aliases = ("sec",) if key.startswith("org:sec") else ("us",) if "USA" in key else ()
            told = event("2024-05-10", f"{name} spoke")
            actor = Actor(key=key, name=name, kind=kind, aliases=aliases)
            store([dataclasses.replace(told, actors=(actor,))], name)
        assert widen(q) == widened
