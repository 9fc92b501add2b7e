"""Formats (NDJSON, CSV, iCalendar, TimelineJS), the histogram, sort orders, precision and count."""

from __future__ import annotations

import csv
import io
import json

import icalendar
import pytest

from service.read import queries

from . import conftest
from .test_errors import assert_problem

# Every test here only reads: one seeded database per backend for the module.
app, seeded = conftest.seeded_once_app, conftest.seeded_once_answer


def json_events(client, query: str = "") -> list[dict]:
    return client.get(f"/api/v1/events?limit=500{query}").get_json()["data"]


@pytest.mark.parametrize(
    ("how", "mimetype"),
    [
        ("?format=ndjson", "application/x-ndjson"),
        ("?format=csv", "text/csv"),
        ("?format=ics", "text/calendar"),
        ("?format=timelinejs", "application/vnd.timelinejs+json"),
    ],
)
def test_format_by_parameter(client, seeded, how, mimetype):
    response = client.get(f"/api/v1/events{how}")
    assert response.status_code == 200 and response.mimetype == mimetype
    assert response.headers["ETag"]


@pytest.mark.parametrize(
    ("accept", "mimetype"),
    [
        ("application/x-ndjson", "application/x-ndjson"),
        ("text/csv;q=0.9, text/calendar;q=0.1", "text/csv"),
        ("*/*", "application/json"),
        ("application/json", "application/json"),
    ],
)
def test_format_by_accept(client, seeded, accept, mimetype):
    assert client.get("/api/v1/events", headers={"Accept": accept}).mimetype == mimetype


def test_unacceptable_accept_is_406_and_unknown_format_422(client, seeded):
    assert_problem(client.get("/api/v1/events", headers={"Accept": "image/png"}), 406)
    assert_problem(client.get("/api/v1/events?format=xml"), 422)


def test_ndjson_streams_every_match_in_timeline_order(client, seeded):
    expected = [e["id"] for e in json_events(client)]
    response = client.get("/api/v1/events?format=ndjson&limit=1")
    assert response.is_streamed
    lines = [json.loads(line) for line in response.get_data(as_text=True).splitlines()]
    assert [e["id"] for e in lines] == expected  # limit does not cut an export
    assert lines[0]["date"] == json_events(client)[0]["date"]


def test_csv_has_a_row_per_event(client, seeded):
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/events?format=csv").text)))
    assert [int(r["id"]) for r in rows] == [e["id"] for e in json_events(client)]
    assert {"date_start", "date_end", "date_precision", "actors"} <= set(rows[0])


def test_ics_has_all_day_events_with_exclusive_end(client, seeded):
    calendar = icalendar.Calendar.from_ical(client.get("/api/v1/events?format=ics").data)
    vevents = list(calendar.walk("VEVENT"))
    dated = [e for e in json_events(client) if e["date"]["start"] or e["date"]["end"]]
    assert len(vevents) == len(dated)
    visit = next(e for e in dated if e["date"]["start"] == "2023-12-19")
    entry = next(v for v in vevents if str(v["UID"]).startswith(f"event-{visit['id']}@"))
    assert entry.decoded("DTSTART").isoformat() == "2023-12-19"
    assert entry.decoded("DTEND").isoformat() == "2023-12-21"


def test_timelinejs_omits_what_the_date_does_not_say(client, seeded):
    body = client.get("/api/v1/timeline?format=timelinejs").get_json()
    slides = {s["unique_id"]: s for s in body["events"]}
    for event in json_events(client):
        slide = slides.get(f"event-{event['id']}")
        if event["date"]["precision"] == "year" and event["date"]["start"]:
            assert set(slide["start_date"]) & {"month", "day"} == set()
            assert slide["start_date"]["year"] in {"2022", "2023", 2022, 2023}
        if event["date"]["precision"] == "day" and event["date"]["start"]:
            assert slide["group"] == event["type"]
            assert int(slide["start_date"]["day"]) == int(event["date"]["start"][8:])


def test_histogram_counts_only_what_fits_a_bucket(client, seeded):
    events = json_events(client)
    by_day = client.get("/api/v1/histogram?bucket=day").get_json()
    days = {b["key"]: b["count"] for b in by_day["buckets"]}
    exact = [e for e in events if e["date"]["start"] and e["date"]["start"] == e["date"]["end"]]
    assert sum(days.values()) == len(exact)
    assert days["2023-12-20"] == sum(e["date"]["start"] == "2023-12-20" for e in exact)
    assert by_day["open"] == sum(bool(e["date"]["start"]) != bool(e["date"]["end"]) for e in events)
    by_year = client.get("/api/v1/histogram?bucket=year").get_json()
    years = {b["key"]: b["count"] for b in by_year["buckets"]}
    assert years["2023"] > days["2023-12-20"] and years["2022"] >= 1
    assert by_year["imprecise"]["count"] == 0


def test_histogram_rejects_too_many_buckets(client, seeded):
    assert_problem(client.get("/api/v1/histogram?bucket=day&from=1000-01-01&to=2999-01-01"), 422)
    assert_problem(client.get("/api/v1/histogram?bucket=hour"), 422)


@pytest.mark.parametrize("sort", ["date", "-date", "updated", "-updated"])
def test_sort_orders_page_consistently(client, seeded, sort):
    whole = [e["id"] for e in json_events(client, f"&sort={sort}")]
    paged, url = [], f"/api/v1/events?limit=2&sort={sort}"
    while url:
        body = client.get(url).get_json()
        paged.extend(e["id"] for e in body["data"])
        url = body["next"]
    assert paged == whole and len(set(paged)) == len(whole)
    if sort == "-date":
        assert whole == [e["id"] for e in json_events(client, "&sort=date")][::-1]


def test_cursor_of_another_sort_is_refused(client, seeded):
    nxt = client.get("/api/v1/events?limit=2&sort=date").get_json()["next"]
    cursor = nxt.split("cursor=")[1]
    assert_problem(client.get(f"/api/v1/events?sort=-date&cursor={cursor}"), 422)


def test_precision_filters_and_count(client, seeded):
    events = json_events(client)
    fine = json_events(client, "&precision_at_least=month")
    assert {e["id"] for e in fine} == {
        e["id"] for e in events if e["date"]["precision"] in {"day", "week", "month", "time"}
    }
    coarse = json_events(client, "&precision_at_most=year")
    assert {e["date"]["precision"] for e in coarse} <= {"year", "decade", "century", "unknown"}
    body = client.get("/api/v1/events?limit=1&count=true").get_json()
    assert body["count"] == len(events) and len(body["data"]) == 1
    assert "count" not in client.get("/api/v1/events?limit=1").get_json()


@pytest.mark.parametrize("fmt", ["ndjson", "csv", "ics", "timelinejs"])
@pytest.mark.parametrize("query", ["", "&from=2023-12-01&to=2023-12-31", "&sort=-updated"])
def test_exports_are_the_same_whatever_the_batch(client, seeded, monkeypatch, fmt, query):
    """Streamed one chunk per batch of events: batches of two give the same answer, in more
    chunks, as one batch of everything (windows read by span class, and other sorts, alike)."""
    whole = client.get(f"/api/v1/events?format={fmt}{query}")
    original = queries.iterate_events
    monkeypatch.setattr(queries, "iterate_events", lambda q, s, batch: original(q, s, 2))
    small = client.get(f"/api/v1/events?format={fmt}{query}", buffered=False)
    chunks = [c for c in small.response if c]
    assert b"".join(chunks) == whole.data and whole.status_code == small.status_code == 200
    if fmt in ("ndjson", "csv") and whole.data.count(b"\n") > 3:
        assert len(chunks) > 1


def test_ndjson_export_is_the_json_list_events(client, seeded):
    """The export's objects are the list's, timestamps spelled the same way (issue 23: the list
    wrote +00:00 and the exports Z)."""
    listed = json_events(client)
    exported = [json.loads(line) for line in _read(client, "/api/v1/events?format=ndjson")]
    assert exported == listed
    assert listed and all(e["created_at"].endswith("+00:00") for e in exported)


def test_csv_timestamps_are_spelled_as_in_json(client, seeded):
    import csv
    import io

    listed = {e["id"]: e for e in json_events(client)}
    rows = list(csv.DictReader(io.StringIO("\n".join(_read(client, "/api/v1/events?format=csv")))))
    assert rows
    for row in rows:
        assert row["created_at"] == listed[int(row["id"])]["created_at"]


def _read(client, url: str) -> list[str]:
    """The lines of a streamed answer, its stream closed (one left to the garbage collector
    tears down its request context in the middle of a later test)."""
    response = client.get(url)
    try:
        return response.text.splitlines()
    finally:
        response.close()
