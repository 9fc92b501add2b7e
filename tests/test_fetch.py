"""fetch: the same rows as peewee's own named tuples, on both databases."""

from __future__ import annotations

import datetime as dt

import peewee as pw

from service.storage import rows
from service.storage.connection import database
from service.storage.models import MODELS, Article, Event
from service.storage.rows import fetch


def _peewee_rows(query: pw.Select) -> list[tuple]:
    return [tuple(row) for row in query.namedtuples()]


def test_every_table_reads_back_as_peewee_reads_it(app, seeded):
    with app.app_context():
        database.connect(reuse_if_open=True)
        for model in MODELS:
            key = model._meta.primary_key
            # a composite key orders by its fields (SQLite refuses a row value in ORDER BY)
            order = (
                [model._meta.fields[n] for n in key.field_names]
                if isinstance(key, pw.CompositeKey)
                else [key]
            )
            query = model.select().order_by(*order)
            fast = fetch(query)
            assert [tuple(r) for r in fast] == _peewee_rows(query), model.__name__
            if fast:
                assert fast[0]._fields == tuple(f.name for f in query._returning)


def test_values_have_their_python_types(app, seeded):
    with app.app_context():
        database.connect(reuse_if_open=True)
        events = fetch(Event.select().where(Event.date_start.is_null(False)))
        articles = fetch(Article.select())
    assert events and articles
    for row in events:
        assert type(row.date_start) is dt.date
        assert type(row.updated_at) is dt.datetime
        assert type(row.date_approximate) is bool
        assert isinstance(row.salience, float)
    assert all(type(a.published_at) is dt.date for a in articles)


def test_text_that_is_not_iso_falls_back_to_peewee():
    field = pw.DateTimeField()
    convert = rows.converter(field)
    assert convert("2024-05-01 10:20:30.5") == dt.datetime(2024, 5, 1, 10, 20, 30, 500000)
    assert convert("2024-05-01") == field.python_value("2024-05-01")
    assert convert("not a date") == field.python_value("not a date")
    assert convert(None) is None
    day = rows.converter(pw.DateField())
    assert day("2024-05-01") == dt.date(2024, 5, 1)
    assert day("2024-05-01 00:00:00") == pw.DateField().python_value("2024-05-01 00:00:00")
    assert rows.converter(pw.TextField()) is None
    assert rows.converter(pw.BooleanField())(1) is True


def test_a_statement_runs_its_query_with_other_values(app, seeded):
    from service.storage.rows import Statement

    one = Statement(lambda event_id: Event.select().where(Event.id == event_id))
    between = Statement(
        lambda lo, hi: Event.select(Event.id).where(Event.id.between(lo, hi)).order_by(Event.id)
    )
    with app.app_context():
        database.connect(reuse_if_open=True)
        ids = [e.id for e in Event.select(Event.id).order_by(Event.id)]
        assert len(ids) >= 3
        for event_id in ids[:3]:
            expected = _peewee_rows(Event.select().where(Event.id == event_id))
            assert [tuple(r) for r in one.rows(event_id)] == expected
        assert [r.id for r in between.rows(ids[1], ids[2])] == ids[1:3]
        assert one.rows(10**12) == []


def test_a_statement_needs_each_argument_once(app):
    import pytest

    from service.storage.rows import Statement

    twice = Statement(lambda x: Event.select().where((Event.id == x) | (Event.salience == x)))
    with app.app_context(), pytest.raises(ValueError, match="appear once"):
        twice.rows(1)
