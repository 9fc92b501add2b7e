"""The expression index behind date-window filters, and its expression as the reads spell it.

Window filters without a full scan. An event's known interval is [lo, hi] with lo = its
sort_date (start, else end) and hi = its end, else start. Events are put in classes by the
length of that interval (0 = one day ... 7 = longer than ten years, or undated); in class c no
interval is longer than SPAN_DAYS[c], so an event overlapping [from, to] has its sort_date in
[from - SPAN_DAYS[c], to]: one range of the index (span class, sort_date, precision, id) each.
"""

from __future__ import annotations

from . import search
from .connection import database

SPAN_DAYS = (0, 1, 7, 31, 92, 366, 3660)
_SPAN = {
    "sqlite": "(julianday(COALESCE(date_end, date_start))"
    " - julianday(COALESCE(date_start, date_end)))",
    "postgresql": "(COALESCE(date_end, date_start) - COALESCE(date_start, date_end))",
}


def span_class_sql(backend: str) -> str:
    """The span-class expression, spelt exactly as the expression index is (no parameters)."""
    span = _SPAN[backend]
    cases = " ".join(f"WHEN {span} <= {days} THEN {c}" for c, days in enumerate(SPAN_DAYS))
    return f"(CASE {cases} ELSE {len(SPAN_DAYS)} END)"


def create_indexes() -> None:
    """The expression index behind window filters (idempotent)."""
    backend = "postgresql" if search.is_postgres() else "sqlite"
    database.execute_sql(
        "CREATE INDEX IF NOT EXISTS event_span_class_sort ON event "
        f"({span_class_sql(backend)}, sort_date, precision_rank, id)"
    )
