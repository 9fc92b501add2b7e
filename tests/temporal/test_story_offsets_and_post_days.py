"""Issue 24, round 4: classes found with invented text beyond the earlier tables.

- narrative: "nine years afterwards", "ten years on," count from the year told, as "later";
- narrative: "that Sunday" in a story told only to the year is a Sunday of that year
  (``1790-WXX-7``), not one near the publication date, and so is "on a Monday in March 1862";
  a bare "on Tuesday" there stays the week of publication (an obituary's death);
- offsets: "takes effect in two weeks" (a present schedule) reaches the period ahead;
- posts: "the 3rd of jan", "5th dec" (lower-case short months after a day), "at 9 tmrw".
"""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2025, 10, 15)  # a Wednesday


def values(text: str, kind: str | None = None) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in annotate(text, PUB, kind)]


AFTERWARDS = [
    # positive: counted from the year told
    ("In 1833 she met the inventor. Nine years afterwards she wrote the notes.", "narrative",
     [("1833", "1833"), ("Nine years afterwards", "1842")]),
    ("The canal opened in 1790 and two years afterward it flooded.", "narrative",
     [("1790", "1790"), ("two years afterward", "1792")]),
    # a year then "and" and a count: the year, then the count from it (was one span, 3815)
    ("The dam opened in 1990 and two years later it burst.", None,
     [("1990", "1990"), ("two years later", "1992")]),
    ("The pit closed in 1985. Ten years on, the village had shrunk by half.", None,
     [("1985", "1985"), ("Ten years on", "1995")]),
    ("The yard shut in 1972. Twenty years on; the cranes still stood.", "narrative",
     [("1972", "1972"), ("Twenty years on", "1992")]),
    # negative: "on" that is not a tail, other units, a comparison
    ("Nurses work three days on, three days off.", None,
     [("three days", "P3D"), ("three days", "P3D")]),
    ("Ten years on the council taught him patience.", "narrative", [("Ten years", "P10Y")]),
    ("He was paid for two years afterwards than agreed.", None, [("two years", "P2Y")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "expected"), AFTERWARDS)
def test_afterwards_and_on_count_from_the_year_told(text, kind, expected):
    assert values(text, kind) == expected


STORY_WEEKDAYS = [
    # positive: "that Sunday" in a story told to the year or month only
    ("The town was founded in 1790. That Sunday the first church service was held.",
     "narrative", [("1790", "1790"), ("That Sunday", "1790-WXX-7")]),
    ("In March 1911 the dockers organised. That Friday night they marched.", "narrative",
     [("March 1911", "1911-03"), ("That Friday night", "1911-WXX-5TNI")]),
    # positive: the month and year right after the weekday
    ("On a Monday in March 1862 the workers walked out.", None,
     [("Monday", "1862-WXX-1"), ("March 1862", "1862-03")]),
    ("It happened on a Friday in 1911.", None, [("Friday", "1911-WXX-5"), ("1911", "1911")]),
    # negative: a story at a day reads the next such day; news keeps the week of publication;
    # a clause about the future from now; a recent year
    ("He taught for 33 years and retired in 1982. He died at home on Tuesday, aged 98.",
     "narrative", [("33 years", "P33Y"), ("1982", "1982"), ("Tuesday", "2025-10-14")]),
    ("The siege began on 3 September 1939. On Friday the town fell.", "narrative",
     [("3 September 1939", "1939-09-03"), ("Friday", "1939-09-08")]),
    ("In 1998, the plant closed. On Monday, workers protested outside it.", "news",
     [("1998", "1998"), ("Monday", "2025-10-13")]),
    ("The mill opened in 1842. A memorial will be unveiled on Sunday.", "narrative",
     [("1842", "1842"), ("Sunday", "2025-10-19")]),
    ("The vote on Monday in 2025 was close.", None, [("Monday", "2025-10-13"), ("2025", "2025")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "expected"), STORY_WEEKDAYS)
def test_weekday_in_a_story_told_to_the_year(text, kind, expected):
    assert values(text, kind) == expected


def test_weekday_of_a_story_year_is_bounded_by_that_year():
    monday = annotate("On a Monday in 1842 the weavers left.", PUB, "narrative")[0]
    assert monday.value == "1842-WXX-1"
    assert (monday.start_date, monday.end_date) == (dt.date(1842, 1, 1), dt.date(1842, 12, 31))


def reach(text: str) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.value, t.edtf) for t in annotate(text, PUB)]


SCHEDULED_OFFSETS = [
    # positive: a present-tense schedule points ahead as "will" does
    ("The new law takes effect in two weeks.", [("two weeks", "P2W", "2025-10-27/2025-11-02")]),
    ("Voters go to the polls in three weeks.", [("three weeks", "P3W", "2025-11-03/2025-11-09")]),
    ("The new terminal opens in two years.", [("two years", "P2Y", "2027")]),
    # negative: past, a length, a limit
    ("The bridge reopened in two weeks.", [("two weeks", "P2W", None)]),
    ("The course takes two weeks.", [("two weeks", "P2W", None)]),
    ("The museum opens in 18 months or less.", [("18 months", "P18M", None)]),
]


@pytest.mark.parametrize(("text", "expected"), SCHEDULED_OFFSETS)
def test_present_schedule_offsets_reach_ahead(text, expected):
    assert reach(text) == expected


POSTS = [
    # positive: short months after a day, in lower case; an hour before "tmrw"
    ("off work till the 3rd of jan", [("the 3rd of jan", "2026-01-03")]),
    ("party on the 21st of nov!!", [("the 21st of nov", "2025-11-21")]),
    ("see you 5th dec", [("5th dec", "2025-12-05")]),
    ("back on 2 feb, cant wait", [("2 feb", "2026-02-02")]),
    ("exam at 9 tmrw wish me luck", [("9 tmrw", "2025-10-16T09:00")]),
    ("see u at 7 tomorrow", [("7 tomorrow", "2025-10-16T19:00")]),
    # negative: no day before the short month; a level, not an hour
    ("dec is my fave month", []),
    ("the jan sales were rubbish", []),
    ("Interest rates will stand at 5 tomorrow.", [("tomorrow", "2025-10-16")]),
    ("he scored at 9 today", [("today", "2025-10-15")]),
]


@pytest.mark.parametrize(("text", "expected"), POSTS)
def test_post_short_months_and_hours_before_tomorrow(text, expected):
    assert values(text) == expected


YEAR_BEFORE = [
    # positive: "the year before / after" a past year named earlier in the paragraph
    ("The plant closed in 2019. The law was passed the year before.",
     [("2019", "2019"), ("the year before", "2018")]),
    ("The dam failed in 2009, and a new one opened the year after.",
     [("2009", "2009"), ("the year after", "2010")]),
    ("The yard shut in May 2016; the year before, orders had dried up.",
     [("May 2016", "2016-05"), ("the year before", "2015")]),
    # negative: nothing past named before it, or in another paragraph: "the year" as before
    ("The law was passed the year before.", [("the year", "2025")]),
    ("The plant closed in 2019.\nThe law was passed the year before.",
     [("2019", "2019"), ("the year", "2025")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), YEAR_BEFORE)
def test_the_year_before_a_past_year_named(text, expected):
    assert values(text) == expected


CLOCK_WITH_DATE = [
    # positive: a clock time before a weekday and a full date is one TIME on that date
    ("Polls close at 10pm on Thursday, 7 May 2026.",
     [("10pm on Thursday, 7 May 2026", "2026-05-07T22:00")]),
    ("The ferry left at 10 p.m. on Saturday 6 March 1987.",
     [("10 p.m. on Saturday 6 March 1987", "1987-03-06T22:00")]),
    ("The vote ends at 8 p.m. on May 7, 2026.", [("8 p.m. on May 7, 2026", "2026-05-07T20:00")]),
    ("Polls close at 10pm on Thursday May 7.", [("10pm on Thursday May 7", "2026-05-07T22:00")]),
    # negative: a year that starts the next clause; a past clause keeps the past date
    ("He arrived at 6 p.m. Friday, 2009 was a good year.",
     [("6 p.m. Friday", "2025-10-10T18:00"), ("2009", "2009")]),
    ("The vote ended at 8 p.m. on May 7 and results followed.",
     [("8 p.m. on May 7", "2025-05-07T20:00")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CLOCK_WITH_DATE)
def test_clock_before_a_full_date(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yday was a write off", [("yday", "2025-10-14")]),
        ("saw him at 3pm yday", [("3pm yday", "2025-10-14T15:00")]),
        ("the ydays of old", []),  # negative: not the word alone
    ],
)
def test_post_spelling_yday(text, expected):
    assert values(text) == expected


STORY_MONTHS = [
    # positive: a story moves on; a month up to eight ahead is the story's year's
    ("In the spring of 1918 she was sent to France. She came home in November. The next year "
     "she married.", [("the spring of 1918", "1918-SP"), ("November", "1918-11"),
                      ("The next year", "1919")]),
    ("It was finished in October 1643. In January the roof leaked.",
     [("October 1643", "1643-10"), ("January", "1644-01")]),
    # "that winter" told from January to March is the winter begun the December before
    ("The river froze in December 1962 and did not thaw until March. That winter was hard.",
     [("December 1962", "1962-12"), ("March", "1963-03"), ("That winter", "1962-WI")]),
    ("In January 1947 the snow came. That winter, coal ran out.",
     [("January 1947", "1947-01"), ("That winter", "1946-WI")]),
    ("The firm was founded in March 2001. In November it opened a plant.",
     [("March 2001", "2001-03"), ("November", "2001-11")]),
    ("The dam burst in June 1950. In January the repairs began.",
     [("June 1950", "1950-06"), ("January", "1951-01")]),
    # negative: more than eight months ahead is the year before; a winter told in November
    ("The strike ended in February 1926. In December the pits had been quiet.",
     [("February 1926", "1926-02"), ("December", "1925-12")]),
    ("In November 1947 the snow came. That winter, coal ran out.",
     [("November 1947", "1947-11"), ("That winter", "1947-WI")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STORY_MONTHS)
def test_story_months_and_winters_move_on(text, expected):
    assert values(text, "narrative") == expected


NEXT_PREDICATE = [
    # positive: "and" + an auxiliary opens the next predicate; its tense is not the date's
    ("The trial opened on Monday and is expected to last six weeks.",
     [("Monday", "2025-10-13"), ("six weeks", "P6W")]),
    ("The mine closed on Friday and will reopen in spring.",
     [("Friday", "2025-10-10"), ("spring", "2026-SP")]),
    # "last" after "to" or a modal is the verb, outside the span
    ("The drought could last two years.", [("two years", "P2Y")]),
    # negative: the date's own tense; "the last" stays in the span; no verb before "and"
    ("The trial opens on Monday and is expected to last six weeks.",
     [("Monday", "2025-10-20"), ("six weeks", "P6W")]),
    ("Prices rose over the last six weeks.", [("the last six weeks", "P6W")]),
    ("Talks on Friday and Saturday will decide.",
     [("Friday", "2025-10-17"), ("Saturday", "2025-10-18")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), NEXT_PREDICATE)
def test_next_predicate_and_the_verb_last(text, expected):
    assert values(text) == expected


STORY_SEASONS = [
    # positive: a bare season in a story is the first one not over by the month told
    ("During the winter of 1941-42 the offensive stalled. In the spring it resumed.",
     [("the winter of 1941-42", "1941-WI"), ("the spring", "1942-SP")]),
    ("In October 1916 the rains came. In the spring the offensive resumed.",
     [("October 1916", "1916-10"), ("the spring", "1917-SP")]),
    ("In March 1916 the rains came. In the winter the offensive resumed.",
     [("March 1916", "1916-03"), ("the winter", "1916-WI")]),
    # negative: the season the month is in; "that" season keeps the story's year
    ("In October 1916 the rains came. In the autumn the offensive resumed.",
     [("October 1916", "1916-10"), ("the autumn", "1916-FA")]),
    ("In September 1916 the rains came. That summer had been dry.",
     [("September 1916", "1916-09"), ("That summer", "1916-SU")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STORY_SEASONS)
def test_story_seasons_move_on(text, expected):
    assert values(text, "narrative") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # positive: post spellings of New Year's
        ("cant wait for NYE", [("NYE", "2025-12-31")]),
        ("new years eve plans anyone", [("new years eve", "2025-12-31")]),
        ("New Years Day was quiet in the capital.", [("New Years Day", "2025-01-01")]),
        # negative: a name, "the new year", another calendar's
        ("Bill Nye spoke on Tuesday.", [("Tuesday", "2025-10-14")]),
        ("the new year brings new hope", []),
        ("Happy New Year everyone", []),
    ],
)
def test_new_years_spellings(text, expected):
    assert values(text) == expected


CLOCK_NEXT_DAY = [
    # positive: a clock time before "the next morning" is on the day after the one told
    ("The ship left port on 10 April 1912. It sank at 2:20 a.m. the next morning.",
     [("10 April 1912", "1912-04-10"), ("2:20 a.m.", "1912-04-11T02:20"),
      ("the next morning", "1912-04-11TMO")]),
    ("The plant closed on 3 May 2019. Workers left at about 6 p.m. the following day.",
     [("3 May 2019", "2019-05-03"), ("6 p.m.", "2019-05-04T18:00"),
      ("the following day", "2019-05-04")]),
    # negative: no such words after it: the day told
    ("The plant closed on 3 May 2019 at 6 p.m. and reopened.",
     [("3 May 2019", "2019-05-03"), ("6 p.m.", "2019-05-03T18:00")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CLOCK_NEXT_DAY)
def test_clock_before_the_next_day(text, expected):
    assert values(text, "narrative") == expected


MORE_SCHEDULES = [
    # positive: present schedules and prospects point ahead
    ("The festival gets under way on Thursday.", [("Thursday", "2025-10-16")]),
    ("The summit gets underway Monday in Geneva.", [("Monday", "2025-10-20")]),
    ("Temperatures are predicted to fall on Sunday.", [("Sunday", "2025-10-19")]),
    ("Shares are likely to open lower on Monday.", [("Monday", "2025-10-20")]),
    ("The results come out on Friday.", [("Friday", "2025-10-17")]),
    ("The show is back on Tuesday.", [("Tuesday", "2025-10-21")]),
    # negative: the report, a past prospect, a past verb, another clause
    ("Analysts predicted on Monday that rates would rise.", [("Monday", "2025-10-13")]),
    ("Temperatures were predicted to fall on Sunday.", [("Sunday", "2025-10-12")]),
    ("The talks came to nothing on Monday.", [("Monday", "2025-10-13")]),
    ("He is back in London after talks on Monday.", [("Monday", "2025-10-13")]),
    ("Oil prices have come down since the middle of June.", [("the middle of June", "2025-06")]),
]


@pytest.mark.parametrize(("text", "expected"), MORE_SCHEDULES)
def test_more_present_schedules(text, expected):
    assert values(text) == expected


DAY_RANGES = [
    # positive: the first day of "from 12 to 15 July" takes the year the closing day is read in
    ("The festival runs from 12 to 15 July.", [("12", "2026-07-12"), ("15 July", "2026-07-15")]),
    ("The show will run from 2 to 6 March.", [("2", "2026-03-02"), ("6 March", "2026-03-06")]),
    # negative: a past range stays in the past; a year given is kept
    ("The festival ran from 12 to 15 July.", [("12", "2025-07-12"), ("15 July", "2025-07-15")]),
    (
        "The talks ran from 3 to 4 March 2021.",
        [("3", "2021-03-03"), ("4 March 2021", "2021-03-04")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), DAY_RANGES)
def test_day_range_years_agree(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # positive: a count written against its short unit, in posts
        ("flight delayed 3hrs ugh", [("3hrs", "PT3H")]),
        ("waited 20mins for a bus", [("20mins", "PT20M")]),
        ("back in 2wks", [("2wks", "P2W")]),
        # negative: inside a model name or a decimal
        ("the A320min was late", []),
        ("version 2.5hrs", []),
    ],
)
def test_post_counts_written_against_units(text, expected):
    assert values(text) == expected


SAME_LAST_YEAR = [
    # positive: the same period a year back, as one expression
    ("Prices are up 3% on the same month last year.", [("the same month last year", "2024-10")]),
    ("Traffic was down on the same week last year.", [("the same week last year", "2024-W42")]),
    ("Sales were flat from the same week a year ago.", [("the same week a year ago", "2024-W42")]),
    ("Sales rose 5% from the same period last year.", [("the same period last year", "2024")]),
    ("Profit in the third quarter rose from the same period last year.",
     [("the third quarter", "2025-Q3"), ("the same period last year", "2024-Q3")]),
    # negative: a possessive "last year's" stays apart
    ("The same month last year's figures were revised.",
     [("The same month", "2025-10"), ("last year", "2024")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SAME_LAST_YEAR)
def test_the_same_period_last_year(text, expected):
    assert values(text) == expected
