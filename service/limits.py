"""Request limits: rate per client (flask-limiter) and query-string length.

Body size (``MAX_CONTENT_LENGTH``, 413), article length, filter values and page size are
checked where they are read; this module adds what must be checked before any view runs.
"""

from __future__ import annotations

import json
import math
import time

from flask import Flask, Response, current_app, request
from flask_limiter import ApplicationLimit, Limiter, RateLimitExceeded, RequestLimit
from flask_limiter.util import get_remote_address

from .errors import APIError, error_response

READ_METHODS = ("GET", "HEAD", "OPTIONS")
WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
#: Probes of load balancers and orchestrators are never limited.
EXEMPT_ENDPOINTS = frozenset({"healthz", "readyz", "health.healthz", "health.readyz"})
JSON_BRACKETS_WITHOUT_CHECK = 100


def check_query_string() -> None:
    """Refuse an overlong query string before it is parsed (414)."""
    limit = current_app.config["MAX_QUERY_STRING"]
    if len(request.query_string) > limit:
        raise APIError(414, f"The query string is longer than {limit} bytes.")


def check_json_depth() -> None:
    """Refuse JSON nested so deep that parsing it would exhaust the stack (400, not a 500).

    Bodies with few brackets (every real article) skip the check; others are parsed once here.
    """
    if request.method not in WRITE_METHODS or not request.is_json:
        return
    data = request.get_data(cache=True)
    if data.count(b"[") + data.count(b"{") <= JSON_BRACKETS_WITHOUT_CHECK:
        return
    try:
        json.loads(data)
    except RecursionError:
        raise APIError(400, "The JSON body is nested too deeply.") from None
    except ValueError:
        return  # malformed: the body parser answers 400 with its own detail


def _exempt() -> bool:
    return request.endpoint in EXEMPT_ENDPOINTS


def _retry_after(limit: RequestLimit) -> int:
    return max(1, math.ceil(limit.reset_at - time.time()))


def _breach(limit: RequestLimit) -> Response:
    return error_response(
        429,
        f"Too many requests: at most {limit.limit} per client; retry later.",
        headers={"Retry-After": str(_retry_after(limit))},
    )


def _too_many(error: RateLimitExceeded) -> Response:
    if isinstance(error.response, Response):
        return error.response
    return error_response(429, "Too many requests; retry later.", headers={"Retry-After": "1"})


def make_limiter(app: Flask) -> Limiter:
    """One limiter per app: reads and writes counted apart, per client address."""
    config = app.config
    return Limiter(
        get_remote_address,
        application_limits=[
            ApplicationLimit(
                config["RATELIMIT_READS"], scope="reads", methods=READ_METHODS, exempt_when=_exempt
            ),
            ApplicationLimit(config["RATELIMIT_WRITES"], scope="writes", methods=WRITE_METHODS),
        ],
        storage_uri=config["RATELIMIT_STORAGE_URL"],
        strategy="sliding-window-counter",
        on_breach=_breach,
        key_prefix="timeline",
        headers_enabled=False,
        # The storage (e.g. Redis) down must not take the API down: count in memory meanwhile.
        in_memory_fallback_enabled=True,
        swallow_errors=True,
        enabled=bool(config["RATELIMIT_ENABLED"]),
    )


def init_app(app: Flask) -> None:
    """Check the query string, the client's request rate, then the JSON depth of bodies."""
    app.before_request(check_query_string)
    make_limiter(app).init_app(app)
    app.before_request(check_json_depth)
    app.register_error_handler(RateLimitExceeded, _too_many)
