"""Every documented filter and sort order of GET /events is served from an index: EXPLAIN shows no
full scan of a table (SQLite: no bare ``SCAN <table>``; PostgreSQL, with sequential scans
priced out so that an index is taken wherever one can serve: no ``Seq Scan``)."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re

import pytest

from service.read import queries
from service.storage import search
from service.storage.connection import database
from service.storage.models import Event

from . import conftest

# Every test here only reads: one seeded database per backend for the module.
app, seeded = conftest.seeded_once_app, conftest.seeded_once_answer


FILTERS = {
    "none": {},
    "window": {"from_": dt.date(2023, 12, 1), "to": dt.date(2023, 12, 31)},
    "from only": {"from_": dt.date(2023, 12, 1)},
    "to only": {"to": dt.date(2023, 12, 31)},
    "actor": {"actor": ["China", "person:xi-jinping"]},
    "type": {"type": ["meeting"]},
    "article": {"article": 1},
    "q": {"q": "sanctions"},
    "precision at least": {"precision_at_least": "day"},
    "precision at most": {"precision_at_most": "month"},
    "min salience": {"min_salience": 0.5},
    "window and actor": {
        "from_": dt.date(2023, 12, 1),
        "to": dt.date(2023, 12, 31),
        "actor": ["China"],
    },
}
SORTS = ["date", "-date", "updated", "-updated"]


def plan(args: dict, sort: str, cursor: str | None = None) -> list[str]:
    """The plans of the statements a page of GET /events runs (filters, then the page itself)."""
    query = queries.filter_events(Event.select(*queries.PAGE_COLUMNS), args)
    with counting() as statements:
        queries.page_events(query, cursor, 50, sort)
    lines = []
    for sql, params in statements:
        if search.is_postgres():
            database.execute_sql("SET enable_seqscan = off")
            lines += [row[0] for row in database.execute_sql("EXPLAIN " + sql, params)]
        else:
            explained = database.execute_sql("EXPLAIN QUERY PLAN " + sql, params)
            lines += [row[-1] for row in explained]
    return lines


@contextlib.contextmanager
def counting():
    """The (sql, params) of every statement peewee runs meanwhile."""
    seen: list[tuple[str, list]] = []

    class Capture(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.name == "peewee" and isinstance(record.msg, tuple):
                seen.append(record.msg)

    logger, handler = logging.getLogger("peewee"), Capture(logging.DEBUG)
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield seen
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def full_scans(lines: list[str]) -> list[str]:
    """Scans of a whole table (not of a subquery's few rows, which SQLite calls co-routines)."""
    steps = [line.strip().lstrip("-> ") for line in lines]
    subqueries = {s.split()[1] for s in steps if s.startswith("CO-ROUTINE ")}
    bare = re.compile(r"^SCAN (\w+)$|Seq Scan on")
    return [s for s in steps if (m := bare.search(s)) and (m.group(1) or "") not in subqueries]


@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("name", list(FILTERS), ids=list(FILTERS))
def test_no_full_scan(app, seeded, name, sort):
    with app.app_context(), database.connection_context():
        lines = plan(FILTERS[name], sort)
        assert not full_scans(lines), "\n".join(lines)


@pytest.mark.parametrize("sort", ["date", "-date"])
@pytest.mark.parametrize("name", ["none", "type"])
def test_a_page_in_date_order_reads_its_index_alone(app, seeded, name, sort):
    """The list, all or of one type, first page and next: its columns (queries.PAGE_COLUMNS)
    come from the order's index (storage.indexes.PAGE_INDEXES), no row of the table is read:
    SQLite's COVERING INDEX, PostgreSQL's Index Only Scan (its visibility map set by VACUUM)."""
    index = {"none": "event_page", "type": "event_type_page"}[name]
    with app.app_context(), database.connection_context():
        if search.is_postgres():
            database.execute_sql("VACUUM event")
        first = queries.filter_events(Event.select(*queries.PAGE_COLUMNS), FILTERS[name])
        _, cursor = queries.page_events(first, None, 1, sort)
        for after in (None, cursor):
            lines = plan(FILTERS[name], sort, after)
            if search.is_postgres():
                wanted = f"Index Only Scan Backward using {index} on event"
                if not sort.startswith("-"):
                    wanted = wanted.replace(" Backward", "")
            else:
                wanted = f"USING COVERING INDEX {index}"
            assert any(wanted in line for line in lines), "\n".join(lines)


def test_window_uses_the_span_class_index(app, seeded):
    """SQLite plans by rules, so this holds on the seed; PostgreSQL picks by cost (bench/)."""
    with app.app_context(), database.connection_context():
        if search.is_postgres():
            pytest.skip("PostgreSQL chooses by cost: on a few rows any index is as good")
        lines = plan(FILTERS["window"], "date")
        assert any("event_span_class_sort" in line for line in lines), "\n".join(lines)


@pytest.mark.parametrize(
    "window",
    [
        ("2023-12-18", "2023-12-18"),
        ("2023-11-15", "2023-11-20"),
        ("2023-01-01", "2023-12-31"),
        ("2020-01-01", "2023-06-30"),
        ("2024-01-01", "2030-01-01"),
    ],
)
def test_window_matches_the_interval_overlap(client, seeded, window):
    """The indexed window gives what the documented overlap rule gives, computed here."""
    lo_day, hi_day = (dt.date.fromisoformat(d) for d in window)
    every = client.get("/api/v1/events?limit=500").get_json()["data"]
    expected = []
    for event in every:
        start, end = event["date"]["start"], event["date"]["end"]
        lo, hi = start or end, end or start
        if lo and dt.date.fromisoformat(lo) <= hi_day and dt.date.fromisoformat(hi) >= lo_day:
            expected.append(event["id"])
    got = client.get(f"/api/v1/events?limit=500&from={window[0]}&to={window[1]}").get_json()
    assert [e["id"] for e in got["data"]] == expected


@pytest.mark.parametrize("sort", ["date", "-date"])
def test_a_window_page_is_what_peewee_builds_part_by_part(app, seeded, sort):
    """The one statement repeated per span class (parameters swapped) answers what eight
    statements built by peewee answer (its fallback)."""
    columns = queries.SORT_KEYS["date"]
    descending = sort.startswith("-")
    order = [c.desc() if descending else c.asc() for c in columns]
    with app.app_context(), database.connection_context():
        for lo, hi in [
            ("2023-12-18", "2023-12-18"),
            ("2023-01-01", "2023-12-31"),
            ("2000-01-01", None),
        ]:
            args = {"from_": dt.date.fromisoformat(lo), "to": hi and dt.date.fromisoformat(hi)}
            query = queries.filter_events(Event.select(*queries.PAGE_COLUMNS), args)
            either, lo_day, last = query._window_parts
            fast = queries._merged(query, query._window_parts, columns, descending, 3)
            parts = queries._merged_by_peewee(
                query, either, lo_day, last, order, columns, descending, 3
            )
            assert fast == parts and fast, (lo, hi)
