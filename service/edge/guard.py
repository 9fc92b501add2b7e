"""What the front (service/edge/front.py) asks the app before it reads a request's body.

A request is refused from its head alone when its URL is too long (414), its declared body is
over the limit (413), or it is a write the security checks refuse (a missing or wrong token,
a cross-origin write, a foreign ``Host``): no body is read and no app thread runs for it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from flask import Flask

from ..errors import APIError, error_response
from . import security

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
ANNOTATE_PATH = "/api/v1/annotate"

Answer = tuple[int, list, bytes]


def max_body(app: Flask) -> Callable[[dict], int]:
    """The body limit of a request: /annotate has its own (``MAX_ANNOTATE_BYTES``)."""
    default, annotate = app.config["MAX_CONTENT_LENGTH"], app.config["MAX_ANNOTATE_BYTES"]

    def limit(environ: dict) -> int:
        return annotate if environ.get("PATH_INFO") == ANNOTATE_PATH else default

    return limit


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
                return refuse(app)(413, f"The body is larger than {limit} bytes.")
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
