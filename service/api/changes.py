"""The change feed: every event created, updated, merged or deleted, in commit order."""

from __future__ import annotations

import peewee as pw
from marshmallow import RAISE

from schemas import ChangeListSchema, ChangeQueryArgsSchema

from ..read import queries
from ..storage.models import Change, Event
from .arguments import Blueprint
from .paging import link_header, next_link, page_size

blp = Blueprint("changes", __name__, url_prefix="/api/v1", description="Change feed")


@blp.route("/changes", methods=["GET"])
@blp.arguments(ChangeQueryArgsSchema, location="query", unknown=RAISE)
@blp.response(200, ChangeListSchema)
def list_changes(args: dict):
    """List changes after since= (oldest first); poll again with the returned cursor."""
    after = 0
    if args.get("since") == "now":  # start following from here, without reading the past
        after = Change.select(pw.fn.MAX(Change.id)).scalar() or 0
    elif args.get("since") and args["since"] != "0":
        (after,) = queries.decode_cursor(args["since"], (int,), field="since")
    limit = page_size(args)
    rows = list(Change.select().where(Change.id > after).order_by(Change.id).limit(limit + 1))
    more = len(rows) > limit
    rows = rows[:limit]
    live = (
        {
            e["id"]: e
            for e in queries.serialize_events(
                list(Event.select().where(Event.id.in_({r.event_id for r in rows}))),
                with_mentions=False,
            )
        }
        if rows
        else {}
    )
    cursor = queries.encode_cursor([rows[-1].id if rows else after])
    data = [
        {
            "seq": r.id,
            "event_id": r.event_id,
            "action": r.action,
            "merged_into": r.merged_into,
            "at": queries.utc(r.at),
            "event": live.get(r.event_id) if r.action != "deleted" else None,
        }
        for r in rows
    ]
    link = next_link(cursor, "since") if more else None
    return {"data": data, "next": link, "cursor": cursor}, 200, link_header(link)
