"""Score service.temporal on the TimeBank dev corpus: F1, docs/s, the error classes, value F1
by document, and the narrative check (fixtures/narrative/: short narrative texts with
hand-made TimeML gold), read as the engine detects them and as news and as narrative."""

from __future__ import annotations

import argparse
import collections
import importlib.util
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# ../shared beside the repo; a git worktree under /work/wt/NAME looks one level further up
SHARED = next(
    (p / "shared" for p in ROOT.parents if (p / "shared" / "eval").is_dir()), ROOT.parent / "shared"
)
EVAL = SHARED / "eval" / "timex_eval.py"
DATA = SHARED / "data" / "timebank"
NARRATIVE = ROOT / "fixtures" / "narrative"
POSTS = ROOT / "fixtures" / "posts"


def load_evaluator():
    """Import ../shared/eval/timex_eval.py by path."""
    spec = importlib.util.spec_from_file_location("timex_eval", EVAL)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("timex_eval", module)
    spec.loader.exec_module(module)
    return module


def value_class(value: str) -> str:
    """A coarse shape of a TIMEX3 value: 2023-12-20 -> day, P2Y -> duration, ..."""
    shapes = [
        (r"\d{4}-\d\d-\d\dT", "time"),
        (r"\d{4}-\d\d-\d\d$", "day"),
        (r"\d{4}-W", "week"),
        (r"\d{4}-\d\d$", "month"),
        (r"\d{4}-Q", "quarter"),
        (r"\d{4}-H", "half"),
        (r"\d{4}-(SP|SU|FA|WI)", "season"),
        (r"\d{4}$", "year"),
        (r"\d{2,3}$", "decade/century"),
        (r"\w+_REF$", "ref"),
        (r"P[\dTX]", "duration"),
        (r"X", "unspecified"),
    ]
    return next((name for pattern, name in shapes if re.match(pattern, value)), "other")


def error_report(result: dict, top: int) -> str:
    """Counts of missed, spurious and wrong-value errors, by value shape and by text."""
    lines = []
    for kind in ("missed", "spurious", "wrong_value"):
        errors = [e for d in result["documents"] for e in d[kind]]
        if kind == "wrong_value":
            classes = collections.Counter(
                f"{value_class(e['value'])} -> {value_class(e['system_value'])}" for e in errors
            )
        else:
            classes = collections.Counter(f"{value_class(e['value'])} {e['type']}" for e in errors)
        texts = collections.Counter(e["text"].lower() for e in errors)
        lines.append(f"\n{kind}: {len(errors)}")
        lines += [f"  {n:4}  {c}" for c, n in classes.most_common(top)]
        lines.append(
            "  most frequent texts: " + ", ".join(f"{t!r} {n}" for t, n in texts.most_common(top))
        )
    return "\n".join(lines)


#: Gold values that depart from the TIMEX3 conventions (TimeML 1.2.1 / TIMEX2 values, which
#: TempEval-3 keeps): the text gives what the gold leaves unspecified, or the gold drops a
#: part of the day. (class, test on gold value, system value, document)
_PART_OF_DAY = re.compile(r"T(?:MO|AF|EV|NI|DT)$")
_NONSTANDARD = [
    ("decade or century written 199X / 19XX (TIMEX3: 199, 19)",
     lambda g, s, d: re.fullmatch(r"\d{3}X|\d{2}XX", g) is not None),
    ("unspecified digits the text gives (1989-WXX, 1998-XX-XX, 1968-XX, 1988-QX)",
     lambda g, s, d: "X" in g and g[:4].isdigit() and s.startswith(re.sub(r"-?X.*", "", g))),
    ("week number without its zero (2000-W7)", lambda g, s, d: re.fullmatch(r"\d{4}-W\d", g)),
    ("part of day dropped or changed (Friday night as a DATE, night as TEV)",
     lambda g, s, d: _PART_OF_DAY.search(s) is not None and s[:10] == g[:10]),
    ("hour without minutes (T17 for 5 p.m.)",
     lambda g, s, d: re.fullmatch(r".*T\d\d", g) is not None and s.startswith(g)),
]  # fmt: skip
_REF_WORDS = re.compile(
    r"(?:right\s+)?now|current(?:ly)?|(?:more\s+)?recent(?:ly)?|presently|soon|(?:the\s+)?"
    r"(?:foreseeable\s+)?future|already|previously|once|earlier|yet|the\s+past",
    re.IGNORECASE,
)


def convention_report(result: dict) -> str:
    """The errors by class: wrong values whose gold departs from the TIMEX3 conventions, then
    the rest, and missed / spurious now-past-future words (which the gold tags unevenly)."""
    counts: collections.Counter[str] = collections.Counter()
    for d in result["documents"]:
        for e in d["wrong_value"]:
            g, s = e["value"].strip(), e["system_value"]
            name = next((n for n, test in _NONSTANDARD if test(g, s, d["doc"])), None)
            counts["wrong value, gold " + name if name else "wrong value, other"] += 1
        for kind in ("missed", "spurious"):
            for e in d[kind]:
                ref = _REF_WORDS.fullmatch(e["text"].strip(" .")) is not None
                counts[f"{kind}, {'now/recent/future words' if ref else 'other'}"] += 1
    lines = ["\nerrors by class (gold conventions checked against TIMEX3):"]
    lines += [f"  {n:4}  {name}" for name, n in sorted(counts.items())]
    nonstandard = sum(n for name, n in counts.items() if name.startswith("wrong value, gold"))
    right = sum(d["counts"]["value_ok"] for d in result["documents"])
    spans = sum(d["counts"]["system"] + d["counts"]["gold"] for d in result["documents"])
    lines.append(
        f"  value F1 {2 * right / spans:.3f}; {2 * (right + nonstandard) / spans:.3f} if the "
        f"{nonstandard} gold values above followed TIMEX3"
    )
    return "\n".join(lines)


def document_f1(counts: dict) -> float:
    """A document's value F1: 2 x right values / (system spans + gold spans)."""
    total = counts["system"] + counts["gold"]
    return 2 * counts["value_ok"] / total if total else 1.0


def by_document(result: dict, show: int) -> str:
    """Value F1 per document: a summary, then the ``show`` lowest (all when ``show`` < 0)."""
    rows = sorted(
        ((document_f1(d["counts"]), d["doc"], d["counts"]) for d in result["documents"]),
        key=lambda row: (row[0], row[1]),
    )
    if not rows:
        return "value F1 by document: no documents"
    scores = [f for f, _, _ in rows]
    perfect = sum(1 for f in scores if f >= 1.0)
    lines = [
        f"\nvalue F1 by document: mean {sum(scores) / len(scores):.3f}, median "
        f"{scores[len(scores) // 2]:.3f}, {perfect}/{len(rows)} documents at 1.000"
    ]
    for f, doc, c in rows if show < 0 else rows[:show]:
        lines.append(
            f"  {f:.3f}  {doc:<28} {c['value_ok']:3}/{c['gold']:<3} gold right, "
            f"{c['system']:3} system spans"
        )
    return "\n".join(lines)


def narrative_check(timex_eval, show: int) -> str:
    """Value F1 on fixtures/narrative/, with the document type detected, then forced."""
    from service import temporal

    docs = timex_eval.load_documents([NARRATIVE])
    lines = [f"\nnarrative check: {len(docs)} texts in fixtures/narrative/"]
    runs = {}
    for kind in (None, "news", "narrative"):
        name = f"narrative_{kind or 'detected'}"

        def tag(text, published_at, kind=kind):
            return temporal.annotate(text, published_at, document_type=kind)

        setattr(sys.modules[__name__], name, tag)
        runs[kind] = timex_eval.evaluate(timex_eval.python_tagger(f"{__name__}:{name}"), docs)
        m = runs[kind]["metrics"]
        lines.append(
            f"  document_type {kind or 'detected':<9}: value F1 {m['value_f1']:.3f}  relaxed F1 "
            f"{m['relaxed_f1']:.3f}  strict F1 {m['strict_f1']:.3f}"
        )
    detected = {d.doc_id: temporal.timeline.detect(d.text, d.dct) for d in docs}
    lines.append("  detected: " + ", ".join(f"{k} {v}" for k, v in sorted(detected.items())))
    lines.append(by_document(runs[None], -1).replace("\nvalue F1", "  value F1"))
    if show:
        lines.append(timex_eval.format_errors(runs[None], show))
    return "\n".join(lines)


def posts_check(timex_eval, show: int) -> str:
    """Value F1 on fixtures/posts/: short social-media-style posts with hand-made gold."""
    docs = timex_eval.load_documents([POSTS])
    result = timex_eval.evaluate(timex_eval.python_tagger("service.temporal:annotate"), docs)
    m = result["metrics"]
    gold = sum(d["counts"]["gold"] for d in result["documents"])
    lines = [
        f"\nposts check: {len(docs)} posts in fixtures/posts/ ({gold} gold): value F1 "
        f"{m['value_f1']:.3f}  relaxed F1 {m['relaxed_f1']:.3f}  strict F1 {m['strict_f1']:.3f}"
    ]
    if show:
        lines.append(timex_eval.format_errors(result, show))
    return "\n".join(lines)


def timing(docs, repeat: int) -> str:
    """Best of ``repeat`` passes of annotate over the corpus: wall clock and this process's
    CPU time (on a shared, loaded machine the CPU figure is the one to compare)."""
    import time

    from service import temporal

    wall = cpu = float("inf")
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        for d in docs:
            temporal.annotate(d.text, d.dct)
        wall = min(wall, time.perf_counter() - w)
        cpu = min(cpu, time.process_time() - c)
    return (
        f"\nbest of {repeat} passes: {len(docs) / wall:.0f} docs/s wall ({wall:.3f} s), "
        f"{len(docs) / cpu:.0f} docs/s CPU ({cpu:.3f} s)"
    )


def dateparser_baseline(text: str, published_at) -> list[dict]:
    """The baseline: dateparser's own search_dates, given the publication date (day values)."""
    import datetime as dt

    from dateparser.search import search_dates

    base = dt.datetime.combine(published_at, dt.time(12))
    found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    out, pos = [], 0
    for phrase, when in found:
        start = text.find(phrase, pos)
        if start < 0:
            continue
        pos = start + len(phrase)
        out.append({"start": start, "end": pos, "value": when.date().isoformat()})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--max-docs", type=int, help="an evenly spaced subset of the corpus")
    parser.add_argument("--top", type=int, default=10, help="error classes shown per kind")
    parser.add_argument("--errors", type=int, default=0, help="sample errors of each kind")
    parser.add_argument(
        "--repeat",
        type=int,
        default=0,
        help="time N more passes over the corpus and print the best (wall and CPU)",
    )
    parser.add_argument(
        "--no-baseline", action="store_true", help="skip dateparser search_dates in the same run"
    )
    parser.add_argument(
        "--documents",
        type=int,
        default=10,
        help="documents listed by value F1, lowest first (-1: all)",
    )
    parser.add_argument(
        "--classes", action="store_true", help="errors by class, gold conventions checked"
    )
    parser.add_argument(
        "--no-narrative",
        action="store_true",
        help="skip the narrative and posts checks",
    )
    args = parser.parse_args(argv)
    if not (EVAL.exists() and DATA.exists()):
        print(f"bench/temporal.py: evaluator or data not found under {SHARED}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    timex_eval = load_evaluator()
    docs = timex_eval.load_documents([DATA], args.max_docs)
    result = timex_eval.evaluate(timex_eval.python_tagger("service.temporal:annotate"), docs)
    m, t = result["metrics"], result["timing"]
    print(
        f"value F1 {m['value_f1']:.3f}  relaxed F1 {m['relaxed_f1']:.3f}  "
        f"strict F1 {m['strict_f1']:.3f}  {t['docs_per_s']:.0f} docs/s"
    )
    print(timex_eval.format_table(result))
    if args.repeat:
        print(timing(docs, args.repeat))
    if args.errors:
        print(timex_eval.format_errors(result, args.errors))
    print(error_report(result, args.top))
    if args.classes:
        print(convention_report(result))
    print(by_document(result, args.documents))
    if not args.no_narrative and NARRATIVE.exists():
        print(narrative_check(timex_eval, args.errors))
    if not args.no_narrative and POSTS.exists():
        print(posts_check(timex_eval, args.errors))
    if not args.no_baseline:
        sys.modules[__name__].dateparser_baseline = dateparser_baseline
        base = timex_eval.evaluate(
            timex_eval.python_tagger(f"{__name__}:dateparser_baseline"), docs
        )
        b, bt = base["metrics"], base["timing"]
        print(
            f"baseline in the same run, dateparser search_dates: value F1 {b['value_f1']:.3f}  "
            f"relaxed F1 {b['relaxed_f1']:.3f}  {bt['docs_per_s']:.0f} docs/s\n"
            f"ours / baseline: value F1 {m['value_f1'] / max(b['value_f1'], 1e-9):.2f}x, "
            f"throughput {t['docs_per_s'] / max(bt['docs_per_s'], 1e-9):.1f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
