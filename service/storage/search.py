"""Full-text search on event titles and summaries with the database's own index:
FTS5 (porter stemming) on SQLite, a tsvector GIN expression index on PostgreSQL."""

from __future__ import annotations

import re

import peewee as pw

from .connection import database
from .models import Event

_WORD = re.compile(r"\w+", re.UNICODE)
PG_DOCUMENT = "to_tsvector('english', coalesce(title, '') || ' ' || coalesce(summary, ''))"

SQLITE_SCHEMA = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS event_fts USING fts5("
    "title, summary, content='event', content_rowid='id', tokenize='porter unicode61')",
    "CREATE TRIGGER IF NOT EXISTS event_fts_insert AFTER INSERT ON event BEGIN "
    "INSERT INTO event_fts(rowid, title, summary) VALUES (new.id, new.title, new.summary); END",
    "CREATE TRIGGER IF NOT EXISTS event_fts_delete AFTER DELETE ON event BEGIN "
    "INSERT INTO event_fts(event_fts, rowid, title, summary) "
    "VALUES ('delete', old.id, old.title, old.summary); END",
    "CREATE TRIGGER IF NOT EXISTS event_fts_update AFTER UPDATE OF title, summary ON event BEGIN "
    "INSERT INTO event_fts(event_fts, rowid, title, summary) "
    "VALUES ('delete', old.id, old.title, old.summary); "
    "INSERT INTO event_fts(rowid, title, summary) VALUES (new.id, new.title, new.summary); END",
]


def is_postgres() -> bool:
    return isinstance(database.obj, pw.PostgresqlDatabase)


def create_index() -> None:
    """Create the full-text index if missing (filling it from existing events when new)."""
    if is_postgres():
        database.execute_sql(
            f"CREATE INDEX IF NOT EXISTS event_fulltext ON event USING GIN (({PG_DOCUMENT}))"
        )
        return
    existed = database.table_exists("event_fts")
    for statement in SQLITE_SCHEMA:
        database.execute_sql(statement)
    if not existed:
        database.execute_sql("INSERT INTO event_fts(event_fts) VALUES ('rebuild')")


def matching(q: str) -> pw.Expression:
    """A condition on Event: every word of ``q`` occurs (stemmed) in its title or summary.

    User text never reaches the query syntax: words are extracted and quoted (FTS5) or handed
    to ``plainto_tsquery`` (PostgreSQL), so operators and quotes in ``q`` are just text.
    """
    words = _WORD.findall(q)[:20]
    if not words:
        return pw.SQL("1 = 0")
    if is_postgres():
        return pw.SQL(f"{PG_DOCUMENT} @@ plainto_tsquery('english', %s)", [" ".join(words)])
    phrase = " ".join('"' + w.replace('"', "") + '"' for w in words)
    matches = pw.SQL("(SELECT rowid FROM event_fts WHERE event_fts MATCH ?)", [phrase])
    if _common(phrase):
        # Many matches: walk the events in the requested order and keep those that match
        # (``id + 0`` keeps SQLite from fetching every match by id and sorting them all).
        return (Event.id + 0).in_(matches)
    return Event.id.in_(matches)


COMMON = 5000  # matches above which walking the order index beats fetching and sorting them


def _common(phrase: str) -> bool:
    sql = "SELECT count(*) FROM (SELECT rowid FROM event_fts WHERE event_fts MATCH ? LIMIT ?)"
    return database.execute_sql(sql, [phrase, COMMON]).fetchone()[0] >= COMMON
