"""Drive a real `timeline serve` (granian, 2+ workers) with pollers and writers, then check.

    .venv/bin/python bench/load.py                         # 60 s on a temporary SQLite file
    .venv/bin/python bench/load.py --seconds 5             # a smoke run
    .venv/bin/python bench/load.py --database-url postgresql://postgres@127.0.0.1:5432/postgres

16 pollers read the article list, one article, the timeline and the change feed (every other
request sends If-None-Match with the ETag it last saw); 4 writers post distinct short articles
with a bearer token. Everything talks to 127.0.0.1 only, with the standard library, and stops at
``--seconds`` or ``--max-requests``. Then it reports requests/s and p50/p99 latency per kind, and
asserts: no 5xx, every 201 in GET /articles exactly once (nothing lost or duplicated), and a
change feed read from the start that has a `created` entry for every event the writes created.
On PostgreSQL it works in a fresh database it creates on that server and drops afterwards.
Exit status 0 when every check holds, 1 otherwise.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import random
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMELINE = Path(sys.executable).with_name("timeline")
HOST = "127.0.0.1"
COUNTRIES = ["China", "Russia", "France", "India", "Brazil", "Japan", "Kenya", "Chile"]
CITIES = ["Oslo", "Paris", "Delhi", "Nairobi", "Lima", "Tokyo", "Cairo", "Hanoi"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
TOPICS = ["grain exports", "a gas pipeline", "border trade", "fishing rights", "a rail link"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def scratch_database(url: str | None, folder: Path):
    """A database URL for this run: a SQLite file in ``folder``, or a new PostgreSQL database
    on the server of ``url`` (dropped afterwards)."""
    if not url:
        yield f"sqlite:///{folder / 'load.sqlite3'}"
        return
    import psycopg2

    parts = urllib.parse.urlsplit(url)
    name = f"timeline_bench_{os.getpid()}_{secrets.token_hex(3)}"
    admin = parts._replace(path="/postgres").geturl()

    def execute(sql: str) -> None:
        conn = psycopg2.connect(admin)
        conn.autocommit = True
        try:
            conn.cursor().execute(sql)
        finally:
            conn.close()

    execute(f'CREATE DATABASE "{name}"')
    try:
        yield parts._replace(path=f"/{name}").geturl()
    finally:
        execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Server:
    """`timeline serve` in its own process group, logs to a file; stopped with SIGTERM/SIGKILL."""

    def __init__(
        self,
        env: dict,
        folder: Path,
        workers: int = 2,
        port: int | None = None,
        nofile: int | None = None,
    ):
        self.port = port or free_port()
        self.nofile = nofile  # the server's open-file limit (None: this process's)
        self.env = {**os.environ, **env}
        self.workers = workers
        self.log = folder / "server.log"
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 60) -> Server:
        command = [str(TIMELINE), "serve", "--host", HOST, "--port", str(self.port)]
        command += ["--workers", str(self.workers)]
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                command,
                env=self.env,
                cwd=ROOT,
                stdout=log,
                stderr=log,
                start_new_session=True,
                preexec_fn=self._limit if self.nofile else None,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited ({self.process.returncode}); see {self.log}")
            with contextlib.suppress(OSError):
                if request(self.port, "GET", "/readyz", timeout=2)[0] == 200:
                    return self
            time.sleep(0.2)
        raise RuntimeError(f"the server did not become ready in {timeout} s; see {self.log}")

    def _limit(self) -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_NOFILE, (self.nofile, self.nofile))

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Signal the whole process group (master and workers)."""
        if self.process and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, sig)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


def request(
    port: int,
    method: str,
    path: str,
    body: dict | None = None,
    headers: dict | None = None,
    timeout: float = 60,
) -> tuple[int, dict, bytes]:
    """One request on a new connection: (status, headers, body)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        data = json.dumps(body).encode() if body is not None else None
        sent = dict(headers or {})
        if data is not None:
            sent["Content-Type"] = "application/json"
        conn.request(method, path, body=data, headers=sent)
        response = conn.getresponse()
        # The headers as sent: case-insensitive names (granian sends them in lower case).
        return response.status, response.msg, response.read()
    finally:
        conn.close()


def path_of(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")


class Run:
    """Shared state of one load run: latencies, statuses, created articles and events."""

    def __init__(self, port: int, token: str, seconds: float, max_requests: int):
        self.port, self.token = port, token
        self.deadline = time.monotonic() + seconds
        self.budget = max_requests
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.statuses: Counter = Counter()
        self.errors: list[str] = []
        self.created: dict[int, list[int]] = {}  # article id -> its event ids (from the 201)
        self.article_ids: list[int] = []

    def more(self) -> bool:
        with self.lock:
            self.budget -= 1
            return self.budget >= 0 and time.monotonic() < self.deadline

    def call(self, kind: str, method: str, path: str, body=None, headers=None):
        started = time.perf_counter()
        try:
            status, head, data = request(self.port, method, path, body, headers)
        except OSError as exc:
            with self.lock:
                self.errors.append(f"{kind} {path}: {exc!r}")
                self.statuses[(kind, "error")] += 1
            return None
        elapsed = (time.perf_counter() - started) * 1000
        with self.lock:
            self.latency[kind].append(elapsed)
            self.statuses[(kind, status)] += 1
            if status >= 500:
                self.errors.append(f"{kind} {method} {path}: {status} {data[:200]!r}")
        return status, head, data


def poller(run: Run, number: int) -> None:
    etags: dict[str, str] = {}
    rng = random.Random(number)
    since = "0"
    n = 0
    while run.more():
        n += 1
        kind = ("list", "item", "timeline", "changes")[(number + n) % 4]
        if kind == "list":
            path = "/api/v1/articles?limit=50"
        elif kind == "timeline":
            path = "/api/v1/timeline?limit=50"
        elif kind == "changes":
            path = f"/api/v1/changes?since={since}&limit=100"
        else:
            with run.lock:
                ids = run.article_ids[-200:]
            path = f"/api/v1/articles/{rng.choice(ids)}" if ids else "/api/v1/articles/1"
        conditional = n % 2 == 0 and path in etags
        headers = {"If-None-Match": etags[path]} if conditional else {}
        result = run.call(kind + ("+etag" if conditional else ""), "GET", path, headers=headers)
        if result is None:
            continue
        status, head, data = result
        if status == 200:
            if "ETag" in head:
                etags[path] = head["ETag"]
            if kind == "changes":
                since = json.loads(data)["cursor"]


def writer(run: Run, number: int, label: str) -> None:
    rng = random.Random(1000 + number)
    n = 0
    auth = {"Authorization": f"Bearer {run.token}"}
    while run.more():
        n += 1
        text = (
            f"{rng.choice(COUNTRIES)} and {rng.choice(COUNTRIES)} signed an agreement on "
            f"{rng.choice(TOPICS)} in {rng.choice(CITIES)} on {rng.choice(DAYS)}, officials said. "
            f"The ministers will meet again next month. (Dispatch {label}-{number}-{n}.)"
        )
        body = {"text": text, "published_at": f"2024-{rng.randint(1, 12):02d}-15"}
        result = run.call("write", "POST", "/api/v1/articles", body, auth)
        if result is None:
            continue
        status, _, data = result
        if status == 201:
            article = json.loads(data)
            with run.lock:
                run.created[article["id"]] = [e["id"] for e in article["events"]]
                run.article_ids.append(article["id"])
        else:
            with run.lock:
                run.errors.append(f"write {n} of writer {number}: {status} {data[:200]!r}")


def read_all(port: int, first: str, key: str = "data") -> list[dict]:
    """Every item of a paged list, following ``next`` until it is null."""
    items, path, pages = [], first, 0
    while path and pages < 100_000:
        status, _, data = request(port, "GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path}: {status} {data[:200]!r}")
        body = json.loads(data)
        items += body[key]
        path = path_of(body["next"]) if body.get("next") else None
        pages += 1
    return items


def check(run: Run) -> list[str]:
    """The end-state checks: nothing lost or duplicated, the feed accounts for every write."""
    failures = list(run.errors)  # 5xx, transport errors, writes that were not a 201
    articles = read_all(run.port, "/api/v1/articles?limit=500")
    seen = Counter(a["id"] for a in articles)
    hashes = Counter(a["content_hash"] for a in articles)
    failures += [f"article {i} listed {c} times" for i, c in seen.items() if c != 1]
    failures += [f"content hash {h[:12]} stored {c} times" for h, c in hashes.items() if c != 1]
    failures += [
        f"article {i} (201) missing from GET /articles" for i in run.created if i not in seen
    ]
    changes = read_all(run.port, "/api/v1/changes?since=0&limit=500")
    seqs = [c["seq"] for c in changes]
    if seqs != sorted(set(seqs)):
        failures.append("the change feed repeats or reorders sequence numbers")
    created_in_feed = {c["event_id"] for c in changes if c["action"] == "created"}
    for article_id, events in run.created.items():
        for event_id in events:
            if event_id not in created_in_feed:
                failures.append(f"event {event_id} of article {article_id} not in the change feed")
    run.feed_size = len(changes)
    run.listed = len(articles)
    return failures


def percentile(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def report(run: Run, seconds: float, backend: str) -> None:
    total = sum(len(v) for v in run.latency.values())
    print(f"backend {backend}: {total} requests in {seconds:.1f} s = {total / seconds:.0f} req/s")
    print(f"{'kind':<14}{'count':>8}{'p50 ms':>9}{'p99 ms':>9}  statuses")
    for kind in sorted(run.latency):
        values = run.latency[kind]
        statuses = {s: c for (k, s), c in sorted(run.statuses.items(), key=str) if k == kind}
        print(
            f"{kind:<14}{len(values):>8}{percentile(values, 50):>9.1f}"
            f"{percentile(values, 99):>9.1f}  {statuses}"
        )
    events = sum(len(e) for e in run.created.values())
    print(
        f"articles created {len(run.created)} (listed {run.listed}), events created {events}, "
        f"change feed entries {run.feed_size}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--database-url", help="postgresql://... (default: a temporary SQLite)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pollers", type=int, default=16)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--max-requests", type=int, default=500_000)
    parser.add_argument("--ratelimit-storage", default="memory://")
    args = parser.parse_args(argv)
    token = secrets.token_urlsafe(24)
    backend = "postgresql" if args.database_url else "sqlite"
    with (
        tempfile.TemporaryDirectory(prefix="timeline-load-") as tmp,
        scratch_database(args.database_url, Path(tmp)) as url,
    ):
        env = {
            "TIMELINE_DATABASE_URL": url,
            "TIMELINE_API_TOKENS": json.dumps([token]),
            # The limiter stays on (its cost is measured) but far above this load.
            "TIMELINE_RATELIMIT_READS": "1000000/minute",
            "TIMELINE_RATELIMIT_WRITES": "1000000/minute",
            "TIMELINE_RATELIMIT_STORAGE_URL": args.ratelimit_storage,
            "TIMELINE_LOG_LEVEL": "WARNING",
        }
        server = Server(env, Path(tmp), workers=args.workers).start()
        try:
            run = Run(server.port, token, args.seconds, args.max_requests)
            label = secrets.token_hex(3)
            threads = [
                threading.Thread(target=poller, args=(run, i), daemon=True)
                for i in range(args.pollers)
            ] + [
                threading.Thread(target=writer, args=(run, i, label), daemon=True)
                for i in range(args.writers)
            ]
            started = time.monotonic()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=args.seconds + 120)
            elapsed = time.monotonic() - started
            failures = check(run)
            report(run, elapsed, backend)
        finally:
            server.stop()
    for failure in failures[:50]:
        print("FAIL", failure)
    print("FAILED" if failures else "OK: no 5xx, nothing lost or duplicated, feed complete")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
