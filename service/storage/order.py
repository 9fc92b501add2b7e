"""Timeline order as stored: each event's sort date and precision rank.

Events sort by ``sort_date`` (the start, else the known end), then ``precision_rank`` (finer
first: a day before the month holding it), then id. The write side stores these keys and the
read side filters and pages by them, so both take them from here.
"""

from __future__ import annotations

import datetime as dt

UNDATED = dt.date(9999, 12, 31)  # internal sort key of events with no known bound; never served

#: Precisions, finest first: an event's stored rank is its precision's place here. The same
#: list as the temporal engine's (``service.temporal.model.PRECISIONS``; a test keeps them equal).
PRECISIONS = (
    "time",
    "day",
    "week",
    "month",
    "season",
    "quarter",
    "half",
    "year",
    "decade",
    "century",
    "unknown",
)


def sort_date(start: dt.date | None, end: dt.date | None) -> dt.date:
    return start or end or UNDATED


def precision_rank(precision: str) -> int:
    return PRECISIONS.index(precision) if precision in PRECISIONS else len(PRECISIONS)
