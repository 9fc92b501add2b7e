"""Conditional GETs: a strong ETag and Last-Modified from the data version, and 304s that cost
no query of the events and no serialisation; the version itself is read at most every
``DATA_VERSION_TTL`` seconds per process (:mod:`service.storage.version`)."""

from __future__ import annotations

import datetime as dt
import hashlib

from flask import Flask, Response, current_app, g, request

from ..storage import version

EXEMPT = {"healthz", "readyz", "health.healthz", "health.readyz"}
ETAG_LENGTH = 32
CACHE_CONTROL = "no-cache"  # clients may store, but must revalidate every time


def _etag(version: int) -> str:
    return etag_of(version, request.environ)


def etag_of(version: int, environ: dict) -> str:
    """The ETag of a GET: the data version, the path and query string as sent, and ``Accept``
    (the variant). A function of the WSGI environ, so the front can compute it too."""
    vary = (
        f"{version}|{environ.get('PATH_INFO', '')}?{environ.get('QUERY_STRING', '')}"
        f"|{environ.get('HTTP_ACCEPT', '')}"
    )
    return hashlib.sha256(vary.encode("utf-8", "surrogateescape")).hexdigest()[:ETAG_LENGTH]


def revalidates_data(environ: dict) -> bool:
    """A GET or HEAD of API data (not a document or a probe) carrying ``If-None-Match``."""
    path = environ.get("PATH_INFO", "")
    return (
        environ.get("REQUEST_METHOD") in ("GET", "HEAD")
        and bool(environ.get("HTTP_IF_NONE_MATCH"))
        and path.startswith("/api/v1/")
        and not path.startswith(NOT_DATA)
    )


#: API paths that are not data (documents, probes): never 304 from the data version.
#: /feeds shows the poller's state, which changes without the data version moving.
NOT_DATA = (
    "/api/v1/openapi",
    "/api/v1/docs",
    "/api/v1/healthz",
    "/api/v1/readyz",
    "/api/v1/feeds",
)


def register_conditional(app: Flask) -> None:
    @app.before_request
    def _answer_not_modified() -> Response | None:
        if request.method not in ("GET", "HEAD") or request.endpoint in EXEMPT:
            return None
        if (request.endpoint or "").startswith(("api-docs.", "apidocs.")):  # not data
            return None
        if request.endpoint is None or not request.path.startswith("/api/"):
            return None
        if request.path.startswith(NOT_DATA):
            return None
        state = data_version()
        if state is None:
            return None
        version, updated_at = state
        request.environ["timeline.version"] = version  # for service.edge.notmodified
        g.etag = _etag(version)
        g.last_modified = updated_at.replace(microsecond=0)
        if request.if_none_match:
            # RFC 9110 weak comparison: W/"x" matches "x" (a proxy that compresses makes a
            # strong tag weak, and may add a suffix such as -gzip), and * matches any.
            tags = request.if_none_match
            if tags.star_tag:
                matched = [(g.etag, False)]
            else:
                every = tags.as_set(include_weak=True)
                matched = sorted((tags.is_weak(t), t) for t in every if _base(t) == g.etag)
                matched = [(t, weak) for weak, t in matched]  # a strong tag first
            fresh = bool(matched)
            if matched:  # answer with the variant the client holds (e.g. "...:gzip")
                g.etag, g.etag_weak = matched[0]
        elif request.if_modified_since:
            fresh = g.last_modified <= request.if_modified_since.replace(tzinfo=None)
        else:
            fresh = False
        if fresh:
            return _with_validators(Response(status=304))
        return None

    @app.after_request
    def _add_validators(response: Response) -> Response:
        if "etag" in g and response.status_code == 200:
            _with_validators(response)
        return response


def data_version() -> tuple[int, dt.datetime] | None:
    """The data version and when it moved, as this process last read it (see
    :mod:`service.storage.version`)."""
    return version.current(current_app.config["DATA_VERSION_TTL"])


def _base(tag: str) -> str:
    """The tag without the suffix compression adds (``:gzip`` here, ``-gzip`` in Apache)."""
    return tag[:ETAG_LENGTH]


def _with_validators(response: Response) -> Response:
    response.set_etag(g.etag, weak=g.get("etag_weak", False))
    response.last_modified = g.last_modified
    response.headers["Cache-Control"] = CACHE_CONTROL
    response.vary.add("Accept")
    return response
