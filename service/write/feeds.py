"""Feeds -> their entries: RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom, read with feedparser from
bytes already fetched (feedparser never fetches anything itself here)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import time

import feedparser


class FeedError(ValueError):
    """Why a document is not a feed (the message is shown to the user as is)."""


@dataclasses.dataclass(frozen=True)
class Entry:
    link: str
    title: str | None
    #: The entry's own date (published, else updated), YYYY-MM-DD: used for the article only
    #: when its page has none.
    date: str | None


@dataclasses.dataclass(frozen=True)
class Feed:
    title: str | None
    kind: str  # rss20, rss10, atom10, ... (feedparser's version names)
    entries: list[Entry]


def looks_like_feed(body: bytes) -> bool:
    """True when the document's root element is a feed's (rss, RDF, feed)."""
    head = body[:2048].lstrip().lower()
    return any(tag in head for tag in (b"<rss", b"<rdf:rdf", b"<feed"))


def read_feed(body: bytes, url: str | None = None) -> Feed:
    """The entries of a feed document, with absolute links; :class:`FeedError` otherwise."""
    # A stream: given a str or bytes that reads as a URL or a path, feedparser would open it.
    parsed = feedparser.parse(
        io.BytesIO(body),
        response_headers={"content-location": url} if url else None,
        sanitize_html=False,
    )
    if not parsed.get("version"):
        reason = getattr(parsed.get("bozo_exception"), "args", [""])[0] or "not a feed"
        raise FeedError(f"not an RSS or Atom feed ({reason})")
    entries = [
        Entry(entry["link"], entry.get("title"), _date(entry))
        for entry in parsed.entries
        if entry.get("link", "").startswith(("http://", "https://"))
    ]
    return Feed(parsed.feed.get("title"), parsed.version, entries)


def _date(entry: dict) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        stamp: time.struct_time | None = entry.get(key)
        if stamp:
            return dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday).isoformat()
    return None
