"""Bodies and representations of the temporal endpoints (annotate, resolve)."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from .common import BodySchema, PublicationDate, QueryArgsSchema


class AnnotateSchema(BodySchema):
    text = fields.String(required=True)
    published_at = PublicationDate(required=True)


class TimexSchema(Schema):
    start = fields.Integer(metadata={"description": "Offset into the text"})
    end = fields.Integer(metadata={"description": "Exclusive"})
    text = fields.String()
    type = fields.String(metadata={"description": "DATE, TIME, DURATION or SET"})
    value = fields.String(metadata={"description": "TIMEX3 value"})
    edtf = fields.String(allow_none=True)
    start_date = fields.Date(allow_none=True)
    end_date = fields.Date(allow_none=True)
    precision = fields.String()
    mod = fields.String(allow_none=True)
    approximate = fields.Boolean()


class TimexListSchema(Schema):
    data = fields.List(fields.Nested(TimexSchema))


class ResolveArgsSchema(QueryArgsSchema):
    expr = fields.String(required=True, validate=validate.Length(min=1, max=200))
    published_at = PublicationDate(required=True)
    tense = fields.String(validate=validate.OneOf(["past", "present", "future"]), load_default=None)
