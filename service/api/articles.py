"""Articles: ingest one, list them, read one with its events."""

from __future__ import annotations

import re

from flask import current_app, request, url_for
from marshmallow import RAISE

from schemas import (
    ArticleCreateSchema,
    ArticleQueryArgsSchema,
    ArticleSchema,
    ArticleSummarySchema,
    envelope,
)

from ..edge import metrics
from ..errors import APIError
from ..read import queries
from ..storage.models import Article
from ..write import curation, language, pipeline
from .arguments import Blueprint
from .paging import page, page_size

IDEMPOTENCY_KEY = re.compile(r"[\x21-\x7e]{1,200}")
blp = Blueprint("articles", __name__, url_prefix="/api/v1", description="News articles")
ArticleListSchema = envelope(ArticleSummarySchema, "ArticleList")


@blp.route("/articles", methods=["POST"])
@blp.arguments(ArticleCreateSchema)
@blp.response(201, ArticleSchema, description="Stored, with its events")
@blp.alt_response(200, schema=ArticleSchema, description="Already stored: the existing article")
@blp.alt_response(409, response="CONFLICT")
@blp.doc(
    parameters=[
        {
            "in": "header",
            "name": "Idempotency-Key",
            "required": False,
            "schema": {"type": "string", "maxLength": 200},
            "description": "A retry with the same key returns what the first request stored",
        }
    ]
)
def create(data: dict):
    """Ingest an article: extract its dated events and store both in one transaction.

    The same text again is a 200 with the stored article; with another ``published_at``,
    ``title``, ``source`` or ``url`` it is a 409 whose ``errors`` say what differs (stored
    articles are not updated: delete and post again to change them).
    """
    limit = current_app.config["MAX_ARTICLE_CHARS"]
    if len(data["text"]) > limit:
        raise APIError(
            422,
            f"The article is longer than {limit} characters.",
            {"text": [f"Longer than {limit} characters."]},
        )
    if refusal := language.unsupported(data["text"]):
        raise APIError(422, refusal, {"language": [refusal]})
    try:
        article, created = pipeline.ingest(data, idempotency_key())
    except pipeline.IdempotencyConflict:
        raise APIError(
            422,
            "This Idempotency-Key was already used for another article; use a new key.",
            {"Idempotency-Key": ["Already used for another request body."]},
        ) from None
    if not created:
        refuse_changed_metadata(article, data)
    body = queries.article_dict(article, queries.article_events(article.id))
    mine = [m for e in body["events"] for m in e["mentions"] if m["article_id"] == article.id]
    metrics.count_ingest(created, len(mine))
    location = url_for("articles.get", article_id=article.id)
    return body, 201 if created else 200, {"Location": location}


#: What a re-post of a stored text may not silently change (None in the request: not compared).
COMPARED = ("published_at", "title", "source", "url")


def refuse_changed_metadata(article: Article, data: dict) -> None:
    """The text is stored already: a request that gives it other metadata is a 409 that says
    what differs, rather than a 200 that silently keeps the old values."""
    differs = {
        name: [f"Stored: {_shown(getattr(article, name))}; sent: {_shown(data[name])}."]
        for name in COMPARED
        if data.get(name) is not None and data[name] != getattr(article, name)
    }
    if differs:
        raise APIError(
            409,
            f"Article {article.id} has this text already, with other {', '.join(differs)}. "
            "Stored articles are not updated: send the stored values (or leave them out), or "
            f"DELETE /api/v1/articles/{article.id} and post the article again.",
            differs,
            {"Location": url_for("articles.get", article_id=article.id)},
        )


def _shown(value: object) -> str:
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return repr(text[:200])


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
    query = queries.filter_articles(Article.select().order_by(Article.id), args)
    if args.get("cursor"):
        (after,) = queries.decode_cursor(args["cursor"], (int,))
        query = query.where(Article.id > after)
    rows = list(query.limit(limit + 1))
    cursor = queries.encode_cursor([rows[limit - 1].id]) if len(rows) > limit else None
    counts = queries.event_counts([a.id for a in rows[:limit]])
    items = [queries.article_dict(a) | {"event_count": counts.get(a.id, 0)} for a in rows[:limit]]
    return page(items, cursor)


@blp.route("/articles/<id:article_id>", methods=["GET"])
@blp.response(200, ArticleSchema)
@blp.alt_response(404, response="NOT_FOUND")
def get(article_id: int):
    """Read one article with its events."""
    article = Article.get_by_id(article_id)
    return queries.article_dict(article, queries.article_events(article.id))


@blp.route("/articles/<id:article_id>", methods=["DELETE"])
@blp.response(204)
def delete(article_id: int):
    """Delete an article, its mentions, and the events only it reported."""
    curation.delete_article(article_id)
    return ""
