"""Article bodies and representations."""

from __future__ import annotations

import datetime as dt

from marshmallow import Schema, ValidationError, fields, validate

from .common import BodySchema, PageArgsSchema, PublicationDate, Text, WindowDate
from .event import DATE_PATTERN, EventSchema
from .temporal import DocumentType

PUBLISHED_AT_NEEDED = (
    "published_at is required: relative dates such as 'on Wednesday' cannot be resolved "
    "without the publication date."
)


#: Days after today (UTC) a publication date may be: an article from a time zone ahead.
FUTURE_DAYS = 1


def _not_in_future(day: dt.date) -> None:
    """A stored article was published: a date in the future (2099) would stretch every view."""
    latest = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=FUTURE_DAYS)
    if day > latest:
        raise ValidationError(
            f"A publication date cannot be in the future: {day.isoformat()} is after "
            f"{latest.isoformat()} (tomorrow, UTC)."
        )


def _not_blank(text: str) -> None:
    if not text.strip():
        raise ValidationError("Must contain text, not only white space.")


class ArticleCreateSchema(BodySchema):
    """The body of ``POST /articles``."""

    text = Text(required=True, validate=_not_blank)
    published_at = PublicationDate(
        required=True,
        validate=_not_in_future,
        metadata={
            "description": "Publication date: relative dates are resolved against it; "
            "not after tomorrow (UTC)"
        },
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
    """Arguments of ``GET /articles``: every filter given must hold."""

    source = fields.String(
        validate=validate.Length(min=1, max=200),
        load_default=None,
        metadata={"description": "The article's source, e.g. Reuters (case-insensitive)"},
    )
    from_ = WindowDate(
        "start",
        data_key="from",
        load_default=None,
        metadata={
            "description": "Published on or after: YYYY-MM-DD, YYYY-MM or YYYY (its first day)",
            "pattern": DATE_PATTERN,
        },
    )
    to = WindowDate(
        "end",
        load_default=None,
        metadata={
            "description": "Published on or before: YYYY-MM-DD, YYYY-MM or YYYY (its last day)",
            "pattern": DATE_PATTERN,
        },
    )
    q = fields.String(
        validate=validate.Length(min=1, max=200),
        load_default=None,
        metadata={"description": "Words in the title or text, every one (case-insensitive)"},
    )
