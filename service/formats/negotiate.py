"""Content negotiation: pick an export format from ``?format=`` or the ``Accept`` header.

``?format=`` wins over ``Accept``. Without either, or with ``*/*``, the answer is JSON. Each
format answers to the media types in ``ACCEPTED``; q-values follow RFC 9110: the most specific
media range that matches a type gives its quality (``text/csv;q=0, text/*`` refuses CSV but
accepts iCalendar), ``q=0`` means "not acceptable", and ties go to JSON, then to the order of
``allowed``. None means nothing acceptable: the caller answers 406.

``application/vnd.timelinejs+json`` is this service's own name for the TimelineJS3 shape; it
is not registered with IANA, and the document is plain JSON.
"""

from __future__ import annotations

from collections.abc import Sequence

from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

DEFAULT = "json"
FORMATS = ("json", "ndjson", "csv", "ics", "timelinejs")
MEDIA_TYPES = {
    "json": "application/json",
    "ndjson": "application/x-ndjson",
    "csv": "text/csv",
    "ics": "text/calendar",
    "timelinejs": "application/vnd.timelinejs+json",
}
ACCEPTED = {
    "json": ("application/json",),
    "ndjson": ("application/x-ndjson", "application/ndjson", "application/jsonl"),
    "csv": ("text/csv",),
    "ics": ("text/calendar",),
    "timelinejs": ("application/vnd.timelinejs+json",),
}
EXTENSIONS = {"json": "json", "ndjson": "ndjson", "csv": "csv", "ics": "ics", "timelinejs": "json"}


def content_type(fmt: str) -> str:
    """The ``Content-Type`` to send for a format; text types say their charset."""
    media_type = MEDIA_TYPES[fmt]
    return f"{media_type}; charset=utf-8" if media_type.startswith("text/") else media_type


def choose_format(
    accept_header: str | None, format_param: str | None, allowed: Sequence[str]
) -> str | None:
    """The format to answer with, or None when nothing in ``allowed`` is acceptable (406).

    An unknown or disallowed ``?format=`` also gives None; a caller that prefers 400/422 for
    a bad parameter checks ``format_param in allowed`` first.
    """
    if format_param is not None and format_param.strip():
        fmt = format_param.strip().lower()
        return fmt if fmt in allowed else None
    if accept_header is None or not accept_header.strip():
        return DEFAULT if DEFAULT in allowed else next(iter(allowed), None)
    ranges = _media_ranges(accept_header)
    order = sorted(allowed, key=lambda fmt: fmt != DEFAULT)  # stable: JSON, then allowed order
    best, best_quality = None, 0.0
    for fmt in order:
        quality = max((_quality(t, ranges) for t in ACCEPTED.get(fmt, ())), default=0.0)
        if quality > best_quality:
            best, best_quality = fmt, quality
    return best


def _media_ranges(header: str) -> list[tuple[str, str, float]]:
    """``(type, subtype, q)`` for each well-formed range; werkzeug drops invalid q-values."""
    ranges = []
    for value, quality in parse_accept_header(header, MIMEAccept):
        main, _, sub = value.split(";", 1)[0].strip().lower().partition("/")
        if main and sub and not (main == "*" and sub != "*"):
            ranges.append((main, sub, quality))
    return ranges


def _quality(media_type: str, ranges: list[tuple[str, str, float]]) -> float:
    """The q of the most specific range matching ``media_type`` (0 when none matches)."""
    main, sub = media_type.split("/")
    best_specificity, quality = -1, 0.0
    for r_main, r_sub, q in ranges:
        if r_main == main and r_sub == sub:
            specificity = 2
        elif r_main == main and r_sub == "*":
            specificity = 1
        elif r_main == "*" and r_sub == "*":
            specificity = 0
        else:
            continue
        if specificity > best_specificity:
            best_specificity, quality = specificity, q
        elif specificity == best_specificity:
            quality = max(quality, q)
    return quality
