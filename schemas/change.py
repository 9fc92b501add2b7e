"""The change feed."""

from __future__ import annotations

import datetime as dt

from marshmallow import Schema, fields, validate

from .common import QueryArgsSchema
from .event import EventSchema


class ChangedEventSchema(EventSchema):
    """An event in the change feed: without its mentions (read them from /events/{id})."""

    class Meta:
        exclude = ("mentions",)


class ChangeSchema(Schema):
    seq = fields.Integer(metadata={"description": "Position in commit order"})
    event_id = fields.Integer()
    action = fields.String(metadata={"description": "created, updated, merged or deleted"})
    merged_into = fields.Integer(
        allow_none=True, metadata={"description": "The surviving event of a merge"}
    )
    at = fields.AwareDateTime(format="iso", default_timezone=dt.UTC)
    event = fields.Nested(
        ChangedEventSchema,
        allow_none=True,
        metadata={"description": "The event as it is now (null once deleted)"},
    )


class ChangeListSchema(Schema):
    data = fields.List(fields.Nested(ChangeSchema))
    next = fields.String(allow_none=True, metadata={"description": "More changes now: this URL"})
    cursor = fields.String(metadata={"description": "Pass as since= on the next poll"})


class ChangeQueryArgsSchema(QueryArgsSchema):
    since = fields.String(
        load_default=None,
        validate=validate.Length(max=200),
        metadata={
            "description": "The cursor of the last poll; absent or 0: from the start; "
            "now: only what changes from now on"
        },
    )
    limit = fields.Integer(validate=validate.Range(min=1), load_default=None)
