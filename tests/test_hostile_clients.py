"""Issue 16 in the app: expensive public requests bounded, cross-site writes and foreign Host
names refused, the Idempotency-Key race closed, and the listed 500s answered as 4xx."""

from __future__ import annotations

import json
import threading

import pytest

from service import create_app
from service.formats import csv, ical, timelinejs
from service.read import queries
from service.storage.models import Article, Event
from service.storage.order import UNDATED
from service.storage.schema import create_tables
from service.write import pipeline

from .test_errors import assert_problem

TOKEN = "t" * 32
ARTICLE = {"text": "The ministers met in Oslo on Monday.", "published_at": "2024-03-07"}


def make_app(database_url: str, **config):
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, **config})
    create_tables()
    return app


def event_ids(client) -> list[int]:
    return [e["id"] for e in client.get("/api/v1/events?limit=500").get_json()["data"]]


# 2. Exports ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["ics", "timelinejs"])
def test_a_capped_export_over_the_cap_is_refused_before_anything_is_built(
    database_url, seed_body, monkeypatch, fmt
):
    client = make_app(database_url, MAX_EXPORT_EVENTS=1).test_client()
    assert client.post("/api/v1/articles", json=seed_body).status_code == 201
    assert len(event_ids(client)) > 1
    built = []
    serialize = queries.serialize_events
    monkeypatch.setattr(
        queries, "serialize_events", lambda *a, **k: built.append(1) or serialize(*a, **k)
    )
    monkeypatch.setattr(ical, "to_vevent", lambda e: built.append(e))
    monkeypatch.setattr(timelinejs, "to_slide", lambda e: built.append(e))
    body = assert_problem(client.get(f"/api/v1/events?format={fmt}"), 422)
    assert "More than 1 events" in body["detail"]
    assert built == []


def test_capped_exports_stream_the_same_document():
    events = [
        {
            "id": n,
            "title": f"Event {n}",
            "created_at": "2024-01-01T00:00:00",
            "updated_at": "2024-01-02T00:00:00",
            "date": {"start": f"2024-01-0{n}", "end": f"2024-01-0{n}", "precision": "day"},
        }
        for n in (1, 2, 3)
    ]
    assert b"".join(ical.ical_lines(events, "T")) == ical.to_ical(events, "T")
    streamed = json.loads("".join(timelinejs.timelinejs_chunks(events, "T")))
    assert streamed == timelinejs.to_timelinejs(events, "T")


def hold_export(app, address: str):
    """Take an export slot as a streaming export from ``address`` does (the test client cannot
    hold a stream open while it sends the next request)."""
    with app.test_request_context(environ_base={"REMOTE_ADDR": address}):
        return app.extensions["timeline_slots"]["exports"].take()


def test_exports_at_once_are_bounded_per_client_with_retry_after(database_url, seed_body):
    app = make_app(database_url, EXPORTS_PER_CLIENT=1, THREADS=8)
    client = app.test_client()
    assert client.post("/api/v1/articles", json=seed_body).status_code == 201
    give_back = hold_export(app, "127.0.0.1")
    refused = client.get("/api/v1/events?format=csv")
    assert_problem(refused, 429)
    assert int(refused.headers["Retry-After"]) >= 1
    other = client.get("/api/v1/events?format=ics", environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert other.status_code == 200  # another client has its own bound
    other.close()  # a stream left to the garbage collector tears down outside its context
    give_back()
    response = client.get("/api/v1/events?format=csv")
    assert response.status_code == 200 and response.get_data()
    assert client.get("/api/v1/events?format=timelinejs").status_code == 200  # released again


def test_exports_at_once_are_bounded_per_worker(database_url, seed_body):
    app = make_app(database_url, EXPORTS_PER_CLIENT=5, EXPORTS_PER_WORKER=2)
    client = app.test_client()
    assert client.post("/api/v1/articles", json=seed_body).status_code == 201
    held = [hold_export(app, a) for a in ("10.0.0.1", "10.0.0.2")]
    over = client.get("/api/v1/events?format=ndjson", environ_base={"REMOTE_ADDR": "10.0.0.3"})
    assert "2 per worker" in assert_problem(over, 429)["detail"]
    held[0]()
    again = client.get("/api/v1/events?format=ndjson", environ_base={"REMOTE_ADDR": "10.0.0.3"})
    assert again.status_code == 200 and again.get_data()


# 3. /annotate -------------------------------------------------------------------------------


def test_annotate_has_its_own_body_cap(database_url):
    client = make_app(database_url, MAX_ANNOTATE_BYTES=1000).test_client()
    ok = client.post("/api/v1/annotate", json={**ARTICLE, "text": "On Monday."})
    assert ok.status_code == 200
    big = client.post("/api/v1/annotate", json={**ARTICLE, "text": "On Monday. " * 200})
    assert "1000 bytes" in assert_problem(big, 413)["detail"]


def test_annotate_has_its_own_rate(database_url):
    client = make_app(database_url, RATELIMIT_ANNOTATE="2/minute").test_client()
    for _ in range(2):
        assert client.post("/api/v1/annotate", json=ARTICLE).status_code == 200
    refused = client.post("/api/v1/annotate", json=ARTICLE)
    assert "annotations" in assert_problem(refused, 429)["detail"]
    assert "Retry-After" in refused.headers
    assert client.post("/api/v1/articles", json=ARTICLE).status_code == 201  # other writes go on


def test_an_annotation_is_counted_once_by_its_own_rate_not_as_a_write(database_url):
    """RATELIMIT_ANNOTATE is counted apart from the other writes: annotations neither stop at
    the write limit nor use up the client's writes (they were counted by both)."""
    client = make_app(
        database_url, RATELIMIT_WRITES="2/minute", RATELIMIT_ANNOTATE="4/minute"
    ).test_client()
    statuses = [client.post("/api/v1/annotate", json=ARTICLE).status_code for _ in range(5)]
    assert statuses == [200] * 4 + [429]
    assert client.post("/api/v1/articles", json=ARTICLE).status_code == 201
    body = {**ARTICLE, "text": ARTICLE["text"] + " Again."}
    assert client.post("/api/v1/articles", json=body).status_code == 201
    assert client.post("/api/v1/articles", json=ARTICLE).status_code == 429


def test_annotations_are_still_counted_when_the_rate_storage_fails(database_url, monkeypatch):
    app = make_app(database_url, RATELIMIT_ANNOTATE="2/minute")
    limiter = app.extensions["timeline_annotate_limiter"]

    def down(*args, **kwargs):
        raise ConnectionError("storage down")

    monkeypatch.setattr(limiter.strategy, "hit", down)
    client = app.test_client()
    statuses = [client.post("/api/v1/annotate", json=ARTICLE).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_the_default_annotate_cap_bounds_the_cpu_of_one_request():
    from service import config

    assert config.MAX_ANNOTATE_BYTES <= 64 * 1024 < config.MAX_CONTENT_LENGTH


def test_slots_refuse_rather_than_wait(app):
    from service.edge.limits import Slots

    slots = Slots("annotations", total=2, per_client=1)
    with app.test_request_context(environ_base={"REMOTE_ADDR": "10.0.0.1"}):
        give_back = slots.take()
        with pytest.raises(Exception) as refused:
            slots.take()
        assert refused.value.status == 429
        give_back()
        give_back()  # twice is harmless
        slots.take()
        assert slots.running == 1


# 4. Cross-origin writes and Host names without tokens ---------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site", "Origin": "http://localhost"},
    ],
    ids=["origin", "null-origin", "cross-site", "same-site"],
)
def test_without_tokens_cross_origin_writes_are_refused(client, headers):
    body = assert_problem(client.post("/api/v1/articles", json=ARTICLE, headers=headers), 403)
    assert "Cross-origin" in body["detail"]
    assert Article.select().count() == 0


def test_without_tokens_same_origin_writes_go_through(client):
    headers = {"Origin": "http://localhost", "Sec-Fetch-Site": "same-origin"}
    assert client.post("/api/v1/articles", json=ARTICLE, headers=headers).status_code == 201


def test_with_tokens_the_token_decides_not_the_origin(database_url):
    client = make_app(database_url, API_TOKENS=TOKEN).test_client()
    headers = {"Origin": "https://other.example", "Authorization": f"Bearer {TOKEN}"}
    assert client.post("/api/v1/articles", json=ARTICLE, headers=headers).status_code == 201


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "192.168.1.20"])
def test_without_tokens_only_loopback_host_names_are_answered(client, host):
    body = assert_problem(client.get("/api/v1/events", headers={"Host": host}), 421)
    assert "TIMELINE_ALLOWED_HOSTS" in body["detail"]


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1:8000", "[::1]:8000"])
def test_loopback_host_names_are_answered(client, host):
    assert client.get("/api/v1/events", headers={"Host": host}).status_code == 200


def test_allowed_hosts_are_answered_and_others_not(database_url):
    client = make_app(
        database_url, API_TOKENS=TOKEN, ALLOWED_HOSTS="timeline.example.org"
    ).test_client()
    headers = {"Host": "timeline.example.org"}
    assert client.get("/api/v1/events", headers=headers).status_code == 200
    assert_problem(client.get("/api/v1/events", headers={"Host": "evil.example"}), 421)


def _next(client, host: str) -> tuple[str, str]:
    response = client.get("/api/v1/events?limit=1", headers={"Host": host})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()["next"], response.headers["Link"]


def test_next_links_never_echo_an_untrusted_host(database_url, seed_body):
    client = make_app(database_url, API_TOKENS=TOKEN).test_client()  # any Host is answered
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert client.post("/api/v1/articles", json=seed_body, headers=auth).status_code == 201
    link, header = _next(client, "evil.example")
    assert link.startswith("/api/v1/events?") and "evil" not in header
    assert client.get(link).status_code == 200
    link, _ = _next(client, "localhost:8000")
    assert link.startswith("http://localhost:8000/api/v1/events?")


def test_next_links_use_the_public_url(database_url, seed_body):
    client = make_app(database_url, PUBLIC_URL="https://timeline.example.org/").test_client()
    assert client.post("/api/v1/articles", json=seed_body).status_code == 201
    link, header = _next(client, "localhost")
    assert link.startswith("https://timeline.example.org/api/v1/events?")
    assert f"<{link}>" in header


# 5. The Idempotency-Key race ----------------------------------------------------------------


def test_one_key_sent_at_once_with_different_texts_stores_one(database_url, monkeypatch):
    app = make_app(database_url, RATELIMIT_ENABLED=False)
    writers = 6
    barrier = threading.Barrier(writers)
    extract = pipeline.extraction.extract

    def extract_then_wait(*args, **kwargs):  # every writer has looked the key up, none stored
        events = extract(*args, **kwargs)
        barrier.wait(timeout=20)
        return events

    monkeypatch.setattr(pipeline.extraction, "extract", extract_then_wait)
    statuses = []

    def write(n: int) -> None:
        body = {**ARTICLE, "text": f"The ministers met in Oslo on Monday, round {n}."}
        response = app.test_client().post(
            "/api/v1/articles", json=body, headers={"Idempotency-Key": "race-1"}
        )
        statuses.append(response.status_code)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(statuses) == [201] + [422] * (writers - 1)
    with app.app_context():
        assert Article.select().count() == 1


# 6. The 500s --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/api/v1/events?actor=%00", "/api/v1/events?type=%00", "/api/v1/actors?q=a%00b"]
)
def test_nul_in_a_filter_is_400(client, path):
    assert "NUL" in assert_problem(client.get(path), 400)["detail"]


@pytest.mark.parametrize("path", ["/api/v1/articles", "/api/v1/annotate"])
def test_a_number_of_more_than_4300_digits_is_400(client, path):
    body = '{"text": "a", "published_at": "2024-01-01", "n": %s}' % ("9" * 5000)
    response = client.post(path, data=body, content_type="application/json")
    assert "4300 digits" in assert_problem(response, 400)["detail"]


def test_a_long_digit_run_in_a_string_is_still_an_article(client):
    body = {**ARTICLE, "text": ARTICLE["text"] + " " + "7" * 5000}
    assert client.post("/api/v1/articles", json=body).status_code == 201


@pytest.fixture
def event_id(client, seed_body) -> int:
    assert client.post("/api/v1/articles", json=seed_body).status_code == 201
    return event_ids(client)[0]


@pytest.mark.parametrize(
    "date",
    [
        '{"value": "9999-W52"}',
        '{"value": "XXXX-99-99"}',
        '{"value": "XXXX-13"}',
        '{"value": "2023-12-20", "text": "\\ud800"}',
        '{"value": "2023-12-20", "text": "a\\u0000b"}',
        '{"value": "2023-12-20", "edtf": "\\udfff"}',
        '{"value": "2023-12-20", "edtf": "2023\\u0000"}',
        '{"value": "2023-\\u0000"}',
    ],
)
def test_patching_an_impossible_date_is_422(client, event_id, date):
    body = f'{{"reason": "fix", "date": {date}}}'
    response = client.patch(
        f"/api/v1/events/{event_id}", data=body, content_type="application/json"
    )
    assert_problem(response, 422)


def test_patching_a_day_of_an_unknown_year_still_works(client, event_id):
    body = {"reason": "fix", "date": {"value": "XXXX-12-20"}}
    response = client.patch(f"/api/v1/events/{event_id}", json=body)
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["date"]["edtf"] == "XXXX-12-20"


@pytest.mark.parametrize("into", [2.5, "2", True])
def test_merge_into_a_non_integer_is_422(client, event_id, into):
    response = client.post(
        f"/api/v1/events/{event_id}/merge", json={"into": into, "reason": "same"}
    )
    assert "into" in assert_problem(response, 422)["errors"]


# 8. The smaller ones ------------------------------------------------------------------------


def test_the_undated_list_honours_limit(client, seed_body):
    assert client.post("/api/v1/articles", json=seed_body).status_code == 201
    for n in range(3):
        Event.create(title=f"undated {n}", summary="", type="meet", sort_date=UNDATED)
    page = client.get("/api/v1/timeline?limit=2").get_json()
    assert len(page["undated"]) == 2
    assert len(client.get("/api/v1/timeline?limit=5").get_json()["undated"]) == 3


@pytest.mark.parametrize(
    ("value", "guarded"),
    [
        ("＝1+1", "'＝1+1"),
        ("＋1", "'＋1"),
        ("－1", "'－1"),
        ("＠SUM(A1)", "'＠SUM(A1)"),
        ("\u200b=1+1", "'\u200b=1+1"),
        ("\ufeff@x", "'\ufeff@x"),
        ("|cmd", "'|cmd"),
        ("%0A", "'%0A"),
        ("Lee;=HYPERLINK(1)", "Lee;'=HYPERLINK(1)"),
        ("Lee; =1", "Lee;' =1"),
        ("Lee;Diaz", "Lee;Diaz"),
        ("50%", "50%"),
    ],
)
def test_csv_guard(value, guarded):
    assert csv.guard_cell(value) == guarded
    assert csv.unguard_cell(guarded) == value


def test_readyz_says_not_ready_when_the_disk_is_full(app, monkeypatch):
    import shutil

    from service.storage import connection

    if connection.free_bytes() is None:
        pytest.skip("PostgreSQL reports its own disk")
    client = app.test_client()
    assert client.get("/readyz").status_code == 200
    full = shutil._ntuple_diskusage(total=10**9, used=10**9 - 4096, free=4096)
    monkeypatch.setattr(connection.shutil, "disk_usage", lambda path: full)
    response = client.get("/readyz")
    detail = assert_problem(response, 503)["detail"]
    assert "disk is full" in detail
    assert "4096" not in detail and "bytes" not in detail  # no exact free space to anyone
    assert response.headers["Retry-After"]
