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


class QueuedOutcomeSchema(Schema):
    """What became of one article of a batch sent with ``Prefer: respond-async``."""

    index = fields.Integer(metadata={"description": "Position in the request, from 0"})
    outcome = fields.String(
        validate=validate.OneOf(("queued", "refused")),
        metadata={"description": "queued (its job follows) or refused (checked before queueing)"},
    )
    status = fields.Integer(
        metadata={"description": "202 when queued; else the status of this article alone"}
    )
    job = fields.Nested(JobSchema, metadata={"description": "Queued: its job"})
    location = fields.String(metadata={"description": "Queued: its job's URL"})
    error = fields.Nested(ProblemSchema, metadata={"description": "Why it was refused"})


class ArticleJobsSchema(Schema):
    """A batch queued (``Prefer: respond-async``): one job per article, in the order sent."""

    counts = fields.Dict(
        keys=fields.String(),
        values=fields.Integer(),
        metadata={"description": "How many were queued and refused"},
    )
    results = fields.List(fields.Nested(QueuedOutcomeSchema))
