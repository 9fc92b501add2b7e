"""Shapes shared by every resource: the problem document, paging arguments, the list envelope."""

from __future__ import annotations

import datetime as dt

from marshmallow import Schema, ValidationError, fields, validate


class ProblemSchema(Schema):
    """RFC 9457 problem details: the body of every error response."""

    type = fields.String(metadata={"description": "URI naming the kind of problem"})
    title = fields.String(metadata={"description": "Short summary of the HTTP status"})
    status = fields.Integer()
    detail = fields.String(metadata={"description": "What went wrong, for a person"})
    errors = fields.Dict(
        keys=fields.String(),
        metadata={"description": "Field errors: field name -> list of messages (422 only)"},
    )


class PageArgsSchema(Schema):
    """``limit`` and ``cursor`` of every list endpoint."""

    limit = fields.Integer(validate=validate.Range(min=1), load_default=None)
    cursor = fields.String(validate=validate.Length(max=512), load_default=None)


class Text(fields.String):
    """A string a database can store: no NUL character, no lone UTF-16 surrogate."""

    def _deserialize(self, value, attr, data, **kwargs) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        if "\x00" in text:
            raise ValidationError("Must not contain NUL (\\u0000) characters.")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise ValidationError("Not valid Unicode (a lone surrogate escape).") from None
        return text


class PublicationDate(fields.Field):
    """An ISO date (``2023-12-21``) or datetime (``2023-12-21T09:30:00Z``), loaded as a date."""

    def _deserialize(self, value, attr, data, **kwargs) -> dt.date:
        if not isinstance(value, str):
            raise ValidationError("Must be an ISO 8601 date string, e.g. 2023-12-21.")
        try:
            if len(value) == 10:
                parsed = dt.date.fromisoformat(value)
            else:
                parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
        except ValueError:
            raise ValidationError(
                f"Not a valid date: {value[:40]!r}; use YYYY-MM-DD or an ISO 8601 datetime."
            ) from None
        if not 1000 <= parsed.year <= 2999:
            raise ValidationError("Year must be between 1000 and 2999.")
        return parsed

    def _serialize(self, value, attr, obj, **kwargs):
        return value.isoformat() if value is not None else None


def envelope(item_schema: type[Schema], name: str) -> type[Schema]:
    """The list envelope ``{"data": [...], "next": url-or-null}`` around ``item_schema``."""
    return Schema.from_dict(
        {
            "data": fields.List(fields.Nested(item_schema)),
            "next": fields.String(
                allow_none=True, metadata={"description": "URL of the next page, or null"}
            ),
        },
        name=name,
    )
