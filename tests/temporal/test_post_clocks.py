"""Posts: hours and minutes with no preposition ("doors 7:30", "kickoff 3:00 tmrw") are a time
of day in a short text (the evening up to 7 or with an evening word, as "at 7" is), and
"at 7:30" in a post is in the evening when an evening word is in its sentence ("for dinner");
race times, scores, verses, ratios after a preposition and long texts keep no such time."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2024, 5, 22)  # a Wednesday


# (text, expected (span, value) pairs)
TABLE = [
    # positive: a bare hh:mm in a post, the evening up to 7 or with an evening word
    ("gig moved to friday!!! same venue, doors 7:30", [("friday", "2024-05-24"),
                                                      ("7:30", "2024-05-24T19:30")]),
    ("kickoff 3:00 tmrw", [("3:00 tmrw", "2024-05-23T15:00")]),
    ("quiz night, teams 8:15 sharp", [("8:15", "2024-05-22T20:15")]),
    ("coffee 10:30? usual place", [("10:30", "2024-05-22T10:30")]),
    ("alarm 6:15 again ugh", [("6:15", "2024-05-22T06:15")]),
    # positive: 'at 7:30' in a post with an evening word; without one it keeps its hour
    ("see u at 7:30 for dinner", [("7:30", "2024-05-22T19:30")]),
    ("flat viewing tmrw at 10:30 fingers crossed", [("tmrw", "2024-05-23"),
                                                    ("10:30", "2024-05-23T10:30")]),
    ("left at 7:45 and still not at work this morning", [("7:45", "2024-05-22T07:45"),
                                                         ("this morning", "2024-05-22TMO")]),
    # negative: race times, scores, verses, ratios, durations
    ("ran 3:45 at the marathon", []),
    ("finished in 2:58!!", []),
    ("John 3:16", []),
    ("final score 2:10 what a game", []),
    ("pace 5:30 per km", []),
    ("it's 50:50 at this point", []),
    ("the ratio fell to 3:45 from 4:10", []),
    ("left at 7:45 and still not at work", [("7:45", "2024-05-22T07:45")]),
]  # fmt: skip

#: A news paragraph (longer than a post): a bare hh:mm and 'at 7:30' keep their reading.
NEWS = (
    "The council said the ferry would leave at 7:30 and return in the afternoon. " * 9
    + "Ratio 3:10 applied."
)


@pytest.mark.parametrize(("text", "expected"), TABLE)
def test_post_clocks(text, expected):
    assert [(t.text, t.value) for t in annotate(text, PUB)] == expected


def test_news_clocks_unchanged():
    found = [(t.text, t.value) for t in annotate(NEWS, PUB)]
    assert ("7:30", "2024-05-22T07:30") in found
    assert all(text != "3:10" for text, _ in found)
