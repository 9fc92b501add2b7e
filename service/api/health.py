"""Liveness and readiness."""

from __future__ import annotations

from flask_smorest import Blueprint
from marshmallow import Schema, fields

from ..db import writable
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
    """Say whether the database answers and takes writes."""
    try:
        ready = writable()
    except Exception:
        ready = False
    if not ready:
        raise APIError(503, "The database is unavailable.", headers={"Retry-After": "5"})
    return {"status": "ready"}
