"""What hostile texts cost to read (issue 23, attacks 3 and 4): CPU seconds of
``pipeline.extract_events`` (the article path) and ``temporal.annotate`` (the /annotate path) at
two lengths, and the ratio: 4 times the text costs about 4 times the time when the cost is
linear, 16 times when it grows with its square.

    .venv/bin/python bench/costly.py            # as the service reads them (bounded)
    .venv/bin/python bench/costly.py --raw      # the same texts as they were read before
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service import temporal  # noqa: E402
from service.write import bounds, pipeline  # noqa: E402

SHAPES = {
    ")": lambda n: ")" * n,
    "( )": lambda n: "(" * (n // 2) + ")" * (n // 2),
    "_": lambda n: "_" * n,
    "spaces": lambda n: "a" + " " * n + "b.",
    "2021-": lambda n: "2021-" * (n // 5),
    "news": lambda n: "The minister said on Monday that talks would resume. " * (n // 52),
}
DAY = dt.date(2024, 1, 1)


def cpu(read, text: str) -> float:
    started = time.thread_time()
    read(text)
    return time.thread_time() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--raw", action="store_true", help="read the texts unbounded")
    parser.add_argument("--sizes", default="2000,8000")
    args = parser.parse_args(argv)
    small, large = (int(s) for s in args.sizes.split(","))
    prepare = (lambda t: t) if args.raw else bounds.bounded
    readers = {
        "article": lambda t: pipeline.extract_events(prepare(t), DAY),
        "annotate": lambda t: temporal.annotate(prepare(t), DAY),
    }
    if args.raw:  # extract_events bounds the text itself: read it without
        from service import events

        readers["article"] = lambda t: events.extract(t, DAY, None)
    cpu(readers["article"], "Warm up on Monday.")
    print(f"{'raw' if args.raw else 'bounded'} texts, CPU seconds (thread time)")
    print(f"{'path':<9} {'text':<7} {small:>8} {large:>8}  ratio (x{large // small} text)")
    for path, read in readers.items():
        for name, make in SHAPES.items():
            a, b = cpu(read, make(small)), cpu(read, make(large))
            print(f"{path:<9} {name:<7} {a:>8.3f} {b:>8.3f}  {b / a if a else float('nan'):.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
