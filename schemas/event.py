"""Event representations and the arguments that filter them."""

from __future__ import annotations

import datetime as dt

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from service import vocabulary

from .common import BodySchema, CommaList, PageArgsSchema, QueryArgsSchema, Text, WindowDate

#: The vocabularies as the API documents them (lists, as JSON has them).
BUCKETS = list(vocabulary.BUCKETS)
PRECISIONS = list(vocabulary.PRECISIONS)
STATUSES = list(vocabulary.STATUSES)
TYPES = list(vocabulary.EVENT_TYPES)


class EventDateSchema(Schema):
    """When it happened, as precisely as the sources say and no more."""

    text = fields.String(allow_none=True, metadata={"description": "The expression as written"})
    value = fields.String(allow_none=True, metadata={"description": "TIMEX3 value, e.g. 2023-12"})
    edtf = fields.String(allow_none=True, metadata={"description": "EDTF, e.g. ../2023-12-18"})
    start = fields.Date(allow_none=True, metadata={"description": "Inclusive; null = unknown"})
    end = fields.Date(allow_none=True, metadata={"description": "Inclusive; null = unknown"})
    precision = fields.String(validate=validate.OneOf(PRECISIONS))
    approximate = fields.Boolean()
    basis = fields.String(
        allow_none=True,
        metadata={
            "description": "expression, duration, relation, narrative, publication, or curated "
            "(set by a curator: PATCH /events/{id})"
        },
    )


class ActorRefSchema(Schema):
    id = fields.String(metadata={"description": "Stable id, e.g. country:CHN, org:SCO"})
    name = fields.String()
    kind = fields.String(metadata={"description": "country, organisation or person"})


class MentionArticleSchema(Schema):
    """Where a mention comes from: its article's title, source, URL and publication date."""

    id = fields.Integer()
    title = fields.String(allow_none=True)
    source = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    published_at = fields.Date()


class MentionSchema(Schema):
    article_id = fields.Integer()
    article = fields.Nested(MentionArticleSchema)
    sentence = fields.String()
    sentence_start = fields.Integer()
    sentence_end = fields.Integer()
    start = fields.Integer(metadata={"description": "Offset of the clause in the article text"})
    end = fields.Integer(metadata={"description": "Exclusive"})


class EventSchema(Schema):
    id = fields.Integer()
    title = fields.String()
    summary = fields.String()
    type = fields.String()
    cameo = fields.String(allow_none=True, metadata={"description": "CAMEO root code"})
    status = fields.String(metadata={"description": "occurred, ongoing or planned"})
    salience = fields.Float(
        metadata={"description": "How central to its articles, 0..1 (lead, mentions, actors)"}
    )
    date = fields.Nested(EventDateSchema)
    actors = fields.List(fields.Nested(ActorRefSchema))
    mentions = fields.List(fields.Nested(MentionSchema))
    original = fields.Dict(
        allow_none=True,
        metadata={"description": "The extraction's title, type and date, once a person edited it"},
    )
    created_at = fields.AwareDateTime(format="iso", default_timezone=dt.UTC)
    updated_at = fields.AwareDateTime(format="iso", default_timezone=dt.UTC)


FORMATS = ["json", "ndjson", "csv", "ics", "timelinejs"]
SORTS = ["date", "-date", "updated", "-updated"]


DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class EventFilterArgsSchema(QueryArgsSchema):
    """Filters shared by ``/events``, ``/timeline`` and ``/histogram``."""

    from_ = WindowDate(
        "start",
        data_key="from",
        load_default=None,
        metadata={
            "description": "Window start (inclusive): YYYY-MM-DD, YYYY-MM or YYYY (its first day)",
            "pattern": DATE_PATTERN,
        },
    )
    to = WindowDate(
        "end",
        load_default=None,
        metadata={
            "description": "Window end (inclusive): YYYY-MM-DD, YYYY-MM or YYYY (its last day)",
            "pattern": DATE_PATTERN,
        },
    )
    open = fields.String(
        load_default="exclude",
        validate=validate.OneOf(["exclude", "include"]),
        metadata={
            "description": "include: an open-ended date interval matches every window on "
            "its open side; exclude (default): only its known bound is matched"
        },
    )
    actor = CommaList(
        fields.String(validate=validate.Length(min=1, max=200)),
        validate=validate.Length(max=20),
        load_default=list,
        metadata={
            "description": "Actor id (country:IRN), code (IRN) or name (Iran), any case; "
            "repeat or separate with commas for several (any of them). An unknown actor is a "
            "422 pointing to /api/v1/actors?q="
        },
    )
    type = CommaList(
        fields.String(validate=validate.OneOf(TYPES)),
        validate=validate.Length(max=20),
        load_default=list,
        metadata={
            "description": "Event type; repeat or separate with commas for several (any of "
            f"them): {', '.join(TYPES)}"
        },
    )
    article = fields.Integer(validate=validate.Range(min=1, max=2**31 - 1), load_default=None)
    q = fields.String(
        validate=validate.Length(min=1, max=200),
        load_default=None,
        metadata={
            "description": "Words searched in title and summary (stemmed, all of them); "
            "sanc* for a prefix, OR (capitals) between alternatives"
        },
    )

    min_salience = fields.Float(
        load_default=None,
        validate=validate.Range(min=0, max=1),
        metadata={"description": "Only events at least this central to their articles (0..1)"},
    )
    precision_at_least = fields.String(
        load_default=None,
        validate=validate.OneOf(PRECISIONS),
        metadata={"description": "Only dates at least this precise (month: day, week, month)"},
    )
    precision_at_most = fields.String(
        load_default=None,
        validate=validate.OneOf(PRECISIONS),
        metadata={"description": "Only dates at most this precise (month: month ... unknown)"},
    )

    @validates_schema
    def _window(self, data, **kwargs):
        if data.get("from_") and data.get("to") and data["from_"] > data["to"]:
            raise ValidationError("'from' must not be after 'to'.", field_name="from")


class EventQueryArgsSchema(EventFilterArgsSchema, PageArgsSchema):
    """Arguments of ``GET /events`` and ``GET /timeline``."""

    sort = fields.String(
        load_default="date",
        validate=validate.OneOf(SORTS),
        metadata={"description": "date (timeline order), -date, updated or -updated"},
    )
    count = fields.Boolean(
        load_default=False, metadata={"description": "Add the total number of matches"}
    )
    format = fields.String(
        load_default=None,
        validate=validate.OneOf(FORMATS),
        metadata={
            "description": "json (default), ndjson or csv (streamed, every match), ics, "
            "timelinejs; also chosen by the Accept header"
        },
    )


class HistogramArgsSchema(EventFilterArgsSchema):
    """Arguments of ``GET /histogram``."""

    bucket = fields.String(load_default="month", validate=validate.OneOf(BUCKETS))


class HistogramBucketSchema(Schema):
    key = fields.String(metadata={"description": "2023-12-20, 2023-W51, 2023-12 or 2023"})
    start = fields.String(metadata={"format": "date", "description": "First day"})
    end = fields.String(metadata={"format": "date", "description": "Last day"})
    count = fields.Integer(metadata={"description": "Events whose known interval lies inside"})
    overlapping = fields.Integer(
        metadata={"description": "Imprecise events whose interval touches this bucket"}
    )


class HistogramSchema(Schema):
    bucket = fields.String()
    buckets = fields.List(fields.Nested(HistogramBucketSchema))
    imprecise = fields.Dict(
        metadata={"description": "{count, by_precision}: dates coarser than a bucket"}
    )
    open = fields.Integer(metadata={"description": "Events with one unknown bound"})
    undated = fields.Integer(metadata={"description": "Events with no bound"})


class EventDatePatchSchema(BodySchema):
    """A corrected date: a TIMEX3 ``value`` (bounds derived), or explicit bounds."""

    text = Text(allow_none=True, validate=validate.Length(max=200))
    value = Text(validate=validate.Length(min=1, max=40))
    edtf = Text(allow_none=True, validate=validate.Length(max=60))
    start = fields.Date(allow_none=True)
    end = fields.Date(allow_none=True)
    precision = fields.String(validate=validate.OneOf(PRECISIONS))
    approximate = fields.Boolean()

    @validates_schema
    def _complete(self, data, **kwargs):
        if "value" not in data and not {"start", "end", "precision"} <= set(data):
            raise ValidationError("Give a TIMEX3 value, or start, end and precision.")


class EventPatchSchema(BodySchema):
    """The body of ``PATCH /events/{id}``: what to correct and why."""

    title = Text(validate=validate.Length(min=1, max=200))
    type = fields.String(validate=validate.OneOf(TYPES))
    status = fields.String(
        validate=validate.OneOf(STATUSES),
        metadata={"description": "occurred, ongoing or planned (e.g. a forecast)"},
    )
    date = fields.Nested(EventDatePatchSchema)
    reason = Text(required=True, validate=validate.Length(min=1, max=1000))

    @validates_schema
    def _something(self, data, **kwargs):
        if not {"title", "type", "status", "date"} & set(data):
            raise ValidationError("Give at least one of title, type, status or date.")


class EventMergeSchema(BodySchema):
    """The body of ``POST /events/{id}/merge``."""

    into = fields.Integer(
        required=True,
        strict=True,
        validate=validate.Range(min=1, max=2**31 - 1),
        metadata={"description": "The event that survives"},
    )
    reason = Text(required=True, validate=validate.Length(min=1, max=1000))


class EventEditSchema(Schema):
    at = fields.AwareDateTime(format="iso", default_timezone=dt.UTC)
    reason = fields.String()
    changes = fields.Dict()


class EventDetailSchema(EventSchema):
    """One event, with its curation history."""

    edits = fields.List(fields.Nested(EventEditSchema))
