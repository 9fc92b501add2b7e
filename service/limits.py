"""Request limits: rate per client (the ``limits`` library) and query-string length.

Body size (``MAX_CONTENT_LENGTH``, 413), article length, filter values and page size are
checked where they are read; this module adds what must be checked before any view runs.
"""

from __future__ import annotations

import json
import logging
import math
import time

import limits
import limits.storage
import limits.strategies
from flask import Flask, Response, current_app, request

from .errors import APIError, error_response

READ_METHODS = ("GET", "HEAD", "OPTIONS")
WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
#: Probes of load balancers and orchestrators are never limited.
EXEMPT_ENDPOINTS = frozenset({"healthz", "readyz", "health.healthz", "health.readyz"})
JSON_BRACKETS_WITHOUT_CHECK = 100
log = logging.getLogger(__name__)


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


class RateLimiter:
    """Requests per client address, reads and writes counted apart (the ``limits`` library:
    sliding-window counters in memory or in Redis).

    flask-limiter wraps the same library with per-route and per-blueprint rules this service
    does not use, at about a third of the cost of a 304; this is the one rule it needs.
    """

    def __init__(self, config: dict) -> None:
        self.enabled = bool(config["RATELIMIT_ENABLED"])
        self.items = {
            method: limits.parse(
                config["RATELIMIT_READS" if method in READ_METHODS else "RATELIMIT_WRITES"]
            )
            for method in READ_METHODS + WRITE_METHODS
        }
        self.scopes = {m: "reads" if m in READ_METHODS else "writes" for m in self.items}
        store = limits.storage.storage_from_string(config["RATELIMIT_STORAGE_URL"])
        self.strategy = limits.strategies.SlidingWindowCounterRateLimiter(store)
        # The storage (e.g. Redis) down must not take the API down: count in memory meanwhile.
        self.fallback = limits.strategies.SlidingWindowCounterRateLimiter(
            limits.storage.MemoryStorage()
        )

    def check(self) -> Response | None:
        """Count this request; the 429 when its client is over the limit."""
        item = self.items.get(request.method)
        if not self.enabled or item is None or request.endpoint in EXEMPT_ENDPOINTS:
            return None
        keys = ("timeline", self.scopes[request.method], request.remote_addr or "unknown")
        strategy = self.strategy
        try:
            allowed = strategy.hit(item, *keys)
        except Exception:  # storage unreachable
            log.warning("rate-limit storage failed; counting in memory", exc_info=True)
            strategy = self.fallback
            allowed = strategy.hit(item, *keys)
        if allowed:
            return None
        try:
            reset = strategy.get_window_stats(item, *keys).reset_time
        except Exception:
            reset = time.time() + 1
        return error_response(
            429,
            f"Too many requests: at most {item} per client; retry later.",
            headers={"Retry-After": str(max(1, math.ceil(reset - time.time())))},
        )


def init_app(app: Flask) -> None:
    """Check the query string, the client's request rate, then the JSON depth of bodies."""
    app.before_request(check_query_string)
    app.before_request(RateLimiter(app.config).check)
    app.before_request(check_json_depth)
