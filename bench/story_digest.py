"""The story digest re-scored on the stores a story_eval run kept: no ingest (issue 21).

    python bench/story_digest.py --kept DIR [--topics MJ,haiti,H1N1] [--reweigh] [--q]

``DIR`` is the ``--workdir`` of a ``story_eval.py ... --keep-db`` run (``make bench-story
BENCH_ARGS="--keep-db --workdir DIR"``): one SQLite store per topic, ``DIR/<topic>/
timeline.sqlite3``. Each is copied to a temporary folder (the kept one is never written),
reweighed by this checkout's code with ``--reweigh`` (``importance.reweigh`` of every event: a
change to importance.py measured without ingesting again; without it the weights stored at
ingest stay), and asked the digest in this process as story_eval asks ``GET /digest``: the gold
timeline's span, ``dates`` = its number of dates, ``per_date`` = its mean sentences a date, ``q``
the topic's keywords joined by OR with ``--q``. The timelines are scored by story_eval's own
Scorer (tilse) in the venv story_eval made for it (``T17_TILSE_VENV``, default
``/tmp/story-eval-venv``), and printed per timeline and averaged as story_eval averages them.

A change to the digest or to importance is measured in a minute or two, beside the 25 of a run
that ingests the three stories again; the figure to report stays story_eval's (it also asks
the server, and ingests with the code measured).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _shared import shared_dir  # noqa: E402

#: story_eval's default venv holding tilse.
TILSE_VENV = Path(os.environ.get("T17_TILSE_VENV", "/tmp/story-eval-venv"))
#: Run in the tilse venv: scores the predictions file named by argv[2] with story_eval's Scorer.
SCORE = """
import datetime as dt, json, sys
sys.path.insert(0, sys.argv[1])
import story_eval as se
scorer, rows = se.Scorer(), []
for name, t in json.load(open(sys.argv[2])).items():
    day = dt.date.fromisoformat
    pred, gold = ({day(d): s for d, s in t[k].items()} for k in ("pred", "gold"))
    r = scorer.score(pred, gold)
    rows.append(r)
    print(f"  {name:<34} date F1 {r['date']['f_score']:.3f}  AR1 {r['rouge_1']['f_score']:.3f}"
          f"  AR2 {r['rouge_2']['f_score']:.3f}")
a = se.average(rows)
print(f"  {'mean (news-tls style)':<34} date F1 {a['date']['f_score']:.3f}  "
      f"AR1 {a['rouge_1']['f_score']:.3f}  AR2 {a['rouge_2']['f_score']:.3f}")
"""


def predictions(kept: Path, data: Path, topics: list[str], reweigh: bool, q: bool, work: Path):
    """Each gold timeline's digest, ``{"topic/name": {"pred": {day: [sentence]}, "gold": ...}}``."""
    from service.read.digest import digest
    from service.storage.connection import database, make_database
    from service.storage.models import Event
    from service.storage.writes import write_transaction
    from service.write import importance

    out = {}
    for topic in topics:
        source = kept / topic / "timeline.sqlite3"
        if not source.exists():
            raise SystemExit(f"{source}: no kept store (run story_eval with --keep-db)")
        copy = work / f"{topic}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            if Path(f"{source}{suffix}").exists():
                shutil.copy(f"{source}{suffix}", f"{copy}{suffix}")
        database.initialize(make_database(f"sqlite:///{copy}"))
        if reweigh:
            with write_transaction():
                importance.reweigh([i for (i,) in Event.select(Event.id).tuples()])
        keywords = json.loads((data / topic / "keywords.json").read_text())
        for timeline in json.loads((data / topic / "timelines.json").read_text()):
            gold = dict(timeline["dates"])  # as story_eval reads it
            per_date = round(sum(len(s) for s in gold.values()) / len(gold))
            args = {
                "from_": dt.date.fromisoformat(min(gold)),
                "to": dt.date.fromisoformat(max(gold)),
                "dates": len(gold),
                "per_date": per_date,
                "precision": "day",
            }
            if q:
                args["q"] = " OR ".join(keywords)
            pred = {
                d.date.isoformat(): [(e.summary or "").strip() for e in d.events][:per_date]
                for d in digest(args)
            }
            out[f"{topic}/{timeline['name']}"] = {"pred": pred, "gold": gold}
        database.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kept", type=Path, required=True, help="story_eval's --workdir")
    ap.add_argument("--topics", default="MJ,haiti,H1N1")
    ap.add_argument("--data", type=Path, default=shared_dir() / "data" / "t17-dev")
    ap.add_argument("--reweigh", action="store_true", help="reweigh every event with this code")
    ap.add_argument("--q", action="store_true", help="q = the topic's keywords (service+q)")
    a = ap.parse_args()
    python = TILSE_VENV / "bin" / "python"
    if not python.exists():
        raise SystemExit(f"{python}: no tilse venv (story_eval makes it on its first run)")
    with tempfile.TemporaryDirectory(prefix="story-digest-") as tmp:
        work = Path(tmp)
        preds = predictions(a.kept, a.data, a.topics.split(","), a.reweigh, a.q, work)
        path = work / "predictions.json"
        path.write_text(json.dumps(preds))
        evaluator = shared_dir() / "eval" / "story"
        print(f"digest{' +q' if a.q else ''}{', reweighed' if a.reweigh else ''} on {a.kept}:")
        return subprocess.run([str(python), "-c", SCORE, str(evaluator), str(path)]).returncode


if __name__ == "__main__":
    sys.exit(main())
