"""Rows as the read path wants them: named tuples of Python values, without peewee's cost
per execution, and statements compiled once (:class:`Statement`)."""

from __future__ import annotations

import collections
import datetime as dt
import functools
import threading
from collections.abc import Callable
from typing import Any

import peewee as pw

from .connection import database


def fetch(query: pw.Select) -> list:
    """``query``'s rows as named tuples of its columns, converted as peewee converts them.

    The same rows as ``list(query.namedtuples())`` at a fraction of the cost on the read path:
    peewee makes a new named-tuple type for every execution and converts each value through
    several calls; here the type is made once per column list and values that are already of
    their field's type pass through.
    """
    return rows_of(query, database.execute_sql(*query.sql()))


def rows_of(query: pw.Select, cursor) -> list:
    """``cursor``'s rows as named tuples of ``query``'s columns, converted as peewee would."""
    fields = query._returning
    Row = _row_type(tuple(f.name for f in fields))
    convert = [converter(f) for f in fields]
    if not any(convert):
        return [Row(*row) for row in cursor]
    pairs = [(i, c) for i, c in enumerate(convert) if c]
    rows = []
    for raw in cursor:
        row = list(raw)
        for i, c in pairs:
            row[i] = c(row[i])
        rows.append(Row(*row))
    return rows


@functools.cache
def _row_type(names: tuple[str, ...]) -> type:
    return collections.namedtuple("Row", names)


#: Field types whose values come back from both drivers already as Python wants them (text,
#: integers and floats): no conversion.
_AS_STORED = frozenset(
    {
        pw.AutoField,
        pw.BigIntegerField,
        pw.CharField,
        pw.FloatField,
        pw.IntegerField,
        pw.SmallIntegerField,
        pw.TextField,
    }
)


def converter(field: pw.Field):
    """How a value of ``field`` from the driver becomes its Python value; None when it already is.
    Dates and datetimes from SQLite are ISO text, parsed by the C ``fromisoformat`` first."""
    if getattr(field, "_coerce", True) is False:  # asked for as stored (``field.coerce(False)``)
        return None
    if isinstance(field, pw.DateTimeField):
        return functools.partial(_iso_or_field, dt.datetime, field.python_value)
    if isinstance(field, pw.DateField):
        return functools.partial(_iso_or_field, dt.date, field.python_value)
    if not isinstance(field, pw.Field) or type(field) in _AS_STORED:
        return None
    return field.python_value


def _iso_or_field(kind: type, slow, value):
    if value is None or type(value) is kind:
        return value
    if isinstance(value, str):
        try:
            return kind.fromisoformat(value)
        except ValueError:
            pass
    return slow(value)


class Statement:
    """A query of fixed shape, compiled to SQL once per database backend and run with other
    values: ``Statement(lambda event: Edit.select().where(Edit.event == event))`` then
    ``statement.rows(12)``. ``build`` is called with stand-in values (large negative integers)
    once; the positions of those in the compiled parameters are where later values go. Compiling
    a peewee query costs more than running a single-row statement on the read path."""

    def __init__(self, build: Callable[..., pw.Select]) -> None:
        self.build = build
        self.arity = build.__code__.co_argcount
        self._compiled: dict[type, tuple[pw.Select, str, list, list[int]]] = {}
        self._lock = threading.Lock()

    def _compile(self) -> tuple[pw.Select, str, list, list[int]]:
        backend = type(database.obj)
        found = self._compiled.get(backend)
        if found is None:
            marks = [-7_654_321 - i for i in range(self.arity)]
            query = self.build(*marks)
            sql, params = query.sql()
            if any(params.count(m) != 1 for m in marks):
                raise ValueError("each argument of a Statement must appear once in its query")
            slots = [params.index(m) for m in marks]
            found = (query, sql, params, slots)
            with self._lock:
                self._compiled[backend] = found
        return found

    def rows(self, *values: Any) -> list:
        """The statement's rows for ``values``, as :func:`fetch` returns them."""
        query, sql, params, slots = self._compile()
        params = list(params)
        for slot, value in zip(slots, values, strict=True):
            params[slot] = value
        return rows_of(query, database.execute_sql(sql, params))
