"""The filtered digest's dates without summing every match: dates walked from the weightiest
down by their kept sums, each date's filtered sum read with one index lookup per event.

A date's filtered sum is at most its kept sum (the sum over all its events of the window and
types; weights are never negative). So walking the dates by kept sum, heaviest first, and
summing each one's matches, the ``dates`` heaviest filtered sums are known as soon as the last
of them outweighs the kept sum of the next date: no date below can overtake it. A frequent
filter (an actor in a third of the events, a common word) ends the walk within the first few
hundred dates, where summing its matches would read tens of thousands of events. A rare one
would walk far: the walk gives up after reading a quarter as many events as there are matches
(estimated from their index), and the caller sums the matches instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import peewee as pw

from ..storage import search
from ..storage.models import Event, EventActor, Mention
from ..storage.order import precision_rank
from .queries import filter_events, resolve_actor_terms

#: How the actor and full-text filters are read: from their matches' own index (each match
#: fetched by id; summing all of them), or one lookup per event read another way (a walk).
DRIVE, PROBE = "drive", "probe"
#: The filters read here, not as /events reads them (``actor_ids``: the actors named, resolved).
OWN = ("actor", "actor_ids", "q", "article")
#: The filters the kept sums know: the window (by the date itself) and the types.
KEPT = ("from_", "to", "type")
#: Dates walked in the first step, and how much each step grows.
FIRST, GROWTH = 100, 2
#: The walk gives up once it read this share of the matches' estimated number of events.
BUDGET = 0.25
#: Matches counted at most (estimates of frequent filters stop there).
COUNTED = 40_000
#: Kept sums and filtered ones are added up in different orders: what may part them.
EPSILON = 1e-9

Key = tuple[dt.date, int]
_DAY = precision_rank("day")


def restrict(query: pw.Select, args: dict[str, Any], how: str) -> pw.Select:
    """``query`` (on Event) with the filters of ``args`` other than the window, the actor and
    full-text ones read as ``how`` says (DRIVE or PROBE)."""
    plain = {k: v for k, v in args.items() if k not in (*OWN, "from_", "to")}
    query = filter_events(query, plain)
    if args.get("actor"):
        actors = args.get("actor_ids") or resolve_actor_terms(args["actor"])
        if how == PROBE:
            link = EventActor.select(pw.SQL("1")).where(
                (EventActor.event == Event.id) & EventActor.actor.in_(actors)
            )
            query = query.where(pw.fn.EXISTS(link))
        else:
            links = EventActor.select(EventActor.event).where(EventActor.actor.in_(actors))
            query = query.where(Event.id.in_(links))
    if args.get("article"):
        mentioned = Mention.select(Mention.event).where(Mention.article == args["article"])
        query = query.where(Event.id.in_(mentioned))
    if args.get("q"):
        query = query.where(search.matching(args["q"], walked=True, probe=how == PROBE))
    return query


def weightiest(args: dict[str, Any], ranks: list[int], kept_sums: Callable) -> dict | None:
    """The ``dates`` weightiest (date, key rank)s of the events ``args`` select, with their
    filtered sums, found by walking the kept sums (``kept_sums(args, ranks, limit, offset)``:
    ``((date, key rank), kept sum, events)`` heaviest first); None when the walk gave up
    (see the module's docstring)."""
    wanted = args.get("dates") or 20
    budget = BUDGET * _matches(args)
    found: dict[Key, float] = {}
    offset, step, read = 0, FIRST, 0
    while True:
        batch = kept_sums(args, ranks, step, offset)
        if not batch:
            break
        found.update(_filtered_sums(args, ranks, [key for key, _, _ in batch]))
        offset, read = offset + len(batch), read + sum(n for _, _, n in batch)
        best = sorted(found.items(), key=lambda kv: (-kv[1], kv[0][0]))[:wanted]
        lowest = batch[-1][1]  # every date not walked yet weighs at most this
        if len(best) == wanted and best[-1][1] > lowest + EPSILON * max(1.0, lowest):
            return dict(best)
        if len(batch) < step:
            break
        if read > budget:
            return None
        step *= GROWTH
    return dict(sorted(found.items(), key=lambda kv: (-kv[1], kv[0][0]))[:wanted])


def _filtered_sums(args: dict[str, Any], ranks: list[int], keys: list[Key]) -> dict[Key, float]:
    """The filtered sum of each of ``keys`` that has a match: one statement per precision
    rank, each reading one range of the index event_day_weight per date."""
    arms = []
    for rank in ranks:
        days = sorted({day for day, key in keys if key == max(rank, _DAY)})
        if days:
            query = Event.select(
                Event.sort_date,
                pw.Value(max(rank, _DAY)),
                pw.fn.SUM(Event.weight),
                pw.fn.COUNT(pw.SQL("*")),
            ).where((Event.precision_rank == rank) & Event.sort_date.in_(days))
            arms.append(restrict(query, args, PROBE).group_by(Event.sort_date))
    if not arms:
        return {}
    sums: dict[Key, float] = {}
    for arm in arms:
        for day, key, total, _ in arm.tuples():
            sums[(_date(day), key)] = sums.get((_date(day), key), 0.0) + (total or 0.0)
    return {key: total for key, total in sums.items() if key in set(keys)}


def _matches(args: dict[str, Any]) -> float:
    """How many events the most selective of the actor, full-text and article filters
    matches (at most COUNTED); COUNTED when none is given."""
    counts = [COUNTED]
    if args.get("article"):
        counts.append(0)
    if args.get("actor"):
        actors = args.get("actor_ids") or resolve_actor_terms(args["actor"])
        links = EventActor.select(EventActor.id).where(EventActor.actor.in_(actors))
        counts.append(links.limit(COUNTED).count())
    if args.get("q"):
        counts.append(search.count(args["q"], COUNTED))
    return min(counts)


def _date(value: dt.date | str) -> dt.date:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value
