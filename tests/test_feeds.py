"""Feeds -> entries (service/write/feeds.py): RSS 0.91, RSS 2.0, RSS 1.0 and Atom; the entry's
own date; relative links made absolute; a document that is not a feed refused, saying why."""

from __future__ import annotations

import pytest

from service.write import feeds
from tests.webserver import WEB

BASE = "https://news.example.org"


def fixture(name: str) -> bytes:
    return (WEB / "feeds" / name).read_text().replace("{base}", BASE).encode()


@pytest.mark.parametrize(
    "name, kind, entries",
    [
        ("courier.rss", "rss20",
         [("harbour-strike", "2025-03-12"), ("undated-bakery", "2025-02-04")]),
        ("gazette.rdf", "rss10", [("flood-warning", "2024-01-18")]),
        ("culture.atom", "atom10",
         [("museum-reopening", "2025-06-21"), ("rail-tender", "2024-11-05")]),
    ],
)  # fmt: skip
def test_each_kind_of_feed(name, kind, entries):
    feed = feeds.read_feed(fixture(name))
    assert feeds.looks_like_feed(fixture(name))
    assert feed.kind == kind and feed.title
    assert [(e.link, e.date) for e in feed.entries] == [
        (f"{BASE}/pages/{page}.html", date) for page, date in entries
    ]


RSS_091 = b"""<?xml version="1.0"?>
<rss version="0.91"><channel><title>Old wire</title><link>http://wire.example/</link>
<description>x</description><language>en</language>
<item><title>Dam opens</title><link>/stories/dam.html</link><description>y</description></item>
<item><title>No link</title><description>z</description></item>
</channel></rss>"""


def test_rss_0_91_with_a_relative_link_and_no_date():
    feed = feeds.read_feed(RSS_091, "http://wire.example/rss.xml")
    assert feed.kind == "rss091u"
    assert [(e.link, e.date) for e in feed.entries] == [
        ("http://wire.example/stories/dam.html", None)
    ]


@pytest.mark.parametrize(
    "body", [b"<html><body><p>a page</p></body></html>", b"not xml at all", b""]
)
def test_a_document_that_is_not_a_feed(body):
    assert not feeds.looks_like_feed(body)
    with pytest.raises(feeds.FeedError, match="not an RSS or Atom feed"):
        feeds.read_feed(body)


def test_a_feed_that_names_a_url_is_not_fetched_by_feedparser():
    """Bytes that read as a URL or a path stay a document (feedparser would open them)."""
    for body in (b"http://127.0.0.1:1/feed.xml", b"/etc/passwd"):
        with pytest.raises(feeds.FeedError):
            feeds.read_feed(body)
