"""The data version: a counter every write bumps (``DataState``), the validator behind ETags.

Every conditional GET needs it, so each process keeps the last one it read and reads it again
at most every ``ttl`` seconds: a 304 then costs no database statement and no connection. A
write in this process forgets it at once (:func:`forget`), so this process never serves its own
writes late; another process's write (a second worker, ``timeline ingest``) shows within
``ttl`` seconds. ``ttl=0`` reads it for every request.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
import weakref

from .connection import database
from .models import DataState
from .rows import Statement

Version = tuple[int, dt.datetime]

_lock = threading.Lock()
#: Per database object (tests and tools open several in one process): (version, read at).
_known: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def current(ttl: float = 0.0) -> Version | None:
    """The data version and when it moved; from memory when read less than ``ttl`` s ago."""
    held = cached(ttl, margin=0.0)
    if held is not None:
        return held
    version = read()
    if version is not None and ttl > 0:
        with _lock:
            _known[database.obj] = (version, time.monotonic())
    return version


def cached(ttl: float, margin: float = 0.05) -> Version | None:
    """The version held in memory when it has at least ``margin`` s of its ``ttl`` left (so a
    caller that acts on it now will not have to read it), else None; never reads."""
    if ttl <= 0:
        return None
    with _lock:
        known = _known.get(database.obj)
    if known is None or time.monotonic() - known[1] >= ttl - margin:
        return None
    return known[0]


_READ = Statement(
    lambda: DataState.select(DataState.version, DataState.updated_at).where(DataState.id == 1)
)


def read() -> Version | None:
    """One single-row read (a statement compiled once: peewee's query building would cost more
    than the query on this path)."""
    rows = _READ.rows()
    return (rows[0].version, rows[0].updated_at) if rows else None


def forget() -> None:
    """This process wrote: the next :func:`current` reads the version again."""
    with _lock:
        _known.pop(database.obj, None)
