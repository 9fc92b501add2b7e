"""Liveness and readiness."""

from __future__ import annotations

import logging

from flask import current_app, url_for
from marshmallow import Schema, fields

from ..errors import APIError
from ..storage.connection import free_bytes, writable
from ..write import warm
from .arguments import Blueprint

log = logging.getLogger(__name__)

blp = Blueprint("health", __name__, url_prefix="/api/v1", description="Operations")


class StatusSchema(Schema):
    status = fields.String(metadata={"description": "ok (process up) or ready (database up)"})


class IndexSchema(Schema):
    links = fields.Dict(
        keys=fields.String(),
        values=fields.String(),
        metadata={"description": "Name -> absolute URL: docs, OpenAPI document, collections"},
    )


#: What the index links to: (name, endpoint), in the order a newcomer wants them.
INDEX = (
    ("docs", "apidocs.docs"),
    ("openapi", "api-docs.openapi_json"),
    ("timeline", "events.timeline"),
    ("events", "events.list_events"),
    ("histogram", "events.histogram"),
    ("articles", "articles.list_articles"),
    ("actors", "actors.list_actors"),
    ("changes", "changes.list_changes"),
    ("health", "health.healthz"),
    ("readiness", "health.readyz"),
)


@blp.route("/", methods=["GET"])
@blp.response(200, IndexSchema)
def index():
    """Where to start: links to the docs, the OpenAPI document and the main collections."""
    return {"links": {name: url_for(endpoint, _external=True) for name, endpoint in INDEX}}


@blp.route("/healthz", methods=["GET"])
@blp.response(200, StatusSchema)
def healthz():
    """Say the process is up (no database access)."""
    return {"status": "ok"}


@blp.route("/readyz", methods=["GET"])
@blp.response(200, StatusSchema)
@blp.alt_response(503, response="SERVICE_UNAVAILABLE")
def readyz():
    """Say whether this worker has loaded its language model and the database answers and
    takes writes (a SQLite disk with room for them)."""
    if not warm.done():
        raise APIError(
            503, "The worker is still loading its language model.", headers={"Retry-After": "2"}
        )
    try:
        ready = writable()
        free = free_bytes()
    except Exception:
        ready, free = False, None
    if not ready:
        raise APIError(503, "The database is unavailable.", headers={"Retry-After": "5"})
    minimum = current_app.config["READY_MIN_FREE_BYTES"]
    if free is not None and free < minimum:
        # The exact figures go to the log, not to anyone who asks (the probe is public).
        log.warning("database disk nearly full: %s bytes free, under %s", free, minimum)
        raise APIError(
            503, "The database's disk is full: writes would fail.", headers={"Retry-After": "30"}
        )
    return {"status": "ready"}
