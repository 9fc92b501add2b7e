"""The event-timeline service: news articles in, one normalised timeline of dated events out."""

from __future__ import annotations

import json
import os
from typing import Any

# One BLAS thread a process, set before anything loads numpy (the language identifier and spaCy
# do): the service scales by processes, a worker or an ingest job to a core, and the language
# model multiplies with numpy's OpenBLAS only when it runs on one thread (events/nlp.py,
# _one_blas_thread); an operator's own setting stands.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from flask import Flask  # noqa: E402

from .storage import models  # noqa: F401  (models bind to the database proxy before init_app)


class TimelineFlask(Flask):
    """Flask, with its per-hook check for coroutine functions remembered per function: Flask
    asks ``inspect`` again for each of the ~17 hooks of every request (about 6 % of a 304)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._sync: dict = {}

    def ensure_sync(self, func):  # noqa: D102  (hooks, views, handlers: a fixed set)
        sync = self._sync.get(func)
        if sync is None:
            sync = self._sync[func] = super().ensure_sync(func)
        return sync


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app: defaults, then ``TIMELINE_*`` environment variables, then ``test_config``."""
    app = TimelineFlask(__name__, instance_relative_config=True)
    app.config.from_object("service.config")
    app.config.from_prefixed_env("TIMELINE", loads=_loads)
    if test_config:
        app.config.update(test_config)
    app.json.sort_keys = False

    from . import db, errors, web
    from .api import register_api
    from .cli import register_cli
    from .edge import budgets, extensions, limits, logs, metrics, notmodified, security
    from .read import cache

    db.init_app(app)
    app.extensions["rendered_events"] = cache.RenderedEvents(app.config["EVENT_CACHE_SIZE"])
    errors.register_error_handlers(app)
    metrics.init_app(app)  # first, so it times every request, even those answered early
    extensions.init_app(app)  # before the API, so compression sees the final ETag
    logs.init_app(app)
    limits.init_app(app)
    security.init_app(app)
    budgets.init_app(app)  # CPU budgets stop when the client is gone; over budget: 422
    register_api(app)
    register_cli(app)
    app.register_blueprint(web.bp)
    app.wsgi_app = notmodified.NotModified(app, app.wsgi_app)  # repeated 304s before Flask
    if app.config["WARM_UP"]:
        from .write import warm

        warm.start(app.config["WARM_DIR"] or None)
    return app


def _loads(value: str) -> Any:
    """Environment values are JSON when they parse as JSON (numbers, true/false), else strings."""
    try:
        return json.loads(value)
    except ValueError:
        return value
