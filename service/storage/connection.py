"""The database connection: one peewee proxy, bound to a pooled database chosen by URL."""

from __future__ import annotations

import os
import shutil
import time

import peewee as pw
from playhouse.db_url import parse
from playhouse.pool import PooledPostgresqlDatabase, PooledSqliteDatabase

database = pw.DatabaseProxy()
POOL_SIZE = 8  # connections a process may hold (one per thread of a gthread worker)


class PooledSqlite(PooledSqliteDatabase):
    """Pooled SQLite that does not keep a read-only connection.

    SQLite opens a file it cannot write read-only, and the connection stays read-only for
    life: pooled, it would keep refusing writes after the file is writable again. A connection
    opened while the file could not be written is closed when it comes back instead.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._read_only: set[int] = set()

    def _add_conn_hooks(self, conn) -> None:
        super()._add_conn_hooks(conn)
        if not self.file_writable():
            self._read_only.add(id(conn))

    def _can_reuse(self, conn) -> bool:
        if id(conn) in self._read_only:
            self._read_only.discard(id(conn))
            return False
        return super()._can_reuse(conn)

    def file_writable(self) -> bool:
        return self.database == ":memory:" or os.access(self.database, os.W_OK)


class PooledPostgres(PooledPostgresqlDatabase):
    """Pooled PostgreSQL that asks the server whether a connection is alive (``SELECT 1``, a
    round trip) only when it has been idle in the pool for more than ``PING_IDLE`` seconds.

    peewee's pool pings on every check-out, and a request takes a connection once: a page read
    in one statement paid two round trips, and lost 40 % of its time to the first. A
    connection given back moments ago is alive unless the server dropped it just then; a
    request on such a one fails as the database being down does (503), and the connection,
    broken, is not taken back.
    """

    PING_IDLE = 1.0

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._returned: dict[int, float] = {}  # connection key -> when it was given back

    def _is_closed(self, conn) -> bool:
        if conn.closed:
            return True
        returned = self._returned.pop(self.conn_key(conn), None)
        adapter = self._adapter
        if (
            returned is not None
            and time.monotonic() - returned < self.PING_IDLE
            and adapter.txn_status(conn) == adapter.txn_idle
        ):
            return False
        return super()._is_closed(conn)

    def _close(self, conn, close_conn: bool = False) -> None:
        super()._close(conn, close_conn)
        if not close_conn and not conn.closed:
            self._returned[self.conn_key(conn)] = time.monotonic()


def make_database(url: str, busy_timeout: float = 10, pool_size: int = POOL_SIZE) -> pw.Database:
    """Open a peewee database for ``url``; SQLite gets WAL, foreign keys and a busy timeout."""
    if url.startswith("sqlite"):
        # Pooled too: a request reuses an open connection (its pragmas already applied) instead
        # of opening the file again; the busy timeout is a pragma, as the pool's ``timeout`` is
        # how long to wait for a free connection.
        rest = url.split("://", 1)[1]
        pragmas = {
            "journal_mode": "wal",
            "foreign_keys": 1,
            "synchronous": "normal",
            "busy_timeout": int(busy_timeout * 1000),
        }
        return PooledSqlite(
            parse(f"sqlite://{rest}")["database"],
            pragmas=pragmas,
            max_connections=pool_size,
            stale_timeout=300,
            timeout=30,
            check_same_thread=False,  # a pooled connection serves one thread at a time
        )
    if url.startswith(("postgres", "postgresql")):
        # Pooled (``postgresql+pool://`` spelt or not): a worker keeps its connections open
        # between requests instead of paying a new connection and authentication for each one.
        scheme, rest = url.split("://", 1)
        options = parse(f"{scheme.split('+')[0]}://{rest}")
        # No JIT compilation: the service's statements read few rows, but a walk's or a list's
        # estimated cost can pass jit_above_cost, and compiling then took 35 ms of a 55 ms
        # statement (a server or URL setting of ``options`` is kept).
        options.setdefault("options", "-c jit=off")
        return PooledPostgres(max_connections=pool_size, stale_timeout=300, timeout=30, **options)
    raise ValueError(
        "TIMELINE_DATABASE_URL must start with sqlite:/// or postgresql://, "
        f"got {url.split(':')[0]!r}"
    )


def writable() -> bool:
    """Whether the database answers and can take writes (the readiness check).

    A pooled SQLite connection still reads a file that became read-only, so the file itself is
    checked too (``os.access`` also sees ``chattr +i``, which binds root); PostgreSQL reports a
    read-only server (a hot standby) itself.
    """
    obj = database.obj
    if isinstance(obj, pw.SqliteDatabase):
        database.execute_sql("SELECT 1")
        return obj.file_writable() if isinstance(obj, PooledSqlite) else True
    (read_only,) = database.execute_sql("SHOW transaction_read_only").fetchone()
    return read_only == "off"


def add_new_columns(models) -> list[tuple[str, str]]:
    """Columns added since a database was created (nullable or defaulted): added in place.
    Returns the (table, column) pairs it added."""
    from playhouse.migrate import SchemaMigrator, migrate

    migrator = SchemaMigrator.from_database(database)
    added = []
    for model in models:
        table = model._meta.table_name
        have = {c.name for c in database.get_columns(table)}
        for field in model._meta.sorted_fields:
            if field.column_name not in have and (field.null or field.default is not None):
                migrate(migrator.add_column(table, field.column_name, field))
                added.append((table, field.column_name))
    return added


def free_bytes() -> int | None:
    """Free space on the file system of the SQLite file (None for PostgreSQL or in memory)."""
    obj = database.obj
    if not isinstance(obj, pw.SqliteDatabase) or obj.database == ":memory:":
        return None
    folder = os.path.dirname(os.path.abspath(obj.database))
    return shutil.disk_usage(folder).free
