"""Issue 24, class 1: present-tense and passive schedules point ahead ("heavy rain is forecast
for Thursday", "the summit is on Friday"); reports and past clauses still point back."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2024, 3, 6)  # a Wednesday


def values(text: str, published: dt.date = PUB) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in annotate(text, published)]


# (text, expected (span, value) pairs); published Wednesday 2024-03-06
SCHEDULES = [
    # positive: the schedule lies ahead
    ("Heavy rain is forecast for Thursday.", [("Thursday", "2024-03-07")]),
    ("Snow is forecast on Sunday across the hills.", [("Sunday", "2024-03-10")]),
    ("Forecasters predict gales for Saturday.", [("Saturday", "2024-03-09")]),
    ("The summit is on Friday.", [("Friday", "2024-03-08")]),
    ("The final is on Sunday in Paris.", [("Sunday", "2024-03-10")]),
    ("The vote is due on Monday.", [("Monday", "2024-03-11")]),
    ("Talks are set for Tuesday.", [("Tuesday", "2024-03-12")]),
    ("The company is set to report results on Tuesday.", [("Tuesday", "2024-03-12")]),
    ("The hearing is scheduled for Thursday.", [("Thursday", "2024-03-07")]),
    ("The launch is slated for Friday.", [("Friday", "2024-03-08")]),
    (
        "The meeting is on Monday and the deadline was on Tuesday.",
        [("Monday", "2024-03-11"), ("Tuesday", "2024-03-05")],
    ),  # fmt: skip
    ("The ceremony is in April.", [("April", "2024-04")]),
    # present-tense and progressive schedules
    ("The minister is meeting his counterpart on Friday.", [("Friday", "2024-03-08")]),
    ("Unions are holding a strike on Monday.", [("Monday", "2024-03-11")]),
    ("The summit takes place on Thursday.", [("Thursday", "2024-03-07")]),
    ("The sale ends on Friday.", [("Friday", "2024-03-08")]),
    ("Voters head to the polls on Sunday.", [("Sunday", "2024-03-10")]),
    ("Schools reopen on Monday after the storm.", [("Monday", "2024-03-11")]),
    # negative: a report, a past clause or a past participle points back
    ("The talks were held on Friday.", [("Friday", "2024-03-01")]),
    ("The minister said on Tuesday that taxes would rise.", [("Tuesday", "2024-03-05")]),
    ("The minister on Monday said taxes would rise.", [("Monday", "2024-03-04")]),
    ("The head of the agency on Monday said it would act.", [("Monday", "2024-03-04")]),
    ("Police are investigating a shooting on Monday.", [("Monday", "2024-03-04")]),
    ("The company is facing charges filed on Monday.", [("Monday", "2024-03-04")]),
    ("The report, published on Monday, said exports fell.", [("Monday", "2024-03-04")]),
    ("The toll from the quake on Monday rose to 300.", [("Monday", "2024-03-04")]),
    ("Rain that was forecast for Thursday never came.", [("Thursday", "2024-02-29")]),
    ("The ceremony was in June.", [("June", "2023-06")]),
    ("The ceremony is in June.", [("June", "2024-06")]),
]


@pytest.mark.parametrize(("text", "expected"), SCHEDULES)
def test_schedules_point_ahead_and_reports_back(text, expected):
    assert values(text) == expected
