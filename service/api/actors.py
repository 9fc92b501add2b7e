"""Actors with their event counts."""

from __future__ import annotations

from marshmallow import RAISE

from schemas import ActorQueryArgsSchema, ActorSchema, envelope

from ..read import lists
from .arguments import Blueprint
from .paging import page, page_size

blp = Blueprint("actors", __name__, url_prefix="/api/v1", description="Actors")


@blp.route("/actors", methods=["GET"])
@blp.arguments(ActorQueryArgsSchema, location="query", unknown=RAISE)
@blp.response(200, envelope(ActorSchema, "ActorList"))
def list_actors(args: dict):
    """List actors that take part in at least one event, by id, with their event counts."""
    limit = page_size(args)
    data, cursor = lists.actors(args.get("kind"), args.get("q"), args.get("cursor"), limit)
    return page(data, cursor)
