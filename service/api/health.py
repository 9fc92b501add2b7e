"""Liveness and readiness."""

from __future__ import annotations

from flask_smorest import Blueprint

from ..db import database
from ..errors import APIError

blp = Blueprint("health", __name__, url_prefix="/api/v1", description="Operations")


@blp.route("/healthz", methods=["GET"])
def healthz():
    """Say the process is up (no database access)."""
    return {"status": "ok"}


@blp.route("/readyz", methods=["GET"])
def readyz():
    """Say whether the database answers."""
    try:
        database.execute_sql("SELECT 1")
    except Exception:
        raise APIError(503, "The database is unavailable.", headers={"Retry-After": "5"}) from None
    return {"status": "ready"}
