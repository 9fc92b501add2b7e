"""Every error is RFC 9457 problem+json, whatever produced it."""

from __future__ import annotations

import pytest

PROBLEM_KEYS = {"type", "title", "status", "detail"}


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert PROBLEM_KEYS <= set(body), body
    assert body["status"] == status
    text = response.get_data(as_text=True)
    for leak in ("Traceback", 'File "', "SELECT ", "peewee", "/work/"):
        assert leak not in text
    return body


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/api/v1/nope", 404),
        ("GET", "/nope", 404),
        ("GET", "/api/v1/articles/999999", 404),
        ("GET", "/api/v1/events/999999", 404),
        ("GET", "/api/v1/articles/abc", 404),
        ("GET", "/api/v1/events/20621727742572484271318226698240", 404),
        ("DELETE", "/api/v1/articles/99999999999999999999", 404),
        ("GET", "/api/v1/events/0", 404),
        ("DELETE", "/api/v1/timeline", 405),
        ("PUT", "/api/v1/events", 405),
    ],
    ids=[
        "unknown-api-path",
        "unknown-path",
        "unknown-article",
        "unknown-event",
        "non-int-id",
        "huge-id",
        "huge-id-delete",
        "zero-id",
        "delete-timeline",
        "put-events",
    ],
)
def test_http_errors_are_problems(client, method, path, status):
    assert_problem(client.open(path, method=method), status)


def test_405_says_what_is_allowed(client):
    response = client.delete("/api/v1/timeline")
    assert "GET" in response.headers["Allow"]


def test_unexpected_exception_is_a_bare_500(app, client, monkeypatch):
    from service.read import queries

    def boom(*args, **kwargs):
        raise RuntimeError("secret internals /work/main/service")

    monkeypatch.setattr(queries, "page_events", boom)
    body = assert_problem(client.get("/api/v1/events"), 500)
    assert "secret" not in body["detail"]


@pytest.mark.parametrize("error", ["OperationalError", "InterfaceError"])
def test_a_lost_database_is_a_503_with_retry_after(app, client, monkeypatch, error):
    import peewee as pw

    from service.read import queries

    def lost(*args, **kwargs):
        raise getattr(pw, error)("connection already closed")

    monkeypatch.setattr(queries, "page_events", lost)
    response = client.get("/api/v1/events")
    assert_problem(response, 503)
    assert response.headers["Retry-After"] == "5"
