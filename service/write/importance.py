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

The same pass keeps what the digest shows of an event. Its summary is the sentence of its
report that reads best as a timeline's entry (:func:`reading`): a report published before the
date it tells of is a preview ("he will be sentenced on 29 November"), one published on or
after it tells what happened, so a preview counts ``PREVIEW`` as much. An event told by one
article keeps that article's sentence (the extraction's choice); a further article's report
replaces it only when it reads better, and a summary whose article was deleted gives way to the
best report left. Its ``standing`` (the weight times how well its summary reads) orders a date's
events in the digest; the date's weight stays the sum of its events' weights.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

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
#: What a report published before the date it tells of makes of its sentence's reading.
PREVIEW = 0.5
#: How much less a sentence at the end of its article reads than its lead (a news story tells
#: the happening first, then background and reactions).
LEAD = 0.5
#: A sentence's reading as a timeline's entry: each flaw found multiplies it by its factor.
FRAGMENT_WORDS, FRAGMENT = 8, 0.5  # fewer words: a fragment ("He denies it.")
GLUED_WORDS, GLUED = 45, 0.6  # more words: a headline, a caption and a sentence run together
FURNITURE = 0.3  # the page's furniture: "Last updated at 14:59 GMT", "E-mail this"
QUOTE_OPENS = 0.5  # opens with a quotation: someone's words, not what happened
QUOTES = 0.8  # holds a quotation
_FURNITURE = re.compile(
    r"(?i)\blast (?:updated|modified)\b|\b\d{1,2}[:.]\d{2}\s*(?:GMT|BST|UTC|[ECMP][SD]T)\b"
    r"|\b(?:e-?mail|print|share) this\b|\bclick here\b"
)
_QUOTE_MARKS = '"\u201c\u201d\u00ab\u00bb'
_WORD = re.compile(r"\w+")


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


def reading(sentence: str) -> float:
    """How well ``sentence`` reads as a timeline's entry, 0..1: a full sentence telling what
    happened reads 1; fragments, glued page text, page furniture and quotations read less."""
    words = len(_WORD.findall(sentence))
    score = 1.0
    if words < FRAGMENT_WORDS:
        score *= FRAGMENT
    if words > GLUED_WORDS:
        score *= GLUED
    if _FURNITURE.search(sentence):
        score *= FURNITURE
    text = sentence.lstrip()
    if text[:1] in _QUOTE_MARKS or text[:1] == "'":
        score *= QUOTE_OPENS
    if sum(sentence.count(mark) for mark in _QUOTE_MARKS) >= 2:
        score *= QUOTES
    return score


class Report(NamedTuple):
    """One mention of an event as the summary's choice sees it."""

    article: int
    sentence: str
    published: dt.date | None
    position: float = 0.0  # where the sentence starts in its article, 0 (lead) .. 1 (end)


def report_reading(report: Report, start: dt.date | None) -> float:
    """:func:`reading` of a report's sentence, less the later it comes in its article (``LEAD``
    at the end), a preview's counting ``PREVIEW`` as much."""
    preview = report.published is not None and start is not None and report.published < start
    later = 1.0 - LEAD * min(1.0, max(0.0, report.position))
    return round(reading(report.sentence) * later * (PREVIEW if preview else 1.0), 6)


def shown_report(
    summary: str, reports: Iterable[Report], start: dt.date | None
) -> tuple[str, float]:
    """The summary to show of an event and its report's reading (:func:`report_reading`).
    The current ``summary`` stays while it is a report's and no other article's report reads
    better (one article's events keep its sentence); else the best-reading report (the
    earliest article on a tie)."""
    by_sentence: dict[str, tuple[float, int]] = {}
    articles = set()
    for report in reports:
        text = report.sentence.strip()
        articles.add(report.article)
        score = (report_reading(report._replace(sentence=text), start), -report.article)
        by_sentence[text] = max(by_sentence.get(text, score), score)
    if not by_sentence:
        return summary, reading(summary)
    mine = by_sentence.get(summary.strip())
    if mine is not None and len(articles) == 1:
        return summary, mine[0]
    best = max(by_sentence, key=lambda text: (by_sentence[text], text == summary.strip()))
    if mine is not None and mine[0] >= by_sentence[best][0]:
        return summary, mine[0]
    return best, by_sentence[best][0]


def reweigh(event_ids: Iterable[int]) -> None:
    """Recompute the weight of ``event_ids`` from their mentions (call inside the write)."""
    ids = sorted(set(event_ids))
    for start in range(0, len(ids), 500):
        _reweigh(ids[start : start + 500])


def _reweigh(ids: list[int]) -> None:
    events = {
        row[0]: row[1:]
        for row in Event.select(
            Event.id,
            Event.sort_date,
            Event.precision_rank,
            Event.date_precision,
            Event.summary,
            Event.date_start,
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
        day, rank, *_ = events[event_id]
        day = _day(day)
        # An article with no outlet is an outlet of its own.
        outlet = (source or "").strip().lower() or f"article:{article_id}"
        share = earliness(offset, length or 0) / max(1, same_date.get((article_id, day, rank), 1))
        shares[event_id].append((outlet, share))
    told: dict[int, list[Report]] = defaultdict(list)
    for event_id, article_id, sentence, offset, published, length in (
        Mention.select(
            Mention.event,
            Mention.article,
            Mention.sentence,
            Mention.sentence_start,
            Article.published_at,
            pw.fn.LENGTH(Article.text).coerce(False),
        )
        .join(Article)
        .where(Mention.event.in_(ids))
        .tuples()
    ):
        position = offset / length if length else 0.0
        told[event_id].append(Report(article_id, sentence, _day(published), position))
    weights, standings = [], []
    for event_id, (_, _, precision, summary, start) in events.items():
        weight = weigh(shares.get(event_id, ()), precision)
        shown, read = shown_report(summary, told.get(event_id, ()), _day(start))
        if shown != summary:
            Event.update(summary=shown).where(Event.id == event_id).execute()
        weights.append((event_id, weight))
        standings.append((event_id, round(weight * read, 6)))
    if weights:  # one statement for the batch
        Event.update(
            weight=pw.Case(Event.id, weights), standing=pw.Case(Event.id, standings)
        ).where(Event.id.in_(ids)).execute()


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
            .where((Event.id > last) & (Event.weight.is_null() | Event.standing.is_null()))
            .order_by(Event.id)
            .limit(batch)
            .tuples()
        ]
        if not ids:
            return done
        with write_transaction():
            reweigh(ids)
        done, last = done + len(ids), ids[-1]
