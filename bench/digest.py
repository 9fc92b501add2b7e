"""The digest beside /events: in-process latency at N synthetic events (bench/generate.py).

    .venv/bin/python bench/digest.py                  # 100k events
    .venv/bin/python bench/digest.py --size 10000 --runs 10

A copy of the cached database is opened by the app, its events weighed once (``timeline
init-db`` does the same for a store made before weights; timed), then each request is run
``--runs`` times through the test client (no HTTP server, no conditional GET: every run
evaluates the query) and its median printed in ms, with the digest's ratio to ``/events``.
Target (issue 21): the digest under 50 ms at 100k events.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import generate  # noqa: E402

WINDOW = "from=2020-03-01&to=2020-03-31"
TERM = "ceasefire"


def timed(client, path: str, runs: int) -> float:
    client.get(path)  # warm: statements prepared, rendered events cached as for /events
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code, response.get_data()[:200])
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)
    from service import create_app
    from service.storage.schema import create_tables
    from service.write import importance

    source = generate.ensure_sqlite(args.size)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "digest.sqlite3"
        shutil.copy(source, db)
        app = create_app(
            {"DATABASE_URL": f"sqlite:///{db}", "RATELIMIT_ENABLED": False, "LOG_LEVEL": "WARNING"}
        )
        with app.app_context():
            create_tables()
            started = time.perf_counter()
            weighed = importance.weigh_unweighed()
            print(f"weighed {weighed} events in {time.perf_counter() - started:.1f} s")
        client = app.test_client()
        pairs = [
            ("all", "/api/v1/events?limit=20", "/api/v1/digest?dates=20"),
            ("window", f"/api/v1/events?{WINDOW}&limit=20", f"/api/v1/digest?{WINDOW}"),
            ("fulltext", f"/api/v1/events?q={TERM}&limit=20", f"/api/v1/digest?q={TERM}"),
            ("type", "/api/v1/events?type=conflict&limit=20", "/api/v1/digest?type=conflict"),
            ("3 per date", "/api/v1/events?limit=60", "/api/v1/digest?dates=20&per_date=3"),
        ]
        print(f"{'query':<12} {'/events ms':>11} {'/digest ms':>11} {'ratio':>6}  digest < 50 ms")
        worst = 0.0
        for name, events, digest in pairs:
            e, d = timed(client, events, args.runs), timed(client, digest, args.runs)
            worst = max(worst, d)
            print(f"{name:<12} {e:>11.1f} {d:>11.1f} {d / e:>6.2f}  {'PASS' if d < 50 else 'MISS'}")
        print(f"slowest digest at {args.size} events: {worst:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
