"""A date told with a verb that only relates a happening named in a phrase ("was behind",
"was responsible for", "was followed by") is that happening's (anchors._related_happening).
Invented rows."""

import datetime as dt

import pytest

from .helpers import titled

D = dt.date(2024, 3, 28)  # a Thursday


def _event(text: str, word: str):
    return titled(text, word, D)


@pytest.mark.parametrize(
    "text, word, start, end",
    [
        ("Police said the gang was behind two shootings in Leeds last week.", "shootings",
         "2024-03-18", "2024-03-24"),
        ("The militia was responsible for the bombing on Monday, officials said.", "bombing",
         "2024-03-25", "2024-03-25"),
        ("Infections climbed through the month, followed on Sunday by the first death.",
         "death", "2024-03-24", "2024-03-24"),
        ("The envoy was in Cairo for talks on Tuesday.", "talks", "2024-03-26", "2024-03-26"),
    ],
)  # fmt: skip
def test_the_named_happening_takes_the_date(text, word, start, end):
    date = _event(text, word).date
    assert (str(date.start), str(date.end)) == (start, end), date


@pytest.mark.parametrize(
    "text, word, start",
    [
        # the subject names the happening: its date stays the subject's
        ("The strike was over by Friday.", "strike", None),
        # a verb of its own keeps its date; the noun is what it was done for
        ("The minister flew to Cairo on Tuesday for talks.", "flies", "2024-03-26"),
    ],
)  # fmt: skip
def test_other_dates_stay(text, word, start):
    event = _event(text, word)
    assert str(event.date.start) == str(start), event.date
