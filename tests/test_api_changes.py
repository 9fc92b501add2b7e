"""The change feed accounts for every write, in order, once."""

from __future__ import annotations

from .test_errors import assert_problem


def poll(client, cursor: str | None = None) -> tuple[list[dict], str]:
    changes: list[dict] = []
    url = "/api/v1/changes?limit=3" + (f"&since={cursor}" if cursor else "")
    while True:
        body = client.get(url).get_json()
        changes.extend(body["data"])
        if not body["next"]:
            return changes, body["cursor"]
        url = body["next"]


def test_feed_lists_every_created_event_once_then_only_new_ones(client, seeded, seed_body):
    changes, cursor = poll(client)
    assert [c["action"] for c in changes] == ["created"] * len(seeded["events"])
    assert sorted(c["event_id"] for c in changes) == sorted(e["id"] for e in seeded["events"])
    seqs = [c["seq"] for c in changes]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    assert all(c["event"]["id"] == c["event_id"] for c in changes)
    assert poll(client, cursor)[0] == []
    body = dict(seed_body, text="Talks between France and Germany ended in Paris on Monday.")
    new = client.post("/api/v1/articles", json=body).get_json()
    later, _ = poll(client, cursor)
    assert {c["event_id"] for c in later} == {e["id"] for e in new["events"]}


def test_bad_since_is_422(client):
    assert_problem(client.get("/api/v1/changes?since=garbage"), 422)
    assert_problem(client.get("/api/v1/changes?since=WyJ4Il0"), 422)


def test_since_now_skips_the_past(client, seeded, seed_body):
    body = client.get("/api/v1/changes?since=now").get_json()
    assert body["data"] == [] and body["next"] is None
    other = dict(seed_body, text="Talks between Chile and Peru ended in Lima on Monday.")
    new = client.post("/api/v1/articles", json=other).get_json()
    later, _ = poll(client, body["cursor"])
    assert {c["event_id"] for c in later} == {e["id"] for e in new["events"]}
