"""The front runs on its event loop the requests the app answers from memory (a conditional GET
the worker will answer 304 from the data version it holds), and every other request on a thread."""

from __future__ import annotations

import asyncio
import threading

from service.edge import conditional
from service.edge.front import BufferedWSGI
from service.storage import version


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


def _call(app, scope) -> tuple[int, bytes]:
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    # On a thread of its own: other tests (the browser's) may leave a loop running on this one.
    runner = threading.Thread(target=asyncio.run, args=(app(scope, receive, send),))
    runner.start()
    runner.join(timeout=30)
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


def test_requests_the_predicate_names_run_on_the_loop_thread():
    seen = []

    def wsgi(environ, start_response):
        seen.append(threading.current_thread().name)
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]

    front = BufferedWSGI(
        wsgi,
        2,
        early_answer=lambda environ: None,
        max_body=lambda environ: 1000,
        refuse=lambda status, detail: (status, [], detail.encode()),
        inline=lambda environ: environ["PATH_INFO"] == "/fast",
    )
    assert _call(front, _scope("/fast")) == (200, b"ok")
    assert _call(front, _scope("/slow")) == (200, b"ok")
    assert not seen[0].startswith("app") and seen[1].startswith("app")  # loop thread, then pool


def test_an_app_failing_inline_is_a_500():
    def wsgi(environ, start_response):
        raise RuntimeError("boom")

    front = BufferedWSGI(
        wsgi,
        1,
        early_answer=lambda environ: None,
        max_body=lambda environ: 1000,
        refuse=lambda status, detail: (status, [], detail.encode()),
        inline=lambda environ: True,
    )
    assert _call(front, _scope("/x"))[0] == 500


def _environ(path: str, query: str = "", method: str = "GET", **headers: str) -> dict:
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query}
    environ.update({f"HTTP_{k.upper()}": v for k, v in headers.items()})
    return environ


def test_only_conditional_gets_of_data_that_would_be_304_are_cheap(client, seeded):
    app = client.application
    app.config["DATA_VERSION_TTL"] = 60
    first = client.get("/api/v1/events?limit=2")
    etag = first.headers["ETag"]
    cheap = conditional.cheap_not_modified(app)
    with app.app_context():
        assert version.cached(60) is not None
        assert cheap(_environ("/api/v1/events", "limit=2", if_none_match=etag))
        assert cheap(_environ("/api/v1/events", "limit=2", if_none_match=f'W/{etag}, "x"'))
        assert not cheap(_environ("/api/v1/events", "limit=3", if_none_match=etag))
        assert not cheap(_environ("/api/v1/events", "limit=2"))
        assert not cheap(_environ("/api/v1/events", "limit=2", "POST", if_none_match=etag))
        accept = _environ("/api/v1/events", "limit=2", if_none_match=etag, accept="text/csv")
        assert not cheap(accept)
        assert not cheap(_environ("/api/v1/openapi.json", if_none_match=etag))
        app.config["DATA_VERSION_TTL"] = 0  # the version is read for every request: not cheap
        assert not cheap(_environ("/api/v1/events", "limit=2", if_none_match=etag))
    # and what it names is what the app answers 304
    app.config["DATA_VERSION_TTL"] = 60
    assert client.get("/api/v1/events?limit=2", headers={"If-None-Match": etag}).status_code == 304
