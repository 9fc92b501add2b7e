"""CSV export: a header row, then one flat row per event, streamed line by line.

**Formula injection.** A spreadsheet opening the file treats a cell that begins with ``=``,
``+``, ``-`` or ``@`` (and, in some programs, a tab, carriage return, ``|``, ``%`` or the
fullwidth ``＝＋－＠``, also behind a zero-width space) as a formula. Titles,
summaries and actor names come from news text, so every text cell that begins with one of
these characters gets a leading apostrophe (``'=1+1``), as OWASP recommends. The apostrophe
is part of the cell's value: a program reading the CSV as data and wanting the original text
drops a leading ``'`` when the next character is one of ``FORMULA_PREFIXES``
(see ``unguard_cell``). Numbers and booleans are written as such and never prefixed.

Rows follow RFC 4180 (comma, double quotes, CRLF), UTF-8 without a byte-order mark.

**Provenance.** ``date_basis`` says how the date was found; ``article_ids``, ``sources``
(title, source and publication date of each article) and ``source_urls`` say where the event
was read, ``;``-separated, one entry per article, in the same order.

**Text that looks like a number.** ``cameo`` is a code (``04``, ``19``), not a number: read it
as text (pandas: ``dtype={"cameo": str}``), or the leading zero is lost.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

from ..shapes import iso_date, iso_utc
from .common import event_date

COLUMNS = (
    "id",
    "title",
    "type",
    "cameo",
    "status",
    "date_text",
    "date_value",
    "date_edtf",
    "date_start",
    "date_end",
    "date_precision",
    "date_approximate",
    "actors",
    "actor_names",
    "summary",
    "created_at",
    "updated_at",
    "date_basis",
    "article_ids",
    "sources",
    "source_urls",
)
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "|", "%", "＝", "＋", "－", "＠")
LIST_SEPARATOR = ";"


_FORMULA_STARTS = frozenset(FORMULA_PREFIXES)  # each one character


def _formula_like(text: str) -> bool:
    """Starts with a formula character, also behind invisible characters (zero-width space,
    byte-order mark: Unicode format characters) or spaces that a spreadsheet skips."""
    first = text[:1]
    if first in _FORMULA_STARTS:
        return True
    if not first or first.isalnum():  # the usual cell: a letter or digit is neither of those
        return False
    start = 0
    while start < len(text) and (text[start] == " " or unicodedata.category(text[start]) == "Cf"):
        start += 1
    return text[start:].startswith(FORMULA_PREFIXES)


def guard_cell(value: Any) -> Any:
    """Neutralise a cell a spreadsheet would run as a formula; other values pass unchanged.

    A spreadsheet of a semicolon locale splits cells at ``;`` too, so each part after a ``;``
    is guarded the same way (``a;=1`` becomes ``a;'=1``).
    """
    if not isinstance(value, str):
        return value
    if LIST_SEPARATOR not in value:
        return "'" + value if _formula_like(value) else value
    return LIST_SEPARATOR.join(
        "'" + part if _formula_like(part) else part for part in value.split(LIST_SEPARATOR)
    )


def unguard_cell(value: str) -> str:
    """Undo ``guard_cell`` for a consumer reading the CSV as data."""
    return LIST_SEPARATOR.join(
        part[1:] if part.startswith("'") and _formula_like(part[1:]) else part
        for part in value.split(LIST_SEPARATOR)
    )


def csv_row(event: dict[str, Any]) -> list[Any]:
    """The event's cells in ``COLUMNS`` order (None becomes an empty cell)."""
    date = event_date(event)
    actors = event.get("actors") or []
    articles = _articles(event)
    cells = [
        event.get("id"),
        event.get("title"),
        event.get("type"),
        event.get("cameo"),
        event.get("status"),
        date.get("text"),
        date.get("value"),
        date.get("edtf"),
        iso_date(date.get("start")),
        iso_date(date.get("end")),
        date.get("precision"),
        _boolean(date.get("approximate")),
        LIST_SEPARATOR.join(a["id"] for a in actors),
        LIST_SEPARATOR.join(a["name"] for a in actors),
        event.get("summary"),
        iso_utc(event.get("created_at")),
        iso_utc(event.get("updated_at")),
        date.get("basis"),
        LIST_SEPARATOR.join(str(a["id"]) for a in articles),
        LIST_SEPARATOR.join(_source(a) for a in articles),
        LIST_SEPARATOR.join(a.get("url") or "" for a in articles),
    ]
    return [guard_cell(cell) for cell in cells]


def _articles(event: dict[str, Any]) -> list[dict[str, Any]]:
    """The event's articles, each once, in mention order (a mention without article details,
    from an older producer, gives its id alone)."""
    seen: dict[Any, dict[str, Any]] = {}
    for mention in event.get("mentions") or []:
        article = mention.get("article") or {"id": mention.get("article_id")}
        seen.setdefault(article["id"], article)
    return list(seen.values())


def _source(article: dict[str, Any]) -> str:
    """``Title (Source, 2023-12-21)``: what a person reads to know where the event comes from."""
    extra = [str(v) for v in (article.get("source"), iso_date(article.get("published_at"))) if v]
    title = article.get("title") or f"article {article['id']}"
    return f"{title} ({', '.join(extra)})" if extra else title


def csv_lines(events: Iterable[dict[str, Any]]) -> Iterator[str]:
    """Yield the header line, then one CSV line per event, as the events arrive.

    One small buffer is reused for every row, so memory stays flat however many events pass.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def line(cells: Iterable[Any]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(cells)
        return buffer.getvalue()

    yield line(COLUMNS)
    for event in events:
        yield line(csv_row(event))


def csv_chunks(batches: Iterable[Iterable[dict[str, Any]]]) -> Iterator[str]:
    """The lines of :func:`csv_lines`, the header alone and then one chunk per batch of events:
    a streamed answer costs one pass through the server per batch, not one per event, and
    memory stays that of one batch."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def text(rows: Iterable[Iterable[Any]]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerows(rows)
        return buffer.getvalue()

    yield text([COLUMNS])
    for batch in batches:
        yield text(map(csv_row, batch))


def _boolean(value: bool | None) -> str | None:
    return None if value is None else ("true" if value else "false")
