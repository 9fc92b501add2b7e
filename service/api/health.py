"""Liveness and readiness."""

from __future__ import annotations

from flask import current_app
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from ..db import free_bytes, writable
from ..errors import APIError

blp = Blueprint("health", __name__, url_prefix="/api/v1", description="Operations")


class StatusSchema(Schema):
    status = fields.String(metadata={"description": "ok (process up) or ready (database up)"})


@blp.route("/healthz", methods=["GET"])
@blp.response(200, StatusSchema)
def healthz():
    """Say the process is up (no database access)."""
    return {"status": "ok"}


@blp.route("/readyz", methods=["GET"])
@blp.response(200, StatusSchema)
@blp.alt_response(503, response="SERVICE_UNAVAILABLE")
def readyz():
    """Say whether the database answers and takes writes (a SQLite disk with room for them)."""
    try:
        ready = writable()
        free = free_bytes()
    except Exception:
        ready, free = False, None
    if not ready:
        raise APIError(503, "The database is unavailable.", headers={"Retry-After": "5"})
    minimum = current_app.config["READY_MIN_FREE_BYTES"]
    if free is not None and free < minimum:
        raise APIError(
            503,
            f"The database's disk is full ({free} bytes free, under {minimum}): writes would fail.",
            headers={"Retry-After": "30"},
        )
    return {"status": "ready"}
