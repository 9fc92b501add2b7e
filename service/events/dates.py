"""Turn temporal expressions and the text's own relations into event dates.

Every function here is given resolved ``Timex`` objects (from ``service.temporal``); none of
them finds or resolves a date expression itself.
"""

from __future__ import annotations

import datetime as dt
import re

from service.temporal.model import PRECISIONS, Timex

from .model import EventDate

ONE_DAY = dt.timedelta(days=1)
#: TIMEX3 duration units -> (precision of a start computed from them, days per unit).
_UNITS = {"D": ("day", 1), "W": ("week", 7), "M": ("month", 30.44), "Y": ("year", 365.25)}
_DURATION = re.compile(r"^P(\d+(?:\.\d+)?)([DWMY])$")
#: "nearly two years" is shorter than two years: the start lies inside the last unit.
_LESS_THAN = re.compile(r"\b(?:nearly|almost|just under|less than|under)\b", re.IGNORECASE)


def from_timex(timex: Timex, basis: str = "expression") -> EventDate:
    """The date an expression gives, as it gives it."""
    return EventDate(
        text=timex.text,
        value=None if "/" in timex.value else timex.value,  # an interval has no TIMEX3 value
        edtf=timex.edtf,
        start=timex.start_date,
        end=timex.end_date,
        precision=timex.precision if timex.precision != "time" else "day",
        approximate=timex.approximate,
        basis=basis,
    )


def interval(text: str, first: Timex, second: Timex) -> Timex | None:
    """ "from June 6 to June 9", "between May 1 and May 3": one expression for the whole span."""
    between = text[first.end : second.start]
    before = text[max(0, first.start - 8) : first.start].lower()
    if not (datable(first) and datable(second) and first.start_date and second.end_date):
        return None
    joined = re.fullmatch(r"\s*(?:to|until|till|through|and|-|–)\s*", between)
    hyphen = between in ("-", "–")  # "July 22-23, 2020": a range of its own
    if not joined or not (hyphen or re.search(r"\b(?:from|between)\s*$", before)):
        return None
    if second.end_date < first.start_date:
        return None
    edtf = f"{first.start_date.isoformat()}/{second.end_date.isoformat()}"
    precision = first.precision if first.precision == second.precision else "day"
    return Timex(first.start, second.end, text[first.start : second.end], "DATE", edtf, edtf,
                 first.start_date, second.end_date, precision)  # fmt: skip


def datable(timex: Timex) -> bool:
    """Whether a DATE/TIME expression has at least one calendar bound to date an event by."""
    return timex.type in ("DATE", "TIME") and bool(timex.start_date or timex.end_date)


def duration_days(timex: Timex) -> float | None:
    m = _DURATION.match(timex.value or "")
    if not m:
        return None
    return float(m.group(1)) * _UNITS[m.group(2)][1]


def ending_on(duration: Timex, end: dt.date) -> EventDate | None:
    """A whole-day duration that ends on ``end``: "a two-day visit" ending 12-20 -> 12-19..12-20."""
    m = _DURATION.match(duration.value or "")
    if not m or m.group(2) != "D" or "." in m.group(1):
        return None
    start = end - (int(m.group(1)) - 1) * ONE_DAY
    return EventDate(
        text=duration.text,
        value=None,
        edtf=f"{start.isoformat()}/{end.isoformat()}",
        start=start,
        end=end,
        precision="day",
        approximate=duration.approximate,
        basis="duration",
    )


def starting_on(duration: Timex, start: dt.date) -> EventDate | None:
    """A whole-day duration that starts on ``start`` ("arrived on Tuesday for a two-day visit")."""
    m = _DURATION.match(duration.value or "")
    if not m or m.group(2) != "D" or "." in m.group(1):
        return None
    return ending_on(duration, start + (int(m.group(1)) - 1) * ONE_DAY)


def shifted(duration: Timex, day: dt.date, later: bool) -> EventDate | None:
    """ "Two days later", "a week earlier": the day that far from the story's ``day``."""
    m = _DURATION.match(duration.value or "")
    if not m or m.group(2) not in "DW" or "." in m.group(1):
        return None
    days = int(m.group(1)) * _UNITS[m.group(2)][1]
    when = day + dt.timedelta(days=days if later else -days)
    iso = when.isoformat()
    approximate = m.group(2) == "W" or duration.approximate  # "a week later": about then
    edtf = iso + "~" if approximate else iso
    return EventDate(duration.text, iso, edtf, when, when, "day", approximate, "duration")


def began_before(duration: Timex, now: dt.date) -> EventDate | None:
    """The start of something "ongoing for <duration>" as of ``now``, at the unit's precision.

    "for nearly two years" on 2023-12-21 began after 2021-12-21, so mostly in 2022: the start
    is placed in the unit that holds the larger part of the possible window, marked approximate.
    """
    m = _DURATION.match(duration.value or "")
    if not m:
        return None
    amount, unit = float(m.group(1)), m.group(2)
    precision, unit_days = _UNITS[unit]
    days = amount * unit_days
    if _LESS_THAN.search(duration.text):
        days -= unit_days / 4  # just under N units: move a quarter unit later
    start = now - dt.timedelta(days=days)
    return _at_precision(start, precision, duration.text)


#: "the past two weeks", "the last three months", "the past 24 hours": a span that runs up to
#: the time of speaking (not "the previous two weeks", told back from the story's day).
_LATELY = re.compile(r"^(?:the\s+)?(?:past|last)\s+", re.IGNORECASE)
_HOURS = re.compile(r"^PT(\d+)H$")


def lately(duration: Timex, end: dt.date) -> EventDate | None:
    """A happening told over "the past two weeks" up to ``end`` (the publication, or the day
    its report is told): from that far back to ``end``. "Prices fell over the last two weeks"
    published 1998-02-23 is 1998-02-09..1998-02-23; "the past 24 hours", the day before and
    the day; "the past three months", three calendar months back. A vague amount ("the past
    few days") gives no start."""
    if not _LATELY.match(duration.text or ""):
        return None
    value = duration.value or ""
    if m := _HOURS.match(value):
        start = end - dt.timedelta(days=-(-int(m.group(1)) // 24))
    elif (m := _DURATION.match(value)) and "." not in m.group(1):
        amount, unit = int(m.group(1)), m.group(2)
        if unit in "DW":
            start = end - dt.timedelta(days=amount * (7 if unit == "W" else 1))
        else:
            start = _months_back(end, amount * (12 if unit == "Y" else 1))
    else:
        return None
    if start >= end:
        return None
    edtf = f"{start.isoformat()}/{end.isoformat()}"
    return EventDate(duration.text, None, edtf, start, end, "day", duration.approximate,
                     "duration")  # fmt: skip


def _months_back(day: dt.date, months: int) -> dt.date:
    """``day`` that many calendar months earlier (the 31st falls back to a shorter month's last)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = total // 12, total % 12 + 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - ONE_DAY).day
    return dt.date(year, month, min(day.day, last))


def _at_precision(day: dt.date, precision: str, text: str) -> EventDate:
    if precision == "year":
        value, first, last = f"{day.year}", dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    elif precision == "month":
        first = day.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - ONE_DAY
        value = f"{day.year}-{day.month:02d}"
    elif precision == "week":
        first = day - dt.timedelta(days=day.weekday())
        last = first + 6 * ONE_DAY
        year, week, _ = day.isocalendar()
        value = f"{year}-W{week:02d}"
        edtf = f"{first.isoformat()}/{last.isoformat()}"  # EDTF has no week: its days
        return EventDate(text, value, edtf, first, last, precision, True, "duration")
    else:
        value, first, last = day.isoformat(), day, day
    return EventDate(text, value, value + "~", first, last, precision, True, "duration")


def before(anchor: EventDate) -> EventDate | None:
    """An undated event that came before ``anchor``: ends no later than the day before it (a
    time of day or a coarser anchor bounds it by its own end: "before retiring in 1984" may be
    in 1984)."""
    bound = anchor.start or anchor.end
    if bound is None:
        return None
    end = bound - ONE_DAY if anchor.precision == "day" else (anchor.end or bound)
    return EventDate(None, None, f"../{end.isoformat()}", None, end, "unknown", False, "relation")


def after(anchor: EventDate, published_at: dt.date) -> EventDate | None:
    """An undated event that came after ``anchor`` and before publication (from the day after
    a day; from the start of a time of day or a coarser anchor: "after a debate that ran past
    midnight" may be that day, "after leaving the army in 2010" may be in 2010)."""
    bound = anchor.end or anchor.start
    if bound is None:
        return None
    if anchor.precision == "day":
        start = min(bound + ONE_DAY, published_at)
    else:
        start = min(anchor.start or bound, published_at)
    edtf = f"{start.isoformat()}/{published_at.isoformat()}"
    return EventDate(None, None, edtf, start, published_at, "unknown", False, "relation")


def moved(anchor: EventDate, duration: Timex, later: bool) -> EventDate | None:
    """ "Two months before Jackson's June 2009 death" (2009-04), "two days after the vote on
    5 May" (05-07), "three years after leaving the army in 2010" (2013): ``anchor`` moved by a
    whole duration, at the coarser of its precision and the duration's unit (days and weeks
    need a day to count from), approximate unless counted in days from a day."""
    m = _DURATION.match(duration.value or "")
    day = anchor.start if anchor.start == anchor.end else None
    if not m or "." in m.group(1) or anchor.start is None or anchor.end is None:
        return None
    amount, unit = int(m.group(1)) * (1 if later else -1), m.group(2)
    if unit in "DW":
        if day is None or anchor.precision != "day":
            return None
        when = day + dt.timedelta(days=amount * (7 if unit == "W" else 1))
        iso = when.isoformat()
        approximate = unit == "W" or duration.approximate
        return EventDate(duration.text, iso, iso + "~" if approximate else iso, when, when,
                         "day", approximate, "duration")  # fmt: skip
    months = amount * (12 if unit == "Y" else 1)
    total = anchor.start.year * 12 + anchor.start.month - 1 + months
    first = dt.date(total // 12, total % 12 + 1, 1)
    if unit == "Y" and anchor.precision not in ("day", "month"):
        return _at_precision(first, "year", duration.text)
    return _at_precision(first, "month", duration.text)


def narrative(anchor: EventDate) -> EventDate:
    """The closing day of ``anchor``, for an outcome issued at its end (a communiqué)."""
    day = anchor.end or anchor.start
    if anchor.precision != "day" or day is None:
        return EventDate(
            anchor.text,
            anchor.value,
            anchor.edtf,
            anchor.start,
            anchor.end,
            anchor.precision,
            anchor.approximate,
            "narrative",
        )
    iso = day.isoformat()
    return EventDate(anchor.text, iso, iso, day, day, "day", anchor.approximate, "narrative")


def no_later_than(report: EventDate) -> EventDate | None:
    """A past event told by a dated report: it happened no later than the report's end."""
    end = report.end or report.start
    if end is None:
        return None
    return EventDate(None, None, f"../{end.isoformat()}", None, end, "unknown", False, "relation")


def not_after(date: EventDate, published_at: dt.date, since: dt.date | None) -> EventDate:
    """A happening the text tells as done, which ``date`` (an offset from ``since``, the day it
    counts from: "a week later" told after "on Sunday") would put after publication: it keeps
    only what the text supports, from the day after ``since`` (when that is not later) to
    publication."""
    if date.start is None or date.start <= published_at:
        return date
    start = None
    if since is not None and since < date.start:
        start = min(since + ONE_DAY, published_at)
    if start == published_at:
        iso = published_at.isoformat()
        return EventDate(None, iso, iso, start, published_at, "day", False, "relation")
    edtf = f"{start.isoformat() if start else '..'}/{published_at.isoformat()}"
    return EventDate(None, None, edtf, start, published_at, "unknown", False, "relation")


def publication(published_at: dt.date, planned: bool = False) -> EventDate:
    """No time in the text: it happened no later than publication (or, if planned, after it)."""
    iso = published_at.isoformat()
    if planned:
        return EventDate(
            None, None, f"{iso}/..", published_at, None, "unknown", False, "publication"
        )
    return EventDate(None, None, f"../{iso}", None, published_at, "unknown", False, "publication")


def as_of(published_at: dt.date) -> EventDate:
    """Going on as the article is published ("is conducting tests", "are fighting"): told of
    the publication day, when it is under way (it may have begun before, and go on)."""
    iso = published_at.isoformat()
    return EventDate(None, iso, iso, published_at, published_at, "day", False, "publication")


def overlaps(a: EventDate, b: EventDate, slack: dt.timedelta = dt.timedelta(0)) -> bool:
    """Whether two dates can be the same happening (an open side matches anything)."""
    if a.start and b.end and a.start > b.end + slack:
        return False
    if b.start and a.end and b.start > a.end + slack:
        return False
    return True


def finer(a: EventDate, b: EventDate) -> EventDate:
    """The more informative of two dates of one happening."""
    return a if _rank(a) <= _rank(b) else b


def strictly_finer(a: EventDate, b: EventDate) -> bool:
    """Whether ``a`` tells more than ``b`` (a later report refines a stored date only then)."""
    return _rank(a) < _rank(b)


_BASIS_RANK = {"expression": 0, "duration": 1, "narrative": 2, "relation": 3, "publication": 4}
_PRECISION_RANK = {p: i for i, p in enumerate(PRECISIONS)}  # finest first ("time" too)


def _rank(d: EventDate) -> tuple[int, int]:
    return (_BASIS_RANK.get(d.basis, 5), _PRECISION_RANK.get(d.precision, len(PRECISIONS)))
