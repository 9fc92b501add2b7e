"""Feed subscriptions and their poller: each due feed fetched with a conditional request, its
new entries' pages read and stored, errors backed off; no article is fetched twice (its URL is
looked up first, its content hash when it is stored)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable

from marshmallow import ValidationError

from schemas import ArticleCreateSchema

from ..storage.models import Article, Feed, FeedEntry, utcnow
from . import feeds, language, pages, pipeline
from .bulk import describe
from .fetch import FEED_TYPES, PAGE_TYPES, FetchError, Policy, fetch

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class Schedule:
    """``FEED_INTERVAL`` and ``FEED_MAX_BACKOFF`` (seconds), ``MAX_ARTICLE_CHARS``."""

    interval: int = 900
    max_backoff: int = 86_400
    max_chars: int = 500_000

    def next_after(self, now: dt.datetime, errors: int) -> dt.datetime:
        """The interval, doubled for each error in a row, up to the longest back-off."""
        seconds = min(self.interval * 2**errors, max(self.max_backoff, self.interval))
        return now + dt.timedelta(seconds=seconds)


@dataclasses.dataclass
class Polled:
    feed: Feed
    stored: int = 0  # new articles
    skipped: list[tuple[str, str]] = dataclasses.field(default_factory=list)  # (url, why)


Fetcher = Callable[..., object]


def subscribe(url: str) -> tuple[Feed, bool]:
    """The feed of ``url`` (created, and due at once, when it is new)."""
    feed = Feed.get_or_none(Feed.url == url)
    return (feed, False) if feed else (Feed.create(url=url), True)


def stored_from(url: str) -> str | None:
    """What this URL gave already ("article 12", or why its page gave none), else None."""
    article = Article.select(Article.id).where(Article.url == url).first()
    if article is not None:
        return f"article {article.id}"
    entry = FeedEntry.select().where(FeedEntry.url == url).order_by(FeedEntry.id).first()
    if entry is None:
        return None
    return f"article {entry.article_id}" if entry.article_id else f"refused before: {entry.error}"


def due(now: dt.datetime | None = None) -> list[Feed]:
    return list(Feed.select().where(Feed.next_fetch_at <= (now or utcnow())).order_by(Feed.id))


def seconds_to_next(schedule: Schedule, now: dt.datetime | None = None) -> float:
    """Seconds until the next feed is due (the interval when there is none)."""
    first = Feed.select(Feed.next_fetch_at).order_by(Feed.next_fetch_at).first()
    if first is None:
        return float(schedule.interval)
    return max(0.0, (first.next_fetch_at - (now or utcnow())).total_seconds())


def article_counts() -> dict[int, int]:
    """Feed id -> the articles stored from it."""
    query = (
        FeedEntry.select(FeedEntry.feed, FeedEntry.id)
        .where(FeedEntry.article.is_null(False))
        .tuples()
    )
    counts: dict[int, int] = {}
    for feed_id, _ in query:
        counts[feed_id] = counts.get(feed_id, 0) + 1
    return counts


def poll(
    feed: Feed,
    policy: Policy,
    schedule: Schedule = Schedule(),
    now: dt.datetime | None = None,
    fetcher: Fetcher = fetch,
) -> Polled:
    """Fetch ``feed`` (conditionally), store its new entries' articles, schedule the next poll."""
    now = now or utcnow()
    polled = Polled(feed)
    feed.last_fetched_at = now
    try:
        got = fetcher(feed.url, policy, FEED_TYPES, feed.etag, feed.last_modified)
        if got.status == 304:
            feed.last_status = "not modified"
        else:
            parsed = feeds.read_feed(got.body, got.url)
            feed.title = parsed.title or feed.title
            feed.etag, feed.last_modified = got.etag, got.last_modified
            for entry in parsed.entries:
                _read_entry(polled, entry, policy, schedule, fetcher)
            feed.last_status = "fetched"
        feed.errors, feed.last_error = 0, None
    except (FetchError, feeds.FeedError) as exc:
        feed.errors += 1
        feed.last_status, feed.last_error = "error", str(exc)
    feed.next_fetch_at = schedule.next_after(now, feed.errors)
    feed.save()
    return polled


def _read_entry(
    polled: Polled, entry: feeds.Entry, policy: Policy, schedule: Schedule, fetcher: Fetcher
) -> None:
    feed, url = polled.feed, entry.link
    if FeedEntry.select().where(FeedEntry.feed == feed, FeedEntry.url == url).exists():
        return
    # Read before from another feed, or ingested from this URL: linked, not fetched again.
    earlier = FeedEntry.select().where(FeedEntry.url == url).order_by(FeedEntry.id).first()
    known = Article.select(Article.id).where(Article.url == url).first()
    if earlier is not None or known is not None:
        article = known.id if known else earlier.article_id
        FeedEntry.create(
            feed=feed, url=url, article=article, error=None if known else earlier.error
        )
        return
    try:
        got = fetcher(url, policy, PAGE_TYPES)
    except FetchError as exc:  # not remembered: tried again at the next poll
        polled.skipped.append((url, str(exc)))
        return
    data, why = _article(got.body, got.url, entry.date, schedule.max_chars)
    if data is None:
        polled.skipped.append((url, why))
        FeedEntry.create(feed=feed, url=url, error=why)
        return
    article, created = pipeline.ingest(data)
    FeedEntry.create(feed=feed, url=url, article=article)
    polled.stored += int(created)


def _article(
    html: bytes, url: str, feed_date: str | None, max_chars: int
) -> tuple[dict | None, str]:
    """The validated article of a page (its feed entry's date only when it has none), or
    None and why not."""
    try:
        data = ArticleCreateSchema().load(pages.read_article(html, url, feed_date))
        if len(data["text"]) > max_chars:
            raise ValidationError({"text": [f"Longer than {max_chars} characters."]})
        if refusal := language.unsupported(data["text"]):
            raise ValidationError({"language": [refusal]})
    except ValidationError as exc:
        return None, describe(exc.messages)
    except pages.PageError as exc:
        return None, str(exc)
    except Exception as exc:  # a page the HTML libraries choke on: one entry, not the poller
        log.exception("reading %s", url)
        return None, f"unreadable page: {exc}"
    return data, ""
