"""Events, the timeline and the histogram."""

from __future__ import annotations

from typing import NoReturn

from flask import Response, url_for
from marshmallow import RAISE, fields

from schemas import (
    EventDetailSchema,
    EventMergeSchema,
    EventPatchSchema,
    EventQueryArgsSchema,
    EventSchema,
    HistogramArgsSchema,
    HistogramSchema,
    envelope,
)

from ..errors import APIError
from ..read import histogram as buckets
from ..read import queries, rendering
from ..read.successor import successor
from ..storage.models import Event
from ..write import curation
from .arguments import Blueprint
from .exports import export, requested_format
from .paging import JSON, events_page, page_size, rendered_events

blp = Blueprint("events", __name__, url_prefix="/api/v1", description="Dated events")
EXPORTS = {
    "application/x-ndjson": {"schema": {"type": "string"}},
    "text/csv": {"schema": {"type": "string"}},
    "text/calendar": {"schema": {"type": "string"}},
    "application/vnd.timelinejs+json": {"schema": {"type": "object"}},
}


def export_doc(schema_name: str) -> dict:
    """The 200 response of a list that can also be exported (JSON, then the other formats)."""
    json_content = {"schema": {"$ref": f"#/components/schemas/{schema_name}"}}
    return {
        "responses": {
            "200": {
                "description": "OK: JSON by default, or the format asked for",
                "content": {"application/json": json_content, **EXPORTS},
            }
        }
    }


EventListSchema = type(
    "EventListSchema",
    (envelope(EventSchema, "EventListBase"),),
    {"count": fields.Integer(metadata={"description": "Total matches (with count=true)"})},
)
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
@blp.arguments(EventQueryArgsSchema, location="query", unknown=RAISE)
@blp.response(200, EventListSchema)
@blp.doc(**export_doc("EventList"))
def list_events(args: dict):
    """List events in timeline order (undated last), filtered; or export them all."""
    fmt = requested_format(args.get("format"))
    if fmt != "json":
        return export(queries.filter_events(Event.select(), args), fmt, args["sort"], "Events")
    return _page(queries.filter_events(Event.select(*queries.PAGE_COLUMNS), args), args)


@blp.route("/events/<id:event_id>", methods=["GET"])
@blp.response(200, EventDetailSchema)
@blp.alt_response(404, response="NOT_FOUND")
def get(event_id: int):
    """Read one event with its actors, every sentence that reported it, and its edits. An
    event merged into another answers 404 saying which (and a ``Link`` to it)."""
    rows = queries.event_keys(event_id)
    if not rows:
        _missing(event_id)
    texts = queries.render_events(rows, rendered_events())
    if not texts:  # deleted since the first query
        _missing(event_id)
    edits = rendering.to_json(queries.edits_of(event_id))
    return Response(rendering.with_member(texts[0], "edits", edits), mimetype=JSON)


def _missing(event_id: int) -> NoReturn:
    where = successor(event_id)
    if where is None:
        raise Event.DoesNotExist
    url = url_for("events.get", event_id=where)
    raise APIError(
        404,
        f"Event {event_id} was merged into event {where} ({url}), which holds its reports.",
        headers={"Link": f'<{url}>; rel="successor-version"'},
    )


@blp.route("/events/<id:event_id>", methods=["PATCH"])
@blp.arguments(EventPatchSchema)
@blp.response(200, EventDetailSchema)
def patch(data: dict, event_id: int):
    """Correct an event's title, type or date, saying why; the original stays visible."""
    reason = data.pop("reason")
    return _detail(curation.edit_event(event_id, data, reason))


@blp.route("/events/<id:event_id>/merge", methods=["POST"])
@blp.arguments(EventMergeSchema)
@blp.response(200, EventDetailSchema)
def merge(data: dict, event_id: int):
    """Merge this event into another that reports the same happening; this one is deleted."""
    return _detail(curation.merge_events(event_id, data["into"], data["reason"]))


def _detail(event: Event) -> dict:
    body = queries.serialize_events([event])[0]
    body["edits"] = queries.edits_of(event.id)
    return body


@blp.route("/timeline", methods=["GET"])
@blp.arguments(EventQueryArgsSchema, location="query", unknown=RAISE)
@blp.response(200, TimelineSchema)
@blp.doc(**export_doc("Timeline"))
def timeline(args: dict):
    """The normalised timeline: dated events in date order, each once; undated ones apart.

    Order: by start date (an open start sorts by its known end), then finer precision first
    (a day before the month that contains it), then id.
    """
    fmt = requested_format(args.get("format"))
    if fmt != "json":
        base = queries.filter_events(Event.select(), args)
        return export(queries.dated(base), fmt, args["sort"], "Timeline")
    base = queries.filter_events(Event.select(*queries.PAGE_COLUMNS), args)
    undated = (
        []
        if args.get("cursor")
        else list(queries.undated(base).order_by(Event.id).limit(page_size(args)))
    )
    texts = queries.render_events(undated, rendered_events())
    return _page(queries.dated(base), args, undated=rendering.array(texts))


@blp.route("/histogram", methods=["GET"])
@blp.arguments(HistogramArgsSchema, location="query", unknown=RAISE)
@blp.response(200, HistogramSchema)
def histogram(args: dict):
    """Count events per day, week, month or year; imprecise, open and undated ones apart."""
    query = queries.filter_events(Event.select(), args)
    rows = query.select(Event.date_start, Event.date_end, Event.date_precision).tuples()
    try:
        return buckets.histogram(
            rows.iterator(), args["bucket"], lo=args.get("from_"), hi=args.get("to")
        )
    except buckets.TooManyBuckets as exc:
        raise APIError(422, str(exc), {"bucket": [str(exc)]}) from None


def _page(query, args: dict, **extra: str) -> Response:
    """One page of ``query`` as JSON, with the total when ``count=true``."""
    rows, cursor = queries.page_events(
        query, args.get("cursor"), page_size(args), args.get("sort", "date")
    )
    if args.get("count"):
        extra = {"count": rendering.to_json(query.count()), **extra}
    return events_page(rows, cursor, **extra)
