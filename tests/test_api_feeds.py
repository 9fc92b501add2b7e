"""Feed subscriptions: POST/GET /api/v1/feeds (token-protected writes, the problem shape) and
the poller (``timeline watch``): conditional requests, back-off on errors, articles stored
once, never fetched twice."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from service import create_app
from service.storage.connection import database
from service.storage.models import Article, Feed, utcnow
from service.storage.schema import create_tables
from service.write import fetch, polling
from tests.webserver import FixtureServer

POLICY = fetch.Policy(timeout=1.0, allow_hosts=frozenset({"127.0.0.1"}))
SCHEDULE = polling.Schedule(interval=600, max_backoff=3600)
TOKEN = "feeds-token-0123456789abcdef"


@pytest.fixture(scope="module")
def web():
    with FixtureServer() as server:
        yield server


@pytest.fixture
def fetching(app):
    app.config.update(FETCH=True, FETCH_ALLOW_HOSTS=["127.0.0.1"], FETCH_TIMEOUT=1.0)
    return app


def poll_all(app, now=None) -> list[polling.Polled]:
    with app.app_context(), database.connection_context():
        return [polling.poll(f, POLICY, SCHEDULE, now) for f in polling.due(now)]


def subscribe(client, url, **headers):
    return client.post("/api/v1/feeds", json={"url": url}, headers=headers)


def test_fetching_is_off_by_default(app, client, web):
    response = subscribe(client, f"{web.base}/feeds/courier.rss")
    assert response.status_code == 403
    assert response.mimetype == "application/problem+json"
    assert "TIMELINE_FETCH" in response.get_json()["detail"]


def test_subscribe_once_and_list(fetching, client, web):
    url = f"{web.base}/feeds/courier.rss"
    first = subscribe(client, url)
    assert first.status_code == 201, first.get_json()
    assert first.headers["Location"].endswith(f"/api/v1/feeds/{first.get_json()['id']}")
    again = subscribe(client, url)
    assert again.status_code == 200 and again.get_json()["id"] == first.get_json()["id"]
    listed = client.get("/api/v1/feeds").get_json()
    assert [f["url"] for f in listed["data"]] == [url] and listed["next"] is None
    feed = listed["data"][0]
    assert (feed["last_fetched_at"], feed["last_error"], feed["article_count"]) == (None, None, 0)


@pytest.mark.parametrize(
    "url, field",
    [
        ("http://localhost:8080/feed.xml", "private, loopback or link-local"),
        ("http://169.254.169.254/latest/", "private, loopback or link-local"),
        ("ftp://example.org/feed.xml", "Not a valid URL"),
        ("not a url", "Not a valid URL"),
    ],
)
def test_a_feed_that_may_not_be_fetched_is_refused(fetching, client, url, field):
    response = subscribe(client, url)
    assert response.status_code == 422
    body = response.get_json()
    assert body["status"] == 422 and field in " ".join(body["errors"]["url"])


def test_writes_need_the_token(database_url, web):
    app = create_app(
        {"TESTING": True, "DATABASE_URL": database_url, "API_TOKENS": [TOKEN], "FETCH": True,
         "FETCH_ALLOW_HOSTS": ["127.0.0.1"]}
    )  # fmt: skip
    create_tables()
    client = app.test_client()
    url = f"{web.base}/feeds/gazette.rdf"
    assert subscribe(client, url).status_code == 401
    assert subscribe(client, url, Authorization="Bearer wrong-token-0123456789").status_code == 403
    assert subscribe(client, url, Authorization=f"Bearer {TOKEN}").status_code == 201
    assert client.get("/api/v1/feeds").status_code == 200  # reads need none


def test_the_poller_stores_each_entry_once_with_conditional_requests(fetching, client, web):
    subscribe(client, f"{web.base}/feeds/courier.rss")
    subscribe(client, f"{web.base}/feeds/culture.atom")
    (courier, culture) = poll_all(fetching)
    assert (courier.stored, culture.stored) == (2, 2)
    with fetching.app_context(), database.connection_context():
        dates = {a.title: a.published_at.isoformat() for a in Article.select()}
    assert dates["Bakery on Elm Street changes hands"] == "2025-02-04"  # the feed entry's date
    assert dates["Dock workers end strike at Kellport harbour"] == "2025-03-12"  # the page's
    pages_asked = web.asked("/pages/harbour-strike.html")
    later = utcnow() + dt.timedelta(seconds=601)
    again = poll_all(fetching, later)
    assert [p.feed.last_status for p in again] == ["not modified", "not modified"]
    assert web.asked("/pages/harbour-strike.html") == pages_asked
    listed = {f["url"]: f for f in client.get("/api/v1/feeds").get_json()["data"]}
    feed = listed[f"{web.base}/feeds/courier.rss"]
    assert (feed["article_count"], feed["last_status"], feed["errors"]) == (2, "not modified", 0)
    assert feed["last_fetched_at"] and feed["next_fetch_at"] > feed["last_fetched_at"]


def test_an_entry_in_two_feeds_is_fetched_once(fetching, client, web, tmp_path):
    subscribe(client, f"{web.base}/feeds/culture.atom")
    poll_all(fetching)
    asked = web.asked("/pages/rail-tender.html")
    runner = fetching.test_cli_runner()
    result = runner.invoke(args=["ingest", f"{web.base}/pages/rail-tender.html"])
    assert "not fetched again" in result.output and result.exit_code == 0
    assert web.asked("/pages/rail-tender.html") == asked


def test_errors_back_off_and_recover(fetching, client, web):
    path = "/feeds/gazette.rdf"
    subscribe(client, web.base + path)
    web.fail[path] = 503
    try:
        now = utcnow()
        waits = []
        for _ in range(4):
            (polled,) = poll_all(fetching, now)
            waits.append((polled.feed.next_fetch_at - now).total_seconds())
            now = polled.feed.next_fetch_at
        assert waits == [1200, 2400, 3600, 3600]  # doubled, up to the longest back-off
        feed = client.get(f"/api/v1/feeds/{polled.feed.id}").get_json()
        assert (feed["last_status"], feed["errors"]) == ("error", 4)
        assert "HTTP 503" in feed["last_error"]
    finally:
        del web.fail[path]
    (polled,) = poll_all(fetching, now)
    assert (polled.feed.last_status, polled.feed.errors, polled.stored) == ("fetched", 0, 1)


def without_entry_dates(url, policy, accept, *args):
    """fetch.fetch, with the feed's entry dates taken out (its undated page stays undated)."""
    got = fetch.fetch(url, policy, accept, *args)
    if b"<rss" not in got.body:
        return got
    body = got.body.replace(b"<pubDate>", b"<x>").replace(b"</pubDate>", b"</x>")
    return dataclasses.replace(got, body=body)


def test_a_page_refused_is_remembered_and_not_fetched_again(fetching, web):
    undated = f"{web.base}/pages/undated-bakery.html"
    with fetching.app_context(), database.connection_context():
        feed, _ = polling.subscribe(f"{web.base}/feeds/courier.rss")
        polled = polling.poll(feed, POLICY, SCHEDULE, fetcher=without_entry_dates)
        assert polled.stored == 1
        assert [url for url, _ in polled.skipped] == [undated]
        assert "no publication date" in polled.skipped[0][1]
        asked = web.asked("/pages/undated-bakery.html")
        feed.etag = feed.last_modified = None  # the whole feed again, not a 304
        polling.poll(feed, POLICY, SCHEDULE, fetcher=without_entry_dates)
        assert web.asked("/pages/undated-bakery.html") == asked
        assert "refused before" in polling.stored_from(undated)


def test_watch_needs_fetching_on_and_polls_once(app, web):
    runner = app.test_cli_runner()
    off = runner.invoke(args=["watch", "--once"])
    assert off.exit_code == 2 and "TIMELINE_FETCH=true" in off.output
    app.config.update(FETCH=True, FETCH_ALLOW_HOSTS=["127.0.0.1"])
    with app.app_context(), database.connection_context():
        polling.subscribe(f"{web.base}/feeds/gazette.rdf")
    result = runner.invoke(args=["watch", "--once"])
    assert result.exit_code == 0, result.output
    assert f"{web.base}/feeds/gazette.rdf: fetched, 1 new articles" in result.output
    with app.app_context(), database.connection_context():
        assert Feed.get().next_fetch_at > utcnow()


def test_delete_unsubscribes(fetching, client, web):
    created = subscribe(client, f"{web.base}/feeds/courier.rss").get_json()
    assert client.delete(f"/api/v1/feeds/{created['id']}").status_code == 204
    assert client.get(f"/api/v1/feeds/{created['id']}").status_code == 404
