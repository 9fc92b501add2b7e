"""Table tests for resolve(): one expression, a publication date, an expected TIMEX3 value."""

import datetime as dt

import pytest

from service.temporal import Timex, resolve

WED = dt.date(2023, 12, 20)  # a Wednesday
THU = dt.date(2023, 12, 21)
MON = dt.date(2024, 1, 1)  # a Monday in January

# (expression, published, tense, type, value)
CASES = [
    ("Wednesday", WED, "past", "DATE", "2023-12-20"),
    ("Wednesday", THU, "past", "DATE", "2023-12-20"),
    ("Monday", THU, "past", "DATE", "2023-12-18"),
    ("Sunday", MON, None, "DATE", "2023-12-31"),
    ("Friday", WED, "future", "DATE", "2023-12-22"),
    ("last Friday", WED, None, "DATE", "2023-12-15"),
    ("next Monday", WED, None, "DATE", "2023-12-25"),
    ("next Thursday", WED, None, "DATE", "2023-12-28"),  # next week's, not tomorrow
    ("this Thursday", WED, None, "DATE", "2023-12-21"),
    ("this coming Thursday", WED, None, "DATE", "2023-12-21"),
    ("Tuesday morning", WED, "past", "TIME", "2023-12-19TMO"),
    ("Friday night", WED, "past", "TIME", "2023-12-15TNI"),
    ("December", MON, "past", "DATE", "2023-12"),
    ("March", WED, "future", "DATE", "2024-03"),
    ("March", WED, "past", "DATE", "2023-03"),
    ("last April", WED, None, "DATE", "2023-04"),
    ("Dec. 18", WED, None, "DATE", "2023-12-18"),
    ("Dec. 20, 2023", THU, None, "DATE", "2023-12-20"),
    ("December 20, 2023", THU, None, "DATE", "2023-12-20"),
    ("20 December", WED, None, "DATE", "2023-12-20"),
    ("20 December 2022", WED, None, "DATE", "2022-12-20"),
    ("Jan. 5", WED, "future", "DATE", "2024-01-05"),
    ("Feb. 25", MON, "past", "DATE", "2023-02-25"),
    ("Jan. 14", dt.date(2024, 1, 5), "past", "DATE", "2024-01-14"),
    ("12/20/2023", THU, None, "DATE", "2023-12-20"),
    ("2023-12-20", THU, None, "DATE", "2023-12-20"),
    ("December 2023", THU, None, "DATE", "2023-12"),
    ("1998", WED, None, "DATE", "1998"),
    ("fiscal 1998", WED, None, "DATE", "1998"),
    ("FY2024", WED, None, "DATE", "2024"),
    ("Q3 2023", WED, None, "DATE", "2023-Q3"),
    ("14:00 GMT", WED, None, "TIME", "2023-12-20T14:00Z"),  # GMT/UTC: Z (issue 14)
    ("the end of the year", WED, None, "DATE", "2023"),
    ("today", WED, None, "DATE", "2023-12-20"),
    ("yesterday", WED, None, "DATE", "2023-12-19"),
    ("tomorrow", WED, None, "DATE", "2023-12-21"),
    ("tonight", WED, None, "TIME", "2023-12-20TNI"),
    ("this morning", WED, None, "TIME", "2023-12-20TMO"),
    ("last night", WED, None, "TIME", "2023-12-19TNI"),
    ("last week", WED, None, "DATE", "2023-W50"),
    ("this week", WED, None, "DATE", "2023-W51"),
    ("next week", WED, None, "DATE", "2023-W52"),
    ("last month", WED, None, "DATE", "2023-11"),
    ("this month", WED, None, "DATE", "2023-12"),
    ("next month", WED, None, "DATE", "2024-01"),
    ("earlier this month", WED, None, "DATE", "2023-12"),
    ("this year", WED, None, "DATE", "2023"),
    ("last year", WED, None, "DATE", "2022"),
    ("next year", WED, None, "DATE", "2024"),
    ("the third quarter", WED, "past", "DATE", "2023-Q3"),
    ("the fiscal first quarter", WED, "past", "DATE", "2023-Q1"),
    ("the fourth quarter of 2022", WED, None, "DATE", "2022-Q4"),
    ("last quarter", WED, None, "DATE", "2023-Q3"),
    ("the first half of 2023", WED, None, "DATE", "2023-H1"),
    ("this summer", WED, None, "DATE", "2023-SU"),
    ("last fall", WED, None, "DATE", "2023-FA"),
    ("this summer", dt.date(2023, 3, 22), "past", "DATE", "2023-SU"),
    ("the latest quarter", dt.date(2023, 11, 2), "past", "DATE", "2023-Q3"),
    ("June last year", WED, None, "DATE", "2022-06"),
    ("recent years", WED, None, "DATE", "PAST_REF"),
    ("the coming months", WED, None, "DURATION", "PXM"),
    ("several years ago", WED, None, "DATE", "PAST_REF"),
    ("nineteen ninety-six", WED, None, "DATE", "1996"),
    ("the year two thousand", WED, None, "DATE", "2000"),
    ("year-end", WED, "future", "DATE", "2023-12-31"),
    ("last fall", dt.date(2023, 10, 15), None, "DATE", "2022-FA"),
    ("the 5th of December, 2023", WED, None, "DATE", "2023-12-05"),
    ("the 1990s", WED, None, "DATE", "199"),
    ("the '90s", WED, None, "DATE", "199"),
    ("the 20th century", WED, None, "DATE", "19"),
    ("the twenty-first century", WED, None, "DATE", "20"),
    ("two days ago", WED, None, "DATE", "2023-12-18"),
    ("three weeks ago", WED, None, "DATE", "2023-W48"),
    ("a year ago", WED, None, "DATE", "2022"),
    ("two years ago", WED, None, "DATE", "2021"),
    ("now", WED, None, "DATE", "PRESENT_REF"),
    ("currently", WED, None, "DATE", "PRESENT_REF"),
    ("recently", WED, None, "DATE", "PAST_REF"),
    ("the past", WED, None, "DATE", "PAST_REF"),
    ("the future", WED, None, "DATE", "FUTURE_REF"),
    ("Christmas", WED, "future", "DATE", "2023-12-25"),
    ("10:30 a.m. Tuesday", WED, "past", "TIME", "2023-12-19T10:30"),
    ("3 p.m.", WED, None, "TIME", "2023-12-20T15:00"),
    ("nearly two years", WED, None, "DURATION", "P2Y"),
    ("for nearly two years", WED, None, "DURATION", "P2Y"),
    ("a two-day visit", WED, None, "DURATION", "P2D"),
    ("two-day", WED, None, "DURATION", "P2D"),
    ("three months", WED, None, "DURATION", "P3M"),
    ("the past five years", WED, None, "DURATION", "P5Y"),
    ("the past year", WED, None, "DATE", "2022"),  # TIMEX3 / TimeBank 3 of 3: the year before
    ("several years", WED, None, "DURATION", "PXY"),
    ("24 hours", WED, None, "DURATION", "PT24H"),
    ("1 1/2 years", WED, None, "DURATION", "P1Y6M"),
    ("two decades", WED, None, "DURATION", "P20Y"),
    ("half an hour", WED, None, "DURATION", "PT30M"),
    ("a minute and a half", WED, None, "DURATION", "PT1M30S"),
    ("two and a half years", WED, None, "DURATION", "P2Y6M"),
    ("every two years", WED, None, "SET", "P2Y"),
    ("every other week", WED, None, "SET", "P2W"),
    ("every year", WED, None, "SET", "P1Y"),
    ("each month", WED, None, "SET", "P1M"),
    ("weekly", WED, None, "SET", "P1W"),
    ("daily", WED, None, "SET", "P1D"),
    ("every Thursday", WED, None, "SET", "XXXX-WXX-4"),
]


@pytest.mark.parametrize(
    ("expr", "published", "tense", "kind", "value"), CASES, ids=[f"{c[0]}@{c[1]}" for c in CASES]
)
def test_resolve(expr, published, tense, kind, value):
    timex = resolve(expr, published, tense)
    assert timex is not None, expr
    assert (timex.type, timex.value) == (kind, value)


# (expression, mod)
MODS = [
    ("nearly two years", "APPROX"),
    ("for nearly two years", "APPROX"),
    ("about three weeks", "APPROX"),
    ("more than two years", "MORE_THAN"),
    ("less than a month", "LESS_THAN"),
    ("early 2022", "START"),
    ("mid-November", "MID"),
    ("late November", "END"),
    ("the end of 1990", "END"),
    ("before May 2023", "BEFORE"),
    ("after 2019", "AFTER"),
    ("since 2019", "ON_OR_AFTER"),
    ("by Friday", "ON_OR_BEFORE"),
    ("2030 at the latest", "ON_OR_BEFORE"),
]


@pytest.mark.parametrize(("expr", "mod"), MODS, ids=[m[0] for m in MODS])
def test_modifiers(expr, mod):
    timex = resolve(expr, WED)
    assert timex is not None and timex.mod == mod


NON_DATES = [
    "may",
    "We",
    "$10",
    "50%",
    "Friday prayers",
    "1,000",
    "March on",
    "G20",
    "G7",
    "the Group of 20",
    "hello",
    "",
    "   ",
    "quarter",
    "a quarter of the shares",
]


@pytest.mark.parametrize("expr", NON_DATES, ids=[repr(e) for e in NON_DATES])
def test_non_dates(expr):
    assert resolve(expr, WED) is None


# (expression, edtf, start, end, precision)
BOUNDS = [
    ("Dec. 18", "2023-12-18", "2023-12-18", "2023-12-18", "day"),
    ("last month", "2023-11", "2023-11-01", "2023-11-30", "month"),
    ("this year", "2023", "2023-01-01", "2023-12-31", "year"),
    ("last week", "2023-12-11/2023-12-17", "2023-12-11", "2023-12-17", "week"),
    ("the third quarter", "2023-35", "2023-07-01", "2023-09-30", "quarter"),
    ("the first half of 2023", "2023-40", "2023-01-01", "2023-06-30", "half"),
    ("this summer", "2023-22", "2023-06-01", "2023-08-31", "season"),
    ("the 1990s", "199X", "1990-01-01", "1999-12-31", "decade"),
    ("the 20th century", "19XX", "1900-01-01", "1999-12-31", "century"),
    ("about 2022", "2022~", "2022-01-01", "2022-12-31", "year"),
    ("Tuesday morning", "2023-12-19", "2023-12-19", "2023-12-19", "time"),
    ("before May 2023", "../2023-04-30", "None", "2023-04-30", "month"),
    ("since 2019", "2019-01-01/..", "2019-01-01", "None", "year"),
]


@pytest.mark.parametrize(
    ("expr", "edtf", "first", "last", "precision"), BOUNDS, ids=[b[0] for b in BOUNDS]
)
def test_edtf_and_bounds(expr, edtf, first, last, precision):
    timex = resolve(expr, WED, "past")
    assert timex is not None
    assert timex.edtf == edtf
    assert (str(timex.start_date), str(timex.end_date)) == (first, last)
    assert timex.precision == precision


@pytest.mark.parametrize("expr", ["two days", "now", "every week"])
def test_durations_and_refs_have_no_bounds(expr):
    timex = resolve(expr, WED)
    assert timex is not None
    assert (timex.edtf, timex.start_date, timex.end_date) == (None, None, None)


def test_timex_is_reexported_and_serialisable():
    timex = resolve("Dec. 18", WED)
    assert isinstance(timex, Timex)
    assert timex.as_dict()["start_date"] == "2023-12-18"
