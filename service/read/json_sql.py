"""Events as NDJSON lines built by SQLite itself (its JSON functions, in C).

An NDJSON export of a million events spent most of its time in Python building each event's
dict (with its actors and mentions) and encoding it. On SQLite the same object is built by one
statement per batch of events: ``json_object`` in the event shape of
:func:`service.shapes.event_dict`, the actors and the mentions (with their article) as
correlated ``json_group_array`` subqueries in the API's order, datetimes in UTC with
``+00:00`` as :func:`service.shapes.iso_utc` writes them (the statement is
:data:`service.shapes.EVENT_JSON_SQL`, beside the Python shape). The lines are the same objects as
:func:`service.formats.ndjson.ndjson_bytes` writes (a test compares them); only number and
escape spellings may differ where JSON allows both. PostgreSQL keeps the Python path.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..shapes import EVENT_JSON_SQL
from ..storage.connection import database


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
    found = dict(database.execute_sql(EVENT_JSON_SQL.format(marks=marks), list(ids)).fetchall())
    lines = [found[i] for i in ids if i in found]
    return ("\n".join(lines) + "\n").encode() if lines else b""


def ndjson_chunks_of(pages: Iterator[Sequence]) -> Iterator[bytes]:
    """One chunk of lines per page of rows (anything with an ``id``)."""
    for rows in pages:
        yield ndjson_lines_of([row.id for row in rows])
