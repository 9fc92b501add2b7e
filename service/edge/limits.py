"""Request limits: rate per client (the ``limits`` library) and query-string length.

Body size (``MAX_CONTENT_LENGTH``, 413), article length, filter values and page size are
checked where they are read; this module adds what must be checked before any view runs.
"""

from __future__ import annotations

import json
import logging
import math
import re
import threading
import time
from collections.abc import Callable

import limits
import limits.storage
import limits.strategies
from flask import Flask, Response, current_app, request

from ..errors import APIError, error_response

READ_METHODS = ("GET", "HEAD", "OPTIONS")
WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
#: Probes of load balancers and orchestrators are never limited.
EXEMPT_ENDPOINTS = frozenset({"healthz", "readyz", "health.healthz", "health.readyz"})
#: POST /annotate: counted by its own rate (:class:`AnnotateLimiter`) and not as a write too.
ANNOTATE_ENDPOINT = "temporal.annotate"
JSON_BRACKETS_WITHOUT_CHECK = 100
#: Python's int-string conversion limit (sys.get_int_max_str_digits): a longer number in a body
#: is refused (400) before the body is parsed.
MAX_DIGITS = 4300
LONG_NUMBER = re.compile(rb"\d{%d}" % (MAX_DIGITS + 1))
log = logging.getLogger(__name__)


def check_query_string() -> None:
    """Refuse an overlong query string before it is parsed (414)."""
    limit = current_app.config["MAX_QUERY_STRING"]
    if len(request.query_string) > limit:
        raise APIError(414, f"The query string is longer than {limit} bytes.")
    for name, value in request.args.items(multi=True):
        if "\x00" in name or "\x00" in value:  # no database stores it (PostgreSQL: a 500)
            raise APIError(
                400,
                "The query string contains a NUL (%00) character.",
                {name.replace("\x00", ""): ["Must not contain NUL (%00)."]},
            )


def check_json_depth() -> None:
    """Refuse JSON nested so deep that parsing it would exhaust the stack, or with a number too
    long for Python to convert (400, not a 500).

    Bodies with few brackets and no long digit run (every real article) skip the check; others
    are parsed once here.
    """
    if request.method not in WRITE_METHODS or not request.is_json:
        return
    data = request.get_data(cache=True)
    if not LONG_NUMBER.search(data) and (
        data.count(b"[") + data.count(b"{") <= JSON_BRACKETS_WITHOUT_CHECK
    ):
        return
    try:
        json.loads(data)
    except RecursionError:
        raise APIError(400, "The JSON body is nested too deeply.") from None
    except ValueError as error:
        if "integer string conversion" in str(error):  # Python's limit, a ValueError the body
            # parser does not expect (it would be a 500)
            raise APIError(
                400, f"The JSON body has a number of more than {MAX_DIGITS} digits."
            ) from None
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
        url = config["RATELIMIT_STORAGE_URL"]
        if url.startswith("memory://"):
            self.strategy = WindowCounters()
        else:
            store = limits.storage.storage_from_string(url)
            self.strategy = limits.strategies.SlidingWindowCounterRateLimiter(store)
        # The storage (e.g. Redis) down must not take the API down: count in memory meanwhile.
        self.fallback = WindowCounters()

    def _hit(self, method: str, client: str | None) -> tuple | None:
        """Count a request of ``method`` from ``client``: (allowed, the strategy that counted,
        the limit, the keys), or None when such requests are not limited. The storage (e.g.
        Redis) down counts in memory meanwhile."""
        item = self.items.get(method)
        if not self.enabled or item is None:
            return None
        keys = ("timeline", self.scopes[method], client or "unknown")
        try:
            return self.strategy.hit(item, *keys), self.strategy, item, keys
        except Exception:  # storage unreachable
            log.warning("rate-limit storage failed; counting in memory", exc_info=True)
            return self.fallback.hit(item, *keys), self.fallback, item, keys

    def allows(self, method: str, client: str) -> bool:
        """Count a request and say whether it is within the limit (for answers given outside
        Flask, service.edge.notmodified)."""
        counted = self._hit(method, client)
        return counted is None or counted[0]

    def check(self) -> Response | None:
        """Count this request; the 429 when its client is over the limit. An annotation is
        counted once, by its own limit (check_annotate): counted here as well, it used up the
        client's writes and was refused at the write limit before its own."""
        if request.endpoint in EXEMPT_ENDPOINTS:
            return None
        if request.endpoint == ANNOTATE_ENDPOINT and request.method == "POST":
            return None
        counted = self._hit(request.method, request.remote_addr)
        if counted is None or counted[0]:
            return None
        _allowed, strategy, item, keys = counted
        try:
            reset = strategy.get_window_stats(item, *keys).reset_time
        except Exception:
            reset = time.time() + 1
        return error_response(
            429,
            f"Too many requests: at most {item} per client; retry later.",
            headers={"Retry-After": str(max(1, math.ceil(reset - time.time())))},
        )


class WindowCounters:
    """The sliding-window counter of ``limits`` (this window's count plus the last window's,
    weighted by how much of it still overlaps the last ``expiry`` seconds), kept in this
    process's memory: the same answers as ``limits``' MemoryStorage for one process at a tenth
    of its cost per request (one dict lookup under a lock, no timers or expiry threads), since
    every read pays it. ``hit`` and ``get_window_stats`` as in ``limits.strategies``."""

    PRUNE_EVERY = 10_000  # hits between sweeps of clients idle for two windows

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock
        self.lock = threading.Lock()
        # key -> [window number, count, count of the window before, window seconds]
        self.counts: dict[str, list] = {}
        self.hits = 0

    def _current(self, key: str, window: int, now: float) -> list:
        number = int(now // window)
        entry = self.counts.get(key)
        if entry is None:
            entry = self.counts[key] = [number, 0, 0, window]
        elif entry[0] != number:
            entry[2] = entry[1] if entry[0] == number - 1 else 0
            entry[0], entry[1] = number, 0
        return entry

    def _weighted(self, entry: list, window: int, now: float) -> float:
        return entry[2] * (1 - (now % window) / window) + entry[1]

    def hit(self, item: limits.RateLimitItem, *identifiers: str) -> bool:
        window, now = item.get_expiry(), self.clock()
        key = item.key_for(*identifiers)
        with self.lock:
            entry = self._current(key, window, now)
            if self._weighted(entry, window, now) + 1 > item.amount:
                return False
            entry[1] += 1
            self.hits += 1
            if self.hits % self.PRUNE_EVERY == 0:
                self._prune(now)
        return True

    def get_window_stats(self, item: limits.RateLimitItem, *identifiers: str):
        window, now = item.get_expiry(), self.clock()
        with self.lock:
            entry = self._current(item.key_for(*identifiers), window, now)
            used = self._weighted(entry, window, now)
            # the weighted count drops below the limit once enough of the last window has passed
            if entry[2] and used + 1 > item.amount:
                wait = window * (1 - (item.amount - 1 - entry[1]) / entry[2]) - now % window
            else:
                wait = window - now % window
        return limits.WindowStats(now + max(wait, 0), max(0, int(item.amount - used)))

    def _prune(self, now: float) -> None:
        idle = [k for k, e in self.counts.items() if e[0] < int(now // e[3]) - 1]
        for key in idle:
            del self.counts[key]


class Slots:
    """How many expensive requests (exports, annotations) run at once in this worker: at most
    ``total``, and at most ``per_client`` for one client address. Taking a slot never waits:
    when none is free the request is refused (429 with Retry-After), so these requests can
    never hold every thread of a worker and cheap requests still answer."""

    def __init__(self, what: str, total: int, per_client: int) -> None:
        self.what, self.total, self.per_client = what, max(1, total), max(1, per_client)
        self.lock = threading.Lock()
        self.running = 0
        self.by_client: dict[str, int] = {}

    def take(self) -> Callable[[], None]:
        """Take a slot for this request's client; returns the function that gives it back
        (idempotent). Raises the 429 when the worker or the client is at its bound."""
        client = request.remote_addr or "unknown"
        with self.lock:
            mine = self.by_client.get(client, 0)
            if self.running >= self.total or mine >= self.per_client:
                raise APIError(
                    429,
                    f"Too many {self.what} at once (at most {self.per_client} per client and "
                    f"{self.total} per worker); retry later.",
                    headers={"Retry-After": "2"},
                )
            self.running += 1
            self.by_client[client] = mine + 1
        released = []

        def give_back() -> None:
            with self.lock:
                if released:
                    return
                released.append(True)
                self.running -= 1
                left = self.by_client[client] - 1
                if left:
                    self.by_client[client] = left
                else:
                    del self.by_client[client]

        return give_back


def slots(name: str) -> Slots:
    """This worker's slots for ``exports`` or ``annotations``."""
    return current_app.extensions["timeline_slots"][name]


class AnnotateLimiter:
    """The rate of POST /annotate per client (``RATELIMIT_ANNOTATE``), counted apart from the
    other writes: an annotation stores nothing, but its CPU is the most a request can cost."""

    def __init__(self, config: dict, store) -> None:
        self.enabled = bool(config["RATELIMIT_ENABLED"])
        self.item = limits.parse(config["RATELIMIT_ANNOTATE"])
        self.strategy = limits.strategies.SlidingWindowCounterRateLimiter(store)
        # The storage (e.g. Redis) down: count in memory meanwhile, as RateLimiter does.
        self.fallback = WindowCounters()

    def check(self) -> None:
        if not self.enabled:
            return
        keys = ("timeline", "annotate", request.remote_addr or "unknown")
        try:
            allowed = self.strategy.hit(self.item, *keys)
        except Exception:  # storage unreachable
            log.warning("rate-limit storage failed for annotate; counting in memory", exc_info=True)
            allowed = self.fallback.hit(self.item, *keys)
        if not allowed:
            raise APIError(
                429,
                f"Too many annotations: at most {self.item} per client; retry later.",
                headers={"Retry-After": "10"},
            )


def check_annotate() -> None:
    """POST /annotate: its own body cap (413) and rate (429), before the body is parsed."""
    if request.endpoint != ANNOTATE_ENDPOINT or request.method != "POST":
        return
    limit = current_app.config["MAX_ANNOTATE_BYTES"]
    if (request.content_length or 0) > limit:
        raise APIError(413, f"The body of /annotate is larger than {limit} bytes.")
    current_app.extensions["timeline_annotate_limiter"].check()


def init_app(app: Flask) -> None:
    """Check the query string, the client's request rate, then the JSON depth of bodies."""
    threads = int(app.config["THREADS"])
    app.extensions["timeline_slots"] = {
        "exports": Slots(
            "exports",
            app.config["EXPORTS_PER_WORKER"] or threads // 2,
            app.config["EXPORTS_PER_CLIENT"],
        ),
        "annotations": Slots("annotations", threads // 2, 1),
    }
    store = limits.storage.storage_from_string(app.config["RATELIMIT_STORAGE_URL"])
    app.extensions["timeline_annotate_limiter"] = AnnotateLimiter(app.config, store)
    limiter = app.extensions["timeline_rate_limiter"] = RateLimiter(app.config)
    app.before_request(check_query_string)
    app.before_request(limiter.check)
    app.before_request(check_annotate)
    app.before_request(check_json_depth)
