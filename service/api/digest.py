"""The digest: the key dates of what the filters select."""

from __future__ import annotations

from flask import Response
from marshmallow import RAISE

from schemas.digest import DigestArgsSchema, DigestSchema

from ..read import queries, rendering
from ..read.digest import digest
from .arguments import Blueprint
from .paging import JSON, rendered_events

blp = Blueprint("digest", __name__, url_prefix="/api/v1", description="A story's key dates")


@blp.route("/digest", methods=["GET"])
@blp.arguments(DigestArgsSchema, location="query", unknown=RAISE)
@blp.response(200, DigestSchema)
def get(args: dict):
    """The key dates of the events the filters select, in date order, with their events."""
    key_dates = digest(args)
    rows = [e for d in key_dates for e in d.events]
    texts = queries.render_events(rows, rendered_events())
    dates, at = [], 0
    for d in key_dates:
        if len(texts) == len(rows):  # all rendered at once
            events, at = texts[at : at + len(d.events)], at + len(d.events)
        else:  # some deleted meanwhile: each date's own
            events = queries.render_events(d.events, rendered_events())
        members = [
            ("date", rendering.to_json(d.date)),
            ("precision", rendering.to_json(d.precision)),
            ("weight", rendering.to_json(d.weight)),
            ("events", rendering.array(events)),
        ]
        dates.append(rendering.obj(members))
    return Response(rendering.obj([("dates", rendering.array(dates))]), mimetype=JSON)
