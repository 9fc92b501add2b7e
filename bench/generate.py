"""A synthetic but realistic events database of N events, written through the service's own
storage layer (models, ``storage.order.sort_date``/``precision_rank``, write transactions).

    .venv/bin/python bench/generate.py 100000              # -> bench/out/events-100000.sqlite3
    .venv/bin/python bench/generate.py 100000 --database-url postgresql://postgres@127.0.0.1/postgres

The mix: about half the events known to the day, then month, year, week, quarter, season,
decade precision, open-ended intervals (one bound unknown) and undated ones; ten types with a
news-like skew; a few hundred actors (countries, organisations, people) picked Zipf-like, one
to three per event; one article per ~8 events whose text is the events' sentences, and a
mention per event (some two) pointing at its sentence. The full-text index is filled by the
schema's own triggers (SQLite) or expression index (PostgreSQL); DataState holds a version.

Files are cached under ``bench/out/`` keyed by N (and the generator's version); PostgreSQL
databases are cached on the server as ``timeline_bench_<N>_v<version>`` (another prefix than
``timeline_bench`` from ``TIMELINE_BENCH_PG_PREFIX``: a session's own cache, which nobody else
reads while it is copied as a template or dropped as stale).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service import create_app  # noqa: E402
from service.events.types import CAMEO  # noqa: E402
from service.storage import order, writes  # noqa: E402
from service.storage.connection import database  # noqa: E402
from service.storage.models import Actor, Article, DataState, Event, EventActor, Mention  # noqa: E402
from service.storage.schema import create_tables  # noqa: E402

VERSION = 2
OUT = ROOT / "bench" / "out"
SEED = 20240101
BATCH = 1000
EVENTS_PER_ARTICLE = 8
FIRST_DAY = dt.date(1990, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)

TYPE_WEIGHTS = {
    "statement": 30,
    "meeting": 14,
    "visit": 8,
    "agreement": 10,
    "membership": 2,
    "sanctions": 5,
    "conflict": 12,
    "election": 4,
    "economy": 7,
    "other": 8,
}
# (precision, weight, how the bounds are made): the share of each kind of date.
PRECISIONS = [
    ("day", 50, "day"),
    ("month", 14, "month"),
    ("year", 10, "year"),
    ("week", 6, "week"),
    ("quarter", 3, "quarter"),
    ("season", 1, "season"),
    ("decade", 1, "decade"),
    ("day", 3, "span"),  # a two- to ten-day visit or summit
    ("day", 7, "open"),  # "until December 18" / "since March 3": one bound unknown
    ("unknown", 5, "undated"),
]
COUNTRIES = """China Russia France India Brazil Japan Kenya Chile Germany Italy Spain Poland
Turkey Iran Iraq Israel Egypt Nigeria Ghana Mexico Canada Peru Argentina Colombia Venezuela
Ukraine Belarus Georgia Armenia Azerbaijan Kazakhstan Uzbekistan Pakistan Bangladesh Nepal
Vietnam Thailand Indonesia Malaysia Philippines Australia Norway Sweden Finland Denmark
Ireland Portugal Greece Serbia Hungary Romania Bulgaria Austria Switzerland Belgium
Netherlands Morocco Algeria Tunisia Libya Sudan Ethiopia Somalia Tanzania Uganda Angola
Zambia Zimbabwe Mozambique Senegal Mali Niger Chad Cameroon Qatar Oman Yemen Jordan Lebanon
Syria Afghanistan Mongolia Cuba Haiti Bolivia Ecuador Paraguay Uruguay""".split()
ORGS = """SCO BRICS NATO OPEC ASEAN EU UN WTO IMF G20 G7 AU OSCE WHO IAEA Mercosur OAS GCC
Interpol UNESCO""".split()
FIRST = """Li Wang Anna Maria Ivan Olga Pierre Amina Kofi Ravi Sun Yuki Carlos Ana Ahmed Fatima
Jan Eva Omar Leila Dmitry Sergei Chen Priya Juan Lucia Hassan Nadia Tomas Ingrid""".split()
LAST = """Qiang Yi Petrova Ivanov Dubois Okafor Mensah Sharma Tanaka Silva Gomez Haddad Novak
Larsen Rossi Moreau Kowalski Nguyen Suzuki Costa Ortiz Karimi Popescu Horvat""".split()
TOPICS = """grain exports|a gas pipeline|border trade|fishing rights|a rail link|nuclear talks|
oil prices|a trade deal|energy security|water sharing|a port project|debt relief|
climate finance|arms control|visa rules|a ceasefire|refugee returns|customs union|
a power grid|rare earth supplies|wheat prices|steel tariffs|a fibre cable|space cooperation"""
TOPICS = TOPICS.replace("\n", "").split("|")
CITIES = """Oslo Paris Delhi Nairobi Lima Tokyo Cairo Hanoi Geneva Vienna Astana Doha Minsk
Brussels Beijing Moscow Ankara Tehran Riyadh Jakarta Bogota Accra Dakar Manila""".split()
VERBS = {
    "statement": ["said", "declared", "warned", "announced"],
    "meeting": ["met", "held talks with", "negotiated with"],
    "visit": ["visited", "travelled to", "hosted"],
    "agreement": ["signed an agreement with", "agreed with", "pledged support to"],
    "membership": ["joined", "was admitted to", "applied to join"],
    "sanctions": ["imposed sanctions on", "placed an embargo on", "lifted sanctions on"],
    "conflict": ["attacked", "shelled", "clashed with"],
    "election": ["held elections in", "voted in", "elected a leader in"],
    "economy": ["reported growth in", "raised rates in", "cut tariffs on"],
    "other": ["was hit by floods in", "opened a museum in", "hosted a festival in"],
}


def actors_of(rng: random.Random) -> list[tuple[str, str, str]]:
    """A few hundred actors: every country, the organisations, and people."""
    out = [(f"country:{c[:3].upper()}{i}", c, "country") for i, c in enumerate(COUNTRIES)]
    out += [(f"org:{o.lower()}", o, "organisation") for o in ORGS]
    people = {f"{f} {la}" for f in FIRST for la in LAST}
    for name in sorted(people)[:: max(1, len(people) // 220)]:
        out.append((f"person:{name.lower().replace(' ', '-')}", name, "person"))
    return out


def dated(rng: random.Random) -> dict:
    """One event's date columns, in the mix above."""
    precision, kind = rng.choices(
        [(p, k) for p, _, k in PRECISIONS], [w for _, w, _ in PRECISIONS]
    )[0]
    span = (LAST_DAY - FIRST_DAY).days
    # News is recent: more events in later years (a quadratic skew).
    day = FIRST_DAY + dt.timedelta(days=int(span * (1 - rng.random() ** 2)))
    start = end = day
    value, edtf = day.isoformat(), day.isoformat()
    if kind == "month":
        start = day.replace(day=1)
        end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        value = edtf = start.isoformat()[:7]
    elif kind == "year":
        start, end = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
        value = edtf = str(day.year)
    elif kind == "week":
        start = day - dt.timedelta(days=day.weekday())
        end = start + dt.timedelta(days=6)
        iso = start.isocalendar()
        value = f"{iso.year}-W{iso.week:02d}"
        edtf = f"{start.isoformat()}/{end.isoformat()}"
    elif kind in ("quarter", "season"):
        q = (day.month - 1) // 3
        start = dt.date(day.year, 3 * q + 1, 1)
        end = (dt.date(day.year, 3 * q + 3, 28) + dt.timedelta(days=4)).replace(day=1)
        end -= dt.timedelta(days=1)
        value = f"{day.year}-Q{q + 1}" if kind == "quarter" else f"{day.year}-{21 + q}"
        edtf = f"{day.year}-{33 + q}" if kind == "quarter" else value
    elif kind == "decade":
        start, end = dt.date(day.year // 10 * 10, 1, 1), dt.date(day.year // 10 * 10 + 9, 12, 31)
        value, edtf = str(day.year // 10), f"{day.year // 10}X"
    elif kind == "span":
        end = day + dt.timedelta(days=rng.randint(1, 9))
        edtf = f"{start.isoformat()}/{end.isoformat()}"
    elif kind == "open":
        if rng.random() < 0.5:
            start, edtf = None, f"../{day.isoformat()}"
        else:
            end, edtf = None, f"{day.isoformat()}/.."
    elif kind == "undated":
        start = end = value = edtf = None
    return {
        "date_value": value,
        "date_edtf": edtf,
        "date_start": start,
        "date_end": end,
        "date_precision": precision,
        "date_approximate": kind != "undated" and rng.random() < 0.04,
        "date_basis": "publication" if kind == "open" and start is None else "expression",
        "sort_date": order.sort_date(start, end),
        "precision_rank": order.precision_rank(precision),
    }


class Generator:
    """Rows for N events, made in batches from one seeded random stream."""

    def __init__(self, n: int):
        self.n, self.rng = n, random.Random(SEED + n)
        self.actors = actors_of(self.rng)
        weights = [1 / (rank + 1) ** 1.1 for rank in range(len(self.actors))]
        self.actor_weights = weights
        self.types, self.type_weights = list(TYPE_WEIGHTS), list(TYPE_WEIGHTS.values())

    def event(self, event_id: int, now: dt.datetime) -> tuple[dict, list[int], str]:
        rng = self.rng
        kind = rng.choices(self.types, self.type_weights)[0]
        picks = rng.choices(range(len(self.actors)), self.actor_weights, k=rng.randint(1, 3))
        actor_ids = sorted({p + 1 for p in picks})
        first = self.actors[actor_ids[0] - 1][1]
        other = self.actors[actor_ids[-1] - 1][1] if len(actor_ids) > 1 else rng.choice(CITIES)
        topic, city = rng.choice(TOPICS), rng.choice(CITIES)
        verb = rng.choice(VERBS[kind])
        columns = dated(rng)
        when = columns["date_value"] or "some time"
        sentence = (
            f"{first} {verb} {other} over {topic} in {city} ({when}), officials said, "
            f"in a move analysts linked to {rng.choice(TOPICS)}."
        )
        row = {
            "id": event_id,
            "title": f"{first} {verb} {other} over {topic}",
            "summary": sentence,
            "type": kind,
            "cameo": CAMEO[kind],
            "status": "occurred",
            "date_text": None if columns["date_value"] is None else f"in {when}",
            **columns,
            "created_at": now,
            "updated_at": now,
        }
        return row, actor_ids, sentence


def build(n: int, url: str, log=print) -> None:
    """Fill the (empty) database at ``url`` with ``n`` events."""
    create_app({"DATABASE_URL": url})
    create_tables()
    gen = Generator(n)
    started = time.perf_counter()
    now = dt.datetime(2026, 1, 1)
    with database.connection_context():
        with writes.write_transaction():
            Actor.insert_many(
                [
                    {"id": i + 1, "key": k, "name": nm, "kind": kd, "created_at": now}
                    for i, (k, nm, kd) in enumerate(gen.actors)
                ]
            ).execute()
        event_id, article_id = 0, 0
        while event_id < n:
            events, links, mentions, articles = [], [], [], []
            while len(events) < BATCH and event_id < n:
                article_id += 1
                sentences, offset = [], 0
                count = min(EVENTS_PER_ARTICLE + gen.rng.randint(-3, 3), n - event_id)
                published = dt.date(2026, 1, 1)
                for _ in range(max(count, 1)):
                    event_id += 1
                    row, actor_ids, sentence = gen.event(event_id, now)
                    events.append(row)
                    links += [{"event": event_id, "actor": a, "role": None} for a in actor_ids]
                    mentions.append(
                        {
                            "event": event_id,
                            "article": article_id,
                            "sentence": sentence,
                            "sentence_start": offset,
                            "sentence_end": offset + len(sentence),
                            "start": offset,
                            "end": offset + len(sentence.split(" (")[0]),
                        }
                    )
                    if row["date_end"] and row["date_end"] < published:
                        published = row["date_end"] + dt.timedelta(days=gen.rng.randint(0, 3))
                    sentences.append(sentence)
                    offset += len(sentence) + 1
                    if gen.rng.random() < 0.1 and event_id > 1:  # reported again later
                        mentions.append({**mentions[-1], "event": event_id - 1})
                text = " ".join(sentences)
                articles.append(
                    {
                        "id": article_id,
                        "content_hash": f"{SEED}-{n}-{article_id:010d}",
                        "title": sentences[0][:80],
                        "source": "Synthetic Wire",
                        "url": f"https://example.org/{article_id}",
                        "published_at": published,
                        "language": "en",
                        "text": text,
                        "created_at": now,
                    }
                )
            with writes.write_transaction():
                Article.insert_many(articles).execute()
                Event.insert_many(events).execute()
                for i in range(0, len(links), 900):
                    EventActor.insert_many(links[i : i + 900]).execute()
                for i in range(0, len(mentions), 900):
                    Mention.insert_many(mentions[i : i + 900]).execute()
            if event_id % 100_000 == 0 or event_id == n:
                log(f"  {event_id} events in {time.perf_counter() - started:.0f} s")
        if "postgres" in url:
            for table in ("article", "actor", "event", "eventactor", "mention"):
                name = {"eventactor": "event_actor"}.get(table, table)
                database.execute_sql(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                    f"(SELECT COALESCE(MAX(id), 1) FROM {name}))"
                )
            # VACUUM too: a settled database's pages are all visible, so a page of the list is
            # an index-only scan (left to autovacuum, the first runs after generation differ).
            database.execute_sql("VACUUM ANALYZE")
        else:
            database.execute_sql("ANALYZE")
        DataState.update(version=DataState.version + 1).where(DataState.id == 1).execute()


def sqlite_path(n: int) -> Path:
    return OUT / f"events-{n}-v{VERSION}.sqlite3"


def refresh_indexes(path: Path) -> None:
    """Create the indexes added to the schema since the file was made, with their statistics."""
    import sqlite3

    create_app({"DATABASE_URL": f"sqlite:///{path}"})
    create_tables()
    with sqlite3.connect(path) as conn:
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        known = {r[0] for r in conn.execute("SELECT DISTINCT idx FROM sqlite_stat1")}
        if indexes - known - {i for i in indexes if i.startswith("sqlite_autoindex")}:
            conn.execute("ANALYZE")


def ensure_sqlite(n: int, log=print) -> Path:
    """The cached SQLite file of ``n`` events, generated first when missing."""
    path = sqlite_path(n)
    if path.exists():
        refresh_indexes(path)
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in OUT.glob(partial.name + "*"):
        leftover.unlink()
    log(f"generating {n} events into {path.name} ...")
    started = time.perf_counter()
    build(n, f"sqlite:///{partial}")
    import sqlite3

    with sqlite3.connect(partial) as conn:  # one self-contained file (no -wal beside it)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    os.replace(partial, path)
    for leftover in OUT.glob(partial.name + "-*"):
        leftover.unlink()
    log(f"generated {n} events in {time.perf_counter() - started:.0f} s")
    return path


def ensure_postgres(n: int, server_url: str, log=print) -> str:
    """A database of ``n`` events on the PostgreSQL server of ``server_url`` (kept as a cache)."""
    import psycopg2

    parts = urllib.parse.urlsplit(server_url)
    name = f"{os.environ.get('TIMELINE_BENCH_PG_PREFIX', 'timeline_bench')}_{n}_v{VERSION}"
    admin = psycopg2.connect(parts._replace(path="/postgres").geturl())
    admin.autocommit = True
    try:
        cur = admin.cursor()
        cur.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", [name + "%"])
        present = {row[0] for row in cur.fetchall()}
        if name in present:
            return parts._replace(path=f"/{name}").geturl()
        for stale in present:
            cur.execute(f'DROP DATABASE IF EXISTS "{stale}" WITH (FORCE)')
        cur.execute(f'CREATE DATABASE "{name}_partial"')
        log(f"generating {n} events into PostgreSQL {name} ...")
        started = time.perf_counter()
        build(n, parts._replace(path=f"/{name}_partial").geturl())
        database.obj.close_all()  # the pool's idle connections, or the rename is refused
        cur.execute(f'ALTER DATABASE "{name}_partial" RENAME TO "{name}"')
        log(f"generated {n} events in {time.perf_counter() - started:.0f} s")
    finally:
        admin.close()
    return parts._replace(path=f"/{name}").geturl()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="+", type=int)
    parser.add_argument("--database-url", help="a PostgreSQL server (default: SQLite files)")
    args = parser.parse_args(argv)
    for n in args.sizes:
        if args.database_url:
            print(ensure_postgres(n, args.database_url))
        else:
            print(ensure_sqlite(n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
