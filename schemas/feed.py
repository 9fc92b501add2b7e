"""Feed subscriptions: the body of ``POST /feeds`` and a feed as ``GET /feeds`` shows it."""

from __future__ import annotations

import datetime as dt

from marshmallow import Schema, fields, validate

from .common import BodySchema, PageArgsSchema


class FeedCreateSchema(BodySchema):
    """The body of ``POST /feeds``."""

    url = fields.Url(
        required=True,
        schemes={"http", "https"},
        validate=validate.Length(max=2000),
        metadata={"description": "URL of an RSS 0.9x/2.0, RSS 1.0 or Atom feed"},
    )


class FeedSchema(Schema):
    """A subscribed feed and how its polling goes."""

    id = fields.Integer()
    url = fields.String()
    title = fields.String(allow_none=True, metadata={"description": "The feed's own, once read"})
    created_at = fields.AwareDateTime(format="iso", default_timezone=dt.UTC)
    last_fetched_at = fields.AwareDateTime(format="iso", default_timezone=dt.UTC, allow_none=True)
    last_status = fields.String(
        allow_none=True,
        metadata={"description": "fetched, not modified (a 304) or error; null before the first"},
    )
    last_error = fields.String(
        allow_none=True, metadata={"description": "Why the last poll failed"}
    )
    errors = fields.Integer(metadata={"description": "Failed polls in a row (the back-off grows)"})
    next_fetch_at = fields.AwareDateTime(format="iso", default_timezone=dt.UTC)
    article_count = fields.Integer(metadata={"description": "Articles stored from this feed"})


class FeedQueryArgsSchema(PageArgsSchema):
    """Arguments of ``GET /feeds``."""
