"""Issue 24, posts class (part 3): "2nite", "2moro", "next wk", "this am", "the wknd", a month
and day with no year ("on 12/3"), a short day alone after a preposition ("tickets for sat??")
or before a clock ("wed 9am"), "3pm tmrw", and an hour after "tonight" read in the evening."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2024, 10, 2)  # a Wednesday


def values(text: str, published: dt.date = PUB) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in annotate(text, published)]


# (text, expected (span, value) pairs[, published]); published Wednesday 2024-10-02
TABLE = [
    # post spellings of today, tonight, tomorrow
    ("curry club 2nite, who's in", [("2nite", "2024-10-02TNI")]),
    ("exam 2moro, no sleep", [("2moro", "2024-10-03")]),
    ("feeling great 2day", [("2day", "2024-10-02")]),
    # negative: a number before another word
    ("2 nights in a row", [("2 nights", "P2D")]),
    # "wk" for week
    ("dentist next wk ugh", [("next wk", "2024-W41")]),
    ("this wk has been long", [("this wk", "2024-W40")]),
    ("3 wks till payday", [("3 wks", "P3W")]),
    # negative: "wk" after a number is a count, not a week named
    ("the 2nd wk was better", []),
    # "this am", "this pm": the part of the day posted
    ("ran 5k this am in the rain", [("this am", "2024-10-02TMO")]),
    ("nap this pm then work", [("this pm", "2024-10-02TAF")]),
    # negative: "AM" in capitals is a radio band or an hour written elsewhere
    ("listening to this AM station", []),
    ("this am i right?", []),
    # "the wknd" said from Wednesday with no tense: the coming one
    ("off to the coast for the wknd", [("the wknd", "2024-W40-WE")]),
    # negative: told in the past, the one just gone
    ("we went to the coast for the weekend", [("the weekend", "2024-W39-WE")]),
    # a month and day with no year after a preposition: the reading nearest the post
    ("gig on 12/3 at the union", [("12/3", "2024-12-03")], dt.date(2024, 11, 28)),
    ("bake sale on 12/10 pls bring cakes", [("12/10", "2024-10-12")], dt.date(2024, 10, 5)),
    ("mums bday is 3/15", [("3/15", "2025-03-15")], dt.date(2025, 3, 7)),
    # negative: fractions, scores, a mixed number, no preposition
    ("add 1/2 of the flour", []),
    ("won on 3/4 of the votes", []),
    ("the shop is open 24/7", []),
    ("scored 7/10 for that", []),
    # a lower-case abbreviated month before a day or a year; with no tense, a plan ahead
    ("my bday is sept 3 🎂", [("sept 3", "2024-09-03")], dt.date(2024, 8, 14)),
    ("flying out dec 20!!", [("dec 20", "2024-12-20")], dt.date(2024, 3, 6)),
    ("the jan 2023 sales were bad", [("jan 2023", "2023-01")]),
    # negative: told in the past; an abbreviation with no number
    ("flew out dec 20", [("dec 20", "2023-12-20")], dt.date(2024, 3, 6)),
    ("the dec was wrong", []),
    # a short day name alone after a preposition, before the end of its phrase
    ("anyone selling tickets for sat?? will pay", [("sat", "2024-10-05")]),
    ("back at work from mon!", [("mon", "2024-10-07")]),
    # negative: words, not days
    ("we sat on the wall", []),
    ("lying out for sun today", [("today", "2024-10-02")]),
    ("put it on sat nav", []),
    ("I sat. Then left", []),
    # a short day before a clock: one TIME
    ("exam wed 9am, pray for me", [("wed 9am", "2024-10-02T09:00")]),
    ("dentist thu 3pm", [("thu 3pm", "2024-10-03T15:00")]),
    # a clock before "tmrw": that day
    ("meeting moved to 3pm tmrw", [("3pm tmrw", "2024-10-03T15:00")]),
    # an hour with no am/pm after a preposition, in a sentence about tonight: the evening
    ("tonight: fireworks from 6:30", [("tonight", "2024-10-02TNI"), ("6:30", "2024-10-02T18:30")]),
    # a weekday with its hour and no tense: a listing, ahead
    ("Fri 7pm at the Crown", [("Fri 7pm", "2024-10-04T19:00")]),
    ("Saturday, 8 p.m., at the hall", [("Saturday, 8 p.m.", "2024-10-05T20:00")]),
    # negative: told in the past
    ("Friday 3pm was chaos", [("Friday 3pm", "2024-09-27T15:00")]),
    (
        "The market closed on Friday at 4 p.m.",
        [("Friday", "2024-09-27"), ("4 p.m.", "2024-09-27T16:00")],
    ),
    # "@" for "at" before a clock time
    ("lunch @ 12:30", [("12:30", "2024-10-02T12:30")]),
    ("lunch @12:30?", [("12:30", "2024-10-02T12:30")]),
    # negative: a score or a ratio after "@" is no time
    ("won 3:45 @ home", []),
    # a bare hour after "at"/"@" closing its phrase, in a post: the evening up to 7, or with
    # an evening word; the morning with a morning word
    ("see u at 7 🍻", [("7", "2024-10-02T19:00")]),
    ("dinner at 8!", [("8", "2024-10-02T20:00")]),
    ("coffee at 10?", [("10", "2024-10-02T10:00")]),
    ("breakfast at 7!", [("7", "2024-10-02T07:00")]),
    # negative: a level, a score, a number read on, a long text
    ("The index closed at 9.", []),
    ("we were at 3 all day", []),
    ("at 5 percent it is cheap", []),
    ("Shares of the bank, which " + "rose sharply " * 60 + "stood firm, met at 7!", []),
    # negative: no evening named, the hour as written
    ("shop open from 9:30 as usual", [("9:30", "2024-10-02T09:30")]),
]


@pytest.mark.parametrize("row", TABLE, ids=[row[0] for row in TABLE])
def test_post_spellings(row):
    text, expected, published = (*row, PUB)[:3]
    assert values(text, published) == expected
