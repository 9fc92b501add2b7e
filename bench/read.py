"""Read benchmark: the service against Datasette on the same synthetic events, at several sizes.

    .venv/bin/python bench/read.py                                # 10k, 100k, 1M events
    .venv/bin/python bench/read.py --sizes 2000 --seconds 1 --no-datasette --no-ingest
    .venv/bin/python bench/read.py --database-url postgresql://postgres@127.0.0.1:5432/postgres

For each size: the database from bench/generate.py (cached in bench/out/) is served by
`timeline serve --workers 2` (granian and the front) and, unless --no-datasette, by
`datasette serve` on a flat copy of the events (see bench/README.md for what is fair). A
separate process on 127.0.0.1 holds 16 concurrent connections on one query at a time for
--seconds and reports requests/s and p50/p99 latency. The NDJSON export of every event is
timed alone while the workers' RSS is sampled from /proc. Then the ingest benchmark
(bench/ingest.py, one process and all cores) and, with --database-url, the service's suite
on PostgreSQL. It ends with the targets of issue 15 (and issue 7's other rows, and issue 22's:
PostgreSQL's list >= 0.8x SQLite's, its full text >= 3x Datasette's, from the same run),
measured, each PASS or MISS.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import generate  # noqa: E402
from load import HOST, Server, free_port, request  # noqa: E402

WINDOW = ("2020-03-01", "2020-03-31")
TERM = "ceasefire"
QUERIES = ("list", "window", "actor", "fulltext", "item", "list 304")


def drive(port: int, paths: list[str], headers: dict, seconds: float, connections: int) -> dict:
    """Hold ``connections`` concurrent clients on ``paths`` (in turn) for ``seconds``."""
    latencies: list[float] = []
    statuses: dict[str, int] = {}
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(number: int) -> None:
        n, mine, seen = number, [], {}
        while time.monotonic() < deadline:
            path = paths[n % len(paths)]
            n += connections
            started = time.perf_counter()
            try:
                conn = http.client.HTTPConnection(HOST, port, timeout=60)
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                conn.close()
                status = str(response.status)
            except OSError as exc:
                status = type(exc).__name__
            mine.append((time.perf_counter() - started) * 1000)
            seen[status] = seen.get(status, 0) + 1
        with lock:
            latencies.extend(mine)
            for key, value in seen.items():
                statuses[key] = statuses.get(key, 0) + value

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return {
        "rps": len(latencies) / elapsed,
        "p50": cuts[49] if cuts else 0.0,
        "p99": cuts[98] if cuts else 0.0,
        "statuses": statuses,
    }


WRK = shutil.which("wrk")
CONNECTIONS = 16
#: The load generator: "wrk" (kept-alive connections, as browsers and HTTP client libraries
#: hold them) or "python" (stdlib threads, a new connection per request); see --client.
CLIENT = {"name": "wrk" if WRK else "python"}


def drive_wrk(port: int, paths: list[str], headers: dict, seconds: float, folder: Path) -> dict:
    """The same load from wrk (C, epoll, kept-alive connections, 2 threads): 16 connections on
    ``paths`` in turn for ``seconds``; latency percentiles from wrk's own histogram."""
    listing = folder / "paths.txt"
    listing.write_text("\n".join(paths) + "\n")
    command = [WRK, "-t2", f"-c{CONNECTIONS}", f"-d{seconds:.0f}s", "--timeout", "60s"]
    command += ["-s", str(ROOT / "bench" / "wrk.lua"), f"http://{HOST}:{port}", "--", str(listing)]
    command += [f"{k}: {v}" for k, v in headers.items()]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    (line,) = [x for x in out.splitlines() if x.startswith("WRK ")]
    figures = json.loads(line[4:])
    statuses: dict[str, int] = {}
    for status, n in figures["statuses"]:
        statuses[str(status)] = statuses.get(str(status), 0) + n
    if figures["errors"]:
        statuses["socket errors"] = figures["errors"]
    return {
        "rps": figures["requests"] / (figures["duration_us"] / 1e6),
        "p50": figures["p50_us"] / 1000,
        "p99": figures["p99_us"] / 1000,
        "statuses": statuses,
    }


def measure(port: int, paths: list[str], seconds: float, headers: dict | None = None) -> dict:
    """Drive the load from a separate process (wrk, else :func:`drive`), return its figures."""
    for path in paths[:3]:  # warm up
        request(port, "GET", path, headers=headers or {})
    if CLIENT["name"] == "wrk":
        with tempfile.TemporaryDirectory(prefix="timeline-wrk-") as tmp:
            # One second of the same load first (caches, pools, the pages of a cold file).
            drive_wrk(port, paths, headers or {}, 1, Path(tmp))
            figures = drive_wrk(port, paths, headers or {}, seconds, Path(tmp))
        if figures["rps"]:
            return figures
        # wrk counts only answers within the time, and none came (answers slower than that):
        # the stdlib driver waits for the ones in flight, so their latency is measured.
    spec = json.dumps({"port": port, "paths": paths, "headers": headers or {}, "seconds": seconds})
    out = subprocess.run(
        [sys.executable, __file__, "--drive", spec], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout) | {"driver": "python"}


def worker_pids(master: int) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                status = (entry / "status").read_text()
                if re.search(rf"^PPid:\s+{master}$", status, re.M):
                    pids.append(int(entry.name))
    return pids


def cpu_ticks(pids: list[int]) -> int:
    """CPU time used so far by ``pids`` (user + system clock ticks, from /proc)."""
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
    return total


def wait_idle(pids: list[int], quiet: float = 0.6, limit: float = 120) -> None:
    """Wait until ``pids`` use no CPU for ``quiet`` seconds: a server may still be answering
    requests a finished load left in flight (Datasette's slow windows run for seconds), and
    the next measurement, of the other server, must not share the cores with them."""
    deadline = time.monotonic() + limit
    last = cpu_ticks(pids)
    while time.monotonic() < deadline:
        time.sleep(quiet)
        now = cpu_ticks(pids)
        if now - last <= 1:
            return
        last = now


def rss_kb(pid: int) -> int:
    with contextlib.suppress(OSError):
        match = re.search(r"^VmRSS:\s+(\d+)", Path(f"/proc/{pid}/status").read_text(), re.M)
        return int(match.group(1)) if match else 0
    return 0


def export(port: int, path: str, pids: list[int]) -> dict:
    """Stream ``path`` alone, counting lines; the workers' largest RSS growth meanwhile."""
    before = {pid: rss_kb(pid) for pid in pids}
    peak = dict(before)
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            for pid in pids:
                peak[pid] = max(peak[pid], rss_kb(pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    started = time.perf_counter()
    conn = http.client.HTTPConnection(HOST, port, timeout=600)
    conn.request("GET", path)
    response = conn.getresponse()
    lines, size, error = 0, 0, None
    try:
        while chunk := response.read(1 << 16):
            lines += chunk.count(b"\n")
            size += len(chunk)
    except (http.client.HTTPException, OSError) as exc:  # the server cut the stream
        error = f"{type(exc).__name__} after {time.perf_counter() - started:.0f} s"
    conn.close()
    elapsed = time.perf_counter() - started
    done.set()
    sampler.join()
    growth = max((peak[p] - before[p] for p in pids), default=0) / 1024
    return {
        "status": response.status,
        "lines": lines,
        "mb": size / 2**20,
        "seconds": elapsed,
        "rows_per_s": lines / elapsed,
        "rss_growth_mb": growth,
        "error": error,
    }


def item_ids(n: int) -> list[int]:
    """The 200 events both servers are asked for one by one (the same ones, spread over n)."""
    return [1 + (i * 7919) % n for i in range(200)]


def our_paths(n: int, db: Path | None, actor: str) -> dict[str, list[str]]:
    base = "/api/v1/events?limit=50"
    ids = item_ids(n)
    return {
        "list": [base],
        "window": [f"{base}&from={WINDOW[0]}&to={WINDOW[1]}"],
        "actor": [f"{base}&actor={actor}"],
        "fulltext": [f"{base}&q={TERM}"],
        "item": [f"/api/v1/events/{i}" for i in ids],
    }


def datasette_paths(n: int) -> dict[str, list[str]]:
    base = "/bench/events.json?_size=50&_sort=sort_date&_shape=objects&_nocount=1&_nofacet=1"
    base += "&_nosuggest=1"
    ids = item_ids(n)
    return {
        "list": [base],
        "window": [f"{base}&lo__lte={WINDOW[1]}&hi__gte={WINDOW[0]}"],
        "actor": [f"{base}&actors__contains={{actor}}"],
        "fulltext": [f"{base}&_search={TERM}"],
        "item": [f"/bench/events/{i}.json?_shape=objects" for i in ids],
    }


def pick_actor(db: Path) -> tuple[str, str]:
    """A mid-popular actor (rank 10): its key for both, and its name."""
    with sqlite3.connect(db) as conn:
        key, name = conn.execute(
            "SELECT a.key, a.name FROM actor a JOIN event_actor l ON l.actor_id = a.id "
            "GROUP BY a.id ORDER BY count(*) DESC LIMIT 1 OFFSET 9"
        ).fetchone()
    return key, name


def flat_copy(db: Path) -> Path:
    """The events as one flat table, as a researcher would give Datasette (cached)."""
    path = db.with_name(db.stem + "-datasette.sqlite3")
    if path.exists():
        return path
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    with sqlite3.connect(partial) as conn:
        conn.execute("ATTACH DATABASE ? AS src", [str(db)])
        conn.executescript(
            """
            CREATE TABLE events AS SELECT e.id, e.title, e.summary, e.type, e.date_text,
              e.date_value, e.date_edtf, e.date_start, e.date_end, e.date_precision,
              e.date_approximate, e.sort_date, e.precision_rank,
              COALESCE(e.date_start, e.date_end) AS lo, COALESCE(e.date_end, e.date_start) AS hi,
              (SELECT group_concat(a.key, ' ') FROM src.event_actor l
                 JOIN src.actor a ON a.id = l.actor_id WHERE l.event_id = e.id) AS actors,
              e.created_at, e.updated_at
            FROM src.event e ORDER BY e.id;
            CREATE UNIQUE INDEX events_id ON events(id);
            CREATE INDEX events_sort_date ON events(sort_date);
            CREATE INDEX events_lo ON events(lo);
            CREATE INDEX events_hi ON events(hi);
            CREATE INDEX events_type ON events(type);
            CREATE VIRTUAL TABLE events_fts USING fts5(title, summary, content='events',
              content_rowid='rowid', tokenize='porter unicode61');
            INSERT INTO events_fts(events_fts) VALUES ('rebuild');
            ANALYZE;
            """
        )
    os.replace(partial, path)
    return path


@contextlib.contextmanager
def datasette(db: Path, folder: Path):
    """`datasette serve` on ``db`` (immutable, read-only), on a free port."""
    exe = Path(sys.executable).with_name("datasette")
    port = free_port()
    link = folder / "bench.sqlite3"
    link.symlink_to(db)
    command = [
        str(exe),
        "serve",
        "-i",
        str(link),
        "--host",
        HOST,
        "--port",
        str(port),
        "--setting",
        "sql_time_limit_ms",
        "60000",
        "--setting",
        "num_sql_threads",
        "4",
        "--setting",
        "max_csv_mb",
        "0",  # the whole table (its default stops a CSV stream at 100 MB)
    ]
    with open(folder / "datasette.log", "ab") as log:
        process = subprocess.Popen(command, stdout=log, stderr=log, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                if request(port, "GET", "/-/versions.json", timeout=5)[0] == 200:
                    break
            time.sleep(0.3)
        yield port, process.pid
    finally:
        process.terminate()
        process.wait(timeout=30)


def serve_env(url: str) -> dict:
    return {
        "TIMELINE_DATABASE_URL": url,
        "TIMELINE_RATELIMIT_READS": "100000000/minute",  # the limiter runs, far above this load
        "TIMELINE_LOG_LEVEL": "WARNING",
    }


#: Measurements of each query on each server; the one with the median requests/s is kept.
REPEATS = {"n": 3}


def median_run(runs: list[dict]) -> dict:
    """The run with the median requests/s (its own latencies), and the spread of all runs."""
    ordered = sorted(runs, key=lambda r: r["rps"])
    chosen = dict(ordered[len(ordered) // 2])
    chosen["spread"] = (ordered[0]["rps"], ordered[-1]["rps"])
    return chosen


def run_ours(url: str, n: int, db: Path | None, actor: str, seconds: float, folder: Path) -> dict:
    """The service alone (PostgreSQL runs): each query measured REPEATS times."""
    return run_pair(url, n, db, actor, seconds, folder, with_datasette=False)[0]


def run_pair(
    url: str,
    n: int,
    db: Path | None,
    actor: str,
    seconds: float,
    folder: Path,
    with_datasette: bool = True,
) -> tuple[dict, dict | None]:
    """The service and Datasette served side by side, each query measured on one then the
    other, REPEATS times in turn: both see the same moments of a shared machine's noise."""
    server = Server(serve_env(url), folder, workers=2).start(timeout=300)
    stack = contextlib.ExitStack()
    try:
        port, ds_pid = (
            stack.enter_context(datasette(flat_copy(db), folder)) if with_datasette else (0, 0)
        )
        busy = worker_pids(server.process.pid) + ([ds_pid] if ds_pid else [])
        ours, theirs = our_paths(n, db, actor), datasette_paths(n)
        list_path = ours["list"][0]
        etag = request(server.port, "GET", list_path)[1]["ETag"]
        ours["list 304"] = [list_path]
        plan = {name: ({"If-None-Match": etag} if name == "list 304" else {}) for name in ours}
        runs: dict[str, dict[str, list]] = {name: {"ours": [], "theirs": []} for name in ours}
        for _ in range(REPEATS["n"]):
            for name, headers in plan.items():
                wait_idle(busy)
                runs[name]["ours"].append(measure(server.port, ours[name], seconds, headers))
                if port and name in theirs:
                    paths = [p.replace("{actor}", actor) for p in theirs[name]]
                    wait_idle(busy)
                    runs[name]["theirs"].append(measure(port, paths, seconds))
        wait_idle(busy)
        mine = {name: median_run(r["ours"]) for name, r in runs.items()}
        pids = worker_pids(server.process.pid)
        mine["export"] = export(server.port, "/api/v1/events?format=ndjson", pids)
        if not port:
            return mine, None
        other = {name: median_run(r["theirs"]) for name, r in runs.items() if r["theirs"]}
        other["list 304"] = other["list"]  # Datasette sends no validators for table JSON
        wait_idle(busy)
        other["export"] = export(port, "/bench/events.csv?_stream=on&_size=max", [])
        return mine, other
    finally:
        stack.close()
        server.stop()


def ingest_figures() -> dict:
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "ingest.py")], capture_output=True, text=True
    )
    print(out.stdout.strip())
    rates = dict(re.findall(r"^(\d+) process\(es\): .*= ([\d.]+) articles/s", out.stdout, re.M))
    one = float(rates.get("1", 0))
    many = max((float(v) for k, v in rates.items() if k != "1"), default=0)
    return {"one": one, "all": many, "speedup": many / one if one else 0.0}


def table(title: str, rows: list[list[str]]) -> None:
    print(f"\n{title}")
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        print(
            "  ".join(
                cell.ljust(w) if i == 0 else cell.rjust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            )
        )


def _rps(figures: dict) -> str:
    """Requests/s; ``*``: wrk saw no answer in time, so the stdlib driver measured them."""
    rps = figures["rps"]
    text = f"{rps:.0f}" if rps >= 10 else f"{rps:.2f}"
    return text + ("*" if CLIENT["name"] == "wrk" and figures.get("driver") == "python" else "")


def _spread(figures: dict) -> str:
    """The lowest and highest requests/s of the runs (the median one is shown)."""
    lo, hi = figures.get("spread", (figures["rps"], figures["rps"]))
    return f"{lo:.0f}-{hi:.0f}" if hi >= 10 else f"{lo:.2f}-{hi:.2f}"


def print_size(n: int, ours: dict, theirs: dict | None, label: str = "sqlite") -> None:
    head = ["query", "rps", "range", "p50 ms", "p99 ms", "statuses"]
    if theirs:
        head += ["datasette rps", "range", "p50 ms", "p99 ms", "ours/datasette"]
    rows = [head]
    for q in QUERIES:
        o = ours[q]
        row = [q, _rps(o), _spread(o), f"{o['p50']:.1f}", f"{o['p99']:.1f}", str(o["statuses"])]
        if theirs:
            t = theirs[q]
            row += [
                _rps(t),
                _spread(t),
                f"{t['p50']:.1f}",
                f"{t['p99']:.1f}",
                f"{o['rps'] / t['rps']:.1f}x" if t["rps"] else "-",
            ]
        rows.append(row)
    how = "wrk, kept-alive" if CLIENT["name"] == "wrk" else "python, one per request"
    runs = f"median of {REPEATS['n']} runs, ours and Datasette in turn"
    table(f"{n} events ({label}), {CONNECTIONS} connections ({how}; {runs})", rows)
    e = ours["export"]
    print(
        f"  NDJSON export: {e['lines']} lines, {e['mb']:.0f} MB in {e['seconds']:.1f} s = "
        f"{e['rows_per_s']:.0f} rows/s, worker RSS growth {e['rss_growth_mb']:.1f} MB"
        + (f"; CUT: {e['error']}" if e["error"] else "")
    )
    if theirs:
        t = theirs["export"]
        ratio = e["rows_per_s"] / max(t["rows_per_s"], 1)
        print(
            f"  Datasette CSV stream: {t['lines']} lines in {t['seconds']:.1f} s = "
            f"{t['rows_per_s']:.0f} rows/s (ours/datasette {ratio:.1f}x)"
        )


#: The queries compared with Datasette (issue 15: each >= 3x at 100k and 1M events).
COMPARED = ("list", "window", "actor", "fulltext", "item")


def targets(res: dict, ds: dict, ingest: dict | None, pg: dict) -> None:
    """Issue 15's table (and issue 7's remaining rows), each figure PASS or MISS."""
    rows = [["figure", "target", "measured", ""]]

    def add(figure: str, target: str, measured: str, ok: bool | None) -> None:
        rows.append([figure, target, measured, "n/a" if ok is None else "PASS" if ok else "MISS"])

    sizes = sorted(res)
    top, small = max(sizes), min(sizes)
    for q in COMPARED:
        ratios = [
            (n, res[n][q]["rps"] / max(ds[n][q]["rps"], 1e-9))
            for n in sizes
            if n >= 100_000 and n in ds and q in ds[n]
        ]
        add(
            f"{q} at 100k and 1M, ours/Datasette",
            ">= 3x",
            " ".join(f"{n // 1000}k:{r:.1f}x" for n, r in ratios) or "-",
            min(r for _, r in ratios) >= 3 if ratios else None,
        )
    r304 = res[top]["list 304"]["rps"] / res[top]["list"]["rps"]
    add(f"304 / full answer of the list ({top})", ">= 3x", f"{r304:.1f}x", r304 >= 3)
    rps304 = res[top]["list 304"]["rps"]
    add(f"304 requests/s ({top})", ">= 2500", f"{rps304:.0f}", rps304 >= 2500)
    p99 = max(res[top][q]["p99"] for q in ("list", "window"))
    add(
        f"p99 of list and window at {top}, {CONNECTIONS} conns",
        "<= 50 ms",
        f"{p99:.0f} ms",
        p99 <= 50,
    )
    for n in sizes:
        if n < 100_000:
            continue
        lo, hi = res[n]["list"].get("spread", (res[n]["list"]["rps"],) * 2)
        median = res[n]["list"]["rps"]
        worst = max(median - lo, hi - median) / median
        add(
            f"run-to-run range of the list ({n}, {REPEATS['n']} runs)",
            "within +-20 % of the median",
            f"{lo:.0f}-{hi:.0f} around {median:.0f} (+-{worst * 100:.0f} %)",
            worst <= 0.2 if REPEATS["n"] >= 3 else None,
        )
    e = res[top]["export"]
    theirs = ds.get(top, {}).get("export")
    ratio = e["rows_per_s"] / max(theirs["rows_per_s"], 1) if theirs else None
    add(
        f"NDJSON export rows/s / Datasette CSV ({top})",
        ">= 1.0x",
        "-"
        if ratio is None
        else f"{e['rows_per_s']:.0f}/{theirs['rows_per_s']:.0f} = {ratio:.2f}x",
        None if ratio is None else ratio >= 1.0,
    )
    ok = e["status"] == 200 and not e["error"] and e["lines"] >= top and e["rss_growth_mb"] < 50
    add(
        f"NDJSON export of {top}: worker RSS growth",
        "< 50 MB",
        f"{e['rss_growth_mb']:.1f} MB ({e['lines']} lines)",
        ok,
    )
    scale = res[top]["window"]["rps"] / res[small]["window"]["rps"]
    add(
        f"window rps {top} / {small}",
        ">= 0.8",
        f"{scale:.2f}",
        scale >= 0.8 if top > small else None,
    )
    if ingest:
        add("ingest, one process", ">= 5 art/s", f"{ingest['one']:.1f}/s", ingest["one"] >= 5)
        add(
            "ingest all cores / one",
            ">= 1.7x",
            f"{ingest['speedup']:.2f}x",
            ingest["speedup"] >= 1.7,
        )
    for n, figures in pg.items():
        # Issue 22: PostgreSQL keeps up (issue 7 asked 0.7 of SQLite's list).
        ratio = figures["list"]["rps"] / res[n]["list"]["rps"] if n in res else None
        add(
            f"PostgreSQL / SQLite list rps ({n})",
            ">= 0.8",
            "-"
            if ratio is None
            else f"{figures['list']['rps']:.0f}/{res[n]['list']['rps']:.0f} = {ratio:.2f}",
            None if ratio is None else ratio >= 0.8,
        )
        theirs = ds.get(n, {}).get("fulltext")
        ratio = figures["fulltext"]["rps"] / max(theirs["rps"], 1e-9) if theirs else None
        add(
            f"PostgreSQL full text / Datasette rps ({n})",
            ">= 3x",
            "-"
            if ratio is None
            else f"{figures['fulltext']['rps']:.0f}/{theirs['rps']:.0f} = {ratio:.1f}x",
            None if ratio is None else ratio >= 3,
        )
    table("Targets (issue 15; issue 7's other rows; issue 22's PostgreSQL rows)", rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--drive", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--seconds", type=float, default=2, help="per query and run (1-60)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per query (median kept)")
    parser.add_argument("--database-url", help="also run the suite on this PostgreSQL server")
    parser.add_argument("--pg-sizes", default="100000")
    parser.add_argument("--no-datasette", action="store_true")
    parser.add_argument("--no-ingest", action="store_true")
    parser.add_argument("--out", type=Path, help="where generated databases are cached")
    parser.add_argument(
        "--client",
        choices=["auto", "wrk", "python"],
        default="auto",
        help="load generator (auto: wrk when installed, else python)",
    )
    args = parser.parse_args(argv)
    if args.client == "wrk" and not WRK:
        parser.error("wrk is not installed (make bench installs it: apt-get install wrk)")
    if args.client != "auto":
        CLIENT["name"] = args.client
    if args.out:
        generate.OUT = args.out
    if args.drive:
        spec = json.loads(args.drive)
        print(
            json.dumps(
                drive(spec["port"], spec["paths"], spec["headers"], spec["seconds"], CONNECTIONS)
            )
        )
        return 0
    seconds = min(max(args.seconds, 1), 60)
    REPEATS["n"] = max(1, args.repeat)
    sizes = [int(s) for s in args.sizes.split(",")]
    here = str(Path(sys.executable).parent)
    use_datasette = not args.no_datasette and shutil.which("datasette", path=here)
    if not args.no_datasette and not use_datasette:
        print("datasette is not installed (pip install -e '.[bench]'): skipping the comparison")
    started = time.monotonic()
    results, theirs, pg = {}, {}, {}
    with tempfile.TemporaryDirectory(prefix="timeline-read-") as tmp:
        for n in sizes:
            db = generate.ensure_sqlite(n)
            key, _name = pick_actor(db)
            folder = Path(tmp) / str(n)
            folder.mkdir()
            results[n], other = run_pair(
                f"sqlite:///{db}", n, db, key, seconds, folder, bool(use_datasette)
            )
            if other:
                theirs[n] = other
            print_size(n, results[n], theirs.get(n))
        if args.database_url:
            for n in [int(s) for s in args.pg_sizes.split(",")]:
                url = generate.ensure_postgres(n, args.database_url)
                key, _ = pick_actor(generate.ensure_sqlite(n))
                folder = Path(tmp) / f"pg{n}"
                folder.mkdir()
                pg[n] = run_ours(url, n, None, key, seconds, folder)
                print_size(n, pg[n], None, "postgresql")
    ingest = None if args.no_ingest else ingest_figures()
    targets(results, theirs, ingest, pg)
    print(f"\nwhole run: {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
