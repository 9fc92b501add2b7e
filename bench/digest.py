"""The digest beside /events: in-process latency at N synthetic events (bench/generate.py).

    .venv/bin/python bench/digest.py                  # 100k events, SQLite
    .venv/bin/python bench/digest.py --size 10000 --runs 10
    .venv/bin/python bench/digest.py --database-url postgresql://postgres@127.0.0.1:5432/postgres

A copy of the cached database is opened by the app (SQLite: a copy of the file; PostgreSQL: a
database made from the cached one as its template, dropped at the end), its events weighed once
(``timeline init-db`` does the same for a store made before weights; timed). Then, for every
combination of the filters (a window, a type, a full-text word, a frequent actor) and a few
more shapes, ``/events`` and ``/digest`` with the same filters are run ``--runs`` times each,
alternately, through the test client (no HTTP server, no conditional GET: every run evaluates
the query), and their median and 95th percentile printed in ms, with the digest's ratio to
``/events`` (medians), and the digest's median CPU time in this process (on SQLite all of the
query's work; a loaded machine stretches wall-clock time, not this) with its ratio to
``/events``'s. Target (issue 21): every digest under 50 ms at 100k events.
"""

from __future__ import annotations

import argparse
import itertools
import math
import shutil
import statistics
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import generate  # noqa: E402

#: The filters combined: each alone, each pair, ... all four (and none).
FILTERS = {
    "window": "from=2020-03-01&to=2020-03-31",
    "type": "type=conflict",
    "q": "q=ceasefire",
    "actor": "actor=China",  # the most frequent actor: a third of the events
}
#: Further shapes: several types, a rarer actor, a wide window, three events a date, months.
MORE = {
    "2 types": "type=conflict,sanctions",
    "actor 2": "actor=Kenya",
    "decade": "from=2000&to=2009",
    "decade+type": "from=2000&to=2009&type=statement",
    "q+decade": "q=ceasefire&from=2000&to=2009",
    "per_date=3": "per_date=3",
    "type per_date=3": "type=conflict&per_date=3",
    "month dates": "precision=month&type=conflict",
    "salience": "min_salience=0.5",
}
TARGET_MS = 50
#: The digest's own arguments, not passed to /events.
DIGEST_ONLY = ("dates", "per_date", "precision")


def combinations() -> list[tuple[str, str]]:
    """(name, query string) of every combination of FILTERS, then MORE."""
    found = []
    for n in range(len(FILTERS) + 1):
        for names in itertools.combinations(FILTERS, n):
            found.append(("+".join(names) or "none", "&".join(FILTERS[k] for k in names)))
    return found + list(MORE.items())


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]


def timed_pair(client, paths: tuple[str, str], runs: int) -> list[tuple[list, list]]:
    """Each path's wall-clock and CPU times in ms (this process's CPU: all of SQLite's work,
    only the client's of PostgreSQL's), run alternately (the machine's noise falls on both)."""
    for path in paths:  # warm: statements prepared, rendered events cached as for /events
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code, response.get_data()[:200])
    times: list[tuple[list, list]] = [([], []) for _ in paths]
    for _ in range(runs):
        for path, (wall, cpu) in zip(paths, times, strict=True):
            started, used = time.perf_counter(), time.process_time()
            response = client.get(path)
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - used) * 1000)
            assert response.status_code == 200, (path, response.status_code)
    return times


def run(url: str, label: str, runs: int) -> float:
    """Weigh the store of ``url``, time every combination; the slowest digest median."""
    from service import create_app
    from service.storage.schema import create_tables
    from service.write import importance

    app = create_app({"DATABASE_URL": url, "RATELIMIT_ENABLED": False, "LOG_LEVEL": "WARNING"})
    with app.app_context():
        create_tables()
        started = time.perf_counter()
        weighed = importance.weigh_unweighed()
        print(f"{label}: weighed {weighed} events in {time.perf_counter() - started:.1f} s")
        if label == "postgresql":
            # A store at rest, as autovacuum leaves it: weighing every event at once left a
            # dead row behind each, and no page visible to index-only scans.
            from service.storage.connection import database

            database.execute_sql("VACUUM ANALYZE")
    client = app.test_client()
    print(
        f"{'filters':<22} {'/events med':>11} {'p95':>6} {'/digest med':>11} {'p95':>6}"
        f" {'ratio':>6} {'cpu med':>7} {'ratio':>6}  < {TARGET_MS} ms"
    )
    worst = 0.0
    for name, query in combinations():
        sep = "&" if query else ""
        shared = "&".join(p for p in query.split("&") if p.split("=")[0] not in DIGEST_ONLY)
        paths = (f"/api/v1/events?{shared}{sep}limit=20", f"/api/v1/digest?{query}")
        (e, ec), (d, dc) = timed_pair(client, paths, runs)
        em, dm = statistics.median(e), statistics.median(d)
        worst = max(worst, dm)
        verdict = "PASS" if dm < TARGET_MS else "MISS"
        cpu_ratio = statistics.median(dc) / max(statistics.median(ec), 0.01)
        print(
            f"{name:<22} {em:>11.1f} {p95(e):>6.1f} {dm:>11.1f} {p95(d):>6.1f}"
            f" {dm / em:>6.2f} {statistics.median(dc):>7.1f} {cpu_ratio:>6.2f}  {verdict}"
        )
    return worst


def run_sqlite(size: int, runs: int) -> float:
    source = generate.ensure_sqlite(size)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "digest.sqlite3"
        shutil.copy(source, db)
        return run(f"sqlite:///{db}", "sqlite", runs)


def run_postgres(size: int, runs: int, server_url: str) -> float:
    import psycopg2

    from service.storage.connection import database

    source = generate.ensure_postgres(size, server_url)
    parts = urllib.parse.urlsplit(source)
    copy = f"{parts.path.lstrip('/')}_digest"
    admin = psycopg2.connect(parts._replace(path="/postgres").geturl())
    admin.autocommit = True
    try:
        cur = admin.cursor()
        cur.execute(f'DROP DATABASE IF EXISTS "{copy}"')
        cur.execute(f'CREATE DATABASE "{copy}" TEMPLATE "{parts.path.lstrip("/")}"')
        try:
            worst = run(parts._replace(path=f"/{copy}").geturl(), "postgresql", runs)
        finally:
            database.obj.close_all()
            cur.execute(f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)')
    finally:
        admin.close()
    return worst


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--database-url", help="also on this PostgreSQL server (postgresql://…)")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    args = parser.parse_args(argv)
    worst = {}
    if not args.no_sqlite:
        worst["sqlite"] = run_sqlite(args.size, args.runs)
    if args.database_url:
        worst["postgresql"] = run_postgres(args.size, args.runs, args.database_url)
    for backend, ms in worst.items():
        print(f"slowest digest at {args.size} events on {backend}: {ms:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
