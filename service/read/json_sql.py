"""Events as NDJSON lines built by SQLite itself (its JSON functions, in C).

An NDJSON export of a million events spent most of its time in Python building each event's
dict (with its actors and mentions) and encoding it. On SQLite the same object is built by one
statement per batch of events: ``json_object`` in the event shape of
:func:`service.read.queries.event_dict`, the actors and the mentions (with their article) as
correlated ``json_group_array`` subqueries in the API's order, datetimes in UTC with
``+00:00`` as :func:`service.formats.common.iso_utc` writes them. The lines are the same objects as
:func:`service.formats.ndjson.ndjson_bytes` writes (a test compares them); only number and
escape spellings may differ where JSON allows both. PostgreSQL keeps the Python path.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..storage.connection import database

_UTC = "replace({column}, ' ', 'T') || '+00:00'"

EVENT_JSON = f"""
SELECT e.id, json_object(
  'id', e.id, 'title', e.title, 'summary', e.summary, 'type', e.type, 'cameo', e.cameo,
  'status', e.status, 'salience', e.salience,
  'date', json_object(
    'text', e.date_text, 'value', e.date_value, 'edtf', e.date_edtf,
    'start', e.date_start, 'end', e.date_end, 'precision', e.date_precision,
    'approximate', json(CASE WHEN e.date_approximate THEN 'true' ELSE 'false' END),
    'basis', e.date_basis),
  'actors', json((
    SELECT json_group_array(json_object('id', a.key, 'name', a.name, 'kind', a.kind))
    FROM (SELECT a.key, a.name, a.kind FROM event_actor AS l JOIN actor AS a ON a.id = l.actor_id
          WHERE l.event_id = e.id ORDER BY l.id) AS a)),
  'original', json(e.original),
  'created_at', {_UTC.format(column="e.created_at")},
  'updated_at', {_UTC.format(column="e.updated_at")},
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


def available() -> bool:
    """Whether the database builds the lines (SQLite; PostgreSQL keeps the Python path)."""
    import peewee as pw

    return isinstance(database.obj, pw.SqliteDatabase)


def ndjson_lines_of(ids: Sequence[int]) -> bytes:
    """The NDJSON lines of the events ``ids``, in that order, UTF-8 (an event deleted meanwhile
    is left out, as a page would have missed it)."""
    if not ids:
        return b""
    marks = ", ".join("?" * len(ids))
    found = dict(database.execute_sql(EVENT_JSON.format(marks=marks), list(ids)).fetchall())
    lines = [found[i] for i in ids if i in found]
    return ("\n".join(lines) + "\n").encode() if lines else b""


def ndjson_chunks_of(pages: Iterator[Sequence]) -> Iterator[bytes]:
    """One chunk of lines per page of rows (anything with an ``id``)."""
    for rows in pages:
        yield ndjson_lines_of([row.id for row in rows])
