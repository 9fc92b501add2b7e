"""The HTTP API under /api/v1, documented by an OpenAPI document generated from the schemas."""

from __future__ import annotations

from flask import Flask, request
from flask_smorest import Api

from ..errors import APIError, handle_http_exception

UNSAFE_METHODS = {"POST", "PUT", "PATCH"}


class TimelineApi(Api):
    """flask-smorest's Api, with its errors routed through the one problem builder."""

    def handle_http_exception(self, error):  # noqa: D102
        return handle_http_exception(error)


def register_api(app: Flask) -> Api:
    from . import actors, articles, changes, events, health, temporal
    from .conditional import register_conditional

    api = TimelineApi(app, spec_kwargs={"servers": [{"url": "/"}]})
    for module in (articles, events, actors, changes, temporal, health):
        api.register_blueprint(module.blp)
    app.add_url_rule("/healthz", "healthz", health.healthz)
    app.add_url_rule("/readyz", "readyz", health.readyz)

    register_conditional(app)

    @app.before_request
    def _require_json() -> None:
        routed = request.routing_exception is None
        if routed and request.method in UNSAFE_METHODS and request.path.startswith("/api/"):
            if request.mimetype != "application/json":
                raise APIError(415, "Send the body as JSON with Content-Type: application/json.")

    return api
