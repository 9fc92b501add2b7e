"""GET /actors, and one event per happening across outlets."""

from __future__ import annotations

import json

from .conftest import FIXTURES


def test_actors_have_stable_ids_and_counts(client, seeded):
    body = client.get("/api/v1/actors?limit=500").get_json()
    actors = {a["id"]: a for a in body["data"]}
    assert {"country:CHN", "country:RUS", "org:SCO", "person:xi-jinping"} <= set(actors)
    expected = sum(any(a["id"] == "country:CHN" for a in e["actors"]) for e in seeded["events"])
    assert actors["country:CHN"]["event_count"] == expected
    assert actors["person:xi-jinping"]["kind"] == "person"
    ids = [a["id"] for a in body["data"]]
    assert ids == sorted(ids)


def test_actor_filters_and_paging(client, seeded):
    people = client.get("/api/v1/actors?kind=person").get_json()["data"]
    assert people and all(a["kind"] == "person" for a in people)
    assert [a["id"] for a in client.get("/api/v1/actors?q=XI").get_json()["data"]] == [
        "person:xi-jinping"
    ]
    seen, url = [], "/api/v1/actors?limit=2"
    while url:
        page = client.get(url).get_json()
        seen += [a["id"] for a in page["data"]]
        url = page["next"]
    assert seen == [a["id"] for a in client.get("/api/v1/actors?limit=500").get_json()["data"]]


def test_two_outlets_one_xi_meeting_with_two_sources(client):
    scenario = json.loads((FIXTURES / "articles" / "same-visit-two-outlets.json").read_text())
    ids = []
    for item in scenario:
        body = dict(item)
        body["text"] = (FIXTURES / "articles" / body.pop("text_file")).resolve().read_text()
        ids.append(client.post("/api/v1/articles", json=body).get_json()["id"])
    meetings = client.get("/api/v1/events?actor=person:xi-jinping&type=meeting").get_json()["data"]
    assert len(meetings) == 1
    sources = {m["article_id"] for m in meetings[0]["mentions"]}
    assert sources == set(ids)


def test_same_countries_on_another_day_are_another_happening(client, seeded):
    body = {
        "text": "Chinese and Russian officials signed a grain export agreement in Moscow on "
        "Thursday, the ministry said.",
        "published_at": "2023-12-22",
    }
    new = client.post("/api/v1/articles", json=body).get_json()
    assert new["events"], "the agreement is an event"
    old_ids = {e["id"] for e in seeded["events"]}
    assert {e["id"] for e in new["events"]}.isdisjoint(old_ids)
