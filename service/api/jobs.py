"""Jobs: a queued article's state (``POST /articles`` with ``Prefer: respond-async``)."""

from __future__ import annotations

import json

from flask import current_app, url_for

from schemas import JobSchema

from ..shapes import article_dict
from ..storage.models import Article, Job
from .arguments import Blueprint

blp = Blueprint("jobs", __name__, url_prefix="/api/v1", description="Queued articles")
job_schema = JobSchema()


@blp.route("/jobs/<job_id>", methods=["GET"])
@blp.response(200, JobSchema)
def get(job_id: str):
    """Read a queued article's job: queued, running, done (with the article) or failed (why)."""
    return job_dict(Job.get_by_id(job_id))


def job_dict(job: Job) -> dict:
    body = {
        "id": job.id,
        "status": job.status,
        "tries": job.tries,
        "created_at": job.created_at,
        "updated_at": job.updated_at,
        "created": job.created,
        "error": json.loads(job.error) if job.error else None,
    }
    if job.status == "done" and job.article_id is not None:
        article = Article.get_or_none(Article.id == job.article_id)
        if article is not None:
            body["article"] = article_dict(article)
            body["location"] = url_for("articles.get", article_id=article.id)
    return body


def accepted(job: Job):
    """The 202 of a queued article: the job, its ``Location``, the preference applied."""
    body = json.dumps(job_schema.dump(job_dict(job)))
    response = current_app.response_class(body, 202, mimetype="application/json")
    response.headers["Location"] = url_for("jobs.get", job_id=job.id)
    response.headers["Preference-Applied"] = "respond-async"
    return response
