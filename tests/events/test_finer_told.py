"""A happening dated only by a coarse expression of its own ("last year's embassy blasts")
takes the day another of its mentions is told at, when that day lies inside it ("the bombings
which killed 224 people ... on Aug. 7, 1998"): the finest date the text gives it
(extract._finer_told). Invented rows, on hand-built groups."""

import datetime as dt
import importlib
from types import SimpleNamespace

import pytest

from service.events import dates
from service.temporal.model import Timex

extract = importlib.import_module("service.events.extract")


def _timex(value: str, start: str, end: str, precision: str) -> Timex:
    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    return Timex(0, 4, value, "DATE", value, value, first, last, precision)


YEAR = _timex("2020", "2020-01-01", "2020-12-31", "year")
MONTH = _timex("2020-05", "2020-05-01", "2020-05-31", "month")
DAY = _timex("2020-08-07", "2020-08-07", "2020-08-07", "day")
EARLIER = _timex("2019-08-07", "2019-08-07", "2019-08-07", "day")


def _group(own: Timex | None, basis: str = "expression", status: str = "occurred"):
    head = SimpleNamespace(index=0, status=status, kind="event")
    other = SimpleNamespace(index=1, status=status, kind="event")
    date = dates.from_timex(own, basis) if own is not None else None
    return SimpleNamespace(head=head, members=[head, other], date=date)


@pytest.mark.parametrize(
    "own, basis, status, told, start, end",
    [
        # positive: a day told inside the year, the month
        (YEAR, "expression", "occurred", {1: DAY}, "2020-08-07", "2020-08-07"),
        (MONTH, "expression", "occurred", {1: _timex("2020-05-12", "2020-05-12", "2020-05-12",
                                                     "day")}, "2020-05-12", "2020-05-12"),
        # negative: a day outside the year, no day told, a day of its own, a month told
        (YEAR, "expression", "occurred", {1: EARLIER}, None, None),
        (YEAR, "expression", "occurred", {}, None, None),
        (DAY, "expression", "occurred", {1: DAY}, None, None),
        (YEAR, "expression", "occurred", {1: MONTH}, None, None),
        # negative: a date inherited from another clause, a plan
        (YEAR, "narrative", "occurred", {1: DAY}, None, None),
        (YEAR, "expression", "planned", {1: DAY}, None, None),
    ],
)  # fmt: skip
def test_a_coarse_date_takes_a_day_told_inside_it(own, basis, status, told, start, end):
    finer = extract._finer_told(_group(own, basis, status), told)
    if start is None:
        assert finer is None, finer
    else:
        assert (str(finer.start), str(finer.end), finer.basis) == (start, end, "narrative")
