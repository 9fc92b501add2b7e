"""Ingest through the job queue: the development articles queued, then 1 and N `timeline
worker` processes consuming them into a fresh PostgreSQL database; articles/s for each and the
ratio.

    python bench/workers.py [DATA_DIR] [--limit 80] [--workers 2]
        [--broker amqp://guest:guest@127.0.0.1:5672/] [--database-url postgresql://…/postgres]

Each run: a database of its own on the server (created, then dropped), a queue of its own;
the workers are started and, once each says it has loaded the model, the articles are queued;
timed from the first article queued to the last job done, and from the first job done (the
steady rate).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from _shared import timebank  # noqa: E402
from load import scratch_database  # noqa: E402

from service import create_app, queue  # noqa: E402
from service.storage.connection import database  # noqa: E402
from service.storage.models import Job  # noqa: E402
from service.storage.schema import create_tables  # noqa: E402
from service.write import sources  # noqa: E402

#: ../shared/data/timebank of the main checkout (also from a worktree; TIMELINE_SHARED_DIR).
DEFAULT_DATA = timebank()


def run(records: list[dict], workers: int, broker: str, server: str) -> tuple[float, float]:
    """(seconds from the workers' start to the last job done, steady articles/s), on a
    database of its own on the PostgreSQL server of ``server`` (dropped afterwards)."""
    with scratch_database(server, Path(tempfile.gettempdir())) as url:
        return measure(records, workers, broker, url)


def measure(records: list[dict], workers: int, broker: str, url: str) -> tuple[float, float]:
    name = f"timeline_bench_queue_{uuid.uuid4().hex[:8]}"
    config = {"DATABASE_URL": url, "BROKER_URL": broker, "QUEUE_NAME": name, "LOG_JSON": "false"}
    env = {**os.environ, **{f"TIMELINE_{k}": str(v) for k, v in config.items()}}
    env["PYTHONPATH"] = str(ROOT)
    processes: list[subprocess.Popen] = []
    logs = [Path(os.environ.get("TMPDIR", "/tmp"), f"{name}-{n}.log") for n in range(workers)]
    try:
        app = create_app(config)
        with app.app_context(), database.connection_context():
            create_tables()
            command = [sys.executable, "-c", "from service.cli import main; main()", "worker"]
            for path in logs:
                with path.open("w") as log:
                    processes.append(
                        subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
                    )
            # Timed once every worker has its model loaded (each says "Worker ready").
            while not all("Worker ready" in path.read_text() for path in logs):
                assert all(p.poll() is None for p in processes), f"a worker stopped: {logs}"
                time.sleep(0.2)
            started = time.perf_counter()
            for raw in records:
                queue.enqueue(app, raw)
            first = None
            while True:
                done = Job.select().where(Job.status.in_(("done", "failed"))).count()
                if done and first is None:
                    first = (time.perf_counter(), done)
                if done >= len(records):
                    break
                assert all(p.poll() is None for p in processes), f"a worker stopped: {logs}"
                time.sleep(0.1)
            wall = time.perf_counter() - started
            failed = Job.select().where(Job.status == "failed").count()
            assert failed == 0, f"{failed} jobs failed"
        steady = (len(records) - first[1]) / max(time.perf_counter() - first[0], 1e-9)
        return wall, steady
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(30)
        database.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(DEFAULT_DATA))
    parser.add_argument("--limit", type=int, default=80, help="articles (default 80)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--broker", default="amqp://guest:guest@127.0.0.1:5672/")
    parser.add_argument(
        "--database-url", default="postgresql://postgres@127.0.0.1:5432/postgres", help="server"
    )
    args = parser.parse_args()
    paths = sorted(Path(args.data).rglob("*.tml"))
    records = [raw for _, raw, error in sources.read_files(paths) if error is None][: args.limit]
    rates = {}
    for workers in sorted({1, args.workers}):
        wall, steady = run(records, workers, args.broker, args.database_url)
        rates[workers] = steady
        print(
            f"{workers} worker(s): {len(records)} articles in {wall:.1f} s "
            f"= {len(records) / wall:.1f} articles/s; steady (after the first done) {steady:.1f}/s"
        )
    if len(rates) > 1:
        print(f"{args.workers} workers / 1 (steady): {rates[args.workers] / rates[1]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
