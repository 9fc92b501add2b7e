"""Spans of months named by their ends ("the July-September period", "the three months to
September"): one interval, a calendar quarter or half when the months are exactly one."""

from __future__ import annotations

import re

from . import dates
from .context import schedule
from .explicit import month_number, story_month
from .patterns import NUMBERS
from .state import Result, State


def _span_value(year: int, first: int, months: int) -> Result:
    """The ``months`` months from ``first`` of ``year``: a quarter or half when they are one,
    else the first month with bounds through the last (which may fall in the next year)."""
    if months == 3 and first % 3 == 1:
        return Result("DATE", f"{year:04d}-Q{first // 3 + 1}")
    if months == 6 and first in (1, 7):
        return Result("DATE", f"{year:04d}-H{first // 6 + 1}")
    if months == 12 and first == 1:
        return Result("DATE", f"{year:04d}")
    last = first + months - 1
    through = f"{year + (last - 1) // 12:04d}-{(last - 1) % 12 + 1:02d}"
    return Result("DATE", f"{year:04d}-{first:02d}", through=through)


def _closing_year(m: re.Match[str], st: State, last: int) -> int:
    """The year of the span's last month: the one named, the story's, or the nearest one
    the clause's tense allows (the span is judged by its end: over when told in the past)."""
    if m["year"]:
        return int(m["year"])
    story = st.story_at(m.start(), m.end())
    year = story_month(last, "", story) if story else None
    if year is not None:
        return year
    tense = st.tense(m.start(), m.end())
    if tense is None and schedule(st.text, m.start(), m.end()):  # "the show runs July-August"
        tense = "future"
    return dates.pick_year(st.dct, last, None, tense)


def month_range(m: re.Match[str], st: State) -> Result | None:
    """ "the July-September period", "January-March", "October to December 2022"."""
    first, last = month_number(m["mon"] or m["monh"]), month_number(m["mon2"])
    if first == last:
        return None
    year = _closing_year(m, st, last)
    months = (last - first) % 12 + 1
    return _span_value(year if first < last else year - 1, first, months)


def months_to(m: re.Match[str], st: State) -> Result | None:
    """ "the three months to September": the months ending with the one named."""
    count = NUMBERS.get(m["n"].lower()) or (int(m["n"]) if m["n"].isdigit() else 0)
    if not 1 < count <= 24:
        return None
    last = month_number(m["mon"])
    year = _closing_year(m, st, last)
    start = year * 12 + last - count  # months since year 0 of the month before the first
    return _span_value(start // 12, start % 12 + 1, count)
