"""Hostile clients against a real `timeline serve`, bounded and on 127.0.0.1 only; prints what
was held. Exit status 0 when the probes kept answering and no answer was a 5xx.

    .venv/bin/python bench/abuse.py                      # every attack, granian
    .venv/bin/python bench/abuse.py --server gunicorn    # the same against gunicorn gthread
    .venv/bin/python bench/abuse.py --attacks slow --seconds 5 --events 3000

slow      2 x (workers x threads) connections of each kind: a request line sent a byte a second,
          a POST body sent a byte a second (no token), an NDJSON export never read (a 4 kB
          receive buffer), connections opened and left idle; plus 200 more idle ones.
exports   8 clients at once asking for iCal and TimelineJS over the cap, and CSV exports read
          to the end; then the workers' RSS is measured again.
annotate  8 clients posting 2 MiB and then just-under-the-cap texts to /annotate as fast as
          they are answered.
etag      3 clients, each on one kept-alive connection: /healthz, then the CSV export with
          If-None-Match "a,<its ETag>" (a form the front once read as a match while the app
          built the whole export on the event loop), again and again.
idle      300 connections that never send a byte, opened again every 4 s, with the server's
          open-file limit at 256 (--nofile): idle sockets must be closed from accept and the
          connections a worker holds capped, or the server stops accepting.
bodies    40 clients sending GETs with 2 MiB bodies (a body only where a route takes one).
costly    2 clients posting texts that were quadratic to read: 64 KiB of "2021-" to /annotate,
          10 kB of ")" and 40 kB of nested brackets as articles, and the date engine's slow
          case; every answer within its CPU budget (or 422), the probe unharmed.
halfclose 4 clients sending a complete GET, then shutdown(SHUT_WR) (attack 6 of issue 23), again
          and again. Held when each is answered; "known" when none is but the probe is
          unharmed: granian (hyper's HTTP/1 server, half_close off, no setting in granian
          2.8.9) closes the connection at the client's end of stream before the answer
          (README, "Slow and hostile clients").

Meanwhile a probe asks for /healthz and the first page of /events (new connection, 1 s
timeout) ten times a second. Reported: requests answered (attack and probe), the probe's p99
and misses, the workers' RSS before and after, and the number of 5xx answers.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import socket
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load import HOST, Server, percentile  # noqa: E402
from read import rss_kb, worker_pids  # noqa: E402

PROBES = ("/api/v1/healthz", "/api/v1/events?limit=5")
ATTACKS = ("slow", "exports", "annotate", "etag", "idle", "bodies", "costly", "halfclose")
#: Attacks whose clients are known to get no answer (status 0), and why: reported as "known"
#: rather than "held" as long as the probe and the other clients are unharmed.
KNOWN = {
    "halfclose": "granian closes a half-closed connection before answering "
    "(README, Slow and hostile clients)",
}


class Tally:
    """What the attack and the probe saw; thread-safe."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.statuses: Counter = Counter()
        self.probe: list[float] = []
        self.probe_missed = 0

    def answer(self, status: int) -> None:
        with self.lock:
            self.statuses[status] += 1

    @property
    def errors_5xx(self) -> int:
        return sum(n for s, n in self.statuses.items() if s >= 500)


def get(port: int, path: str, timeout: float = 1.0, headers: dict | None = None) -> int:
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def half_closed(port: int, path: str = PROBES[0], timeout: float = 5.0) -> int:
    """Send a complete GET of ``path``, then shut the sending side (``shutdown(SHUT_WR)``: a
    client that has nothing more to say); the answer's status, 0 when the server closed the
    connection without one."""
    with socket.create_connection((HOST, port), timeout=timeout) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n".encode())
        sock.shutdown(socket.SHUT_WR)
        response = http.client.HTTPResponse(sock)
        try:
            response.begin()
        except (http.client.RemoteDisconnected, ConnectionError):
            return 0
        response.read()
        return response.status


def probe(port: int, tally: Tally, stop: threading.Event, interval: float = 0.1) -> None:
    """Ask for /healthz and a list page in turn; a miss is no answer within 1 s."""
    n = 0
    while not stop.is_set():
        path = PROBES[n % len(PROBES)]
        n += 1
        started = time.perf_counter()
        try:
            status = get(port, path)
        except OSError:
            with tally.lock:
                tally.probe_missed += 1
        else:
            tally.answer(status)
            with tally.lock:
                tally.probe.append(time.perf_counter() - started)
        stop.wait(interval)


def _connect(port: int, rcvbuf: int | None = None) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if rcvbuf:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    sock.settimeout(5)
    sock.connect((HOST, port))
    return sock


def trickle(sock: socket.socket, data: bytes, stop: threading.Event, every: float) -> None:
    """Send ``data`` a byte at a time, one each ``every`` seconds, until stopped or refused."""
    for i in range(len(data)):
        if stop.is_set():
            return
        try:
            sock.sendall(data[i : i + 1])
        except OSError:
            return
        stop.wait(every)


def slow_clients(port: int, count: int, idle_extra: int, stop: threading.Event) -> list:
    """Open ``count`` connections of each slow kind; returns the sockets and their threads."""
    sockets, threads = [], []
    line = b"GET /api/v1/events?limit=5 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    body = json.dumps({"text": "x" * 5000, "published_at": "2024-01-01"}).encode()
    post = (
        b"POST /api/v1/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
    )
    export = b"GET /api/v1/events?format=ndjson HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    for _ in range(count):
        with contextlib.suppress(OSError):
            s = _connect(port)
            sockets.append(s)
            threads.append(threading.Thread(target=trickle, args=(s, line, stop, 1.0)))
        with contextlib.suppress(OSError):
            s = _connect(port)
            s.sendall(post)
            sockets.append(s)
            threads.append(threading.Thread(target=trickle, args=(s, body, stop, 1.0)))
        with contextlib.suppress(OSError):
            s = _connect(port, rcvbuf=4096)
            s.sendall(export)
            sockets.append(s)  # never read
    for _ in range(count + idle_extra):
        with contextlib.suppress(OSError):
            sockets.append(_connect(port))
    for t in threads:
        t.daemon = True
        t.start()
    return sockets


def storm(port: int, tally: Tally, stop: threading.Event, clients: int, requests: list) -> None:
    """``clients`` threads each sending ``requests`` (method, path, body) in turn until stopped."""

    def client(n: int) -> None:
        i = n
        while not stop.is_set():
            method, path, body = requests[i % len(requests)]
            i += 1
            conn = http.client.HTTPConnection(HOST, port, timeout=60)
            try:
                headers = {"Content-Type": "application/json"} if body is not None else {}
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                tally.answer(response.status)
                if response.status == 429:
                    stop.wait(float(response.getheader("Retry-After", "1")))
            except OSError:
                tally.answer(0)
            finally:
                conn.close()

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    for t in threads:
        t.start()
    return threads


def etag_mismatch(port: int, tally: Tally, stop: threading.Event, clients: int) -> list:
    """Attack 1 of issue 23: a request, then an export whose If-None-Match the front and the app
    might read differently, on the same connection."""
    path = "/api/v1/events?format=csv"

    def client() -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=120)
        try:
            conn.request("GET", path)
            first = conn.getresponse()
            first.read()
            etag = (first.getheader("ETag") or '""').removeprefix("W/").strip('"')
            while not stop.is_set():
                conn.request("GET", "/api/v1/healthz")
                conn.getresponse().read()
                conn.request("GET", path, headers={"If-None-Match": f'"a,{etag}"'})
                response = conn.getresponse()
                response.read()
                tally.answer(response.status)
                if response.status == 429:
                    stop.wait(float(response.getheader("Retry-After", "1")))
        except OSError:
            tally.answer(0)
        finally:
            conn.close()

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for t in threads:
        t.start()
    return threads


def idle_flood(port: int, tally: Tally, stop: threading.Event, count: int) -> list:
    """Attack 2 of issue 23: ``count`` connections that never send a byte, renewed every 4 s;
    counts (as status 1) each one the server closed by itself."""

    def flood() -> None:
        sockets: list[socket.socket] = []
        while not stop.is_set():
            for sock in sockets:
                with contextlib.suppress(OSError):
                    sock.setblocking(False)
                    if sock.recv(1) == b"":
                        tally.answer(1)
                sock.close()
            sockets = []
            for _ in range(count):
                with contextlib.suppress(OSError):
                    sockets.append(_connect(port))
            stop.wait(6)
        for sock in sockets:
            sock.close()

    thread = threading.Thread(target=flood, daemon=True)
    thread.start()
    return [thread]


COSTLY_TEXTS = [
    ("/api/v1/annotate", "2021-" * 13_000),
    ("/api/v1/articles", ")" * 10_000),
    ("/api/v1/articles", "(" * 20_000 + ")" * 20_000),
    ("/api/v1/articles", "In 1990 the talks began. " + "2021 " * 12_000),
]


def attack(name: str, port: int, args: argparse.Namespace, tally: Tally, stop: threading.Event):
    per_kind = 2 * args.workers * args.threads
    if name == "slow":
        return slow_clients(port, per_kind, 200, stop)
    if name == "exports":
        paths = [
            ("GET", "/api/v1/events?format=ics", None),
            ("GET", "/api/v1/events?format=timelinejs", None),
            ("GET", "/api/v1/events?format=csv", None),
        ]
        return storm(port, tally, stop, 8, paths)
    if name == "annotate":
        big = json.dumps(
            {"text": "On Monday the talks resumed. " * 72_000, "published_at": "2024-01-01"}
        ).encode()
        cap = json.dumps(
            {"text": "On Monday the talks resumed. " * 700, "published_at": "2024-01-01"}
        ).encode()
        bodies = [("POST", "/api/v1/annotate", big), ("POST", "/api/v1/annotate", cap)]
        return storm(port, tally, stop, 8, bodies)
    if name == "etag":
        return etag_mismatch(port, tally, stop, 3)
    if name == "idle":
        return idle_flood(port, tally, stop, 300)
    if name == "bodies":
        return storm(port, tally, stop, 40, [("GET", "/api/v1/events?limit=5", b"x" * 2**21)])
    if name == "costly":
        requests = [
            ("POST", path, json.dumps({"text": text, "published_at": "2024-01-01"}).encode())
            for path, text in COSTLY_TEXTS
        ]
        return storm(port, tally, stop, 2, requests)
    if name == "halfclose":
        return half_closers(port, tally, stop, 4)
    raise ValueError(name)


def half_closers(port: int, tally: Tally, stop: threading.Event, clients: int) -> list:
    """Attack 6 of issue 23: ``clients`` threads each sending a request and half-closing."""

    def client(n: int) -> None:
        while not stop.is_set():
            try:
                tally.answer(half_closed(port, PROBES[n % len(PROBES)]))
            except OSError:
                tally.answer(0)
            stop.wait(0.05)

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    for t in threads:
        t.start()
    return threads


def rss_mb(pids: list[int]) -> list[float]:
    return [round(rss_kb(pid) / 1024) for pid in pids]


def run(args: argparse.Namespace) -> int:
    from generate import ensure_sqlite

    db = ensure_sqlite(args.events)
    failures = []
    with tempfile.TemporaryDirectory(prefix="timeline-abuse-") as folder:
        env = {
            "TIMELINE_DATABASE_URL": f"sqlite:///{db}",
            "TIMELINE_SERVER": args.server,
            "TIMELINE_THREADS": str(args.threads),
            "TIMELINE_LOG_LEVEL": "WARNING",
            "TIMELINE_RATELIMIT_READS": "100000/minute",
        }
        server = Server(env, Path(folder), workers=args.workers, nofile=args.nofile or None).start()
        try:
            pids = worker_pids(server.process.pid)
            for _ in range(4):  # warm every worker up before the baseline
                for path in PROBES:
                    get(server.port, path, timeout=10)
            print(
                f"{args.server}: {args.workers} workers x {args.threads} threads, "
                f"{args.events} events"
            )
            print(
                f"{'attack':<10} {'answered':>9} {'probes':>7} {'missed':>7} {'p99 ms':>7} "
                f"{'5xx':>4}  worker RSS MB before -> after  statuses"
            )
            for name in args.attacks:
                tally, stop = Tally(), threading.Event()
                before = rss_mb(pids)
                held = attack(name, server.port, args, tally, stop)
                prober = threading.Thread(target=probe, args=(server.port, tally, stop))
                prober.start()
                time.sleep(args.seconds)
                stop.set()
                prober.join()
                for item in held:
                    if isinstance(item, socket.socket):
                        item.close()
                    else:
                        item.join(timeout=60)
                time.sleep(1)
                after = rss_mb(pids)
                p99 = percentile(tally.probe, 99) * 1000 if tally.probe else float("nan")
                statuses = dict(sorted(tally.statuses.items()))
                answered = sum(statuses.values()) - statuses.get(0, 0)
                print(
                    f"{name:<10} {answered:>9} {len(tally.probe):>7} {tally.probe_missed:>7} "
                    f"{p99:>7.0f} {tally.errors_5xx:>4}  {before} -> {after}  {statuses}",
                    flush=True,
                )
                broke = len(failures)
                if tally.errors_5xx:
                    failures.append(f"{name}: {tally.errors_5xx} answers were 5xx")
                if tally.probe_missed or not tally.probe:
                    failures.append(f"{name}: {tally.probe_missed} probes got no answer in 1 s")
                verdict = "BROKE" if len(failures) > broke else "held"
                if verdict == "held" and name in KNOWN and statuses.get(0):
                    verdict = f"known: {statuses[0]} unanswered; {KNOWN[name]}"
                print(f"{name:<10} {verdict}", flush=True)
        finally:
            server.stop()
    for failure in failures:
        print("FAIL", failure)
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", default="granian", choices=("granian", "gunicorn"))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument(
        "--nofile", type=int, default=256, help="the server's open-file limit (0: as this one's)"
    )
    parser.add_argument(
        "--attacks",
        nargs="+",
        default=list(ATTACKS),
        choices=ATTACKS,
    )
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
