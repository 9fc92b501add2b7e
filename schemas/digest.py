"""The digest: a story's key dates, each with its most important events."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from .event import EventFilterArgsSchema, EventSchema

#: The precisions a digest date may have, finest first (``precision=`` admits up to this one).
DIGEST_PRECISIONS = ["day", "week", "month", "year"]


class DigestArgsSchema(EventFilterArgsSchema):
    """Arguments of ``GET /digest``: the filters of ``/events``, and how much to return."""

    dates = fields.Integer(
        load_default=20,
        validate=validate.Range(min=1, max=200),
        metadata={"description": "How many dates at most (the most important ones)"},
    )
    per_date = fields.Integer(
        load_default=1,
        validate=validate.Range(min=1, max=20),
        metadata={"description": "How many events per date at most (the most important)"},
    )
    precision = fields.String(
        load_default="day",
        validate=validate.OneOf(DIGEST_PRECISIONS),
        metadata={
            "description": "The coarsest date admitted: day (default) gives days only; month "
            "admits weeks and months too (a month's date is its first day)"
        },
    )


class DigestDateSchema(Schema):
    date = fields.String(metadata={"format": "date", "description": "YYYY-MM-DD (first day)"})
    precision = fields.String(metadata={"description": "day, week, month or year"})
    weight = fields.Float(
        metadata={
            "description": "Sum of its events' weights; with no filter but the window, a day "
            "also weighs 0.5 for each article published on it (see the README: importance)"
        }
    )
    events = fields.List(
        fields.Nested(EventSchema),
        metadata={"description": "Its most important events, as on /events, with sources"},
    )


class DigestSchema(Schema):
    dates = fields.List(fields.Nested(DigestDateSchema), metadata={"description": "In date order"})
