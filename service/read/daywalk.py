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
from ..storage.models import Event, EventActor, Mention
from ..storage.order import precision_rank
from .queries import filter_events, resolve_actor_terms

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
#: Kept sums and filtered ones are added up in different orders: what may part them.
EPSILON = 1e-9

Key = tuple[dt.date, int]
_DAY = precision_rank("day")


def restrict(query: pw.Select, args: dict[str, Any], drive: str | None = None) -> pw.Select:
    """``query`` (on Event) with the filters of ``args`` other than the window: the filter
    ``drive`` (``actor``, ``q`` or ``article``) read from its matches' own index, each match
    fetched by id (to sum all of them); the others checked for each event read another way."""
    plain = {k: v for k, v in args.items() if k not in (*OWN, "from_", "to")}
    query = filter_events(query, plain)
    if args.get("actor"):
        actors = args.get("actor_ids") or resolve_actor_terms(args["actor"])
        if drive == "actor":
            links = EventActor.select(EventActor.event).where(EventActor.actor.in_(actors))
            query = query.where(Event.id.in_(links))
        else:
            link = EventActor.select(pw.SQL("1")).where(
                (EventActor.event == Event.id) & EventActor.actor.in_(actors)
            )
            query = query.where(pw.fn.EXISTS(link))
    if args.get("article"):
        mentioned = Mention.select(Mention.event).where(Mention.article == args["article"])
        query = query.where(Event.id.in_(mentioned))
    if args.get("q"):
        query = query.where(search.matching(args["q"], walked=True, probe=drive != "q"))
    return query


def weightiest(
    args: dict[str, Any], ranks: list[int], kept_sums: Callable, matches: dict[str, int]
) -> dict | None:
    """The ``dates`` weightiest (date, key rank)s of the events ``args`` select, with their
        filtered sums, found by walking the kept sums (``kept_sums(args, ranks, limit, offset)``:
        ``((date, key rank), kept sum, events)`` heaviest first); None when the walk would read
        more than BUDGET times the fewest ``matches`` of a filter (see :func:`matches`), and on
    PostgreSQL when they are fewer than POSTGRES_FROM."""
    if search.is_postgres() and min(matches.values(), default=0) < POSTGRES_FROM:
        return None
    wanted = args.get("dates") or 20
    budget = BUDGET * min(matches.values(), default=COUNTED)
    # SQLite lists the full-text matches again for each statement (one a precision rank)
    listed = LISTING * matches.get("q", 0) * len(ranks)
    found: dict[Key, float] = {}
    offset, step, read = 0, FIRST, 0
    while read + listed <= budget:
        batch = kept_sums(args, ranks, step, offset)
        read += sum(n for _, _, n in batch) + listed
        if read > budget:
            return None
        found.update(_filtered_sums(args, ranks, [key for key, _, _ in batch]))
        offset += len(batch)
        best = dict(sorted(found.items(), key=lambda kv: (-kv[1], kv[0][0]))[:wanted])
        if len(batch) < step:  # every date walked
            return best
        lowest = batch[-1][1]  # every date not walked yet weighs at most this
        if len(best) == wanted and min(best.values()) > lowest + EPSILON * max(1.0, lowest):
            return best
        step *= GROWTH
    return None


def matches(args: dict[str, Any]) -> dict[str, int]:
    """How many events each of the actor, full-text and article filters given matches,
    counted from its own index up to COUNTED (an article's events are few: 0)."""
    counts = {}
    if args.get("article"):
        counts["article"] = 0
    if args.get("actor"):
        actors = args.get("actor_ids") or resolve_actor_terms(args["actor"])
        links = EventActor.select(EventActor.id).where(EventActor.actor.in_(actors))
        counts["actor"] = links.limit(COUNTED).count()
    if args.get("q"):
        counts["q"] = search.count(args["q"], COUNTED)
    return counts


def _filtered_sums(args: dict[str, Any], ranks: list[int], keys: list[Key]) -> dict[Key, float]:
    """The filtered sum of each of ``keys`` that has a match: one statement per precision
    rank, each reading one range of the index event_day_weight per date."""
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


def _date(value: dt.date | str) -> dt.date:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value
