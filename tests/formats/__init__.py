"""Export formats; ``make_event`` builds an event dict shaped like the API's."""

from __future__ import annotations

import datetime as dt
from typing import Any

CREATED = dt.datetime(2023, 12, 21, 8, 30)
UPDATED = dt.datetime(2023, 12, 22, 9, 45, 10)


def make_event(
    event_id: int = 1,
    start: dt.date | None = dt.date(2023, 12, 20),
    end: dt.date | None = dt.date(2023, 12, 20),
    precision: str = "day",
    **changes: Any,
) -> dict[str, Any]:
    """An API event dict; ``date_*`` keywords change the date block, others the event."""
    date = {
        "text": "on Wednesday",
        "value": start.isoformat() if start else None,
        "edtf": start.isoformat() if start else None,
        "start": start,
        "end": end,
        "precision": precision,
        "approximate": False,
        "basis": "expression",
    }
    date.update({k[5:]: changes.pop(k) for k in list(changes) if k.startswith("date_")})
    event = {
        "id": event_id,
        "title": f"Event {event_id}",
        "summary": "China and Russia met in Beijing.",
        "type": "meeting",
        "cameo": "04",
        "status": "occurred",
        "date": date,
        "actors": [
            {"id": "country:CHN", "name": "China", "kind": "country"},
            {"id": "country:RUS", "name": "Russia", "kind": "country"},
        ],
        "mentions": [
            {
                "article_id": 7,
                "sentence": "China and Russia met.",
                "sentence_start": 0,
                "sentence_end": 21,
                "start": 0,
                "end": 20,
            }
        ],
        "created_at": CREATED,
        "updated_at": UPDATED,
    }
    event.update(changes)
    return event


def synthetic_events(count: int, consumed: list[int] | None = None):
    """A generator of ``count`` events that records in ``consumed`` how many were drawn."""
    for i in range(1, count + 1):
        if consumed is not None:
            consumed[0] = i
        yield make_event(i)
