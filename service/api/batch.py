"""Batches of articles: ``POST /articles`` with a JSON array or an NDJSON body.

Every article is checked and stored on its own, as if posted alone (its own transaction), and
answered at its position: stored, present (its text was stored already) or refused with the
problem document a single POST would have got. A bad article refuses only itself. The texts
to read are parsed together (``pipeline.extract_many``), which is what makes a batch cheaper
than as many single POSTs. With ``Prefer: respond-async`` and a broker, each article is
checked the same way and queued on its own (:func:`queued`): a 202 with one job per article.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import peewee as pw
from flask import Response, current_app, request, url_for
from marshmallow import ValidationError, missing

from schemas import ArticleBatchSchema, ArticleCreateSchema, ArticleJobsSchema

from .. import queue
from ..edge import metrics
from ..errors import APIError, _flatten, invalid_fields_detail, not_json_detail, problem
from ..exceptions import Unreadable
from ..shapes import article_dict
from ..write import pipeline
from . import admission, jobs
from .arguments import Blueprint

log = logging.getLogger(__name__)
NDJSON = "application/x-ndjson"
#: An NDJSON line that is not JSON: refused alone.
_NOT_JSON = object()
batch_schema = ArticleBatchSchema()
queued_schema = ArticleJobsSchema()


def read_body() -> Any:
    """The JSON body (webargs' rules: an empty body is ``{}``, malformed JSON a 400), or the
    list of an NDJSON body's records (a line that is not JSON is refused on its own)."""
    if request.mimetype == NDJSON:
        try:
            lines = request.get_data().decode("utf-8").splitlines()
        except UnicodeDecodeError as exc:
            raise APIError(400, f"The request body is not UTF-8: {exc.reason}.") from None
        return [_record(line) for line in lines if line.strip()]
    raw = Blueprint.ARGUMENTS_PARSER.load_json(request, ArticleCreateSchema())
    return {} if raw is missing else raw


def _record(line: str) -> Any:
    try:
        return json.loads(line)
    except ValueError as exc:
        return (_NOT_JSON, exc)


def _check_size(records: list) -> None:
    limit = current_app.config["MAX_BATCH_ARTICLES"]
    if not records:
        raise APIError(422, "The batch is empty: send at least one article.")
    if len(records) > limit:
        raise APIError(413, f"A batch holds at most {limit} articles; this one has {len(records)}.")


def answer(records: list) -> Response:
    """Store each record of a batch; a 207 listing each one's outcome in order."""
    _check_size(records)
    results: list[dict | None] = [None] * len(records)
    valid: list[tuple[int, dict]] = []
    for index, raw in enumerate(records):
        try:
            valid.append((index, checked(raw)))
        except APIError as error:
            results[index] = refused(index, error)
    extracted = _extract_new([data for _, data in valid])
    for index, data in valid:
        results[index] = _store(index, data, extracted.get(pipeline.content_hash(data["text"])))
    counts = {outcome: 0 for outcome in ("stored", "present", "refused")}
    for result in results:
        counts[result["outcome"]] += 1
    body = batch_schema.dump({"counts": counts, "results": results})
    return current_app.response_class(json.dumps(body), 207, mimetype="application/json")


def queued(records: list) -> Response:
    """Queue each record of a batch for the workers (``Prefer: respond-async`` with a broker):
    each checked as a single POST would be, then one job each; a 202 listing each one's job,
    or why it was refused, in order."""
    _check_size(records)
    results: list[dict] = []
    for index, raw in enumerate(records):
        try:
            checked(raw)
        except APIError as error:
            results.append(refused(index, error))
            continue
        job = queue.enqueue(current_app, raw)
        results.append(
            {
                "index": index,
                "outcome": "queued",
                "status": 202,
                "job": jobs.job_dict(job),
                "location": url_for("jobs.get", job_id=job.id),
            }
        )
    counts = {outcome: 0 for outcome in ("queued", "refused")}
    for result in results:
        counts[result["outcome"]] += 1
    body = queued_schema.dump({"counts": counts, "results": results})
    response = current_app.response_class(json.dumps(body), 202, mimetype="application/json")
    response.headers["Preference-Applied"] = "respond-async"
    return response


def checked(raw: Any) -> dict:
    """One record as a single POST's body would be checked: the validated data, or APIError."""
    if isinstance(raw, tuple) and raw and raw[0] is _NOT_JSON:
        detail = not_json_detail(raw[1]).replace("Send one JSON object", "Send one per line")
        raise APIError(400, detail, {"_schema": [detail]})
    try:
        data = ArticleCreateSchema().load(raw)
    except ValidationError as exc:
        flat = _flatten(exc.messages)
        raise APIError(422, invalid_fields_detail(flat), flat) from None
    admission.check_article(data)
    return data


def _extract_new(batch: list[dict]) -> dict[str, list]:
    """The events of each text not stored yet, by content hash, parsed in one pass."""
    todo: dict[str, dict] = {}
    for data in batch:
        digest = pipeline.content_hash(data["text"])
        if digest not in todo and not pipeline.is_stored(digest):
            todo[digest] = data
    items = [(d["text"], d["published_at"], d.get("document_type")) for d in todo.values()]
    return dict(zip(todo, pipeline.extract_many(items), strict=True)) if items else {}


def _store(index: int, data: dict, events: list | pipeline.Refusal | None) -> dict:
    if isinstance(events, pipeline.Refusal):  # this one alone: the others are stored
        return refused(index, APIError(422, str(events)))
    try:
        article, created = pipeline.ingest(data, events=events)
        if not created:
            admission.refuse_changed_metadata(article, data)
    except APIError as error:
        return refused(index, error)
    except Unreadable as error:  # read here after all (its text was deleted meanwhile)
        return refused(index, APIError(422, error.detail))
    except (pw.OperationalError, pw.InterfaceError):
        raise  # the database is down: the whole request is a 503 (a retry finds what was stored)
    except Exception:
        log.exception("article %d of a batch could not be stored", index)
        return refused(index, APIError(500, "The server could not store this article."))
    metrics.count_ingest(created, sum(len(e.mentions) for e in events or ()) if created else 0)
    return {
        "index": index,
        "outcome": "stored" if created else "present",
        "status": 201 if created else 200,
        "article": article_dict(article),
        "location": url_for("articles.get", article_id=article.id),
    }


def refused(index: int, error: APIError) -> dict:
    return {
        "index": index,
        "outcome": "refused",
        "status": error.status,
        "error": problem(error.status, error.detail, error.errors),
    }
