"""PostgreSQL's pool pings (``SELECT 1``) only a connection idle for a while: one given back
moments ago is taken as it is, one idle longer is checked and, dropped by the server,
replaced (service.storage.connection.PooledPostgres)."""

from __future__ import annotations

import pytest

from service.storage.connection import PooledPostgres, make_database

from .conftest import postgres_unavailable, session_postgres_url


@pytest.fixture
def pool():
    reason = postgres_unavailable()
    if reason:
        pytest.skip(reason)
    db = make_database(session_postgres_url())
    assert isinstance(db, PooledPostgres)
    yield db
    db.close_all()


def _pings(db, monkeypatch) -> list:
    pings = []
    real = db._adapter.is_connection_closed

    def spy(conn):
        pings.append(conn)
        return real(conn)

    monkeypatch.setattr(db._adapter, "is_connection_closed", spy)
    return pings


def test_a_connection_given_back_moments_ago_is_not_pinged(pool, monkeypatch):
    pings = _pings(pool, monkeypatch)
    for _ in range(3):
        with pool.connection_context():
            assert pool.execute_sql("SELECT 1").fetchone() == (1,)
    assert pings == [] and len(pool._connections) == 1


def test_an_idle_connection_dropped_by_the_server_is_replaced(pool, monkeypatch):
    with pool.connection_context():
        (pid,) = pool.execute_sql("SELECT pg_backend_pid()").fetchone()
    other = make_database(session_postgres_url())
    with other.connection_context():
        other.execute_sql("SELECT pg_terminate_backend(%s)", (pid,))
    other.close_all()
    monkeypatch.setattr(PooledPostgres, "PING_IDLE", 0.0)  # idle long enough to be checked
    pings = _pings(pool, monkeypatch)
    with pool.connection_context():
        (again,) = pool.execute_sql("SELECT pg_backend_pid()").fetchone()
    assert len(pings) == 1 and again != pid
