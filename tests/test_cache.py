"""The rendered-events cache: never stale after any write, bounded, and off when sized 0."""

from __future__ import annotations

import datetime as dt
import json

from service.read.cache import RenderedEvents

from .conftest import FIXTURES

T0 = dt.datetime(2024, 1, 1, 12, 0, 0, 1)
T1 = T0 + dt.timedelta(microseconds=1)
READS = ["/api/v1/events?limit=500", "/api/v1/timeline?limit=500", "/api/v1/events/{id}"]


def test_a_rendering_is_found_only_for_the_same_version():
    cache = RenderedEvents(10)
    cache.put(1, T0, "{}")
    assert cache.get_many([(1, T0), (1, T1), (2, T0)]) == ["{}", None, None]
    assert (cache.hits, cache.misses) == (1, 2)


def test_the_least_recently_used_is_dropped_first():
    cache = RenderedEvents(2)
    cache.put(1, T0, "a")
    cache.put(2, T0, "b")
    cache.get_many([(1, T0)])  # 1 is now the most recent
    cache.put(3, T0, "c")
    assert len(cache) == 2
    assert cache.get_many([(1, T0), (2, T0), (3, T0)]) == ["a", None, "c"]


def test_size_zero_keeps_nothing():
    cache = RenderedEvents(0)
    cache.put(1, T0, "a")
    assert len(cache) == 0 and cache.get_many([(1, T0)]) == [None]


def _reads(client, event_id: int) -> list[bytes]:
    return [client.get(path.format(id=event_id)).data for path in READS]


def assert_not_stale(client, event_id: int) -> None:
    """What a warm cache answers is what rendering everything afresh answers."""
    _reads(client, event_id)  # warm: every event of these answers is cached
    warm = _reads(client, event_id)
    client.application.extensions["rendered_events"] = RenderedEvents(1000)
    assert warm == _reads(client, event_id)


def test_no_write_leaves_a_stale_rendering(client, seeded):
    events = seeded["events"]
    first, second = events[0]["id"], events[1]["id"]
    assert_not_stale(client, first)

    body = {"title": "A better headline", "reason": "vague"}
    assert client.patch(f"/api/v1/events/{first}", json=body).status_code == 200
    assert_not_stale(client, first)
    assert b"A better headline" in client.get("/api/v1/events?limit=500").data

    merged = client.post(f"/api/v1/events/{second}/merge", json={"into": first, "reason": "same"})
    assert merged.status_code == 200
    assert_not_stale(client, first)

    # A second outlet reports the seed's Xi meeting: the stored event gains a mention.
    scenario = json.loads((FIXTURES / "articles" / "same-visit-two-outlets.json").read_text())
    item = dict(scenario[1])
    item["text"] = (FIXTURES / "articles" / item.pop("text_file")).resolve().read_text()
    other = client.post("/api/v1/articles", json=item).get_json()
    shared = {e["id"] for e in other["events"]} & {e["id"] for e in events}
    assert shared, "the second outlet's report joins a stored event"
    assert_not_stale(client, min(shared))

    assert client.delete(f"/api/v1/articles/{other['id']}").status_code == 204
    assert_not_stale(client, min(shared))


def test_the_cache_can_be_turned_off(app, seeded):
    app.extensions["rendered_events"] = RenderedEvents(0)
    client = app.test_client()
    assert client.get("/api/v1/events").get_json()["data"]
    assert len(app.extensions["rendered_events"]) == 0
