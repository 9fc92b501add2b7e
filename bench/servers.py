"""The WSGI servers compared on one machine, in one run: requests/s of /healthz, a 304 and a list
page under wrk (16 kept-alive connections), and whether /healthz and a list page still answer
within 1 s while 2 x (workers x threads) slow connections of each kind are open (bench/abuse.py).

    .venv/bin/python bench/servers.py                 # every server, 3 s per figure
    .venv/bin/python bench/servers.py --servers granian gunicorn --seconds 2

Servers (2 workers x 4 threads unless said): ``granian`` (what ``timeline serve`` runs: granian
with the buffering front, service/edge/front.py), ``granian-wsgi`` (granian's own WSGI interface,
no front), ``gunicorn`` (gthread), ``gunicorn-4w`` (4 workers) and ``waitress`` (one process,
8 threads; only when waitress is installed: ``pip install waitress``). Loopback only; wrk is
Debian's package (``make bench-deps``).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import abuse  # noqa: E402
from load import HOST, ROOT, TIMELINE, free_port, request  # noqa: E402
from read import drive_wrk, serve_env  # noqa: E402

BIN = Path(sys.executable).parent


def command(name: str, port: int) -> list[str]:
    serve = [str(TIMELINE), "serve", "--host", HOST, "--port", str(port)]
    if name == "granian":
        return serve + ["--workers", "2"]
    if name == "gunicorn":
        return serve + ["--workers", "2"]
    if name == "gunicorn-4w":
        return serve + ["--workers", "4"]
    if name == "granian-wsgi":
        return [
            str(BIN / "granian"),
            "--interface",
            "wsgi",
            "--factory",
            "--host",
            HOST,
            "--port",
            str(port),
            "--workers",
            "2",
            "--blocking-threads",
            "4",
            "--no-ws",
            "service:create_app",
        ]
    if name == "waitress":
        return [
            str(BIN / "waitress-serve"),
            f"--listen={HOST}:{port}",
            "--threads=8",
            "--call",
            "service:create_app",
        ]
    raise ValueError(name)


@contextlib.contextmanager
def serving(name: str, env: dict, folder: Path):
    port = free_port()
    env = {**os.environ, **env, "TIMELINE_SERVER": "gunicorn" if "gunicorn" in name else "granian"}
    log = open(folder / f"{name}.log", "ab")
    process = subprocess.Popen(
        command(name, port), env=env, cwd=ROOT, stdout=log, stderr=log, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                if request(port, "GET", "/readyz", timeout=2)[0] == 200:
                    break
            time.sleep(0.2)
        yield port
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def survival(port: int, per_kind: int, seconds: float) -> tuple[int, int]:
    """Probes answered within 1 s and missed while the slow connections are open."""
    stop, tally = threading.Event(), abuse.Tally()
    held = abuse.slow_clients(port, per_kind, 0, stop)
    time.sleep(1)
    prober = threading.Thread(target=abuse.probe, args=(port, tally, stop))
    prober.start()
    time.sleep(seconds)
    stop.set()
    prober.join()
    for sock in held:
        sock.close()
    return len(tally.probe), tally.probe_missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    names = ["granian", "granian-wsgi", "gunicorn", "gunicorn-4w", "waitress"]
    parser.add_argument("--servers", nargs="+", default=names, choices=names)
    parser.add_argument("--seconds", type=float, default=3)
    parser.add_argument("--events", type=int, default=20_000)
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: make bench-deps")
    from generate import ensure_sqlite

    db = ensure_sqlite(args.events)
    env = serve_env(f"sqlite:///{db}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="timeline-servers-") as tmp:
        folder = Path(tmp)
        for name in args.servers:
            if name == "waitress" and not (BIN / "waitress-serve").exists():
                print("waitress: not installed, skipped")
                continue
            with serving(name, env, folder) as port:
                status, headers, _ = request(port, "GET", "/api/v1/events?limit=50")
                etag = headers.get("ETag") or headers.get("etag")
                figures = {}
                for label, path, extra in (
                    ("healthz", "/api/v1/healthz", {}),
                    ("304", "/api/v1/events?limit=50", {"If-None-Match": etag}),
                    ("list", "/api/v1/events?limit=50", {}),
                ):
                    figures[label] = drive_wrk(port, [path], extra, args.seconds, folder)
                answered, missed = survival(port, 16, args.seconds)
            rows.append((name, figures, answered, missed))
            print(
                name, {k: round(v["rps"]) for k, v in figures.items()}, answered, missed, flush=True
            )
    print()
    print(
        "| server | /healthz req/s | 304 req/s | list page req/s | list p99 ms | "
        "slow clients: probes answered in 1 s / missed |"
    )
    print("|---|---|---|---|---|---|")
    for name, f, answered, missed in rows:
        print(
            f"| {name} | {f['healthz']['rps']:.0f} | {f['304']['rps']:.0f} | "
            f"{f['list']['rps']:.0f} | {f['list']['p99']:.0f} | {answered} / {missed} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
