"""The job queue, opt-in by ``TIMELINE_BROKER_URL``: articles ingested by ``timeline worker``
processes, any number of them on any number of machines, through a broker (Dramatiq over
RabbitMQ ``amqp://`` or Redis ``redis://``) and one database (PostgreSQL across machines).

Nothing lost, nothing twice:

- a message is acknowledged only once its job has finished (Dramatiq acknowledges after the
  actor returns): a worker killed mid-article leaves the message to the broker, which gives it
  to another worker (RabbitMQ when the connection drops; Redis once the dead worker's
  heartbeat is ``QUEUE_REDELIVER_SECONDS`` old);
- storing is :func:`pipeline.ingest`: one transaction (a killed worker leaves nothing of it)
  keyed by the content hash (a redelivered article that was stored is found present);
- each try is counted on the job row before it starts, so an article that fails, or kills its
  worker, every time stops after ``QUEUE_MAX_TRIES`` with the reason on the job; one the
  extractors fail on (:class:`~service.exceptions.Unreadable`), one over its CPU budget
  (:class:`~service.budget.OverBudget`: the same at every try) and an invalid one fail at their
  first try (422, with the reason).
"""

from __future__ import annotations

import functools
import json
import logging
import uuid
from collections.abc import Callable
from typing import Any

import dramatiq
from flask import Flask, current_app
from marshmallow import ValidationError

from schemas import ArticleCreateSchema

from . import budget
from .errors import _flatten, invalid_fields_detail, problem
from .exceptions import Unreadable
from .storage.connection import database
from .storage.models import Job, utcnow
from .write import language, pipeline, warm

log = logging.getLogger(__name__)
ACTOR = "ingest_article"
#: Redis: how often (per million broker commands) a worker looks for dead workers' messages.
REDIS_MAINTENANCE_CHANCE = 20_000


@functools.cache
def broker(
    url: str, queue: str = "articles", redeliver_seconds: float = 30, max_tries: int = 3
) -> dramatiq.Broker:
    """The broker at ``url`` (one per process), with ``queue`` declared."""
    from dramatiq.middleware import Retries, ShutdownNotifications

    # Retries re-sends a failed job; the job row's count of tries says when to stop.
    middleware = [ShutdownNotifications(), Retries(max_retries=max_tries, min_backoff=500)]
    if url.startswith(("amqp://", "amqps://")):
        from dramatiq.brokers.rabbitmq import RabbitmqBroker

        found: dramatiq.Broker = RabbitmqBroker(url=url, middleware=middleware)
    elif url.startswith(("redis://", "rediss://", "unix://")):
        from dramatiq.brokers.redis import RedisBroker

        found = RedisBroker(
            url=url,
            middleware=middleware,
            heartbeat_timeout=int(redeliver_seconds * 1000),
            maintenance_chance=REDIS_MAINTENANCE_CHANCE,
        )
    else:
        raise ValueError(
            f"TIMELINE_BROKER_URL must be amqp://… (RabbitMQ) or redis://… (Redis), not {url!r}"
        )
    found.declare_queue(queue)
    return found


def broker_of(app: Flask) -> dramatiq.Broker:
    config = app.config
    return broker(
        config["BROKER_URL"],
        config["QUEUE_NAME"],
        float(config["QUEUE_REDELIVER_SECONDS"]),
        config["QUEUE_MAX_TRIES"],
    )


def enabled(app: Flask) -> bool:
    return bool(app.config.get("BROKER_URL"))


def enqueue(app: Flask, raw: dict[str, Any]) -> Job:
    """Queue one article (a POST body: JSON types); its job row is created first, so a worker
    that takes the message at once finds it."""
    data = ArticleCreateSchema().load(raw)
    body = json.loads(json.dumps(raw, default=str))
    job = Job.create(id=uuid.uuid4().hex, content_hash=pipeline.content_hash(data["text"]))
    message = dramatiq.Message(
        queue_name=app.config["QUEUE_NAME"],
        actor_name=ACTOR,
        args=(job.id, body),
        kwargs={},
        options={},
    )
    try:
        broker_of(app).enqueue(message)
    except Exception:
        job.delete_instance()
        raise
    return job


def declare(app: Flask) -> dramatiq.Actor:
    """The worker's actor: :func:`run` in ``app``'s context."""

    def ingest_article(job_id: str, body: dict) -> None:
        with app.app_context(), database.connection_context():
            run(job_id, body, app.config["QUEUE_MAX_TRIES"])

    name = app.config["QUEUE_NAME"]
    return dramatiq.actor(ingest_article, broker=broker_of(app), actor_name=ACTOR, queue_name=name)


def run(job_id: str, body: dict, max_tries: int) -> None:
    """One try of a job; raises (so the broker retries it) on a failure that may pass."""
    job = _begin(job_id)
    if job is None or job.status in ("done", "failed"):
        return  # unknown (deleted), or redelivered after it finished
    if job.tries > max_tries:
        last = json.loads(job.error)["detail"] if job.error else "the worker stopped during each"
        _finish(job, "failed", error=problem(500, f"Gave up after {max_tries} tries: {last}"))
        return
    try:
        data = ArticleCreateSchema().load(body)
        if refusal := _refusal(data["text"]):
            raise ValidationError(refusal)
        article, created = pipeline.ingest(data)  # waits for a warm-up, or loads (warm.ensure)
    except ValidationError as exc:
        flat = _flatten(exc.messages)
        _finish(job, "failed", error=problem(422, invalid_fields_detail(flat), flat))
        return
    except (Unreadable, budget.OverBudget) as exc:  # the same at every try: no retry
        _finish(job, "failed", error=problem(422, str(exc)))
        return
    except Exception as exc:
        log.exception("job %s failed (try %d of %d)", job_id, job.tries, max_tries)
        error = problem(500, f"Try {job.tries} failed: {type(exc).__name__}: {exc}"[:500])
        if job.tries >= max_tries:
            error["detail"] = f"Gave up after {max_tries} tries; the last: {error['detail']}"
            _finish(job, "failed", error=error)
            return
        _finish(job, "queued", error=error)
        raise
    _finish(job, "done", article=article.id, created=created)


def _refusal(text: str) -> dict | None:
    """What a POST would refuse in a valid article: a text too long, a language not read."""
    limit = current_app.config["MAX_ARTICLE_CHARS"]
    if len(text) > limit:
        return {"text": [f"Longer than {limit} characters."]}
    if refusal := language.unsupported(text):
        return {"language": [refusal]}
    return None


def _begin(job_id: str) -> Job | None:
    """Count a try and mark the job running (not one that finished); the job as it now is."""
    Job.update(tries=Job.tries + 1, status="running", updated_at=utcnow()).where(
        (Job.id == job_id) & Job.status.not_in(("done", "failed"))
    ).execute()
    return Job.get_or_none(Job.id == job_id)


def _finish(job: Job, status: str, error: dict | None = None, **columns: Any) -> None:
    Job.update(
        status=status,
        error=json.dumps(error) if error else None,
        updated_at=utcnow(),
        **columns,
    ).where(Job.id == job.id).execute()


def work(app: Flask, threads: int = 1, ready: Callable[[], None] = lambda: None) -> None:
    """Consume the queue until SIGINT or SIGTERM (one process; run more for more cores);
    ``ready()`` is called once the model is loaded and messages are taken."""
    import signal
    import threading

    declare(app)
    warm.warm()  # the model is loaded before the first message is taken
    name = app.config["QUEUE_NAME"]
    worker = dramatiq.Worker(broker_of(app), queues={name}, worker_threads=threads)
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    worker.start()
    ready()
    try:
        stop.wait()
    finally:
        worker.stop()
