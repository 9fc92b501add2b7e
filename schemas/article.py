"""Article bodies and representations."""

from __future__ import annotations

import datetime as dt

from marshmallow import Schema, ValidationError, fields, validate

from .common import BodySchema, PageArgsSchema, PublicationDate, Text
from .event import EventSchema
from .temporal import DocumentType

PUBLISHED_AT_NEEDED = (
    "published_at is required: relative dates such as 'on Wednesday' cannot be resolved "
    "without the publication date."
)


def _not_blank(text: str) -> None:
    if not text.strip():
        raise ValidationError("Must contain text, not only white space.")


class ArticleCreateSchema(BodySchema):
    """The body of ``POST /articles``."""

    text = Text(required=True, validate=_not_blank)
    published_at = PublicationDate(
        required=True,
        metadata={"description": "Publication date: relative dates are resolved against it"},
        error_messages={
            "required": PUBLISHED_AT_NEEDED,
            "null": PUBLISHED_AT_NEEDED,
        },
    )
    modified_at = PublicationDate(
        load_default=None,
        allow_none=True,
        metadata={"description": "When the article was last updated, as its page says"},
    )
    title = Text(validate=validate.Length(max=1000), load_default=None, allow_none=True)
    source = Text(validate=validate.Length(max=500), load_default=None, allow_none=True)
    url = fields.Url(
        schemes={"http", "https"},
        validate=validate.Length(max=2000),
        load_default=None,
        allow_none=True,
    )
    language = fields.String(
        validate=validate.OneOf(
            ["en"], error="'{input}' is not supported: only English ('en') is, for now."
        ),
        load_default="en",
    )
    document_type = DocumentType()


class ArticleSchema(Schema):
    """A stored article."""

    id = fields.Integer()
    title = Text(allow_none=True)
    source = Text(allow_none=True)
    url = fields.String(allow_none=True)
    published_at = fields.Date()
    modified_at = fields.Date(allow_none=True)
    language = fields.String()
    content_hash = fields.String(metadata={"description": "SHA-256 of the normalised text"})
    text = fields.String()
    event_count = fields.Integer()
    created_at = fields.AwareDateTime(format="iso", default_timezone=dt.UTC)
    events = fields.List(
        fields.Nested(EventSchema), metadata={"description": "Only on one article"}
    )


class ArticleSummarySchema(ArticleSchema):
    """An article in a list: without its text and events."""

    class Meta:
        exclude = ("text", "events")


class ArticleQueryArgsSchema(PageArgsSchema):
    """Arguments of ``GET /articles``."""
