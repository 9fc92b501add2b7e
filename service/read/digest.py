"""The digest: a story's key dates (those whose events weigh most), each with its weightiest
events. Weights are kept by the write side (service.write.importance); this reads them from the
index ``event_day_weight`` (precision rank, sort date, weight): one aggregate over the window's
rows of the admitted precisions, then one ranked query for the events of the chosen dates."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any, NamedTuple

import peewee as pw

from ..storage.connection import database
from ..storage.models import Event
from ..storage.order import PRECISIONS, UNDATED, precision_rank
from ..storage.rows import rows_of
from .queries import PAGE_COLUMNS, filter_events

#: A time of day is a day: both are read as the day they fall on.
_AS_DAY = {precision_rank("time"): precision_rank("day")}


class KeyDate(NamedTuple):
    date: dt.date
    precision: str
    weight: float
    events: list  # rows with PAGE_COLUMNS, weightiest first


def digest(args: dict[str, Any]) -> list[KeyDate]:
    """The ``dates`` weightiest dates of the events ``args`` select (the /events filters; the
    window by the date itself), in date order, each with its ``per_date`` weightiest events."""
    ranks = list(range(precision_rank(args.get("precision") or "day") + 1))
    query = _selected(Event.select(), args, ranks)
    totals: dict[tuple[dt.date, int], float] = defaultdict(float)
    for day, rank, weight in (
        query.select(Event.sort_date, Event.precision_rank, pw.fn.SUM(Event.weight))
        .group_by(Event.sort_date, Event.precision_rank)
        .tuples()
    ):
        totals[(_date(day), _AS_DAY.get(rank, rank))] += weight or 0.0
    chosen = sorted(totals, key=lambda key: (-totals[key], key))[: args.get("dates") or 20]
    if not chosen:
        return []
    events = _events(args, ranks, {day for day, _ in chosen}, args.get("per_date") or 1)
    return [
        KeyDate(day, PRECISIONS[rank], round(totals[(day, rank)], 4), events.get((day, rank), []))
        for day, rank in sorted(chosen)
    ]


def _selected(query: pw.Select, args: dict[str, Any], ranks: list[int]) -> pw.Select:
    filters = {k: v for k, v in args.items() if k not in ("from_", "to")}
    query = filter_events(query, filters).where(Event.precision_rank.in_(ranks))
    lo, hi = args.get("from_"), args.get("to")
    if lo:
        query = query.where(Event.sort_date >= lo)
    return query.where(Event.sort_date <= min(hi or UNDATED, UNDATED - dt.timedelta(days=1)))


def _events(args: dict[str, Any], ranks: list[int], days: set[dt.date], per_date: int) -> dict:
    """The ``per_date`` weightiest events of each of ``days`` (one query, ranked by the
    database), by (date, precision rank)."""
    weight = pw.fn.COALESCE(Event.weight, 0)
    place = (
        pw.fn.ROW_NUMBER()
        .over(
            partition_by=[Event.sort_date, Event.precision_rank], order_by=[weight.desc(), Event.id]
        )
        .alias("place")
    )
    inner = _selected(Event.select(*PAGE_COLUMNS, place), args, ranks).where(
        Event.sort_date.in_(sorted(days))
    )
    sql, params = inner.sql()
    ordered = (
        f"SELECT * FROM ({sql}) AS ranked WHERE place <= {database.param} "
        "ORDER BY sort_date, precision_rank, place"
    )
    found: dict[tuple[dt.date, int], list] = defaultdict(list)
    for row in rows_of(inner, database.execute_sql(ordered, [*params, per_date])):
        found[(_date(row.sort_date), _AS_DAY.get(row.precision_rank, row.precision_rank))].append(
            row
        )
    return found


def _date(value: dt.date | str) -> dt.date:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value
