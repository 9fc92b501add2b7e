"""Bodies and representations of the temporal endpoints (annotate, resolve)."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from service.vocabulary import DOCUMENT_TYPES

from .common import BodySchema, PublicationDate, QueryArgsSchema


class DocumentType(fields.String):
    """The optional ``document_type``: how the text's year-less and relative dates are read."""

    def __init__(self, **kwargs):
        super().__init__(
            validate=validate.OneOf(DOCUMENT_TYPES),
            allow_none=True,
            metadata={
                "description": "How the text's year-less and relative dates are read: 'news' "
                "from the publication date (but for a background passage a sentence-opening "
                "past year sets), 'narrative' from the time the text is telling ('In 1917 ... "
                "On 15 May' is 1917-05-15). Omitted or null: detected from the text.",
                "enum": list(DOCUMENT_TYPES),
            },
            **kwargs,
        )


class AnnotateSchema(BodySchema):
    text = fields.String(required=True)
    published_at = PublicationDate(required=True)
    document_type = DocumentType()


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
