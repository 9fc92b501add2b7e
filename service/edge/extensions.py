"""Browser-facing extensions: CORS for dashboards on other origins, and compression."""

from __future__ import annotations

from flask import Flask
from flask_compress import Compress
from flask_cors import CORS

compress = Compress()

EXPOSED = ["ETag", "Last-Modified", "Link", "Location", "Retry-After", "X-Request-Id"]
ALLOWED = [
    "Authorization",
    "Content-Type",
    "If-None-Match",
    "If-Modified-Since",
    "Idempotency-Key",
    "X-Request-Id",
]
COMPRESSED = [
    "application/json",
    "application/problem+json",
    "application/x-ndjson",
    "application/vnd.timelinejs+json",
    "text/csv",
    "text/calendar",
    "text/html",
    "text/css",
    "application/javascript",
    "text/javascript",
]


def init_app(app: Flask) -> None:
    """CORS on the API (exposing the validators and links), gzip for large text answers and
    for streamed exports."""
    origins = app.config["CORS_ORIGINS"]
    if isinstance(origins, str):
        origins = [o.strip() for o in origins.split(",") if o.strip()] or "*"
        origins = "*" if origins == ["*"] else origins
    CORS(
        app,
        resources={r"/api/*": {"origins": origins}},
        expose_headers=EXPOSED,
        allow_headers=ALLOWED,
        max_age=600,
    )
    app.config.setdefault("COMPRESS_MIMETYPES", COMPRESSED)
    app.config.setdefault("COMPRESS_ALGORITHM", ["gzip"])
    # Streamed answers (the CSV and NDJSON exports) too, compressed as they stream: gzip is
    # what clients (curl --compressed, pandas, browsers) ask for.
    app.config.setdefault("COMPRESS_ALGORITHM_STREAMING", ["gzip"])
    app.config.setdefault("COMPRESS_MIN_SIZE", 1024)
    compress.init_app(app)
