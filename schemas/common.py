"""Shapes shared by every resource: the problem document, paging arguments, the list envelope."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping

from marshmallow import RAISE, Schema, ValidationError, fields, pre_load, validate


class ProblemSchema(Schema):
    """RFC 9457 problem details: the body of every error response."""

    type = fields.String(metadata={"description": "URI naming the kind of problem"})
    title = fields.String(metadata={"description": "Short summary of the HTTP status"})
    status = fields.Integer()
    detail = fields.String(metadata={"description": "What went wrong, for a person"})
    errors = fields.Dict(
        keys=fields.String(),
        metadata={
            "description": "Field errors: field name -> messages (422; on a 409, what differs)"
        },
    )


UNKNOWN_FIELD = "Unknown field."


class BodySchema(Schema):
    """A JSON request body (or an object inside one): anything but an object says so."""

    error_messages = {"type": "Must be a JSON object."}


class QueryArgsSchema(Schema):
    """Query-string arguments: an unknown parameter is refused (422, naming the ones accepted);
    an empty parameter (``actor=``, ``q=``, ``from=``) is the same as leaving it out."""

    class Meta:
        unknown = RAISE

    def accepted(self) -> list[str]:
        return sorted(f.data_key or name for name, f in self.load_fields.items())

    @pre_load
    def _drop_empty(self, data, **kwargs):
        if not isinstance(data, Mapping):
            return data  # marshmallow says what is wrong with it
        known = set(self.accepted())
        kept = {}
        for key in data:
            value = data[key]
            if key in known:
                values = value if isinstance(value, list) else [value]
                if all(v == "" for v in values):
                    continue
            kept[key] = value
        return kept

    def handle_error(self, error: ValidationError, data, *, many: bool, **kwargs) -> None:
        messages = error.messages
        if not isinstance(messages, dict):
            return
        unknown = f"Unknown query parameter; accepted: {', '.join(self.accepted())}."
        if any(v == [UNKNOWN_FIELD] for v in messages.values()):
            fixed = {k: [unknown] if v == [UNKNOWN_FIELD] else v for k, v in messages.items()}
            raise ValidationError(fixed, data=data, valid_data=error.valid_data)


class PageArgsSchema(QueryArgsSchema):
    """``limit`` and ``cursor`` of every list endpoint."""

    limit = fields.Integer(
        validate=validate.Range(min=1),
        load_default=None,
        metadata={"description": "Items per page (default 50, at most 500)"},
    )
    cursor = fields.String(
        validate=validate.Length(max=512),
        load_default=None,
        metadata={
            "description": "Opaque: the cursor of the previous page's next link; absent: the "
            "first page"
        },
    )


class CommaList(fields.List):
    """A repeatable query parameter that also takes comma-separated values: ``type=a,b`` is
    ``type=a&type=b`` (any of them)."""

    def _deserialize(self, value, attr, data, **kwargs):
        values = value if isinstance(value, list) else [value]
        parts = [
            part.strip() if isinstance(part, str) else part
            for item in values
            for part in (item.split(",") if isinstance(item, str) else [item])
        ]
        parts = [p for p in parts if p != ""]
        try:
            return super()._deserialize(parts, attr, data, **kwargs)
        except ValidationError as exc:  # per-item messages keyed by index: name the value
            if not isinstance(exc.messages, dict):
                raise
            raise ValidationError(
                [
                    f"{parts[i]!r}: {' '.join(map(str, m)) if isinstance(m, list) else m}"
                    for i, m in sorted(exc.messages.items())
                ]
            ) from None


DATE_FORMS = "YYYY-MM-DD, YYYY-MM or YYYY"


class WindowDate(fields.Field):
    """A window bound: a day (``2023-12-21``), a month (``2023-12``) or a year (``2023``); a
    month or year is its first day as a start (``side="start"``), its last day as an end."""

    def __init__(self, side: str = "start", **kwargs) -> None:
        super().__init__(**kwargs)
        self.side = side

    def _deserialize(self, value, attr, data, **kwargs) -> dt.date:
        text = value.strip() if isinstance(value, str) else ""
        parts = text.split("-")
        try:
            if not (
                len(parts) <= 3
                and len(parts[0]) == 4
                and all(len(p) == 2 for p in parts[1:])
                and all(p.isdigit() for p in parts)
            ):
                raise ValueError
            year = int(parts[0])
            month = int(parts[1]) if len(parts) > 1 else (1 if self.side == "start" else 12)
            if len(parts) == 3:
                day = int(parts[2])
            else:
                day = 1 if self.side == "start" else calendar.monthrange(year, month)[1]
            return dt.date(year, month, day)
        except ValueError:
            shown = value[:40] if isinstance(value, str) else value
            raise ValidationError(
                f"Not a valid date: {shown!r}; accepted: {DATE_FORMS} "
                "(a month or year means its first day in 'from', its last day in 'to')."
            ) from None

    def _serialize(self, value, attr, obj, **kwargs):
        return value.isoformat() if value is not None else None


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
