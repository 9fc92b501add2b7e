"""Learn the actor filter (``service/data/actors.json``) from the real-news sets' gold.

    python scripts/learn_actors.py [--dump FILE]        (make learn)

Every actor the rules attach to an event (``extract.described``, before the keep decision)
matched to a gold event of a training set (``bench.realnews.TRAINING_SETS``; the held-back
sets are never read) is an example: 1 when it folds to one of the gold event's participants
(``bench.realnews.actor_names``: fold and the gold's alias table), else 0. Its features are
``service.events.actorfilter.features``. Regularisation and threshold are chosen leave-one-set-out
(train on all the training sets but one, filter that one's key events): the pair with the
highest mean actor F1; the script prints each set's actor precision, recall and F1 with no
filter and with the chosen one, then writes the model learned on all the sets.
``--dump`` writes the examples (for reading the errors).
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sklearn.linear_model import LogisticRegression  # noqa: E402

from bench import realnews  # noqa: E402
from service.events import actorfilter, linear  # noqa: E402
from service.events.model import Actor  # noqa: E402

extract = importlib.import_module("service.events.extract")

SETS = realnews.TRAINING_SETS
#: The regularisations and thresholds (the probability below which an actor goes) tried
#: leave-one-set-out; the pair with the highest mean actor F1 over the left-out sets is kept
#: (precision and recall weigh the same), the most regularised of those within ``NEAR`` of it.
CS = (0.03, 0.1, 0.3, 1.0)
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 13))
NEAR = 0.001


def _examples(name: str) -> list[dict]:
    """One row per attached actor of each matched event of set ``name``."""
    recorded: list[list[tuple]] = []
    original = actorfilter.kept

    def record(group, actors, counts, doc=None, befallen=()):
        recorded.append(
            [(a, actorfilter.features(group, a, counts, doc, a in befallen)) for a in actors]
        )
        return list(actors)

    rows = []
    actorfilter.kept = record
    try:
        for article in realnews.load_articles(ROOT / "fixtures" / "articles" / name):
            recorded.clear()
            extract.clear_cache()
            ours = [e for e, _ in extract.described(article.text, article.published_at)]
            assigned = realnews.assign(ours, article)
            for event, attached, (gold, kind) in zip(ours, recorded, assigned, strict=True):
                if kind != "match":
                    continue
                truth = article.events[gold]
                rows.append(  # the event itself: its gold participants count for recall
                    {
                        "set": name,
                        "article": article.name,
                        "gold": gold,
                        "key": truth.key,
                        "actor": None,
                        "participants": sorted(truth.participants),
                    }
                )
                for actor, feats in attached:
                    folded = realnews.actor_names(_one(actor), article.aliases)
                    rows.append(
                        {
                            "set": name,
                            "article": article.name,
                            "gold": gold,
                            "key": truth.key,
                            "actor": actor.key,
                            "kind": actor.kind,
                            "name": next(iter(folded), ""),
                            "label": int(bool(folded & truth.participants)),
                            "features": feats,
                            "participants": sorted(truth.participants),
                            "title": event.title,
                        }
                    )
    finally:
        actorfilter.kept = original
        extract.clear_cache()
    return rows


class _one:
    """An event holding one actor, for ``realnews.actor_names``."""

    def __init__(self, actor) -> None:
        self.actors = (actor,)


def _fit(rows: list[dict], names: list[str], c: float, threshold: float) -> linear.Linear:
    rows = [r for r in rows if r["actor"]]
    x = [[r["features"].get(n, 0.0) for n in names] for r in rows]
    y = [r["label"] for r in rows]
    fit = LogisticRegression(C=c, max_iter=2000, class_weight=None).fit(x, y)
    weights = {n: float(w) for n, w in zip(names, fit.coef_[0], strict=True)}
    return linear.Linear("actors", weights, float(fit.intercept_[0]), threshold)


def _kept(model: linear.Linear | None, rows: list[dict]) -> list[dict]:
    """The rows the filter keeps, the only doer of an event kept unless it is very sure."""
    if model is None:
        return [r for r in rows if r["actor"]]
    out = []
    for r in rows:
        if not r["actor"]:
            continue
        if actorfilter.keeps(model, r["features"], Actor(r["actor"], r["name"], r["kind"])):
            out.append(r)
    return out


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _figures(rows: list[dict], model: linear.Linear | None) -> tuple[float, float]:
    """Actor precision and recall on key events' matches (as ``bench/realnews.py`` counts)."""
    key = [r for r in rows if r["key"]]
    events: dict[tuple, dict] = {}
    for r in key:
        events.setdefault((r["article"], r["gold"]), {"gold": set(r["participants"])})
    for r in _kept(model, key):
        events[(r["article"], r["gold"])].setdefault("ours", set()).add(r["name"])
    ours = sum(len(e.get("ours", ())) for e in events.values())
    right = sum(len(e.get("ours", set()) & e["gold"]) for e in events.values())
    gold = sum(len(e["gold"]) for e in events.values())
    return (right / ours if ours else 0.0, right / gold if gold else 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--rows", type=Path, help="read the examples from this dump")
    args = parser.parse_args(argv)
    if args.rows:
        rows = json.loads(args.rows.read_text())
    else:
        rows = [r for name in SETS for r in _examples(name)]
    if args.dump:
        args.dump.write_text(json.dumps(rows, indent=0, sort_keys=True))
    examples = [r for r in rows if r["actor"]]
    names = sorted({n for r in examples for n in r["features"]})
    print(
        f"{len(examples)} examples, {sum(r['label'] for r in examples)} participants, "
        f"{len(names)} features"
    )
    tests = {out: [r for r in rows if r["set"] == out] for out in SETS}
    none = {out: _figures(tests[out], None) for out in SETS}
    print(f"no filter: mean F1 {sum(_f1(*none[s]) for s in SETS) / len(SETS):.4f}")
    tried = []
    for c in CS:
        fitted = {out: _fit([r for r in rows if r["set"] != out], names, c, 0.5) for out in SETS}
        for t in THRESHOLDS:
            got = {
                out: _figures(tests[out], dataclasses.replace(fitted[out], threshold=t))
                for out in SETS
            }
            mean = sum(_f1(*got[s]) for s in SETS) / len(SETS)
            worst = min(_f1(*got[s]) - _f1(*none[s]) for s in SETS)
            print(f"C={c:<5} threshold={t:.2f}  mean F1 {mean:.4f}  worst set {worst:+.4f}")
            tried.append((mean, c, t, got))
    top = max(m for m, *_ in tried)
    near = [x for x in tried if x[0] >= top - NEAR]
    _, c, t, got = max(near, key=lambda x: (-x[1], x[0]))
    print(f"chosen C={c} threshold={t}")
    print("left out    precision none -> filter    recall none -> filter    F1 none -> filter")
    loso = {}
    for out in SETS:
        (p0, r0), (p1, r1) = none[out], got[out]
        loso[out] = {
            "precision": [round(p0, 3), round(p1, 3)],
            "recall": [round(r0, 3), round(r1, 3)],
            "f1": [round(_f1(p0, r0), 3), round(_f1(p1, r1), 3)],
        }
        print(
            f"{out:10}  {p0:.3f} -> {p1:.3f}              {r0:.3f} -> {r1:.3f}"
            f"           {_f1(p0, r0):.3f} -> {_f1(p1, r1):.3f}"
        )
    model = _fit(rows, names, c, t)
    about = {
        "trained_on": list(SETS),
        "examples": len(examples),
        "C": c,
        "leave_one_set_out": loso,
        "script": "scripts/learn_actors.py",
    }
    path = ROOT / "service" / "data" / "actors.json"
    path.write_text(linear.to_json(model, **about), encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
