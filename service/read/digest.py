"""The digest: a story's key dates (those whose events weigh most), each with its events that
stand highest (their weight times how well their summary reads as a timeline's entry). Weights
and standings are kept by the write side (service.write.importance); the dates' sums are read
from the kept per-date sums (DayWeight) or a type's covering index, walked date by date for
the other filters (service.read.daywalk) or summed over a rare filter's matches; then one
ranked query for the events of the chosen dates."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import Any, NamedTuple

import peewee as pw

from ..storage import search
from ..storage.connection import database
from ..storage.models import Article, DayWeight, Event
from ..storage.order import PRECISIONS, UNDATED, precision_rank
from ..storage.rows import fetch, rows_of
from . import daywalk as walk
from .queries import PAGE_COLUMNS, resolve_actor_terms, widened

_DAY = precision_rank("day")
#: Filters the dates' kept sums know nothing of (DayWeight; the type's index): with one of them
#: the dates are walked (service.read.daywalk).
RESIDUAL = ("q", "actor", "article", "min_salience", "precision_at_least", "precision_at_most")
#: A date's events are told in different words: an event whose summary's words are all among
#: those of one shown before it, or the reverse, is left out (two events of one sentence, a
#: report retold). Each date's arm reads ``CANDIDATES`` times ``per_date`` rows.
CANDIDATES = 3
_WORD = re.compile(r"\w+")
#: What each article published on a day adds to the day's weight in the unfiltered digest
#: (events of one date sum to about the number of articles about it: an article published
#: that day counts half as much as one telling of it). Leave-one-story-out on the Timeline17
#: development stories: MJ date F1 0.486 -> 0.541, AR1 0.177 -> 0.198; haiti and H1N1's
#: three timelines the same dates at 0.5 and 0.75 (at 1.0 the Guardian's loses one).
BURST = 0.5
#: The rank a date is keyed by: a time of day is its day.
_KEY_RANK = pw.Case(None, [(Event.precision_rank <= _DAY, _DAY)], Event.precision_rank)


class KeyDate(NamedTuple):
    date: dt.date
    precision: str
    weight: float
    events: list  # rows with PAGE_COLUMNS, standing highest first


def digest(args: dict[str, Any]) -> list[KeyDate]:
    """The ``dates`` weightiest dates of the events ``args`` select (the /events filters; the
    window by the date itself), in date order, each with its ``per_date`` events standing
    highest."""
    ranks = list(range(precision_rank(args.get("precision") or "day") + 1))
    if args.get("actor"):  # resolved once (an unknown actor is refused as on /events)
        args = {**args, "actor_ids": resolve_actor_terms(args["actor"])}
    if args.get("q"):  # an actor's acronym or initials also finds its name (as on /events)
        args = {**args, "q": widened(args["q"])}
    if not any(_given(args, f) for f in RESIDUAL) and not args.get("type"):
        chosen = _reported(args, ranks, args.get("dates") or 20)
    elif not any(_given(args, f) for f in RESIDUAL):
        chosen = {key: total for key, total, _ in _kept_sums(args, ranks, args.get("dates") or 20)}
    elif not (matches := walk.matches(args)):
        # only filters checked row by row (min_salience, precision bounds): no index of
        # matches to walk or drive, so the arms of the covering index, each row checked
        wanted = args.get("dates") or 20
        chosen = {key: total for key, total, _ in _totals(args, ranks, wanted, checked=True)}
    else:
        chosen = walk.weightiest(args, ranks, _kept_sums, matches)
        if chosen is None:  # driven by the rarest filter's matches
            chosen = _totals_of_matches(args, ranks, min(matches, key=matches.get, default=None))
    if not chosen:
        return []
    events = _events(args, ranks, sorted(chosen), args.get("per_date") or 1)
    return [
        KeyDate(day, PRECISIONS[rank], round(chosen[(day, rank)], 4), events.get((day, rank), []))
        for day, rank in sorted(chosen)
    ]


def _given(args: dict[str, Any], name: str) -> bool:
    return args.get(name) is not None and args.get(name) != []


def _kept_sums(args: dict[str, Any], ranks: list[int], limit: int, offset: int = 0) -> list:
    """The (date, key rank)s of the window's events of the ``type`` filter, weightiest first
    (then in date order), from ``offset`` on: ``((date, key rank), weight, events)``, read
    from the dates' kept sums (DayWeight) or, for some types, summed from their index."""
    if args.get("type"):
        return _totals(args, ranks, limit, offset)
    return _day_totals(args, ranks, limit, offset)


def _totals(
    args: dict[str, Any], ranks: list[int], limit: int, offset: int = 0, checked: bool = False
) -> list:
    """As :func:`_kept_sums`, of the events of the window and the types: one arm per precision
    rank and type, each summing one range of the covering index event_type_day_weight (type,
    precision rank, sort date, weight) in its order (with all ranks or types in one WHERE,
    SQLite walks another index and reads every row; one GROUP BY over all arms sorts every
    row); the arms' per-date sums are then added up per date and key rank. ``checked``: the
    filters the index does not hold (min_salience, precision bounds) checked on each row."""
    kept = {k: v for k, v in args.items() if checked or k in walk.KEPT}
    shapes = [(rank, kind) for rank in ranks for kind in kept.get("type") or [None]]
    arms = [
        _selected(
            Event.select(
                Event.sort_date,
                pw.fn.SUM(Event.weight).alias("total"),
                pw.fn.COUNT(pw.SQL("*")).alias("n"),
            ),
            {**kept, "type": [kind] if kind else []},
            [rank],
        )
        .group_by(Event.sort_date)
        .sql()
        for rank, kind in shapes
    ]
    union = " UNION ALL ".join(
        f"SELECT {max(r, _DAY)} AS key, t.sort_date, t.total, t.n FROM ({sql}) AS t"
        for (r, _), (sql, _) in zip(shapes, arms, strict=True)
    )
    totals = (
        f"SELECT sort_date, key, COALESCE(SUM(total), 0) AS total, SUM(n) FROM ({union}) AS arms "
        f"GROUP BY sort_date, key ORDER BY total DESC, sort_date "
        f"LIMIT {database.param} OFFSET {database.param}"
    )
    params = [p for _, ps in arms for p in ps] + [limit, offset]
    rows = database.execute_sql(totals, params)
    # (PostgreSQL sums counts as numeric: an int here)
    return [((_date(day), rank), weight, int(n)) for day, rank, weight, n in rows]


def _day_totals(args: dict[str, Any], ranks: list[int], limit: int, offset: int = 0) -> list:
    """As :func:`_kept_sums` with no filter but the window: the dates' kept sums (one row a
    date and key rank, not one an event)."""
    query = DayWeight.select(
        DayWeight.sort_date, DayWeight.key_rank, DayWeight.total, DayWeight.events
    ).where(
        DayWeight.key_rank.in_(sorted({max(rank, _DAY) for rank in ranks}))
        & (DayWeight.sort_date <= min(args.get("to") or UNDATED, UNDATED - dt.timedelta(days=1)))
    )
    if args.get("from_"):
        query = query.where(DayWeight.sort_date >= args["from_"])
    query = query.order_by(DayWeight.total.desc(), DayWeight.sort_date).limit(limit).offset(offset)
    rows = database.execute_sql(*query.sql())  # (plain values: no conversion by peewee)
    return [((_date(day), rank), weight or 0.0, n) for day, rank, weight, n in rows]


def _reported(args: dict[str, Any], ranks: list[int], wanted: int) -> dict:
    """The unfiltered digest's dates: the weightiest by their events' kept sums, each day
    weighing ``BURST`` more for each article published on it (a story's reporting comes in
    bursts on the days things happen; a day only told of, in listings, anniversaries and
    background, has none). A day is a key date only through events of its own. The dates that
    can be among the ``wanted`` weightiest: those heaviest by their events alone, and the
    days articles were published on (their kept sums read in the same statement)."""
    chosen = {key: total for key, total, _ in _day_totals(args, ranks, wanted)}
    if not BURST or _DAY not in ranks:
        return chosen
    lo = args.get("from_") or dt.date.min
    hi = min(args.get("to") or UNDATED, UNDATED - dt.timedelta(days=1))
    weights = dict(chosen)
    # (a day outside the heaviest by events alone must reach the last of them with its
    # publications added: only those rows come back, with the chosen days published on)
    floor = min(chosen.values(), default=0.0) if len(chosen) == wanted else 0.0
    published = (
        Article.select(Article.published_at, pw.fn.COUNT(pw.SQL("*")).alias("n"))
        .where(Article.published_at.between(lo, hi))
        .group_by(Article.published_at)
        .alias("published")
    )
    days = (
        DayWeight.select(DayWeight.sort_date, DayWeight.total, published.c.n)
        .join(published, on=(published.c.published_at == DayWeight.sort_date))
        .where((DayWeight.key_rank == _DAY) & (DayWeight.total + BURST * published.c.n >= floor))
    )
    for day, total, n in database.execute_sql(*days.sql()):
        weights[(_date(day), _DAY)] = (total or 0.0) + BURST * n
    heaviest = sorted(weights, key=lambda key: (-weights[key], key))[:wanted]
    return {key: weights[key] for key in heaviest}


def _totals_of_matches(args: dict[str, Any], ranks: list[int], drive: str | None) -> dict:
    """The weightiest (date, key rank)s of the events ``args`` select, with their weights,
    summed over the matches: read from the index of the matches (an actor's links, the
    full-text index), each fetched by its id."""
    total = pw.fn.SUM(Event.weight)
    query = (
        _selected(Event.select(Event.sort_date, _KEY_RANK, total), args, ranks, drive)
        .group_by(Event.sort_date, _KEY_RANK)
        .order_by(total.desc(), Event.sort_date)
        .limit(args.get("dates") or 20)
    )
    return {(_date(day), rank): weight or 0.0 for day, rank, weight in query.tuples()}


def _selected(
    query: pw.Select, args: dict[str, Any], ranks: list[int], drive: str | None = None
) -> pw.Select:
    """``query`` restricted to the events ``args`` select of precision ``ranks``, the window by
    the date itself; ``drive``: the filter read from its matches' index (daywalk.restrict)."""
    query = walk.restrict(query, args, drive).where(Event.precision_rank.in_(ranks))
    lo, hi = args.get("from_"), args.get("to")
    if lo:
        query = query.where(Event.sort_date >= lo)
    return query.where(Event.sort_date <= min(hi or UNDATED, UNDATED - dt.timedelta(days=1)))


def _events(args: dict[str, Any], ranks: list[int], keys: list[tuple], per_date: int) -> dict:
    """The ``per_date`` events standing highest of each (date, key rank) of ``keys``, by key:
    one statement of one arm per date and precision rank, each the first rows of a backward
    walk of event_day_standing_id (no window sorts a busy day's hundreds of events)."""
    columns = (*PAGE_COLUMNS, Event.standing, Event.summary)
    found: dict[tuple[dt.date, int], list] = defaultdict(list)
    if search.is_postgres() and (not args.get("q") or search.postings(args["q"])):
        # (a word's matches checked by probes of its postings as each date is walked)
        return _weightiest(_events_lateral(args, columns, ranks, keys, per_date), found, per_date)
    if args.get("q"):
        # The full-text matches are looked up once per statement, not once per date's arm:
        # the matches of the chosen dates in one query, the highest standing kept here.
        rows = fetch(
            _selected(Event.select(*columns), args, ranks).where(
                Event.sort_date.in_(sorted({day for day, _ in keys}))
            )
        )
        return _weightiest(rows, found, per_date)
    arms, params = [], []
    shapes: dict[int, tuple[str, list, list[int]]] = {}
    for day, key in keys:
        for rank in (r for r in ranks if max(r, _DAY) == key):
            if rank not in shapes:
                shapes[rank] = _arm(args, columns, rank, per_date)
            sql, ps, at = shapes[rank]
            ps = list(ps)
            for i in at:
                ps[i] = Event.sort_date.db_value(day)
            arms.append(f"SELECT * FROM ({sql}) AS a{len(arms)}")
            params += ps
    if not arms:
        return found
    rows = rows_of(
        _selected(Event.select(*columns), args, ranks),
        database.execute_sql(" UNION ALL ".join(arms), params),
    )
    return _weightiest(rows, found, per_date)


def _events_lateral(
    args: dict[str, Any], columns: tuple, ranks: list[int], keys: list[tuple], per_date: int
) -> list:
    """PostgreSQL: the rows of :func:`_events`'s arms in one statement whose text does not
    change with the dates (each (date, rank) an element of two arrays, the arm a LATERAL
    subquery run once per element): planning the union of twenty arms took longer than
    running it (60 ms on a loaded machine, beside 15)."""
    pairs = [(day, rank) for day, key in keys for rank in ranks if max(rank, _DAY) == key]
    arm = (
        walk.restrict(Event.select(*columns), args)
        .where(
            (Event.sort_date == pw.SQL("chosen.day"))
            & (Event.precision_rank == pw.SQL("chosen.rank"))
        )
        .order_by(Event.standing.desc(), Event.id.desc())
        .limit(per_date if per_date == 1 else per_date * CANDIDATES)
    )
    sql, params = arm.sql()
    outer = (
        "SELECT arm.* FROM unnest(%s::date[], %s::int[]) AS chosen(day, rank) "
        f"CROSS JOIN LATERAL ({sql}) AS arm"
    )
    days, ranks_ = [day for day, _ in pairs], [rank for _, rank in pairs]
    return rows_of(arm, database.execute_sql(outer, [days, ranks_, *params]))


def _arm(args: dict[str, Any], columns: tuple, rank: int, per_date: int) -> tuple:
    """One date's arm of precision ``rank``: its SQL, its parameters and where the date goes
    among them (one SQL per rank, not per date: building a statement costs more than running
    this one)."""

    def built(day: dt.date) -> tuple[str, list]:
        query = (
            _selected(Event.select(*columns), args, [rank])
            .where(Event.sort_date == day)
            .order_by(Event.standing.desc(), Event.id.desc())
            .limit(per_date if per_date == 1 else per_date * CANDIDATES)
        )
        return query.sql()

    (sql, one), (_, two) = built(dt.date(2000, 1, 1)), built(dt.date(2000, 1, 2))
    return sql, one, [i for i, (a, b) in enumerate(zip(one, two, strict=True)) if a != b]


def _weightiest(rows: list, found: dict, per_date: int) -> dict:
    """``rows`` by (date, key rank), the ``per_date`` standing highest of each (newest first on
    a tie)."""
    for row in rows:
        found[(_date(row.sort_date), max(row.precision_rank, _DAY))].append(row)
    for key, mine in found.items():
        mine.sort(key=lambda row: (-(row.standing or 0.0), -row.id))
        found[key] = _told_apart(mine, per_date)
    return found


def _told_apart(rows: list, per_date: int) -> list:
    """The first ``per_date`` of ``rows`` whose summaries' words do not hold one another's."""
    shown: list = []
    words: list[set[str]] = []
    for row in rows:
        mine = set(_WORD.findall((row.summary or "").lower()))
        if any(mine <= other or other <= mine for other in words):
            continue
        shown.append(row)
        words.append(mine)
        if len(shown) == per_date:
            break
    return shown


def _date(value: dt.date | str) -> dt.date:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value
