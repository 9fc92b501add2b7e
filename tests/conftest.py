"""Fixtures: an app on a fresh database (SQLite always; PostgreSQL too when
``TIMELINE_TEST_DATABASE_URL`` is set and the server answers), its client and CLI runner.

A test that uses ``app`` gets a database as ``create_tables`` leaves a new one, made the cheap
way: on SQLite a copy of a schema made once per session, on PostgreSQL the session database's
tables emptied and its sequences reset (creating the schema costs 0.6 s there, emptying it
5 ms; 700 tests). A test that changed the schema gets it dropped and made again. A test that
asks for ``database_url`` alone gets a database without tables, as before.
"""

from __future__ import annotations

import functools
import json
import os
import secrets
import shutil
import sqlite3
import urllib.parse
from pathlib import Path

import peewee as pw
import pytest

from service import create_app
from service.storage.connection import make_database
from service.storage.models import MODELS, DataState
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
    # Test data need not survive a crash of the server: commits do not wait for the disk.
    _admin(PG_URL, f'ALTER DATABASE "{name}" SET synchronous_commit = off')
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


def pytest_addoption(parser) -> None:
    parser.addoption(
        "--long",
        action="store_true",
        help="run only the checks marked long (make test-long); make test leaves them out",
    )


def pytest_collection_modifyitems(config, items) -> None:
    """``make test`` runs everything but the checks marked ``long``; ``--long`` (``make
    test-long``) runs those alone."""
    want_long = config.getoption("--long")
    keep, drop = [], []
    for item in items:
        (keep if (item.get_closest_marker("long") is not None) == want_long else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
    # The modules holding a check marked slow run first (in their own order): with the suite
    # spread over processes (make test: pytest-xdist, a module to a process), a long module
    # started last would leave the other processes idle at the end.
    slow = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow)


def pytest_report_header(config) -> str:
    if config.getoption("--long"):
        return "long checks only (make test-long)"
    return "long checks left out: `make test-long` runs them"


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


#: Set on a test's node when its database already holds a new schema (``app`` skips creating it).
SCHEMA_READY = pytest.StashKey[bool]()


@functools.cache
def sqlite_template(folder: str) -> Path:
    """A SQLite file holding the schema as ``create_tables`` makes it, once per session."""
    path = Path(folder) / "schema.sqlite3"
    create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{path}"})
    create_tables()
    from service.storage.connection import database

    database.close_all()
    with sqlite3.connect(path) as conn:  # everything in the one file: a copy is the database
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def _schema_of(db) -> str:
    """What the PostgreSQL schema is made of: tables, columns, indexes, sequences."""
    return db.execute_sql(
        "SELECT md5(coalesce(string_agg(item, ',' ORDER BY item), '')) FROM ("
        " SELECT table_name || '.' || column_name || ':' || data_type || ':'"
        "  || coalesce(column_default, '') AS item"
        " FROM information_schema.columns WHERE table_schema = 'public'"
        " UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'"
        " UNION ALL SELECT 'seq ' || sequencename FROM pg_sequences WHERE schemaname = 'public'"
        ") AS items"
    ).fetchone()[0]


@functools.cache
def postgres_schema(url: str) -> str:
    """Make the schema on ``url`` once (from nothing); what it is made of."""
    db = make_database(url)
    with db.connection_context(), db.bind_ctx(MODELS):
        db.drop_tables(MODELS, safe=True, cascade=True)
    db.close()
    create_app({"TESTING": True, "DATABASE_URL": url})
    create_tables()
    from service.storage.connection import database

    with database.connection_context():
        made = _schema_of(database)
    database.close()
    return made


def empty_postgres(url: str) -> bool:
    """Empty every table of ``url`` and reset its sequences, leaving it as ``create_tables``
    leaves a new database; False (nothing done) when its schema is not the session's."""
    made = postgres_schema(url)
    db = make_database(url)
    try:
        with db.connection_context(), db.bind_ctx(MODELS):
            if _schema_of(db) != made:
                return False
            tables = [m._meta.table_name for m in reversed(pw.sort_models(MODELS))]
            sequences = [
                row[0]
                for row in db.execute_sql(
                    "SELECT quote_ident(sequencename) FROM pg_sequences WHERE schemaname = 'public'"
                )
            ]
            with db.atomic():  # dependents first
                for table in tables:
                    db.execute_sql(f'DELETE FROM "{table}"')
                for sequence in sequences:
                    db.execute_sql(f"SELECT setval('{sequence}', 1, false)")
                DataState.insert(id=1, version=0).execute()
        return True
    finally:
        db.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path, tmp_path_factory) -> str:
    wants_schema = "app" in request.fixturenames
    if request.param == "sqlite":
        path = tmp_path / "test.sqlite3"
        if wants_schema:
            shutil.copyfile(sqlite_template(str(tmp_path_factory.getbasetemp())), path)
            request.node.stash[SCHEMA_READY] = True
        return f"sqlite:///{path}"
    reason = postgres_unavailable()
    if reason:
        pytest.skip(reason)
    url = session_postgres_url()
    if wants_schema and empty_postgres(url):
        request.node.stash[SCHEMA_READY] = True
        return url
    db = make_database(url)
    with db.connection_context(), db.bind_ctx(MODELS):
        db.drop_tables(MODELS, safe=True, cascade=True)
    db.close()
    return url


@pytest.fixture
def app(request, database_url):
    app = create_app({"TESTING": True, "DATABASE_URL": database_url})
    if not request.node.stash.get(SCHEMA_READY, False):
        create_tables()
    yield app


@pytest.fixture(autouse=True)
def _environment_restored():
    """The process environment as it was before each test: code run in the test process (an
    in-process ``serve``, a CLI command) may set variables such as ``PROMETHEUS_MULTIPROC_DIR``
    for the processes it starts, and a later test in the same process then read metrics from
    that folder instead of its own app (seen when the suite ran in another order)."""
    before = dict(os.environ)
    yield
    if os.environ != before:
        os.environ.clear()
        os.environ.update(before)


@pytest.fixture(autouse=True)
def _answers_closed(monkeypatch):
    """Every answer a test's clients opened (any FlaskClient, the ``client`` fixture's or one a
    test made) is closed when the test ends: a streamed export left to the garbage collector
    tears down its request context in the middle of whichever test runs then (a later test's
    CLI then read another app's config, or an export test failed outside its context)."""
    from flask.testing import FlaskClient

    opened, original = [], FlaskClient.open

    def tracking(self, *args, **kwargs):
        response = original(self, *args, **kwargs)
        opened.append(response)
        return response

    monkeypatch.setattr(FlaskClient, "open", tracking)
    yield
    for response in opened:
        response.close()


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


def module_database(backend: str, tmp_path_factory) -> str:
    """A new database with the schema for a module-scoped fixture: a SQLite file of its own,
    or the session's PostgreSQL database emptied (skipped, saying why, without a server)."""
    if backend == "sqlite":
        path = tmp_path_factory.mktemp("module") / "test.sqlite3"
        shutil.copyfile(sqlite_template(str(tmp_path_factory.getbasetemp())), path)
        return f"sqlite:///{path}"
    reason = postgres_unavailable()
    if reason:
        pytest.skip(reason)
    url = session_postgres_url()
    if not empty_postgres(url):
        create_app({"TESTING": True, "DATABASE_URL": url})
        create_tables()
    return url


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def seeded_once(request, tmp_path_factory):
    """One database per backend for a whole module, holding the seed article, with its app and
    the POST's answer: for a module whose every test only reads (a module that uses it
    overrides ``app`` and ``seeded`` with it, so that no other app rebinds the database
    between its tests)."""
    app = create_app(
        {"TESTING": True, "DATABASE_URL": module_database(request.param, tmp_path_factory)}
    )
    response = app.test_client().post("/api/v1/articles", json=load_seed())
    assert response.status_code == 201, response.get_json()
    return app, response.get_json()


@pytest.fixture
def seeded_once_app(seeded_once):
    """``seeded_once``'s app; a read-only module imports it as its ``app``:
    ``from .conftest import seeded_once_app as app, seeded_once_answer as seeded``."""
    return seeded_once[0]


@pytest.fixture
def seeded_once_answer(seeded_once):
    """``seeded_once``'s answer to the seed's POST (a read-only module's ``seeded``)."""
    return seeded_once[1]


@pytest.fixture
def seeded(client, seed_body):
    response = client.post("/api/v1/articles", json=seed_body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()
