"""Structured logs: one JSON object per line, each request logged with its request id.

The id comes from a well-formed incoming ``X-Request-Id`` (else a new uuid4) and is echoed in
the ``X-Request-Id`` response header. Headers are never logged, and anything that looks like a
bearer token or a configured token is masked before a line is written.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import time
import uuid
from typing import Any

from flask import Flask, Response, g, has_request_context, request

log = logging.getLogger("service.request")

REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
BEARER = re.compile(r"(?i)(bearer\s+)[^\s\"',;]+")
FIELDS = ("request_id", "method", "path", "status", "duration_ms")
_secrets: set[str] = set()


def request_id() -> str:
    """This request's id: the client's ``X-Request-Id`` when well formed, else a new uuid4."""
    if "request_id" not in g:
        g.request_id = request_id_of(request.headers.get("X-Request-Id", ""))
    return g.request_id


def request_id_of(given: str) -> str:
    """The id of a request whose client sent ``given`` as its ``X-Request-Id``."""
    return given if REQUEST_ID.fullmatch(given) else str(uuid.uuid4())


def log_request(method: str, path: str, status: int, seconds: float, rid: str) -> None:
    """The one line every request is logged with."""
    if not log.isEnabledFor(logging.INFO):
        return
    log.info(
        "%s %s %s",
        method,
        path,
        status,
        extra={
            "request_id": rid,
            "method": method,
            "path": path,
            "status": status,
            "duration_ms": round(seconds * 1000, 2),
        },
    )


def redact(text: str) -> str:
    text = BEARER.sub(r"\1[redacted]", text)
    for secret in _secrets:
        text = text.replace(secret, "[redacted]")
    return text


class JsonFormatter(logging.Formatter):
    """Format a record as one JSON object: time, level, logger, message and request fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        for name in FIELDS:
            value = getattr(record, name, None)
            if value is None and name == "request_id" and has_request_context():
                value = request_id()
            if value is not None:
                entry[name] = value
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, default=str)


def gunicorn_logconfig(level: str = "INFO") -> dict:
    """gunicorn's ``logconfig_dict``: every logger as JSON lines on stderr; the app logs requests
    itself, so gunicorn's access log is off."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "root": {"level": level, "handlers": ["json"]},
        "loggers": {
            "gunicorn.error": {"level": "INFO", "handlers": [], "propagate": True},
            "gunicorn.access": {"level": "CRITICAL", "handlers": [], "propagate": False},
        },
        "handlers": {
            "json": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stderr",
            }
        },
        "formatters": {"json": {"()": "service.edge.logs.JsonFormatter"}},
    }


def _configure_root(level: str) -> None:
    root = logging.getLogger()
    if not any(isinstance(h.formatter, JsonFormatter) for h in root.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(JsonFormatter())
        root.addHandler(handler)
    logging.getLogger("service").setLevel(level)


def _start() -> None:
    g.log_started = time.perf_counter()
    request_id()


def _finish(response: Response) -> Response:
    rid = request_id()
    response.headers["X-Request-Id"] = rid
    started = g.get("log_started", time.perf_counter())
    log_request(
        request.method, request.path, response.status_code, time.perf_counter() - started, rid
    )
    return response


def init_app(app: Flask) -> None:
    """Log every request as JSON (first hook in, so rejected requests are timed and logged too)."""
    from .security import parse_tokens

    _secrets.update(parse_tokens(app.config.get("API_TOKENS")))
    if app.config["LOG_JSON"] and not app.testing:
        _configure_root(str(app.config["LOG_LEVEL"]).upper())
    app.before_request_funcs.setdefault(None, []).insert(0, _start)
    app.after_request(_finish)


def granian_logconfig(level: str = "INFO") -> dict:
    """granian's ``log_dictconfig``: its own logger (``_granian``) and the app's as JSON lines on
    stderr; the app logs requests itself, so granian's access log stays off."""
    config = gunicorn_logconfig(level)
    config["loggers"] = {"_granian": {"level": "INFO", "handlers": ["json"], "propagate": False}}
    return config
