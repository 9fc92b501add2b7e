"""The answer to a batch of articles (``POST /articles`` with a JSON array or NDJSON body)."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from .article import ArticleSummarySchema
from .common import ProblemSchema

OUTCOMES = ("stored", "present", "refused")


class ArticleOutcomeSchema(Schema):
    """What became of one article of a batch, at its position in the request."""

    index = fields.Integer(metadata={"description": "Position in the request, from 0"})
    outcome = fields.String(
        validate=validate.OneOf(OUTCOMES),
        metadata={"description": "stored (new), present (the same text was stored) or refused"},
    )
    status = fields.Integer(
        metadata={"description": "The status a POST of this article alone would have had"}
    )
    article = fields.Nested(
        ArticleSummarySchema, metadata={"description": "The stored article (not when refused)"}
    )
    location = fields.String(metadata={"description": "Its URL (not when refused)"})
    error = fields.Nested(ProblemSchema, metadata={"description": "Why it was refused"})


class ArticleBatchSchema(Schema):
    """Each article's outcome, in the order sent, and the counts of each outcome."""

    counts = fields.Dict(keys=fields.String(), values=fields.Integer())
    results = fields.List(fields.Nested(ArticleOutcomeSchema))
