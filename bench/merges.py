"""Cross-article merges of a stored timeline database, to count and to read (issue 21).

    python bench/merges.py DB [--read N] [--seed S] [--against OTHER_DB]

``DB`` is a SQLite file the service wrote (``story_eval.py --keep-db`` keeps one per topic).
Figures: events; events told by two articles or more ("merges"); of those, how many share one
sentence word for word in all their articles (copies: one wire story reprinted) and how many
do not (the merges a matching rule decided). ``--read N`` prints N of the non-copy merges,
drawn with ``--seed``, one sentence per article, to be judged by eye (one happening or
several). ``--against`` compares with another database of the same articles (a "before"):
the pairs of mentions from two articles told as one event in one database and not in the
other, with ``--read`` of each side.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
from collections import defaultdict

Mentions = dict[int, dict[int, list[str]]]


def mentions(path: str) -> Mentions:
    """Each event's sentences, by article."""
    found: Mentions = defaultdict(lambda: defaultdict(list))
    with sqlite3.connect(path) as db:
        for event, article, sentence in db.execute(
            "SELECT event_id, article_id, sentence FROM mention ORDER BY id"
        ):
            found[event][article].append(sentence.strip())
    return found


def merges(found: Mentions) -> tuple[list[int], list[int]]:
    """The events told by two articles or more: copies (a sentence shared word for word by all
    their articles) and the others."""
    copies, others = [], []
    for event, by_article in sorted(found.items()):
        if len(by_article) < 2:
            continue
        shared = set.intersection(*(set(s) for s in by_article.values()))
        (copies if shared else others).append(event)
    return copies, others


def pairs(found: Mentions) -> set[tuple[tuple[int, str], tuple[int, str]]]:
    """The pairs of (article, sentence) from two articles told as one event."""
    out = set()
    for by_article in found.values():
        told = {(a, s) for a, sentences in by_article.items() for s in sentences}
        out |= {(x, y) for x in told for y in told if x[0] < y[0]}
    return out


def show(found: Mentions, events: list[int], n: int, seed: int) -> None:
    for event in random.Random(seed).sample(events, min(n, len(events))):
        print(f"\n  event {event}")
        for article, sentences in list(found[event].items())[:5]:
            print(f"    [{article}] {sentences[0][:160]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db")
    parser.add_argument("--read", type=int, default=0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--against")
    args = parser.parse_args()
    found = mentions(args.db)
    copies, others = merges(found)
    print(
        f"events {len(found)}  told by >= 2 articles {len(copies) + len(others)}"
        f"  (copies {len(copies)}, others {len(others)})"
    )
    if args.read:
        show(found, others, args.read, args.seed)
    if args.against:
        before = pairs(mentions(args.against))
        after = pairs(found)
        print(f"\nmention pairs told as one: {len(after)} here, {len(before)} in {args.against}")
        for name, extra in (("only here", after - before), ("only there", before - after)):
            print(f"{name}: {len(extra)}")
            rng = random.Random(args.seed)
            for x, y in rng.sample(sorted(extra), min(args.read, len(extra))):
                print(f"    [{x[0]}] {x[1][:150]}\n    [{y[0]}] {y[1][:150]}\n")


if __name__ == "__main__":
    main()
