"""Issue 24: three wrong readings: a month listed after another ("in May and June") keeps the
first one's year, the capitalised month "May" is no modal; a present-tense clock time in news
is not carried back to a long-past day told before it; "the same month thirty years later"
after a bare year is that year moved, at year precision, and so is "ten years later"."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2024, 3, 10)


def values(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in annotate(text, PUB, document_type="news")]


# (text, expected (span, value) pairs); published Sunday 2024-03-10
TABLE = [
    # a listed month shares the first one's year
    ("Snow melted in May and June.", [("May", "2023-05"), ("June", "2023-06")]),
    ("Snow melted in May and in June.", [("May", "2023-05"), ("June", "2023-06")]),
    ("Prices rose in April and May.", [("April", "2024-04"), ("May", "2024-05")]),
    (
        "Exports climbed in May, June and July.",
        [("May", "2023-05"), ("June", "2023-06"), ("July", "2023-07")],
    ),
    ("Storms struck in December and January.", [("December", "2023-12"), ("January", "2024-01")]),
    ("The mine flooded in July or in June.", [("July", "2023-07"), ("June", "2023-06")]),
    # negative: the future keeps its own reading; a month in another sentence is read alone
    ("The fair will open in May and June.", [("May", "2024-05"), ("June", "2024-06")]),
    ("Exports fell in May. June looks better.", [("May", "2023-05"), ("June", "2024-06")]),
    # "May" the month is no modal for the date after it
    ("Rain poured between May and August.", [("May", "2023-05"), ("August", "2023-08")]),
    # negative: the lower-case modal still points ahead
    ("The board may meet in June.", [("June", "2024-06")]),
    # a present-tense clock time after a long-past day is the publication day's
    (
        "Women first voted here on Nov. 2, 1920. Voting ends at 6 p.m.",
        [("Nov. 2, 1920", "1920-11-02"), ("6 p.m.", "2024-03-10T18:00")],
    ),
    (
        "The county was formed on June 3, 1920. Polls close at 8 p.m.",
        [("June 3, 1920", "1920-06-03"), ("8 p.m.", "2024-03-10T20:00")],
    ),
    # negative: a past-tense clock time stays on the day told
    (
        "The county was formed on June 3, 1920. The polls closed at 8 p.m.",
        [("June 3, 1920", "1920-06-03"), ("8 p.m.", "1920-06-03T20:00")],
    ),
    # negative: a recent day told keeps its clock times, as before
    (
        "The fire broke out on March 8. Crews arrive at 6 a.m.",
        [("March 8", "2024-03-08"), ("6 a.m.", "2024-03-08T06:00")],
    ),
    # "the same month N years later" after a bare year: that year moved, at year precision
    (
        "The mill opened in 1950. It shut the same month thirty years later.",
        [("1950", "1950"), ("the same month thirty years later", "1980")],
    ),
    (
        "The pier was rebuilt in 1931; it burned the same month two years earlier.",
        [("1931", "1931"), ("the same month two years earlier", "1929")],
    ),
    # negative: a month told keeps its month; this year's month is the publication's
    (
        "The mill opened in March 1950. It shut the same month thirty years later.",
        [("March 1950", "1950-03"), ("the same month thirty years later", "1980-03")],
    ),
    (
        "Sales rose this year, after a fall the same month a year earlier.",
        [("this year", "2024"), ("the same month a year earlier", "2023-03")],
    ),
    # "N years later" after a past year told (not a scene-setter) counts from that year
    (
        "The mill opened in 1950. It shut ten years later.",
        [("1950", "1950"), ("ten years later", "1960")],
    ),
    (
        "The tunnel was dug in May 1961 and flooded twenty years later.",
        [("May 1961", "1961-05"), ("twenty years later", "1981")],
    ),
    # negative: a clause about the future counts from publication
    (
        "The mill opened in 1950. Its owners will sell it five years later.",
        [("1950", "1950"), ("five years later", "2029")],
    ),
]


@pytest.mark.parametrize("text,expected", TABLE)
def test_told_coordination(text, expected):
    assert values(text) == expected
