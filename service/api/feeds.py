"""Feed subscriptions: subscribe to a feed, list the feeds with how their polling goes."""

from __future__ import annotations

from flask import current_app, url_for
from marshmallow import RAISE

from schemas import FeedCreateSchema, FeedQueryArgsSchema, FeedSchema, envelope

from ..errors import APIError
from ..read import keyset
from ..storage.models import Feed
from ..write import fetch, polling
from .arguments import Blueprint
from .paging import page, page_size

blp = Blueprint("feeds", __name__, url_prefix="/api/v1", description="Feed subscriptions")
FeedListSchema = envelope(FeedSchema, "FeedList")


@blp.route("/feeds", methods=["POST"])
@blp.arguments(FeedCreateSchema)
@blp.response(201, FeedSchema, description="Subscribed: polled by `timeline watch`")
@blp.alt_response(200, schema=FeedSchema, description="Subscribed already: the feed")
@blp.alt_response(403, response="FORBIDDEN")
def create(data: dict):
    """Subscribe to an RSS or Atom feed: ``timeline watch`` polls it and stores its articles.

    Refused (403) when the server does not fetch from the web (``TIMELINE_FETCH`` is off), and
    (422) when the URL's host resolves to a private, loopback or link-local address.
    """
    if not current_app.config["FETCH"]:
        raise APIError(
            403, "This server does not fetch from the web: TIMELINE_FETCH is off, so feeds "
            "cannot be subscribed to."
        )  # fmt: skip
    try:
        fetch.checked_address(data["url"], fetch.policy_from(current_app.config))
    except fetch.FetchError as exc:
        raise APIError(422, f"The feed cannot be fetched: {exc}", {"url": [str(exc)]}) from None
    feed, created = polling.subscribe(data["url"])
    location = url_for("feeds.get", feed_id=feed.id)
    return feed_dict(feed), 201 if created else 200, {"Location": location}


@blp.route("/feeds", methods=["GET"])
@blp.arguments(FeedQueryArgsSchema, location="query", unknown=RAISE)
@blp.response(200, FeedListSchema)
def list_feeds(args: dict):
    """List the subscribed feeds: last fetch, last error, articles stored, next fetch."""
    limit = page_size(args)
    rows, cursor = keyset.after(Feed.select(), Feed.id, args.get("cursor"), limit, lambda f: f.id)
    counts = polling.article_counts()
    return page([feed_dict(f, counts) for f in rows], cursor)


@blp.route("/feeds/<id:feed_id>", methods=["GET"])
@blp.response(200, FeedSchema)
def get(feed_id: int):
    """Read one feed subscription."""
    return feed_dict(Feed.get_by_id(feed_id))


@blp.route("/feeds/<id:feed_id>", methods=["DELETE"])
@blp.response(204)
def delete(feed_id: int):
    """Unsubscribe (the articles stored from the feed stay)."""
    Feed.get_by_id(feed_id).delete_instance(recursive=False)
    return ""


def feed_dict(feed: Feed, counts: dict[int, int] | None = None) -> dict:
    counts = polling.article_counts() if counts is None else counts
    fields = ("id", "url", "title", "created_at", "last_fetched_at", "last_status")
    more = ("last_error", "errors", "next_fetch_at")
    body = {name: getattr(feed, name) for name in fields + more}
    body["article_count"] = counts.get(feed.id, 0)
    return body
