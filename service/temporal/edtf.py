"""From a TIMEX3 value to EDTF, inclusive calendar bounds and precision."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .dates import SEASON_START

_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(Z?)|T(MO|AF|EV|NI|MI|DT))?$")
_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_BC = re.compile(r"^BC(\d{4})(?:-(\d\d))?$")
_YEAR_WEEKDAY = re.compile(r"^(\d{4})-WXX-[1-7](?:T(?:MO|AF|EV|NI))?$")
_NO_YEAR = re.compile(r"^XXXX-(\d\d)(?:-(\d\d))?$")
_SEASON_EDTF = {"SP": 21, "SU": 22, "FA": 23, "WI": 24}

Described = tuple[str | None, dt.date | None, dt.date | None, str]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _describe(value: str) -> Described:
    if m := _DAY.match(value):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m[4]:
            return f"{day.isoformat()}T{m[4]}:{m[5]}:00{m[6]}", day, day, "time"
        return day.isoformat(), day, day, "time" if m[7] else "day"
    if m := _MONTH.match(value):
        y, mo = int(m[1]), int(m[2])
        return value, dt.date(y, mo, 1), _month_end(y, mo), "month"
    if m := _YEAR.match(value):
        y = int(m[1])
        return value, dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    if m := _DECADE.match(value):
        y = int(m[1]) * 10
        return f"{m[1]}X", dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "decade"
    if m := _CENTURY.match(value):
        y = int(m[1]) * 100
        return f"{m[1]}XX", dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31), "century"
    if m := _WEEK.match(value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        first = monday + dt.timedelta(days=5) if m[3] else monday
        last = monday + dt.timedelta(days=6)
        return f"{first.isoformat()}/{last.isoformat()}", first, last, "week"
    if m := _QUARTER.match(value):
        y, q = int(m[1]), int(m[2])
        first = dt.date(y, 3 * q - 2, 1)
        return f"{y}-{32 + q}", first, _month_end(y, 3 * q), "quarter"
    if m := _HALF.match(value):
        y, h = int(m[1]), int(m[2])
        return f"{y}-{39 + h}", dt.date(y, 6 * h - 5, 1), _month_end(y, 6 * h), "half"
    if m := _SEASON.match(value):
        y, start_month = int(m[1]), SEASON_START[m[2]]
        first = dt.date(y, start_month, 1)
        end_year, end_month = (y + 1, 2) if start_month == 12 else (y, start_month + 2)
        return f"{y}-{_SEASON_EDTF[m[2]]}", first, _month_end(end_year, end_month), "season"
    if m := _BC.match(value):  # EDTF counts years astronomically: 1 BC is year 0, 480 BC -0479
        year = f"-{int(m[1]) - 1:04d}"
        return (f"{year}-{m[2]}" if m[2] else year), None, None, "month" if m[2] else "year"
    if m := _YEAR_WEEKDAY.match(value):  # "1862-WXX-1": a Monday of 1862, bounded by the year
        y = int(m[1])
        return m[1], dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    if m := _NO_YEAR.match(value):
        return value, None, None, "day" if m[2] else "month"
    return None, None, None, "unknown"


def describe(value: str, kind: str, mod: str | None = None) -> Described:
    """(edtf, start_date, end_date, precision) for a TIMEX3 value of type ``kind``.

    Durations, sets and PRESENT_REF-like values have no EDTF and no bounds.
    """
    if kind in ("DURATION", "SET"):
        return None, None, None, "unknown"
    try:
        edtf, first, last, precision = _describe(value)
    except ValueError:  # an impossible week or day number
        return None, None, None, "unknown"
    if edtf is None:
        return None, None, None, precision
    if mod == "APPROX" and "/" not in edtf:
        edtf += "~"
    elif mod in ("BEFORE", "ON_OR_BEFORE") and first:
        last = last if mod == "ON_OR_BEFORE" else first - dt.timedelta(days=1)
        edtf, first = f"../{last.isoformat()}", None
    elif mod in ("AFTER", "ON_OR_AFTER") and last:
        first = first if mod == "ON_OR_AFTER" else last + dt.timedelta(days=1)
        edtf, last = f"{first.isoformat()}/..", None
    return edtf, first, last, precision
