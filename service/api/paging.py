"""Page sizes and next-page links, shared by every list view."""

from __future__ import annotations

from typing import Any

from flask import Response, current_app, request, url_for

from ..edge.security import host_is_trusted
from ..errors import APIError
from ..read import queries, rendering
from ..read.cache import RenderedEvents

JSON = "application/json"


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
    path = url_for(request.endpoint, **view_args, **params)
    public = str(current_app.config.get("PUBLIC_URL") or "").rstrip("/")
    if public:
        return public + path
    if host_is_trusted():
        return request.host_url.rstrip("/") + path
    return path


def page(data: list, cursor: str | None, **view_args: Any) -> tuple[dict, int, dict]:
    """The list envelope, plus an RFC 8288 Link header when there is a next page."""
    link = next_link(cursor, **view_args)
    return {"data": data, "next": link}, 200, link_header(link)


def link_header(link: str | None) -> dict[str, str]:
    """The RFC 8288 Link header pointing at the next page, when there is one."""
    return {"Link": f'<{link}>; rel="next"'} if link else {}


def rendered_events() -> RenderedEvents:
    """This worker's cache of rendered events (see :mod:`service.read.cache`)."""
    return current_app.extensions["rendered_events"]


def events_page(rows: list, cursor: str | None, **extra: str) -> Response:
    """A page of events as JSON: ``data`` assembled from the rendered events (no marshmallow,
    no re-encoding), ``next``, then ``extra`` members (already JSON), in the documented order."""
    texts = queries.render_events(rows, rendered_events())
    link = next_link(cursor)
    members = [("data", rendering.array(texts)), ("next", rendering.to_json(link))]
    body = rendering.obj([*members, *extra.items()])
    return Response(body, 200, link_header(link), mimetype=JSON)
