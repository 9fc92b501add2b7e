"""Answer a list request in another format, streamed event by event in every format: NDJSON
and CSV any number of events, iCalendar and TimelineJS at most MAX_EXPORT_EVENTS (counted
first: over the cap is a 422 before anything is built). Each export holds one of its worker's
export slots while it streams (:class:`service.edge.limits.Slots`: 429 when none is free)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import peewee as pw
from flask import Response, current_app, request, stream_with_context

from ..edge.limits import slots
from ..errors import APIError
from ..formats import csv, ical, ndjson, negotiate, timelinejs
from ..read import json_sql, queries

STREAMED = {"ndjson": ndjson.ndjson_chunks, "csv": csv.csv_chunks}  # one chunk per batch
CAPPED = {"ics": ical.ical_lines, "timelinejs": timelinejs.timelinejs_chunks}


def requested_format(param: str | None) -> str:
    """The format asked for by ``?format=`` or ``Accept``; 406 when nothing fits."""
    fmt = negotiate.choose_format(request.headers.get("Accept"), param, negotiate.FORMATS)
    if fmt is None:
        offered = ", ".join(negotiate.MEDIA_TYPES.values())
        raise APIError(406, f"None of the accepted media types is available; offered: {offered}.")
    return fmt


def export(query: pw.Select, fmt: str, sort: str, title: str) -> Response:
    """Every event ``query`` matches, in ``fmt``."""
    if fmt == "ndjson" and json_sql.available():  # the database writes the lines itself
        keys = queries.SORT_KEYS[sort.lstrip("-")]  # a page needs its ids and sort keys only
        pages = queries.iterate_events(query.select(*keys), sort, BATCH)
        lines = json_sql.ndjson_chunks_of(pages)
    elif fmt in STREAMED:
        lines = STREAMED[fmt](_batches(query, sort))
    else:
        limit = current_app.config["MAX_EXPORT_EVENTS"]
        if query.select(query.model.id).limit(limit + 1).count() > limit:
            raise APIError(
                422,
                f"More than {limit} events match; narrow the filters for {fmt} "
                "(ndjson and csv stream any number).",
            )
        lines = CAPPED[fmt](itertools.chain.from_iterable(_batches(query, sort)), title)
    give_back = slots("exports").take()
    response = Response(
        stream_with_context(_released(lines, give_back)),
        content_type=negotiate.content_type(fmt),
    )
    response.call_on_close(give_back)  # also when the stream is never started
    filename = f"events.{negotiate.EXTENSIONS[fmt]}"
    response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _released(chunks: Iterator, give_back) -> Iterator:
    try:
        yield from chunks
    finally:
        give_back()


BATCH = 1000  # events per query and per chunk of a streamed export


def _batches(query: pw.Select, sort: str, batch: int = BATCH) -> Iterator[list[dict]]:
    """The matching events' API dicts, ``batch`` at a time (flat memory)."""
    for rows in queries.iterate_events(query, sort, batch):
        yield queries.serialize_events(rows)  # mentions carry the provenance
