"""Ingest: extract an article's events (pure code), then store article, events and mentions in
one transaction, merging each event into an existing one when it reports the same happening."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

import peewee as pw

from .. import budget, temporal
from .. import events as extraction
from ..events import nlp
from ..exceptions import Unreadable
from ..storage.connection import database
from ..storage.models import (
    Actor,
    ActorAlias,
    Article,
    Event,
    EventActor,
    IdempotencyKey,
    Mention,
    utcnow,
)
from ..storage.order import precision_rank, sort_date
from ..storage.writes import ROWS_PER_INSERT, record_changes, write_transaction
from ..text import fold, initials
from ..vocabulary import ACTOR_ALIAS_LENGTH
from . import copies, importance, matching, warm
from .bounds import article_budget, bounded

log = logging.getLogger(__name__)

_SPACE = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """SHA-256 of the text with Unicode and white space normalised: the article's identity."""
    normal = _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


@dataclasses.dataclass
class Prepared:
    """An article with its events extracted, ready to store (extraction is the slow part)."""

    data: dict[str, Any]
    digest: str
    events: list[extraction.Event]


def extract_events(
    text: str, published_at: dt.date, document_type: str | None = None
) -> list[extraction.Event]:
    """The article's events; ``document_type`` (news, narrative, None: detected) says how
    its dates are read (service.temporal.annotate).

    The extractors read the text bounded (service/write/bounds.py: same length, so every offset
    still holds) within a CPU budget linear in its length: over it, :class:`budget.OverBudget`
    (nothing is stored, as extraction runs before the transaction). Any other exception of the
    extractors is a fault on this text: :class:`Unreadable`, saying which, its traceback logged.
    """
    warm.ensure()  # loaded once per process, before this article's budget starts
    text = bounded(text)
    try:
        with budget.limit(article_budget(text)):
            timexes = (
                temporal.annotate(text, published_at, document_type) if document_type else None
            )
            return extraction.extract(text, published_at, timexes)
    except budget.OverBudget:
        raise budget.OverBudget(
            f"Reading this text took more than {article_budget(text):.0f} s of CPU "
            f"(the budget of {len(text)} characters); nothing was stored."
        ) from None
    except budget.Interrupted:
        raise  # the client is gone: nothing to answer
    except Exception as exc:
        raise unreadable(exc, text) from exc


def unreadable(exc: Exception, text: str) -> Unreadable:
    """The refusal of an article whose reading raised ``exc`` (call inside the ``except``: the
    traceback is logged with the text's opening, for the fault to be found and fixed)."""
    log.exception("reading an article failed (%d characters: %.80r)", len(text), text)
    return Unreadable(
        f"Reading this text failed ({said(exc)}), a fault of the service's extractors on it; "
        "nothing was stored."
    )


def said(exc: BaseException) -> str:
    """An exception as a refusal names it: ``IndexError: list index out of range`` (its type
    alone when it has no message), at most 300 characters."""
    return (f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)[:300]


#: (text, published_at, document_type): what :func:`extract_many` reads of each article.
Item = tuple[str, dt.date, str | None]
#: What stands for an article :func:`extract_many` could not read: why, as a refusal.
Refusal = budget.OverBudget | Unreadable


def extract_many(items: list[Item]) -> list[list[extraction.Event] | Refusal]:
    """Each article's events, as :func:`extract_events` gives them, the texts parsed together
    (spaCy's ``nlp.pipe``: one pass of the model over a batch costs less than one per text).

    The texts are bounded as one alone is, and the batch may take the sum of its articles' CPU
    budgets; a batch over it, or one whose reading raised, is read again one article at a
    time, each within its own budget, so only the article at fault fails: its
    :class:`budget.OverBudget` or :class:`Unreadable` stands in its place.
    """
    warm.ensure()
    items = [(bounded(text), published_at, kind) for text, published_at, kind in items]
    try:
        with budget.limit(sum(article_budget(text) for text, _, _ in items)):
            texts = [nlp.masked(text)[: nlp.MAX_CHARS] for text, _, _ in items]
            docs = nlp.pipeline().pipe(texts, batch_size=max(1, len(texts)))
            return [
                extraction.extract(
                    text,
                    published_at,
                    temporal.annotate(text, published_at, kind) if kind else None,
                    doc,
                )
                for (text, published_at, kind), doc in zip(items, docs, strict=True)
            ]
    except budget.OverBudget:
        pass
    except budget.Interrupted:
        raise
    except Exception as exc:
        if len(items) == 1:  # nothing to gain from reading it again
            return [unreadable(exc, items[0][0])]
    return [_events_or_refusal(item) for item in items]


def _events_or_refusal(item: Item) -> list[extraction.Event] | Refusal:
    try:
        return extract_events(*item)
    except (budget.OverBudget, Unreadable) as refusal:
        return refusal


class IdempotencyConflict(Exception):
    """The Idempotency-Key was used before for another article."""


def ingest(
    data: dict[str, Any],
    idempotency_key: str | None = None,
    events: list[extraction.Event] | None = None,
) -> tuple[Article, bool]:
    """Store one article and its events in one transaction; returns ``(article, created)``.

    The same text (by content hash) is never stored twice: the stored article is returned with
    ``created=False``. With an ``idempotency_key``, a retry returns what the first request
    stored (and its ``created``), and the key reused for another text raises
    :class:`IdempotencyConflict`. Extraction runs before the transaction, so the write lock is
    held briefly; ``events`` are the article's events extracted already (a batch parses its
    articles together: :func:`extract_many`).
    """
    digest = content_hash(data["text"])
    if idempotency_key:
        replay = _replay(idempotency_key, digest)
        if replay is not None:
            return replay
    existing = Article.get_or_none(Article.content_hash == digest)
    if existing is None:
        if events is None:
            events = extract_events(data["text"], data["published_at"], data.get("document_type"))
        prepared = Prepared(data, digest, events)
        try:
            with write_transaction():
                article, created = store(prepared), True
                _remember(idempotency_key, article, created)
            return article, created
        except pw.IntegrityError:
            pass  # a concurrent writer stored the same text, or used the same key, first
        if idempotency_key and (replay := _replay(idempotency_key, digest)) is not None:
            return replay
        existing = Article.get(Article.content_hash == digest)
    if idempotency_key:
        try:
            with write_transaction():
                _remember(idempotency_key, existing, False)
        except pw.IntegrityError:  # claimed meanwhile: by this text (replay) or another (422)
            if (replay := _replay(idempotency_key, digest)) is not None:
                return replay
    return existing, False


def is_stored(digest: str) -> bool:
    """Whether an article with this content hash is stored already."""
    return Article.select(Article.id).where(Article.content_hash == digest).exists()


def store(prepared: Prepared) -> Article:
    """Save a prepared article and its events; call inside :func:`write_transaction`."""
    columns = {k: v for k, v in prepared.data.items() if k != "document_type"}  # not stored
    article = Article.create(content_hash=prepared.digest, **columns)
    store_events(article, prepared.events)
    return article


def _replay(key: str, digest: str) -> tuple[Article, bool] | None:
    row = IdempotencyKey.get_or_none(IdempotencyKey.key == key)
    if row is None:
        return None
    if row.content_hash != digest:
        raise IdempotencyConflict(key)
    return Article.get_by_id(row.article_id), row.created


def _remember(key: str | None, article: Article, created: bool) -> None:
    """Claim ``key`` for ``article`` in the caller's write transaction: a key claimed already
    raises IntegrityError (its unique index), which rolls the whole write back, so of two
    requests sending one key at once exactly one stores anything."""
    if key:
        IdempotencyKey.insert(
            key=key, content_hash=article.content_hash, article=article, created=created
        ).execute()


def store_events(article: Article, extracted: Iterable[extraction.Event]) -> list[Event]:
    """Save each extracted event, or add its mentions to the stored event it duplicates (a
    wire copy of its sentence, else the same happening); then weigh the events touched.

    Never into one the same article gave: extraction already told its happenings apart, so two
    of its events are two happenings ("the rand slid on Tuesday", "it recovered this year").
    """
    extracted = list(extracted)
    copied = copies.stored_copies(extracted, article.published_at)
    stored: list[Event] = []
    # The article's change-feed rows and mentions, written once its events are known: one
    # statement each per article, not per event (nothing in the loop reads them back).
    changes: list[dict[str, Any]] = []
    mentions: list[dict[str, Any]] = []
    for item in extracted:
        copy_of = copies.copied_event(item, copied)
        if copy_of is not None:
            event = Event.get_by_id(copy_of)
        else:
            event = find_same_event(item, skip={e.id for e in stored})
        if event is None:
            event = Event.create(**event_columns(item))
            changes.append({"event_id": event.id, "action": "created"})
        else:
            refine(event, item)
            event.updated_at = utcnow()
            event.save()
            changes.append({"event_id": event.id, "action": "updated"})
        link_actors(event, item.actors)
        mentions += [
            {
                "event": event.id,
                "article": article.id,
                "sentence": m.sentence,
                "sentence_start": m.sentence_start,
                "sentence_end": m.sentence_end,
                "start": m.start,
                "end": m.end,
                "fingerprint": copies.stored_fingerprint(m.sentence),
            }
            for m in item.mentions
        ]
        stored.append(event)
    record_changes(changes)
    for rows in pw.chunked(mentions, ROWS_PER_INSERT):
        Mention.insert_many(rows).execute()
    importance.reweigh({event.id for event in stored})
    return stored


def refine(event: Event, item: extraction.Event) -> None:
    """A later report of a stored event: a finer date wins (both sources are kept as mentions),
    and the event is as salient as its most salient report. Curated dates are never touched."""
    event.salience = max(event.salience or 0.0, item.salience)
    if event.original:
        return
    stored = as_extracted(event).date
    if extraction.strictly_finer(item.date, stored):
        for column, value in event_columns(item).items():
            if column.startswith("date_") or column in ("sort_date", "precision_rank"):
                setattr(event, column, value)


def event_columns(item: extraction.Event) -> dict[str, Any]:
    d = item.date
    return {
        "title": item.title,
        "summary": item.summary,
        "type": item.type,
        "cameo": item.cameo,
        "status": item.status,
        "date_text": d.text,
        "date_value": d.value,
        "date_edtf": d.edtf,
        "date_start": d.start,
        "date_end": d.end,
        "date_precision": d.precision,
        "date_approximate": d.approximate,
        "date_basis": d.basis,
        "sort_date": sort_date(d.start, d.end),
        "precision_rank": precision_rank(d.precision),
        "salience": item.salience,
    }


def link_actors(event: Event, actors: Iterable[extraction.Actor]) -> None:
    """Link ``event`` to ``actors`` (in their order), creating the actors not known yet."""
    actors = list(actors)
    if not actors:
        return
    keys = {actor.key for actor in actors}
    known = dict(Actor.select(Actor.key, Actor.id).where(Actor.key.in_(keys)).tuples())
    for actor in actors:
        if actor.key not in known:
            row = {
                "key": actor.key,
                "name": actor.name,
                "kind": actor.kind,
                "subkind": actor.subkind,
            }
            known[actor.key] = Actor.insert(row).execute()
    EventActor.insert_many(
        [{"event": event.id, "actor": known[a.key], "role": a.role} for a in actors]
    ).on_conflict_ignore().execute()
    aliases = {
        (known[a.key], alias)
        for a in actors
        for alias in map(fold, (a.name, *a.aliases, *_initials(a)))
        if alias and len(alias) <= ACTOR_ALIAS_LENGTH  # longer: no name to look an actor up by
    }
    if aliases:
        ActorAlias.insert_many(
            [{"actor": actor, "alias": alias} for actor, alias in sorted(aliases)]
        ).on_conflict_ignore().execute()


def _initials(actor: extraction.Actor) -> tuple[str, ...]:
    """A person's initials, an alias to look them up by ("MJ" for Michael Jackson: q=MJ and
    actor=MJ find them; see queries.widened)."""
    found = initials(actor.name) if actor.kind == "person" else None
    return (found,) if found else ()


def find_same_event(item: extraction.Event, skip: frozenset | set = frozenset()) -> Event | None:
    """The stored event reporting the same happening (same type, compatible dates, actors, and
    reports telling one deed: ``matching.same_deed``), other than the events ``skip`` names
    (the ids of the article's own)."""
    mine = matching.Report.of(item)
    for row, reports in candidates(item, skip):
        if any(matching.same_deed(mine, report) for report in reports):
            return row
    return None


def candidates(
    item: extraction.Event, skip: frozenset | set = frozenset()
) -> Iterator[tuple[Event, list[matching.Report]]]:
    """The stored events ``item`` may report again, the likeliest first: same type, dates a
    day apart at most, a shared actor and ``extraction.same_happening``; and, when ``item``
    or the stored event names no actor, same type and the same day (:func:`_unnamed_events`).
    Each with its reports, one per article (its sentences and the words that told it): a new
    report is matched against each, not against the words of all, which grow with every
    merge."""
    if item.date.start is None and item.date.end is None:
        return
    seen = set(skip)
    for row in _named_candidates(item):
        if row.id in seen:
            continue
        seen.add(row.id)
        extracted = as_extracted(row)
        if extraction.same_happening(item, extracted):
            yield row, _reports(row, extracted)
    if not _day_dated(item.date.precision, item.date.basis):
        return
    for row in _unnamed_candidates(item):
        if row.id in seen:
            continue
        seen.add(row.id)
        yield row, _reports(row, as_extracted(row))


def _reports(row: Event, extracted: extraction.Event) -> list[matching.Report]:
    """The reports of the stored event ``row``, one per article (its first 50 mentions)."""
    told = (
        Mention.select(
            Mention.article,
            Mention.sentence,
            Mention.sentence_start,
            Mention.start,
            Mention.end,
        )
        .where(Mention.event == row.id)
        .order_by(Mention.id)
        .limit(50)
    )
    by_article: dict[int, list[tuple[str, int, int, int]]] = {}
    for article, *mention in told.tuples():
        by_article.setdefault(article, []).append(tuple(mention))
    return [matching.Report.of(extracted, told) for told in by_article.values()]


def _named_candidates(item: extraction.Event) -> Iterable[Event]:
    keys = [a.key for a in item.actors]
    if not keys:
        return []
    # One day of slack either side, as extraction.same_happening allows (reports a day apart).
    day = item.date.start or item.date.end
    lo = day - dt.timedelta(days=1)
    hi = (item.date.end or item.date.start) + dt.timedelta(days=1)
    sql, params = _same_event_sql(type(database.obj), len(keys))
    values = {_TYPE: item.type, _LO: lo, _HI: hi, **{_key(i): key for i, key in enumerate(keys)}}
    return Event.raw(sql, *[values.get(p, p) for p in params])


#: The precisions of a date that tells the day (``storage.order.precision_rank``).
_DAY_RANKS = (precision_rank("time"), precision_rank("day"))


def _day_dated(precision: str, basis: str | None) -> bool:
    """Whether a date tells the day from the text (not the publication's day)."""
    return precision_rank(precision) in _DAY_RANKS and basis != "publication"


def _unnamed_candidates(item: extraction.Event) -> Iterable[Event]:
    """:func:`_unnamed_events` of ``item`` whose dates the text told (not the publication)."""
    day = item.date.start or item.date.end
    query = _unnamed_events(item.type, day, named=bool(item.actors))
    return (row for row in query if row.date_basis != "publication")


def _unnamed_events(type_: str, day: dt.date, named: bool) -> pw.Select:
    """The stored events of ``type_`` dated to ``day`` itself (day or time precision); when
    the new event is ``named`` (it has actors), only those that name no actor (two events
    that both name actors share one, :func:`_same_events`). A report without actors is
    matched on its words alone (``matching.same_deed``'s stricter bar), so its date must be
    the same day, told by the text. At most 20, the most reported first (the index
    ``event_type_day_weight``: type, precision rank, sort date, weight)."""
    query = Event.select().where(
        (Event.type == type_) & (Event.precision_rank.in_(_DAY_RANKS)) & (Event.sort_date == day)
    )
    if named:
        linked = EventActor.select(pw.SQL("1")).where(EventActor.event == Event.id)
        query = query.where(~pw.fn.EXISTS(linked))
    return query.order_by(
        pw.fn.COALESCE(Event.weight, 0).desc(), Event.precision_rank, Event.id.desc()
    ).limit(20)


def _same_events(type_, keys, lo, hi) -> pw.Select:
    """The stored events of ``type_`` with one of the actors ``keys`` whose dates meet
    ``[lo, hi]``: at most 20, the likeliest first, in the same order on every database (the
    finer dates, then the most reported, the newest). Putting the new event's own day first
    lowered the MJ story's ROUGE-1 (0.174 -> 0.164, date F1 the same)."""
    linked = EventActor.select(EventActor.event).join(Actor).where(Actor.key.in_(keys))
    return (
        Event.select()
        .where(
            (Event.type == type_)
            & (Event.id.in_(linked))
            & (pw.fn.COALESCE(Event.date_start, Event.date_end) <= hi)
            & (pw.fn.COALESCE(Event.date_end, Event.date_start) >= lo)
        )
        .order_by(
            Event.precision_rank,
            pw.fn.COALESCE(Event.weight, 0).desc(),
            Event.id.desc(),
        )
        .limit(20)
    )


#: Stand-ins for :func:`_same_events`' values, so its SQL is written once per backend and
#: number of actors (peewee writing the SQL of that query took longer than SQLite running it).
_TYPE, _LO, _HI = "\x00type", dt.date(1, 1, 1), dt.date(1, 1, 2)


def _key(i: int) -> str:
    return f"\x00key{i}"


@functools.lru_cache(maxsize=128)
def _same_event_sql(backend: type, n_keys: int) -> tuple[str, tuple]:
    """The SQL of :func:`_same_events` and its parameters, the values as stand-ins (for
    each ``backend``, the database class, as each writes its own SQL)."""
    sql, params = _same_events(_TYPE, [_key(i) for i in range(n_keys)], _LO, _HI).sql()
    if not {_TYPE, _LO, _HI, *map(_key, range(n_keys))} <= set(params):
        raise AssertionError(f"peewee changed the values it passes: {params!r}")
    return sql, tuple(params)


def as_extracted(row: Event) -> extraction.Event:
    """A stored event in the extractor's own terms, for :func:`extraction.same_happening`."""
    actors = tuple(
        extraction.Actor(key=a.key, name=a.name, kind=a.kind)
        for a in Actor.select().join(EventActor).where(EventActor.event == row.id)
    )
    date = extraction.EventDate(
        text=row.date_text,
        value=row.date_value,
        edtf=row.date_edtf,
        start=row.date_start,
        end=row.date_end,
        precision=row.date_precision,
        approximate=row.date_approximate,
        basis=row.date_basis,
    )
    return extraction.Event(
        title=row.title,
        summary=row.summary,
        type=row.type,
        cameo=row.cameo,
        actors=actors,
        date=date,
        mentions=(),
        status=row.status,
    )
