"""Score service.temporal on the TimeBank dev corpus: F1, docs/s and the error classes."""

from __future__ import annotations

import argparse
import collections
import importlib.util
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval" / "timex_eval.py"
DATA = SHARED / "data" / "timebank"


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
        "--no-baseline", action="store_true", help="skip dateparser search_dates in the same run"
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
    if args.errors:
        print(timex_eval.format_errors(result, args.errors))
    print(error_report(result, args.top))
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
