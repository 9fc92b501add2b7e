"""NDJSON lines built by SQLite's JSON functions are the objects the Python path writes."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from service.formats.ndjson import ndjson_bytes
from service.read import json_sql, queries
from service.storage.connection import database
from service.storage.models import Actor, Article, Event, EventActor, Mention


def _python_lines(ids: list[int]) -> list[dict]:
    rows = queries.fetch(Event.select().where(Event.id.in_(ids)))
    by_id = {r.id: r for r in rows}
    ordered = [by_id[i] for i in ids]
    return [json.loads(ndjson_bytes(e)) for e in queries.serialize_events(ordered)]


def _sql_lines(ids: list[int]) -> list[dict]:
    text = json_sql.ndjson_lines_of(ids).decode()
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture
def sqlite_only(app):
    with app.app_context():
        if not json_sql.available():
            pytest.skip("the lines are built by SQLite only; PostgreSQL keeps the Python path")
        database.connect(reuse_if_open=True)
        yield


def test_the_seeded_events_are_the_same_objects(client, seeded, sqlite_only):
    ids = [e.id for e in Event.select(Event.id).order_by(Event.id.desc())]
    assert ids
    assert _sql_lines(ids) == _python_lines(ids)


def test_edge_values_are_the_same_objects(app, sqlite_only):
    article = Article.create(
        content_hash="x" * 64,
        title='Tëst "quoted" \\ back\tslash',
        source=None,
        url="https://example.org/a?b=1&c=2",
        published_at=dt.date(2024, 2, 29),
        text="…",
    )
    odd = "line\nbreak \u0001 control, emoji 🚀, RTL עברית, nul-free"
    event = Event.create(
        title=odd,
        summary="",
        type="statement",
        cameo=None,
        date_text=None,
        date_precision="unknown",
        date_approximate=True,
        salience=0.35,
        original=json.dumps({"title": "Ünïcode", "n": [1, 2.5, None, True]}),
        created_at=dt.datetime(2024, 1, 2, 3, 4, 5, 678901),
        updated_at=dt.datetime(2024, 1, 2, 3, 4, 5),
    )
    bare = Event.create(title="bare", summary="s", type="meeting", salience=1.0)
    actor = Actor.create(key="org:ü", name="Ü Corp", kind="organisation")
    other = Actor.create(key="country:FRA", name="France", kind="country")
    EventActor.create(event=event, actor=other)
    EventActor.create(event=event, actor=actor)
    for start in (30, 2):
        Mention.create(
            event=event,
            article=article,
            sentence=odd,
            sentence_start=0,
            sentence_end=10,
            start=start,
            end=start + 3,
        )
    ids = [bare.id, event.id, 10**9]  # an id with no event is left out
    assert _sql_lines(ids) == _python_lines([bare.id, event.id])
    assert json_sql.ndjson_lines_of([]) == b""


def test_the_export_streams_the_same_lines(client, seeded):
    with client.application.app_context():
        database.connect(reuse_if_open=True)
        ids = [e.id for e in Event.select(Event.id)]
        expected = {e["id"]: e for e in _python_lines(ids)}
    answer = client.get("/api/v1/events?format=ndjson&sort=-date")
    lines = [json.loads(line) for line in answer.data.decode().splitlines()]
    assert len(lines) == len(expected)
    assert all(line == expected[line["id"]] for line in lines)
