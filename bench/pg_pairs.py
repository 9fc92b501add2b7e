"""Issue 22's PostgreSQL read ratios measured in pairs, for a loaded machine.

    .venv/bin/python bench/pg_pairs.py --database-url postgresql://postgres@127.0.0.1:5432/postgres
    .venv/bin/python bench/pg_pairs.py --database-url URL --queries list --rounds 9
    .venv/bin/python bench/pg_pairs.py --database-url URL --in-process [--explain]

`bench/read.py` measures PostgreSQL minutes after SQLite and Datasette, so on a shared machine
its "PostgreSQL / SQLite list" and "PostgreSQL full text / Datasette" rows compare different
moments. Here the SQLite and PostgreSQL services (`timeline serve --workers 2` each) and
Datasette are up at once on the same 100k events (bench/generate.py's cached databases), and
each pair's two sides are measured back to back, in alternating order, for --rounds rounds.

Pairs (``--queries``, default all): the list pages a dashboard asks for, PostgreSQL against
SQLite: ``list`` (``/api/v1/events?limit=50``), ``list p2`` (its next page, from the cursor),
``window`` (``from``/``to``: the year 2020), ``type`` (``type=conflict``), ``actor`` (the 10th
most frequent actor); and ``fulltext`` (``q=ceasefire``), PostgreSQL against Datasette.

For each leg: requests/s (wrk, 16 connections) and the CPU time the serving processes spent
per answered request (from /proc: the service's workers, and for PostgreSQL the backends of
its database too; Datasette's one process). When the cores are saturated (they are, under
wrk on two shared cores), requests/s follow CPU per request, so the CPU ratio is the figure a
noisy machine disturbs least. Printed per pair: each round, then the median requests/s of each
side and the ratio of those medians (PASS or MISS against 0.8 for the lists, 3x for full
text), the median of the rounds' own ratios, and the median CPU per request of each side.

``--in-process`` measures instead without a server or a client: the app called through the
Flask test client on both stores, per path the process's CPU per request, the PostgreSQL
backend's CPU per request, the time spent in the database calls (driver and database) and the
statements per request; ``--explain`` also prints each distinct statement the PostgreSQL
service sent for a path with its EXPLAIN ANALYZE (and SQLite's EXPLAIN QUERY PLAN).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # noqa: E402
import read  # noqa: E402
from load import Server  # noqa: E402

LISTS = ("list", "list p2", "window", "type", "actor")
QUERIES = (*LISTS, "fulltext")
TARGETS = {"fulltext": 3.0}  # the lists: 0.8
WINDOW = ("2020-01-01", "2020-12-31")
TICK = os.sysconf("SC_CLK_TCK")


def list_paths(actor: str) -> dict[str, str]:
    """The first page of each query (``list p2`` is made from ``list``'s next link)."""
    base = "/api/v1/events?limit=50"
    return {
        "list": base,
        "window": f"{base}&from={WINDOW[0]}&to={WINDOW[1]}",
        "type": f"{base}&type=conflict",
        "actor": f"{base}&actor={actor}",
        "fulltext": f"{base}&q={read.TERM}",
    }


def local_path(link: str) -> str:
    """A next link (absolute or not) as a path and query string."""
    parts = urllib.parse.urlsplit(link)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def backend_pids(pg_url: str) -> list[int]:
    """The server processes serving ``pg_url``'s database now (this query's own left out)."""
    import psycopg2

    conn = psycopg2.connect(pg_url)
    try:
        cur = conn.cursor()
        cur.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid()"
        )
        return [row[0] for row in cur.fetchall()]
    finally:
        conn.close()


def measure_leg(port: int, path: str, seconds: float, pids, folder: Path) -> tuple[float, float]:
    """Requests/s of ``path`` under wrk and the CPU ms ``pids()`` spent per answered request."""
    read.request(port, "GET", path)
    read.drive_wrk(port, [path], {}, 1, folder)  # warm: caches, pools, the file's pages
    watched = pids()
    before = read.cpu_ticks(watched)
    figures = read.drive_wrk(port, [path], {}, seconds, folder)
    used = (read.cpu_ticks(watched) - before) / TICK
    done = figures["rps"] * seconds
    return figures["rps"], (used / done * 1e3 if done else float("nan"))


def pairs(args, db: Path, pg_url: str) -> int:
    n = args.size
    queries = args.queries
    with (
        tempfile.TemporaryDirectory(prefix="timeline-pairs-") as tmp,
        contextlib.ExitStack() as stack,
    ):
        folders = {k: Path(tmp) / k for k in ("sqlite", "pg", "datasette", "wrk")}
        for folder in folders.values():
            folder.mkdir()
        lite = Server(read.serve_env(f"sqlite:///{db}"), folders["sqlite"], workers=2)
        stack.callback(lite.start(timeout=300).stop)
        pg = Server(read.serve_env(pg_url), folders["pg"], workers=2)
        stack.callback(pg.start(timeout=300).stop)
        ds_port, ds_pid = None, None
        if "fulltext" in queries:
            ds_port, ds_pid = stack.enter_context(
                read.datasette(read.flat_copy(db), folders["datasette"])
            )
        lite_workers = read.worker_pids(lite.process.pid)
        pg_workers = read.worker_pids(pg.process.pid)
        busy = lite_workers + pg_workers + ([ds_pid] if ds_pid else [])
        ours = list_paths(read.pick_actor(db)[0])
        first = read.request(lite.port, "GET", ours["list"])
        ours["list p2"] = local_path(json.loads(first[2])["next"])
        legs = {}
        for q in queries:
            if q == "fulltext":
                legs[q] = (
                    ("pg", pg.port, ours[q], lambda: pg_workers + backend_pids(pg_url)),
                    ("datasette", ds_port, read.datasette_paths(n)[q][0], lambda: [ds_pid]),
                )
            else:
                legs[q] = (
                    ("pg", pg.port, ours[q], lambda: pg_workers + backend_pids(pg_url)),
                    ("sqlite", lite.port, ours[q], lambda: lite_workers),
                )
        got = {q: {"rps": ([], []), "cpu": ([], [])} for q in queries}
        for r in range(args.rounds):
            cells = []
            for q in queries:
                order = (0, 1) if r % 2 == 0 else (1, 0)
                figures = {}
                for side in order:
                    _, port, path, pids = legs[q][side]
                    read.wait_idle(busy)
                    figures[side] = measure_leg(port, path, args.seconds, pids, folders["wrk"])
                for side in (0, 1):
                    got[q]["rps"][side].append(figures[side][0])
                    got[q]["cpu"][side].append(figures[side][1])
                a, b = legs[q][0][0], legs[q][1][0]
                ratio = figures[0][0] / max(figures[1][0], 1e-9)
                cells.append(
                    f"{q}: {a} {figures[0][0]:.0f}/s {figures[0][1]:.2f} ms, "
                    f"{b} {figures[1][0]:.0f}/s {figures[1][1]:.2f} ms = {ratio:.2f}"
                )
            print(f"round {r + 1}: " + "; ".join(cells), flush=True)
    print()
    verdicts = []
    for q in queries:
        a, b = legs[q][0][0], legs[q][1][0]
        rps, cpu = got[q]["rps"], got[q]["cpu"]
        rounds = [x / max(y, 1e-9) for x, y in zip(*rps, strict=True)]
        ratio = statistics.median(rps[0]) / max(statistics.median(rps[1]), 1e-9)
        cpu_a, cpu_b = statistics.median(cpu[0]), statistics.median(cpu[1])
        target = TARGETS.get(q, 0.8)
        verdict = "PASS" if ratio >= target else "MISS"
        verdicts.append(verdict)
        print(
            f"{q:9} {a} / {b}: requests/s medians {statistics.median(rps[0]):.0f} / "
            f"{statistics.median(rps[1]):.0f} = {ratio:.2f} (rounds' ratios median "
            f"{statistics.median(rounds):.2f}, {min(rounds):.2f}-{max(rounds):.2f}); "
            f"CPU ms/request {cpu_a:.2f} / {cpu_b:.2f} (= {cpu_b / cpu_a:.2f}x the rate); "
            f"target >= {target}: {verdict}"
        )
    return 0


def in_process(args, db: Path, pg_url: str) -> int:
    """Per path and store: CPU per request (this process; PostgreSQL's backend), time in the
    database calls and statements per request, the app called through the test client."""
    from service import create_app
    from service.storage.connection import database

    paths = list_paths(read.pick_actor(db)[0])
    for url in (f"sqlite:///{db}", pg_url):
        postgres = url.startswith("postgres")
        app = create_app(
            {
                "DATABASE_URL": url,
                "RATELIMIT_READS": "100000000/minute",
                "LOG_LEVEL": "WARNING",
                "EVENT_CACHE_SIZE": 20000,
            }
        )
        client = app.test_client()
        sent: list[tuple[str, object]] = []
        spent = [0.0]
        execute = database.obj.execute_sql

        def timed(sql, params=None, *more, execute=execute, sent=sent, spent=spent, **named):
            started = time.perf_counter()
            try:
                return execute(sql, params, *more, **named)
            finally:
                spent[0] += time.perf_counter() - started
                sent.append((sql, params))

        database.obj.execute_sql = timed
        todo = dict(paths)
        for q in LISTS:
            if q == "list p2":
                todo[q] = local_path(client.get(paths["list"]).get_json()["next"])
        print(f"== {'PostgreSQL' if postgres else 'SQLite'}: {args.requests} requests a path")
        print(
            f"{'path':10}{'wall ms':>9}{'app CPU':>9}{'backend':>9}{'CPU sum':>9}"
            f"{'in SQL':>9}{'stmts':>7}"
        )
        for q in [q for q in QUERIES if q in args.queries]:
            path = todo[q]
            for _ in range(50):  # warm: the rendered-events cache, the pool, the pages
                assert client.get(path).status_code == 200, path
            pids = backend_pids(url) if postgres else []
            sent.clear()
            spent[0] = 0.0
            ticks, cpu, wall = read.cpu_ticks(pids), time.process_time(), time.perf_counter()
            for _ in range(args.requests):
                client.get(path)
            per = 1e3 / args.requests
            wall = (time.perf_counter() - wall) * per
            cpu = (time.process_time() - cpu) * per
            backend = (read.cpu_ticks(pids) - ticks) / TICK * per
            print(
                f"{q:10}{wall:9.3f}{cpu:9.3f}{backend:9.3f}{cpu + backend:9.3f}"
                f"{spent[0] * per:9.3f}{len(sent) / args.requests:7.1f}",
                flush=True,
            )
            if args.explain:
                seen = {sql: params for sql, params in sent}
                for sql, params in seen.items():
                    explain(sql, params, postgres, execute)
        database.obj.execute_sql = execute
        with contextlib.suppress(AttributeError):
            database.obj.close_all()
    return 0


def explain(sql: str, params, postgres: bool, execute) -> None:
    """One statement as sent, and its plan (PostgreSQL: run, with buffers)."""
    print(f"    {sql}\n    params {params}")
    prefix = "EXPLAIN (ANALYZE, BUFFERS) " if postgres else "EXPLAIN QUERY PLAN "
    for row in execute(prefix + sql, params).fetchall():
        print("      " + " | ".join(str(c) for c in row))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True, help="a PostgreSQL server")
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=3)
    parser.add_argument(
        "--queries",
        type=lambda s: [q.strip() for q in s.split(",")],
        default=list(QUERIES),
        help=f"comma-separated, of {', '.join(QUERIES)}",
    )
    parser.add_argument("--in-process", action="store_true", help="no server: the app's own cost")
    parser.add_argument("--explain", action="store_true", help="with --in-process: the plans")
    parser.add_argument("--requests", type=int, default=2000, help="with --in-process, a path")
    args = parser.parse_args(argv)
    unknown = set(args.queries) - set(QUERIES)
    if unknown:
        parser.error(f"unknown queries: {', '.join(sorted(unknown))}")
    db = generate.ensure_sqlite(args.size)
    pg_url = generate.ensure_postgres(args.size, args.database_url)
    if args.in_process:
        return in_process(args, db, pg_url)
    return pairs(args, db, pg_url)


if __name__ == "__main__":
    sys.exit(main())
