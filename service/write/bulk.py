"""Bulk ingest for the command line: extraction outside transactions, storage in batches.

Each batch is one transaction; inside it every article has its own savepoint, so an article
that cannot be stored is skipped without undoing the others. A run that is stopped loses at
most the batch in flight; running it again skips what is stored (by content hash), so it
resumes where it stopped.
"""

from __future__ import annotations

import collections
import concurrent.futures
import dataclasses
import datetime as dt
import logging
import multiprocessing
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool

import peewee as pw
from marshmallow import ValidationError

from schemas import ArticleCreateSchema

from ..exceptions import Unreadable
from ..storage.connection import database
from ..storage.models import Article
from ..storage.writes import write_transaction
from . import language, pipeline, warm
from .pipeline import said
from .sources import Record

log = logging.getLogger(__name__)


@dataclasses.dataclass
class Outcome:
    counts: Counter = dataclasses.field(
        default_factory=lambda: Counter(stored=0, present=0, skipped=0, events=0)
    )
    skipped: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    #: (label, what it duplicates): a stored article, or an earlier record of this run
    present: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    #: why the run stopped before its end (its worker processes died too often), or None
    stopped: str | None = None


def ingest_records(
    records: Iterable[Record],
    max_chars: int,
    batch_size: int = 20,
    progress: Callable[[], None] = lambda: None,
    jobs: int = 1,
) -> Outcome:
    """Validate, extract and store ``records``; report what was stored, present, skipped.

    With ``jobs`` > 1, extraction (the slow, pure part) runs in that many worker processes
    while this process screens the next batches and stores earlier ones: storage stays
    in one process, one transaction per batch, in the order of ``records``.
    """
    outcome = Outcome()
    batches = _screened(records, max_chars, batch_size, outcome, progress)
    if jobs <= 1:
        for batch in batches:
            _store(_ready(batch, _extract_batch(_items(batch)), outcome), outcome)
            _advance(progress, batch)
        return outcome
    workers = _Workers(jobs)
    try:
        in_flight: collections.deque = collections.deque()
        for batch in batches:
            submitted = workers.submit(_items(batch))
            if submitted is None:  # the workers died too often: this batch and the rest unread
                break
            in_flight.append((batch, *submitted))
            if len(in_flight) > 2:  # keep the workers busy while a batch is stored
                _store_from(*in_flight.popleft(), workers, outcome, progress)
            if workers.stopped:
                break
        while in_flight:
            _store_from(*in_flight.popleft(), workers, outcome, progress)
    finally:
        workers.shutdown()
    outcome.stopped = workers.stopped
    return outcome


#: New worker pools a run starts when a worker process dies (killed, out of memory) before it
#: stops: a text that kills its reader every time does not take the whole run down with it,
#: and a machine that kills them all does not loop.
MAX_NEW_POOLS = 3


class _Workers:
    """The extraction processes of a run: a new pool when one dies, at most
    :data:`MAX_NEW_POOLS` times; after that :attr:`stopped` says why the run stopped."""

    def __init__(self, jobs: int) -> None:
        self.jobs, self.pool, self.new = jobs, _pool(jobs), 0
        self.stopped: str | None = None

    def submit(self, items: list[pipeline.Item]) -> tuple | None:
        """``(future, pool)`` of a batch; None once the run stopped."""
        while not self.stopped:
            pool = self.pool
            try:
                return pool.submit(_extract_batch, items), pool
            except BrokenProcessPool as exc:  # it died before this batch was sent
                self.died(pool, exc)
        return None

    def died(self, pool: concurrent.futures.ProcessPoolExecutor, exc: BaseException) -> None:
        """A process of ``pool`` died: a new pool, once however many of its batches say so."""
        if pool is not self.pool or self.stopped:
            return
        pool.shutdown(wait=False, cancel_futures=True)
        if self.new >= MAX_NEW_POOLS:
            self.stopped = (
                f"worker processes died {self.new + 1} times ({said(exc)}; killed, or out of "
                "memory?): the run stopped"
            )
            return
        self.new += 1
        log.warning("a worker process died (%s): new pool %d of %d", exc, self.new, MAX_NEW_POOLS)
        self.pool = _pool(self.jobs)

    def shutdown(self) -> None:
        self.pool.shutdown()


def _store_from(batch: Screened, future, pool, workers: _Workers, outcome, progress) -> None:
    _store_done(batch, future, outcome, progress, lambda exc: workers.died(pool, exc))


Screened = list[tuple[str, dict, str]]  # (label, validated data, content hash)


def _screened(
    records: Iterable[Record],
    max_chars: int,
    batch_size: int,
    outcome: Outcome,
    progress: Callable[[], None],
) -> Iterator[Screened]:
    """Batches of valid records whose text is not stored yet; the others are counted here."""
    schema = ArticleCreateSchema()
    batch: Screened = []
    seen: dict[str, str] = {}  # content hash -> label of its first record in this run
    for label, raw, error in records:
        if error is None:
            try:
                data = schema.load(raw)
                if len(data["text"]) > max_chars:
                    raise ValidationError({"text": [f"Longer than {max_chars} characters."]})
                if refusal := language.unsupported(data["text"]):
                    raise ValidationError({"language": [refusal]})
            except ValidationError as exc:
                error = describe(exc.messages)
        if error is not None:
            outcome.counts["skipped"] += 1
            outcome.skipped.append((label, error))
            progress()
            continue
        digest = pipeline.content_hash(data["text"])
        duplicate = (
            f"the same text as {seen[digest]}"
            if digest in seen
            else stored_as(digest, data["published_at"])
        )
        if duplicate is not None:
            outcome.counts["present"] += 1
            outcome.present.append((label, duplicate))
            progress()
            continue
        seen[digest] = label
        batch.append((label, data, digest))
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def known_fields_only(records: Iterable[Record], ignored: Counter) -> Iterator[Record]:
    """``records`` with the fields the article schema does not know dropped, each counted in
    ``ignored`` (field -> records that carried it): a dataset's own keys (``id``, ``label``)
    do not refuse its articles on the command line (the API still refuses them: 422)."""
    known = _schema_keys()
    for label, raw, error in records:
        if isinstance(raw, dict) and (unknown := [k for k in raw if k not in known]):
            ignored.update(map(str, unknown))
            raw = {k: v for k, v in raw.items() if k in known}
        yield label, raw, error


def _schema_keys() -> frozenset[str]:
    fields = ArticleCreateSchema().load_fields
    return frozenset(field.data_key or name for name, field in fields.items())


def ignored_said(ignored: Counter) -> str:
    """``ignored fields not in the article schema: id (687 records), tags (1 record)``."""
    said = ", ".join(
        f"{field} ({n} record{'s' if n != 1 else ''})" for field, n in sorted(ignored.items())
    )
    return f"ignored fields not in the article schema: {said}"


def stored_as(digest: str, published_at: dt.date | None = None) -> str | None:
    """``article 12 ('Title')`` when an article with this content hash is stored, else None;
    it says so when the stored publication date is not ``published_at`` (the API answers 409
    for such a re-post: a text is stored once, with its first date)."""
    row = (
        Article.select(Article.id, Article.title, Article.published_at)
        .where(Article.content_hash == digest)
        .first()
    )
    if row is None:
        return None
    said = f"article {row.id}" + (f" ({row.title!r})" if row.title else "")
    if published_at is not None and row.published_at != published_at:
        said += (
            f", stored with the publication date {row.published_at.isoformat()}, not "
            f"{published_at.isoformat()}: a text is stored once, with its first date "
            f"(to change it, DELETE /api/v1/articles/{row.id} and ingest it again)"
        )
    return said


def _items(batch: Screened) -> list[pipeline.Item]:
    return [(d["text"], d["published_at"], d.get("document_type")) for _, d, _ in batch]


def _extract_batch(items: list[pipeline.Item]) -> list:
    """Runs in a worker process when jobs > 1: pure extraction of a batch parsed together,
    no database (an article over its CPU budget gives its :class:`budget.OverBudget`, one whose
    reading raised its :class:`~service.exceptions.Unreadable`)."""
    return pipeline.extract_many(items)


def _ready(batch: Screened, results: list, outcome: Outcome) -> list:
    """``(label, Prepared)`` for each article of ``batch`` (``results``: its events each, or
    the refusal its reading ended with, :data:`pipeline.Refusal`: that one is skipped, saying
    so)."""
    ready = []
    for (label, data, digest), events in zip(batch, results, strict=True):
        if isinstance(events, pipeline.Refusal):
            outcome.counts["skipped"] += 1
            outcome.skipped.append((label, str(events)))
            continue
        ready.append((label, pipeline.Prepared(data, digest, events)))
    return ready


def _store_done(
    batch: Screened,
    future,
    outcome: Outcome,
    progress,
    died: Callable[[BaseException], None] = lambda exc: None,
) -> None:
    """Store a batch a worker process read; a batch whose worker failed outside the reading of
    an article (its answer could not be sent back; it died: ``died`` is told, and the batches
    in flight in that pool are refused, not retried) is skipped whole, saying why, and the run
    goes on."""
    try:
        results = future.result()
    except BrokenProcessPool as exc:
        log.error("a worker process died with a batch of %d articles in flight", len(batch))
        died(exc)
        reason = (
            f"a worker process died while its batch was read ({said(exc)}; killed, or out of "
            "memory?); nothing was stored: run the command again to retry it"
        )
        results = [Unreadable(reason)] * len(batch)
    except Exception as exc:
        log.exception("a worker process failed on a batch of %d articles", len(batch))
        reason = f"the worker process reading its batch failed ({said(exc)}); nothing was stored"
        results = [Unreadable(reason)] * len(batch)
    _store(_ready(batch, results, outcome), outcome)
    _advance(progress, batch)


def _advance(progress: Callable[[], None], batch: Screened) -> None:
    for _ in batch:
        progress()


def _pool(jobs: int) -> concurrent.futures.ProcessPoolExecutor:
    """Extraction workers: forked where the platform can (no re-import of the engine)."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods:
        # Loaded here once, the model (and the rest of the warm-up) is shared by the forked
        # workers instead of being loaded again by each of them.
        warm.warm()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return concurrent.futures.ProcessPoolExecutor(jobs, mp_context=context)


def _store(pending: list[tuple[str, pipeline.Prepared]], outcome: Outcome) -> None:
    if not pending:
        return
    with write_transaction():
        for label, prepared in pending:
            try:
                with database.atomic():  # a savepoint: this article alone on failure
                    pipeline.store(prepared)
            except pw.IntegrityError:  # stored meanwhile by another writer
                outcome.counts["present"] += 1
                outcome.present.append((label, "an article stored meanwhile by another writer"))
                continue
            except pw.DataError as exc:  # a value the database refuses: this article alone
                log.exception("the database refused a value of %s", label)
                outcome.counts["skipped"] += 1
                said = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else ""
                outcome.skipped.append(
                    (label, f"the database refused a value of it ({said}); nothing was stored")
                )
                continue
            outcome.counts["stored"] += 1
            outcome.counts["events"] += sum(len(e.mentions) for e in prepared.events)
    pending.clear()


def describe(messages: dict | list) -> str:
    """Validation messages as one line: ``field: message; field: message``."""
    if isinstance(messages, dict):
        return "; ".join(
            f"{k}: {' '.join(map(str, v)) if isinstance(v, list) else v}"
            for k, v in messages.items()
        )
    return " ".join(map(str, messages))
