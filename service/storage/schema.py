"""Creating the schema: tables, columns added since, the full-text and expression indexes."""

from __future__ import annotations

from . import indexes, search
from .connection import add_new_columns, database
from .models import MODELS, DataState

#: The PostgreSQL advisory lock held while the schema is created (any constant of ours).
SCHEMA_LOCK = 7_202_622


def create_tables() -> None:
    """Create every table and index that does not exist yet (safe to run at every start)."""
    with database.connection_context(), database.atomic():
        if search.is_postgres():
            # Processes starting together (workers, instances on several machines) create the
            # schema one after the other: PostgreSQL's IF NOT EXISTS is not safe against a
            # concurrent CREATE (a duplicate key in its catalogue).
            database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
        database.create_tables(MODELS, safe=True)
        added = add_new_columns(MODELS)
        search.create_index()
        indexes.create_indexes(added)
        DataState.insert(id=1, version=0).on_conflict_ignore().execute()
