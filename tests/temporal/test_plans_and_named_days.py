"""Issue 24, round 5 (from two narrative texts and fifteen posts written and scored first):
"the same month a year ago" after another date; plans in a reduced passive ("snow forecast
for the weekend", "rescheduled for the 28th"); "Thursday next week"; "sat 26th"; the first
clock of a range on the day after the second; counts in thousands."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2025, 11, 20)  # a Thursday


def values(text: str, pub: dt.date = PUB) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in annotate(text, pub)]


# "ago" and "last year" after "the same month / week" count from the publication, whatever
# date the text told before; "a year earlier / later" still count from the date told
SAME_PERIOD = [
    ("A year ago the plan was shelved. The same month a year ago, a fire closed the mill.",
     [("A year ago", "2024"), ("The same month a year ago", "2024-11")]),
    ("The pier opened in June 1931. The same month a year ago, a storm damaged it.",
     [("June 1931", "1931-06"), ("The same month a year ago", "2024-11")]),
    ("The bank was founded in 1974. The same week last year, it cut 40 jobs.",
     [("1974", "1974"), ("The same week last year", "2024-W47")]),
    # negative: "a year earlier" looks back from the month told
    ("The pier opened in June 1931. The same month a year earlier, a storm hit the coast.",
     [("June 1931", "1931-06"), ("The same month a year earlier", "1930-06")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SAME_PERIOD)
def test_same_period_ago_counts_from_publication(text, expected):
    assert values(text) == expected


# a plan in a reduced passive right before its day (headlines, posts): the day ahead
PLANNED_FOR = [
    ("Heavy snow forecast for Saturday.", [("Saturday", "2025-11-22")]),
    ("snow forecast for the weekend, roads already icy this morning",
     [("the weekend", "2025-W47-WE"), ("this morning", "2025-11-20TMO")]),
    ("Strike action set for Monday after talks fail.", [("Monday", "2025-11-24")]),
    ("gig cancelled tonight. rescheduled for the 28th",
     [("tonight", "2025-11-20TNI"), ("the 28th", "2025-11-28")]),
    ("The hearing was moved to the 3rd.", [("the 3rd", "2025-12-03")]),
    ("Results due on Monday.", [("Monday", "2025-11-24")]),
    ("The meeting was rescheduled for Monday.", [("Monday", "2025-11-24")]),
    # negatives: a plan already old, a noun, a record set
    ("The vote was set for Monday but collapsed.", [("Monday", "2025-11-17")]),
    ("The forecast for March was cut.", [("March", "2025-03")]),
    ("The index ended near its record high set on Aug. 6.", [("Aug. 6", "2025-08-06")]),
    ("He finished for the 3rd time.", []),
    ("The vote had been rescheduled for Monday but was held on Friday.",
     [("Monday", "2025-11-17"), ("Friday", "2025-11-14")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), PLANNED_FOR)
def test_plan_in_reduced_passive_is_ahead(text, expected):
    assert values(text) == expected


# a day name with its week or its day of the month: one expression
NAMED_DAYS = [
    ("The vote is on Thursday next week.", [("Thursday next week", "2025-11-27")]),
    ("bin day moved to thurs next week", [("thurs next week", "2025-11-27")]),
    ("Talks ended on Monday last week.", [("Monday last week", "2025-11-10")]),
    ("open house sat 29th, all welcome", [("sat 29th", "2025-11-29")]),
    ("The gala is on Saturday 6th.", [("Saturday 6th", "2025-12-06")]),
    # negatives: "last week's" belongs to its noun; "sat" a verb before a rank
    ("He said Monday last week's figures were weak.",
     [("Monday", "2025-11-17"), ("last week", "2025-W46")]),
    ("we sat 3rd in the league", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), NAMED_DAYS)
def test_day_name_with_week_or_day_of_month(text, expected):
    assert values(text) == expected


# the first clock of a range falls on the day written after the second
CLOCK_RANGES = [
    ("open house 10am-2pm sat 29th, all welcome",
     [("10am", "2025-11-29T10:00"), ("2pm sat 29th", "2025-11-29T14:00")]),
    ("market 9am to 1pm saturday",
     [("9am", "2025-11-22T09:00"), ("1pm saturday", "2025-11-22T13:00")]),
    ("Shops open from 9 a.m. to 5 p.m. on Dec. 24.",
     [("9 a.m.", "2025-12-24T09:00"), ("5 p.m. on Dec. 24", "2025-12-24T17:00")]),
    ("Doors open 7pm-11pm Friday 28th.",
     [("7pm", "2025-11-28T19:00"), ("11pm Friday 28th", "2025-11-28T23:00")]),
    ("The gala starts at 8 p.m. on Saturday the 6th.",
     [("8 p.m. on Saturday the 6th", "2025-12-06T20:00")]),
    # negative: a clock in another sentence keeps its own day
    ("The shop opened at 9am. Then at 5pm on Friday it closed.",
     [("9am", "2025-11-20T09:00"), ("5pm on Friday", "2025-11-14T17:00")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CLOCK_RANGES)
def test_first_clock_of_range_on_the_day_after(text, expected):
    assert values(text) == expected


# a day name listed right after another is the first such day after it, whatever the
# clause's tense says of the second alone
LISTED_DAYS = [
    ("Voters go to the polls on Saturday and Sunday.",
     [("Saturday", "2025-11-22"), ("Sunday", "2025-11-23")]),
    ("Strikes planned for Monday and Tuesday were called off.",
     [("Monday", "2025-11-24"), ("Tuesday", "2025-11-25")]),
    ("The tournament runs from 10am to 6pm on Saturday and Sunday.",
     [("10am", "2025-11-22T10:00"), ("6pm on Saturday", "2025-11-22T18:00"),
      ("Sunday", "2025-11-23")]),
    ("Shops will open Monday, Tuesday and Friday.",
     [("Monday", "2025-11-24"), ("Tuesday", "2025-11-25"), ("Friday", "2025-11-28")]),
    ("Protests took place on Saturday and Sunday.",
     [("Saturday", "2025-11-15"), ("Sunday", "2025-11-16")]),
    # negatives: a day gone is not carried past the publication day; another sentence
    ("Talks were held on Tuesday and Friday.",
     [("Tuesday", "2025-11-18"), ("Friday", "2025-11-14")]),
    ("Talks were held on Wednesday and Thursday.",
     [("Wednesday", "2025-11-19"), ("Thursday", "2025-11-20")]),
    ("He met her on Monday. On Tuesday, she left.",
     [("Monday", "2025-11-17"), ("Tuesday", "2025-11-18")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), LISTED_DAYS)
def test_listed_day_follows_the_one_before(text, expected):
    assert values(text) == expected


# a present-tense schedule verb or "is out on" before a day: the day ahead
PRESENT_SCHEDULES = [
    ("The report is out on Tuesday.", [("Tuesday", "2025-11-25")]),
    ("The embargo lifts at midnight on Sunday.", [("midnight on Sunday", "2025-11-23T24:00")]),
    ("The strike enters its third week on Monday.", [("Monday", "2025-11-24")]),
    ("The court rules on Monday whether the law stands.", [("Monday", "2025-11-24")]),
    ("She turns 90 on Sunday.", [("Sunday", "2025-11-23")]),
    # negatives: the same told in the past
    ("The report was out on Tuesday.", [("Tuesday", "2025-11-18")]),
    ("The embargo lifted at midnight on Sunday.", [("midnight on Sunday", "2025-11-16T24:00")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), PRESENT_SCHEDULES)
def test_present_schedule_is_ahead(text, expected):
    assert values(text) == expected


# counts in thousands; before year 1 "ago" names no calendar year
THOUSANDS = [
    ("Families kept the secret for more than two thousand years.",
     [("more than two thousand years", "P2000Y")]),
    ("The forest stood for ten thousand years.", [("ten thousand years", "P10000Y")]),
    ("The town was settled two thousand years ago.", [("two thousand years ago", "0025")]),
    ("The town was settled three thousand years ago.", [("three thousand years ago", "PAST_REF")]),
    ("The town was settled two hundred years ago.", [("two hundred years ago", "1825")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), THOUSANDS)
def test_counts_in_thousands(text, expected):
    assert values(text) == expected
