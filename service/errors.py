"""The one error shape: RFC 9457 problem details, served as ``application/problem+json``."""

from __future__ import annotations

import json as json_module
import logging
from typing import Any

import peewee as pw
from flask import Flask, Response, json
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException, InternalServerError, NotFound

from .exceptions import Invalid, Unreadable

log = logging.getLogger(__name__)

PROBLEM_MIMETYPE = "application/problem+json"
TYPE_BASE = "https://event-timeline.invalid/problems/"


class APIError(Exception):
    """Raise from a view or the pipeline to answer with a problem document."""

    def __init__(
        self,
        status: int,
        detail: str,
        errors: dict | None = None,
        headers: dict | None = None,
    ) -> None:
        super().__init__(detail)
        self.status, self.detail, self.errors, self.headers = status, detail, errors, headers


def _title(status: int) -> str:
    from werkzeug.http import HTTP_STATUS_CODES

    return HTTP_STATUS_CODES.get(status, "Error")


def problem(status: int, detail: str | None = None, errors: dict | None = None) -> dict[str, Any]:
    """The problem document itself: the body of an error response, and the ``error`` of an
    article a batch refused."""
    title = _title(status)
    body: dict[str, Any] = {
        "type": TYPE_BASE + title.lower().replace(" ", "-").replace("'", ""),
        "title": title,
        "status": status,
        "detail": detail or title,
    }
    if errors:
        body["errors"] = errors
    return body


def error_response(
    status: int,
    detail: str | None = None,
    errors: dict | None = None,
    headers: dict | None = None,
) -> Response:
    """Build the problem response; the only place an error response is made."""
    body = problem(status, detail, errors)
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_MIMETYPE)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _flatten(errors: Any) -> dict:
    """webargs nests field errors under the location ("json", "query"): clients want fields."""
    if isinstance(errors, dict) and set(errors) <= {"json", "query", "form", "headers", "files"}:
        flat: dict = {}
        for part in errors.values():
            flat.update(part if isinstance(part, dict) else {"_schema": part})
        return flat
    return errors if isinstance(errors, dict) else {"_schema": errors}


def invalid_fields_detail(errors: dict) -> str:
    """The 422 detail: which fields are invalid and why (the first message of each)."""
    parts = []
    for field, messages in list(errors.items())[:5]:
        first = messages[0] if isinstance(messages, list) and messages else messages
        if isinstance(first, dict | list):
            first = "invalid (see errors)"
        parts.append(f"{field}: {first}")
    return "The request has invalid fields; " + "; ".join(parts)


def not_json_detail(exc: json_module.JSONDecodeError) -> str:
    """What is wrong with a body that is not JSON, and where."""
    return (
        f"The request body is not valid JSON: {exc.msg} at line {exc.lineno}, column "
        f"{exc.colno} (character {exc.pos}). Send one JSON object, UTF-8 encoded."
    )


def handle_http_exception(error: HTTPException) -> Response:
    data = getattr(error, "data", None) or {}
    errors = data.get("errors") or data.get("messages")
    status = error.code or 500
    if status == 500:
        return error_response(500, "The server could not complete the request.")
    detail = data.get("message") or error.description
    if errors and status == 422:
        detail = data.get("message") or invalid_fields_detail(_flatten(errors))
    if isinstance(error, NotFound) and not data:
        detail = "No such resource."
    bad_json = getattr(error, "exc", None)
    if status == 400 and isinstance(bad_json, json_module.JSONDecodeError):
        detail = not_json_detail(bad_json)
        errors = {"_schema": [detail]}
    headers = dict(data.get("headers") or {})
    if error.code == 405 and hasattr(error, "valid_methods") and error.valid_methods:
        headers["Allow"] = ", ".join(error.valid_methods)
    return error_response(status, detail, _flatten(errors) if errors else None, headers)


def register_error_handlers(app: Flask) -> None:
    """Route every exception through :func:`error_response`."""

    @app.errorhandler(APIError)
    def _api_error(error: APIError) -> Response:
        return error_response(error.status, error.detail, error.errors, error.headers)

    @app.errorhandler(Invalid)
    def _invalid(error: Invalid) -> Response:
        return error_response(422, error.detail, error.errors)

    @app.errorhandler(Unreadable)
    def _unreadable(error: Unreadable) -> Response:
        return error_response(422, error.detail)

    @app.errorhandler(ValidationError)
    def _validation(error: ValidationError) -> Response:
        flat = _flatten(error.messages)
        return error_response(422, invalid_fields_detail(flat), flat)

    @app.errorhandler(pw.DoesNotExist)
    def _missing(error: pw.DoesNotExist) -> Response:
        return error_response(404, "No such resource.")

    def _database_down(error: pw.DatabaseError) -> Response:
        log.exception("database error")
        return error_response(
            503, "The database is unavailable; retry later.", headers={"Retry-After": "5"}
        )

    # OperationalError: unreachable, locked, read-only; InterfaceError: a PostgreSQL connection
    # that dropped inside a transaction ("connection already closed" on rollback).
    app.register_error_handler(pw.OperationalError, _database_down)
    app.register_error_handler(pw.InterfaceError, _database_down)

    @app.errorhandler(HTTPException)
    def _http(error: HTTPException) -> Response:
        return handle_http_exception(error)

    @app.errorhandler(Exception)
    def _unexpected(error: Exception) -> Response:
        log.exception("unhandled error")
        return handle_http_exception(InternalServerError())
