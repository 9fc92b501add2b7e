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
    schemes = spec.get("components", {}).get("securitySchemes", {})
    return render_template(
        "apidocs/docs.html", spec=spec, operations=operations, schemas=schemas, schemes=schemes
    )


def _operation(spec: dict, op: dict) -> dict[str, Any]:
    body = op.get("requestBody", {}).get("content", {}).get("application/json", {})
    parameters = [_deref(spec, p) for p in op.get("parameters", [])]
    return {
        "summary": op.get("summary", ""),
        "description": op.get("description", ""),
        "id": op.get("operationId", ""),
        "token": bool(op.get("security")),
        "parameters": [{**p, "type": _type(spec, p.get("schema") or {})} for p in parameters],
        "body": _name(body.get("schema")),
        "responses": [
            (status, _deref(spec, response)) for status, response in op.get("responses", {}).items()
        ],
    }


def _type(spec: dict, schema: dict) -> str:
    """A parameter's type for a person: ``string``, ``array of string``, the values of an enum."""
    for part in schema.get("allOf", []):
        schema = {**_deref(spec, part), **schema}
    schema = _deref(spec, schema)
    if schema.get("type") == "array":
        return "array of " + _type(spec, schema.get("items") or {})
    if schema.get("enum"):
        return "one of " + ", ".join(str(v) for v in schema["enum"])
    return schema.get("type", "")


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
