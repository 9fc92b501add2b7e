"""Score event extraction on the TimeBank dev corpus: event-time anchoring recall and precision.

    python bench/events.py [DATA_DIR ...] [--limit N] [--json]

``score(extract_fn, docs)`` is importable (``docs`` from ``load_documents``); ``extract_fn`` is
called as ``extract_fn(text, published_at)`` and returns events shaped like
``service.events.Event`` (``mentions[].start/end``, ``date.start/end/precision/basis``).

Gold (TimeML, read here with the standard library):
- a gold EVENT is the word inside ``<EVENT eid=...>`` (its character span in the plain text of
  ``<TEXT>``, which is what ``extract_fn`` gets; the publication date is the DCT, the TIMEX3 with
  ``functionInDocument="CREATION_TIME"``);
- a *dated* gold EVENT is one that a TLINK (either direction: ``eventInstanceID`` +
  ``relatedToTime`` or ``timeID`` + ``relatedToEventInstance``, via MAKEINSTANCE eiid -> eid)
  ties with an anchoring relation (``ANCHORING`` below) to a TIMEX3 of type DATE or TIME whose
  value names a calendar interval (``2013-03-22``, ``1998-W02``, ``1998-Q3``, ``1998-SU``,
  ``1998``, ``199`` (a decade), ``19`` (a century), ``...T10:00`` = that day). Values such as
  ``PAST_REF`` or ``XXXX-03`` name no interval and do not date an event (they are counted apart).
  The anchor is the DCT or another timex; an event anchored to both counts in both splits.

Matching:
- one of our events *covers* a gold EVENT when one of its mentions' ``[start, end)`` spans
  contains the gold word's span;
- **agrees** (strict): our date has both bounds and ``[start, end]`` lies within the gold
  timex's interval (equal counts): as fine as the gold or finer, and inside it;
- **overlaps** (loose): our date has both bounds and ``[start, end]`` overlaps the gold interval.
  A date with an unknown side (e.g. bounded by the publication date only) neither agrees nor
  overlaps.

Figures:
- anchoring recall = dated gold EVENTs covered by one of our events whose date agrees with one
  of the event's anchors / dated gold EVENTs (also: loose, and split by DCT / other timex);
- event recall = gold EVENTs covered by one of our events, whatever its date (also by TimeML
  class: OCCURRENCE, REPORTING, I_ACTION, ...);
- anchoring precision = our events covering some gold EVENT / our events, and our events
  covering a dated gold EVENT with an agreeing date / our events;
- docs/s (``extract_fn`` alone: no storage), events per article, share of our events dated to
  a day, share bounded by the publication date only (``basis == "publication"``).

Our mentions' spans are clauses, so one event covers every gold EVENT of its clause: event
recall and the covering precision are clause-level figures until events carry their
predicate's span.
"""

from __future__ import annotations

import argparse
import calendar
import dataclasses
import datetime as dt
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from _shared import timebank  # noqa: E402
from _table import figure_lines, group_lines  # noqa: E402

#: ../shared/data/timebank of the main checkout (also from a worktree; TIMELINE_SHARED_DIR).
DEFAULT_DATA = timebank()
#: TLINK relations that put an event at (in, around, starting or ending at) a time.
ANCHORING = frozenset(
    "IS_INCLUDED INCLUDES DURING DURING_INV SIMULTANEOUS IDENTITY "
    "BEGINS ENDS BEGUN_BY ENDED_BY".split()
)
#: Season months; winter runs into the next year.
SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
Interval = tuple[dt.date, dt.date]


@dataclasses.dataclass(frozen=True)
class GoldEvent:
    eid: str
    start: int
    end: int
    word: str
    event_class: str
    anchors: tuple[tuple[Interval, bool], ...]  # (gold interval, anchored to the DCT?)


@dataclasses.dataclass
class Document:
    doc_id: str
    text: str
    dct: dt.date
    events: list[GoldEvent]
    undatable_anchors: int  # anchoring TLINKs to a DATE/TIME timex whose value names no interval


def timex_interval(value: str) -> Interval | None:
    """The inclusive calendar interval a TIMEX3 value names, or None (PAST_REF, XXXX-03, P1W)."""
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(T.*)?", value):
        try:
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
        return day, day
    if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
        year, month = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            return None
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    if m := re.fullmatch(r"(\d{4})-W(\d\d)", value):
        try:
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return None
        return monday, monday + dt.timedelta(days=6)
    if m := re.fullmatch(r"(\d{4})-([QH])(\d)", value):
        months = 3 if m[2] == "Q" else 6
        first = (int(m[3]) - 1) * months + 1
        if not 1 <= first <= 12:
            return None
        return _months(int(m[1]), first, first + months - 1)
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        return _months(int(m[1]), *SEASONS[m[2]])
    if m := re.fullmatch(r"\d{2,4}", value):
        span = 10 ** (4 - len(value))
        first = int(value) * span
        return dt.date(max(first, 1), 1, 1), dt.date(first + span - 1, 12, 31)
    return None


def _months(year: int, first: int, last: int) -> Interval:
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    end = dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    return dt.date(year, first, 1), end


def parse_tml(path: Path) -> Document:
    """One TimeML file: the plain text of <TEXT>, the DCT, the gold EVENTs and their anchors."""
    root = ET.fromstring(path.read_bytes())
    timexes = {t.get("tid"): t for t in root.iter("TIMEX3")}
    dct_el = next(t for t in timexes.values() if t.get("functionInDocument") == "CREATION_TIME")
    m = re.match(r"(\d{4})-?(\d\d)-?(\d\d)", dct_el.get("value", ""))
    dct_interval = timex_interval(f"{m[1]}-{m[2]}-{m[3]}")
    text_el = root.find("TEXT")
    pieces: list[str] = []
    spans: dict[str, tuple[int, int, str]] = {}

    def walk(el: ET.Element, pos: int) -> int:
        start = pos
        if el.text:
            pieces.append(el.text)
            pos += len(el.text)
        for child in el:
            pos = walk(child, pos)
            if child.tail:
                pieces.append(child.tail)
                pos += len(child.tail)
        if el.tag == "EVENT":
            spans[el.get("eid")] = (start, pos, el.get("class", ""))
        return pos

    walk(text_el, 0)
    text = "".join(pieces)
    eid_of = {m.get("eiid"): m.get("eventID") for m in root.iter("MAKEINSTANCE")}
    anchors: dict[str, set[tuple[Interval, bool]]] = {}
    undatable = 0
    for link in root.iter("TLINK"):
        eiid = link.get("eventInstanceID") or link.get("relatedToEventInstance")
        tid = link.get("relatedToTime") if link.get("eventInstanceID") else link.get("timeID")
        timex = timexes.get(tid)
        if link.get("relType") not in ANCHORING or eiid not in eid_of or timex is None:
            continue
        if timex.get("type") not in ("DATE", "TIME"):
            continue
        is_dct = timex is dct_el
        interval = dct_interval if is_dct else timex_interval(timex.get("value", ""))
        if interval is None:
            undatable += 1
            continue
        anchors.setdefault(eid_of[eiid], set()).add((interval, is_dct))
    events = [
        GoldEvent(eid, s, e, text[s:e], cls, tuple(sorted(anchors.get(eid, ()))))
        for eid, (s, e, cls) in spans.items()
    ]
    events.sort(key=lambda g: g.start)
    return Document(path.stem, text, dct_interval[0], events, undatable)


def load_documents(paths: Sequence[str | Path] = (DEFAULT_DATA,), limit: int | None = None):
    """Every *.tml below ``paths``, sorted; ``limit`` keeps an evenly spaced subset of that many."""
    files: list[Path] = []
    for p in map(Path, paths):
        files += [p] if p.is_file() else sorted(p.rglob("*.tml"))
    if limit and limit < len(files):
        files = [files[i * len(files) // limit] for i in range(limit)]
    return [parse_tml(f) for f in files]


def _bounds(event: Any) -> Interval | None:
    date = event.date
    return (date.start, date.end) if date.start and date.end else None


def _covers(event: Any, gold: GoldEvent) -> bool:
    return any(m.start <= gold.start and gold.end <= m.end for m in event.mentions)


def _agrees(ours: Interval | None, gold: Interval, loose: bool = False) -> bool:
    if ours is None:
        return False
    if loose:
        return ours[0] <= gold[1] and gold[0] <= ours[1]
    return gold[0] <= ours[0] and ours[1] <= gold[1]


def _dated_match(event: Any, gold: GoldEvent, dct: bool | None, loose: bool = False) -> bool:
    """``event`` covers ``gold`` with a date that agrees with one of its anchors (of that kind)."""
    ours = _bounds(event)
    return _covers(event, gold) and any(
        _agrees(ours, interval, loose) for interval, is_dct in gold.anchors if dct in (None, is_dct)
    )


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def score(extract_fn: Callable[[str, dt.date], Iterable[Any]], docs: Sequence[Document]) -> dict:
    """Run ``extract_fn`` over ``docs`` and return the figures (see the module docstring)."""
    counts = dict.fromkeys(
        "gold dated dated_dct dated_other found found_loose found_dct found_other "
        "ours covering agreeing day publication undatable".split(),
        0,
    )
    by_class: dict[str, list[int]] = {}  # TimeML class -> [gold EVENTs, covered]
    seconds = 0.0
    for doc in docs:
        started = time.perf_counter()
        ours = list(extract_fn(doc.text, doc.dct))
        seconds += time.perf_counter() - started
        _count_document(counts, by_class, doc, ours)
    n = len(docs)
    covered = sum(c for _, c in by_class.values())
    return {
        "documents": n,
        "gold_events": counts["gold"],
        "dated_gold_events": counts["dated"],
        "dated_gold_dct": counts["dated_dct"],
        "dated_gold_other": counts["dated_other"],
        "undatable_anchor_links": counts["undatable"],
        "our_events": counts["ours"],
        "anchoring_recall": _share(counts["found"], counts["dated"]),
        "anchoring_recall_loose": _share(counts["found_loose"], counts["dated"]),
        "anchoring_recall_dct": _share(counts["found_dct"], counts["dated_dct"]),
        "anchoring_recall_other": _share(counts["found_other"], counts["dated_other"]),
        "event_recall": _share(covered, counts["gold"]),
        "event_recall_by_class": {
            cls: {"gold": g, "recall": _share(c, g)} for cls, (g, c) in sorted(by_class.items())
        },
        "precision_covering": _share(counts["covering"], counts["ours"]),
        "precision_agreeing": _share(counts["agreeing"], counts["ours"]),
        "docs_per_second": n / seconds if seconds else 0.0,
        "events_per_article": _share(counts["ours"], n),
        "share_day": _share(counts["day"], counts["ours"]),
        "share_publication": _share(counts["publication"], counts["ours"]),
    }


def _count_document(counts: dict, by_class: dict, doc: Document, ours: list[Any]) -> None:
    counts["gold"] += len(doc.events)
    for gold in doc.events:
        tally = by_class.setdefault(gold.event_class, [0, 0])
        tally[0] += 1
        tally[1] += any(_covers(e, gold) for e in ours)
    counts["undatable"] += doc.undatable_anchors
    counts["ours"] += len(ours)
    for gold in (g for g in doc.events if g.anchors):
        kinds = {is_dct for _, is_dct in gold.anchors}
        counts["dated"] += 1
        counts["dated_dct"] += True in kinds
        counts["dated_other"] += False in kinds
        counts["found"] += any(_dated_match(e, gold, None) for e in ours)
        counts["found_loose"] += any(_dated_match(e, gold, None, loose=True) for e in ours)
        counts["found_dct"] += any(_dated_match(e, gold, True) for e in ours)
        counts["found_other"] += any(_dated_match(e, gold, False) for e in ours)
    for event in ours:
        counts["covering"] += any(_covers(event, g) for g in doc.events)
        counts["agreeing"] += any(_dated_match(event, g, None) for g in doc.events if g.anchors)
        counts["day"] += event.date.precision == "day"
        counts["publication"] += event.date.basis == "publication"


ROWS = [
    ("anchoring recall (strict: our date within the gold timex)", "anchoring_recall"),
    ("  anchored to the DCT", "anchoring_recall_dct"),
    ("  anchored to another timex", "anchoring_recall_other"),
    ("anchoring recall (loose: our date overlaps the gold timex)", "anchoring_recall_loose"),
    ("event recall: gold EVENTs covered, whatever the date", "event_recall"),
    ("precision: our events covering a gold EVENT", "precision_covering"),
    ("precision: our events covering a dated gold EVENT, date agrees", "precision_agreeing"),
    ("events per article", "events_per_article"),
    ("share of our events dated to a day", "share_day"),
    ("share bounded by the publication date only", "share_publication"),
    ("docs/s (extract() with its temporal tagging, no storage)", "docs_per_second"),
]


def table(result: dict) -> str:
    """The figures as a plain-text table."""
    lines = [
        f"documents {result['documents']}, gold EVENTs {result['gold_events']}, dated "
        f"{result['dated_gold_events']} (DCT {result['dated_gold_dct']}, other timex "
        f"{result['dated_gold_other']}; {result['undatable_anchor_links']} anchor links to a "
        f"value with no interval left out), our events {result['our_events']}",
        "",
    ]
    lines += figure_lines(ROWS, result)
    lines += ["", "event recall by TimeML class (gold EVENTs, share covered):"]
    lines += group_lines(ROWS, result["event_recall_by_class"], ["recall"], "gold")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(DEFAULT_DATA)], help="TimeML folders")
    parser.add_argument("--limit", type=int, help="score an evenly spaced subset of N documents")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--no-factuality", action="store_true", help="skip bench/factuality.py's figures"
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from service.events import extract

    extract("Warm-up: the minister arrived on Monday.", dt.date(2023, 12, 20))
    result = score(extract, load_documents(args.paths, args.limit))
    if not args.no_factuality:  # the factuality layer against TimeBank's polarity and modality
        from factuality import files as tml_files
        from factuality import score as factuality_score
        from factuality import table as factuality_table

        result["factuality"] = factuality_score(tml_files(args.paths, args.limit))
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(table(result))
        if "factuality" in result:
            print("\n" + factuality_table(result["factuality"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
