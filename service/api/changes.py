"""The change feed: every event created, updated, merged or deleted, in commit order."""

from __future__ import annotations

from marshmallow import RAISE

from schemas import ChangeListSchema, ChangeQueryArgsSchema

from ..read import keyset, lists
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
        after = lists.latest_change()
    elif args.get("since") and args["since"] != "0":
        (after,) = keyset.decode_cursor(args["since"], (int,), field="since")
    data, more = lists.changes(after, page_size(args))
    cursor = keyset.encode_cursor([data[-1]["seq"] if data else after])
    link = next_link(cursor, "since") if more else None
    return {"data": data, "next": link, "cursor": cursor}, 200, link_header(link)
