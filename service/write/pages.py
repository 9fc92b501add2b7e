"""An article's web page -> an article record: main text, title, publication date (and the
page's own update date), source and URL, read with trafilatura (text, metadata) and htmldate
(dates). The date is the page's own, never the time it was fetched or archived: a page without
one is refused unless the caller gives a date (a feed entry's), and the record says which."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import urllib.parse
from typing import Any

import htmldate
import lxml.etree
import lxml.html
import trafilatura

#: Dates are looked for in the page's markup (meta tags, JSON-LD, <time>, bylines) only: the
#: extensive search also reads dates from the article's text, which are the events', not the
#: page's.
DATE_OPTIONS = {"extensive_search": False, "outputformat": "%Y-%m-%d"}
#: trafilatura's options: the main text with its metadata; no comments nor images; tables
#: are left out (a page laid out in a table is still read: trafilatura falls back to it).
EXTRACT_OPTIONS = {
    "with_metadata": True,
    "include_comments": False,
    "include_tables": False,
    "include_images": False,
    "favor_precision": False,
    "date_extraction_params": {**DATE_OPTIONS, "original_date": True},
}
#: Fewer words than this in the main text: the page is not an article (an index, a menu).
MIN_WORDS = 20


class PageError(ValueError):
    """Why a page gives no article (the message is shown to the user as is)."""


@dataclasses.dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    published_at: str | None  # YYYY-MM-DD, from the page
    updated_at: str | None  # YYYY-MM-DD, when the page gives a later update date
    source: str | None
    url: str | None


def read_page(html: str | bytes, url: str | None = None) -> Page:
    """Read an article page; :class:`PageError` when it has no main text."""
    doc = trafilatura.bare_extraction(html, url=url, **EXTRACT_OPTIONS)
    title = _field(doc, "title")
    text = trimmed(without_headline((_field(doc, "text") or "").strip(), title))
    if len(text.split()) < MIN_WORDS:
        raise PageError(f"no article text found in the page (fewer than {MIN_WORDS} words)")
    published = page_date(html, url, original=True) or byline_date(html, text, url)
    updated = page_date(html, url, original=False)
    url = url or _field(doc, "url")  # where it was fetched; else its canonical URL
    return Page(
        text=text,
        title=title,
        published_at=published,
        updated_at=updated if updated and published and updated > published else None,
        source=_field(doc, "sitename") or _host(url),
        url=url if url and url.startswith(("http://", "https://")) else None,
    )


def page_date(html: str | bytes, url: str | None, original: bool) -> str | None:
    """The page's publication date (``original``) or its latest update date, or None."""
    return htmldate.find_date(html, url=url, original_date=original, **DATE_OPTIONS)


def without_headline(text: str, title: str | None, within: int = 3) -> str:
    """The text without its first lines up to the headline (a kicker, then the title): the
    title is kept apart, and events are read from the article's sentences."""
    lines = text.splitlines()
    wanted = _folded(title or "")
    for n, line in enumerate(lines[:within]):
        if wanted and _folded(line) == wanted:
            return "\n".join(lines[n + 1 :]).strip()
    return text


#: A line before the article's first sentence that says who wrote it or when.
BYLINE = re.compile(r"^(by|published|posted|updated|last updated|filed)\b", re.IGNORECASE)
#: How an article's sentence ends; short trailing lines without it are links and calls to action.
SENTENCE_END = tuple(".!?\"'\u201d\u2019)")


def trimmed(text: str, short: int = 120) -> str:
    """The text without a leading byline line and without trailing short lines that are not
    sentences ("Photo gallery: see 24 pictures", "Have your say")."""
    lines = text.splitlines()
    while lines and len(lines[0]) < short and BYLINE.match(lines[0].strip()):
        lines.pop(0)
    while (
        len(lines) > 1 and len(lines[-1]) < short and not lines[-1].rstrip().endswith(SENTENCE_END)
    ):
        lines.pop()
    return "\n".join(lines).strip()


def byline_date(html: str | bytes, text: str, url: str | None) -> str | None:
    """A date written in the page around the article (a byline such as "Published: 18 January
    2024") when its markup has none: htmldate's extensive search over the page with the
    article's own sentences taken out, so that a date an event happened on is never taken for
    the page's."""
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None
    sentences = {_folded(line) for line in text.splitlines() if len(line) > 80}
    for element in list(tree.iter("p", "li", "blockquote", "div", "td", "section")):
        if _folded(element.text_content()) in sentences and element.getparent() is not None:
            element.drop_tree()
    return htmldate.find_date(
        tree, url=url, original_date=True, extensive_search=True, outputformat="%Y-%m-%d"
    )


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def as_record(page: Page, fallback_date: str | None = None) -> dict:
    """The article record of ``page``; its date falls back to ``fallback_date`` (a feed
    entry's, say) only when the page has none. :class:`PageError` when neither has one."""
    published = page.published_at or fallback_date
    if not published:
        raise PageError(
            "the page gives no publication date (no date in its meta tags, structured data, "
            "<time> elements or byline); give one (--published-at) or ingest it as JSON"
        )
    record: dict[str, Any] = {
        "text": page.text,
        "title": page.title,
        "source": page.source,
        "url": page.url,
        "published_at": published,
    }
    if page.updated_at:
        record["modified_at"] = page.updated_at
    return record


def read_article(
    html: str | bytes,
    url: str | None = None,
    fallback_date: dt.date | str | None = None,
) -> dict:
    """Page -> article record, in one call (see :func:`read_page` and :func:`as_record`)."""
    if isinstance(fallback_date, dt.date):
        fallback_date = fallback_date.isoformat()
    return as_record(read_page(html, url), fallback_date)


def _field(doc: Any, name: str) -> Any:
    if doc is None:
        return None
    return doc.get(name) if isinstance(doc, dict) else getattr(doc, name, None)


def _host(url: str | None) -> str | None:
    host = urllib.parse.urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None
