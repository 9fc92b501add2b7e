"""The Flask binding of the database: the proxy bound at app start, opened per request."""

from __future__ import annotations

import os

from flask import Flask

from .storage.connection import POOL_SIZE, database, make_database


def default_url(app: Flask) -> str:
    os.makedirs(app.instance_path, exist_ok=True)
    return "sqlite:///" + os.path.join(app.instance_path, "timeline.sqlite3")


def init_app(app: Flask) -> None:
    """Bind the proxy to the configured database and open/close it around each request."""
    url = app.config["DATABASE_URL"] or default_url(app)
    app.config["DATABASE_URL"] = url
    # At least one connection per request thread, so no thread waits for another's.
    pool_size = max(POOL_SIZE, int(app.config["THREADS"]))
    database.initialize(make_database(url, app.config["SQLITE_BUSY_TIMEOUT"], pool_size))

    @app.before_request
    def _connect() -> None:
        database.connect(reuse_if_open=True)

    @app.teardown_request
    def _close(exc: BaseException | None) -> None:
        if not database.is_closed():
            database.close()
