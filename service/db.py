"""The Flask binding of the database: the proxy bound at app start; a request takes a pooled
connection when it first runs a statement (peewee connects on demand) and gives it back at its
end, so a request that needs none (a 304, /healthz) takes none."""

from __future__ import annotations

import os

from flask import Flask

from .storage.connection import POOL_SIZE, database, make_database


def default_url(app: Flask) -> str:
    os.makedirs(app.instance_path, exist_ok=True)
    return "sqlite:///" + os.path.join(app.instance_path, "timeline.sqlite3")


def init_app(app: Flask) -> None:
    """Bind the proxy to the configured database; give each request's connection back."""
    url = app.config["DATABASE_URL"] or default_url(app)
    app.config["DATABASE_URL"] = url
    # At least one connection per request thread, so no thread waits for another's.
    pool_size = max(POOL_SIZE, int(app.config["THREADS"]))
    database.initialize(make_database(url, app.config["SQLITE_BUSY_TIMEOUT"], pool_size))

    @app.teardown_request
    def _close(exc: BaseException | None) -> None:
        if not database.is_closed():
            database.close()
