"""Counts of events per day, ISO week, month, quarter or year, that never invent precision.

An event is counted in a bucket only when its known interval lies wholly inside that bucket:
a day-precision event counts in its day, week, month, quarter and year; a month-precision event
counts in its month, quarter and year but not in any day or week, a quarter-precision one
(``2023-Q4``) in its quarter and year, and a two-day interval that crosses midnight
of a month's end counts in no month. Everything else is reported apart, never spread or guessed:

- ``imprecise``: both bounds known, but the interval spans several buckets (the date is coarser
  than the bucket, or a real interval); counted by precision. Each bucket's ``overlapping``
  says how many of these touch it: they may have happened in it, or not.
- ``open``: one bound unknown (``../2023-12-18``, ``2023-12-19/..``).
- ``undated``: no bound at all.

Buckets run from the first to the last bucket holding a counted event (widened to ``lo``/``hi``
when given), with empty buckets filled in with count 0. That range is bounded: more than
``MAX_BUCKETS`` buckets raises ``TooManyBuckets`` (the API answers 422 and suggests a coarser
bucket or a narrower window) instead of building a huge answer or silently cutting it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from ..vocabulary import BUCKETS

MAX_BUCKETS = 10_000
Row = tuple[dt.date | None, dt.date | None, str | None]
Bucket = tuple[str, dt.date, dt.date]


class TooManyBuckets(ValueError):
    """The requested range needs more than ``MAX_BUCKETS`` buckets."""

    def __init__(self, needed: int, bucket: str, limit: int = MAX_BUCKETS) -> None:
        self.needed, self.bucket, self.limit = needed, bucket, limit
        super().__init__(
            f"{needed} {bucket} buckets are more than the {limit} allowed; "
            "use a coarser bucket or a narrower window."
        )


def bucket_start(day: dt.date, bucket: str) -> dt.date:
    """The first day of the bucket holding ``day`` (ISO weeks start on Monday)."""
    if bucket == "day":
        return day
    if bucket == "week":
        return day - dt.timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    if bucket == "quarter":
        return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    if bucket == "year":
        return day.replace(month=1, day=1)
    raise ValueError(f"bucket must be one of {', '.join(BUCKETS)}, not {bucket!r}")


def next_bucket_start(start: dt.date, bucket: str) -> dt.date | None:
    """The first day of the following bucket; None past the end of the calendar."""
    try:
        if bucket in ("day", "week"):
            return start + dt.timedelta(days=1 if bucket == "day" else 7)
        if bucket in ("month", "quarter"):
            step = 1 if bucket == "month" else 3
            year, month = divmod(start.year * 12 + start.month - 1 + step, 12)
            return dt.date(year, month + 1, 1)
        return dt.date(start.year + 1, 1, 1)
    except (OverflowError, ValueError):
        return None


def bucket_key(start: dt.date, bucket: str) -> str:
    """``2023-12-20``, ``2023-W51`` (ISO week-numbering year), ``2023-12``, ``2023-Q4`` (as the
    events' own quarter dates are written) or ``2023``."""
    if bucket == "day":
        return start.isoformat()
    if bucket == "week":
        year, week, _ = start.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if bucket == "month":
        return f"{start.year:04d}-{start.month:02d}"
    if bucket == "quarter":
        return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
    return f"{start.year:04d}"


def bucket_of(day: dt.date, bucket: str) -> Bucket:
    """``(key, first day, last day)`` of the bucket holding ``day``; both days inclusive."""
    start = bucket_start(day, bucket)
    following = next_bucket_start(start, bucket)
    end = following - dt.timedelta(days=1) if following else dt.date.max
    return bucket_key(start, bucket), start, end


def bucket_count(lo: dt.date, hi: dt.date, bucket: str) -> int:
    """How many buckets run from the one holding ``lo`` to the one holding ``hi``."""
    a, b = bucket_start(lo, bucket), bucket_start(hi, bucket)
    if bucket in ("day", "week"):
        return (b - a).days // (1 if bucket == "day" else 7) + 1
    if bucket in ("month", "quarter"):
        months = (b.year * 12 + b.month) - (a.year * 12 + a.month)
        return months // (1 if bucket == "month" else 3) + 1
    return b.year - a.year + 1


def bucket_range(lo: dt.date, hi: dt.date, bucket: str, limit: int = MAX_BUCKETS) -> list[Bucket]:
    """Every bucket from ``lo``'s to ``hi``'s as ``(key, first day, last day)``.

    SQL-friendly: the inclusive day bounds can go straight into ``BETWEEN`` or a ``VALUES``
    table to count in the database. Raises ``TooManyBuckets`` beyond ``limit``.
    """
    needed = bucket_count(lo, hi, bucket)
    if needed > limit:
        raise TooManyBuckets(needed, bucket, limit)
    buckets: list[Bucket] = []
    start: dt.date | None = bucket_start(lo, bucket)
    while start is not None and start <= hi:
        buckets.append(bucket_of(start, bucket))
        start = next_bucket_start(start, bucket)
    return buckets


def histogram(
    rows: Iterable[Row],
    bucket: str,
    *,
    lo: dt.date | None = None,
    hi: dt.date | None = None,
    limit: int = MAX_BUCKETS,
) -> dict:
    """Count ``(start, end, precision)`` rows per bucket; see the module docstring for the rules.

    Rows are consumed once, lazily; memory grows with the number of distinct buckets, not rows.
    """
    bucket_start(dt.date.min, bucket)  # reject an unknown bucket before reading any row
    counts: Counter[dt.date] = Counter()
    edges: Counter[dt.date] = Counter()  # +1 where an imprecise interval starts, -1 after it
    by_precision: Counter[str] = Counter()
    open_, undated = 0, 0
    for start, end, precision in rows:
        if start is None or end is None:
            undated += start is None and end is None
            open_ += (start is None) != (end is None)
            continue
        first, last = bucket_start(min(start, end), bucket), bucket_start(max(start, end), bucket)
        if first == last:
            counts[first] += 1
            continue
        by_precision[precision or "unknown"] += 1
        edges[first] += 1
        following = next_bucket_start(last, bucket)
        if following is not None:
            edges[following] -= 1
    return {
        "bucket": bucket,
        "buckets": _fill(counts, edges, bucket, lo, hi, limit),
        "imprecise": {"count": sum(by_precision.values()), "by_precision": dict(by_precision)},
        "open": open_,
        "undated": undated,
    }


def _fill(
    counts: Counter[dt.date],
    edges: Counter[dt.date],
    bucket: str,
    lo: dt.date | None,
    hi: dt.date | None,
    limit: int,
) -> list[dict]:
    """Every bucket of the range, with its count and how many imprecise events overlap it."""
    ends = [*counts, *(d for d in (lo, hi) if d is not None)]
    if not ends:
        return []
    pending = sorted(edges.items())
    overlapping, i = 0, 0
    result = []
    for key, start, end in bucket_range(min(ends), max(ends), bucket, limit):
        while i < len(pending) and pending[i][0] <= start:
            overlapping += pending[i][1]
            i += 1
        result.append(
            {
                "key": key,
                "start": start.isoformat(),
                "end": end.isoformat(),
                "count": counts.get(start, 0),
                "overlapping": overlapping,
            }
        )
    return result
