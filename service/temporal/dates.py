"""Calendar arithmetic on publication dates: weeks, quarters, seasons, direction."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

#: Season codes by the month in which each (northern, meteorological) season starts.
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def next_month(year: int, month: int) -> tuple[int, int]:
    """The (year, month) after ``month`` of ``year``."""
    return (year, month + 1) if month < 12 else (year + 1, 1)


def iso_week(day: dt.date) -> str:
    """``2023-W51`` for the ISO week holding ``day``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def shift_days(day: dt.date, n: int) -> dt.date:
    return day + dt.timedelta(days=n)


def shift(day: dt.date, years: int = 0, months: int = 0, weeks: int = 0, days: int = 0) -> dt.date:
    """``day`` moved by whole calendar units, clamping the day of month."""
    try:
        return day + relativedelta(years=years, months=months, weeks=weeks, days=days)
    except (OverflowError, ValueError):
        return day


def month_value(year: int, month: int, n: int = 0) -> str:
    """``YYYY-MM`` of the month ``n`` months after ``year-month``."""
    total = year * 12 + month - 1 + n
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_value(year: int, quarter: int, n: int = 0) -> str:
    """``YYYY-Qn`` of the quarter ``n`` quarters after the given one."""
    total = year * 4 + quarter - 1 + n
    return f"{total // 4:04d}-Q{total % 4 + 1}"


def weekday_date(base: dt.date, weekday: int, direction: str) -> dt.date:
    """The ``weekday`` nearest ``base`` in ``direction``: past (on or before), future (on or
    after), ``last`` (strictly before), ``next`` (strictly after)."""
    delta = weekday - base.weekday()
    if direction in ("past", "last"):
        back = (-delta) % 7
        if back == 0 and direction == "last":
            back = 7
        return base - dt.timedelta(days=back)
    ahead = delta % 7
    if ahead == 0 and direction == "next":
        ahead = 7
    return base + dt.timedelta(days=ahead)


def weekday_on(base: dt.date, weekday: int, dom: int, direction: str | None) -> dt.date | None:
    """The day ``dom`` of a month within six of ``base`` that falls on ``weekday`` ("Tuesday the
    14th"), on the side ``direction`` says when there is one, else the nearest."""
    found = []
    for step in range(-6, 7):
        total = base.year * 12 + base.month - 1 + step
        year, month = total // 12, total % 12 + 1
        if valid_day(year, month, dom) and dt.date(year, month, dom).weekday() == weekday:
            found.append(dt.date(year, month, dom))
    if direction == "past":
        found = [d for d in found if d <= base] or found
    elif direction == "future":
        found = [d for d in found if d >= base] or found
    return min(found, key=lambda d: abs((d - base).days)) if found else None


def pick_year(base: dt.date, month: int, day: int | None, direction: str | None) -> int:
    """The year putting ``month`` (and ``day``) on the side of ``base`` the tense asks for."""
    if day:
        # News rarely puts a month-day almost a year away: a past-tense date some weeks
        # ahead (a deadline), or a future-tense one a few weeks back, stays in the year.
        this = (dt.date(base.year, month, min(day, 28 if month == 2 else day)) - base).days
        if direction == "past":
            return base.year if this <= 45 else base.year - 1
        if direction == "future":
            return base.year if this >= -30 else base.year + 1
        if -270 <= this <= 90:  # no tense: news mostly looks back
            return base.year
        return base.year - 1 if this > 0 else base.year + 1
    key, base_key = month, base.month
    if direction == "past":  # next month is still this year: a past cue is often misread
        return base.year if key <= base_key + 1 else base.year - 1
    if direction == "future":
        return base.year if key >= base_key else base.year + 1
    # No tense: news mostly looks back, so this year unless the month is more than three
    # months ahead (then last year's) or more than nine months back (then next year's).
    if month - base.month > 3:
        return base.year - 1
    if base.month - month > 9:
        return base.year + 1
    return base.year


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def season_value(base: dt.date, code: str, direction: str | None, rel: str | None) -> str:
    """``YYYY-SU`` for a season, chosen by last/this/next or else the tense.

    Seasons are numbered ``year * 4 + (SP, SU, FA, WI)``; winter belongs to the year it starts.
    """
    order = ("SP", "SU", "FA", "WI")
    month = base.month
    cur_year = base.year - 1 if month <= 2 else base.year
    cur = cur_year * 4 + (3 if month in (12, 1, 2) else (month - 3) // 3)
    same_year = cur_year * 4 + order.index(code)
    before = same_year if same_year <= cur else same_year - 4  # latest on or before now
    after = same_year if same_year >= cur else same_year + 4  # earliest on or after now
    if rel in ("last", "past", "this past", "previous", "the previous", "the past"):
        idx = before if before < cur else before - 4
    elif rel in ("next", "coming", "this coming", "the coming", "following", "the following"):
        idx = after if after > cur else after + 4
    elif direction == "past" and rel not in ("this", "current", "the current"):
        idx = before
    elif direction == "future" and rel not in ("this", "current", "the current"):
        idx = after
    else:  # "this summer" read in February: the calendar year's (winter: the current one)
        idx = same_year if code == "WI" else base.year * 4 + order.index(code)
    return f"{idx // 4}-{order[idx % 4]}"


#: Other spellings of a holiday's name ("new years eve", "NYE" in posts).
_HOLIDAY_SPELLINGS = {
    "presidents day": "presidents' day",
    "st patrick's day": "saint patrick's day",
    "new years": "new year's",
    "new years day": "new year's day",
    "new year day": "new year's day",
    "new years eve": "new year's eve",
    "new year eve": "new year's eve",
    "nye": "new year's eve",
}


def holiday_date(name: str, year: int) -> dt.date | None:
    """The date of a (US) holiday in ``year``, or None."""
    key = " ".join(name.lower().replace(".", "").replace("xmas", "christmas").split())
    key = _HOLIDAY_SPELLINGS.get(key, key)
    if key.startswith("martin luther king"):
        key = "martin luther king day"
    if key in ("black friday", "cyber monday"):  # the Friday / Monday after Thanksgiving
        thanksgiving = holiday_date("thanksgiving", year)
        return thanksgiving + dt.timedelta(days=1 if key == "black friday" else 4)
    fixed = {
        "saint patrick's day": (3, 17),
        "christmas": (12, 25),
        "christmas day": (12, 25),
        "christmas eve": (12, 24),
        "new year's": (1, 1),
        "new year's day": (1, 1),
        "new year's eve": (12, 31),
        "independence day": (7, 4),
        "halloween": (10, 31),
        "valentine's day": (2, 14),
        "boxing day": (12, 26),
        "veterans day": (11, 11),
    }
    if key in fixed:
        return dt.date(year, *fixed[key])
    if key.startswith("easter"):
        return easter(year)
    if key == "good friday":
        return easter(year) - dt.timedelta(days=2)
    nth = {
        "thanksgiving": (11, 3, 4),
        "thanksgiving day": (11, 3, 4),
        "labor day": (9, 0, 1),
        "columbus day": (10, 0, 2),
        "memorial day": (5, 0, -1),
        "mother's day": (5, 6, 2),
        "father's day": (6, 6, 3),
        "presidents' day": (2, 0, 3),
        "martin luther king day": (1, 0, 3),
    }
    if key in nth:
        month, weekday, n = nth[key]
        days = [
            d
            for d in calendar.Calendar().itermonthdates(year, month)
            if d.month == month and d.weekday() == weekday
        ]
        return days[n - 1] if n > 0 else days[-1]
    if key == "election day":
        first_monday = next(
            d
            for d in calendar.Calendar().itermonthdates(year, 11)
            if d.month == 11 and d.weekday() == 0
        )
        return first_monday + dt.timedelta(days=1)
    return None


def granularity(value: str) -> str:
    if re.fullmatch(r"\d{4}", value):
        return "year"
    if re.fullmatch(r"\d{4}-\d\d", value):
        return "month"
    if "-Q" in value:
        return "quarter"
    if "-W" in value:
        return "week"
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return "day"
    return "other"


_MONTHS_IN = {"year": 12, "quarter": 3, "month": 1, "decade": 120, "century": 1200, "half": 6}

_DAYS_IN = {"day": 1, "night": 1, "week": 7, "weekend": 7, "fortnight": 14}


def shift_value(value: str, unit: str, n: float) -> str | None:
    """``value`` moved by ``n`` units at its own granularity, or None if they don't fit."""
    if n != int(n):
        return None
    n = int(n)
    months, days = _MONTHS_IN.get(unit), _DAYS_IN.get(unit)
    try:
        if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            moved = (
                shift(day, months=n * months)
                if months
                else (day + dt.timedelta(days=n * days) if days else None)
            )
            return moved.isoformat() if moved else None
        if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
            return month_value(int(m[1]), int(m[2]), n * months) if months else None
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            if months and months % 3 == 0:
                return quarter_value(int(m[1]), int(m[2]), n * months // 3)
            return None
        if m := re.fullmatch(r"(\d{4})", value):
            return f"{int(m[1]) + n * months // 12:04d}" if months and months % 12 == 0 else None
        if m := re.fullmatch(r"(\d{4})-W(\d\d)", value):
            if days and days % 7 == 0:
                monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
                return iso_week(monday + dt.timedelta(days=n * days))
            if months and months % 12 == 0:  # "the same week a year ago": that week's number
                year = int(m[1]) + n * months // 12
                week = min(int(m[2]), dt.date(year, 12, 28).isocalendar()[1])
                return f"{year:04d}-W{week:02d}"
    except (ValueError, OverflowError):
        return None
    return None


def period_value(d: dt.date, unit: str, n: int = 0) -> str:
    """The value of the calendar ``unit`` holding ``d``, moved ``n`` units."""
    if unit == "week":
        return iso_week(d + dt.timedelta(weeks=n))
    if unit == "month":
        return month_value(d.year, d.month, n)
    if unit == "quarter":
        return quarter_value(d.year, quarter_of(d), n)
    if unit == "decade":
        return f"{d.year // 10 + n:03d}"
    if unit == "century":
        return f"{d.year // 100 + n:02d}"
    return f"{d.year + n:04d}"


def moved_value(d: dt.date, unit: str, n: int) -> str:
    """``d`` moved ``n`` units, written at the unit's granularity."""
    if unit in ("day", "night", "hour", "minute", "second"):
        step = {"day": 1, "night": 1}.get(unit, 0)
        return (d + dt.timedelta(days=n * step)).isoformat()
    if unit in ("week", "fortnight", "weekend"):
        return iso_week(d + dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1)))
    if unit == "month":
        return month_value(d.year, d.month, n)
    if unit == "quarter":
        return quarter_value(d.year, quarter_of(d), n)
    return f"{d.year + n * (_MONTHS_IN.get(unit, 12) // 12):04d}"
