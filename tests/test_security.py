"""Who may write: bearer tokens, the loopback default, and the headers every response carries."""

from __future__ import annotations

import logging
import re

import pytest

from service import create_app, security
from service.db import create_tables
from service.models import Article, Event

from .test_errors import assert_problem

TOKEN = "t0ken-for-tests-0123456789abcdef"
OTHER = "other-token-for-tests-0123456789"
WRITES = {"POST", "PUT", "PATCH", "DELETE"}


def make_app(database_url: str, **config):
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, **config})
    create_tables()
    return app


@pytest.fixture
def locked(database_url):
    """An app with tokens configured."""
    return make_app(database_url, API_TOKENS=[TOKEN, OTHER])


def routes(app, methods: set[str]) -> list[tuple[str, str]]:
    """(method, concrete path) of every /api/v1 rule answering one of ``methods``."""
    found = []
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1") or rule.rule.endswith("openapi.json"):
            continue
        path = re.sub(r"<int:\w+>", "1", rule.rule)
        path = re.sub(r"<(?:\w+:)?\w+>", "x", path)
        found += [(m, path) for m in sorted(rule.methods & methods)]
    return found


def write_routes(app) -> list[tuple[str, str]]:
    return [(m, p) for m, p in routes(app, WRITES) if p != "/api/v1/annotate"]


def counts(app) -> tuple[int, int]:
    with app.app_context():
        return Article.select().count(), Event.select().count()


def test_there_are_write_routes_to_guard(locked):
    assert ("POST", "/api/v1/articles") in write_routes(locked)


def test_every_write_route_refuses_a_missing_token(locked, seed_body):
    client = locked.test_client()
    for method, path in write_routes(locked):
        response = client.open(path, method=method, json=seed_body)
        body = assert_problem(response, 401)
        assert response.headers["WWW-Authenticate"].startswith("Bearer"), path
        assert "Bearer" in body["detail"]
    assert counts(locked) == (0, 0)


@pytest.mark.parametrize(
    ("authorization", "status"),
    [
        ("Bearer wrong-token-0123456789abcdef", 403),
        (f"Bearer {TOKEN}x", 403),
        (f"Bearer {TOKEN[:-1]}", 403),
        (f"Bearer {TOKEN.upper()}", 403),
        (f"Basic {TOKEN}", 401),
        (TOKEN, 401),
        ("Bearer ", 401),
        ("Bearer", 401),
    ],
    ids=["wrong", "longer", "shorter", "upper-case", "basic-scheme", "no-scheme", "empty", "bare"],
)
def test_every_write_route_refuses_a_wrong_token(locked, seed_body, authorization, status):
    client = locked.test_client()
    for method, path in write_routes(locked):
        response = client.open(
            path, method=method, json=seed_body, headers={"Authorization": authorization}
        )
        assert_problem(response, status)
        assert TOKEN not in response.get_data(as_text=True)
    assert counts(locked) == (0, 0)


@pytest.mark.parametrize("token", [TOKEN, OTHER])
def test_a_configured_token_writes(locked, seed_body, token):
    client = locked.test_client()
    headers = {"Authorization": f"Bearer {token}"}
    response = client.post("/api/v1/articles", json=seed_body, headers=headers)
    assert response.status_code == 201
    lower = {"Authorization": f"bearer {token}"}  # the scheme is case-insensitive
    assert client.post("/api/v1/articles", json=seed_body, headers=lower).status_code == 200
    for method, path in write_routes(locked):
        answer = client.open(path, method=method, json=seed_body, headers=headers)
        assert answer.status_code not in (401, 403), (method, path)


def test_reads_never_need_a_token(locked, seed_body):
    client = locked.test_client()
    client.post("/api/v1/articles", json=seed_body, headers={"Authorization": f"Bearer {TOKEN}"})
    for _method, path in routes(locked, {"GET"}):
        response = client.get(path)
        assert response.status_code not in (401, 403), path
        assert response.status_code < 500, path
    bad = {"Authorization": "Bearer wrong"}
    assert client.get("/api/v1/events", headers=bad).status_code == 200


def test_annotate_stores_nothing_and_needs_no_token(locked):
    body = {"text": "They met on Monday.", "published_at": "2024-03-07"}
    response = locked.test_client().post("/api/v1/annotate", json=body)
    assert response.status_code == 200


def test_loopback_without_tokens_accepts_writes_and_warns(database_url, seed_body, caplog):
    for host in ("127.0.0.1", "::1", "localhost", "127.0.0.2"):
        with caplog.at_level(logging.WARNING, logger="service.security"):
            app = make_app(database_url, HOST=host)
        assert "writes are accepted without a token" in caplog.text
        caplog.clear()
    response = app.test_client().post("/api/v1/articles", json=seed_body)
    assert response.status_code in (200, 201)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.10", "example.org"])
def test_non_loopback_without_tokens_refuses_writes(database_url, seed_body, caplog, host):
    with caplog.at_level(logging.WARNING, logger="service.security"):
        app = make_app(database_url, HOST=host)
    assert "every write is refused" in caplog.text
    client = app.test_client()
    for method, path in write_routes(app):
        body = assert_problem(client.open(path, method=method, json=seed_body), 403)
        assert "TIMELINE_API_TOKENS" in body["detail"]
    token = {"Authorization": f"Bearer {TOKEN}"}
    assert_problem(client.post("/api/v1/articles", json=seed_body, headers=token), 403)
    assert client.get("/api/v1/events").status_code == 200
    assert counts(app) == (0, 0)


def test_non_loopback_with_tokens_accepts_a_token(database_url, seed_body):
    app = make_app(database_url, HOST="0.0.0.0", API_TOKENS=TOKEN)
    client = app.test_client()
    assert_problem(client.post("/api/v1/articles", json=seed_body), 401)
    token = {"Authorization": f"Bearer {TOKEN}"}
    assert client.post("/api/v1/articles", json=seed_body, headers=token).status_code == 201


def test_serve_tells_the_workers_the_bind_address(monkeypatch):
    from service import server

    seen = {}

    class Fake(server._Server):
        def run(self):
            seen["bind"] = self.options["bind"]
            seen["app"] = self.load()

    monkeypatch.setattr(server, "_Server", Fake)
    server.run("0.0.0.0", 8123, 1, server="gunicorn")
    assert seen["bind"] == "0.0.0.0:8123"
    assert seen["app"].config["HOST"] == "0.0.0.0"


def test_serve_tells_the_granian_workers_the_bind_address(monkeypatch):
    import granian

    from service import server

    seen = {}

    class Fake:
        def __init__(self, target, **options):
            seen.update(options, target=target)

        def serve(self):
            seen["app"] = server.granian_app()

    monkeypatch.setattr(granian, "Granian", Fake)
    for name in ("TIMELINE_HOST", "TIMELINE_PORT", "TIMELINE_THREADS"):
        monkeypatch.setenv(name, "")  # so that what run() sets is undone after the test
        monkeypatch.delenv(name)
    server.run("0.0.0.0", 8123, 1)
    assert (seen["address"], seen["port"]) == ("0.0.0.0", 8123)
    assert seen["app"].wsgi.config["HOST"] == "0.0.0.0"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ()),
        ("", ()),
        ([], ()),
        (TOKEN, (TOKEN,)),
        (f"{TOKEN}, {OTHER}", (TOKEN, OTHER)),
        ([TOKEN, OTHER], (TOKEN, OTHER)),
        (12345678901234567890, ("12345678901234567890",)),
    ],
    ids=["none", "empty", "empty-list", "one", "comma-separated", "json-list", "digits"],
)
def test_parse_tokens(value, expected):
    assert security.parse_tokens(value) == expected


@pytest.mark.parametrize("value", ["short", ["ok-token-0123456789", "short"], {"a": 1}])
def test_bad_tokens_fail_at_start_with_the_fix(value):
    with pytest.raises(ValueError, match="TIMELINE_API_TOKENS"):
        security.parse_tokens(value)


def test_token_matches_checks_every_token():
    assert security.token_matches(OTHER, (TOKEN, OTHER))
    assert not security.token_matches("nope", (TOKEN, OTHER))
    assert not security.token_matches("", ())


AUTH = {"headers": {"Authorization": f"Bearer {TOKEN}"}}
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        ("GET", "/api/v1/events", {}, 200),
        ("GET", "/healthz", {}, 200),
        ("GET", "/api/v1/openapi.json", {}, 200),
        ("GET", "/api/v1/nope", {}, 404),
        ("DELETE", "/api/v1/timeline", AUTH, 405),
        ("GET", "/api/v1/events?limit=0", {}, 422),
        ("POST", "/api/v1/articles", {"data": "x", "content_type": "text/plain", **AUTH}, 415),
        ("POST", "/api/v1/articles", {"json": {}}, 401),
    ],
    ids=["ok", "health", "openapi", "404", "405", "422", "415", "401"],
)
def test_security_headers_on_every_response(locked, method, path, kwargs, status):
    response = locked.test_client().open(path, method=method, **kwargs)
    assert response.status_code == status
    for name, value in HEADERS.items():
        assert response.headers[name] == value
    assert "Content-Security-Policy" not in response.headers  # JSON, not HTML


def test_security_headers_on_304(client, seeded):
    etag = client.get("/api/v1/events").headers["ETag"]
    response = client.get("/api/v1/events", headers={"If-None-Match": etag})
    assert response.status_code == 304
    for name, value in HEADERS.items():
        assert response.headers[name] == value


def test_html_gets_a_strict_csp(database_url):
    app = make_app(database_url)
    app.add_url_rule("/_page", "_page", lambda: "<p>hello</p>")
    response = app.test_client().get("/_page")
    assert response.mimetype == "text/html"
    csp = response.headers["Content-Security-Policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "object-src 'none'"):
        assert directive in csp
    assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
