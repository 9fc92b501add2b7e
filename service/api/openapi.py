"""What the OpenAPI document adds to what the views declare, so a generated client is
pleasant: an ``operationId`` on every operation, the bearer scheme with 401/403 on writes, and
each query enum once, as a named schema (not nullable, not repeated per operation)."""

from __future__ import annotations

import re
from typing import Any

from apispec import BasePlugin

from schemas.event import BUCKETS, FORMATS, PRECISIONS, SORTS, TYPES

#: (method, path) -> operationId. A route missing here gets one made of its method and path.
OPERATION_IDS = {
    ("post", "/api/v1/articles"): "createArticle",
    ("get", "/api/v1/articles"): "listArticles",
    ("get", "/api/v1/articles/{article_id}"): "getArticle",
    ("delete", "/api/v1/articles/{article_id}"): "deleteArticle",
    ("get", "/api/v1/events"): "listEvents",
    ("get", "/api/v1/events/{event_id}"): "getEvent",
    ("patch", "/api/v1/events/{event_id}"): "updateEvent",
    ("post", "/api/v1/events/{event_id}/merge"): "mergeEvent",
    ("get", "/api/v1/timeline"): "getTimeline",
    ("get", "/api/v1/histogram"): "getHistogram",
    ("get", "/api/v1/actors"): "listActors",
    ("get", "/api/v1/changes"): "listChanges",
    ("post", "/api/v1/feeds"): "subscribeFeed",
    ("get", "/api/v1/feeds"): "listFeeds",
    ("get", "/api/v1/feeds/{feed_id}"): "getFeed",
    ("delete", "/api/v1/feeds/{feed_id}"): "unsubscribeFeed",
    ("post", "/api/v1/annotate"): "annotateText",
    ("get", "/api/v1/resolve"): "resolveExpression",
    ("get", "/api/v1/"): "getIndex",
    ("get", "/api/v1/healthz"): "getHealth",
    ("get", "/api/v1/readyz"): "getReadiness",
}
WRITES = {"post", "put", "patch", "delete"}
#: Writes that store nothing and need no token (security.PUBLIC_WRITES).
PUBLIC_PATHS = {"/api/v1/annotate"}
SCHEME = "bearerAuth"
SECURITY_SCHEME = {
    "type": "http",
    "scheme": "bearer",
    "description": "A token from TIMELINE_API_TOKENS: Authorization: Bearer <token>. Writes "
    "need one (401 without, 403 with a wrong one); with no tokens configured, only a server "
    "bound to loopback addresses accepts writes without one. Reads are public.",
}
#: Named schemas for the query enums, each declared once.
ENUMS = {
    "EventType": TYPES,
    "Precision": PRECISIONS,
    "ExportFormat": FORMATS,
    "EventSort": SORTS,
    "BucketSize": BUCKETS,
    "OpenBounds": ["exclude", "include"],
    "ActorKind": ["country", "organisation", "person"],
    "Tense": ["past", "present", "future"],
}


def operation_id(method: str, path: str) -> str:
    known = OPERATION_IDS.get((method, path))
    if known:
        return known
    words = [w for w in re.split(r"[/_{}-]+", path.removeprefix("/api/v1")) if w]
    return method + "".join(w.capitalize() for w in words)


class OperationsPlugin(BasePlugin):
    """Adds ids, security and shared enums to every operation as the document is built."""

    def init_spec(self, spec) -> None:
        super().init_spec(spec)
        spec.components.security_scheme(SCHEME, SECURITY_SCHEME)
        for name, values in ENUMS.items():
            spec.components.schema(name, {"type": "string", "enum": list(values)})

    def operation_helper(self, path=None, operations=None, **kwargs) -> None:
        for method, operation in (operations or {}).items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            operation.setdefault("operationId", operation_id(method, path))
            if method in WRITES and path not in PUBLIC_PATHS:
                operation["security"] = [{SCHEME: []}]
                responses = operation.setdefault("responses", {})
                responses.setdefault("401", "UNAUTHORIZED")
                responses.setdefault("403", "FORBIDDEN")
            for parameter in operation.get("parameters", []):
                if isinstance(parameter, dict) and parameter.get("in") == "query":
                    _query_parameter(parameter)


def _query_parameter(parameter: dict[str, Any]) -> None:
    """A query parameter is never null (absent, it takes its default): no ``nullable``, no
    null default, and an enum names the shared schema."""
    schema = parameter.get("schema")
    if not isinstance(schema, dict):
        return
    schema.pop("nullable", None)
    if "default" in schema and schema["default"] is None:
        del schema["default"]
    target = schema.get("items", schema) if schema.get("type") == "array" else schema
    if "enum" not in target:
        return
    values = [v for v in target["enum"] if v is not None]
    name = next((n for n, e in ENUMS.items() if list(e) == values), None)
    target.pop("nullable", None)
    schema.pop("nullable", None)
    if name is None:
        target["enum"] = values
        return
    shared = {"$ref": f"#/components/schemas/{name}"}
    if target is schema:
        extra = {k: v for k, v in schema.items() if k not in {"type", "enum"}}
        parameter["schema"] = {"allOf": [shared], **extra} if extra else shared
    else:
        schema["items"] = shared
