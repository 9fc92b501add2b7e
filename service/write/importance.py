"""Importance across the store: how much the articles stored make of an event.

Each article that reports an event gives it a share: its report's earliness (the lead counts 1,
the last sentence ``1 - LATE``) divided among the article's events of the same date, so that an
article telling twenty things about one day does not outweigh twenty articles about that day
(the events of a date sum to about the number of articles about it). Shares add up per outlet:
an outlet's largest share counts in full, its further articles ``REPEAT`` as much (a second
outlet is independent evidence, a second article of one outlet mostly a follow-up). The sum is
scaled by the precision of the event's date (a day counts in full, a year little). It is
recomputed for the events an article touches when the article is stored or deleted, so reads
take it from an index (``event_day_weight``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

import peewee as pw

from ..storage.models import Article, Event, Mention
from ..storage.writes import write_transaction

#: What a further article of an outlet that reported the event already adds.
REPEAT = 0.5
#: How much less a report at the end of its article counts than one in its lead.
LATE = 0.25
#: What a date of each precision makes of the weight.
PRECISION = {
    "time": 1.0,
    "day": 1.0,
    "week": 0.6,
    "month": 0.4,
    "season": 0.3,
    "quarter": 0.3,
    "half": 0.25,
    "year": 0.2,
}
OTHER_PRECISION = 0.1


def earliness(offset: int, length: int) -> float:
    """1 for a report at the start of its article, down to ``1 - LATE`` at its end."""
    return 1.0 - LATE * min(1.0, offset / length) if length > 0 else 1.0


def weigh(shares: Iterable[tuple[str, float]], precision: str) -> float:
    """The weight of an event from its articles' ``shares``: (outlet, share) per article."""
    by_outlet: dict[str, list[float]] = defaultdict(list)
    for outlet, share in shares:
        by_outlet[outlet].append(share)
    total = 0.0
    for values in by_outlet.values():
        values.sort(reverse=True)
        total += values[0] + REPEAT * sum(values[1:])
    return round(total * PRECISION.get(precision, OTHER_PRECISION), 6)


def reweigh(event_ids: Iterable[int]) -> None:
    """Recompute the weight of ``event_ids`` from their mentions (call inside the write)."""
    ids = sorted(set(event_ids))
    for start in range(0, len(ids), 500):
        _reweigh(ids[start : start + 500])


def _reweigh(ids: list[int]) -> None:
    events = {
        row[0]: row[1:]
        for row in Event.select(
            Event.id, Event.sort_date, Event.precision_rank, Event.date_precision
        )
        .where(Event.id.in_(ids))
        .tuples()
    }
    reports = list(
        Mention.select(
            Mention.event,
            Mention.article,
            pw.fn.MIN(Mention.sentence_start),
            Article.source,
            pw.fn.LENGTH(Article.text).coerce(False),
        )
        .join(Article)
        .where(Mention.event.in_(ids))
        .group_by(Mention.event, Mention.article, Article.source, pw.fn.LENGTH(Article.text))
        .tuples()
    )
    same_date = _events_per_date({article for _, article, *_ in reports})
    shares: dict[int, list[tuple[str, float]]] = defaultdict(list)
    for event_id, article_id, offset, source, length in reports:
        if event_id not in events:
            continue
        day, rank, _ = events[event_id]
        day = _day(day)
        # An article with no outlet is an outlet of its own.
        outlet = (source or "").strip().lower() or f"article:{article_id}"
        share = earliness(offset, length or 0) / max(1, same_date.get((article_id, day, rank), 1))
        shares[event_id].append((outlet, share))
    weights = [
        (event_id, weigh(shares.get(event_id, ()), precision))
        for event_id, (_, _, precision) in events.items()
    ]
    if weights:  # one statement for the batch
        Event.update(weight=pw.Case(Event.id, weights)).where(Event.id.in_(ids)).execute()


def _events_per_date(article_ids: set[int]) -> dict[tuple, int]:
    """How many events each article reports of each date (sort date, precision rank)."""
    if not article_ids:
        return {}
    rows = (
        Mention.select(
            Mention.article, Event.sort_date, Event.precision_rank, pw.fn.COUNT(Event.id.distinct())
        )
        .join(Event)
        .where(Mention.article.in_(sorted(article_ids)))
        .group_by(Mention.article, Event.sort_date, Event.precision_rank)
        .tuples()
    )
    return {(article, _day(day), rank): n for article, day, rank, n in rows}


def _day(value: dt.date | str | None) -> dt.date | None:
    """A date, whether the driver handed it back as a date or as its ISO text."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def weigh_unweighed(batch: int = 5000) -> int:
    """Weigh the events stored before weights were (``timeline init-db`` runs it); one write
    transaction per ``batch`` events. Returns how many were weighed."""
    done, last = 0, 0
    while True:
        ids = [
            i
            for (i,) in Event.select(Event.id)
            .where((Event.id > last) & Event.weight.is_null())
            .order_by(Event.id)
            .limit(batch)
            .tuples()
        ]
        if not ids:
            return done
        with write_transaction():
            reweigh(ids)
        done, last = done + len(ids), ids[-1]
