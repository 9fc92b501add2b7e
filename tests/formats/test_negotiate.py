"""Content negotiation: ?format= wins, Accept with q-values, JSON by default, None for 406."""

from __future__ import annotations

import pytest

from service.formats.negotiate import (
    ACCEPTED,
    FORMATS,
    MEDIA_TYPES,
    choose_format,
    content_type,
)

ALL = FORMATS


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "json"),
        ("", "json"),
        ("*/*", "json"),
        ("application/json", "json"),
        ("application/x-ndjson", "ndjson"),
        ("application/ndjson", "ndjson"),
        ("text/csv", "csv"),
        ("text/calendar", "ics"),
        ("application/vnd.timelinejs+json", "timelinejs"),
        ("TEXT/CSV; charset=utf-8", "csv"),
        ("text/csv;q=0.5, text/calendar;q=0.9", "ics"),
        ("text/csv, */*;q=0.1", "csv"),
        ("application/json;q=0.1, text/csv", "csv"),
        ("text/csv;q=0, text/*", "ics"),
        ("text/*, text/calendar;q=0", "csv"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "json"),
        ("application/*", "json"),
        ("text/csv;q=bogus, text/calendar;q=0.2", "ics"),
        ("application/xml", None),
        ("text/html", None),
        ("*/*;q=0", None),
        ("application/json;q=0, text/csv;q=0", None),
        ("garbage", None),
    ],
    ids=lambda v: repr(v),
)
def test_accept_header(accept, expected):
    assert choose_format(accept, None, ALL) == expected


@pytest.mark.parametrize(
    ("accept", "param", "expected"),
    [
        ("text/csv", "ics", "ics"),
        ("application/xml", "csv", "csv"),
        (None, "NDJSON", "ndjson"),
        (None, " timelinejs ", "timelinejs"),
        ("text/csv", "", "csv"),
        ("text/csv", "xml", None),
    ],
    ids=["wins-over-accept", "wins-over-unacceptable", "case", "spaces", "empty-ignored", "bad"],
)
def test_format_param_wins(accept, param, expected):
    assert choose_format(accept, param, ALL) == expected


@pytest.mark.parametrize(
    ("accept", "param", "allowed", "expected"),
    [
        ("text/calendar", None, ("json", "ndjson", "csv"), None),
        (None, "ics", ("json", "csv"), None),
        ("*/*", None, ("csv", "ics"), "csv"),
        (None, None, ("ndjson", "csv"), "ndjson"),
        ("*/*", None, ("csv", "json"), "json"),
        (None, None, (), None),
    ],
    ids=["accept-not-allowed", "param-not-allowed", "wildcard-first-allowed",
         "absent-first-allowed", "json-first-on-ties", "nothing-allowed"],
)  # fmt: skip
def test_allowed_restricts_the_choice(accept, param, allowed, expected):
    assert choose_format(accept, param, allowed) == expected


def test_every_format_has_a_media_type_it_also_accepts():
    assert set(MEDIA_TYPES) == set(ACCEPTED) == set(FORMATS)
    for fmt in FORMATS:
        assert MEDIA_TYPES[fmt] in ACCEPTED[fmt]
        assert choose_format(MEDIA_TYPES[fmt], None, FORMATS) == fmt
    assert content_type("csv") == "text/csv; charset=utf-8"
    assert content_type("ics") == "text/calendar; charset=utf-8"
    assert content_type("ndjson") == "application/x-ndjson"
