"""Prometheus metrics at ``/metrics``: requests by route and status, latency, ingests.

prometheus_client is imported on the first request, in the worker, never in gunicorn's
master: ``timeline serve`` points ``PROMETHEUS_MULTIPROC_DIR`` at a shared folder before the
workers start, so the counts of all workers add up.
"""

from __future__ import annotations

import functools
import threading
import time
from typing import Any

from flask import Flask, Response, g, request

SKIPPED = {"metrics", "static"}


_LOCK = threading.Lock()


def _metrics() -> dict[str, Any]:
    """The metrics, made once per process (threads of a gthread worker race for the first)."""
    with _LOCK:
        return _make_metrics()


@functools.cache
def _make_metrics() -> dict[str, Any]:
    import prometheus_client as prom

    return {
        "requests": prom.Counter(
            "timeline_http_requests_total", "HTTP requests", ["route", "method", "status"]
        ),
        "latency": prom.Histogram(
            "timeline_http_request_seconds",
            "Time to answer",
            ["route"],
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
        ),
        "ingests": prom.Counter("timeline_ingested_articles_total", "Articles posted", ["outcome"]),
        "events": prom.Counter("timeline_ingested_event_mentions_total", "Event mentions stored"),
    }


def count_ingest(created: bool, mentions: int) -> None:
    """Called by the ingest view: an article stored (with its mentions) or already present."""
    _metrics()["ingests"].labels("stored" if created else "present").inc()
    if created:
        _metrics()["events"].inc(mentions)


def exposition() -> Response:
    """The text format, merged across worker processes when they share a folder."""
    import os

    import prometheus_client as prom
    from prometheus_client import multiprocess

    _metrics()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = prom.CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = prom.REGISTRY
    return Response(prom.generate_latest(registry), content_type=prom.CONTENT_TYPE_LATEST)


def init_app(app: Flask) -> None:
    app.add_url_rule("/metrics", "metrics", exposition)

    @app.before_request
    def _start() -> None:
        g.metrics_started = time.perf_counter()

    @app.after_request
    def _observe(response: Response) -> Response:
        if request.endpoint not in SKIPPED and "metrics_started" in g:
            route = request.url_rule.rule if request.url_rule else "unmatched"
            request.environ["timeline.route"] = route  # for service.edge.notmodified
            seconds = time.perf_counter() - g.metrics_started
            observe(route, request.method, response.status_code, seconds)
        return response


def observe(route: str, method: str, status: int, seconds: float) -> None:
    """Count one answered request and its time."""
    metrics = _metrics()
    metrics["requests"].labels(route, method, str(status)).inc()
    metrics["latency"].labels(route).observe(seconds)
