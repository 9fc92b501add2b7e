"""The HTTP API under /api/v1, documented by an OpenAPI document generated from the schemas."""

from __future__ import annotations

import http

from flask import Flask, request
from flask_smorest import Api
from flask_smorest.utils import prepare_response
from werkzeug.routing import BaseConverter

from schemas import ArticleCreateSchema, ArticleJobsSchema, ProblemSchema, PublicationDate
from schemas.common import WindowDate

from ..errors import PROBLEM_MIMETYPE, APIError, handle_http_exception

UNSAFE_METHODS = {"POST", "PUT", "PATCH"}
NDJSON = "application/x-ndjson"  # a batch of articles, one a line
MAX_ID = 10**18 - 1


class IdConverter(BaseConverter):
    """``<id:name>``: a row id of at most 18 digits, so it always fits the database's integers;
    longer is no route (404), a number with no row is a 404 from the view."""

    regex = r"\d{1,18}"
    weight = 50
    part_isolating = True

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(int(value))


def _id_schema(converter: IdConverter) -> dict:
    return {"type": "integer", "minimum": 0, "maximum": MAX_ID}


class TimelineApi(Api):
    """flask-smorest's Api, with its errors routed through the one problem builder and
    documented as what they are: RFC 9457 problem details."""

    ERROR_SCHEMA = ProblemSchema

    # The OpenAPI document is written on first use (the document's route, or anything reading
    # ``spec``), not while the app is made: describing every operation costs about half of
    # ``create_app``, which every CLI command, worker process and test pays, and most never
    # serve the document. The blueprints' routes are registered at once as before; only their
    # description waits, in registration order, so the document is the same.
    @property
    def spec(self):
        pending = self.__dict__.get("_undocumented")
        if pending:
            self.__dict__["_undocumented"] = []
            for document in pending:
                document()
        return self.__dict__.get("_spec")

    @spec.setter
    def spec(self, value) -> None:
        self.__dict__["_spec"] = value

    def register_blueprint(self, blp, *, parameters=None, **options):  # noqa: D102
        name = options.get("name", blp.name)
        self._app.extensions["flask-smorest"]["blp_name_to_api"][name] = self
        self._app.register_blueprint(blp, **options)

        def document() -> None:
            spec = self.__dict__["_spec"]
            blp.register_views_in_doc(self, self._app, spec, name=name, parameters=parameters)
            spec.tag({"name": name, "description": blp.description})

        self.__dict__.setdefault("_undocumented", []).append(document)

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
    from ..edge.conditional import register_conditional
    from . import actors, articles, changes, digest, docs, events, feeds, health, jobs, temporal

    app.url_map.converters["id"] = IdConverter
    from .openapi import OperationsPlugin

    api = TimelineApi(
        app, spec_kwargs={"servers": [{"url": "/"}], "extra_plugins": [OperationsPlugin()]}
    )
    api.register_converter(IdConverter, _id_schema)
    api.spec.components.schema("ArticleCreate", schema=ArticleCreateSchema)  # in a oneOf
    api.spec.components.schema("ArticleJobs", schema=ArticleJobsSchema)  # in a oneOf
    api.register_field(PublicationDate, "string", "date")  # a date-time is accepted too
    api.register_field(WindowDate, "string", None)  # a day, a month or a year
    for module in (articles, events, digest, actors, changes, temporal, feeds, health, jobs):
        api.register_blueprint(module.blp)
    app.register_blueprint(docs.bp)
    app.add_url_rule("/healthz", "healthz", health.healthz)
    app.add_url_rule("/readyz", "readyz", health.readyz)

    register_conditional(app)

    @app.before_request
    def _require_json() -> None:
        routed = request.routing_exception is None
        if routed and request.method in UNSAFE_METHODS and request.path.startswith("/api/"):
            ndjson = request.endpoint == "articles.create" and request.mimetype == NDJSON
            if request.mimetype != "application/json" and not ndjson:
                raise APIError(415, "Send the body as JSON with Content-Type: application/json.")

    return api
