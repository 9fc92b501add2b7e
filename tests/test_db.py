"""Storage: backend chosen by URL, idempotent schema, SQLite pragmas."""

from __future__ import annotations

import pytest

from service import create_app
from service.storage.connection import PooledSqlite, database, make_database
from service.storage.schema import create_tables


def test_create_tables_is_idempotent_and_keeps_data(app, client, seeded):
    with app.app_context():
        create_tables()
        create_tables()
    assert client.get(f"/api/v1/articles/{seeded['id']}").status_code == 200


def test_the_order_indexes_become_covering_ones_in_place(app, client, seeded):
    """A database made before the page indexes (peewee's (sort_date, precision_rank, id) and
    (type, ...) without updated_at) gets them at start, and loses the old ones, data kept."""
    old = {
        "event_sort_date_precision_rank_id": "(sort_date, precision_rank, id)",
        "event_type_sort_date_precision_rank_id": "(type, sort_date, precision_rank, id)",
    }
    with app.app_context(), database.connection_context():
        for name in ("event_page", "event_type_page"):
            database.execute_sql(f"DROP INDEX {name}")
        for name, columns in old.items():
            database.execute_sql(f"CREATE INDEX {name} ON event {columns}")
        create_tables()
        names = {index.name for index in database.get_indexes("event")}
    assert {"event_page", "event_type_page"} <= names
    assert not names & set(old)
    assert client.get(f"/api/v1/articles/{seeded['id']}").status_code == 200
    assert client.get("/api/v1/events?type=meeting").status_code == 200


def test_sqlite_runs_with_wal_and_foreign_keys(tmp_path):
    create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}"})
    with database.connection_context():
        assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1


def test_database_url_from_environment(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'env.sqlite3'}"
    monkeypatch.setenv("TIMELINE_DATABASE_URL", url)
    assert create_app().config["DATABASE_URL"] == url


def test_default_database_is_a_file_in_the_instance_folder(monkeypatch):
    monkeypatch.delenv("TIMELINE_DATABASE_URL", raising=False)
    app = create_app()
    assert app.config["DATABASE_URL"].startswith("sqlite:///")
    assert app.config["DATABASE_URL"].endswith("/instance/timeline.sqlite3")


def test_unknown_database_scheme_fails_at_start_with_the_fix():
    with pytest.raises(ValueError, match="sqlite:/// or postgresql://"):
        create_app({"DATABASE_URL": "mongodb://localhost/x"})


def test_a_connection_opened_while_the_file_is_read_only_is_not_pooled(tmp_path, monkeypatch):
    """SQLite opens a file it cannot write read-only for the connection's life; pooled, it
    would refuse writes after the file is writable again (bench/faults.py, read-only file)."""
    db = make_database(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    monkeypatch.setattr(PooledSqlite, "file_writable", lambda self: False)
    db.connect()
    db.close()
    assert db._connections == []  # closed, not returned to the pool
    monkeypatch.undo()
    db.connect()
    db.execute_sql("CREATE TABLE t (x)")
    db.close()
    assert len(db._connections) == 1  # a writable one is kept
    db.close_all()
