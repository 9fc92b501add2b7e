"""Creating the schema: tables, columns added since, the full-text and expression indexes."""

from __future__ import annotations

from . import indexes, search
from .connection import add_new_columns, database
from .models import MODELS, DataState


def create_tables() -> None:
    """Create every table and index that does not exist yet (safe to run at every start)."""
    with database.connection_context(), database.atomic():
        database.create_tables(MODELS, safe=True)
        added = add_new_columns(MODELS)
        search.create_index()
        indexes.create_indexes(added)
        DataState.insert(id=1, version=0).on_conflict_ignore().execute()
