"""Articles: ingest one, list them, read one with its events."""

from __future__ import annotations

import re

from flask import current_app, request, url_for
from marshmallow import RAISE

from schemas import (
    ArticleBatchSchema,
    ArticleCreateSchema,
    ArticleQueryArgsSchema,
    ArticleSchema,
    ArticleSummarySchema,
    envelope,
)

from .. import queue
from ..edge import metrics
from ..errors import APIError
from ..read import lists, queries
from ..shapes import article_dict
from ..storage.models import Article
from ..write import curation, pipeline
from . import admission, batch, jobs
from .arguments import Blueprint
from .paging import page, page_size

IDEMPOTENCY_KEY = re.compile(r"[\x21-\x7e]{1,200}")
blp = Blueprint("articles", __name__, url_prefix="/api/v1", description="News articles")
ArticleListSchema = envelope(ArticleSummarySchema, "ArticleList")


@blp.route("/articles", methods=["POST"])
@blp.response(201, ArticleSchema, description="Stored, with its events")
@blp.alt_response(200, schema=ArticleSchema, description="Already stored: the existing article")
@blp.alt_response(
    207, schema=ArticleBatchSchema, description="A batch: each article's outcome, in order"
)
@blp.alt_response(
    202,
    schema={
        "oneOf": [
            {"$ref": "#/components/schemas/Job"},
            {"$ref": "#/components/schemas/ArticleJobs"},
        ]
    },
    description="Queued (Prefer: respond-async): one article's job (Location is its URL), or "
    "a batch's jobs, one per article in order (ArticleJobs)",
)
@blp.alt_response(400, response="BAD_REQUEST")
@blp.alt_response(409, response="CONFLICT")
@blp.alt_response(413, response="REQUEST_ENTITY_TOO_LARGE")
@blp.alt_response(422, response="UNPROCESSABLE_ENTITY")
@blp.doc(
    requestBody=admission.REQUEST_BODY, parameters=[admission.IDEMPOTENCY_KEY, admission.PREFER]
)
def create():
    """Ingest an article, or a batch of them: extract dated events and store each article
    with its events in one transaction.

    The same text again is a 200 with the stored article; with another ``published_at``,
    ``title``, ``source`` or ``url`` it is a 409 whose ``errors`` say what differs (stored
    articles are not updated: delete and post again to change them). A text whose reading
    fails (over its CPU budget, or a fault of the extractors on it) is a 422 saying why, with
    nothing stored: it would fail the same way again.

    A JSON array, or NDJSON (``Content-Type: application/x-ndjson``, one article a line), is a
    batch of at most ``MAX_BATCH_ARTICLES`` articles (100) within ``MAX_CONTENT_LENGTH`` bytes
    (2 MiB): each article is stored on its own and the 207 answer lists each one's outcome
    in order (stored, present, or refused with the error a single POST would have got).

    With a broker configured, ``Prefer: respond-async`` queues one article for the workers:
    202 with ``Location: /api/v1/jobs/{id}`` (checked first: an invalid article is still a 422).
    A batch with it is queued article by article: 202 listing, in order, each one's job and its
    URL, or why it was refused (checked as a single POST is; the others are queued). Without a
    broker the preference is not applied (no ``Preference-Applied``: the usual answers).
    """
    body = batch.read_body()
    if isinstance(body, list):
        if request.headers.get("Idempotency-Key") is not None:
            raise APIError(
                422,
                "Idempotency-Key applies to one article; a batch is safe to retry as it is "
                "(each text is stored once).",
                {"Idempotency-Key": ["Not accepted with a batch."]},
            )
        return batch.queued(body) if respond_async() else batch.answer(body)
    data = ArticleCreateSchema().load(body)
    admission.check_article(data)
    if respond_async():
        return jobs.accepted(queue.enqueue(current_app, body))
    try:
        article, created = pipeline.ingest(data, idempotency_key())
    except pipeline.IdempotencyConflict:
        raise APIError(
            422,
            "This Idempotency-Key was already used for another article; use a new key.",
            {"Idempotency-Key": ["Already used for another request body."]},
        ) from None
    if not created:
        admission.refuse_changed_metadata(article, data)
    body = article_dict(article, queries.article_events(article.id))
    mine = [m for e in body["events"] for m in e["mentions"] if m["article_id"] == article.id]
    metrics.count_ingest(created, len(mine))
    location = url_for("articles.get", article_id=article.id)
    return body, 201 if created else 200, {"Location": location}


def respond_async() -> bool:
    """Whether to queue the article: asked for (RFC 7240 ``Prefer: respond-async``) and a
    broker is configured (else the preference is not applied: the answer is the usual one)."""
    prefer = ",".join(request.headers.getlist("Prefer")).lower()
    asked = "respond-async" in [p.split(";")[0].strip() for p in prefer.split(",")]
    if not asked or not queue.enabled(current_app):
        return False
    if request.headers.get("Idempotency-Key") is not None:
        raise APIError(
            422,
            "Idempotency-Key is not taken with Prefer: respond-async (a queued text is stored "
            "once whatever the tries); send one or the other.",
            {"Idempotency-Key": ["Not accepted with Prefer: respond-async."]},
        )
    return True


def idempotency_key() -> str | None:
    """The optional ``Idempotency-Key`` header: 1-200 visible ASCII characters."""
    key = request.headers.get("Idempotency-Key")
    if key is None:
        return None
    if not IDEMPOTENCY_KEY.fullmatch(key):
        raise APIError(
            422,
            "Idempotency-Key must be 1 to 200 visible ASCII characters.",
            {"Idempotency-Key": ["Not a valid key."]},
        )
    return key


@blp.route("/articles", methods=["GET"])
@blp.arguments(ArticleQueryArgsSchema, location="query", unknown=RAISE)
@blp.response(200, ArticleListSchema)
def list_articles(args: dict):
    """List stored articles in the order they were stored (by id), filtered by source,
    publication window (from, to) and words (q)."""
    limit = page_size(args)
    data, cursor = lists.articles(args, limit)
    return page(data, cursor)


@blp.route("/articles/<id:article_id>", methods=["GET"])
@blp.response(200, ArticleSchema)
@blp.alt_response(404, response="NOT_FOUND")
def get(article_id: int):
    """Read one article with its events."""
    article = Article.get_by_id(article_id)
    return article_dict(article, queries.article_events(article.id))


@blp.route("/articles/<id:article_id>", methods=["DELETE"])
@blp.response(204)
def delete(article_id: int):
    """Delete an article, its mentions, and the events only it reported."""
    curation.delete_article(article_id)
    return ""
