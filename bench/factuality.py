"""Score the factuality layer (service/events/factuality.py) against TimeBank's own attributes.

    python bench/factuality.py [DATA_DIR ...] [--limit N] [--json]

Gold, per EVENT (its MAKEINSTANCE): ``polarity`` (POS/NEG) and ``modality`` (the modal word,
if any). A gold EVENT is *hedged* when its modality is a modal of possibility or obligation
(could, may, might, can, should, must, ...; not "would"/"will", which are tense in news), and
*asserted* when it is positive and not hedged. Ours: ``factuality.of`` on the gold word's
token in the service's own parse.

Figures:
- negation precision/recall: our polarity "-" against gold NEG;
- hedge precision/recall: our value below certain against gold hedged;
- asserted precision: of the gold EVENTs we call asserted, the share gold calls asserted;
- non-asserted recall: of gold non-asserted EVENTs, the share we do not call asserted;
- by TimeML class: the share of gold EVENTs we call asserted.

Polarity is scored on ``TimeBank/`` only: the AQUAINT files of TBAQ-cleaned mark most events
NEG ("refused", "hearing"), which is no annotation of negation.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _table import figure_lines, group_lines  # noqa: E402
from events import DEFAULT_DATA, parse_tml  # noqa: E402

NOT_HEDGES = frozenset({"", "none", "would", "'d", "will", "shall"})
TRUSTED_POLARITY = "TimeBank"


def _instances(path: Path) -> dict[str, tuple[str, str]]:
    """eid -> (polarity, modality) from the file's MAKEINSTANCE elements."""
    root = ET.fromstring(path.read_bytes())
    out = {}
    for m in root.iter("MAKEINSTANCE"):
        out.setdefault(m.get("eventID"), (m.get("polarity", "POS"), m.get("modality", "")))
    return out


def files(paths, limit: int | None = None) -> list[Path]:
    """Every *.tml below ``paths``, sorted; ``limit`` keeps an evenly spaced subset."""
    found: list[Path] = []
    for p in map(Path, paths):
        found += [p] if p.is_file() else sorted(p.rglob("*.tml"))
    if limit and limit < len(found):
        found = [found[i * len(found) // limit] for i in range(limit)]
    return found


def score(paths: list[Path]) -> dict:
    """The figures of the module docstring over the TimeML files ``paths``."""
    from service.events import factuality, nlp

    c = dict.fromkeys(
        "events neg_gold neg_ours neg_both hedge_gold hedge_ours hedge_both "
        "asserted_ours asserted_both nonasserted_gold nonasserted_caught".split(),
        0,
    )
    by_class: dict[str, list[int]] = {}
    started = time.perf_counter()
    for path in paths:
        doc_gold = parse_tml(path)
        attrs = _instances(path)
        doc = nlp.parse(doc_gold.text)
        trusted = path.parent.name == TRUSTED_POLARITY
        for gold in doc_gold.events:
            span = doc.char_span(gold.start, gold.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            ours = factuality.of(span.root)
            polarity, modality = attrs.get(gold.eid, ("POS", ""))
            hedged = modality.lower() not in NOT_HEDGES
            negative = trusted and polarity == "NEG"
            c["events"] += 1
            if trusted:
                c["neg_gold"] += negative
                c["neg_ours"] += ours.polarity == "-"
                c["neg_both"] += negative and ours.polarity == "-"
            c["hedge_gold"] += hedged
            c["hedge_ours"] += ours.value != "certain"
            c["hedge_both"] += hedged and ours.value != "certain"
            gold_asserted = not hedged and not negative
            c["asserted_ours"] += ours.asserted
            c["asserted_both"] += ours.asserted and gold_asserted
            c["nonasserted_gold"] += not gold_asserted
            c["nonasserted_caught"] += not gold_asserted and not ours.asserted
            tally = by_class.setdefault(gold.event_class, [0, 0])
            tally[0] += 1
            tally[1] += ours.asserted
    seconds = time.perf_counter() - started

    def share(a, b):
        return c[a] / c[b] if c[b] else 0.0

    return {
        "documents": len(paths),
        "gold_events": c["events"],
        "gold_negated_timebank": c["neg_gold"],
        "gold_hedged": c["hedge_gold"],
        "negation_precision": share("neg_both", "neg_ours"),
        "negation_recall": share("neg_both", "neg_gold"),
        "hedge_precision": share("hedge_both", "hedge_ours"),
        "hedge_recall": share("hedge_both", "hedge_gold"),
        "asserted_precision": share("asserted_both", "asserted_ours"),
        "nonasserted_recall": share("nonasserted_caught", "nonasserted_gold"),
        "asserted_by_class": {
            k: {"gold": g, "asserted": a / g} for k, (g, a) in sorted(by_class.items())
        },
        "seconds": seconds,
    }


ROWS = [
    ("negation precision (ours '-' that TimeBank marks NEG)", "negation_precision"),
    ("negation recall (TimeBank NEG we mark '-')", "negation_recall"),
    ("hedge precision (ours below certain that gold marks a modal)", "hedge_precision"),
    ("hedge recall (gold modal we put below certain)", "hedge_recall"),
    ("asserted precision (ours asserted that gold asserts)", "asserted_precision"),
    ("non-asserted recall (gold negated/modal we do not assert)", "nonasserted_recall"),
]


def table(result: dict) -> str:
    lines = [
        f"factuality vs TimeBank: documents {result['documents']}, gold EVENTs "
        f"{result['gold_events']} (negated {result['gold_negated_timebank']} in TimeBank/, "
        f"modal {result['gold_hedged']})",
    ]
    lines += figure_lines(ROWS, result)
    lines += ["share of gold EVENTs we call asserted, by TimeML class:"]
    lines += group_lines(ROWS, result["asserted_by_class"], ["asserted"], "gold")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(DEFAULT_DATA)], help="TimeML folders")
    parser.add_argument("--limit", type=int, help="score an evenly spaced subset of N documents")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    result = score(files(args.paths, args.limit))
    print(json.dumps(result, indent=2) if args.json else table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
