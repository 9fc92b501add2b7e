"""queries.fetch: the same rows as peewee's own named tuples, on both databases."""

from __future__ import annotations

import datetime as dt

import peewee as pw

from service import queries
from service.storage.connection import database
from service.storage.models import MODELS, Article, Event


def _peewee_rows(query: pw.Select) -> list[tuple]:
    return [tuple(row) for row in query.namedtuples()]


def test_every_table_reads_back_as_peewee_reads_it(app, seeded):
    with app.app_context():
        database.connect(reuse_if_open=True)
        for model in MODELS:
            query = model.select().order_by(model._meta.primary_key)
            fast = queries.fetch(query)
            assert [tuple(r) for r in fast] == _peewee_rows(query), model.__name__
            if fast:
                assert fast[0]._fields == tuple(f.name for f in query._returning)


def test_values_have_their_python_types(app, seeded):
    with app.app_context():
        database.connect(reuse_if_open=True)
        events = queries.fetch(Event.select().where(Event.date_start.is_null(False)))
        articles = queries.fetch(Article.select())
    assert events and articles
    for row in events:
        assert type(row.date_start) is dt.date
        assert type(row.updated_at) is dt.datetime
        assert type(row.date_approximate) is bool
        assert isinstance(row.salience, float)
    assert all(type(a.published_at) is dt.date for a in articles)


def test_text_that_is_not_iso_falls_back_to_peewee():
    field = pw.DateTimeField()
    convert = queries._converter(field)
    assert convert("2024-05-01 10:20:30.5") == dt.datetime(2024, 5, 1, 10, 20, 30, 500000)
    assert convert("2024-05-01") == field.python_value("2024-05-01")
    assert convert("not a date") == field.python_value("not a date")
    assert convert(None) is None
    day = queries._converter(pw.DateField())
    assert day("2024-05-01") == dt.date(2024, 5, 1)
    assert day("2024-05-01 00:00:00") == pw.DateField().python_value("2024-05-01 00:00:00")
    assert queries._converter(pw.TextField()) is None
    assert queries._converter(pw.BooleanField())(1) is True
