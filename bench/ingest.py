"""Ingest benchmark: the whole pipeline (extraction + storage) over the TimeBank articles.

    python bench/ingest.py [DATA_DIR] [--workers N] [--database-url URL]
    python bench/ingest.py [DATA_DIR] --profile 60     # where one process's time goes

Runs what `timeline ingest --jobs N` runs (bulk.ingest_records: batches of 20 articles per
transaction) and prints articles/s for one process and, with --workers N > 1, with extraction
in N worker processes while the main one stores; the share of time spent in extraction vs
storage; and what was extracted: events per article, share with day precision, share
bounded only by the publication date, share undated, distinct actors.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _shared import timebank  # noqa: E402

from service import create_app, events  # noqa: E402
from service.storage.connection import database  # noqa: E402
from service.storage.models import Actor, Article, Event  # noqa: E402
from service.storage.schema import create_tables  # noqa: E402
from service.write import bulk, sources  # noqa: E402

#: ../shared/data/timebank of the main checkout (also from a worktree; TIMELINE_SHARED_DIR).
DEFAULT_DATA = timebank()


def _timed_extract():
    """Wrap extraction so its share of the time can be reported (one process)."""
    real = bulk.pipeline.extract_many  # batches parsed together, then each article read
    spent = [0.0]

    def extract(*args, **kwargs):
        started = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - started

    bulk.pipeline.extract_many = extract
    return spent, real


def run(paths: list[str], url: str, jobs: int) -> tuple[int, float, float | None]:
    """``timeline ingest --jobs N`` over ``paths`` (what the command runs, without the progress
    bar); returns (articles stored, seconds, seconds in extraction when measurable)."""
    app = create_app({"DATABASE_URL": url})
    events.clear_cache()  # each run reads the articles afresh
    records = list(sources.read_files([Path(p) for p in paths]))
    spent, real = _timed_extract() if jobs == 1 else ([None], None)
    started, cpu = time.perf_counter(), cpu_seconds()
    try:
        with app.app_context(), database.connection_context():
            outcome = bulk.ingest_records(
                records, app.config["MAX_ARTICLE_CHARS"], batch_size=20, jobs=jobs
            )
    finally:
        if real is not None:
            bulk.pipeline.extract_many = real
    CPU[jobs] = cpu_seconds() - cpu
    return outcome.counts["stored"], time.perf_counter() - started, spent[0]


#: CPU seconds of the last run of each setting (this process and its reaped workers).
CPU: dict[int, float] = {}


def cpu_seconds() -> float:
    """CPU time used so far by this process and its finished children (the extraction pool's
    workers, joined at the end of a run)."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def fresh_database(url: str | None, tmp: str, name: str) -> str:
    if url:
        app = create_app({"DATABASE_URL": url})
        with app.app_context(), database.connection_context():
            from service.storage.models import MODELS

            database.drop_tables(MODELS, safe=True, cascade=True)
    else:
        url = f"sqlite:///{tmp}/{name}.sqlite3"
    create_app({"DATABASE_URL": url})
    create_tables()
    return url


def report(url: str) -> dict[str, float]:
    create_app({"DATABASE_URL": url})
    with database.connection_context():
        n_articles = Article.select().count()
        n_events = Event.select().count()
        day = Event.select().where(Event.date_precision.in_(["day", "time"])).count()
        bounded = Event.select().where(Event.date_basis == "publication").count()
        undated = (
            Event.select().where(Event.date_start.is_null() & Event.date_end.is_null()).count()
        )
        actors = Actor.select().count()

    def share(n: int) -> float:
        return n / n_events if n_events else 0.0

    return {
        "articles": n_articles,
        "events": n_events,
        "events per article": n_events / max(n_articles, 1),
        "share day precision": share(day),
        "share bounded by publication only": share(bounded),
        "share undated": share(undated),
        "distinct actors": actors,
    }


def profile(paths: list[str], url: str | None) -> int:
    """One process over ``paths`` under pyinstrument (warmed up first, as a worker is): the
    call tree of the wall time, and the CPU time used, so the spaCy parse can be told apart
    from the rest (dates, regexes, database writes, JSON)."""
    from pyinstrument import Profiler

    events.extract("The ministers met in Paris on Monday.", dt.date(2024, 3, 7))
    with tempfile.TemporaryDirectory() as tmp:
        url = fresh_database(url, tmp, "profile")
        profiler = Profiler(interval=0.002)
        cpu = time.process_time()
        profiler.start()
        stored, wall, _ = run(paths, url, 1)
        profiler.stop()
        cpu = time.process_time() - cpu
    print(profiler.output_text(unicode=True, color=False, show_all=False))
    print(
        f"{stored} articles in {wall:.2f} s wall, {cpu:.2f} s CPU = "
        f"{1000 * cpu / max(stored, 1):.0f} ms of CPU an article"
    )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(DEFAULT_DATA))
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--database-url", default=None, help="default: a temporary SQLite file")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each setting (fastest kept)")
    parser.add_argument(
        "--profile",
        type=int,
        metavar="N",
        help="instead: profile one process over the first N articles (pyinstrument) and print "
        "where its time goes",
    )
    args = parser.parse_args()
    paths = sorted(str(p) for p in Path(args.data).rglob("*.tml"))
    if not paths:
        print(f"no .tml files under {args.data}", file=sys.stderr)
        return 2
    if args.profile:
        return profile(paths[: args.profile], args.database_url)
    # Warm up first (the temporal engine compiles its patterns on first use), so that neither
    # run pays for it and the workers forked for the second do not inherit it for free.
    events.extract("The ministers met in Paris on Monday.", dt.date(2024, 3, 7))
    with tempfile.TemporaryDirectory() as tmp:
        # Interleaved repeats (1, N, 1, N, ...), the fastest of each kept: on a shared machine
        # that is the run least disturbed by other work, and both settings saw the same noise.
        best: dict[int, tuple[int, float, float | None]] = {}
        cpu: dict[int, float] = {}
        for attempt in range(args.repeat):
            for workers in sorted({1, args.workers}):
                url = fresh_database(args.database_url, tmp, f"w{workers}-{attempt}")
                stored, wall, extracting = run(paths, url, workers)
                if workers not in best or wall < best[workers][1]:
                    best[workers], cpu[workers] = (stored, wall, extracting), CPU[workers]
        rows = [(workers, *best[workers]) for workers in sorted(best)]
        for workers, stored, wall, extracting in rows:
            shares = (
                f"; extraction {extracting / wall:.0%} of the time, "
                f"storage and the rest {1 - extracting / wall:.0%}"
                if extracting is not None
                else f" (extraction in {workers} worker processes, storage in this one)"
            )
            print(
                f"{workers} process(es): {stored} articles in {wall:.2f} s = "
                f"{stored / wall:.1f} articles/s{shares} (fastest of {args.repeat})"
            )
            # CPU used and the cores it amounts to: on a machine busy with other work, a
            # scheduler sharing CPU per session (Linux autogroup) gives N processes of one
            # session what it gives one, and the speed-up below then measures nothing.
            print(
                f"  its CPU: {cpu[workers]:.1f} s = "
                f"{1000 * cpu[workers] / max(stored, 1):.0f} ms an article; "
                f"{cpu[workers] / wall:.2f} cores used on average"
            )
        if len(rows) > 1:
            print(
                f"speed-up with {rows[-1][0]} processes: "
                f"{(rows[-1][1] / rows[-1][2]) / (rows[0][1] / rows[0][2]):.2f}x"
            )
        for key, value in report(url).items():
            print(f"{key}: {value:.2f}" if isinstance(value, float) else f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
