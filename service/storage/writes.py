"""Every write goes through one transaction that moves the data version, and records what it
changed in the change feed (``GET /api/v1/changes``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import peewee as pw

from . import version
from .connection import database
from .models import Change, DataState, utcnow


@contextmanager
def write_transaction() -> Iterator[None]:
    """One transaction that bumps the data version first.

    Bumping first takes the write lock at once (SQLite) or the version row's lock (PostgreSQL),
    so writers are serialised: change ids grow in commit order, and the version read by a
    conditional GET changes with every commit.
    """
    try:
        with database.atomic():
            DataState.update(version=DataState.version + 1, updated_at=utcnow()).where(
                DataState.id == 1
            ).execute()
            yield
    finally:
        version.forget()  # this process's next conditional GET reads the new version


def record_change(event_id: int, action: str, merged_into: int | None = None) -> None:
    Change.insert(event_id=event_id, action=action, merged_into=merged_into).execute()


#: Rows per multi-row INSERT: within SQLite's oldest limit of 999 parameters at 8 columns.
ROWS_PER_INSERT = 100


def record_changes(rows: list[dict]) -> None:
    """Several changes (``event_id``, ``action``) in their order, in as few statements."""
    for chunk in pw.chunked(rows, ROWS_PER_INSERT):
        Change.insert_many(chunk).execute()
