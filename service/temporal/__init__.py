"""Temporal expressions in news text: find them, normalise them to TIMEX3 and EDTF with bounds.

Public API (pure: no Flask, no database)::

    annotate(text, published_at, document_type=None) -> list[Timex]   # every expression
    resolve(expr, published_at, tense=None) -> Timex | None   # one expression given alone

``Timex`` (``model.py``) carries ``start``/``end`` (offsets into the text, end exclusive, and
``text == source[start:end]``), ``type`` (DATE, TIME, DURATION, SET), ``value`` (TIMEX3:
``2023-12-20``, ``2023-W51``, ``2023-Q3``, ``199``, ``P2Y``, ``PRESENT_REF``...), ``edtf``,
inclusive ``start_date``/``end_date``, ``precision`` and ``mod`` (START, MID, END, APPROX,
MORE_THAN, LESS_THAN, EQUAL_OR_MORE, EQUAL_OR_LESS, BEFORE, AFTER...), as in DATES.md.

How it works: ``patterns`` holds the word lists and compiled rules; ``finder`` runs each rule
only near the words that can head it and keeps the longest non-overlapping matches
(``filters`` turns away "may", "Windows 2000", "Friday prayers"...); ``normalise`` reads them
left to right with a running reference (the last date, the quarter being reported) and the
tense of each clause (``context``), through ``explicit``, ``relative``, ``quarters`` and
``durations``; ``dates`` does the calendar arithmetic and ``edtf`` the EDTF and bounds.
``timeline`` is the reference-time model: news or narrative (given or detected), and the time
the text is telling, which year-less and relative dates read from (``State.story_at``).
``casing`` lets lower-case text ("march 3 2015", "last monday") reach the rules.
dateparser is used only in ``resolver`` (pinned settings, cached), for numeric dates and for
explicit dates ``resolve`` cannot otherwise read.
"""

from __future__ import annotations

import datetime as dt
import re

from . import resolver
from .edtf import describe
from .model import PRECISIONS, Timex
from .normalise import normalise
from .patterns import MONTH
from .timeline import DOCUMENT_TYPES

__all__ = ["DOCUMENT_TYPES", "PRECISIONS", "Timex", "annotate", "resolve"]

_TENSES = {"past": "past", "future": "future", "present": None, None: None}
_SET_WORDS = {
    "annual": "P1Y",
    "annually": "P1Y",
    "yearly": "P1Y",
    "quarterly": "P3M",
    "monthly": "P1M",
    "weekly": "P1W",
    "daily": "P1D",
    "hourly": "PT1H",
}
#: What an explicit date string needs before dateparser may read it: a month name with a
#: number, or a numeric day-month-year.
_EXPLICIT = re.compile(
    rf"^(?=.*\d)(?=.*(?:{MONTH}))[\w\s,.'/-]+$|^\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}}$",
    re.IGNORECASE,
)


def _as_date(value: dt.date | dt.datetime | str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def annotate(text: str, published_at: dt.date, document_type: str | None = None) -> list[Timex]:
    """The temporal expressions in ``text``, published on ``published_at``.

    ``document_type`` is ``"news"`` (year-less and relative dates read from the publication
    date, but for clear background passages) or ``"narrative"`` (read from the time the text
    is telling); None detects it from the text (``timeline.detect``).
    """
    if not text:
        return []
    if document_type is not None and document_type not in DOCUMENT_TYPES:
        raise ValueError(f"document_type must be one of {DOCUMENT_TYPES} or None")
    return normalise(text, _as_date(published_at), document_type=document_type)


def resolve(expr: str, published_at: dt.date, tense: str | None = None) -> Timex | None:
    """Normalise one expression given alone ("last week", "Dec. 18"); None if it is no date.

    ``tense`` ('past', 'future' or None) says which way a bare weekday or month points.
    """
    expr = (expr or "").strip()
    if not expr or len(expr) > 200:
        return None
    base = _as_date(published_at)
    word = " ".join(expr.lower().split())
    if word in _SET_WORDS:  # annotate() leaves adjectival "annual" alone, as TimeBank does
        return Timex(0, len(expr), expr, "SET", _SET_WORDS[word])
    found = normalise(expr, base, _TENSES.get(tense))
    covering = [t for t in found if _covers(expr, t)]
    if covering:
        return max(covering, key=lambda t: t.end - t.start)
    return _fallback(expr, base, tense)


#: Words an expression given alone may carry around its date ("on Monday", "for two years").
_FILLER = frozenset(
    "the a an on in at for of about around over during since by until till from to this "
    "approximately roughly some before after prior than no not later earlier latest earliest "
    "or and beyond onward onwards".split()
)


def _covers(expr: str, timex: Timex) -> bool:
    """True if ``timex`` is all of ``expr`` but for filler words, punctuation and at most one
    lower-case noun after it ("a two-day [visit]")."""
    head = re.findall(r"[\w'$%]+", expr[: timex.start].lower())
    tail = re.findall(r"[\w'$%]+", expr[timex.end :])
    if any(word not in _FILLER for word in head):
        return False
    rest = [word for word in tail if word.lower() not in _FILLER]
    return not rest or (len(rest) == 1 and rest[0].isalpha() and rest[0].islower())


def _fallback(expr: str, base: dt.date, tense: str | None) -> Timex | None:
    """An explicit date in a form the rules don't know, read by dateparser."""
    if not _EXPLICIT.search(expr):
        return None  # dateparser reads "We", "may", "$10" and "50%" as dates
    prefer = {"past": "past", "future": "future"}.get(tense or "", "current_period")
    parsed = resolver.parse(expr, base, prefer, "MDY")
    if parsed is None:
        return None
    day, period = parsed
    value = {
        "year": f"{day.year:04d}",
        "month": f"{day.year:04d}-{day.month:02d}",
        "week": f"{day.isocalendar()[0]}-W{day.isocalendar()[1]:02d}",
    }.get(period, day.isoformat())
    edtf, first, last, precision = describe(value, "DATE")
    return Timex(0, len(expr), expr, "DATE", value, edtf, first, last, precision)
