"""Learn the type guess for predicates the specific tables do not know (service/data/types.json).

For every gold event (key and lesser) of the training sets (``bench/realnews.TRAINING_SETS``)
that one of our events matches, the typing of that event's head predicate is recorded three
ways: as the rules type it today, as they would if its word were absent from the specific
tables (``VERB_TYPES``, the verb-specific frame rows, ``PHRASAL``, ``NOUN_TYPES``: "blind"), and as
they would if it were absent from the broad classes too ("blind-all"). Blind typing is what a
fresh article's unseen verb gets; it is the proxy this script reports and the situation the
model is trained for (its features are computed blind, so the rules' own answer is the blind
one).

Prints, per set: type accuracy on matched key events today, blind and blind-all; how many of
them a specific entry typed whose word only that set's matched events use (an entry written
for that set); and, for a grid of regularisation and threshold, the leave-one-set-out
accuracy (trained on three sets, tested on the fourth) of the rules and of the rules with the
model, "unseen" (the words only the tested set uses blinded: the stand-in for fresh news) and
all words blind. Writes the model trained on all four sets.

    PYTHONPATH=. python scripts/learn_types.py [--cache /tmp/types.pickle] [--no-write]
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import dataclasses
import importlib
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import realnews  # noqa: E402
from service.events import eventtype, lexicon, typeguess  # noqa: E402

extract = importlib.import_module("service.events.extract")

SETS = realnews.TRAINING_SETS
OUT = ROOT / "service" / "data" / "types.json"
#: Inverse regularisation strength, chosen by leave-one-set-out (see the printed grid).
C = 1.0
#: Probability the guess needs to replace the rules' answer, chosen likewise.
THRESHOLD = 0.5


@contextlib.contextmanager
def blinded(words: set[str], classes: bool = False):
    """The lexicon as if ``words`` had no specific entry (and, with ``classes``, no broad
    class either)."""
    saved_rules, saved_class_rules = lexicon.FRAME_RULES, lexicon.CLASS_RULES
    popped: list[tuple[dict, str, str]] = []
    tables = [lexicon.VERB_TYPES, lexicon.NOUN_TYPES]
    if classes:
        tables += [lexicon.CLASS_VERBS, lexicon.CLASS_NOUNS]
    for table in tables:
        for w in words:
            if w in table:
                popped.append((table, w, table.pop(w)))
    phrases = [lexicon.PHRASAL] + ([lexicon.CLASS_PHRASES] if classes else [])
    for table in phrases:
        for key in [k for k in table if k.split()[0] in words]:
            popped.append((table, key, table.pop(key)))

    def without(rules):
        return tuple(
            r
            if r.verbs is None or not r.verbs & words
            else dataclasses.replace(r, verbs=frozenset(r.verbs - words))
            for r in rules
        )

    lexicon.FRAME_RULES = without(saved_rules)
    if classes:
        lexicon.CLASS_RULES = without(saved_class_rules)
    try:
        yield
    finally:
        lexicon.FRAME_RULES, lexicon.CLASS_RULES = saved_rules, saved_class_rules
        for table, key, value in popped:
            table[key] = value


def collect(set_name: str) -> list[dict]:
    """One record per gold event that one of our events matches (the first one assigned)."""
    records: dict[int, dict] = {}
    heads: list[tuple[object, object]] = []
    of_verb, of_noun, event_of = eventtype.of_verb, eventtype.of_noun, extract._event

    def verb(tok, subject_tok, obj_tok, noun, occurrence, agents):
        normal = of_verb(tok, subject_tok, obj_tok, noun, occurrence, agents)
        lemma = lexicon.verb_lemma(tok)
        if occurrence:
            words = {lexicon.noun_lemma(subject_tok), subject_tok.lemma_.lower()}
            how = "occurrence"
        elif lemma in lexicon.LIGHT and noun is not None:
            words = {lexicon.noun_lemma(noun), noun.lemma_.lower(), lemma}
            how = "light"
        else:
            words = {lemma}
            how = "verb"
        out = {
            "how": how,
            "word": sorted(words)[0]
            if how == "verb"
            else lexicon.noun_lemma(subject_tok if occurrence else noun),
            "lemma": lemma,
            "normal": normal,
            "specific": typeguess.specific(lemma),
        }
        for name, classes in (("blind", False), ("blind_all", True)):
            with blinded(words, classes):
                rule = of_verb(tok, subject_tok, obj_tok, noun, occurrence, agents)
                out[name] = rule
                out[f"feats_{name}"] = typeguess.features(tok, subject_tok, obj_tok, agents, rule)
        out["feats_normal"] = typeguess.features(tok, subject_tok, obj_tok, agents, normal)
        records[tok.i] = out
        return normal

    def noun(tok, lemma, document):
        normal = of_noun(tok, lemma, document)
        out = {"how": "noun", "word": lemma, "lemma": lemma, "normal": normal, "specific": True}
        for name, classes in (("blind", False), ("blind_all", True)):
            with blinded({lemma}, classes):
                out[name] = of_noun(tok, lemma, document) or "other"
        records[tok.i] = out
        return normal

    def event(group, *args, **kw):
        made = event_of(group, *args, **kw)
        heads.append((made, group.head))
        return made

    rows = []
    eventtype.of_verb, eventtype.of_noun, extract._event = verb, noun, event
    try:
        for art in realnews.load_articles(ROOT / "fixtures" / "articles" / set_name):
            records.clear()
            heads.clear()
            # every event before the keep decision, in the order they were built (the events
            # shown are copies holding the actors the actor filter keeps): the type model does
            # not depend on keep.json, which learns from the types this model gives
            ours = [e for e, _ in extract.described(art.text, art.published_at)]
            head_of = {i: h for i, (_, h) in enumerate(heads)}
            taken = set()
            for i, (e, (g, _kind)) in enumerate(zip(ours, realnews.assign(ours, art), strict=True)):
                if g is None or g in taken:
                    continue
                taken.add(g)
                head = head_of.get(i)
                rec = dict(records.get(head.token, {})) if head is not None else {}
                if not rec or "normal" not in rec:
                    rec = {
                        "how": "none",
                        "word": "",
                        "lemma": "",
                        "normal": e.type,
                        "specific": False,
                        "blind": e.type,
                        "blind_all": e.type,
                    }
                final = e.type
                post = final != (rec["normal"] or "other")  # decided after the predicate's typing
                rec.update(
                    set=set_name,
                    article=art.name,
                    key=art.events[g].key,
                    gold=sorted(art.events[g].types),
                    final=final,
                    post=post,
                )
                for name in ("blind", "blind_all"):
                    rec[f"{name}_final"] = final if post else rec[name]
                rows.append(rec)
    finally:
        eventtype.of_verb, eventtype.of_noun, extract._event = of_verb, of_noun, event_of
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    typeguess.model.cache_clear()
    saved = typeguess.model
    typeguess.model = lambda: None  # the rules alone, whatever model is on disk
    try:
        if args.cache and args.cache.exists():
            rows = pickle.loads(args.cache.read_bytes())
        else:
            rows = [r for s in SETS for r in collect(s)]
            if args.cache:
                args.cache.write_bytes(pickle.dumps(rows))
    finally:
        typeguess.model = saved
    report_rules(rows)
    grid(rows)
    model = fit([r for r in rows if usable(r)], C)
    figures = loso(rows, C, THRESHOLD)
    print(f"chosen C={C} threshold={THRESHOLD}, leave-one-set-out unseen / blind:")
    for s, v in figures.items():
        print(f"  {s:6} unseen {v[0]:.3f} -> {v[1]:.3f}   blind {v[2]:.3f} -> {v[3]:.3f}")
    if not args.no_write:
        about = {
            "sets": list(SETS),
            "C": C,
            "examples": sum(usable(r) for r in rows),
            "leave_one_set_out": {
                s: {
                    "unseen": [round(v[0], 3), round(v[1], 3)],
                    "blind": [round(v[2], 3), round(v[3], 3)],
                }
                for s, v in figures.items()
            },
        }
        model = dataclasses.replace(model, threshold=THRESHOLD)
        OUT.write_text(typeguess.to_json(model, **about), encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")

    return 0


def usable(r: dict) -> bool:
    """A record the model learns from and may retype: a verb typed by its own frame (no light
    verb, no occurrence verb: their noun decides), not retyped after the typing stage."""
    return r["how"] == "verb" and not r["post"]


def fit(rows: list[dict], c: float) -> typeguess.Multiclass:
    """One logistic model per type, each gold type of an example a positive (a gold event may
    have two types), on the blind features."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sort=True, sparse=False)
    x = vec.fit_transform([r["feats_blind"] for r in rows])
    classes = sorted({t for r in rows for t in r["gold"]})
    weights, bias = {}, {}
    for cls in classes:
        y = [cls in r["gold"] for r in rows]
        lr = LogisticRegression(C=c, max_iter=2000, solver="liblinear")
        lr.fit(x, y)
        names = vec.get_feature_names_out()
        weights[cls] = {n: float(w) for n, w in zip(names, lr.coef_[0], strict=True)}
        bias[cls] = float(lr.intercept_[0])
    return typeguess.Multiclass(tuple(classes), weights, bias, THRESHOLD)


def _typed(model, r: dict, threshold: float, rule: str) -> str:
    """The type of a record as the service would give it: the model's guess for a verb the
    rules leave untyped ("other") when confident enough, the rules' answer otherwise."""
    if not usable(r) or rule != "other":
        return rule
    guess, p = model.guess(r["feats_blind"])
    return guess if p >= threshold else rule


def loso(rows: list[dict], c: float, threshold: float) -> dict[str, tuple[float, ...]]:
    """Per set, trained on the other three: (rules, with the model) on its matched key events
    in two settings. "Unseen": the words only this set's matched events use are blinded (their
    entries were written for it), the others typed as today; the model retypes the blinded
    words and those no specific table knows. "Blind": every word is blinded."""
    sets_of = _sets_of(rows)
    out = {}
    for s in SETS:
        model = fit([r for r in rows if r["set"] != s and usable(r)], c)
        key = [r for r in rows if r["set"] == s and r["key"]]
        figures = [0, 0, 0, 0]
        for r in key:
            only = sets_of[r["word"]] == {s}
            rule = r["blind_final"] if only else r["final"]
            typed = _typed(model, r, threshold, rule) if only or not r["specific"] else rule
            blind = r["blind_final"]
            for i, t in enumerate((rule, typed, blind, _typed(model, r, threshold, blind))):
                figures[i] += t in r["gold"]
        out[s] = tuple(f / len(key) for f in figures)
    return out


def _sets_of(rows: list[dict]) -> dict[str, set[str]]:
    sets_of = collections.defaultdict(set)
    for r in rows:
        sets_of[r["word"]].add(r["set"])
    return sets_of


def _mean(figures: dict, i: int) -> float:
    return sum(f[i] for f in figures.values()) / len(figures)


def grid(rows: list[dict]) -> None:
    print("leave-one-set-out, unseen (rules -> model) per set; means unseen and all-blind")
    for c in (0.1, 0.3, 1.0, 3.0):
        for t in (0.3, 0.5, 0.7):
            f = loso(rows, c, t)
            print(
                f"C={c:<4} t={t:.1f} "
                + " ".join(f"{s} {v[1]:.3f}" for s, v in f.items())
                + f"  mean {_mean(f, 0):.3f}->{_mean(f, 1):.3f}"
                + f"  blind {_mean(f, 2):.3f}->{_mean(f, 3):.3f}"
            )


def report_rules(rows: list[dict]) -> None:
    """Step 1: where the types come from, and the rules' blind (unseen-word) accuracy."""
    sets_of = _sets_of(rows)
    print("set     key  today  blind  blind-all | own-entry(only this set)  right-today  blind")
    for s in SETS:
        key = [r for r in rows if r["set"] == s and r["key"]]
        n = len(key)

        def acc(field, rs=key):
            return sum(r[field] in r["gold"] for r in rs) / max(1, len(rs))

        own = [r for r in key if r["specific"] and r["how"] != "none" and sets_of[r["word"]] == {s}]
        print(
            f"{s:6} {n:4}  {acc('final'):.3f}  {acc('blind_final'):.3f}  "
            f"{acc('blind_all_final'):.3f}     | {len(own):3}  "
            f"{acc('final', own):.3f}  {acc('blind_final', own):.3f}"
        )


if __name__ == "__main__":
    sys.exit(main())
