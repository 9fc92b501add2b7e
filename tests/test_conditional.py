"""Conditional GETs: strong ETags from the data version, 304 without touching the events."""

from __future__ import annotations

import logging

import pytest

PATHS = [
    "/api/v1/events",
    "/api/v1/timeline",
    "/api/v1/articles",
    "/api/v1/changes",
    "/api/v1/events?type=meeting&limit=3",
]


@pytest.mark.parametrize("path", PATHS)
def test_etag_then_304_then_200_after_a_write(client, seeded, seed_body, path):
    first = client.get(path)
    etag = first.headers["ETag"]
    assert first.status_code == 200 and not etag.startswith("W/")
    assert first.headers["Cache-Control"] == "no-cache"
    assert first.headers["Last-Modified"]
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == etag
    since = client.get(path, headers={"If-Modified-Since": first.headers["Last-Modified"]})
    assert since.status_code == 304
    body = dict(seed_body, text="The ministers met in Oslo on Monday to sign a deal.")
    assert client.post("/api/v1/articles", json=body).status_code == 201
    fresh = client.get(path, headers={"If-None-Match": etag})
    assert fresh.status_code == 200 and fresh.headers["ETag"] != etag


def test_different_queries_have_different_etags(client, seeded):
    a = client.get("/api/v1/events?limit=1").headers["ETag"]
    b = client.get("/api/v1/events?limit=2").headers["ETag"]
    assert a != b


@pytest.mark.parametrize("ttl, statements", [(0, 1), (60, 0)])
def test_304_reads_at_most_the_data_version(client, seeded, caplog, ttl, statements):
    client.application.config["DATA_VERSION_TTL"] = ttl
    etag = client.get("/api/v1/events").headers["ETag"]
    with caplog.at_level(logging.DEBUG, logger="peewee"):
        assert client.get("/api/v1/events", headers={"If-None-Match": etag}).status_code == 304
    queries = [r for r in caplog.records if r.name == "peewee"]
    assert len(queries) == statements
    assert all("data_state" in q.getMessage() for q in queries)


def test_another_process_write_shows_within_the_ttl(client, seeded):
    from service.storage.models import DataState

    client.application.config["DATA_VERSION_TTL"] = 60
    etag = client.get("/api/v1/events").headers["ETag"]
    with client.application.app_context():  # as another process writes: no forget()
        DataState.update(version=DataState.version + 1).execute()
    assert client.get("/api/v1/events", headers={"If-None-Match": etag}).status_code == 304
    client.application.config["DATA_VERSION_TTL"] = 0
    fresh = client.get("/api/v1/events", headers={"If-None-Match": etag})
    assert fresh.status_code == 200 and fresh.headers["ETag"] != etag


def test_this_process_write_shows_at_once(client, seeded, seed_body):
    client.application.config["DATA_VERSION_TTL"] = 60
    etag = client.get("/api/v1/events").headers["ETag"]
    body = dict(seed_body, text="The ministers met in Oslo on Monday to sign a deal.")
    assert client.post("/api/v1/articles", json=body).status_code == 201
    fresh = client.get("/api/v1/events", headers={"If-None-Match": etag})
    assert fresh.status_code == 200 and fresh.headers["ETag"] != etag
