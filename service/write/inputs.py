"""What ``timeline ingest`` is given -> article records: folders (recursively), web pages
(.html), feed files, WARC archives, URLs of feeds and pages, and the files of
:mod:`service.write.sources` (.txt, .json, .jsonl, .tml). Each item that gives no article
says why."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

from . import feeds, pages, sources, warc
from .fetch import ANY_NEWS, PAGE_TYPES, FetchError, Policy, fetch
from .sources import Record

PAGE_SUFFIXES = (".html", ".htm", ".xhtml")
FEED_SUFFIXES = (".rss", ".atom", ".rdf", ".xml")
WARC_SUFFIXES = (".warc", ".warc.gz")
FILE_SUFFIXES = (".txt", ".json", ".jsonl", ".tml")
#: Every kind of file ``timeline ingest`` reads (a folder: the files of these kinds in it).
SUFFIXES = PAGE_SUFFIXES + FEED_SUFFIXES + WARC_SUFFIXES + FILE_SUFFIXES
FROM_FEED = "dated by its feed entry: the page gives no date"

Warn = Callable[[str], None]
#: ``known(url)``: what is stored from this URL already ("article 12"), or None.
Known = Callable[[str], str | None]


def is_url(item: str) -> bool:
    return item.startswith(("http://", "https://"))


def read_inputs(
    items: list[str],
    published_at: dt.date | None = None,
    policy: Policy | None = None,
    warn: Warn = lambda message: None,
    known: Known = lambda url: None,
) -> Iterator[Record]:
    """Yield one record per article found in ``items`` (paths or URLs). ``policy`` None: no
    fetching (a URL, and a feed file's entries, are skipped saying so)."""
    reader = _Reader(published_at, policy, warn, known)
    for item in items:
        if is_url(item):
            yield from reader.url(item)
        else:
            yield from reader.path(Path(item))


class _Reader:
    def __init__(
        self, published_at: dt.date | None, policy: Policy | None, warn: Warn, known: Known
    ):
        self.published_at = published_at.isoformat() if published_at else None
        self.policy, self.warn, self.known = policy, warn, known
        self.fetched: set[str] = set()  # URLs fetched in this run (two feeds may share one)

    def path(self, path: Path) -> Iterator[Record]:
        if path.is_dir():
            yield from self.folder(path)
        elif path.name.lower().endswith(WARC_SUFFIXES):
            yield from self.archive(path)
        elif path.suffix.lower() in PAGE_SUFFIXES:
            yield from self.page_file(path)
        elif path.suffix.lower() in FEED_SUFFIXES:
            yield from self.feed(str(path), path.read_bytes(), None)
        else:
            day = dt.date.fromisoformat(self.published_at) if self.published_at else None
            yield from sources.read_files([path], day, self.warn)

    def folder(self, folder: Path) -> Iterator[Record]:
        found = 0
        for path in sorted(folder.rglob("*")):
            hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
            if path.is_dir() or hidden:
                continue
            if not path.name.lower().endswith(SUFFIXES):
                self.warn(f"{path}: ignored, not a kind of file ingest reads")
                continue
            found += 1
            yield from self.path(path)
        if not found:
            self.warn(f"{folder}: no file ingest reads in this folder")

    def page_file(self, path: Path) -> Iterator[Record]:
        yield self.page(str(path), path.read_bytes(), None, self.published_at)

    def page(
        self, label: str, html: bytes, url: str | None, fallback: str | None, why: str = ""
    ) -> Record:
        try:
            page = pages.read_page(html, url)
            record = pages.as_record(page, fallback)
        except pages.PageError as exc:
            return label, None, str(exc)
        except Exception as exc:  # a page the HTML libraries choke on: one record, not the run
            return label, None, f"unreadable page: {exc!r}"
        if why and not page.published_at:
            label = f"{label} ({why})"
        return label, record, None

    def feed(self, label: str, body: bytes, url: str | None) -> Iterator[Record]:
        try:
            feed = feeds.read_feed(body, url)
        except feeds.FeedError as exc:
            yield label, None, str(exc)
            return
        if not feed.entries:
            self.warn(f"{label}: a feed with no entry")
        for entry in feed.entries:
            yield from self.url(entry.link, entry.date, accept=PAGE_TYPES)

    def url(
        self, url: str, fallback: str | None = None, accept: frozenset[str] = ANY_NEWS
    ) -> Iterator[Record]:
        if (stored := self.known(url)) is not None:
            self.warn(f"{url}: already present ({stored}), not fetched again")
            return
        if url in self.fetched:
            self.warn(f"{url}: already read in this run, not fetched again")
            return
        self.fetched.add(url)
        if self.policy is None:
            yield url, None, "not fetched: fetching is off (TIMELINE_FETCH)"
            return
        try:
            got = fetch(url, self.policy, accept)
        except FetchError as exc:
            yield url, None, f"not fetched: {exc}"
            return
        if got.content_type not in PAGE_TYPES or feeds.looks_like_feed(got.body):
            yield from self.feed(url, got.body, got.url)
        else:
            yield self.page(
                url, got.body, url, fallback or self.published_at, FROM_FEED if fallback else ""
            )

    def archive(self, path: Path) -> Iterator[Record]:
        try:
            for item in warc.read_warc(path):
                label = f"{path}: {item.url}"
                if item.html is None:
                    yield label, None, item.skipped
                else:
                    yield self.page(label, item.html, item.url, self.published_at)
        except Exception as exc:  # warcio raises its own and zlib/OS errors on a broken archive
            yield str(path), None, f"unreadable web archive: {exc}"
