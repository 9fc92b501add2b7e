"""Cross-article merges of a stored timeline database, to count and to read (issue 21); and the
matching rule scored on labelled pairs of reports.

    python bench/merges.py DB [--read N] [--seed S] [--against OTHER_DB]
    python bench/merges.py --score [FIXTURE]       # precision/recall on labelled pairs
    python bench/merges.py --collect ARTICLES.jsonl --days D1,D2 --out PAIRS.json

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
import json
import random
import sqlite3
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: Pairs of reports from two articles that the matcher weighs (same type, dates a day apart,
#: a shared participant), each labelled by reading: one happening or two.
FIXTURE = ROOT / "fixtures" / "merges" / "pairs.json"

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


def report_json(report, event) -> dict:
    """A report as the fixture holds it (``matching.Report`` and the event's date, type)."""
    d = event.date
    return {
        "sentences": list(report.sentences),
        "triggers": list(report.triggers),
        "names": list(report.names),
        "basis": report.basis,
        "title": report.title,
        "type": event.type,
        "date": [d.start and d.start.isoformat(), d.end and d.end.isoformat(), d.precision],
    }


def collect(articles: str, days: list[str], out: str) -> None:
    """Ingest the articles of ``days`` (in publication order, into a temporary SQLite file)
    and write every pair the matcher weighed: the new report, the stored one, its verdict."""
    from service import create_app
    from service.storage.connection import database
    from service.storage.schema import create_tables
    from service.write import bulk, matching, pipeline, sources

    found = []
    real = pipeline.candidates

    def logged(item, skip=frozenset()):
        mine = matching.Report.of(item)
        for row, reports in real(item, skip):
            extracted = pipeline.as_extracted(row)
            for stored in reports:
                found.append(
                    {
                        "new": report_json(mine, item),
                        "stored": report_json(stored, extracted),
                        "merged": matching.same_deed(mine, stored),
                    }
                )
            yield row, reports

    pipeline.candidates = logged
    records = [json.loads(line) for line in Path(articles).read_text().splitlines()]
    records = sorted(
        (r for r in records if r["published_at"][:10] in days), key=lambda r: r["published_at"]
    )
    path = Path(tempfile.mkdtemp()) / "pairs.jsonl"
    path.write_text(
        "".join(json.dumps({k: v for k, v in r.items() if k != "id"}) + "\n" for r in records)
    )
    url = f"sqlite:///{path.parent}/merges.sqlite3"
    app = create_app({"DATABASE_URL": url})
    with app.app_context():
        create_tables()
        with database.connection_context():
            bulk.ingest_records(
                list(sources.read_files([path])), app.config["MAX_ARTICLE_CHARS"], jobs=1
            )
    Path(out).write_text(json.dumps(found, indent=1, ensure_ascii=False) + "\n")
    print(f"{len(records)} articles, {len(found)} pairs weighed -> {out}; database {url}")


def as_report(told: dict):
    from service.write import matching

    return matching.Report(
        tuple(told["sentences"]),
        tuple(told["triggers"]),
        tuple(told["names"]),
        told["basis"],
        told["title"],
    )


def score(fixture: Path, show: bool = False) -> dict[str, float]:
    """The matcher's precision and recall on the labelled pairs of ``fixture``, in all and
    by story."""
    from service.write import matching

    pairs = json.loads(fixture.read_text())
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # tp, fp, fn, tn
    for pair in pairs:
        said = matching.same_deed(as_report(pair["new"]), as_report(pair["stored"]))
        one = pair["one"]
        cell = (0 if one else 1) if said else (2 if one else 3)
        for story in ("all", pair.get("story", "?")):
            counts[story][cell] += 1
        if show and said != one:
            kind = "wrong merge" if said else "missed"
            print(f"{kind}: {pair['new']['sentences'][0][:140]}")
            print(f"    {' ' * len(kind)}{pair['stored']['sentences'][0][:140]}")
    figures = {}
    for story, (tp, fp, fn, tn) in sorted(counts.items(), key=lambda kv: kv[0] != "all"):
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        print(
            f"{story:6s} pairs {tp + fp + fn + tn} (one happening {tp + fn}, two {fp + tn}): "
            f"merged right {tp}, wrong merges {fp}, missed {fn}; "
            f"precision {precision:.3f} recall {recall:.3f}"
        )
        figures[story] = {"precision": precision, "recall": recall, "wrong": fp, "missed": fn}
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db", nargs="?")
    parser.add_argument("--read", type=int, default=0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--against")
    parser.add_argument("--score", nargs="?", const=str(FIXTURE), metavar="FIXTURE")
    parser.add_argument("--show", action="store_true", help="with --score: print the errors")
    parser.add_argument("--collect", metavar="ARTICLES_JSONL")
    parser.add_argument("--days", default="")
    parser.add_argument("--out")
    args = parser.parse_args()
    if args.score:
        score(Path(args.score), args.show)
        return
    if args.collect:
        collect(args.collect, args.days.split(","), args.out)
        return
    if not args.db:
        parser.error("a database, --score or --collect")
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
