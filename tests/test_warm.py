"""Warm workers: a server worker loads the language model when it starts, /readyz answers 503
until it has, and a write arriving meanwhile waits for that one load."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

from service.write import warm


@pytest.fixture
def held(monkeypatch):
    """A warm-up that lasts until the test releases it."""
    release = threading.Event()
    monkeypatch.setattr(warm, "warm", lambda: release.wait(10) and 0.0)
    warm.reset()
    yield release
    release.set()
    warm.reset()


def test_readyz_is_503_while_the_worker_warms_up_then_200(client, held, tmp_path):
    warm.start(str(tmp_path))
    response = client.get("/api/v1/readyz")
    assert response.status_code == 503
    assert response.headers["Content-Type"] == "application/problem+json"
    assert "language model" in response.get_json()["detail"]
    assert response.headers["Retry-After"]
    held.set()
    assert warm.wait(60)  # the thread only has to wake up (60: a loaded machine)
    assert client.get("/api/v1/readyz").status_code == 200
    assert (tmp_path / str(os.getpid())).exists()  # what the server counts to say "ready"


def test_a_write_during_the_warm_up_waits_for_it(held):
    warm.start()
    waited = threading.Event()
    thread = threading.Thread(target=lambda: warm.wait(10) and waited.set())
    thread.start()
    assert not waited.wait(0.3)
    held.set()
    thread.join(5)
    assert waited.is_set()


def test_a_process_that_never_warms_up_is_ready_at_once():
    warm.reset()
    assert warm.done() and warm.wait(0)


def _get(port: int, path: str) -> int:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


@pytest.mark.slow
def test_a_real_server_is_not_ready_until_it_has_loaded_the_model(tmp_path):
    """`timeline serve`: /readyz is 503 at first (the model takes seconds), 200 once loaded,
    and the command prints one "Ready" line when every worker is warm."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "TIMELINE_DATABASE_URL": f"sqlite:///{tmp_path / 'warm.sqlite3'}"}
    command = [sys.executable, "-c", "from service.cli import main; main()", "serve"]
    command += ["--port", str(port), "--workers", "1"]
    log_path = tmp_path / "server.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    statuses: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while not statuses or statuses[-1] != 200:
            assert process.poll() is None and time.monotonic() < deadline, log_path.read_text()
            try:
                statuses.append(_get(port, "/api/v1/readyz"))
            except OSError:
                pass
            time.sleep(0.05)
        deadline = time.monotonic() + 10
        while "Ready:" not in log_path.read_text() and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        process.terminate()
        process.wait(20)
    assert statuses[0] == 503, statuses
    assert set(statuses) == {503, 200}
    assert "Ready: 1 worker(s) loaded the language model" in log_path.read_text()


COLD_WRITE = """
import datetime as dt
from service.write import bounds, pipeline
bounds.ARTICLE_CPU_SECONDS = 0.3  # a short article's budget, under what the model costs
events = pipeline.extract_events("The minister resigned on Monday.", dt.date(2024, 3, 7))
print(len(events))
"""


def test_a_cold_process_does_not_charge_its_first_article_for_the_model():
    """A process that never warmed up (the command line, tests) loads the model on its first
    write, before that article's CPU budget starts: loading costs more than a short article may
    (seconds of CPU), and the article was refused as over budget."""
    result = subprocess.run(
        [sys.executable, "-c", COLD_WRITE], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout.split()[-1]) >= 1


def test_a_write_in_a_cold_process_loads_once(monkeypatch):
    calls = []
    monkeypatch.setattr(warm, "warm", lambda: calls.append(1) or 0.0)
    warm.reset()
    try:
        warm.ensure()
        warm.ensure()
        assert calls == [1]
    finally:
        warm.reset()


def test_a_process_warmed_up_directly_does_not_load_again(monkeypatch):
    """Queue workers and the ingest pool call warm.warm() themselves at start: their first
    write does not run the warm-up a second time."""
    warm.reset()
    try:
        warm.warm()
        calls = []
        monkeypatch.setattr(warm, "warm", lambda: calls.append(1) or 0.0)
        warm.ensure()
        assert calls == []
    finally:
        warm.reset()
