"""Export benchmark (issue 15): the service's streamed exports against Datasette's CSV stream.

    .venv/bin/python bench/export.py                       # 100k events
    .venv/bin/python bench/export.py --sizes 100000,1000000
    .venv/bin/python bench/export.py --profile 100000      # in-process profile, no servers

For each size the database from bench/generate.py (cached in bench/out/) is served by
`timeline serve --workers 2` and by Datasette on its flat copy, side by side, as bench/read.py
serves them (see bench/README.md for what is fair). Each export is streamed alone by one client
that counts lines, while the service's workers' RSS is sampled from /proc: our NDJSON
(`/api/v1/events?format=ndjson`), our CSV (`?format=csv`), then Datasette's CSV stream
(`/bench/events.csv?_stream=on&_size=max`). Rows/s are lines/s (Datasette's and our CSV count
their header line too). The ratio is our NDJSON rows/s over Datasette's, from the same run.

``--profile N`` streams the NDJSON export of N events through the Flask test client under
cProfile, in this process, and prints the functions that cost the most (own time and
cumulative time).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import generate  # noqa: E402
import read  # noqa: E402
from load import Server  # noqa: E402

OURS = {"ndjson": "/api/v1/events?format=ndjson", "csv": "/api/v1/events?format=csv"}
THEIRS = "/bench/events.csv?_stream=on&_size=max"


def database(n: int) -> Path:
    """The cached file of ``n`` events; never a second generation over one under way."""
    path = generate.sqlite_path(n)
    if not path.exists() and path.with_suffix(".partial").exists():
        sys.exit(f"{path.with_suffix('.partial')} is being generated: run again when it is done")
    return generate.ensure_sqlite(n)


def run(n: int, folder: Path) -> dict:
    """Both servers up side by side; each export streamed alone, the others idle."""
    db = database(n)
    server = Server(read.serve_env(f"sqlite:///{db}"), folder, workers=2).start(timeout=300)
    try:
        with read.datasette(read.flat_copy(db), folder) as (port, ds_pid):
            workers = read.worker_pids(server.process.pid)
            busy = [*workers, ds_pid]
            figures = {}
            for name, path, pids in (
                *((k, v, workers) for k, v in OURS.items()),
                ("datasette", THEIRS, [ds_pid]),
            ):
                read.wait_idle(busy)
                ticks = read.cpu_ticks(pids)
                figures[name] = read.export(
                    port if name == "datasette" else server.port, path, pids
                )
                figures[name]["cpu_s"] = (read.cpu_ticks(pids) - ticks) / os.sysconf("SC_CLK_TCK")
            return figures
    finally:
        server.stop()


def report(n: int, figures: dict) -> None:
    theirs = figures["datasette"]["rows_per_s"]
    print(f"\n{n} events (sqlite; timeline serve --workers 2, Datasette on its flat copy)")
    head = f"  {'export':<16}{'status':>7}{'lines':>10}{'MB':>6}{'s':>7}{'rows/s':>9}{'RSS +MB':>9}"
    print(head + f"{'CPU s':>7}")
    for name, label in (
        ("ndjson", "ours NDJSON"),
        ("csv", "ours CSV"),
        ("datasette", "Datasette CSV"),
    ):
        e = figures[name]
        print(
            f"  {label:<16}{e['status']:>7}{e['lines']:>10}{e['mb']:>6.0f}{e['seconds']:>7.1f}"
            f"{e['rows_per_s']:>9.0f}{e['rss_growth_mb']:>9.1f}{e['cpu_s']:>7.1f}"
            + (f"  CUT: {e['error']}" if e["error"] else "")
        )
    ndjson, csv = figures["ndjson"]["rows_per_s"], figures["csv"]["rows_per_s"]
    print(
        f"  ours/Datasette: NDJSON {ndjson / theirs:.2f}x, CSV {csv / theirs:.2f}x"
        " (RSS +MB: the largest growth of one of our workers, or of Datasette's process;"
        " CPU s: the server's processes' CPU time during the export)"
    )


def profile(n: int, fmt: str, top: int) -> None:
    """The export streamed whole through the Flask test client under cProfile."""
    db = database(n)
    os.environ.update(read.serve_env(f"sqlite:///{db}"))
    from service import create_app

    app = create_app()
    client = app.test_client()
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    response = client.get(OURS[fmt], buffered=False)
    lines = sum(chunk.count(b"\n") for chunk in response.response)
    response.close()
    profiler.disable()
    elapsed = time.perf_counter() - started
    print(f"{fmt} export of {n} events in-process: {lines} lines in {elapsed:.1f} s (profiled)")
    stats = pstats.Stats(profiler)
    for key in ("tottime", "cumulative"):
        print(f"\n-- top {top} by {key}")
        stats.sort_stats(key).print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000", help="comma-separated: 100000,1000000")
    parser.add_argument("--profile", type=int, metavar="N", help="profile the export of N events")
    parser.add_argument("--format", default="ndjson", choices=sorted(OURS), help="for --profile")
    parser.add_argument("--top", type=int, default=25, help="rows of the profile shown")
    args = parser.parse_args(argv)
    if args.profile:
        profile(args.profile, args.format, args.top)
        return 0
    with tempfile.TemporaryDirectory(prefix="timeline-export-") as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            folder = Path(tmp) / str(n)
            folder.mkdir()
            report(n, run(n, folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
