"""Issue 22's two PostgreSQL read ratios measured in pairs, for a loaded machine.

    .venv/bin/python bench/pg_pairs.py --database-url postgresql://postgres@127.0.0.1:5432/postgres

`bench/read.py` measures PostgreSQL minutes after SQLite and Datasette, so on a shared machine
its "PostgreSQL / SQLite list" and "PostgreSQL full text / Datasette" rows compare different
moments. Here the SQLite and PostgreSQL services (`timeline serve --workers 2` each) and
Datasette are up at once on the same 100k events (bench/generate.py's cached databases), and
each ratio's two sides are measured back to back, in alternating order, for --rounds rounds;
each round's ratios and their medians are printed.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # noqa: E402
import read  # noqa: E402
from load import Server  # noqa: E402

PAIRS = (("list pg", "list sqlite"), ("fulltext pg", "fulltext datasette"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True, help="a PostgreSQL server")
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=3)
    args = parser.parse_args(argv)
    n = args.size
    db = generate.ensure_sqlite(n)
    pg_url = generate.ensure_postgres(n, args.database_url)
    with (
        tempfile.TemporaryDirectory(prefix="timeline-pairs-") as tmp,
        contextlib.ExitStack() as stack,
    ):
        folders = {k: Path(tmp) / k for k in ("sqlite", "pg", "datasette")}
        for folder in folders.values():
            folder.mkdir()
        lite = Server(read.serve_env(f"sqlite:///{db}"), folders["sqlite"], workers=2)
        stack.callback(lite.start(timeout=300).stop)
        pg = Server(read.serve_env(pg_url), folders["pg"], workers=2)
        stack.callback(pg.start(timeout=300).stop)
        ds_port, ds_pid = stack.enter_context(
            read.datasette(read.flat_copy(db), folders["datasette"])
        )
        busy = read.worker_pids(lite.process.pid) + read.worker_pids(pg.process.pid) + [ds_pid]
        ours, theirs = read.our_paths(n, db, ""), read.datasette_paths(n)
        legs = {
            "list sqlite": (lite.port, ours["list"]),
            "list pg": (pg.port, ours["list"]),
            "fulltext pg": (pg.port, ours["fulltext"]),
            "fulltext datasette": (ds_port, theirs["fulltext"]),
        }
        ratios: dict[str, list[float]] = {a: [] for a, _ in PAIRS}
        for r in range(args.rounds):
            cells = []
            for a, b in PAIRS:
                got = {}
                for leg in (a, b) if r % 2 == 0 else (b, a):
                    read.wait_idle(busy)
                    got[leg] = read.measure(*legs[leg], args.seconds)["rps"]
                ratios[a].append(got[a] / max(got[b], 1e-9))
                cells.append(f"{a} {got[a]:.0f} / {b} {got[b]:.0f} = {ratios[a][-1]:.2f}")
            print(f"round {r + 1}: " + "; ".join(cells), flush=True)
    for (a, b), target in zip(PAIRS, (0.8, 3.0), strict=True):
        values = ratios[a]
        median = statistics.median(values)
        verdict = "PASS" if median >= target else "MISS"
        print(
            f"{a} / {b}: median {median:.2f} (rounds {min(values):.2f}-{max(values):.2f}), "
            f"target >= {target}: {verdict}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
