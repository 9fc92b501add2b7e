"""A queued article's job (``GET /jobs/{id}``)."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from .article import ArticleSummarySchema
from .common import ProblemSchema

STATUSES = ("queued", "running", "done", "failed")


class JobSchema(Schema):
    """Where a queued article is: queued, running, done (with the article) or failed (why)."""

    id = fields.String()
    status = fields.String(validate=validate.OneOf(STATUSES))
    tries = fields.Integer(metadata={"description": "Tries begun (a worker may have died in one)"})
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    created = fields.Boolean(
        allow_none=True, metadata={"description": "Done: stored by this job (false: present)"}
    )
    article = fields.Nested(ArticleSummarySchema, metadata={"description": "Done: the article"})
    location = fields.String(metadata={"description": "Done: the article's URL"})
    error = fields.Nested(
        ProblemSchema,
        allow_none=True,
        metadata={"description": "Failed: why; queued again after a failed try: that try's error"},
    )
