"""Issue 24 (for the events package, issue 26): a date standing before a noun it modifies
("the first since the 2011 disaster") is flagged, since it dates that thing, which may be
another happening than the sentence's."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2024, 3, 6)

# (text, the date's span, modifies a noun?)
TABLE = [
    ("It was the first flood since the 2011 disaster.", "2011", True),
    ("A 1988 law bans the practice.", "1988", True),
    ("Lawyers appealed against Wednesday's ruling.", "Wednesday", True),
    ("Turnout beat last year's vote.", "last year", True),
    ("Its March 2022 report was withdrawn.", "March 2022", True),
    ("The company's 2011 profit fell.", "2011", True),
    # negative: the date of the clause, a date before a verb or preposition, or after one
    ("The disaster struck in 2011.", "2011", False),
    ("In 2011 the plant closed.", "2011", False),
    ("2011 was a bad year.", "2011", False),
    ("The plant closed on Wednesday, officials said.", "Wednesday", False),
    ("The vote of 2011 was close.", "2011", False),
    ("Sales rose last year and fell this year.", "last year", False),
    ("He left the club in the 2011 season's final week.", "2011", True),
]


@pytest.mark.parametrize(("text", "span", "flag"), TABLE)
def test_dates_modifying_a_noun_are_flagged(text, span, flag):
    (timex,) = [t for t in annotate(text, PUB) if t.text == span]
    assert timex.modifies_noun is flag


def test_only_dates_are_flagged():
    (timex,) = annotate("A two-year study found it.", PUB)
    assert (timex.type, timex.modifies_noun) == ("DURATION", False)
