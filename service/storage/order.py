"""Timeline order as stored: each event's sort date and precision rank.

Events sort by ``sort_date`` (the start, else the known end), then ``precision_rank`` (finer
first: a day before the month holding it), then id. The write side stores these keys and the
read side filters and pages by them, so both take them from here.
"""

from __future__ import annotations

import datetime as dt

from ..vocabulary import PRECISIONS

UNDATED = dt.date(9999, 12, 31)  # internal sort key of events with no known bound; never served


def sort_date(start: dt.date | None, end: dt.date | None) -> dt.date:
    return start or end or UNDATED


def precision_rank(precision: str) -> int:
    return PRECISIONS.index(precision) if precision in PRECISIONS else len(PRECISIONS)


#: An event's place on the timeline as one integer, for indexes that keep events in timeline
#: order (the full-text index, the actor links): the day's ordinal (22 bits), the precision rank
#: (7 bits) and the event id (34 bits), so that comparing keys compares (sort_date,
#: precision_rank, id). 63 bits: a positive 64-bit integer in both databases.
KEY_ID_BITS = 34
KEY_RANK_BITS = 7
ID_MASK = (1 << KEY_ID_BITS) - 1
_SQL_ORDINAL = {
    # julianday('0001-01-01') is 1721425.5, whose ordinal is 1
    "sqlite": "CAST(julianday(COALESCE({row}sort_date, '9999-12-31')) - 1721424.5 AS INTEGER)",
    "postgresql": "(COALESCE({row}sort_date, DATE '9999-12-31') - DATE '0001-01-01' + 1)",
}


def timeline_key(day: dt.date | None, rank: int, event_id: int) -> int:
    """The key of an event with ``sort_date`` ``day``, ``precision_rank`` ``rank`` and ``id``."""
    ordinal = (day or UNDATED).toordinal()
    return ((ordinal << KEY_RANK_BITS | rank) << KEY_ID_BITS) | event_id


def timeline_key_sql(backend: str, row: str = "") -> str:
    """The same key in SQL, of the event columns prefixed by ``row`` (``new.``, ``e.``)."""
    ordinal = _SQL_ORDINAL[backend].format(row=row)
    return (
        f"((({ordinal}) * {1 << KEY_RANK_BITS} + {row}precision_rank) * {1 << KEY_ID_BITS}"
        f" + {row}id)"
    )
