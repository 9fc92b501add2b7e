"""304s answered before Flask runs, from the app's own earlier 304 for the same request.

A dashboard polls the same URL with the ETag it holds; while the data version does not move,
the answer is the same 304 every time. Flask and its hooks took about 190 us to say so. This
WSGI middleware remembers the headers of each 304 the app sends, keyed by everything that
chose them — method, path, query string, ``Accept``, ``Origin``, ``Host``, ``If-None-Match``
— and the data version that matched. A request with the same key while the worker holds the
same version (service/storage/version.py, no database statement) gets those headers again,
with its own ``X-Request-Id``, after the same rate limit, and is logged and counted as the app
logs and counts every request. Anything else (no template yet, another version, a client over
its rate limit, the version not held) goes to the app, which learns from its answer.

:meth:`NotModified.from_memory` is the same answer for the front's event loop
(service/edge/front.py): a template or None, never the app. The front never reads
``If-None-Match`` itself: the one parser of the header is the app's (werkzeug's, in
service/edge/conditional.py), and a header value is answered from memory only after the app
answered 304 to that very value, so no value the two could read differently makes the loop
build an answer.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable

from flask import Flask

from ..storage import version
from . import logs, metrics
from .conditional import revalidates_data

SIZE = 2048  # templates kept per worker
_KEY_HEADERS = ("HTTP_ACCEPT", "HTTP_ORIGIN", "HTTP_HOST", "HTTP_IF_NONE_MATCH")


class NotModified:
    """Wraps ``wsgi`` (the Flask app's ``wsgi_app``)."""

    def __init__(self, app: Flask, wsgi: Callable) -> None:
        self.app, self.wsgi = app, wsgi
        self.templates: OrderedDict[tuple, tuple[int, list, str]] = OrderedDict()
        self.lock = threading.Lock()

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        key = _key(environ)
        if key is None:
            return self.wsgi(environ, start_response)
        started = time.perf_counter()
        template = self._template(key, environ)
        if template is not None:
            return self._answer(environ, start_response, template, started)
        return self._learn(key, environ, start_response)

    def from_memory(self, environ: dict) -> tuple[int, list, bytes] | None:
        """The remembered 304 for ``environ`` as ``(status, headers, body)``, or None when the
        app has to answer: memory only (no statement, no Flask), for the front's event loop."""
        key = _key(environ)
        if key is None:
            return None
        started = time.perf_counter()
        template = self._template(key, environ)
        if template is None:
            return None
        answered: dict = {}

        def start_response(status: str, headers: list, exc_info=None) -> None:
            answered["headers"] = headers

        self._answer(environ, start_response, template, started)
        return 304, answered["headers"], b""

    def _template(self, key: tuple, environ: dict) -> tuple | None:
        """The template of ``key`` when the worker holds its version and the client is within
        its rate limit (the request is counted), else None."""
        held = version.cached(self.app.config["DATA_VERSION_TTL"])
        with self.lock:
            template = self.templates.get(key)
        if template is None or held is None or template[0] != held[0]:
            return None
        limiter = self.app.extensions["timeline_rate_limiter"]
        if not limiter.allows(environ["REQUEST_METHOD"], environ.get("REMOTE_ADDR", "")):
            return None
        return template

    def _answer(self, environ, start_response, template, started) -> list[bytes]:
        _version, headers, route = template
        rid = logs.request_id_of(environ.get("HTTP_X_REQUEST_ID", ""))
        start_response("304 NOT MODIFIED", [*headers, ("X-Request-Id", rid)])
        seconds = time.perf_counter() - started
        method = environ["REQUEST_METHOD"]
        logs.log_request(method, _path(environ), 304, seconds, rid)
        metrics.observe(route, method, 304, seconds)
        return [b""]

    def _learn(self, key: tuple, environ: dict, start_response: Callable) -> Iterable[bytes]:
        def remember(status: str, headers: list, exc_info=None):
            answered = environ.get("timeline.version")
            if status.startswith("304") and answered is not None:
                kept = [(k, v) for k, v in headers if k.lower() != "x-request-id"]
                route = environ.get("timeline.route", "unmatched")
                with self.lock:
                    self.templates[key] = (answered, kept, route)
                    self.templates.move_to_end(key)
                    while len(self.templates) > SIZE:
                        self.templates.popitem(last=False)
            return start_response(status, headers, exc_info)

        return self.wsgi(environ, remember)


def _key(environ: dict) -> tuple | None:
    """What chose a 304's headers, for a conditional GET/HEAD of API data; else None."""
    if not revalidates_data(environ):
        return None
    method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "")
    return (method, path, environ.get("QUERY_STRING", ""), *map(environ.get, _KEY_HEADERS))


def _path(environ: dict) -> str:
    """The path as Flask's ``request.path`` gives it (logged by service.edge.logs)."""
    raw = environ.get("PATH_INFO", "")
    return raw.encode("latin-1").decode("utf-8", "replace")
