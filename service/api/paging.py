"""Page sizes and next-page links, shared by every list view."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from flask import Response, current_app, request, url_for

from ..errors import APIError


def page_size(args: dict[str, Any]) -> int:
    limit = args.get("limit") or current_app.config["DEFAULT_PAGE_SIZE"]
    maximum = current_app.config["MAX_PAGE_SIZE"]
    if limit > maximum:
        raise APIError(
            422,
            f"limit may be at most {maximum}.",
            {"limit": [f"Must be between 1 and {maximum}."]},
        )
    return limit


def next_link(cursor: str | None, param: str = "cursor", **view_args: Any) -> str | None:
    """Absolute URL of the next page: this request's arguments with the new cursor."""
    if cursor is None:
        return None
    params = request.args.to_dict(flat=False)
    params[param] = [cursor]
    return url_for(request.endpoint, **view_args, **params, _external=True)


def page(data: list, cursor: str | None, **view_args: Any) -> tuple[dict, int, dict]:
    """The list envelope, plus an RFC 8288 Link header when there is a next page."""
    link = next_link(cursor, **view_args)
    headers = {"Link": f'<{link}>; rel="next"'} if link else {}
    return {"data": data, "next": link}, 200, headers


def json_response(body: dict, status: int = 200, headers: dict | None = None) -> Response:
    """Serialise an already-shaped body directly.

    The event dicts from ``queries.serialize_events`` already have the documented shape, so a
    hot list skips a second pass through marshmallow (about a third of its time); the fuzz
    test checks these answers against the OpenAPI document all the same.
    """
    text = json.dumps(body, default=_iso, ensure_ascii=False, separators=(",", ":"))
    return Response(text, status=status, headers=headers, mimetype="application/json")


def _iso(value: Any) -> str:
    if isinstance(value, dt.date):  # dates and (aware) datetimes
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
