"""The HTTP API under /api/v1, documented by an OpenAPI document generated from the schemas."""

from __future__ import annotations

import http

from flask import Flask, request
from flask_smorest import Api
from flask_smorest.utils import prepare_response
from werkzeug.routing import IntegerConverter

from schemas import ProblemSchema, PublicationDate

from ..errors import PROBLEM_MIMETYPE, APIError, handle_http_exception

UNSAFE_METHODS = {"POST", "PUT", "PATCH"}
MAX_ID = 2**31 - 1


class IdConverter(IntegerConverter):
    """``<id:name>``: a row id, 1 to 2**31 - 1 (anything else is simply not found: 404)."""

    def __init__(self, url_map, *args, **kwargs) -> None:
        super().__init__(url_map, min=1, max=MAX_ID)


def _id_schema(converter: IdConverter) -> dict:
    return {"type": "integer", "minimum": 1, "maximum": MAX_ID}


class TimelineApi(Api):
    """flask-smorest's Api, with its errors routed through the one problem builder and
    documented as what they are: RFC 9457 problem details."""

    ERROR_SCHEMA = ProblemSchema

    def handle_http_exception(self, error):  # noqa: D102
        return handle_http_exception(error)

    def _register_responses(self):
        for status in http.HTTPStatus:
            response = {"description": status.phrase}
            if status >= 400:
                response["schema"] = self.ERROR_SCHEMA
            prepare_response(response, self.spec, PROBLEM_MIMETYPE)
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "An error (problem details)", "schema": self.ERROR_SCHEMA}
        prepare_response(response, self.spec, PROBLEM_MIMETYPE)
        self.spec.components.response(self.DEFAULT_ERROR_RESPONSE_NAME, response, lazy=True)


def register_api(app: Flask) -> Api:
    from . import actors, articles, changes, docs, events, health, temporal
    from .conditional import register_conditional

    app.url_map.converters["id"] = IdConverter
    api = TimelineApi(app, spec_kwargs={"servers": [{"url": "/"}]})
    api.register_converter(IdConverter, _id_schema)
    api.register_field(PublicationDate, "string", "date")  # a date-time is accepted too
    for module in (articles, events, actors, changes, temporal, health):
        api.register_blueprint(module.blp)
    app.register_blueprint(docs.bp)
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
