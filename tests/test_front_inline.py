"""The front sends from its event loop only the answers the app gave before and the worker
remembers (a 304 while it holds the same data version); every request the app has to answer
runs on a thread, whatever its headers say (issue 23, attack 1)."""

from __future__ import annotations

import asyncio
import threading

import pytest

from service.edge.front import BufferedWSGI
from service.edge.server import front_of


def _scope(path: str, query: bytes = b"", headers: list | None = None, method: str = "GET"):
    return {
        "type": "http",
        "method": method,
        "path": path,
        "query_string": query,
        "headers": headers or [],
        "http_version": "1.1",
        "scheme": "http",
        "server": ("127.0.0.1", 8000),
        "client": ("127.0.0.1", 5000),
    }


def _call(app, scope) -> tuple[int, bytes, dict]:
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    # On a thread of its own: other tests (the browser's) may leave a loop running on this one.
    runner = threading.Thread(target=asyncio.run, args=(app(scope, receive, send),))
    runner.start()
    runner.join(timeout=30)
    headers = {k.decode().lower(): v.decode() for k, v in sent[0]["headers"]}
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:]), headers


def _front(wsgi, inline) -> BufferedWSGI:
    return BufferedWSGI(
        wsgi,
        2,
        early_answer=lambda environ: None,
        max_body=lambda environ: 1000,
        refuse=lambda status, detail: (status, [], detail.encode()),
        inline=inline,
    )


def test_answers_from_memory_are_sent_and_the_app_runs_only_on_threads():
    seen = []

    def wsgi(environ, start_response):
        seen.append(threading.current_thread().name)
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]

    def inline(environ):
        return (304, [("ETag", '"x"')], b"") if environ["PATH_INFO"] == "/fast" else None

    front = _front(wsgi, inline)
    assert _call(front, _scope("/fast"))[:2] == (304, b"")
    assert _call(front, _scope("/slow"))[:2] == (200, b"ok")
    assert len(seen) == 1 and seen[0].startswith("app")


def test_a_failing_answer_from_memory_leaves_the_request_to_the_app():
    def wsgi(environ, start_response):
        start_response("200 OK", [])
        return [threading.current_thread().name.encode()]

    def inline(environ):
        raise RuntimeError("boom")

    status, body, _ = _call(_front(wsgi, inline), _scope("/x"))
    assert status == 200 and body.startswith(b"app")


@pytest.fixture
def served(client, seeded):
    """The seeded app behind the front, as a worker serves it; the names of the threads the
    Flask app ran on."""
    app = client.application
    app.config["DATA_VERSION_TTL"] = 60
    front = front_of(app)
    threads = []
    inner = front.wsgi

    def recording(environ, start_response):
        threads.append(threading.current_thread().name)
        return inner(environ, start_response)

    front.wsgi = recording
    return front, threads


def _get(front, if_none_match: str, accept: str = "application/json"):
    headers = [(b"accept", accept.encode()), (b"host", b"localhost")]
    if if_none_match:
        headers.append((b"if-none-match", if_none_match.encode("latin-1")))
    return _call(front, _scope("/api/v1/events", b"limit=3", headers))


@pytest.mark.parametrize(
    "value",
    [
        '"a,{etag}"',  # one quoted tag with a comma in it: not the ETag
        '"a, {etag}"',
        'W/"a,{etag}", "b"',
        '"{etag}',  # unterminated
        '"b" "{etag}"',  # no comma between tags
    ],
)
def test_header_values_the_app_does_not_answer_304_are_never_built_on_the_loop(served, value):
    front, threads = served
    etag = _get(front, "")[2]["etag"].removeprefix("W/").strip('"')
    header = value.format(etag=etag)
    for _ in range(3):  # the attack sent it again on the same connection
        status, body, _ = _get(front, header)
        assert status == 200 and body
    assert len(threads) == 4 and all(name.startswith("app") for name in threads), threads


@pytest.mark.parametrize(
    "value", ["{etag}", '"{etag}x"', ',"{etag}"', '"{etag}", "a,b"', 'W/ "{etag}"', "*,x"]
)
def test_whatever_a_header_says_the_app_runs_only_on_threads(served, value):
    front, threads = served
    etag = _get(front, "")[2]["etag"].removeprefix("W/").strip('"')
    header = value.format(etag=etag)
    statuses = [_get(front, header)[0] for _ in range(3)]
    assert set(statuses) <= {200, 304}
    assert all(name.startswith("app") for name in threads), threads
    # a value the app answered 304 once is answered from memory after that
    assert len(threads) == (2 if statuses[0] == 304 else 4)


@pytest.mark.parametrize("value", ['"{etag}"', 'W/"{etag}"', '"x", "{etag}"', "*"])
def test_what_the_app_answered_304_is_answered_again_from_memory(served, value):
    front, threads = served
    etag = _get(front, "")[2]["etag"].removeprefix("W/").strip('"')
    header = value.format(etag=etag)
    assert _get(front, header)[0] == 304  # the app's answer, learned
    assert len(threads) == 2
    again = _get(front, header)
    assert again[0] == 304 and again[2]["etag"]
    assert len(threads) == 2  # the app did not run
    # another variant (Accept) is the app's to answer, on a thread
    assert _get(front, header, accept="text/csv")[0] in (200, 304)
    assert len(threads) == 3 and all(name.startswith("app") for name in threads)


# Bodies only where a route takes one (issue 23, attack 5) -------------------------------------


def test_only_routes_that_take_a_body_may_send_one(app):
    from service.edge import guard

    limit = guard.max_body(app)

    def env(method: str, path: str) -> dict:
        return {"REQUEST_METHOD": method, "PATH_INFO": path}

    assert limit(env("POST", "/api/v1/articles")) == app.config["MAX_CONTENT_LENGTH"]
    assert limit(env("POST", "/api/v1/annotate")) == app.config["MAX_ANNOTATE_BYTES"]
    assert limit(env("PATCH", "/api/v1/events/1")) == app.config["MAX_CONTENT_LENGTH"]
    for method, path in [
        ("GET", "/api/v1/events"),
        ("HEAD", "/api/v1/events"),
        ("GET", "/api/v1/healthz"),
        ("DELETE", "/api/v1/articles/1"),
        ("POST", "/api/v1/events"),  # no such method on the route
        ("POST", "/api/v1/nowhere"),
    ]:
        assert limit(env(method, path)) == 0, (method, path)


def test_a_get_with_a_body_is_refused_from_its_head(app):
    from service.edge import guard

    early = guard.early_answer(app)
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/api/v1/events",
        "RAW_URI": "/api/v1/events",
        "QUERY_STRING": "",
        "CONTENT_LENGTH": str(2 * 1024 * 1024),
        "wsgi.url_scheme": "http",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1",
    }
    status, _headers, body = early(environ)
    assert status == 413 and b"takes no body" in body


def test_a_chunked_body_on_a_get_is_refused_at_its_first_bytes():
    received = []

    def wsgi(environ, start_response):
        received.append(environ["wsgi.input"].read())
        start_response("200 OK", [])
        return [b"ok"]

    front = BufferedWSGI(
        wsgi,
        1,
        early_answer=lambda environ: None,
        max_body=lambda environ: 0,
        refuse=lambda status, detail: (status, [], detail.encode()),
    )
    scope = _scope("/api/v1/events", headers=[(b"transfer-encoding", b"chunked")])
    chunks = iter([b"x" * 65536] * 32)

    async def receive():
        return {"type": "http.request", "body": next(chunks), "more_body": True}

    sent = []

    async def send(message):
        sent.append(message)

    runner = threading.Thread(target=asyncio.run, args=(front(scope, receive, send),))
    runner.start()
    runner.join(timeout=30)
    assert sent[0]["status"] == 413 and not received
