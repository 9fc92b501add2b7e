"""CPU budgets at the edge (service/budget.py): each request's work stops when its client is
gone, and work over its budget answers a problem document.

The front (service/edge/front.py) puts a ``timeline.gone`` event in the environ and sets it when
the client disconnects before its answer is sent; this hook hands it to :func:`budget.
watch_client` for the thread that runs the request.
"""

from __future__ import annotations

import logging

from flask import Flask, Response, request

from .. import budget
from ..errors import error_response

log = logging.getLogger(__name__)


def init_app(app: Flask) -> None:
    @app.before_request
    def _watch_client() -> None:
        budget.watch_client(request.environ.get("timeline.gone"))

    @app.teardown_request
    def _unwatch(_error: BaseException | None) -> None:
        budget.watch_client(None)

    @app.errorhandler(budget.OverBudget)
    def _over_budget(error: budget.OverBudget) -> Response:
        return error_response(422, str(error))

    @app.errorhandler(budget.ClientGone)
    def _client_gone(error: budget.ClientGone) -> Response:
        log.info("work stopped: the client went away (%s %s)", request.method, request.path)
        return error_response(503, str(error))  # nobody reads it; logged and counted
