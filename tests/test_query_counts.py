"""No N+1: a read costs a fixed number of SQL queries, however many events it returns (counted
with the ``peewee`` logger, as peewee's own ``assertQueryCount`` does)."""

from __future__ import annotations

import contextlib
import logging

import pytest

from service.read.cache import RenderedEvents

PATHS = {
    "list": "/api/v1/events?limit=500",
    "list with filters": "/api/v1/events?limit=500&from=2000-01-01&to=2030-12-31&q=said",
    "item": "/api/v1/events/1",
    "timeline": "/api/v1/timeline?limit=500",
    "changes": "/api/v1/changes?since=0&limit=500",
    "articles": "/api/v1/articles?limit=500",
    "article": "/api/v1/articles/1",
}
# The data version for the ETag, the rows (a date window: one ordered range per span class,
# eight), then one query each for actors, mentions (and edits, undated events), whatever the
# number of rows.
MOST = 16


class Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.queries: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name != "peewee":  # not peewee.pool's checkouts and returns
            return
        sql = record.msg[0] if isinstance(record.msg, tuple) else str(record.msg)
        if not sql.lstrip().upper().startswith("PRAGMA"):
            self.queries.append(sql)


@contextlib.contextmanager
def counting():
    logger = logging.getLogger("peewee")
    handler, level = Counter(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield handler.queries
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def count(client, path: str) -> int:
    """Queries of one request with the rendered-events cache empty (the most it can cost)."""
    client.application.extensions["rendered_events"] = RenderedEvents(1000)
    with counting() as queries:
        response = client.get(path)
    assert response.status_code == 200, response.get_json()
    return len(queries)


MORE = (
    "Officials said on Monday that France and India signed a rail agreement in Delhi. "
    "On Tuesday, Kenya and Chile held talks in Nairobi, the ministry said. "
    "Brazil imposed sanctions on Japan last week, officials said."
)


@pytest.mark.parametrize("name", list(PATHS), ids=list(PATHS))
def test_queries_per_request_do_not_grow_with_rows(client, seeded, name):
    before = count(client, PATHS[name])
    response = client.post("/api/v1/articles", json={"text": MORE, "published_at": "2024-03-07"})
    assert response.status_code == 201, response.get_json()
    after = count(client, PATHS[name])
    assert after == before, f"{name}: {before} queries, then {after} with more rows"
    assert after <= MOST, f"{name}: {after} queries"


def test_not_modified_costs_one_query(client, seeded):
    client.application.config["DATA_VERSION_TTL"] = 0  # the version read for every request
    etag = client.get(PATHS["list"]).headers["ETag"]
    with counting() as queries:
        response = client.get(PATHS["list"], headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert len(queries) == 1, queries


@pytest.mark.parametrize("name", ["list", "list with filters", "item", "timeline"])
def test_a_warm_cache_reads_only_the_page_keys(client, seeded, name):
    client.application.config["DATA_VERSION_TTL"] = 0  # the version read for every request
    with counting() as cold_queries:
        cold = client.get(PATHS[name])  # renders and caches every event of the answer
    with counting() as queries:
        warm = client.get(PATHS[name])
    assert warm.data == cold.data
    # Neither actors nor mentions are read again: the page's keys find the rendered events.
    assert not any('"mention"' in sql or '"event_actor"' in sql for sql in queries), queries
    assert len(queries) == len(cold_queries) - 3, (cold_queries, queries)


@pytest.mark.parametrize("actor", ["China", "country:CHN", "chn", "person:xi-jinping"])
def test_an_actor_page_warm_is_the_lookup_and_the_page(client, seeded, actor):
    """The actor named (id, code, name or alias) is looked up in one statement, then the page
    is read: two statements (on PostgreSQL each is a round trip), the data version aside."""
    client.get(f"/api/v1/events?actor={actor}")  # renders and caches the page's events
    with counting() as queries:
        response = client.get(f"/api/v1/events?actor={actor}")
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["data"], actor
    reads = [sql for sql in queries if '"data_state"' not in sql]
    assert len(reads) == 2, reads
