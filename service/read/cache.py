"""Rendered events, kept per worker process.

An event's JSON (with its actors and mentions) changes only when the event's ``updated_at``
does: every write that touches an event bumps it (the change feed depends on the same rule) and
actors are never renamed. So a rendering keyed by ``(id, updated_at)`` is never stale, needs no
invalidation, and a list whose page is cached costs one query of the page's keys.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict

Key = tuple[int, dt.datetime]


class RenderedEvents:
    """A thread-safe LRU of event id -> (updated_at, JSON text), at most ``size`` events."""

    def __init__(self, size: int) -> None:
        self.size = max(0, size)
        self._items: OrderedDict[int, tuple[dt.datetime, str]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get_many(self, keys: list[Key]) -> list[str | None]:
        """The cached text of each key, or None where missing or stale."""
        out: list[str | None] = []
        with self._lock:
            for event_id, updated_at in keys:
                item = self._items.get(event_id)
                if item is not None and item[0] == updated_at:
                    self._items.move_to_end(event_id)
                    out.append(item[1])
                    self.hits += 1
                else:
                    out.append(None)
                    self.misses += 1
        return out

    def put(self, event_id: int, updated_at: dt.datetime, text: str) -> None:
        if not self.size:
            return
        with self._lock:
            self._items[event_id] = (updated_at, text)
            self._items.move_to_end(event_id)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)
