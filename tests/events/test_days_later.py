"""A vague "days later" ("A few days later", "Days later", "several days later") counts from the
step told just before it (its sentence or the one before): from the day after a day to two weeks
on, from a month's first day to the end of the month after it, never past publication
(discourse._days_after). Invented rows."""

import datetime as dt

import pytest

from .helpers import titled

D = dt.date(2021, 6, 3)


def _event(text: str, word: str):
    return titled(text, word, D)


@pytest.mark.parametrize(
    "text, word, start, end",
    [
        # positive: after a month, to the end of the next
        ("In January, the insurer named a new chief executive. A few days later, the insurer "
         "announced sharply lower earnings.", "earnings", "2021-01-01", "2021-02-28"),
        ("The ferry operator cut its fares in March. Several days later, rivals cut theirs.",
         "rivals", "2021-03-01", "2021-04-30"),
        # positive: after a day, up to two weeks on, and never past publication
        ("Police arrested the driver on May 4. Days later, prosecutors charged him with murder.",
         "charge", "2021-05-05", "2021-05-18"),
        ("Police arrested the driver on May 30. Days later, prosecutors charged him with murder.",
         "charge", "2021-05-31", "2021-06-03"),
    ],
)  # fmt: skip
def test_days_later_counts_from_the_step_before(text, word, start, end):
    date = _event(text, word).date
    assert (str(date.start), str(date.end)) == (start, end), date


@pytest.mark.parametrize(
    "text, word, start, end",
    [
        # negative: a year counts too coarse a step
        ("In 2015, the brewer bought a rival. A few days later, the brewer cut 300 jobs.",
         "jobs", "None", "2021-06-03"),
        # negative: the step told two sentences back is too far
        ("In January, the insurer named a new chief. The board met often. Its shares were "
         "volatile. A few days later, the insurer sold a unit.", "sell", "None", "2021-06-03"),
        # negative: an exact "two days later" keeps its own reading
        ("Police arrested the driver on May 4. Two days later, prosecutors charged him.",
         "charge", "2021-05-06", "2021-05-06"),
    ],
)  # fmt: skip
def test_other_clauses_keep_their_dates(text, word, start, end):
    date = _event(text, word).date
    assert (str(date.start), str(date.end)) == (start, end), date
