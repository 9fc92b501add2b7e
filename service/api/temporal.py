"""Temporal expressions: annotate a text, resolve one expression. Nothing is stored."""

from __future__ import annotations

from flask import current_app
from marshmallow import RAISE

from schemas import AnnotateSchema, ResolveArgsSchema, TimexListSchema, TimexSchema

from .. import budget, temporal
from ..edge.limits import slots
from ..errors import APIError
from ..write.bounds import bounded
from .arguments import Blueprint

blp = Blueprint("temporal", __name__, url_prefix="/api/v1", description="Temporal expressions")


@blp.route("/annotate", methods=["POST"])
@blp.arguments(AnnotateSchema)
@blp.response(200, TimexListSchema)
def annotate(data: dict):
    """Find and normalise every temporal expression in a text.

    The body is at most ``MAX_ANNOTATE_BYTES`` (413), a client may annotate
    ``RATELIMIT_ANNOTATE`` (429), and each worker runs at most half its threads' worth of
    annotations at once, one per client (429 with Retry-After): the CPU one request can take
    is bounded by its size, and annotations never take every thread.
    """
    give_back = slots("annotations").take()
    seconds = current_app.config["ANNOTATE_CPU_SECONDS"]
    try:
        with budget.limit(seconds):
            text = bounded(data["text"])  # same length: offsets are the text's own
            found = temporal.annotate(text, data["published_at"], data.get("document_type"))
        return {"data": found}
    except budget.OverBudget:
        raise budget.OverBudget(
            f"Annotating this text took more than {seconds} s of CPU; send a shorter text."
        ) from None
    finally:
        give_back()


@blp.route("/resolve", methods=["GET"])
@blp.arguments(ResolveArgsSchema, location="query", unknown=RAISE)
@blp.response(200, TimexSchema)
def resolve(args: dict):
    """Resolve one expression (e.g. "last Wednesday") against a publication date."""
    timex = temporal.resolve(args["expr"], args["published_at"], args.get("tense"))
    if timex is None:
        raise APIError(
            422,
            f"{args['expr']!r} is not a temporal expression this service knows.",
            {"expr": ["Not a temporal expression."]},
        )
    return timex
