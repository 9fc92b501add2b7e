"""What the front (service/edge/front.py) asks the app before it reads a request's body.

A request is refused from its head alone when its URL is too long (414), its declared body is
over the limit (413), or it is a write the security checks refuse (a missing or wrong token,
a cross-origin write, a foreign ``Host``): no body is read and no app thread runs for it.

Only a route that takes a body gets one read: a POST, PUT or PATCH of a route that exists with
that method. Any other request (a GET, a DELETE, a write to an unknown path) may carry no body
(413 from the head when one is declared; a chunked one is refused at its first bytes), so the
front never buffers megabytes nobody will read.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from flask import Flask
from werkzeug.exceptions import HTTPException
from werkzeug.routing import RequestRedirect

from ..errors import APIError, error_response
from . import security
from .front import too_large

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
ANNOTATE_PATH = "/api/v1/annotate"

Answer = tuple[int, list, bytes]


def max_body(app: Flask) -> Callable[[dict], int]:
    """The body limit of a request: 0 unless its route takes a body; /annotate has its own
    (``MAX_ANNOTATE_BYTES``)."""
    default, annotate = app.config["MAX_CONTENT_LENGTH"], app.config["MAX_ANNOTATE_BYTES"]
    routes = app.url_map.bind("localhost")

    def limit(environ: dict) -> int:
        method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "")
        if method not in BODY_METHODS or not _routed(routes, path, method):
            return 0
        return annotate if path == ANNOTATE_PATH else default

    return limit


def _routed(routes, path: str, method: str) -> bool:
    """Whether ``method`` on ``path`` reaches a view (the app's own URL map)."""
    try:
        routes.match(path, method)
    except RequestRedirect:
        return True
    except HTTPException:
        return False
    return True


def refuse(app: Flask) -> Callable[[int, str], Answer]:
    def answer(status: int, detail: str) -> Answer:
        with app.app_context():
            return as_answer(error_response(status, detail))

    return answer


def as_answer(response) -> Answer:
    """A Flask response as ``(status, headers, body)``, with the security headers."""
    security.add_security_headers(response)
    body = response.get_data()
    headers = list(response.headers.items())
    return response.status_code, headers, body


def early_answer(app: Flask) -> Callable[[dict], Answer | None]:
    """``early(environ)``: the answer to send without reading the body, or None to go on."""
    max_url = app.config["MAX_URL_BYTES"]
    limit_of = max_body(app)

    def early(environ: dict) -> Answer | None:
        url = len(environ.get("RAW_URI", "")) + len(environ.get("QUERY_STRING", ""))
        if url > max_url:
            return refuse(app)(414, f"The URL is longer than {max_url} bytes.")
        declared = environ.get("CONTENT_LENGTH") or "0"
        limit = limit_of(environ)
        with contextlib.suppress(ValueError):
            if int(declared) > limit:
                return refuse(app)(413, too_large(limit))
        if environ["REQUEST_METHOD"] not in WRITE_METHODS:
            return None
        with app.request_context(dict(environ)):
            try:
                security.check_host()
                security.check_origin()
                security.check_write()
            except APIError as error:
                return as_answer(error_response(error.status, error.detail, headers=error.headers))
        return None

    return early
