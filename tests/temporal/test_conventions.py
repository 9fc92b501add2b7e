"""Issue 24 part 3: TIMEX3 conventions checked against the TimeML guidelines and the
development corpus (extent of decades, newspapers named "daily", days something is done
"ahead of"). Invented rows, positive and negative."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2024, 3, 6)  # a Wednesday


def values(text: str, published: dt.date = PUB) -> list[tuple[str, str]]:
    out = []
    for t in annotate(text, published):
        assert text[t.start : t.end] == t.text
        out.append((t.text, t.value))
    return out


# Decades keep their determiner, as centuries do: "[the 1990s]", "[the mid-1960s]".
DECADES = [
    ("Prices fell in the 1990s.", [("the 1990s", "199")]),
    ("It was built in the mid-1960s.", [("the mid-1960s", "196")]),
    ("Fashion of the late '70s returned.", [("the late '70s", "197")]),
    ("Growth slowed during the eighties.", [("the eighties", "198")]),
    ("It was the worst war of the 20th century.", [("the 20th century", "19")]),
    # negative: no determiner, none added; no decade in a temperature
    ("1990s music is back.", [("1990s", "199")]),
    ("Early 1980s cars rusted.", [("Early 1980s", "198")]),
    ("Highs in the 70s are expected.", []),
]


@pytest.mark.parametrize(("text", "expected"), DECADES, ids=[r[0][:40] for r in DECADES])
def test_decade_extent(text: str, expected: list) -> None:
    assert values(text) == expected


# A newspaper named "daily" is no set of days.
DAILY = [
    ("Officials told the state-run China Daily that exports rose.", []),
    ("A report in the Daily Mail said the talks failed.", []),
    ("The daily said the minister would resign.", []),
    ("The daily newspaper quoted a senior official.", []),
    ("A weekly newspaper in the town closed.", []),
    # negative: the adverb and the adjective are sets
    ("He takes two pills daily.", [("daily", "P1D")]),
    ("Flights leave daily from Paris.", [("daily", "P1D")]),
    ("Daily life in the city is hard.", [("Daily", "P1D")]),
    ("The magazine is published weekly.", [("weekly", "P1W")]),
]


@pytest.mark.parametrize(("text", "expected"), DAILY, ids=[r[0][:40] for r in DAILY])
def test_daily_newspaper(text: str, expected: list) -> None:
    assert values(text) == expected


# What is done "ahead of" a day comes before it: the day has not come yet.
AHEAD_OF = [
    ("Shares fell ahead of Friday's jobs report.", [("Friday", "2024-03-08")]),
    ("Investors were cautious ahead of Thursday's vote.", [("Thursday", "2024-03-07")]),
    ("Police were deployed in the run-up to Sunday's election.", [("Sunday", "2024-03-10")]),
    ("Troops massed in advance of Monday's talks.", [("Monday", "2024-03-11")]),
    ("The ruling came ahead of Wednesday's deadline.", [("Wednesday", "2024-03-06")]),
    # negative: a possessive weekday without "ahead of" already happened
    ("Shares fell after Friday's jobs report.", [("Friday", "2024-03-01")]),
    ("Tuesday's vote was close.", [("Tuesday", "2024-03-05")]),
]


@pytest.mark.parametrize(("text", "expected"), AHEAD_OF, ids=[r[0][:40] for r in AHEAD_OF])
def test_ahead_of_weekday(text: str, expected: list) -> None:
    assert values(text) == expected


# "the evening of <day>" is one TIME: that part of the day named, as "Friday night" is.
PART_OF_DAY = [
    ("Officials met on the morning of December 12.",
     [("the morning of December 12", "2023-12-12TMO")]),
    ("The attack came on the night of June 4, 1989.",
     [("the night of June 4, 1989", "1989-06-04TNI")]),
    ("On the evening of Friday, 9 November 1956, the ferry sailed.",
     [("the evening of Friday, 9 November 1956", "1956-11-09TEV")]),
    ("In the late afternoon of 3 May 1945 the city fell.",
     [("the late afternoon of 3 May 1945", "1945-05-03TAF")]),
    ("The deal closed on the morning of Tuesday.", [("the morning of Tuesday", "2023-12-19TMO")]),
    # negative: no day after "of", or a month only
    ("On the morning of the vote, queues formed.", []),
    ("The evening of March was cold.", [("March", "2023-03")]),
    ("The talks ran into the night.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), PART_OF_DAY, ids=[r[0][:40] for r in PART_OF_DAY])
def test_part_of_named_day(text: str, expected: list) -> None:
    assert values(text, dt.date(2023, 12, 20)) == expected


# "this weekend": the coming one from Thursday on, from Wednesday with no tense, or in a
# present schedule; the one just past early in the week in past tense or with no verb.
MON, WED, THU = dt.date(2024, 5, 20), dt.date(2024, 5, 22), dt.date(2024, 5, 23)
THIS_WEEKEND = [
    ("The festival is this weekend.", MON, "2024-W21-WE"),
    ("The club meets this weekend.", MON, "2024-W21-WE"),
    ("Talks will resume this weekend.", MON, "2024-W21-WE"),
    ("what a game this weekend", WED, "2024-W21-WE"),
    ("Lovely walk yesterday, back again this weekend if the weather holds", THU, "2024-W21-WE"),
    # negative: the weekend just past
    ("what a game this weekend", MON, "2024-W20-WE"),
    ("We went sailing this weekend.", MON, "2024-W20-WE"),
    ("We went sailing this weekend.", WED, "2024-W20-WE"),
]


@pytest.mark.parametrize(("text", "published", "value"), THIS_WEEKEND)
def test_this_weekend(text: str, published: dt.date, value: str) -> None:
    assert values(text, published)[-1] == ("this weekend", value)


# "on the 8th" with no tense: the nearer one, next month's when this month's is weeks back.
DAY_OF_MONTH = [
    ("next game away at Hexham on the 8th", dt.date(2024, 5, 28), "2024-06-08"),
    ("Rent is due on the 1st.", dt.date(2024, 12, 20), "2025-01-01"),
    # negative: this month's when near or when the tense says so
    ("photos from the 15th", dt.date(2024, 5, 20), "2024-05-15"),
    ("The fee was paid on the 8th.", dt.date(2024, 5, 28), "2024-05-08"),
    ("The fair opens on the 25th.", dt.date(2024, 5, 20), "2024-05-25"),
]


@pytest.mark.parametrize(("text", "published", "value"), DAY_OF_MONTH)
def test_day_of_month_nearest(text: str, published: dt.date, value: str) -> None:
    assert [v for _, v in values(text, published)] == [value]


# "local time" is a time zone word: the clock keeps the day named after it.
LOCAL_TIME = [
    ("The storm hit at 3 a.m. local time on Saturday.",
     [("3 a.m. local time on Saturday", "2023-12-16T03:00")]),
    ("The quake struck at 10:15 p.m. local time Friday.",
     [("10:15 p.m. local time Friday", "2023-12-15T22:15")]),
    ("Polls open at 7 a.m. local time.", [("7 a.m. local time", "2023-12-20T07:00")]),
    # negative: no clock, no time zone
    ("Local time matters to traders.", []),
    ("The storm hit at 3 a.m. on Saturday.", [("3 a.m. on Saturday", "2023-12-16T03:00")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), LOCAL_TIME, ids=[r[0][:40] for r in LOCAL_TIME])
def test_local_time(text: str, expected: list) -> None:
    assert values(text, dt.date(2023, 12, 20)) == expected


# Posts: abbreviated units, "8 tonight", "every saturday morning", "the 17th" after a week.
POSTS = [
    ("train delayed AGAIN. 45 mins late this morning", dt.date(2024, 6, 5),
     [("45 mins", "PT45M"), ("this morning", "2024-06-05TMO")]),
    ("waited 2 hrs for a bus", dt.date(2024, 6, 5), [("2 hrs", "PT2H")]),
    ("3 yrs sober today", dt.date(2024, 6, 9), [("3 yrs", "P3Y"), ("today", "2024-06-09")]),
    ("see everyone at 8 tonight!", dt.date(2024, 6, 14), [("8 tonight", "2024-06-14T20:00")]),
    ("doors open from 7:30 this evening", dt.date(2024, 6, 14),
     [("7:30 this evening", "2024-06-14T19:30")]),
    ("kick-off around 9 o'clock tonight", dt.date(2024, 6, 14),
     [("9 o'clock tonight", "2024-06-14T21:00")]),
    ("parkrun every saturday morning, come along", dt.date(2024, 6, 26),
     [("every saturday morning", "XXXX-WXX-6TMO")]),
    ("We meet every Friday night.", dt.date(2024, 6, 26),
     [("every Friday night", "XXXX-WXX-5TNI")]),
    ("cafe closed next week for repairs, back open on the 17th", dt.date(2024, 6, 7),
     [("next week", "2024-W24"), ("the 17th", "2024-06-17")]),
    ("The plant shuts next week and reopens on the 2nd.", dt.date(2024, 6, 21),
     [("next week", "2024-W26"), ("the 2nd", "2024-07-02")]),
    # negative: a score is no clock; "late" after a duration is no modifier of the date
    ("He scored 2 tonight against Leeds.", dt.date(2024, 6, 14), [("tonight", "2024-06-14TNI")]),
    ("The flight landed two hours early on Friday.", dt.date(2024, 6, 14),
     [("two hours", "PT2H"), ("Friday", "2024-06-14")]),
    ("Shares rose late this morning.", dt.date(2024, 6, 14),
     [("late this morning", "2024-06-14TMO")]),
    ("He earned $50,000 a yr.", dt.date(2024, 6, 14), []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "expected"), POSTS, ids=[r[0][:40] for r in POSTS])
def test_posts_forms(text: str, published: dt.date, expected: list) -> None:
    assert values(text, published) == expected


def narrative(text: str, published: str) -> list[tuple[str, str]]:
    found = annotate(text, dt.date.fromisoformat(published), document_type="narrative")
    return [(t.text, t.value) for t in found]


# Narrative: "this summer" said of a plan is the writer's summer; "the decade" told in the past
# is the decade just named or told.
NARRATIVE = [
    ("The canal closed in 1944. Volunteers began work in 1990, and this summer the first mile "
     "will reopen.", [("1944", "1944"), ("1990", "1990"), ("this summer", "2020-SU")]),
    ("The trust was formed in 1988. By the end of the decade it had 500 members.",
     [("1988", "1988"), ("the end of the decade", "198")]),
    ("In the 1960s the canal was dry; by the end of the decade it was a rubbish tip.",
     [("the 1960s", "196"), ("the end of the decade", "196")]),
    ("Trade grew during the 1810s, and by the end of the decade the company paid twice a year.",
     [("the 1810s", "181"), ("the end of the decade", "181"), ("twice a year", "P1Y")]),
    # negative: a plan reads from the publication date; "that summer" from the story
    ("The canal closed in 1944. By the end of the decade the trust hopes to finish.",
     [("1944", "1944"), ("the end of the decade", "202")]),
    ("The canal closed in 1944. By the end of the decade the trust will finish.",
     [("1944", "1944"), ("the end of the decade", "202")]),
    ("The mill burned in 1911, and that summer it was rebuilt.",
     [("1911", "1911"), ("that summer", "1911-SU")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), NARRATIVE, ids=[r[0][:40] for r in NARRATIVE])
def test_narrative_season_decade(text: str, expected: list) -> None:
    assert narrative(text, "2020-06-15") == expected


# A clause ends at "and"/"but" before another verb: its tense does not reach back; "N weeks
# earlier than usual" is a comparison, measured as a stretch with "than" outside.
CLAUSES = [
    ("Its owner reported a loss in February and expects a profit in the second half of the year.",
     dt.date(2024, 3, 14), [("February", "2024-02"), ("the second half of the year", "2024-H2")]),
    ("The firm sold the unit in January but plans to buy another in June.",
     dt.date(2024, 3, 14), [("January", "2024-01"), ("June", "2024-06")]),
    ("The season began about six weeks earlier than usual.", dt.date(2023, 1, 6),
     [("six weeks", "P6W")]),
    ("The plant opened three months later than expected.", dt.date(2023, 1, 6),
     [("three months", "P3M")]),
    # negative: two subjects joined by "and"; a plain "N days later" keeps its word
    ("At the close of business Thursday, Ciba-Geigy and Chiron said 11,580 shares were tendered.",
     dt.date(1989, 10, 30), [("Thursday", "1989-10-26")]),
    ("The talks failed. Three days later, the strike began.", dt.date(2023, 1, 6),
     [("Three days later", "P3D")]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "published", "expected"), CLAUSES, ids=[r[0][:40] for r in CLAUSES]
)
def test_clause_and_comparison(text: str, published: dt.date, expected: list) -> None:
    assert values(text, published) == expected


# Spellings of posts, and a clock time joined to its day ("thurs 3pm", "10:30 a.m. on
# 3 January 1920") as one TIME.
SPELLINGS = [
    ("see u tmrw at the station", dt.date(2024, 7, 1), [("tmrw", "2024-07-02")]),
    ("out tonite, who's in?", dt.date(2024, 7, 5), [("tonite", "2024-07-05TNI")]),
    ("last nite was unreal", dt.date(2024, 7, 6), [("last nite", "2024-07-05TNI")]),
    ("fri night was a disaster lol", dt.date(2024, 7, 8), [("fri night", "2024-07-05TNI")]),
    ("dentist thurs 3pm ugh", dt.date(2024, 7, 1), [("thurs 3pm", "2024-07-04T15:00")]),
    ("weds 7pm, same place", dt.date(2024, 7, 1), [("weds 7pm", "2024-07-03T19:00")]),
    ("flying home on xmas eve!!", dt.date(2024, 12, 20), [("xmas eve", "2024-12-24")]),
    ("It took effect at 10:30 a.m. on 3 January 1920.", dt.date(2010, 1, 15),
     [("10:30 a.m. on 3 January 1920", "1920-01-03T10:30")]),
    ("Polls close at 8 p.m. on Thursday.", dt.date(2023, 12, 20),
     [("8 p.m. on Thursday", "2023-12-21T20:00")]),
    # negative: "sat", "sun", "mon", "wed" are words; "at" keeps a day and a clock apart
    ("I sat on the sun lounger and we wed in June.", dt.date(2024, 7, 1), [("June", "2024-06")]),
    ("The meeting is on Thursday at 3 p.m.", dt.date(2023, 12, 20),
     [("Thursday", "2023-12-21"), ("3 p.m.", "2023-12-21T15:00")]),
    ("Polls closed at 8 p.m. on Thursday.", dt.date(2023, 12, 20),
     [("8 p.m. on Thursday", "2023-12-14T20:00")]),
    ("The blast came at 9:15 a.m., 20 minutes later.", dt.date(2023, 12, 20),
     [("9:15 a.m.", "2023-12-20T09:15"), ("20 minutes later", "PT20M")]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "published", "expected"), SPELLINGS, ids=[r[0][:40] for r in SPELLINGS]
)
def test_spellings_and_clock_days(text: str, published: dt.date, expected: list) -> None:
    assert values(text, published) == expected


# Ranges are two TIMEX3s; the first borrows the month and year the range closes with.
RANGES = [
    ("The Battle of the Somme (1 July - 18 November 1916) was long.",
     [("1 July", "1916-07-01"), ("18 November 1916", "1916-11-18")]),
    ("The truce ran from 12 December to 5 January 1920.",
     [("12 December", "1919-12-12"), ("5 January 1920", "1920-01-05")]),
    ("The siege lasted from 12 to 20 May 1916.",
     [("12", "1916-05-12"), ("20 May 1916", "1916-05-20")]),
    ("The Second Punic War (218\u2013201 BC) was fought at sea too.",
     [("218", "BC0218"), ("201 BC", "BC0201")]),
    ("From Nov. 3 to Dec. 1, 1999, prices rose.",
     [("Nov. 3", "1999-11-03"), ("Dec. 1, 1999", "1999-12-01")]),
    # negative: a score, and a count that grows, are no ranges
    ("Leeds lost 3-2 on 12 May 1990.", [("12 May 1990", "1990-05-12")]),
    ("Pay rose from 12 to 20 percent in May 1990.", [("May 1990", "1990-05")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), RANGES, ids=[r[0][:40] for r in RANGES])
def test_ranges(text: str, expected: list) -> None:
    assert values(text, dt.date(2010, 1, 15)) == expected


# History told year by year: "early the next year" is the story's next year; "the day
# before" / "the day after" standing alone move the day told.
HISTORY = [
    ("The army landed on 10 July 1943. The following year it reached Rome. Early the next "
     "year a new offensive began. That October the city fell.",
     [("10 July 1943", "1943-07-10"), ("The following year", "1944"),
      ("Early the next year", "1945"), ("That October", "1945-10")]),
    ("The peace was signed on 3 May 1946. The day after, troops left.",
     [("3 May 1946", "1946-05-03"), ("The day after", "1946-05-04")]),
    ("Talks failed on 2 May 1946. The day before, both sides had met.",
     [("2 May 1946", "1946-05-02"), ("The day before", "1946-05-01")]),
    ("The city fell in October 1944, and on the 14th a truce was signed.",
     [("October 1944", "1944-10"), ("the 14th", "1944-10-14")]),
    # negative: "the day before" an event is no day told; "on the 14th floor" is no date
    ("The peace was signed on 3 May 1946, the day before the election.",
     [("3 May 1946", "1946-05-03")]),
    ("The city fell in October 1944. He lived on the 14th floor.", [("October 1944", "1944-10")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), HISTORY, ids=[r[0][:40] for r in HISTORY])
def test_history_relative(text: str, expected: list) -> None:
    assert narrative(text, "2010-01-15") == expected


# Old years: "AD 43", "c. 1200", "the 1600s" (a century), "1941\u201342" with an en dash.
OLD_YEARS = [
    ("The Romans invaded Britain in AD 43 and left after 410 AD.",
     [("AD 43", "0043"), ("410 AD", "0410")]),
    ("The abbey was founded c. 1200 and enlarged around 1350.",
     [("c. 1200", "1200"), ("around 1350", "1350")]),
    ("By the 1600s the abbey was a ruin.", [("the 1600s", "16")]),
    ("The early 1900s were hard.", [("The early 1900s", "19")]),
    ("The campaign of 1941\u201342 failed.", [("1941\u201342", "1941")]),
    ("The 5th century AD saw its first church.", [("The 5th century AD", "04")]),
    # negative: the 2000s are a decade; sums and counts are no years
    ("Music of the 2000s was loud.", [("the 2000s", "200")]),
    ("Costs rose to AD 1,200 a year.", []),
    ("He earned around 1200 dollars.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), OLD_YEARS, ids=[r[0][:40] for r in OLD_YEARS])
def test_old_years(text: str, expected: list) -> None:
    assert [(t, v) for t, v in narrative(text, "2010-01-15")] == expected


# Short day names that are words alone ("sat", "sun", "mon") count before a part of day.
SHORT_DAYS = [
    ("sat night was mad", [("sat night", "2024-06-29TNI")]),
    ("see you sun morning", [("sun morning", "2024-07-07TMO")]),
    ("mon night footy", [("mon night", "2024-07-08TNI")]),
    ("this wknd is gonna be wild", [("this wknd", "2024-W27-WE")]),
    # negative: the words themselves
    ("The sun morning light was bright.", []),
    ("We sat night after night.", []),
    ("I sat down and the sun came out.", []),
]


@pytest.mark.parametrize(("text", "expected"), SHORT_DAYS, ids=[r[0][:40] for r in SHORT_DAYS])
def test_short_day_names(text: str, expected: list) -> None:
    assert values(text, dt.date(2024, 7, 3)) == expected


# More present schedules in news: a present-tense verb or present passive with a weekday.
MON = dt.date(2013, 3, 18)
SCHEDULES_MORE = [
    ("The report is released Friday.", "2013-03-22"),
    ("Apple reports earnings Tuesday.", "2013-03-19"),
    ("The pope celebrates Mass on Sunday.", "2013-03-24"),
    ("The senator appears before the committee Thursday.", "2013-03-21"),
    ("The vote is held Sunday.", "2013-03-24"),
    # negative: past tense and a past participle clause stay behind
    ("The report was released Friday.", "2013-03-15"),
    ("Apple reported earnings Tuesday.", "2013-03-12"),
    ("The report, released Friday, showed gains.", "2013-03-15"),
]


@pytest.mark.parametrize(("text", "value"), SCHEDULES_MORE)
def test_present_schedules(text: str, value: str) -> None:
    assert [v for _, v in values(text, MON)] == [value]


# "the following weeks", "the ensuing months": stretches of unknown length, as "the coming weeks".
FOLLOWING = [
    ("In the following weeks the siege tightened.", [("the following weeks", "PXW")]),
    ("In the ensuing months, prices rose.", [("the ensuing months", "PXM")]),
    # negative: a singular unit is a date of the story
    ("The siege began in 1941. The following year it ended.",
     [("1941", "1941"), ("The following year", "1942")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), FOLLOWING, ids=[r[0][:40] for r in FOLLOWING])
def test_following_units(text: str, expected: list) -> None:
    assert narrative(text, "2010-01-15") == expected


# Four digits before a time zone are a 24-hour clock, not a year.
CLOCK_NOT_YEAR = [
    ("Polls close at 3 p.m. (1400 GMT) Monday.", dt.date(2013, 2, 27),
     [("3 p.m.", "2013-03-04T15:00"), ("Monday", "2013-03-04")]),
    # negative: a year stays a year
    ("In 1999 GDP grew.", dt.date(2013, 2, 27), [("1999", "1999")]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "published", "expected"), CLOCK_NOT_YEAR, ids=[r[0][:40] for r in CLOCK_NOT_YEAR]
)
def test_clock_not_year(text: str, published: dt.date, expected: list) -> None:
    assert values(text, published) == expected


# "this sat", "next sat", "last sun"; a lower-case day after a clock is a plan ahead.
SHORT_DAYS_REL = [
    ("see you this sat", [("this sat", "2024-07-06")]),
    ("gig next sat!!", [("next sat", "2024-07-13")]),
    ("last sun was great", [("last sun", "2024-06-30")]),
    ("party 6-8pm friday", [("6", "2024-07-05T18:00"), ("8pm friday", "2024-07-05T20:00")]),
    # negative
    ("I sat down and the sun came out.", []),
    ("Last Sun Valley trip was fun.", []),
]


@pytest.mark.parametrize(
    ("text", "expected"), SHORT_DAYS_REL, ids=[r[0][:40] for r in SHORT_DAYS_REL]
)
def test_short_day_names_relative(text: str, expected: list) -> None:
    assert values(text, dt.date(2024, 7, 3)) == expected
