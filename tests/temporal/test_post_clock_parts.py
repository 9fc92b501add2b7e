"""Posts: a clock time right before the part of a day counted from today ("9am this morning",
"at 3 this afternoon", "11pm last night", "6am tomorrow morning") is one TIME on that day, its
hour read in that part; a clock time with "around" and no preposition ("around 3:30") is read
(it was dropped); a lower-case short day name after a clock ("party 9pm sat!", "6pm mon") is
that day, "sat", "sun", "wed" only closing their phrase."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2024, 5, 15)  # a Wednesday


def values(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in annotate(text, PUB)]


PARTS = [
    # positive: the clock and the part of the day as one TIME
    ("9am this morning was chaos", [("9am this morning", "2024-05-15T09:00")]),
    ("train was cancelled at 10:30 this morning", [("10:30 this morning", "2024-05-15T10:30")]),
    ("meet at 3 this afternoon?", [("3 this afternoon", "2024-05-15T15:00")]),
    ("11pm last night and still no bus", [("11pm last night", "2024-05-14T23:00")]),
    ("got home at 11 last night", [("11 last night", "2024-05-14T23:00")]),
    ("woke at 2am last night, thunder", [("2am last night", "2024-05-15T02:00")]),
    ("flight 6am tomorrow morning", [("6am tomorrow morning", "2024-05-16T06:00")]),
    ("at 6 tomorrow morning we leave", [("6 tomorrow morning", "2024-05-16T06:00")]),
    ("called at 4 yesterday afternoon", [("4 yesterday afternoon", "2024-05-14T16:00")]),
    ("see you about 8 tonight", [("8 tonight", "2024-05-15T20:00")]),
    # negative: a part told from the story stays its own expression; no clock, no join
    ("It sank at 2:20 a.m. the next morning.",
     [("2:20 a.m.", "2024-05-15T02:20"), ("the next morning", "2024-05-16TMO")]),
    ("road shut this morning at 8!",
     [("this morning", "2024-05-15TMO"), ("8", "2024-05-15T08:00")]),
    ("scored 3 this afternoon", [("this afternoon", "2024-05-15TAF")]),
    ("tomorrow at 3pm", [("tomorrow", "2024-05-16"), ("3pm", "2024-05-16T15:00")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), PARTS)
def test_clock_before_a_part_of_the_day(text, expected):
    assert values(text) == expected


AROUND = [
    # positive: "around" before hours and minutes in a post
    ("see you around 3:30 then", [("3:30", "2024-05-15T15:30")]),
    ("coffee around 10:15?", [("10:15", "2024-05-15T10:15")]),
    # negative: a bare hour after "around" is no clock; a race time keeps none
    ("call me around 4", []),
    ("ran around 3:45 at the marathon", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), AROUND)
def test_around_a_clock(text, expected):
    assert values(text) == expected


SHORT_DAYS = [
    # positive: a post's short day after a clock time
    ("party 9pm sat!", [("9pm sat", "2024-05-18T21:00")]),
    ("meet 6pm mon", [("6pm mon", "2024-05-20T18:00")]),
    ("doors 7pm thu, be there", [("7pm thu", "2024-05-16T19:00")]),
    ("7pm on sat?", [("7pm on sat", "2024-05-18T19:00")]),
    ("closed at 5pm mon", [("5pm mon", "2024-05-13T17:00")]),
    # negative: "sat", "sun" as words; a capitalised word; a long text keeps the clock alone
    ("at 9pm sat down with friends", [("9pm", "2024-05-15T21:00")]),
    ("by 9pm sun was gone", [("9pm", "2024-05-15T21:00")]),
    ("at 9pm Sat Nav failed", [("9pm", "2024-05-15T21:00")]),
    ("The shop shut at 6pm mon " + "and the rest of the week was quiet. " * 20,
     [("6pm", "2024-05-15T18:00")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SHORT_DAYS)
def test_short_day_after_a_clock(text, expected):
    assert values(text) == expected


RANGES = [
    # positive: the first hour of a range of clock times takes the second's half and day
    ("drop in from 2 to 4pm", [("2", "2024-05-15T14:00"), ("4pm", "2024-05-15T16:00")]),
    ("open 11-1pm", [("11", "2024-05-15T11:00"), ("1pm", "2024-05-15T13:00")]),
    ("office hours 10-11:30am tmrw",
     [("10", "2024-05-16T10:00"), ("11:30am tmrw", "2024-05-16T11:30")]),
    ("from 10 to 11am friday", [("10", "2024-05-17T10:00"), ("11am friday", "2024-05-17T11:00")]),
    ("The polls are open from 7 a.m. to 9 p.m.",
     [("7 a.m.", "2024-05-15T07:00"), ("9 p.m.", "2024-05-15T21:00")]),
    # negative: no a.m./p.m. after the second number: a score, a count, no clock
    ("she scored 3-2", []),
    ("between 2 and 4 people came", []),
    ("the ratio fell to 3:45 from 4:10", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), RANGES)
def test_first_hour_of_a_range(text, expected):
    assert values(text) == expected
