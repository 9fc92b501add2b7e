"""Pages read from an index that keeps its matches in timeline order (the full-text index:
FTS5 on SQLite, the posting table on PostgreSQL, each keyed by each event's timeline key) are
the pages the plain query gives: same events, same order, both directions, across cursors, with
other filters, after dates change."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from service.read import queries
from service.storage import search
from service.storage.connection import database
from service.storage.indexes import create_indexes
from service.storage.models import Actor, Event, EventActor
from service.storage.order import (
    PRECISIONS,
    precision_rank,
    sort_date,
    timeline_key,
    timeline_key_sql,
)

WORDS = ["ceasefire", "talks", "sanctions", "earnings", "storm"]


def _store(n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        start = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(60)) if i % 9 else None
        precision = rng.choice(["day", "month", "year"]) if start else "unknown"
        words = rng.sample(WORDS, 2)
        rows.append(
            {
                "title": f"{words[0]} item {i}",
                "summary": f"about {words[1]}",
                "type": rng.choice(["meeting", "statement"]),
                "date_start": start,
                "date_end": start,
                "date_precision": precision,
                "sort_date": sort_date(start, start),
                "precision_rank": precision_rank(precision),
            }
        )
    with database.atomic():
        Event.insert_many(rows).execute()
        actors = [
            Actor.create(key=f"org:a{i}", name=f"A{i}", kind="organisation") for i in range(3)
        ]
        links = []
        for event in Event.select(Event.id):
            for actor in rng.sample(actors, rng.choice([1, 2])):
                links.append({"event": event.id, "actor": actor.id})
        EventActor.insert_many(links).execute()


def _pages(args: dict, sort: str, size: int) -> list[int]:
    ids, cursor = [], None
    while True:
        query = queries.filter_events(Event.select(*queries.PAGE_COLUMNS), {**args, "sort": sort})
        rows, cursor = queries.page_events(query, cursor, size, sort)
        ids += [r.id for r in rows]
        if cursor is None:
            return ids


def _expected(args: dict, sort: str) -> list[int]:
    """The plain answer: the matches in (sort_date, precision_rank, id) order, no index walk."""
    words = search._WORD.findall(args.get("q", ""))
    rows = [r for r in Event.select() if all(_has(r, w) for w in words)]
    if args.get("actor"):
        keys = set(args["actor"])
        linked = {
            link.event_id
            for link in EventActor.select(EventActor.event, Actor.key).join(Actor).objects()
            if link.key in keys
        }
        rows = [r for r in rows if r.id in linked]
    if args.get("type"):
        rows = [r for r in rows if r.type in args["type"]]
    rows.sort(key=lambda r: (r.sort_date, r.precision_rank, r.id), reverse=sort.startswith("-"))
    return [r.id for r in rows]


def _has(row: Event, word: str) -> bool:
    return word in f"{row.title} {row.summary}".split()


@pytest.mark.parametrize("sort", ["date", "-date"])
@pytest.mark.parametrize(
    "args",
    [
        {"q": "ceasefire"},
        {"q": "talks storm"},
        {"q": "sanctions", "type": ["meeting"]},
        {"actor": ["org:a1"]},
        {"actor": ["org:a0"], "type": ["statement"]},
        {"actor": ["org:a2"], "q": "storm"},
        {"actor": ["org:a0", "org:a2"]},
    ],
    ids=[
        "one word",
        "two words",
        "word and type",
        "actor",
        "actor and type",
        "actor and word",
        "two actors",
    ],
)
def test_pages_of_a_search_are_the_plain_answer(app, args, sort):
    with app.app_context():
        database.connect(reuse_if_open=True)
        _store(300)
        expected = _expected(args, sort)
        assert expected
        assert _pages(args, sort, 7) == expected
        assert _pages(args, sort, 1000) == expected


def test_the_walk_is_taken_on_both_databases(app):
    with app.app_context():
        database.connect(reuse_if_open=True)
        query = queries.filter_events(Event.select(), {"q": "ceasefire", "sort": "date"})
        assert getattr(query, "_walk", None) is not None
        window = {"q": "ceasefire", "sort": "date", "from_": dt.date(2020, 1, 5)}
        assert getattr(queries.filter_events(Event.select(), window), "_walk", None) is None
        updated = {"q": "ceasefire", "sort": "updated"}
        assert getattr(queries.filter_events(Event.select(), updated), "_walk", None) is None


def test_one_actor_is_walked_on_both_databases(app):
    with app.app_context():
        database.connect(reuse_if_open=True)
        _store(20)
        one = queries.filter_events(Event.select(), {"actor": ["org:a1"], "sort": "-date"})
        assert getattr(one, "_walk", None) is not None
        two = queries.filter_events(Event.select(), {"actor": ["org:a1", "org:a2"]})
        assert getattr(two, "_walk", None) is None


def test_the_index_follows_changed_dates_texts_and_deletions(app):
    with app.app_context():
        database.connect(reuse_if_open=True)
        _store(120)
        moved = Event.select().where(Event.title.contains("ceasefire")).first()
        day = dt.date(2019, 6, 1)
        Event.update(date_start=day, sort_date=day, precision_rank=precision_rank("month")).where(
            Event.id == moved.id
        ).execute()
        renamed = Event.select().where(~Event.title.contains("ceasefire")).first()
        Event.update(title="ceasefire renamed").where(Event.id == renamed.id).execute()
        gone = Event.select().where(Event.title.contains("ceasefire")).order_by(Event.id.desc())
        Event.delete().where(Event.id == gone.first().id).execute()
        args = {"q": "ceasefire"}
        assert _pages(args, "date", 5) == _expected(args, "date")
        assert _pages(args, "date", 5)[0] == moved.id  # the earliest now
        assert renamed.id in _pages(args, "date", 5)
        actor = EventActor.select(Actor.key).join(Actor).where(EventActor.event == moved.id)
        by_actor = {"actor": [actor.scalar()]}
        assert _pages(by_actor, "date", 5)[0] == moved.id
        assert _pages(by_actor, "-date", 5) == _expected(by_actor, "-date")


def test_links_moved_to_another_event_take_its_key(app):
    with app.app_context():
        database.connect(reuse_if_open=True)
        _store(40)
        first, last = Event.select().order_by(Event.sort_date).first(), Event.get_by_id(40)
        EventActor.update(event=last.id).where(
            (EventActor.event == first.id)
            & ~EventActor.actor.in_(
                EventActor.select(EventActor.actor).where(EventActor.event == last.id)
            )
        ).execute()
        for link in EventActor.select():
            event = Event.get_by_id(link.event_id)
            assert link.timeline_key == timeline_key(
                event.sort_date, event.precision_rank, event.id
            )


def test_keys_are_filled_in_when_the_column_is_new(app):
    with app.app_context():
        database.connect(reuse_if_open=True)
        _store(30)
        EventActor.update(timeline_key=None).execute()
        create_indexes([("event_actor", "timeline_key")])
        args = {"actor": ["org:a1"]}
        assert _pages(args, "date", 4) == _expected(args, "date") != []
        assert not EventActor.select().where(EventActor.timeline_key.is_null()).exists()


def test_timeline_keys_order_as_the_timeline_does():
    rng = random.Random(3)
    keys = []
    for i in range(2000):
        day = dt.date(1, 1, 1) + dt.timedelta(days=rng.randrange(3_652_058))
        rank = rng.randrange(len(PRECISIONS) + 1)
        keys.append(((day, rank, i + 1), timeline_key(day, rank, i + 1)))
    last = (dt.date(9999, 12, 31), len(PRECISIONS), 2**34 - 1)  # the largest key there is
    keys.append((last, timeline_key(*last)))
    by_tuple = [k for _, k in sorted(keys)]
    assert by_tuple == sorted(k for _, k in keys)
    assert max(by_tuple) < 2**63


@pytest.mark.parametrize("day", [dt.date(1, 1, 1), dt.date(2024, 2, 29), dt.date(9999, 12, 31)])
def test_the_sql_key_is_the_python_key(app, day):
    with app.app_context():
        database.connect(reuse_if_open=True)
        backend = "postgresql" if search.is_postgres() else "sqlite"
        day_sql = "CAST(%s AS DATE)" if backend == "postgresql" else "?"
        row = f"SELECT {day_sql} AS sort_date, 3 AS precision_rank, 12345 AS id"
        sql = f"SELECT {timeline_key_sql(backend, 'e.')} FROM ({row}) AS e"
        (value,) = database.execute_sql(sql, [day.isoformat()]).fetchone()
        assert value == timeline_key(day, 3, 12345)


def test_a_database_with_the_old_index_is_moved_to_the_new_one(tmp_path):
    from service import create_app
    from service.storage.schema import create_tables

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    app = create_app({"TESTING": True, "DATABASE_URL": url})
    with app.app_context():
        create_tables()
        database.connect(reuse_if_open=True)
        _store(50)
        # the index as it was: rowid = event id, content in ``event``, its own triggers
        for statement in search.SQLITE_SCHEMA[1:]:
            name = statement.split("EXISTS ")[1].split()[0]
            database.execute_sql(f"DROP TRIGGER {name}")
        database.execute_sql("DROP TABLE event_search")
        database.execute_sql(
            "CREATE VIRTUAL TABLE event_fts USING fts5(title, summary, content='event', "
            "content_rowid='id', tokenize='porter unicode61')"
        )
        database.execute_sql("INSERT INTO event_fts(event_fts) VALUES ('rebuild')")
        database.close()
        create_tables()
        database.connect(reuse_if_open=True)
        assert not database.table_exists("event_fts")
        args = {"q": "ceasefire"}
        assert _pages(args, "date", 4) == _expected(args, "date") != []


# What PostgreSQL reads from the postings: the lexemes every match has, or None (plain query).
POSTINGS = [
    ("ceasefire", ["ceasefir"]),
    ("Talks storm", ["talk", "storm"]),
    ("the talks", ["talk"]),  # a stop word: no lexeme, as to_tsquery drops it
    ("talks talk", ["talk"]),  # one lexeme once
    ("the", None),  # stop words only
    ("talks OR storm", None),  # alternatives
    ("sanc*", None),  # a prefix
    ("storm_talks", None),  # one word, two lexemes
    ("", None),
]


def test_postings_of_a_query(app):
    if not search.is_postgres():
        pytest.skip("the posting table is PostgreSQL's")
    with app.app_context():
        database.connect(reuse_if_open=True)
        assert [(q, search.postings(q)) for q, _ in POSTINGS] == POSTINGS


@pytest.mark.parametrize("q", ["about talks", "storm talks", "sanc*", "talks OR storm"])
def test_other_searches_page_as_the_plain_answer(app, q):
    with app.app_context():
        database.connect(reuse_if_open=True)
        _store(80)
        plain = queries.filter_events(Event.select(Event.id), {"q": q, "sort": "date"})
        plain._walk = None
        expected = [r.id for r in queries.page_events(plain, None, 1000)[0]]
        assert expected
        assert _pages({"q": q}, "date", 6) == expected
        assert _pages({"q": q}, "-date", 6) == expected[::-1]


def test_postings_are_filled_in_for_an_existing_database(app):
    if not search.is_postgres():
        pytest.skip("the posting table is PostgreSQL's")
    from service.storage.schema import create_tables

    with app.app_context():
        database.connect(reuse_if_open=True)
        _store(40)
        # a database from before the postings: no trigger, no rows
        database.execute_sql("DROP TRIGGER event_terms ON event")
        database.execute_sql("DELETE FROM event_term")
        database.close()
        create_tables()
        database.connect(reuse_if_open=True)
        args = {"q": "talks storm"}
        assert _pages(args, "date", 4) == _expected(args, "date") != []
        create_tables()  # again: filled once, no duplicate
        assert _pages(args, "date", 4) == _expected(args, "date")
