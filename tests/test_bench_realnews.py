"""bench/realnews.py: the real-news development set's gold is well formed, and the scorer gives
a perfect extractor full marks, an empty one none, and moves when the output changes."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from service.events.types import TYPES

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("bench_realnews", ROOT / "bench" / "realnews.py")
bench = sys.modules.setdefault("bench_realnews", importlib.util.module_from_spec(spec))
spec.loader.exec_module(bench)
GOLD = json.loads((bench.DEFAULT_SET / "GOLD.json").read_text(encoding="utf-8"))
KINDS = ROOT / "fixtures" / "articles" / "kinds"
KINDS2 = ROOT / "fixtures" / "articles" / "kinds2"
WIRE = ROOT / "fixtures" / "articles" / "wire"
WIRE2 = ROOT / "fixtures" / "articles" / "wire2"
WIRE3 = ROOT / "fixtures" / "articles" / "wire3"
WIRE4 = ROOT / "fixtures" / "articles" / "wire4"
WIRE5 = ROOT / "fixtures" / "articles" / "wire5"
WIRE6 = ROOT / "fixtures" / "articles" / "wire6"
WIRE7 = ROOT / "fixtures" / "articles" / "wire7"
T17B = ROOT / "fixtures" / "articles" / "t17b"
T17C = ROOT / "fixtures" / "articles" / "t17c"
T17D = ROOT / "fixtures" / "articles" / "t17d"
SETS = [
    bench.DEFAULT_SET,
    KINDS,
    KINDS2,
    WIRE,
    WIRE2,
    WIRE3,
    WIRE4,
    WIRE5,
    WIRE6,
    WIRE7,
    T17B,
    T17C,
    T17D,
]
TWO = ["H1N1-reuters-435", "MJ-bbc-401"]  # the second has not-events
RATIOS = [key for _, key in bench.ROWS if key not in ("events_per_article", "docs_per_second")]


def test_every_article_has_its_gold_and_triggers_found_once():
    names = sorted(p.stem for p in bench.DEFAULT_SET.glob("*.json") if p.stem != "GOLD")
    assert len(names) == 30 and sorted(GOLD["articles"]) == names
    articles = bench.load_articles()  # raises on a trigger that is not once in its text
    assert {a.name.split("-")[0] for a in articles} == {"H1N1", "haiti", "MJ"}
    assert all(any(g.key for g in a.events) for a in articles)


def _names(folder) -> set[str]:
    return {p.stem for p in folder.glob("*.json") if p.stem != "GOLD"}


@pytest.mark.parametrize(
    "folder, earlier, topics, outlets",
    [
        (T17B, [], {"H1N1", "haiti", "MJ"}, None),
        (T17C, [T17B], {"H1N1"}, {"bbc", "guardian", "reuters"}),
        (T17D, [T17B, T17C], {"haiti", "MJ"}, None),
    ],
    ids=["t17b", "t17c", "t17d"],
)
def test_a_later_timeline17_set_has_its_gold_and_none_of_the_earlier_sets_articles(
    folder, earlier, topics, outlets
):
    names = _names(folder)
    gold = json.loads((folder / "GOLD.json").read_text(encoding="utf-8"))
    assert len(names) == 16 and set(gold["articles"]) == names
    assert not names & (set(GOLD["articles"]).union(*map(_names, earlier)))
    articles = bench.load_articles(folder)  # raises on a trigger that is not once in its text
    assert {a.name.split("-")[0] for a in articles} == topics
    if outlets:
        assert {a.name.split("-")[1] for a in articles} == outlets
    assert all(any(g.key for g in a.events) for a in articles)


@pytest.mark.parametrize(
    "folder, size",
    [
        (KINDS, 24),
        (KINDS2, 16),
        (WIRE, 16),
        (WIRE2, 16),
        (WIRE3, 16),
        (WIRE4, 16),
        (WIRE5, 16),
        (WIRE6, 16),
        (WIRE7, 16),
    ],
    ids=["kinds", "kinds2", "wire", "wire2", "wire3", "wire4", "wire5", "wire6", "wire7"],
)
def test_the_kinds_sets_have_their_gold_and_triggers_found_once(folder, size):
    names = sorted(p.stem for p in folder.glob("*.json") if p.stem != "GOLD")
    gold = json.loads((folder / "GOLD.json").read_text(encoding="utf-8"))
    assert len(names) == size and sorted(gold["articles"]) == names
    articles = bench.load_articles(folder)  # raises on a trigger that is not once in its text
    assert len({a.name.split("-")[0] for a in articles}) >= 8
    assert all(any(g.key for g in a.events) for a in articles)


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_gold_types_and_dates_are_valid(folder):
    gold = json.loads((folder / "GOLD.json").read_text(encoding="utf-8"))
    for notes in gold["articles"].values():
        for event in notes["events"]:
            types = event["type"] if isinstance(event["type"], list) else [event["type"]]
            assert set(types) <= set(TYPES), event["headline"]
            bench.gold_interval(event["date"]["value"])  # raises on a value with no interval


def _event(gold, published_at, *, title=None, interval="gold", actors=None, kind=None):
    """An extracted event as ``service.events.Event`` shapes it, made from a gold event."""
    if interval == "gold":
        interval = gold.interval
    start, end = interval if interval else (None, published_at)
    basis = "expression" if interval else "publication"
    date = SimpleNamespace(start=start, end=end, precision="day", basis=basis)
    names = sorted(gold.participants) if actors is None else actors
    return SimpleNamespace(
        title=gold.headline if title is None else title.format(gold.headline),
        type=kind or sorted(gold.types)[0],
        actors=[SimpleNamespace(name=n, key=f"x:{n}", aliases=()) for n in names],
        mentions=[SimpleNamespace(start=s, end=e) for s, e in gold.spans[:1]],
        date=date,
    )


def _extractor(articles, **change):
    by_text = {a.text: a for a in articles}

    def extract(text, published_at):
        return [_event(g, published_at, **change) for g in by_text[text].events]

    return extract


@pytest.fixture(scope="module")
def two():
    return bench.load_articles(names=TWO)


def test_a_perfect_extractor_scores_one_and_an_empty_one_zero(two):
    perfect = bench.score(_extractor(two), two)
    assert all(perfect[key] == 1.0 for key in RATIOS if not key.startswith("share")), perfect
    empty = bench.score(lambda text, published_at: [], two)
    assert all(empty[key] == 0.0 for key in RATIOS), empty


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_every_gold_headline_is_a_good_headline(folder):
    articles = bench.load_articles(folder)
    result = bench.score(_extractor(articles), articles)
    assert result["good_headlines"] == 1.0 and result["actor_recall"] == 1.0


@pytest.mark.parametrize(
    ("change", "falls"),
    [
        ({"interval": (dt.date(1999, 1, 1), dt.date(1999, 1, 1))}, "key_found_dated"),
        ({"title": "{} on"}, "good_headlines"),
        ({"actors": ["Summit", "State"]}, "actor_precision"),
        ({"actors": []}, "actor_recall"),
        ({"kind": "protest"}, "type_accuracy"),
    ],
)
def test_figures_stay_in_bounds_and_move_with_the_output(two, change, falls):
    perfect = bench.score(_extractor(two), two)
    changed = bench.score(_extractor(two, **change), two)
    assert all(0.0 <= changed[key] <= 1.0 for key in RATIOS)
    assert changed[falls] < perfect[falls]
    assert changed["key_found"] == perfect["key_found"]


def test_actor_recall_counts_the_participants_of_the_key_events_found(two):
    article = two[0]
    keys = [g for g in article.events if g.key and g.participants]
    first = _event(keys[0], article.published_at)
    result = bench.score(lambda text, published_at: [first], [article])
    assert result["actor_recall"] == 1.0 and result["actor_precision"] == 1.0
    if len(keys) > 1:  # a missed event's participants are missed in the figure over all
        assert result["actor_recall_all"] < 1.0


def test_an_event_whose_title_shares_no_word_with_the_gold_is_not_a_match(two):
    result = bench.score(_extractor(two, title="Talks"), two)
    assert result["key_found"] == 0.0 and result["precision"] == 0.0


def test_duplicates_and_non_events_count_against_precision(two):
    article, hedged = two
    first = _event(article.events[0], article.published_at)
    result = bench.score(lambda text, published_at: [first, first], [article])
    assert result["precision"] == 0.5 and result["share_duplicate"] == 0.5
    start, end = hedged.not_spans[0]
    hedge = SimpleNamespace(**vars(first) | {"mentions": [SimpleNamespace(start=start, end=end)]})
    result = bench.score(lambda text, published_at: [hedge], [hedged])
    assert result["precision"] == 0.0 and result["share_non_event"] == 1.0


@pytest.mark.parametrize(
    ("value", "ours", "right"),
    [
        ("2009-06", ("2009-06-25", "2009-06-25"), True),
        ("2009-06", ("2009-05-25", "2009-06-25"), False),
        ("2009-06-25", ("2009-06-01", "2009-06-30"), False),
        ("2010-01-23/2010-01-24", ("2010-01-24", "2010-01-24"), True),
        ("publication", (None, "2010-01-20"), True),
        ("publication", ("2010-01-20", "2010-01-20"), True),
        ("publication", ("1953-01-01", "1953-12-31"), False),
        ("publication", (None, "2010-02-01"), False),
        ("2009-06", (None, "2009-06-30"), False),
    ],
)
def test_date_right(value, ours, right):
    """A date inside the gold's interval; for ``publication``, nothing after it."""
    gold = bench.GoldEvent(
        "", (), (), frozenset(), frozenset(), bench.gold_interval(value), (), True
    )
    start, end = (d and dt.date.fromisoformat(d) for d in ours)
    event = SimpleNamespace(date=SimpleNamespace(start=start, end=end))
    assert bench.date_right(event, gold, dt.date(2010, 1, 20)) is right


def test_folding_names_and_headline_rules():
    index = bench.alias_index({"Conrad Murray": ["Murray"], "United States": ["U.S."]})
    assert index[bench.fold("Dr. Conrad Murray")] == "conrad murray"
    assert index[bench.fold("U.S.")] == "united states"
    gold = bench.GoldEvent("", ("Murray",), ("plead",), frozenset(), frozenset(), None, (), True)
    assert bench.good_headline("Murray pleads not guilty", gold)
    assert not bench.good_headline("Murray pleads not guilty to", gold)
    assert not bench.good_headline("Trial begins", gold)
    assert bench.good_headline("Judge Murray pleaded", gold)  # titles stay in headlines


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("signed", "sign", True),
        ("sells", "sell", True),
        ("listed", "list", True),
        ("says", "say", True),
        ("quakes", "quake", True),
        ("resigned", "resignation", True),
        ("sign", "sing", False),
        ("list", "lost", False),
        ("was", "war", False),
    ],
)
def test_stems_take_off_regular_endings(one, other, same):
    assert (bench._stem(one) == bench._stem(other)) is same


@pytest.mark.parametrize(
    ("ours", "right"),
    [
        (("2010-01-20", None), True),  # from the publication on: a plan not yet dated
        ((None, None), True),
        (("2010-01-20", "2010-01-20"), True),
        ((None, "2010-01-20"), False),  # bounded by the publication: told as done
        (("2010-01-19", None), False),
        (("2010-03-01", "2010-03-31"), False),  # a month the text does not give
    ],
)
def test_date_right_of_an_undated_plan(ours, right):
    gold = bench.GoldEvent(
        "", (), (), frozenset(), frozenset(), None, (), True, frozenset(), planned=True
    )
    start, end = (d and dt.date.fromisoformat(d) for d in ours)
    event = SimpleNamespace(date=SimpleNamespace(start=start, end=end))
    assert bench.date_right(event, gold, dt.date(2010, 1, 20)) is right
