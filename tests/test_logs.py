"""Structured logs: one JSON object per line with a request id, echoed in X-Request-Id."""

from __future__ import annotations

import io
import json
import logging
import uuid

import pytest

from service import create_app
from service.edge import logs
from service.storage.schema import create_tables

TOKEN = "log-test-token-0123456789abcdef"


@pytest.fixture
def lines(app):
    """The JSON lines the service logs while a test runs."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logs.JsonFormatter())
    logger = logging.getLogger("service")
    logger.addHandler(handler)
    old = logger.level
    logger.setLevel(logging.INFO)

    def read() -> list[dict]:
        return [json.loads(line) for line in stream.getvalue().splitlines()]

    yield read
    logger.removeHandler(handler)
    logger.setLevel(old)


def test_each_request_is_one_json_line(client, lines):
    response = client.get("/api/v1/events?limit=1")
    (entry,) = [e for e in lines() if e["logger"] == "service.request"]
    assert {"time", "level", "logger", "message"} <= set(entry)
    assert entry["method"] == "GET" and entry["path"] == "/api/v1/events"
    assert entry["status"] == 200 and entry["duration_ms"] >= 0
    assert entry["request_id"] == response.headers["X-Request-Id"]
    uuid.UUID(entry["request_id"])


def test_a_well_formed_request_id_is_kept(client, lines):
    rid = "client-req_42.a:b"
    response = client.get("/api/v1/nope", headers={"X-Request-Id": rid})
    assert response.status_code == 404
    assert response.headers["X-Request-Id"] == rid
    assert [e["request_id"] for e in lines()] == [rid]


@pytest.mark.parametrize(
    "given",
    ["", "a" * 129, "bad id", "<script>", "-leading-dash", "abc\r\nSet-Cookie: x=1", "é"],
    ids=["empty", "too-long", "space", "markup", "leading-dash", "crlf", "non-ascii"],
)
def test_a_malformed_request_id_is_replaced(client, lines, given):
    response = client.get("/api/v1/events", environ_overrides={"HTTP_X_REQUEST_ID": given})
    rid = response.headers["X-Request-Id"]
    assert rid != given
    uuid.UUID(rid)
    assert "Set-Cookie" not in response.headers
    assert lines()[-1]["request_id"] == rid


def test_errors_and_304s_are_logged_with_their_status(client, seeded, lines):
    etag = client.get("/api/v1/events").headers["ETag"]
    client.get("/api/v1/events", headers={"If-None-Match": etag})
    client.get("/api/v1/events?limit=0")
    statuses = [e["status"] for e in lines() if e["logger"] == "service.request"]
    assert statuses == [200, 304, 422]


def test_tokens_and_authorization_are_never_logged(database_url, seed_body, lines):
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, "API_TOKENS": [TOKEN]})
    create_tables()
    client = app.test_client()
    client.post("/api/v1/articles", json=seed_body, headers={"Authorization": f"Bearer {TOKEN}"})
    client.post("/api/v1/articles", json={}, headers={"Authorization": "Bearer guessed-secret"})
    logging.getLogger("service.test").warning("header was Bearer %s", TOKEN)
    logging.getLogger("service.test").warning("token %s in a message", TOKEN)
    text = json.dumps(lines())
    assert TOKEN not in text and "guessed-secret" not in text
    assert "Authorization" not in text
    assert text.count("[redacted]") == 2


def test_exceptions_are_one_line_too():
    formatter = logs.JsonFormatter()
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        record = logging.getLogger("x").makeRecord(
            "x", logging.ERROR, __file__, 1, "failed %s", ("here",), exc_info=True
        )
        import sys

        record.exc_info = sys.exc_info()
    line = formatter.format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "failed here" and "RuntimeError: boom" in entry["exception"]


def test_gunicorn_logconfig_is_valid_and_json():
    import logging.config

    config = logs.gunicorn_logconfig()
    assert config["formatters"]["json"]["()"] == "service.edge.logs.JsonFormatter"
    assert config["loggers"]["gunicorn.access"]["propagate"] is False
    logging.config.dictConfig({**config, "root": {"level": "INFO", "handlers": []}})
