"""The shapes the service serves, each built here and nowhere else (pure: no Flask, no database).

An event (its date, actors and mentions, each mention with its article), an article, an edit,
and how dates and timestamps are spelled: the API's JSON, NDJSON, CSV, iCalendar and TimelineJS
all read the dicts built here, and :data:`EVENT_JSON_SQL` builds the same event object inside
SQLite for the NDJSON export (``service.read.json_sql`` runs it; a test compares the two).

Spellings: dates are ``YYYY-MM-DD``; timestamps are ISO 8601 in UTC with ``+00:00``, one
format everywhere: the API's JSON (:func:`utc` then :func:`iso`) and the exports
(:func:`iso_utc`, :func:`export_value`) alike.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

#: An event's date block, in the API's order; each is the event row's ``date_<name>`` column.
DATE_FIELDS = ("text", "value", "edtf", "start", "end", "precision", "approximate", "basis")


# -- spelling dates and timestamps ---------------------------------------------------------------


def utc(value: dt.datetime | None) -> dt.datetime | None:
    """Timestamps are stored as naive UTC; served with their offset (+00:00)."""
    return value.replace(tzinfo=dt.UTC) if value is not None else None


def iso(value: Any) -> str:
    """``json.dumps`` default of the API's JSON: dates and (aware) datetimes in ISO 8601."""
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def plain(value: Any) -> Any:
    """A date or datetime as its ISO text, any other value unchanged (for JSON kept in a
    column or a cursor)."""
    return value.isoformat() if isinstance(value, dt.date) else value


def as_date(value: dt.date | str | None) -> dt.date | None:
    """A ``date`` from a date or an ISO string (an already-dumped event), None unchanged."""
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value


def as_utc(value: dt.datetime | str | None) -> dt.datetime | None:
    """An aware UTC datetime; naive values and strings without an offset are UTC already."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def iso_date(value: dt.date | str | None) -> str | None:
    """``YYYY-MM-DD`` or None."""
    day = as_date(value)
    return day.isoformat() if day is not None else None


def iso_utc(value: dt.datetime | str | None) -> str | None:
    """ISO 8601 in UTC with ``+00:00``, as the JSON API writes every timestamp: naive
    datetimes are taken as UTC, aware ones converted to it."""
    if isinstance(value, dt.datetime):  # the usual two, spelled the same way sooner
        if value.tzinfo is None:
            return value.isoformat() + "+00:00"
        if value.tzinfo is dt.UTC:
            return value.isoformat()
    moment = as_utc(value)
    if moment is None:
        return None
    return moment.isoformat()


def export_value(value: Any) -> Any:
    """``json.dumps`` default of the exports: datetimes in UTC with ``+00:00``, dates as
    ``YYYY-MM-DD``."""
    if isinstance(value, dt.datetime):
        return iso_utc(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


# -- the objects ---------------------------------------------------------------------------------


def date_dict(row: Any) -> dict[str, Any]:
    """An event row's date block (its ``date_*`` columns), as stored."""
    return {name: getattr(row, f"date_{name}") for name in DATE_FIELDS}


def actor_dict(key: str, name: str, kind: str) -> dict[str, Any]:
    return {"id": key, "name": name, "kind": kind}


def mention_dict(
    article_id: int,
    sentence: str,
    sentence_start: int | None,
    sentence_end: int | None,
    start: int,
    end: int,
    article: dict[str, Any],
) -> dict[str, Any]:
    """One sentence that reported an event; provenance travels with it (``article``: which
    article, from where, when)."""
    return {
        "article_id": article_id,
        "sentence": sentence,
        "sentence_start": sentence_start,
        "sentence_end": sentence_end,
        "start": start,
        "end": end,
        "article": article,
    }


def mention_article(
    article_id: int, title: str | None, source: str | None, url: str | None, published_at: Any
) -> dict[str, Any]:
    return {
        "id": article_id,
        "title": title,
        "source": source,
        "url": url,
        "published_at": published_at,
    }


def event_dict(row: Any, actors: list[dict], mentions: list[dict] | None) -> dict[str, Any]:
    """An event row as the API serves it; ``mentions`` None leaves them out."""
    out = {
        "id": row.id,
        "title": row.title,
        "summary": row.summary,
        "type": row.type,
        "cameo": row.cameo,
        "status": row.status,
        "salience": row.salience,
        "date": date_dict(row),
        "actors": actors,
        "original": json.loads(row.original) if row.original else None,
        "created_at": utc(row.created_at),
        "updated_at": utc(row.updated_at),
    }
    if mentions is not None:
        out["mentions"] = mentions
    return out


def original_dict(row: Any) -> dict[str, Any]:
    """What the extraction said of an event before a person first edited it (kept as JSON)."""
    return {
        "title": row.title,
        "type": row.type,
        "status": row.status,
        "date": {name: plain(value) for name, value in date_dict(row).items()},
    }


def edit_dict(at: dt.datetime, reason: str, changes: str) -> dict[str, Any]:
    """One edit of an event: when (UTC), why, and what changed (stored as JSON text)."""
    return {"at": utc(at), "reason": reason, "changes": json.loads(changes)}


def article_dict(article: Any, events: list[dict] | None = None) -> dict[str, Any]:
    """An article row as the API serves it; with ``events``, its events and their count."""
    out = {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published_at": article.published_at,
        "modified_at": article.modified_at,
        "language": article.language,
        "content_hash": article.content_hash,
        "text": article.text,
        "created_at": utc(article.created_at),
    }
    if events is not None:
        out["events"] = events
        out["event_count"] = len(events)
    return out


# -- the same event object, built by SQLite -------------------------------------------------------

_UTC_SQL = "replace({column}, ' ', 'T') || '+00:00'"  # naive UTC text, spelled as iso_utc does


def _date_sql(alias: str) -> str:
    parts = []
    for name in DATE_FIELDS:
        column = f"{alias}.date_{name}"
        if name == "approximate":  # a stored 0/1 served as a JSON boolean
            column = f"json(CASE WHEN {column} THEN 'true' ELSE 'false' END)"
        parts.append(f"'{name}', {column}")
    return "json_object(" + ", ".join(parts) + ")"


#: One statement's text giving ``(id, event JSON)`` for the events whose ids replace
#: ``{marks}``: the object of :func:`event_dict` with its actors and its mentions (each with its
#: article) in the API's order, timestamps as the exports spell them (:func:`iso_utc`).
EVENT_JSON_SQL = f"""
SELECT e.id, json_object(
  'id', e.id, 'title', e.title, 'summary', e.summary, 'type', e.type, 'cameo', e.cameo,
  'status', e.status, 'salience', e.salience,
  'date', {_date_sql("e")},
  'actors', json((
    SELECT json_group_array(json_object('id', a.key, 'name', a.name, 'kind', a.kind))
    FROM (SELECT a.key, a.name, a.kind FROM event_actor AS l JOIN actor AS a ON a.id = l.actor_id
          WHERE l.event_id = e.id ORDER BY l.id) AS a)),
  'original', json(e.original),
  'created_at', {_UTC_SQL.format(column="e.created_at")},
  'updated_at', {_UTC_SQL.format(column="e.updated_at")},
  'mentions', json((
    SELECT json_group_array(json_object(
        'article_id', m.article_id, 'sentence', m.sentence,
        'sentence_start', m.sentence_start, 'sentence_end', m.sentence_end,
        'start', m.start, 'end', m."end",
        'article', json_object('id', m.article_id, 'title', m.title, 'source', m.source,
                               'url', m.url, 'published_at', m.published_at)))
    FROM (SELECT m.article_id, m.sentence, m.sentence_start, m.sentence_end, m.start, m."end",
                 r.title, r.source, r.url, r.published_at
          FROM mention AS m JOIN article AS r ON r.id = m.article_id
          WHERE m.event_id = e.id ORDER BY m.article_id, m.start) AS m))
) FROM event AS e WHERE e.id IN ({{marks}})
"""
