"""Issue 24, posts class: clock times with no date, "tonight"/"this morning", lower-case day
names with no tense cue, plans moved to a day, "this weekend" late in the week."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2024, 5, 22)  # a Wednesday


def values(text: str, published: dt.date = PUB) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in annotate(text, published)]


# (text, expected (span, value) pairs); published Wednesday 2024-05-22 unless said
TABLE = [
    # clock times with no date: the day of the post (or the day just named)
    ("left at 7:45 and still not at work", [("7:45", "2024-05-22T07:45")]),
    (
        "the shop is shut until 13:30 today",
        [("13:30 today", "2024-05-22T13:30")],
    ),
    ("market on sunday from 9am", [("sunday", "2024-05-26"), ("9am", "2024-05-26T09:00")]),
    ("quiz tonight?? starts 8pm", [("tonight", "2024-05-22TNI"), ("8pm", "2024-05-22T20:00")]),
    ("so cold this morning", [("this morning", "2024-05-22TMO")]),
    # negative: scores, ratios, race times and sums are no clock times
    ("finished the half marathon in 1:58!!", []),
    ("the ratio fell to 3:45 from 4:10", []),
    ("won 3:1 at half time", []),
    ("odds of 7:2 at the bookies", []),
    # lower-case day names with no tense cue: the next one (today's is today)
    ("gig on friday!!! same venue", [("friday", "2024-05-24")]),
    ("storm warning for wednesday night", [("wednesday night", "2024-05-22TNI")]),
    ("Storm warning for thursday night", [("thursday night", "2024-05-23TNI")]),
    ("can't believe it's wednesday again", [("wednesday", "2024-05-22")]),
    # negative: a tense cue still decides; capitalised names in news keep the past default
    ("we went on monday, it was great", [("monday", "2024-05-20")]),
    ("The council met Monday.", [("Monday", "2024-05-20")]),
    ("our cat went missing on saturday evening", [("saturday evening", "2024-05-18TEV")]),
    # a plan moved to a day lies ahead
    ("gig got moved to friday", [("friday", "2024-05-24")]),
    ("The hearing was postponed to Friday.", [("Friday", "2024-05-24")]),
    ("The vote was moved to Thursday, officials said.", [("Thursday", "2024-05-23")]),
    # "this weekend": said on a Thursday, the coming one; on a Monday, the one just past
    ("back again this weekend", [("this weekend", "2024-W21-WE")], dt.date(2024, 5, 23)),
    ("what a game this weekend", [("this weekend", "2024-W20-WE")], dt.date(2024, 5, 20)),
]


@pytest.mark.parametrize("row", TABLE, ids=[row[0] for row in TABLE])
def test_posts(row):
    text, expected, published = (*row, PUB)[:3]
    assert values(text, published) == expected
