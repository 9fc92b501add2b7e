"""The socket of ``timeline serve`` (issue 23): a busy port is refused with what to do, a
connection that never sends a byte is closed a few seconds after it is accepted, and a worker
holds at most its cap of connections, so idle sockets cannot use up its open files."""

from __future__ import annotations

import http.client
import os
import resource
import socket
import sys
import time

import pytest

from service.edge import server as edge_server
from service.edge import sockets

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

from load import HOST, Server  # noqa: E402
from read import worker_pids  # noqa: E402


def _listening(reuse_port: bool) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if reuse_port:  # as granian opens its socket
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((HOST, 0))
    sock.listen()
    return sock


@pytest.mark.parametrize("reuse_port", [True, False])
def test_a_busy_port_is_refused_with_what_to_do(reuse_port):
    busy = _listening(reuse_port)
    port = busy.getsockname()[1]
    try:
        with pytest.raises(SystemExit) as refused:
            edge_server.run(HOST, port, 1, server="granian", has_tokens=False)
    finally:
        busy.close()
    assert str(refused.value).startswith(f"{HOST}:{port} is in use; try `make run PORT={port + 1}`")


def test_a_free_port_and_one_shared_on_purpose_pass_the_check():
    free = _listening(False)
    port = free.getsockname()[1]
    free.close()
    sockets.ensure_free(HOST, port)  # nothing listens: no exit


def test_the_connection_cap_fits_the_open_file_limit(monkeypatch):
    monkeypatch.setattr(resource, "getrlimit", lambda which: (256, 4096))
    assert sockets.connection_cap(1000) == 256 - sockets.RESERVED_FILES
    assert sockets.connection_cap(100) == 100
    monkeypatch.setattr(resource, "getrlimit", lambda which: (resource.RLIM_INFINITY,) * 2)
    assert sockets.connection_cap(1000) == 1000


CAP = 16


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sockets")
    settings = {
        "TIMELINE_DATABASE_URL": f"sqlite:///{folder / 'sockets.sqlite3'}",
        "TIMELINE_LOG_LEVEL": "WARNING",
        "TIMELINE_MAX_CONNECTIONS": str(CAP),
    }
    server = Server(settings, folder, workers=1).start()
    yield server
    server.stop()


def _open_files(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


@pytest.mark.slow
def test_a_connection_that_never_sends_a_byte_is_closed_after_the_header_timeout(served):
    idle = socket.create_connection((HOST, served.port))
    idle.settimeout(edge_server.HEADER_TIMEOUT * 3)
    started = time.monotonic()
    try:
        assert idle.recv(100) == b""  # closed by the server, not by this timeout
    finally:
        idle.close()
    assert time.monotonic() - started < edge_server.HEADER_TIMEOUT + 2


@pytest.mark.slow
def test_idle_sockets_past_the_cap_wait_and_the_worker_keeps_its_files(served):
    (worker,) = worker_pids(served.process.pid)
    before = _open_files(worker)
    idle = [socket.create_connection((HOST, served.port)) for _ in range(4 * CAP)]
    try:
        time.sleep(1)
        assert _open_files(worker) <= before + CAP + 2  # the rest wait in the backlog
        started = time.monotonic()
        conn = http.client.HTTPConnection(HOST, served.port, timeout=30)
        conn.request("GET", "/api/v1/healthz")
        assert conn.getresponse().status == 200  # answered once idle ones were closed
        conn.close()
        assert time.monotonic() - started < 30
    finally:
        for sock in idle:
            sock.close()


@pytest.mark.slow
def test_http2_without_tls_is_not_spoken(served):
    preface = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
    with socket.create_connection((HOST, served.port), timeout=10) as sock:
        sock.sendall(preface + b"\x00\x00\x00\x04\x00\x00\x00\x00\x00")
        answer = sock.recv(200)
    assert not answer.startswith(b"\x00\x00")  # no HTTP/2 SETTINGS frame back
