"""Request limits: rate per client (429 + Retry-After), query-string length (414)."""

from __future__ import annotations

import pytest

from service import create_app
from service.storage.schema import create_tables

from .conftest import redis_or_skip
from .test_errors import assert_problem


def make_app(database_url: str, **config):
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, **config})
    create_tables()
    return app


def test_reads_over_the_limit_get_429_with_retry_after(database_url):
    client = make_app(database_url, RATELIMIT_READS="3/minute").test_client()
    for _ in range(3):
        assert client.get("/api/v1/events").status_code == 200
    response = client.get("/api/v1/articles")  # one count for every read route
    body = assert_problem(response, 429)
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    assert "3 per 1 minute" in body["detail"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_writes_and_reads_are_counted_apart(database_url):
    app = make_app(database_url, RATELIMIT_READS="2/minute", RATELIMIT_WRITES="1/minute")
    client = app.test_client()
    body = {"text": "", "published_at": "2024-03-07"}  # refused (422), counted all the same
    assert client.post("/api/v1/articles", json=body).status_code == 422
    assert_problem(client.post("/api/v1/articles", json=body), 429)
    assert client.get("/api/v1/events").status_code == 200
    assert client.get("/api/v1/events").status_code == 200
    assert_problem(client.get("/api/v1/events"), 429)


def test_each_client_has_its_own_count(database_url):
    client = make_app(database_url, RATELIMIT_READS="1/minute").test_client()
    one = {"REMOTE_ADDR": "192.0.2.1"}
    two = {"REMOTE_ADDR": "192.0.2.2"}
    assert client.get("/api/v1/events", environ_overrides=one).status_code == 200
    assert_problem(client.get("/api/v1/events", environ_overrides=one), 429)
    assert client.get("/api/v1/events", environ_overrides=two).status_code == 200


def test_health_probes_are_never_limited(database_url):
    client = make_app(database_url, RATELIMIT_READS="1/minute").test_client()
    for path in ["/healthz", "/readyz", "/api/v1/healthz", "/api/v1/readyz"] * 3:
        assert client.get(path).status_code == 200


def test_rate_limiting_can_be_turned_off(database_url):
    client = make_app(
        database_url, RATELIMIT_READS="1/minute", RATELIMIT_ENABLED=False
    ).test_client()
    for _ in range(5):
        assert client.get("/api/v1/events").status_code == 200


def test_redis_storage_shares_the_count_between_apps(database_url):
    url = redis_or_skip()
    import uuid

    prefix = {"REMOTE_ADDR": f"2001:db8::{uuid.uuid4().hex[:4]}:{uuid.uuid4().hex[:4]}"}
    config = {"RATELIMIT_STORAGE_URL": url, "RATELIMIT_READS": "2/minute"}
    # Two apps stand for two gunicorn workers: the second sees the first one's requests.
    first = make_app(database_url, **config).test_client()
    second = make_app(database_url, **config).test_client()
    codes = [
        first.get("/api/v1/events", environ_overrides=prefix).status_code,
        second.get("/api/v1/events", environ_overrides=prefix).status_code,
        second.get("/api/v1/events", environ_overrides=prefix).status_code,
    ]
    assert codes == [200, 200, 429]


@pytest.mark.parametrize(
    ("length", "status"),
    [(2048, 422), (2049, 414), (20_000, 414)],
    ids=["at-limit", "one-over", "far-over"],
)
def test_query_string_length(client, length, status):
    query = "q=" + "a" * (length - 2)
    response = client.get(f"/api/v1/articles?{query}")
    if status == 414:
        body = assert_problem(response, 414)
        assert "2048" in body["detail"]
    else:  # at the limit the request reaches the view, which names the unknown parameter
        assert "q" in assert_problem(response, status)["errors"]


def test_query_string_limit_is_configurable(database_url):
    client = make_app(database_url, MAX_QUERY_STRING=10).test_client()
    assert client.get("/api/v1/events?limit=1").status_code == 200
    assert_problem(client.get("/api/v1/events?limit=1&a=bcd"), 414)


def test_body_over_max_content_length_is_413(client):
    response = client.post(
        "/api/v1/articles", data=b"x" * (2 * 1024 * 1024 + 1), content_type="application/json"
    )
    assert_problem(response, 413)


class _Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_window_counters_slide_as_the_limits_library_counts():
    import limits as lib

    from service.edge.limits import WindowCounters

    clock = _Clock(6000.0)  # the start of a minute
    counters = WindowCounters(clock)
    item = lib.parse("10/minute")
    assert [counters.hit(item, "reads", "a") for _ in range(11)] == [True] * 10 + [False]
    assert counters.hit(item, "reads", "b")  # another client counts apart
    clock.now += 60  # next window: the last one's 10 still weigh fully
    assert not counters.hit(item, "reads", "a")
    reset = counters.get_window_stats(item, "reads", "a").reset_time
    assert clock.now < reset <= clock.now + 60
    clock.now = reset + 0.01  # by then enough of the last window has slid out
    assert counters.hit(item, "reads", "a")
    clock.now += 30  # 36 s in: the last window weighs 10 * 0.4 = 4, this one holds 1
    allowed = sum(counters.hit(item, "reads", "a") for _ in range(10))
    assert allowed == 5
    clock.now += 200  # two idle windows: the count starts again
    assert [counters.hit(item, "reads", "a") for _ in range(11)] == [True] * 10 + [False]


def test_window_counters_forget_idle_clients():
    import limits as lib

    from service.edge.limits import WindowCounters

    clock = _Clock(0.0)
    counters = WindowCounters(clock)
    counters.PRUNE_EVERY = 5
    item = lib.parse("100/second")
    for client in range(4):
        counters.hit(item, "reads", str(client))
    clock.now = 10.0
    counters.hit(item, "reads", "late")  # the fifth hit sweeps the four idle ones
    assert list(counters.counts) == [item.key_for("reads", "late")]
