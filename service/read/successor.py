"""Where a merged event went: the change feed records each merge (``merged_into``), so an old
id can say which event now holds its reports."""

from __future__ import annotations

from ..storage.models import Change, Event

#: Merges followed at most (an event merged into one merged in turn, and so on).
MAX_HOPS = 32


def successor(event_id: int) -> int | None:
    """The live event ``event_id`` was merged into (following later merges), or None when it
    was never merged or what it went into is gone too."""
    current, seen = event_id, set()
    for _ in range(MAX_HOPS):
        row = (
            Change.select(Change.merged_into)
            .where((Change.event_id == current) & (Change.action == "merged"))
            .order_by(Change.id.desc())
            .first()
        )
        if row is None or row.merged_into is None or row.merged_into in seen:
            break
        seen.add(current)
        current = row.merged_into
        if Event.get_or_none(Event.id == current) is not None:
            return current
    return None
