"""Main text of the fixture web pages against their true text: word overlap per page.

    python bench/pages.py [--show]

For each page in fixtures/web/pages/NAME.html the text service.write.pages reads is compared
with NAME.txt (what a reader calls the article: no menus, captions, comments). Words are
lower-cased runs of letters and digits, counted as bags: precision = shared / extracted,
recall = shared / true, overlap = F1 of the two. Goal (issue 25): overlap >= 0.9 on every page.
"trafilatura alone" is the overlap of trafilatura's text with the same options, before this
service takes off the headline, a byline line and trailing link lines.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from service.write import pages  # noqa: E402

PAGES = ROOT / "fixtures" / "web" / "pages"
GOAL = 0.9


def words(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.lower()))


def overlap(extracted: str, true: str) -> tuple[float, float, float]:
    """(precision, recall, F1) of the bags of words."""
    got, want = words(extracted), words(true)
    shared = sum((got & want).values())
    precision = shared / max(1, sum(got.values()))
    recall = shared / max(1, sum(want.values()))
    f1 = 2 * precision * recall / (precision + recall) if shared else 0.0
    return precision, recall, f1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print each extracted text")
    args = parser.parse_args()
    print(f"$ python bench/pages.py   ({len(list(PAGES.glob('*.html')))} pages)")
    print(
        f"{'page':<24} {'precision':>9} {'recall':>7} {'overlap':>7} {'date':>11} {'ms':>6}"
        f" {'trafilatura alone':>17}"
    )
    worst = 1.0
    for path in sorted(PAGES.glob("*.html")):
        started = time.perf_counter()
        page = pages.read_page(path.read_bytes())
        ms = (time.perf_counter() - started) * 1000
        true = path.with_suffix(".txt").read_text()
        precision, recall, f1 = overlap(page.text, true)
        worst = min(worst, f1)
        alone = trafilatura.bare_extraction(path.read_bytes(), **pages.EXTRACT_OPTIONS)
        baseline = overlap(alone.text if alone else "", true)[2]
        date = page.published_at or "none"
        print(
            f"{path.stem:<24} {precision:>9.3f} {recall:>7.3f} {f1:>7.3f} {date:>11} {ms:>6.0f}"
            f" {baseline:>17.3f}"
        )
        if args.show:
            print(page.text, "\n")
    verdict = "PASS" if worst >= GOAL else "FAIL"
    print(f"lowest overlap {worst:.3f} (goal >= {GOAL}): {verdict}")
    return 0 if worst >= GOAL else 1


if __name__ == "__main__":
    raise SystemExit(main())
