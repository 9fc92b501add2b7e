"""bench/load.py for a few seconds against a real server: no 5xx, nothing lost, feed complete;
bench/faults.py on a small ingest: kill -9, read-only SQLite, PostgreSQL cut off.

In the suite: the load on SQLite and kill -9 mid-ingest on SQLite. The same on PostgreSQL and
every fault scenario (read-only file, PostgreSQL cut off and its connections dropped) are long
checks (``make test-long``; ``make load`` and ``make faults`` run the full-size scripts).

Slow (a real gunicorn with two workers): marked ``slow``; PostgreSQL only when
TIMELINE_TEST_DATABASE_URL is set and the server answers (the script works in its own
temporary database there).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from .conftest import PG_URL, ROOT, postgres_unavailable, redis_or_skip

pytestmark = pytest.mark.slow


def run_load(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, str(ROOT / "bench" / "load.py"), "--seconds", "5", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=240, cwd=ROOT)


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.long)])
def test_load_smoke(backend):
    args: list[str] = []
    if backend == "postgresql":
        reason = postgres_unavailable()
        if reason:
            pytest.skip(reason)
        args = ["--database-url", PG_URL]
    result = run_load(*args)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "OK: no 5xx" in result.stdout
    assert f"backend {backend}:" in result.stdout
    assert "write" in result.stdout


def run_faults(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, str(ROOT / "bench" / "faults.py"), "--articles", "24", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=ROOT)


def test_a_server_killed_mid_ingest_leaves_every_article_whole_or_absent():
    """bench/faults.py's kill scenario on SQLite (24 articles): the suite's fault smoke."""
    result = run_faults("--scenario", "kill")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "OK: consistent, recovered" in result.stdout


@pytest.mark.long
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_faults_smoke(backend):
    if backend == "postgresql":
        reason = postgres_unavailable()
        if reason:
            pytest.skip(reason)
        args = ["--database-url", PG_URL]  # kill -9, then PostgreSQL cut behind a proxy
    elif os.geteuid() == 0 and shutil.which("chattr"):
        args = []  # kill -9, then the read-only file (chattr +i binds root too)
    else:
        args = ["--scenario", "kill"]  # without root, chattr cannot make the file read-only
    result = run_faults(*args)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "OK: consistent, recovered" in result.stdout


@pytest.mark.long  # two warm server workers: make test-long (the suite's 10-minute budget)
def test_redis_shares_the_rate_limit_between_workers(tmp_path):
    """Two gunicorn workers, one Redis: a client gets the limit once, not once per worker."""
    url = redis_or_skip()
    import redis

    sys.path.insert(0, str(ROOT / "bench"))
    from load import Server, request

    env = {
        "TIMELINE_DATABASE_URL": f"sqlite:///{tmp_path / 'limit.sqlite3'}",
        "TIMELINE_RATELIMIT_STORAGE_URL": url,
        "TIMELINE_RATELIMIT_READS": "6/minute",
        "TIMELINE_LOG_LEVEL": "WARNING",
    }
    server = Server(env, tmp_path, workers=2).start()
    try:
        # The key holds the client address; clear this address's count from earlier runs.
        client = redis.Redis.from_url(url)
        for key in client.scan_iter("*timeline*reads*"):
            client.delete(key)
        answers = [request(server.port, "GET", "/api/v1/events") for _ in range(10)]
    finally:
        server.stop()
    statuses = [status for status, _, _ in answers]
    assert statuses == [200] * 6 + [429] * 4, statuses
    assert all(int(head["Retry-After"]) >= 1 for status, head, _ in answers if status == 429)
