"""Answer a list request in another format: NDJSON and CSV streamed row by row, iCalendar and
TimelineJS built whole (bounded by MAX_EXPORT_EVENTS)."""

from __future__ import annotations

from collections.abc import Iterator

import peewee as pw
from flask import Response, current_app, json, request, stream_with_context

from .. import queries
from ..errors import APIError
from ..formats import csv, ical, ndjson, negotiate, timelinejs

STREAMED = {"ndjson": ndjson.ndjson_lines, "csv": csv.csv_lines}


def requested_format(param: str | None) -> str:
    """The format asked for by ``?format=`` or ``Accept``; 406 when nothing fits."""
    fmt = negotiate.choose_format(request.headers.get("Accept"), param, negotiate.FORMATS)
    if fmt is None:
        offered = ", ".join(negotiate.MEDIA_TYPES.values())
        raise APIError(406, f"None of the accepted media types is available; offered: {offered}.")
    return fmt


def export(query: pw.Select, fmt: str, sort: str, title: str) -> Response:
    """Every event ``query`` matches, in ``fmt``."""
    if fmt in STREAMED:
        lines = STREAMED[fmt](_events(query, sort))
        response = Response(stream_with_context(lines), content_type=negotiate.content_type(fmt))
    else:
        limit = current_app.config["MAX_EXPORT_EVENTS"]
        events = list(_events(query.limit(limit + 1), sort, batch=limit + 1))
        if len(events) > limit:
            raise APIError(
                422,
                f"More than {limit} events match; narrow the filters for {fmt} "
                "(ndjson and csv stream any number).",
            )
        if fmt == "ics":
            body = ical.to_ical(events, title)
        else:
            body = json.dumps(timelinejs.to_timelinejs(events, title))
        response = Response(body, content_type=negotiate.content_type(fmt))
    filename = f"events.{negotiate.EXTENSIONS[fmt]}"
    response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _events(query: pw.Select, sort: str, batch: int = 1000) -> Iterator[dict]:
    for rows in queries.iterate_events(query, sort, batch):
        yield from queries.serialize_events(rows)  # mentions carry the provenance
