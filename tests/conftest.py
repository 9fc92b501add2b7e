"""Fixtures: an app on a fresh database (SQLite always; PostgreSQL too when
``TIMELINE_TEST_DATABASE_URL`` is set and the server answers), its client and CLI runner."""

from __future__ import annotations

import functools
import json
import os
import secrets
import urllib.parse
from pathlib import Path

import pytest

from service import create_app
from service.storage.connection import make_database
from service.storage.models import MODELS
from service.storage.schema import create_tables

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "fixtures"
PG_URL = os.environ.get("TIMELINE_TEST_DATABASE_URL", "")


@functools.cache
def postgres_unavailable() -> str | None:
    """Why the PostgreSQL run cannot happen, or None when it can."""
    if not PG_URL:
        return "TIMELINE_TEST_DATABASE_URL is not set (.ci/run and `make test-pg` set it)"
    import peewee as pw

    db = make_database(PG_URL)
    try:
        db.connect()
        db.close()
    except pw.OperationalError as exc:  # no server there: skip, saying so (any other error fails)
        return f"PostgreSQL at {PG_URL.split('@')[-1]} does not answer: {str(exc).strip()[:200]}"
    return None


@functools.cache
def session_postgres_url() -> str:
    """A database of this test session's own on the PostgreSQL server of PG_URL, so that two
    runs at once (two developers, or a developer and CI) never drop each other's tables.
    Falls back to PG_URL itself where the role may not create databases."""
    import psycopg2

    parts = urllib.parse.urlsplit(PG_URL)
    name = f"timeline_test_{os.getpid()}_{secrets.token_hex(3)}"
    try:
        _admin(PG_URL, f'CREATE DATABASE "{name}"')
    except psycopg2.Error:
        return PG_URL
    _CREATED.append(name)
    return parts._replace(path=f"/{name}").geturl()


_CREATED: list[str] = []


def _admin(url: str, sql: str) -> None:
    import psycopg2

    conn = psycopg2.connect(url)
    conn.autocommit = True
    try:
        conn.cursor().execute(sql)
    finally:
        conn.close()


def pytest_sessionfinish(session, exitstatus) -> None:
    for name in _CREATED:
        try:
            _admin(PG_URL, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        except Exception as exc:  # never fail a run on clean-up; say what is left behind
            print(f"\nleft PostgreSQL database {name} behind: {exc}")


def redis_or_skip(url: str = "redis://127.0.0.1:6379") -> str:
    """The URL of a Redis server that answers; the test is skipped, saying why, otherwise."""
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError as exc:
        pytest.skip(f"no Redis at {url}: {exc}")
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.sqlite3'}"
    reason = postgres_unavailable()
    if reason:
        pytest.skip(reason)
    url = session_postgres_url()
    db = make_database(url)
    with db.connection_context(), db.bind_ctx(MODELS):
        db.drop_tables(MODELS, safe=True, cascade=True)
    db.close()
    return url


@pytest.fixture
def app(database_url):
    app = create_app({"TESTING": True, "DATABASE_URL": database_url})
    create_tables()
    yield app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def load_seed() -> dict:
    """The seed article as an API body."""
    meta = json.loads((SEEDS / "geopost-china-russia.json").read_text())
    return {
        "text": (SEEDS / meta["text_file"]).read_text(),
        "published_at": meta["published_at"],
        "title": meta["title"],
        "source": meta["source"],
        "url": meta["url"],
        "language": meta["language"],
    }


@pytest.fixture
def seed_body() -> dict:
    return load_seed()


@pytest.fixture
def seeded(client, seed_body):
    response = client.post("/api/v1/articles", json=seed_body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()
