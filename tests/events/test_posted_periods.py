"""Figures posted for a period: a verb that posts a figure ("posted a third-quarter net loss",
"reported record first-half sales") is dated by the period that modifies its object
(discourse._posted); a year-ago figure told with "versus ... a year earlier" or "compared with a
profit a year earlier" is the comparison's, not the clause's (discourse._FROM_BARE); a
"year-earlier" period is no period later figures are told for (discourse._EARLIER_PERIOD).
Invented rows."""

import datetime as dt

import pytest

from .helpers import titled

D = dt.date(2017, 11, 2)


def _event(text: str, word: str):
    return titled(text, word, D)


@pytest.mark.parametrize(
    "text, word, start, end",
    [
        # positive: the period of the posted figure
        ("Separately, Harlow Mining posted a third-quarter net loss of $4.1 million, or 12 cents "
         "a share, versus net income of $2.2 million, or 6 cents a share, a year earlier.",
         "loss", "2017-07-01", "2017-09-30"),
        ("The brewer reported third-quarter sales of $310 million, compared with $295 million a "
         "year earlier.", "sales", "2017-07-01", "2017-09-30"),
        ("The lender booked a second-quarter profit of $80 million versus a loss a year earlier.",
         "profit", "2017-04-01", "2017-06-30"),
        ("Kestrel Foods posted a 2016 net loss of $9 million.", "loss", "2016-01-01",
         "2016-12-31"),
        ("Harlow recorded third-quarter deliveries of 4,000 cars, up from 3,100 a year earlier.",
         "deliveries", "2017-07-01", "2017-09-30"),
    ],
)  # fmt: skip
def test_posted_figure_takes_its_period(text, word, start, end):
    date = _event(text, word).date
    assert (str(date.start), str(date.end)) == (start, end), date


@pytest.mark.parametrize(
    "text, word",
    [
        # negative: a year-ago figure is no date of the clause
        ("The insurer posted a loss of $3 million versus a profit a year earlier.", "loss"),
        ("Harlow posted a net loss of $4.1 million versus net income of $2.2 million, or 6 "
         "cents a share, a year earlier.", "loss"),
        # negative: a "year-earlier" period dates no figure told after it
        ("Harlow's results were mixed. Year-earlier results included a one-time gain. Revenue "
         "rose 8% to $90 million.", "revenue"),
    ],
)  # fmt: skip
def test_year_ago_figure_dates_nothing(text, word):
    date = _event(text, word).date
    assert date.start is None and date.end == D, date


@pytest.mark.parametrize(
    "text, word, start",
    [
        # negative: a saying about a figure is not posting it; no period, no date
        ("The airline announced a third-quarter loss.", "announce", None),
        ("The airline announced a third-quarter loss on Friday.", "announce", "2017-10-27"),
    ],
)  # fmt: skip
def test_other_verbs_keep_their_dates(text, word, start):
    date = _event(text, word).date
    assert str(date.start) == str(start), date
