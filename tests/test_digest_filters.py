"""Every combination of the digest's filters gives what summing the matching events' weights
gives, on SQLite and PostgreSQL. The stored crowd is made once per backend for the module (the
tests only read it), so that 100 cases do not store it 100 times."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest

from service import create_app
from service.events.model import Event
from service.storage.schema import create_tables

from .conftest import empty_postgres, postgres_unavailable, session_postgres_url
from .test_digest import event, store

# Every combination of the filters gives what summing the matching events' weights gives (the
# /events filters picking the events, the window by the date itself), whichever way the digest
# reads it: dates walked by their kept sums in small steps, or the matches summed at once.
KINDS = ("conflict", "statement", "meeting")
WORDS = ("ceasefire talks", "army shelled", "ceasefire held", "budget passed")


def happening(day: str, n: int, precision: str = "day") -> Event:
    """The ``n``-th invented happening of ``day``: its type, actor and words vary with ``n``."""
    made = event(day, f"{('Army', 'Rebels', 'Envoys')[n % 3]} {WORDS[n % 4]}", 50 * n, precision)
    return dataclasses.replace(made, type=KINDS[n % 3], salience=0.1 + 0.15 * (n % 5))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def crowd(request, tmp_path_factory):
    """One database per backend for the module (every test here only reads it): 16 dates
    told by one to three outlets, two of them at month precision."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('crowd') / 'test.sqlite3'}"
    else:
        reason = postgres_unavailable()
        if reason:
            pytest.skip(reason)
        url = session_postgres_url()
        empty_postgres(url)
    app = create_app({"TESTING": True, "DATABASE_URL": url})
    create_tables()
    with app.app_context():
        days = [f"2024-0{m}-{d:02d}" for m in (3, 4) for d in (1, 8, 15, 22)]
        for i, day in enumerate(days):
            for a in range(1 + i % 3):
                store(
                    [happening(day, n) for n in range(a, a + 2 + i % 4)],
                    ("BBC", "Reuters", "AP")[a],
                    text=f"{i}-{a}" * 100,
                )
        store([happening("2024-03-01", 1, "month"), happening("2024-04-01", 2, "month")], "AP")
    return app


@pytest.fixture
def client(crowd):
    return crowd.test_client()


def summed(args: dict) -> list:
    """The digest of ``args`` summed from the matching events' rows (the reference)."""
    from service.read import digest as reading
    from service.read.queries import filter_events
    from service.storage.models import Event as Row

    ranks = list(range(reading.precision_rank(args["precision"]) + 1))
    ids = filter_events(Row.select(Row.id), {k: v for k, v in args.items() if k not in WINDOW})
    rows = [
        r
        for r in Row.select().where(Row.id.in_(ids) & Row.precision_rank.in_(ranks))
        if (args["from_"] or dt.date.min) <= r.sort_date <= (args["to"] or dt.date(9999, 1, 1))
    ]
    totals: dict = {}
    for r in rows:
        key = (r.sort_date, max(r.precision_rank, 1))
        totals[key] = totals.get(key, 0.0) + (r.weight or 0.0)
    chosen = sorted(sorted(totals, key=lambda k: (-totals[k], k[0]))[: args["dates"]])
    told = []
    for key in chosen:
        mine = sorted(
            (r for r in rows if (r.sort_date, max(r.precision_rank, 1)) == key),
            key=lambda r: (-(r.standing or 0.0), -r.id),
        )
        shown = reading._told_apart(mine, args["per_date"])
        told.append((key[0].isoformat(), round(totals[key], 4), [r.id for r in shown]))
    return told


WINDOW = ("from_", "to")
FILTERS = {
    "window": "from=2024-03-05&to=2024-04-20",
    "type": "type=conflict,meeting",
    "q": "q=ceasefire",
    "actor": "actor=org:army",
}
SHAPES = ["dates=3", "dates=3&per_date=2", "precision=month&dates=4"]


@pytest.mark.parametrize("walked", ["in small steps", "given up"])
@pytest.mark.parametrize(
    "names",
    [c for n in range(len(FILTERS) + 1) for c in itertools.combinations(FILTERS, n)],
    ids="+".join,
)
def test_every_filter_combination_gives_the_summed_answer(
    client, crowd, monkeypatch, names, walked
):
    from service.read import daywalk

    monkeypatch.setattr(daywalk, "FIRST", 2)
    monkeypatch.setattr(daywalk, "GROWTH", 2)
    monkeypatch.setattr(daywalk, "BUDGET", 100.0 if walked == "in small steps" else 0.0)
    monkeypatch.setattr(daywalk, "POSTGRES_FROM", 0)
    for shape in SHAPES:
        query = "&".join([*(FILTERS[n] for n in names), shape])
        assert compared(client, crowd, query) or names, query


def compared(client, crowd, query: str) -> list:
    """The digest of ``query`` as answered, asserted equal to :func:`summed` (both rounded to
    4 places: sums added in another order may round apart)."""
    from schemas.digest import DigestArgsSchema

    body = client.get(f"/api/v1/digest?{query}").get_json()
    got = [(d["date"], d["weight"], [e["id"] for e in d["events"]]) for d in body["dates"]]
    with crowd.app_context(), crowd.test_request_context():
        args = DigestArgsSchema().load(dict(p.split("=") for p in query.split("&")))
        want = summed(args)
    assert [(d, pytest.approx(w, abs=2e-4), ids) for d, w, ids in want] == got, query
    return got


@pytest.mark.parametrize(
    "query",
    [
        "min_salience=0.5&dates=3",
        "min_salience=0.5&type=conflict&dates=3&per_date=2",
        "min_salience=0.5&from=2024-03-05&to=2024-04-20&precision=month&dates=4",
        "min_salience=0.5&q=ceasefire&dates=3",
    ],
)
def test_a_salience_floor_gives_the_summed_answer(client, crowd, query):
    """min_salience is checked on each row (no index holds it), alone or beside others."""
    assert compared(client, crowd, query), f"{query}: the floor leaves no date to compare"


def test_a_salience_floor_lists_the_events_above_it(client, crowd, monkeypatch):
    """/events?min_salience= pages the events at or above the floor in timeline order, from
    the index event_salience (a rare floor) or the order index (a common one)."""
    from service.read import queries
    from service.storage.models import Event as Row

    for common, floor, more in itertools.product((0, 10**6), (0.3, 0.5), ("", "&type=conflict")):
        monkeypatch.setattr(queries, "COMMON", common)
        path, got = f"/api/v1/events?min_salience={floor}{more}&limit=4", []
        while path:
            body = client.get(path).get_json()
            got += [e["id"] for e in body["data"]]
            path = body["next"]
        with crowd.app_context():
            rows = Row.select().where(Row.salience >= floor).order_by(*queries.SORT_KEYS["date"])
            want = [r.id for r in rows if not more or r.type == "conflict"]
        assert got == want and want, (common, floor, more)
