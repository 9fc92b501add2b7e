"""The counts of one toll told together are one happening (issue 26, precision): "At least 30
were killed and more than 200 injured" tells the dead and the hurt of one blast, not two events.
A casualty verb coordinated with another, or told beside it with a bare count for its subject,
joins it; counts on different days, and a casualty beside another kind of deed, stay apart.
Invented rows, positive and negative."""

import datetime as dt

import pytest

from service.events import extract

D = dt.date(2021, 5, 14)


def casualty_events(text: str) -> list[str]:
    words = ("kill", "injur", "wound", "hurt")
    return [e.title for e in extract(text, D) if any(w in e.title.lower() for w in words)]


@pytest.mark.parametrize(
    "text",
    [
        "A bus exploded in Varna on Tuesday. At least 30 were killed and more than 200 injured,"
        " police said.",
        "Local officials say as many as 4,000 people have been killed, 9,000 injured and 20,000"
        " left homeless.",
        "Twelve miners were killed and 40 wounded in the blast at the Oroz mine on Monday.",
        "Four soldiers were wounded and two were killed on Wednesday.",
        "The strike on the market killed nine civilians and injured 25 others, the ministry said.",
    ],
)
def test_counts_of_one_toll_are_one_event(text):
    assert len(casualty_events(text)) == 1, casualty_events(text)


@pytest.mark.parametrize(
    "text",
    [
        # counts of two days, in two places
        "Five people were killed on Monday in Tarsa and two more were wounded on Wednesday in"
        " Ozal.",
        # two sentences: two counts told apart
        "Six people were killed in Tarsa on Monday. On Thursday, 14 were injured in Ozal.",
    ],
)
def test_counts_of_different_days_stay_apart(text):
    assert len(casualty_events(text)) == 2, casualty_events(text)


def test_a_casualty_beside_another_deed_stays_apart():
    titles = [
        e.title
        for e in extract("Five people were killed on Monday and the army arrested two men.", D)
    ]
    assert any("kill" in t.lower() for t in titles) and any("arrest" in t.lower() for t in titles)
