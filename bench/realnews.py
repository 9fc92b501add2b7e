"""Score event extraction on the real-news development set: key events, dates, headlines, actors.

    python bench/realnews.py [--set DIR] [--json] [--articles]      (make bench-realnews)

The default set is ``fixtures/articles/t17/`` (issue 26): 30 real BBC, Guardian and Reuters
articles and ``GOLD.json``, their key dated events written down by reading, before any output was
seen (the folder's README gives the format). ``--set fixtures/articles/kinds`` scores the second
set, 24 wire-style articles written across kinds of news (business, markets, courts, politics,
conflict, disasters, health, science, sport, obituary, labour) with a gold in the same format;
``--set fixtures/articles/kinds2`` the third, 16 wire-style articles in kinds the other two lack
(cyber attack, recall, bankruptcy, IPO, OPEC, tariffs, arrest, appeal, hostages, rail crash,
wildfire, climate report, space probe, education, awards, transfer), held back from tuning.
``--set fixtures/articles/wire``, ``--set fixtures/articles/wire2``, ``--set
fixtures/articles/wire3`` and ``--set fixtures/articles/wire4`` score 16 real TimeBank / AQUAINT
reports each (wire3 and wire4 held back from tuning; their READMEs give the first-run figures).
``--set fixtures/articles/wire5``, ``--set fixtures/articles/wire6`` and ``--set
fixtures/articles/wire7`` score 16 more each, training sets (gold written before the first run,
which their READMEs record).
``--set fixtures/articles/t17b`` scores 16 more Timeline17 articles (BBC, Guardian, Reuters,
2009-2011, none of t17's 30), a training set made the same way; ``--set fixtures/articles/t17c``
16 more H1N1 ones (2009, none of t17's or t17b's) and ``--set fixtures/articles/t17d`` 16 more
(BBC, MJ and haiti only), both held back (``HELD_BACK_SETS``).
``score(extract_fn, articles)`` is importable (``articles`` from ``load_articles``);
``extract_fn(text, published_at)`` returns events shaped like ``service.events.Event``
(``title``, ``type``, ``actors[].name/key/aliases``, ``mentions[].start/end``,
``date.start/end/precision/basis``).

Matching (simple on purpose; the same rules for every article):
- one of our events *touches* a gold event when one of its mentions' ``[start, end)`` overlaps
  one of the gold event's trigger spans (a trigger is an exact substring of the text) and its
  title shares a content word with the gold's headline, subject or predicate (compared on
  their first five letters; participants' names and function words left out), so that a
  clause-long mention does not stand for another happening told in the same sentence;
- each of our events is *assigned* to at most one gold event among those it touches: the one
  whose predicate (then subject) its title names, then the one sharing most words with it,
  then one not yet taken, then the first in the text. The first event assigned to a gold
  event is its *match*; later ones are *duplicates* (one happening told as several events).
  An event that touches a ``not_events`` span and no gold event is a *non-event* (a hedge, a
  negation, a prediction kept as a fact);
- a date is **right** when our ``[start, end]`` lies inside the gold interval (as fine as the
  gold's precision or finer, and inside it; an interval value ``A/B`` spans both). For a gold
  ``publication`` (the text gives no date) a right date is one with no invented start: bounded
  by the publication or an earlier day only (``start`` unknown, ``end`` no later than the
  publication), or the publication day itself; for a gold ``publication`` with ``status:
  planned`` (a firm plan the text does not date, "will open an inquiry") it is one bounded by
  the publication or a later day only (``end`` unknown, ``start`` unknown or no earlier than
  the publication), or the publication day itself.

Figures:
- **key events found** = key gold events with a match / key gold events; **found with the
  right date** = those with an assigned event whose date is right / key gold events (also
  split: key events the text dates, and those it leaves bounded by the publication);
- **event precision** = our events assigned to a gold event (key or lesser), first of their
  gold event / our events; **dated precision** the same with a right date. Proxy limits: a
  real event the gold does not list counts as wrong (the gold lists every dated happening a
  reader would keep, but readers differ), and clause-long mentions can touch a trigger they do
  not mean (the title preference above limits this);
- **good headlines** (on the matches of key events): the title names one of the gold's subject
  forms and, after it, a form of its predicate (the lemma with a regular inflection, or a
  listed form: the logical subject leads, as in "Police search clinic", not "Clinic searched
  by police"),
  does not end in a function word, an auxiliary, a modal or a bare "said" (no dangling "on",
  "by", "were", "first") and has at least two words. A proxy: it does not see a wrong deed or
  a venue as the subject when the right subject is named too;
- **actors** (on the matches of key events): our actors and the gold participants folded to
  one name (case, accents, titles and punctuation dropped; the gold ``aliases`` table maps
  other names and surnames to the canonical name); recall = gold participants found / gold
  participants of those key events, precision = our actors among the gold participants / our
  actors. A true participant the gold does not name (a place, say) counts against precision.
  **actor recall of all key events** divides by the participants of every key event, found or
  not (a missed event's participants are missed too: it moves with key events found);
- **type accuracy** = matches of key events whose type is one of the gold's / those matches;
- events per article, share of our events bounded by the publication only
  (``basis == "publication"``), share of our events that are duplicates or non-events, docs/s.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import importlib.util
import json
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SET = ROOT / "fixtures" / "articles" / "t17"
#: The sets the learned models are trained on (scripts/learn_*.py, leave-one-set-out), and the
#: sets held back from all tuning: a change is judged by whether these move.
TRAINING_SETS = ("t17", "kinds", "wire", "wire2", "wire5", "wire6", "wire7", "t17b")
#: t17c and t17d were built for training, then held back: their first runs were the models' first
#: measure on news they had not seen.
HELD_BACK_SETS = ("kinds2", "wire3", "wire4", "t17c", "t17d")
_spec = importlib.util.spec_from_file_location(
    "bench_events", Path(__file__).with_name("events.py")
)
_events = sys.modules.setdefault("bench_events", importlib.util.module_from_spec(_spec))
if not hasattr(_events, "timex_interval"):
    _spec.loader.exec_module(_events)
timex_interval = _events.timex_interval
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _table import figure_lines, group_lines  # noqa: E402

Interval = tuple[dt.date, dt.date]
Span = tuple[int, int]

#: Words a headline must not end on (a dangling preposition, article or conjunction).
FUNCTION_WORDS = frozenset(
    """a an the of to in on at by for from with as into onto over under after before about
    against between during since until via and or but that which who whose than""".split()
)
#: Words a headline cannot end on: function words, auxiliaries and modals, a bare "said", a
#: dangling ordinal ("... has developed first", "GPs were", "Officials say pandemic did not").
FRAGMENT_ENDS = FUNCTION_WORDS | frozenset(
    """is are was were be been being has have had do does did will would can could may might
    must shall should not no first last say says said tell tells told""".split()
)
#: Titles, honorifics and "the" dropped when names are folded.
TITLES = frozenset("the dr mr mrs ms miss sir president judge lt gen general monsignor".split())


@dataclasses.dataclass(frozen=True)
class GoldEvent:
    headline: str
    subject: tuple[str, ...]
    predicate: tuple[str, ...]
    participants: frozenset[str]  # folded canonical names
    types: frozenset[str]
    interval: Interval | None  # None: bounded by the publication only
    spans: tuple[Span, ...]
    key: bool
    #: Stems of the headline's, subject's and predicate's words, less names and function words.
    words: frozenset[str] = frozenset()
    #: ``status: planned`` in the gold: announced for the future as firm.
    planned: bool = False


@dataclasses.dataclass
class Article:
    name: str
    text: str
    published_at: dt.date
    events: list[GoldEvent]
    not_spans: list[Span]
    aliases: dict[str, str]  # folded name -> folded canonical name (the gold's table)


def fold(name: str) -> str:
    """A name without case, accents, punctuation or leading titles ("Dr. Conrad Murray" ->
    "conrad murray")."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^a-z0-9'\- ]+", " ", plain.replace(".", "")).split()
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
    return " ".join(words)


def alias_index(aliases: dict[str, list[str]]) -> dict[str, str]:
    """Folded name or alias -> folded canonical name."""
    index: dict[str, str] = {}
    for canonical, others in aliases.items():
        for name in (canonical, *others):
            index.setdefault(fold(name), fold(canonical))
    return index


def gold_interval(value: str) -> Interval | None:
    """The inclusive interval of a gold date value: a TIMEX3 value or ``A/B``; None for
    ``publication``."""
    if value == "publication":
        return None
    first, _, last = value.partition("/")
    lo, hi = timex_interval(first), timex_interval(last or first)
    if lo is None or hi is None:
        raise ValueError(f"not a date value: {value!r}")
    return lo[0], hi[1]


def _span(text: str, trigger: str, where: str) -> Span:
    start = text.find(trigger)
    if start < 0 or text.find(trigger, start + 1) >= 0:
        raise ValueError(f"{where}: trigger {trigger!r} is not once in the text")
    return start, start + len(trigger)


def load_articles(folder: Path = DEFAULT_SET, names: Sequence[str] | None = None) -> list[Article]:
    """The articles of the set and their gold, sorted by name (``names`` keeps those only)."""
    gold = json.loads((folder / "GOLD.json").read_text(encoding="utf-8"))
    index = alias_index(gold["aliases"])
    articles = []
    for name in sorted(names or gold["articles"]):
        body = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
        text, notes = body["text"], gold["articles"][name]
        events = [_gold_event(text, index, e, name) for e in notes["events"]]
        not_spans = [_span(text, n["trigger"], name) for n in notes["not_events"]]
        published = dt.date.fromisoformat(body["published_at"])
        articles.append(Article(name, text, published, events, not_spans, index))
    return articles


def _gold_event(text: str, index: dict[str, str], raw: dict, where: str) -> GoldEvent:
    types = raw["type"] if isinstance(raw["type"], list) else [raw["type"]]
    participants = {index.get(fold(p), fold(p)) for p in raw["participants"]}
    names = {w for alias, c in index.items() if c in participants for w in _tokens(alias)}
    names |= {w for p in participants for w in _tokens(p)}
    said = " ".join([raw["headline"], *raw["subject"], *raw["predicate"]])
    return GoldEvent(
        headline=raw["headline"],
        subject=tuple(raw["subject"]),
        predicate=tuple(raw["predicate"]),
        participants=frozenset(index.get(fold(p), fold(p)) for p in raw["participants"]),
        types=frozenset(types),
        interval=gold_interval(raw["date"]["value"]),
        spans=tuple(_span(text, t, where) for t in raw["triggers"]),
        key=raw["key"],
        words=frozenset(_stems(said) - {_stem(n) for n in names}),
        planned=raw.get("status") == "planned",
    )


def _tokens(text: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.findall(r"[a-z0-9]+(?:['\-][a-z0-9]+)*", plain.replace(".", ""))


#: Regular endings taken off before a word is cut to its stem (signed/sign, sells/sell).
ENDINGS = ("ing", "ed", "s")


def _stem(word: str) -> str:
    """The first five letters of ``word`` less a regular ending, when three letters stay
    ("signed" and "sign" are "sign", "quakes" "quake"; "dies" is "die", "died" stays)."""
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)][:5]
    return word[:5]


def _stems(text: str) -> set[str]:
    """The stems of a text's content words (see :func:`_stem`)."""
    return {_stem(w) for w in _tokens(text) if w not in FUNCTION_WORDS and len(w) > 2}


def _inflections(lemma: str) -> set[str]:
    """The regular forms of a verb or noun lemma: say -> says, said is listed in the gold."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", lemma):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def _subject_at(words: list[str], forms: Iterable[str]) -> int | None:
    """Where some form's words first appear in ``words``, in a row (None: nowhere)."""
    found = [
        i
        for want in map(_tokens, forms)
        if want
        for i in range(len(words))
        if words[i : i + len(want)] == want
    ]
    return min(found, default=None)


def _names(words: list[str], forms: Iterable[str]) -> bool:
    return _subject_at(words, forms) is not None


def _predicate_at(words: list[str], lemmas: Iterable[str]) -> int | None:
    """Where a form of one of the lemmas last appears in ``words`` (None: nowhere)."""
    forms = set().union(*(_inflections(fold(lemma)) for lemma in lemmas))
    return max((i for i, word in enumerate(words) if word in forms), default=None)


def _says_predicate(words: list[str], lemmas: Iterable[str]) -> bool:
    return _predicate_at(words, lemmas) is not None


def good_headline(title: str, gold: GoldEvent) -> bool:
    """The title names the gold's subject, then its predicate, with no dangling word."""
    words = _tokens(title)
    subject, predicate = _subject_at(words, gold.subject), _predicate_at(words, gold.predicate)
    return (
        len(words) >= 2
        and words[-1] not in FRAGMENT_ENDS
        and subject is not None
        and predicate is not None
        and subject < predicate
    )


def date_right(event: Any, gold: GoldEvent, published_at: dt.date) -> bool:
    """Our date lies inside the gold interval; for a ``publication`` gold, no start is invented."""
    start, end = event.date.start, event.date.end
    if gold.interval is None and gold.planned:
        # A plan the text does not date ("will open an inquiry"): no earlier bound than the
        # publication and no invented end ("publication/..", or the publication day).
        if end is None:
            return start is None or start >= published_at
        return start == end == published_at
    if gold.interval is None:
        if end is None or end > published_at:
            return False
        return start is None or start == end == published_at
    if start is None or end is None:
        return False
    return gold.interval[0] <= start and end <= gold.interval[1]


def _touches(event: Any, spans: Iterable[Span]) -> bool:
    return any(m.start < end and start < m.end for m in event.mentions for start, end in spans)


def _preference(event: Any, gold: GoldEvent, taken: bool) -> tuple:
    words = _tokens(event.title)
    return (
        not _says_predicate(words, gold.predicate),
        not _names(words, gold.subject),
        -len(_stems(event.title) & gold.words),
        taken,
    )


def assign(ours: Sequence[Any], article: Article) -> list[tuple[int | None, str]]:
    """For each of our events: (index of its gold event or None, kind); kind is ``match``,
    ``duplicate``, ``non-event`` or ``unmatched``."""
    taken: set[int] = set()
    out: list[tuple[int | None, str]] = []
    for event in ours:
        stems = _stems(event.title)
        touched = [
            i for i, g in enumerate(article.events) if _touches(event, g.spans) and stems & g.words
        ]
        if not touched:
            kind = "non-event" if _touches(event, article.not_spans) else "unmatched"
            out.append((None, kind))
            continue
        best = min(touched, key=lambda i: _preference(event, article.events[i], i in taken))
        out.append((best, "duplicate" if best in taken else "match"))
        taken.add(best)
    return out


def actor_names(event: Any, index: dict[str, str]) -> set[str]:
    """Our event's actors as folded canonical names (name, then aliases, then the key's tail)."""
    names = set()
    for actor in event.actors:
        forms = [
            actor.name,
            *getattr(actor, "aliases", ()),
            actor.key.split(":")[-1].replace("-", " "),
        ]
        folded = [fold(f) for f in forms if f]
        names.add(next((index[f] for f in folded if f in index), folded[0] if folded else ""))
    return names - {""}


COUNTS = """key key_text found found_dated found_dated_text ours matched matched_dated duplicate
    non_event publication day good_headline type_right actors_gold actors_gold_found
    actors_found actors_ours actors_right""".split()


def score(extract_fn: Callable[[str, dt.date], Iterable[Any]], articles: Sequence[Article]) -> dict:
    """Run ``extract_fn`` over ``articles`` and return the figures (see the module docstring)."""
    counts = dict.fromkeys(COUNTS, 0)
    topics: dict[str, list[int]] = {}  # topic -> [key events, found, found with the right date]
    per_article = {}
    seconds = 0.0
    for article in articles:
        started = time.perf_counter()
        ours = list(extract_fn(article.text, article.published_at))
        seconds += time.perf_counter() - started
        mine = _count_article(article, ours)
        per_article[article.name] = mine
        for key, value in mine.items():
            counts[key] += value
        topic = topics.setdefault(article.name.split("-")[0], [0, 0, 0])
        for i, key in enumerate(("key", "found", "found_dated")):
            topic[i] += mine[key]
    return _figures(counts, topics, len(articles), seconds) | {"articles": per_article}


def _count_article(article: Article, ours: list[Any]) -> dict[str, int]:
    counts = dict.fromkeys(COUNTS, 0)
    assigned = assign(ours, article)
    by_gold: dict[int, list[Any]] = {}
    for event, (gold, kind) in zip(ours, assigned, strict=True):
        counts["ours"] += 1
        counts["publication"] += event.date.basis == "publication"
        counts["day"] += event.date.precision == "day"
        counts["duplicate"] += kind == "duplicate"
        counts["non_event"] += kind == "non-event"
        if gold is not None:
            by_gold.setdefault(gold, []).append(event)
        if kind == "match":
            counts["matched"] += 1
            counts["matched_dated"] += date_right(event, article.events[gold], article.published_at)
    for i, gold in enumerate(article.events):
        if not gold.key:
            continue
        counts["key"] += 1
        counts["key_text"] += gold.interval is not None
        counts["actors_gold"] += len(gold.participants)
        if i not in by_gold:
            continue
        match = by_gold[i][0]
        counts["found"] += 1
        counts["actors_gold_found"] += len(gold.participants)
        dated = any(date_right(e, gold, article.published_at) for e in by_gold[i])
        counts["found_dated"] += dated
        counts["found_dated_text"] += dated and gold.interval is not None
        counts["good_headline"] += good_headline(match.title, gold)
        counts["type_right"] += match.type in gold.types
        names = actor_names(match, article.aliases)
        counts["actors_found"] += len(gold.participants & names)
        counts["actors_ours"] += len(names)
        counts["actors_right"] += len(names & gold.participants)
    return counts


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _figures(c: dict[str, int], topics: dict[str, list[int]], n: int, seconds: float) -> dict:
    return {
        "articles_scored": n,
        "key_events": c["key"],
        "our_events": c["ours"],
        "key_found": _share(c["found"], c["key"]),
        "key_found_dated": _share(c["found_dated"], c["key"]),
        "key_found_dated_text": _share(c["found_dated_text"], c["key_text"]),
        "key_found_dated_publication": _share(
            c["found_dated"] - c["found_dated_text"], c["key"] - c["key_text"]
        ),
        "precision": _share(c["matched"], c["ours"]),
        "precision_dated": _share(c["matched_dated"], c["ours"]),
        "good_headlines": _share(c["good_headline"], c["found"]),
        "actor_recall": _share(c["actors_found"], c["actors_gold_found"]),
        "actor_recall_all": _share(c["actors_found"], c["actors_gold"]),
        "actor_precision": _share(c["actors_right"], c["actors_ours"]),
        "type_accuracy": _share(c["type_right"], c["found"]),
        "events_per_article": _share(c["ours"], n),
        "share_publication": _share(c["publication"], c["ours"]),
        "share_day": _share(c["day"], c["ours"]),
        "share_duplicate": _share(c["duplicate"], c["ours"]),
        "share_non_event": _share(c["non_event"], c["ours"]),
        "docs_per_second": n / seconds if seconds else 0.0,
        "by_topic": {
            topic: {"key": k, "found": _share(f, k), "found_dated": _share(d, k)}
            for topic, (k, f, d) in sorted(topics.items())
        },
    }


ROWS = [
    ("key events found", "key_found"),
    ("key events found with the right date", "key_found_dated"),
    ("  of those the text dates", "key_found_dated_text"),
    ("  of those bounded by the publication only", "key_found_dated_publication"),
    ("event precision: our events matched to a gold event", "precision"),
    ("event precision, matched with the right date", "precision_dated"),
    ("good headlines (of key events found)", "good_headlines"),
    ("actor recall (of key events found)", "actor_recall"),
    ("actor recall (of all key events)", "actor_recall_all"),
    ("actor precision (of key events found)", "actor_precision"),
    ("type accuracy (of key events found)", "type_accuracy"),
    ("events per article", "events_per_article"),
    ("share bounded by the publication date only", "share_publication"),
    ("share dated to a day", "share_day"),
    ("share duplicates (a gold event told twice)", "share_duplicate"),
    ("share non-events (a gold not-event kept)", "share_non_event"),
    ("docs/s (extract() with its temporal tagging)", "docs_per_second"),
]


def table(result: dict, articles: bool = False) -> str:
    """The figures as a plain-text table (``articles``: a line per article too)."""
    lines = [
        f"articles {result['articles_scored']}, key gold events {result['key_events']}, "
        f"our events {result['our_events']}",
        "",
    ]
    lines += figure_lines(ROWS, result)
    lines += ["", "by topic (key events, found, found with the right date):"]
    lines += group_lines(ROWS, result["by_topic"], ["found", "found_dated"], "key")
    if articles:
        lines += ["", "article: key found dated / ours matched duplicate non-event publication"]
        lines += [
            f"  {name:<24} {c['key']:3} {c['found']:3} {c['found_dated']:3} / {c['ours']:3} "
            f"{c['matched']:3} {c['duplicate']:3} {c['non_event']:3} {c['publication']:3}"
            for name, c in result["articles"].items()
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--articles", action="store_true", help="add a line per article")
    parser.add_argument(
        "--set",
        type=Path,
        default=DEFAULT_SET,
        help="a folder of articles and their GOLD.json (default: fixtures/articles/t17)",
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from service.events import extract

    extract("Warm-up: the minister arrived on Monday.", dt.date(2023, 12, 20))
    result = score(extract, load_articles(args.set.resolve()))
    if args.json:
        print(json.dumps(result | {"set": str(args.set)}, indent=2))
    else:
        print(f"set {args.set}\n" + table(result, args.articles))
    return 0


if __name__ == "__main__":
    sys.exit(main())
