"""Actors with their event counts."""

from __future__ import annotations

import peewee as pw
from marshmallow import RAISE

from schemas import ActorQueryArgsSchema, ActorSchema, envelope

from ..read import queries
from ..storage.models import Actor, ActorAlias, EventActor
from ..text import fold
from .arguments import Blueprint
from .paging import page, page_size

blp = Blueprint("actors", __name__, url_prefix="/api/v1", description="Actors")


@blp.route("/actors", methods=["GET"])
@blp.arguments(ActorQueryArgsSchema, location="query", unknown=RAISE)
@blp.response(200, envelope(ActorSchema, "ActorList"))
def list_actors(args: dict):
    """List actors that take part in at least one event, by id, with their event counts."""
    limit = page_size(args)
    count = pw.fn.COUNT(EventActor.id)
    query = (
        Actor.select(Actor.key, Actor.name, Actor.kind, Actor.subkind, count.alias("event_count"))
        .join(EventActor)
        .group_by(Actor.id, Actor.key, Actor.name, Actor.kind, Actor.subkind)
        .order_by(Actor.key)
    )
    if args.get("kind"):
        query = query.where(Actor.kind == args["kind"])
    if args.get("q"):
        named = ActorAlias.select(ActorAlias.actor).where(
            ActorAlias.alias.contains(fold(args["q"]))
        )
        query = query.where(
            pw.fn.LOWER(Actor.name).contains(args["q"].lower()) | Actor.id.in_(named)
        )
    if args.get("cursor"):
        (after,) = queries.decode_cursor(args["cursor"], (str,))
        query = query.where(Actor.key > after)
    rows = list(query.limit(limit + 1).dicts())
    cursor = queries.encode_cursor([rows[limit - 1]["key"]]) if len(rows) > limit else None
    data = [
        {
            "id": r["key"],
            "name": r["name"],
            "kind": r["kind"],
            "subkind": r["subkind"],
            "event_count": r["event_count"],
        }
        for r in rows[:limit]
    ]
    return page(data, cursor)
