"""bench/events.py: the event-anchoring benchmark runs on a few TimeBank documents, and its
scoring gives a perfect extractor full marks and an empty one none."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "bench" / "events.py"
spec = importlib.util.spec_from_file_location("bench_events", SCRIPT)
bench = sys.modules.setdefault("bench_events", importlib.util.module_from_spec(spec))
spec.loader.exec_module(bench)
RATIOS = [key for _, key in bench.ROWS if key not in ("events_per_article", "docs_per_second")]

if not bench.DEFAULT_DATA.is_dir():  # pragma: no cover - the shared corpus is always there
    pytest.skip(f"no corpus at {bench.DEFAULT_DATA}", allow_module_level=True)


@pytest.mark.parametrize(
    ("value", "interval"),
    [
        ("1998-01-08", ("1998-01-08", "1998-01-08")),
        ("1998-01-08T10:30", ("1998-01-08", "1998-01-08")),
        ("1998-02", ("1998-02-01", "1998-02-28")),
        ("1998-W02", ("1998-01-05", "1998-01-11")),
        ("1998-Q3", ("1998-07-01", "1998-09-30")),
        ("1998-H1", ("1998-01-01", "1998-06-30")),
        ("1998-WI", ("1998-12-01", "1999-02-28")),
        ("1998", ("1998-01-01", "1998-12-31")),
        ("199", ("1990-01-01", "1999-12-31")),
        ("19", ("1900-01-01", "1999-12-31")),
        ("PAST_REF", None),
        ("XXXX-03", None),
        ("P1W", None),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_timex_interval(value, interval):
    expected = interval and tuple(dt.date.fromisoformat(d) for d in interval)
    assert bench.timex_interval(value) == expected


def _event(start, end, first, last, precision="day", basis="expression"):
    date = SimpleNamespace(start=first, end=last, precision=precision, basis=basis)
    return SimpleNamespace(mentions=(SimpleNamespace(start=start, end=end),), date=date)


def test_score_of_a_perfect_an_empty_and_an_undated_extractor():
    docs = bench.load_documents(limit=3)
    gold = {doc.text: doc for doc in docs}

    def perfect(text, published_at):
        dated = [g for g in gold[text].events if g.anchors]
        return [_event(g.start, g.end, *g.anchors[0][0]) for g in dated]

    def undated(text, published_at):
        return [
            _event(g.start, g.end, None, published_at, "unknown", "publication")
            for g in gold[text].events
        ]

    best = bench.score(perfect, docs)
    assert best["dated_gold_events"] > 0
    assert best["anchoring_recall"] == best["anchoring_recall_loose"] == 1.0
    assert best["precision_covering"] == best["precision_agreeing"] == 1.0
    assert 0 < best["event_recall"] < 1  # only the dated gold EVENTs were produced
    none = bench.score(lambda text, published_at: [], docs)
    assert none["anchoring_recall"] == none["precision_covering"] == none["our_events"] == 0
    flat = bench.score(undated, docs)
    assert flat["precision_covering"] == 1.0 and flat["share_publication"] == 1.0
    assert flat["event_recall"] == 1.0
    assert all(row["recall"] == 1.0 for row in flat["event_recall_by_class"].values())
    assert flat["anchoring_recall_loose"] == flat["precision_agreeing"] == flat["share_day"] == 0


def test_the_script_prints_figures_for_three_documents(capsys):
    command = [sys.executable, str(SCRIPT), "--limit", "3"]
    run = subprocess.run(command + ["--json"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(run.stdout)
    assert result["documents"] == 3 and result["docs_per_second"] > 0
    assert all(0.0 <= result[key] <= 1.0 for key in RATIOS), result
    classes = result["event_recall_by_class"]
    assert sum(row["gold"] for row in classes.values()) == result["gold_events"]
    assert all(0.0 <= row["recall"] <= 1.0 for row in classes.values())
    # The table, read in this process (the model is loaded once; the script ran above)
    assert bench.main(["--limit", "3"]) == 0
    assert "anchoring recall" in capsys.readouterr().out
