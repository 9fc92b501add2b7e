"""Class 1 of issue 14: narrative anchoring. Year-less and relative dates read from the time
the text is telling (its time line), in narrative text and in news background passages."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate, timeline

PUB = dt.date(2024, 3, 1)


def found(text: str, published: dt.date = PUB, document_type: str | None = None) -> list:
    """(span text, value) in text order; every span is checked against the text."""
    out = []
    for t in annotate(text, published, document_type):
        assert text[t.start : t.end] == t.text
        out.append((t.text, t.value))
    return out


# (text, document_type, expected (span, value) pairs)
NARRATIVE_TABLE = [
    (
        "In 1917 the army retreated. On 15 May it counter-attacked.",
        "narrative",
        [("1917", "1917"), ("15 May", "1917-05-15")],
    ),
    (
        "The plant opened in 2008. That September it closed.",
        "narrative",
        [("2008", "2008"), ("That September", "2008-09")],
    ),
    (
        "The plant opened in 2008. A year later it closed.",
        "narrative",
        [("2008", "2008"), ("A year later", "2009")],
    ),
    (  # a date, the reference plus twelve days: not the duration P12D
        "The siege began on 3 June 1645. Twelve days later the town fell.",
        "narrative",
        [("3 June 1645", "1645-06-03"), ("Twelve days later", "1645-06-15")],
    ),
    (
        "She married in 1862. The year before, her father had died.",
        "narrative",
        [("1862", "1862"), ("The year before", "1861")],
    ),
    (
        "The canal opened in May 1644. The following spring it flooded.",
        "narrative",
        [("May 1644", "1644-05"), ("The following spring", "1645-SP")],
    ),
    (  # a date read from the story moves it on: "that September" is the later year's
        "The plant opened in 2008. A year later it grew. That September it closed.",
        "narrative",
        [("2008", "2008"), ("A year later", "2009"), ("That September", "2009-09")],
    ),
    (  # the nearest month to the story time: October 1643, then January is 1644's
        "The mill was finished in October 1643. In January the river froze.",
        "narrative",
        [("October 1643", "1643-10"), ("January", "1644-01")],
    ),
    (
        "The treaty was signed in 1648. That year was dry, and by Christmas the wells failed.",
        "narrative",
        [("1648", "1648"), ("That year", "1648"), ("Christmas", "1648-12-25")],
    ),
    (  # a week read from a day told: the ISO week after the one holding it
        "On 3 May 1926 the gates were shut, and the following week wages were cut.",
        "narrative",
        [("3 May 1926", "1926-05-03"), ("the following week", "1926-W19")],
    ),
    (  # six months either way: the year being told
        "The siege began on 14 March 1947. On Sept. 11 it ended.",
        "narrative",
        [("14 March 1947", "1947-03-14"), ("Sept. 11", "1947-09-11")],
    ),
    (  # with no year told yet, the publication date still reads it
        "On 15 May the army attacked. In 1917 it had retreated.",
        "narrative",
        [("15 May", "2023-05-15"), ("1917", "1917")],
    ),
    (  # "that winter" reads the year being told; the months after it go on from there
        "The mill was finished in October 1643. That winter was hard. In January the river froze.",
        "narrative",
        [("October 1643", "1643-10"), ("That winter", "1643-WI"), ("January", "1644-01")],
    ),
]


@pytest.mark.parametrize(("text", "kind", "expected"), NARRATIVE_TABLE)
def test_narrative_anchoring(text, kind, expected):
    assert found(text, PUB, kind) == expected


# News: the publication date reads year-less dates, but a background passage opened by a past
# year reads from that year, in the same paragraph, in past-tense clauses.
NEWS_TABLE = [
    (
        "The council voted on Tuesday. In 1962 a fire gutted the hall. On 5 May it reopened.",
        [("Tuesday", "2024-02-27"), ("1962", "1962"), ("5 May", "1962-05-05")],
    ),
    (  # a year inside the clause ("approved in 1987") sets no passage
        "Under a plan approved in 1987, the firm bought 481,000 shares through Sept. 29.",
        [("1987", "1987"), ("Sept. 29", "2023-09-29")],
    ),
    (  # "since 1990" is a span up to now, not a scene
        "He had been arrested since 1990. His car was found in December, police said.",
        [("1990", "1990"), ("December", "2023-12")],
    ),
    (  # a clause about the future reads from the publication date
        "In July 1997 they were invited to join. They will join on March 12.",
        [("July 1997", "1997-07"), ("March 12", "2024-03-12")],
    ),
    (  # a new paragraph ends the passage
        "In 1962 a fire gutted the hall.\nThe hall will close in June.",
        [("1962", "1962"), ("June", "2024-06")],
    ),
    (  # a sentence stepping back to the present ends it
        "On May 22, 1995, he was promoted. However, he was arrested in December.",
        [("May 22, 1995", "1995-05-22"), ("December", "2023-12")],
    ),
    (
        "In 1962 a fire gutted the hall. A year later a platform was added. That September "
        "the first train ran.",
        [("1962", "1962"), ("A year later", "1963"), ("That September", "1963-09")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), NEWS_TABLE)
def test_news_background_passages(text, expected):
    assert found(text, PUB, "news") == expected


def test_news_passage_needs_a_year_at_least_two_years_back():
    text = "In 2023 the hall burned. On 5 May it reopened."
    assert found(text, PUB, "news")[1] == ("5 May", "2023-05-05")  # from publication, too
    text = "In 2023 the hall burned. On 5 December it reopened."
    assert found(text, PUB, "news")[1] == ("5 December", "2023-12-05")
    assert found("In 2022 the hall burned. On 5 May it reopened.", PUB, "news")[1] == (
        "5 May",
        "2022-05-05",
    )


HISTORY = (
    "Anna Weller was born in Leipzig in 1843. In 1851 the family moved to Dresden. "
    "In 1862 she married, and in 1864 their son was born. On 21 August she gave a concert."
)
NEWS = (
    "The council said on Tuesday it would close the station, which opened in 1962 and was "
    "rebuilt in 1985 and 1999. The vote came last week, officials said."
)


@pytest.mark.parametrize(
    ("text", "published", "kind"),
    [
        (HISTORY, PUB, "narrative"),
        (NEWS, PUB, "news"),
        ("Sales rose 5% in 2023 and 2024, the company said.", PUB, "news"),
        ("The war began in 1914 and ended in 1918.", PUB, "narrative"),  # no tie to the present
        ("The war began in 1914 and ended in 1918, he said.", PUB, "news"),
        ("Short text, no years.", PUB, "news"),
        ("In 1914 the war began; in 1918 it ended; in 1919 peace.", dt.date(1920, 1, 1), "news"),
    ],
)
def test_document_type_is_detected(text, published, kind):
    assert timeline.detect(text, published) == kind


def test_detected_type_is_used_when_none_is_given():
    text = HISTORY
    assert found(text)[-1] == ("21 August", "1864-08-21")
    assert found(text, PUB, "news")[-1] == ("21 August", "1864-08-21")  # a passage
    assert found(NEWS + " On 21 August it reopened.", PUB)[-1] == ("21 August", "2023-08-21")


def test_unknown_document_type_is_an_error():
    with pytest.raises(ValueError, match="document_type"):
        annotate("On Monday.", PUB, "poem")


def test_annotate_keeps_its_two_argument_form():
    assert [t.value for t in annotate("It rained on Monday.", dt.date(2024, 3, 1))] == [
        "2024-02-26"
    ]
