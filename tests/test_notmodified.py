"""Repeated 304s are answered before Flask, from the app's own 304 for the same request, with
the same headers, only while the worker holds the version that answered it."""

from __future__ import annotations

import logging

import pytest


@pytest.fixture
def polled(client, seeded):
    client.application.config["DATA_VERSION_TTL"] = 60
    etag = client.get("/api/v1/events?limit=3").headers["ETag"]
    return client, {"If-None-Match": etag}


def _headers(response) -> dict:
    return {k: v for k, v in response.headers.items() if k != "X-Request-Id"}


def test_the_second_304_comes_from_the_template_with_the_same_headers(polled, caplog):
    client, headers = polled
    first = client.get("/api/v1/events?limit=3", headers=headers)
    templates = client.application.wsgi_app.templates
    assert first.status_code == 304 and len(templates) == 1
    with caplog.at_level(logging.DEBUG, logger="peewee"):
        caplog.clear()
        again = client.get("/api/v1/events?limit=3", headers={**headers, "X-Request-Id": "abc-1"})
    assert again.status_code == 304 and again.data == b""
    assert _headers(again) == _headers(first)
    assert again.headers["X-Request-Id"] == "abc-1"
    assert not [r for r in caplog.records if r.name == "peewee"]  # no statement at all


def test_every_attribute_that_chose_the_headers_is_in_the_key(polled):
    client, headers = polled
    client.get("/api/v1/events?limit=3", headers=headers)
    origin = client.get(
        "/api/v1/events?limit=3", headers={**headers, "Origin": "http://dash.example"}
    )
    assert origin.headers["Access-Control-Allow-Origin"] in ("*", "http://dash.example")
    other_host = client.get("/api/v1/events?limit=3", headers={**headers, "Host": "evil.example"})
    assert other_host.status_code == 421  # the app's host check, not a remembered 304
    assert len(client.application.wsgi_app.templates) == 2


def test_a_write_ends_the_template(polled, seed_body):
    client, headers = polled
    client.get("/api/v1/events?limit=3", headers=headers)
    body = dict(seed_body, text="The ministers met in Oslo on Monday to sign a deal.")
    assert client.post("/api/v1/articles", json=body).status_code == 201
    assert client.get("/api/v1/events?limit=3", headers=headers).status_code == 200


def test_requests_over_the_rate_limit_still_get_429(polled):
    client, headers = polled
    client.get("/api/v1/events?limit=3", headers=headers)
    limiter = client.application.extensions["timeline_rate_limiter"]
    limiter.allows = lambda method, client_address: False
    limiter.check = lambda: None  # the app's check is not what answers here
    answer = client.get("/api/v1/events?limit=3", headers=headers)
    assert answer.status_code == 304  # answered by the app, through its hooks
    assert len(client.application.wsgi_app.templates) == 1


def test_repeated_304s_are_logged_and_counted_as_the_app_does(polled, caplog):
    from service.edge import metrics

    client, headers = polled
    client.get("/api/v1/events?limit=3", headers=headers)
    seen = []
    original = metrics.observe
    metrics.observe = lambda route, method, status, seconds: seen.append((route, method, status))
    try:
        with caplog.at_level(logging.INFO, logger="service.request"):
            caplog.clear()
            client.get("/api/v1/events?limit=3", headers=headers)
    finally:
        metrics.observe = original
    assert seen == [("/api/v1/events", "GET", 304)]
    lines = [r for r in caplog.records if r.name == "service.request"]
    assert [(r.method, r.path, r.status) for r in lines] == [("GET", "/api/v1/events", 304)]
