"""A human-readable page of the API, rendered on the server from the OpenAPI document itself
(no script, no CDN: it works offline and under a strict Content-Security-Policy)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, render_template

bp = Blueprint("apidocs", __name__, template_folder="templates")
METHODS = ("get", "post", "put", "patch", "delete")


@bp.route("/api/v1/docs")
def docs() -> str:
    """The API reference: every path, parameter, body, response and schema."""
    spec = current_app.extensions["flask-smorest"]["apis"][""]["ext_obj"].spec.to_dict()
    operations = [
        {"method": method.upper(), "path": path, **_operation(spec, op)}
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if method in METHODS
    ]
    schemas = spec.get("components", {}).get("schemas", {})
    return render_template("apidocs/docs.html", spec=spec, operations=operations, schemas=schemas)


def _operation(spec: dict, op: dict) -> dict[str, Any]:
    body = op.get("requestBody", {}).get("content", {}).get("application/json", {})
    return {
        "summary": op.get("summary", ""),
        "description": op.get("description", ""),
        "parameters": [_deref(spec, p) for p in op.get("parameters", [])],
        "body": _name(body.get("schema")),
        "responses": [
            (status, _deref(spec, response)) for status, response in op.get("responses", {}).items()
        ],
    }


def _deref(spec: dict, node: dict) -> dict:
    while "$ref" in node:
        parts = node["$ref"].lstrip("#/").split("/")
        for part in parts:
            spec = spec[part]
        node = spec
    return node


def _name(schema: dict | None) -> str | None:
    if not schema:
        return None
    return schema.get("$ref", "").rsplit("/", 1)[-1] or schema.get("type")
