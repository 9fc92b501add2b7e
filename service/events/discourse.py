"""Discourse time: which of the text's own dates a predicate is told at.

A clause's own expressions give its anchor (``times``); the article's day-precise dates, read
in order, give the narrative "now" a clause without one is told at (``Days``). Pure: given the
resolved ``Timex`` objects, never finds or resolves an expression itself.
"""

from __future__ import annotations

import bisect
import datetime as dt

from service.temporal.model import Timex

from . import dates

#: Finest first: a clause with several dates takes the finest ("results on Jan. 29").
_FINENESS = {
    "time": 0,
    "day": 1,
    "week": 2,
    "month": 3,
    "quarter": 4,
    "season": 4,
    "half": 5,
    "year": 6,
}


def times(text: str, own: list[Timex]) -> tuple[Timex | None, Timex | None]:
    """The anchor and the duration a predicate's own expressions give."""
    own = sorted(set(own), key=lambda t: t.start)
    datable = [t for t in own if dates.datable(t)]
    anchor = datable[0] if datable else None
    if anchor is not None and (later := [t for t in datable if t.start > anchor.start]):
        spanned = dates.interval(text, anchor, later[0])
        if spanned is not None:
            anchor = spanned  # "from June 6 to June 9"
        else:  # "its fourth-quarter results on Jan. 29": the finest date the clause gives
            anchor = min(datable, key=lambda t: (_FINENESS.get(t.precision, 9), t.start))
    duration = next((t for t in own if t.type == "DURATION"), None)
    return anchor, duration


class Days:
    """The day-precise dates of an article by end offset, for the narrative "now"."""

    def __init__(self, timexes: list[Timex]) -> None:
        days = [
            t
            for t in timexes
            if dates.datable(t) and t.precision in ("day", "time") and t.start_date
        ]
        days.sort(key=lambda t: t.end)
        self.ends = [t.end for t in days]
        self.days = [t.start_date for t in days]

    def before(self, offset: int) -> dt.date | None:
        """The narrative "now": the last day-precise date mentioned before ``offset``."""
        i = bisect.bisect_right(self.ends, offset)
        return self.days[i - 1] if i else None
