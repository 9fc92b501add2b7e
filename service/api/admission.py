"""What a posted article must pass, alone or in a batch: its length, its language, and (for a
text stored already) the same metadata; and how ``POST /articles`` documents its body."""

from __future__ import annotations

from flask import current_app, url_for

from .. import config
from ..errors import APIError
from ..storage.models import Article
from ..write import language

_ARTICLE = {"$ref": "#/components/schemas/ArticleCreate"}
#: The body of POST /articles: one article, a JSON array of them, or NDJSON.
REQUEST_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "oneOf": [
                    _ARTICLE,
                    {
                        "type": "array",
                        "items": _ARTICLE,
                        "minItems": 1,
                        "maxItems": config.MAX_BATCH_ARTICLES,
                    },
                ]
            }
        },
        "application/x-ndjson": {
            "schema": {
                "type": "string",
                "description": "A batch: one ArticleCreate JSON object a line (at most "
                f"{config.MAX_BATCH_ARTICLES} lines)",
            }
        },
    },
}
PREFER = {
    "in": "header",
    "name": "Prefer",
    "required": False,
    "schema": {"type": "string", "example": "respond-async"},
    "description": "respond-async: queue the article for the workers (202 and its job's "
    "Location) when a broker is configured (TIMELINE_BROKER_URL); else not applied",
}
IDEMPOTENCY_KEY = {
    "in": "header",
    "name": "Idempotency-Key",
    "required": False,
    "schema": {"type": "string", "maxLength": 200},
    "description": "A retry with the same key returns what the first request stored "
    "(one article only: a batch refuses it)",
}


def check_article(data: dict) -> None:
    """Refuse (422) a text longer than ``MAX_ARTICLE_CHARS`` or in a language not read."""
    limit = current_app.config["MAX_ARTICLE_CHARS"]
    if len(data["text"]) > limit:
        raise APIError(
            422,
            f"The article is longer than {limit} characters.",
            {"text": [f"Longer than {limit} characters."]},
        )
    if refusal := language.unsupported(data["text"]):
        raise APIError(422, refusal, {"language": [refusal]})


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
