"""The one place dateparser is called: pinned settings, cached, for free-form explicit dates."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

#: Every setting passed to dateparser; RELATIVE_BASE, PREFER_DATES_FROM and DATE_ORDER are
#: added per call.
RESOLVER_SETTINGS: dict[str, Any] = {
    "RETURN_TIME_AS_PERIOD": True,
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["absolute-time", "custom-formats"],
}
LANGUAGES = ["en"]


@functools.lru_cache(maxsize=4096)
def parse(
    expr: str, base: dt.date, prefer: str = "current_period", date_order: str = "MDY"
) -> tuple[dt.date, str] | None:
    """(date, period) for one explicit date string, or None.

    ``period`` is dateparser's granularity (day, week, month, year, time); ``prefer`` is its
    PREFER_DATES_FROM (past, future, current_period), chosen by the caller from the tense.
    """
    if not expr.strip() or len(expr) > 100:
        return None
    from dateparser.date import DateDataParser  # imported late: it takes a while to load

    settings = {
        **RESOLVER_SETTINGS,
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day, 12, 0),
        "PREFER_DATES_FROM": prefer,
        "DATE_ORDER": date_order,
    }
    try:
        data = DateDataParser(languages=LANGUAGES, settings=settings).get_date_data(expr)
    except Exception:  # dateparser raises assorted errors on odd input: no date
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"
