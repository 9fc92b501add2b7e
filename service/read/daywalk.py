"""The filtered digest's dates without summing every match: dates walked from the weightiest
down by their kept sums, each date's filtered sum read with one index lookup per event.

A date's filtered sum is at most its kept sum (the sum over all its events of the window and
types; weights are never negative). So walking the dates by kept sum, heaviest first, and
summing each one's matches, the ``dates`` heaviest filtered sums are known as soon as the last
of them outweighs the kept sum of the next date: no date below can overtake it. A frequent
filter (an actor in a third of the events, a common word) ends the walk within the first few
hundred dates, where summing its matches would read tens of thousands of events. A rare one
would walk far: the walk gives up before reading half as many events as the rarest filter has
matches (counted from its index), and the caller sums that filter's matches instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import peewee as pw

from ..storage import search
from ..storage.connection import database
from ..storage.models import Event, EventActor
from ..storage.order import ID_MASK, precision_rank, timeline_key
from .queries import actor_clause, article_clause, filter_events, resolve_actor_terms

#: The filters read here, not as /events reads them (``actor_ids``: the actors named, resolved).
OWN = ("actor", "actor_ids", "q", "article")
#: The filters the kept sums know: the window (by the date itself) and the types.
KEPT = ("from_", "to", "type")
#: Dates walked in the first step, and how much each step grows.
FIRST, GROWTH = 100, 2
#: The walk gives up before it reads more events than this share of the rarest filter's matches.
BUDGET = 0.5
#: What listing one full-text match costs beside reading one event by its id (SQLite: about
#: 3 ms to list 8,000 matches, 18 ms to read their events).
LISTING = 0.15
#: Matches counted at most (estimates of frequent filters stop there).
COUNTED = 40_000
#: PostgreSQL plans each of a walk's statements anew (the dates' list: several ms) and sums a
#: filter's matches well in one (a hash join, index-only lookups by id): it walks only for a
#: filter with at least this many matches (an actor in a third of the events).
POSTGRES_FROM = 20_000
#: PostgreSQL reads the kept sums of this many of the walk's steps at once.
AHEAD = 3
#: Kept sums and filtered ones are added up in different orders: what may part them.
EPSILON = 1e-9

Key = tuple[dt.date, int]
_DAY = precision_rank("day")


def restrict(
    query: pw.Select, args: dict[str, Any], drive: str | None = None, within: tuple = ()
) -> pw.Select:
    """``query`` (on Event) with the filters of ``args`` other than the window: the filter
    ``drive`` (``actor``, ``q`` or ``article``) read from its matches' own index, each match
    fetched by id (to sum all of them); the others checked for each event read another way.
    ``within``: the (lowest, highest) timeline keys of the events wanted, the range of the
    driving index read (an actor's links; a word's postings on PostgreSQL)."""
    plain = {k: v for k, v in args.items() if k not in (*OWN, "from_", "to")}
    query = filter_events(query, plain)
    if args.get("actor"):
        actors = args.get("actor_ids") or resolve_actor_terms(args["actor"])
        query = query.where(
            actor_clause(actors, "listed" if drive == "actor" else "probed", within)
        )
    if args.get("article"):
        query = query.where(article_clause(args["article"]))
    if args.get("q"):
        if drive == "q" and within and search.postings(args["q"]):
            return query.where(search.posted_within(search.postings(args["q"]), *within))
        query = query.where(search.matching(args["q"], walked=True, probe=drive != "q"))
    return query


def weightiest(
    args: dict[str, Any], ranks: list[int], kept_sums: Callable, matches: dict[str, int]
) -> dict | None:
    """The ``dates`` weightiest (date, key rank)s of the events ``args`` select, with their
    filtered sums, found by walking the kept sums (``kept_sums(args, ranks, limit, offset)``:
    ``((date, key rank), kept sum, events)`` heaviest first); None when the walk would read
    more than BUDGET times the fewest ``matches`` of a filter (see :func:`matches`), and on
    PostgreSQL when they are fewer than POSTGRES_FROM (there a walked date's events are read
    from the range of the filter given by :func:`_driver`)."""
    postgres = search.is_postgres()
    if postgres and min(matches.values(), default=0) < POSTGRES_FROM:
        return None
    if postgres and args.get("type"):
        kept_sums = _read_ahead(kept_sums)
    driver = _driver(args, matches) if postgres else None
    wanted = args.get("dates") or 20
    budget = BUDGET * min(matches.values(), default=COUNTED)
    # SQLite lists the full-text matches again for each statement (one a precision rank)
    listed = 0 if postgres else LISTING * matches.get("q", 0) * len(ranks)
    found: dict[Key, float] = {}
    offset, step, read = 0, FIRST, 0
    while read + listed <= budget:
        batch = kept_sums(args, ranks, step, offset)
        read += sum(n for _, _, n in batch) + listed
        if read > budget:
            return None
        keys = [key for key, _, _ in batch]
        if postgres:
            sums = _filtered_sums_of_pairs(args, ranks, keys, driver)
        else:
            sums = _filtered_sums(args, ranks, keys)
        found.update(sums)
        offset += len(batch)
        best = dict(sorted(found.items(), key=lambda kv: (-kv[1], kv[0][0]))[:wanted])
        if len(batch) < step:  # every date walked
            return best
        lowest = batch[-1][1]  # every date not walked yet weighs at most this
        if len(best) == wanted and min(best.values()) > lowest + EPSILON * max(1.0, lowest):
            return best
        step *= GROWTH
    return None


def _read_ahead(kept_sums: Callable) -> Callable:
    """``kept_sums`` reading the rows of the walk's first AHEAD steps at once, then the
    next ones as many at a time (PostgreSQL: a type's sums are summed again for each
    statement, over all its events, and reading more of their first rows costs little)."""
    rows: list = []
    ended = False

    def read(args: dict[str, Any], ranks: list[int], limit: int, offset: int) -> list:
        nonlocal ended
        if offset + limit > len(rows) and not ended:
            more = max(offset + limit - len(rows), FIRST * sum(GROWTH**i for i in range(AHEAD)))
            batch = kept_sums(args, ranks, more, len(rows))
            rows.extend(batch)
            ended = len(batch) < more
        return rows[offset : offset + limit]

    return read


def matches(args: dict[str, Any]) -> dict[str, int]:
    """How many events each of the article, full-text and actor filters given matches,
    counted from its own index up to COUNTED (an article's events are few: 0), each after
    the first only up to one more than the fewest so far: the walk and the sums need the
    fewest and which filter has them, not how many a more frequent one has (the actor of a
    third of the events beside a word of 8,000: 34,000 links not counted)."""
    counts: dict[str, int] = {}

    def most() -> int:
        return min(COUNTED, min(counts.values(), default=COUNTED) + 1)

    if args.get("article"):
        counts["article"] = 0
    if args.get("q"):
        counts["q"] = search.count(args["q"], most())
    if args.get("actor"):
        actors = args.get("actor_ids") or resolve_actor_terms(args["actor"])
        links = EventActor.select(EventActor.id).where(EventActor.actor.in_(actors))
        counts["actor"] = links.limit(most()).count()
    return counts


def _filtered_sums(args: dict[str, Any], ranks: list[int], keys: list[Key]) -> dict[Key, float]:
    """The filtered sum of each of ``keys`` that has a match (SQLite): one statement per
    precision rank, each reading one range of the index event_day_weight per date."""
    arms = []
    for rank in ranks:
        days = sorted({day for day, key in keys if key == max(rank, _DAY)})
        if days:
            # The dates as one node of placeholders (peewee builds a node for each value).
            among = pw.SQL(
                f"({', '.join([database.param] * len(days))})",
                [Event.sort_date.db_value(day) for day in days],
            )
            query = Event.select(
                Event.sort_date, pw.fn.SUM(Event.weight), pw.fn.COUNT(pw.SQL("*"))
            ).where((Event.precision_rank == rank) & Event.sort_date.in_(among))
            arms.append((max(rank, _DAY), restrict(query, args).group_by(Event.sort_date)))
    wanted = set(keys)
    sums: dict[Key, float] = {}
    for key, arm in arms:
        for day, total, _ in database.execute_sql(*arm.sql()):
            at = (_date(day), key)
            if at in wanted:
                sums[at] = sums.get(at, 0.0) + (total or 0.0)
    return sums


def _filtered_sums_of_pairs(
    args: dict[str, Any], ranks: list[int], keys: list[Key], driver: str | None
) -> dict[Key, float]:
    """PostgreSQL: the filtered sum of each of ``keys`` that has a match, in one statement
    whose text does not change with the dates (each date and its precision ranks an element
    of arrays, its sum a subquery reading one range of the index of ``driver``, else of
    event_day_weight, the other filters checked by index probes): PostgreSQL planned a list
    of a hundred dates for longer than it ran, and hashed every link of a frequent actor to
    check a few hundred events."""
    spans = [(day, min(mine), max(mine)) for day, key in keys if (mine := _ranks_of(key, ranks))]
    within = (pw.SQL("walked.lo"), pw.SQL("walked.hi"))
    # (an event not weighed yet counts 0; a date without a match has no sum)
    total = pw.fn.SUM(pw.fn.COALESCE(Event.weight, 0))
    one = restrict(Event.select(total), args, driver, within)
    if driver is None:  # (else the driving range holds the date and ranks, and is read first)
        one = one.where(
            (Event.sort_date == pw.SQL("walked.day"))
            & Event.precision_rank.between(pw.SQL("walked.first"), pw.SQL("walked.last"))
        )
    sql, params = one.sql()
    outer = (
        "SELECT walked.day, walked.first, sums.* FROM unnest(%s::date[], %s::int[], "
        "%s::int[], %s::bigint[], %s::bigint[]) AS walked(day, first, last, lo, hi) "
        f"CROSS JOIN LATERAL ({sql}) AS sums"
    )
    columns = [
        [day for day, _, _ in spans],
        [first for _, first, _ in spans],
        [last for _, _, last in spans],
        [timeline_key(day, first, 0) for day, first, _ in spans],
        [timeline_key(day, last, ID_MASK) for day, _, last in spans],
    ]
    rows = database.execute_sql(outer, [*columns, *params])
    return {
        (_date(day), max(first, _DAY)): total for day, first, total in rows if total is not None
    }


def _ranks_of(key: int, ranks: list[int]) -> list[int]:
    """The precision ranks among ``ranks`` a date of key rank ``key`` holds (a time of day
    is its day): consecutive, so one range of any index in timeline order."""
    return [rank for rank in ranks if max(rank, _DAY) == key]


def _driver(args: dict[str, Any], matches: dict[str, int]) -> str | None:
    """The filter whose index a walked date's events are read from on PostgreSQL, the one
    with fewer matches of: a single actor (its links by timeline key), words that must all
    occur (the postings of the first); None when neither is given."""
    drivers = []
    if args.get("actor") and len(args.get("actor_ids") or ()) == 1:
        drivers.append("actor")
    if args.get("q") and search.postings(args["q"]):
        drivers.append("q")
    return min(drivers, key=lambda name: matches.get(name, COUNTED), default=None)


def _date(value: dt.date | str) -> dt.date:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value
