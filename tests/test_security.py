"""Who may write: bearer tokens, the loopback default, and the headers every response carries."""

from __future__ import annotations

import logging
import re

import pytest

from service import create_app
from service.edge import security
from service.storage.models import Article, Event
from service.storage.schema import create_tables

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


def bound_app(database_url: str, hosts: list[str], **config):
    """An app outside TESTING mode told, as ``timeline serve`` tells its workers, that its
    server listens on ``hosts``."""
    app = make_app(database_url, TESTING=False, **config)
    security.set_bound(app, [(host, 8000) for host in hosts])
    return app


@pytest.mark.parametrize("hosts", [["127.0.0.1"], ["::1"], ["127.0.0.2"], ["127.0.0.1", "::1"]])
def test_loopback_bound_without_tokens_accepts_writes(database_url, seed_body, hosts):
    app = bound_app(database_url, hosts)
    response = app.test_client().post("/api/v1/articles", json=seed_body)
    assert response.status_code in (200, 201)


@pytest.mark.parametrize(
    "hosts", [["0.0.0.0"], ["::"], ["192.0.2.10"], ["127.0.0.1", "0.0.0.0"], ["/run/t.sock"], []]
)
def test_non_loopback_bound_without_tokens_refuses_writes(database_url, seed_body, hosts):
    # The configured HOST says loopback; the socket bound decides, not the configuration.
    app = bound_app(database_url, hosts, HOST="127.0.0.1")
    client = app.test_client()
    for method, path in write_routes(app):
        body = assert_problem(client.open(path, method=method, json=seed_body), 403)
        assert "TIMELINE_API_TOKENS" in body["detail"]
    token = {"Authorization": f"Bearer {TOKEN}"}
    assert_problem(client.post("/api/v1/articles", json=seed_body, headers=token), 403)
    assert client.get("/api/v1/events").status_code == 200
    assert counts(app) == (0, 0)


def test_an_unknown_bind_refuses_writes_without_tokens(database_url, seed_body):
    """Another WSGI server does not tell the app its sockets: no write without a token."""
    app = make_app(database_url, TESTING=False, HOST="127.0.0.1")
    assert_problem(app.test_client().post("/api/v1/articles", json=seed_body), 403)


def test_creating_the_app_logs_no_security_warning(database_url, caplog):
    with caplog.at_level(logging.WARNING, logger="service.edge.security"):
        make_app(database_url, HOST="0.0.0.0")
        make_app(database_url, HOST="127.0.0.1")
    assert caplog.records == []


@pytest.mark.parametrize(
    ("hosts", "tokens", "expected"),
    [
        (["127.0.0.1"], False, "writes are accepted without a token"),
        (["0.0.0.0"], False, "every write is refused"),
        (["127.0.0.1", "0.0.0.0"], False, "every write is refused"),
        (["0.0.0.0"], True, None),
    ],
)
def test_startup_warning_says_what_the_bound_sockets_allow(hosts, tokens, expected):
    message = security.startup_warning(hosts, tokens)
    if expected is None:
        assert message is None
    else:
        assert expected in message and hosts[-1] in message


def test_non_loopback_with_tokens_accepts_a_token(database_url, seed_body):
    app = bound_app(database_url, ["0.0.0.0"], API_TOKENS=TOKEN)
    client = app.test_client()
    assert_problem(client.post("/api/v1/articles", json=seed_body), 401)
    token = {"Authorization": f"Bearer {TOKEN}"}
    assert client.post("/api/v1/articles", json=seed_body, headers=token).status_code == 201


def test_serve_tells_the_workers_the_addresses_really_bound(monkeypatch, tmp_path, caplog):
    import socket
    import types

    from service.edge import server

    seen = {}

    class Fake(server._Server):
        def run(self):
            with socket.socket() as sock:  # what the gunicorn master would have bound
                sock.bind(("0.0.0.0", 0))
                listener = types.SimpleNamespace(sock=sock)
                with caplog.at_level(logging.WARNING, logger="service.edge.security"):
                    self.cfg.when_ready(types.SimpleNamespace(LISTENERS=[listener]))
            seen["bind"] = self.options["bind"]
            seen["app"] = self.load()

    monkeypatch.setattr(server, "_Server", Fake)
    monkeypatch.setenv("TIMELINE_DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    server.run("0.0.0.0", 8123, 1, server="gunicorn", has_tokens=False, share_port=True)
    assert seen["bind"] == "0.0.0.0:8123"
    assert seen["app"].extensions["timeline_bound"] == ["0.0.0.0"]
    assert not security.loopback_only(seen["app"])
    assert [r.getMessage() for r in caplog.records if "every write is refused" in r.getMessage()]


def test_serve_tells_the_granian_workers_the_bind_address(monkeypatch):
    import granian

    from service.edge import server

    seen = {}

    class Fake:
        def __init__(self, target, **options):
            seen.update(options, target=target)

        def serve(self):
            seen["app"] = server.granian_app()

    monkeypatch.setattr(granian, "Granian", Fake)
    for name in ("TIMELINE_HOST", "TIMELINE_PORT", "TIMELINE_THREADS", "TIMELINE_BOUND"):
        monkeypatch.setenv(name, "")  # so that what run() sets is undone after the test
        monkeypatch.delenv(name)
    server.run("0.0.0.0", 8123, 1, has_tokens=False, share_port=True)
    assert (seen["address"], seen["port"]) == ("0.0.0.0", 8123)
    assert seen["app"].wsgi.config["HOST"] == "0.0.0.0"
    assert seen["app"].wsgi.extensions["timeline_bound"] == ["0.0.0.0"]
    assert not security.loopback_only(seen["app"].wsgi)


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


def _post(port: int, body: dict) -> int:
    import http.client
    import json

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        conn.request(
            "POST", "/api/v1/articles", json.dumps(body), {"Content-Type": "application/json"}
        )
        return conn.getresponse().status
    finally:
        conn.close()


@pytest.mark.slow
def test_a_real_server_bound_to_every_interface_refuses_writes(tmp_path, seed_body):
    """`timeline serve --host 0.0.0.0` with no tokens (and TIMELINE_HOST saying loopback):
    a write over the loopback interface still gets 403, and the warning is logged once."""
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {
        **os.environ,
        "TIMELINE_DATABASE_URL": f"sqlite:///{tmp_path / 'bind.sqlite3'}",
        "TIMELINE_HOST": "127.0.0.1",
        "TIMELINE_API_TOKENS": "",
    }
    command = [sys.executable, "-c", "from service.cli import main; main()", "serve"]
    command += ["--host", "0.0.0.0", "--port", str(port), "--workers", "1"]
    log_path = tmp_path / "server.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=1).close()
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, log_path.read_text()
                time.sleep(0.1)
        status = _post(port, seed_body)
    finally:
        process.terminate()
        process.wait(20)
    assert status == 403
    log = log_path.read_text()
    assert log.count("every write is refused") == 1, log[-2000:]
    assert "accepted without a token" not in log


def test_a_foreign_wsgi_server_on_every_interface_refuses_writes(tmp_path, seed_body):
    """Werkzeug's server (what `flask run` starts) bound to 0.0.0.0: no token, no write."""
    import threading

    from werkzeug.serving import make_server

    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'w.sqlite3'}", "LOG_JSON": False})
    with app.app_context():
        create_tables()
    server = make_server("0.0.0.0", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        assert _post(server.server_port, seed_body) == 403
    finally:
        server.shutdown()
        thread.join(5)
