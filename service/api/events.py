"""Events and the timeline."""

from __future__ import annotations

from flask_smorest import Blueprint
from marshmallow import fields

from schemas import EventQueryArgsSchema, EventSchema, envelope

from .. import queries
from ..models import Event
from .paging import page, page_size

blp = Blueprint("events", __name__, url_prefix="/api/v1", description="Dated events")
EventListSchema = envelope(EventSchema, "EventList")
TimelineSchema = type(
    "TimelineSchema",
    (EventListSchema,),
    {
        "undated": fields.List(
            fields.Nested(EventSchema),
            metadata={"description": "Events with no known date bound (first page only)"},
        )
    },
)


@blp.route("/events", methods=["GET"])
@blp.arguments(EventQueryArgsSchema, location="query")
@blp.response(200, EventListSchema)
def list_events(args: dict):
    """List events in timeline order (undated last), filtered."""
    rows, cursor = queries.page_events(
        queries.filter_events(Event.select(), args), args.get("cursor"), page_size(args)
    )
    return page(queries.serialize_events(rows), cursor)


@blp.route("/events/<int:event_id>", methods=["GET"])
@blp.response(200, EventSchema)
def get(event_id: int):
    """Read one event with its actors and every sentence that reported it."""
    return queries.serialize_events([Event.get_by_id(event_id)])[0]


@blp.route("/timeline", methods=["GET"])
@blp.arguments(EventQueryArgsSchema, location="query")
@blp.response(200, TimelineSchema)
def timeline(args: dict):
    """The normalised timeline: dated events in date order, each once; undated ones apart.

    Order: by start date (an open start sorts by its known end), then finer precision first
    (a day before the month that contains it), then id.
    """
    base = queries.filter_events(Event.select(), args)
    rows, cursor = queries.page_events(queries.dated(base), args.get("cursor"), page_size(args))
    body, status, headers = page(queries.serialize_events(rows), cursor)
    undated = [] if args.get("cursor") else list(queries.undated(base).order_by(Event.id))
    body["undated"] = queries.serialize_events(undated)
    return body, status, headers
