"""actor= and /actors?q= find an actor by any name an article gave it (issue 12)."""

from __future__ import annotations

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
