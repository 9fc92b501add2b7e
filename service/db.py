"""The database: one peewee proxy, opened per request, chosen by URL."""

from __future__ import annotations

import os

import peewee as pw
from flask import Flask
from playhouse.db_url import connect

database = pw.DatabaseProxy()
POOL_SIZE = 8  # connections a process may hold; a sync gunicorn worker uses one at a time


def make_database(url: str, busy_timeout: float = 10) -> pw.Database:
    """Open a peewee database for ``url``; SQLite gets WAL, foreign keys and a busy timeout."""
    if url.startswith("sqlite"):
        return connect(
            url,
            pragmas={"journal_mode": "wal", "foreign_keys": 1, "synchronous": "normal"},
            timeout=busy_timeout,
        )
    if url.startswith(("postgres", "postgresql")):
        # Pooled (``postgresql+pool://`` spelt or not): a worker keeps its connections open
        # between requests instead of paying a new connection and authentication for each one.
        scheme, rest = url.split("://", 1)
        pooled = f"{scheme.split('+')[0]}+pool://{rest}"
        return connect(pooled, max_connections=POOL_SIZE, stale_timeout=300, timeout=30)
    raise ValueError(
        "TIMELINE_DATABASE_URL must start with sqlite:/// or postgresql://, "
        f"got {url.split(':')[0]!r}"
    )


def default_url(app: Flask) -> str:
    os.makedirs(app.instance_path, exist_ok=True)
    return "sqlite:///" + os.path.join(app.instance_path, "timeline.sqlite3")


def init_app(app: Flask) -> None:
    """Bind the proxy to the configured database and open/close it around each request."""
    url = app.config["DATABASE_URL"] or default_url(app)
    app.config["DATABASE_URL"] = url
    database.initialize(make_database(url, app.config["SQLITE_BUSY_TIMEOUT"]))

    @app.before_request
    def _connect() -> None:
        database.connect(reuse_if_open=True)

    @app.teardown_request
    def _close(exc: BaseException | None) -> None:
        if not database.is_closed():
            database.close()


def create_tables() -> None:
    """Create every table and index that does not exist yet (safe to run at every start)."""
    from . import queries, search
    from .models import MODELS, DataState

    with database.connection_context():
        database.create_tables(MODELS, safe=True)
        search.create_index()
        queries.create_indexes()
        DataState.insert(id=1, version=0).on_conflict_ignore().execute()
