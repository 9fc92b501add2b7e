"""The job queue (TIMELINE_BROKER_URL): a queued article is stored once whatever happens to the
workers; an article that always fails stops after QUEUE_MAX_TRIES with its reason on the job."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid

import pytest

from service import create_app, queue
from service.storage.connection import database
from service.storage.models import Article, Job, Mention
from service.storage.schema import create_tables
from service.write import pipeline

from . import faults
from .conftest import PG_URL, _admin, postgres_unavailable
from .test_errors import assert_problem

BODY = {
    "text": "The Foreign Minister of Kenya met President Joe Biden in Washington on Tuesday.",
    "published_at": "2024-06-07",
}


def new_job(body: dict = BODY) -> Job:
    return Job.create(id=uuid.uuid4().hex, content_hash=pipeline.content_hash(body["text"]))


def test_a_job_stores_its_article_once_however_often_it_is_delivered(app):
    with app.app_context():
        job = new_job()
        for _ in range(3):  # delivered again after it finished (an acknowledgement lost)
            queue.run(job.id, BODY, max_tries=3)
        job = Job.get_by_id(job.id)
        assert (job.status, job.tries, job.created) == ("done", 1, True)
        assert Article.select().count() == 1 and job.article_id == Article.get().id


def test_a_job_for_a_stored_text_is_done_with_the_stored_article(app):
    with app.app_context():
        article, _ = pipeline.ingest({**BODY, "published_at": pipeline.dt.date(2024, 6, 7)})
        job = new_job()
        queue.run(job.id, BODY, max_tries=3)
        job = Job.get_by_id(job.id)
        assert (job.status, job.created, job.article_id) == ("done", False, article.id)


def test_an_article_that_always_fails_stops_after_the_tries_with_its_reason(app, monkeypatch):
    def broken(data, *args, **kwargs):
        raise RuntimeError("the parser fell over")

    monkeypatch.setattr(pipeline, "ingest", broken)
    with app.app_context():
        job = new_job()
        for _ in (1, 2):
            with pytest.raises(RuntimeError):  # raised: the broker retries it
                queue.run(job.id, BODY, max_tries=3)
            assert Job.get_by_id(job.id).status == "queued"
        queue.run(job.id, BODY, max_tries=3)  # the last try: failed, not raised
        job = Job.get_by_id(job.id)
        error = json.loads(job.error)
        assert (job.status, job.tries) == ("failed", 3)
        assert "Gave up after 3 tries" in error["detail"] and "fell over" in error["detail"]
        queue.run(job.id, BODY, max_tries=3)  # a stray redelivery changes nothing
        assert Job.get_by_id(job.id).tries == 3


def test_a_job_whose_worker_died_in_every_try_fails(app):
    with app.app_context():
        job = new_job()
        Job.update(tries=3, status="running").where(Job.id == job.id).execute()  # 3 deaths
        queue.run(job.id, BODY, max_tries=3)
        job = Job.get_by_id(job.id)
        assert job.status == "failed" and "Gave up after 3 tries" in json.loads(job.error)["detail"]
        assert Article.select().count() == 0


@pytest.mark.parametrize(
    "body",
    [
        {"text": "x"},
        {**BODY, "text": "Die Regierung hat am Dienstag in Berlin den Haushalt beschlossen."},
    ],
    ids=["no-published_at", "german"],
)
def test_an_invalid_or_unreadable_article_fails_at_once(app, body):
    with app.app_context():
        job = new_job(body)
        queue.run(job.id, body, max_tries=3)
        job = Job.get_by_id(job.id)
        assert (job.status, job.tries) == ("failed", 1)
        assert json.loads(job.error)["status"] == 422
        assert Article.select().count() == 0


@pytest.fixture
def stub_broker(app, monkeypatch):
    from dramatiq.brokers.stub import StubBroker

    broker = StubBroker()
    broker.declare_queue(app.config["QUEUE_NAME"])
    app.config["BROKER_URL"] = "amqp://stub"
    monkeypatch.setattr(queue, "broker_of", lambda app: broker)
    return broker


def test_prefer_respond_async_queues_the_article_and_its_job_says_where_it_is(
    app, client, stub_broker
):
    response = client.post("/api/v1/articles", json=BODY, headers={"Prefer": "respond-async"})
    assert response.status_code == 202
    assert response.headers["Preference-Applied"] == "respond-async"
    location = response.headers["Location"]
    assert client.get(location).get_json()["status"] == "queued"
    (message,) = stub_broker.queues[app.config["QUEUE_NAME"]].queue
    job_id, body = json.loads(message)["args"]
    with app.app_context():
        queue.run(job_id, body, max_tries=3)  # what a worker does with the message
    job = client.get(location).get_json()
    assert job["status"] == "done" and job["created"] is True
    assert client.get(job["location"]).get_json()["text"] == BODY["text"]


def test_an_invalid_article_is_refused_before_it_is_queued(client, stub_broker):
    response = client.post(
        "/api/v1/articles", json={"text": "x"}, headers={"Prefer": "respond-async"}
    )
    assert_problem(response, 422)
    assert not any(q.queue for q in stub_broker.queues.values())


def test_without_a_broker_respond_async_is_not_applied(client):
    response = client.post("/api/v1/articles", json=BODY, headers={"Prefer": "respond-async"})
    assert response.status_code == 201 and "Preference-Applied" not in response.headers


def test_a_batch_with_respond_async_is_one_job_per_article(app, client, stub_broker):
    other = {**BODY, "text": "The central bank of Chile raised its rate on Monday in Santiago."}
    batch = [BODY, {"text": "x"}, other]
    response = client.post("/api/v1/articles", json=batch, headers={"Prefer": "respond-async"})
    assert response.status_code == 202
    assert response.headers["Preference-Applied"] == "respond-async"
    body = response.get_json()
    assert body["counts"] == {"queued": 2, "refused": 1}
    assert [r["outcome"] for r in body["results"]] == ["queued", "refused", "queued"]
    assert [r["status"] for r in body["results"]] == [202, 422, 202]
    assert body["results"][1]["error"]["status"] == 422 and "job" not in body["results"][1]
    messages = stub_broker.queues[app.config["QUEUE_NAME"]].queue
    assert len(messages) == 2  # the refused one is not queued
    for result, message in zip([body["results"][0], body["results"][2]], messages, strict=True):
        assert result["job"]["status"] == "queued"
        assert result["location"] == f"/api/v1/jobs/{result['job']['id']}"
        job_id, sent = json.loads(message)["args"]
        assert job_id == result["job"]["id"]
        with app.app_context():
            queue.run(job_id, sent, max_tries=3)
        assert client.get(result["location"]).get_json()["status"] == "done"
    with app.app_context():
        assert sorted(a.text for a in Article.select()) == sorted([BODY["text"], other["text"]])


def test_without_a_broker_a_batch_with_respond_async_is_stored_at_once(client):
    response = client.post("/api/v1/articles", json=[BODY], headers={"Prefer": "respond-async"})
    assert response.status_code == 207 and "Preference-Applied" not in response.headers
    assert response.get_json()["results"][0]["outcome"] == "stored"


def test_an_unknown_job_is_404(client):
    assert_problem(client.get(f"/api/v1/jobs/{uuid.uuid4().hex}"), 404)


# --- Workers killed during a run of 100 articles, on a real broker and PostgreSQL -------------

BROKERS = {
    "rabbitmq": ("amqp://guest:guest@127.0.0.1:5672/", 5672),
    "redis": ("redis://127.0.0.1:6379/0", 6379),
}


def _closed(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) != 0


@pytest.fixture
def pg_database():
    """A PostgreSQL database of this test's own (the workers are other processes)."""
    if reason := postgres_unavailable():
        pytest.skip(reason)
    name = f"timeline_queue_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    _admin(PG_URL, f'CREATE DATABASE "{name}"')
    yield PG_URL.rsplit("/", 1)[0] + f"/{name}"
    _admin(PG_URL, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _worker(env: dict, log) -> subprocess.Popen:
    command = [sys.executable, "-c", "from service.cli import main; main()", "worker"]
    return subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)


def _running_for_a_while() -> bool:
    before = {job.id for job in Job.select().where(Job.status == "running")}
    time.sleep(0.03)
    return bool(before & {job.id for job in Job.select().where(Job.status == "running")})


def _statuses() -> dict[str, int]:
    rows = Job.select(Job.status, Job.id).tuples()
    counts: dict[str, int] = {}
    for status, _ in rows:
        counts[status] = counts.get(status, 0) + 1
    return counts


@pytest.mark.slow
@pytest.mark.parametrize(
    "name",  # Redis in make test-long: two runs of 100 articles cost the suite's time budget
    ["rabbitmq", pytest.param("redis", marks=pytest.mark.long)],
)
def test_a_worker_killed_during_100_articles_leaves_each_stored_exactly_once(
    name, pg_database, tmp_path
):
    url, port = BROKERS[name]
    if _closed(port):
        pytest.skip(f"no {name} broker at 127.0.0.1:{port} (the CI machines run one)")
    config = {
        "DATABASE_URL": pg_database,
        "BROKER_URL": url,
        "QUEUE_NAME": f"test-{uuid.uuid4().hex[:8]}",
        "QUEUE_REDELIVER_SECONDS": 3,
        "LOG_JSON": "false",
    }
    env = {**os.environ, **{f"TIMELINE_{k}": str(v) for k, v in config.items()}}
    app = create_app(config)
    with app.app_context():
        create_tables()
        with database.connection_context():
            for n in range(100):
                # Articles 10-14 are long enough (~40 sentences) that one takes longer than two
                # polls, so the worker is killed while it holds one, however fast the extraction
                # gets; the others are two sentences, the 100 cost a sixth of 100 long ones.
                text = " ".join(
                    f"The Foreign Minister of Kenya met the President of Ghana on Monday ({n}.{i})."
                    for i in range(40 if 10 <= n < 15 else 2)
                )
                queue.enqueue(app, {"text": text, "published_at": "2024-06-07"})
    log_path = tmp_path / "workers.log"
    with log_path.open("w") as log:
        first = _worker(env, log)
        try:
            deadline = time.monotonic() + 180
            with app.app_context(), database.connection_context():
                # Killed while it holds an article: after 10 are done, at one seen running twice
                # 30 ms apart (an article takes longer than that).
                while _statuses().get("done", 0) < 10 or not _running_for_a_while():
                    assert first.poll() is None and time.monotonic() < deadline, (
                        log_path.read_text()
                    )
                    assert _statuses().get("done", 0) < 100, "all done before the kill"
                    time.sleep(0.05)
                first.send_signal(signal.SIGKILL)
                first.wait(10)
                killed = {job.id for job in Job.select().where(Job.status == "running")}
            second = _worker(env, log)
            try:
                with app.app_context(), database.connection_context():
                    while _statuses().get("done", 0) + _statuses().get("failed", 0) < 100:
                        assert second.poll() is None and time.monotonic() < deadline, (
                            _statuses(),
                            log_path.read_text()[-3000:],
                        )
                        time.sleep(0.2)
            finally:
                second.terminate()
                second.wait(20)
        finally:
            if first.poll() is None:
                first.kill()
    with app.app_context(), database.connection_context():
        assert _statuses() == {"done": 100}
        assert Article.select().count() == 100
        assert len({a.content_hash for a in Article.select()}) == 100
        assert len({j.article_id for j in Job.select()}) == 100
        assert (
            Mention.select().where(Mention.article.not_in(Article.select(Article.id))).count() == 0
        )
        assert killed, "the worker was not killed during an article"
        assert all(Job.get_by_id(job).tries >= 2 for job in killed)  # tried again, stored once


@pytest.mark.long  # several processes loading the service: make test-long (the 10-minute budget)
def test_processes_starting_together_create_the_schema_one_after_the_other(pg_database):
    """Workers started at once all run create_tables: on PostgreSQL a concurrent CREATE ... IF
    NOT EXISTS fails on its catalogue unless they take turns (an advisory lock)."""
    env = {**os.environ, "TIMELINE_DATABASE_URL": pg_database, "TIMELINE_LOG_JSON": "false"}
    command = [sys.executable, "-c", "from service.cli import main; main()", "init-db"]
    runs = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        for _ in range(4)
    ]
    outputs = [run.communicate(timeout=120)[0].decode() for run in runs]
    assert [run.returncode for run in runs] == [0] * 4, outputs


def test_an_article_extraction_fails_on_fails_at_once_saying_why(app, monkeypatch):
    """A fault of the extractors fails the same way at every try: the job fails at its first,
    422 saying why, nothing stored; the next job is stored."""
    faults.install(monkeypatch)
    bad = {**BODY, "text": faults.BAD_TEXT}
    with app.app_context():
        job, good = new_job(bad), new_job()
        queue.run(job.id, bad, max_tries=3)  # not raised: the broker does not retry it
        queue.run(good.id, BODY, max_tries=3)
        job, good = Job.get_by_id(job.id), Job.get_by_id(good.id)
        error = json.loads(job.error)
        assert (job.status, job.tries, error["status"]) == ("failed", 1, 422)
        assert faults.REASON in error["detail"] and "Traceback" not in job.error
        assert good.status == "done"
        assert [a.text for a in Article.select()] == [BODY["text"]]


def test_ingest_queue_ignores_unknown_fields_and_says_so(app, stub_broker, tmp_path):
    """``timeline ingest --queue`` reads a dataset's records as ``timeline ingest`` does: the
    fields the article schema does not know are left out of the message, and named once."""
    path = tmp_path / "set.jsonl"
    rows = [{**BODY, "id": "r-1"}, {"id": "r-2", "text": "x"}]
    path.write_text("\n".join(json.dumps(r) for r in rows))
    result = app.test_cli_runner().invoke(args=["ingest", "--queue", str(path)])
    assert result.exit_code == 1, result.output  # r-2 has no published_at
    assert "1 queued, 1 skipped" in result.output
    assert f"skipped {path}:2: published_at" in result.output
    assert "ignored fields not in the article schema: id (2 records)" in result.output
    (message,) = stub_broker.queues[app.config["QUEUE_NAME"]].queue
    job_id, body = json.loads(message)["args"]
    assert body == BODY
    with app.app_context():
        queue.run(job_id, body, max_tries=3)
        assert Job.get_by_id(job_id).status == "done"


def test_an_article_over_its_cpu_budget_fails_at_once_with_its_reason(app, monkeypatch):
    """Over its CPU budget an article is over it at every try: failed at the first (422, the
    reason), not retried QUEUE_MAX_TRIES times."""
    from service import budget

    said = "Reading this text took more than 2 s of CPU; nothing was stored."

    def slow(data, *args, **kwargs):
        raise budget.OverBudget(said)

    monkeypatch.setattr(pipeline, "ingest", slow)
    with app.app_context():
        job = new_job()
        queue.run(job.id, BODY, max_tries=3)  # not raised: the broker does not retry it
        job = Job.get_by_id(job.id)
        assert (job.status, job.tries) == ("failed", 1)
        error = json.loads(job.error)
        assert (error["status"], error["detail"]) == (422, said)
        assert Article.select().count() == 0
