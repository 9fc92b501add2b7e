"""annotate(): spans, tense and direction in running text."""

import datetime as dt
from pathlib import Path

import pytest

from service.temporal import annotate

ROOT = Path(__file__).resolve().parents[2]
# ../shared beside the repo; from a git worktree (/work/wt/NAME) one level further up
SHARED = next(
    (p / "shared" for p in ROOT.parents if (p / "shared").is_dir()), ROOT.parent / "shared"
)
SEED = SHARED / "seeds" / "geopost-china-russia.txt"


def _values(text, published):
    return [(t.text, t.value) for t in annotate(text, published)]


# (text, published, expected [(span text, value)])
CASES = [
    ("The talks ended on Wednesday.", dt.date(2023, 12, 20), [("Wednesday", "2023-12-20")]),
    ("The talks ended on Wednesday.", dt.date(2023, 12, 21), [("Wednesday", "2023-12-20")]),
    (
        "Police said on Sunday that two men were held.",
        dt.date(2024, 1, 1),
        [("Sunday", "2023-12-31")],
    ),
    ("Sales fell in December, the company said.", dt.date(2024, 1, 10), [("December", "2023-12")]),
    ("The plant will reopen in March.", dt.date(2023, 12, 20), [("March", "2024-03")]),
    ("The minister will visit on Friday.", dt.date(2023, 12, 20), [("Friday", "2023-12-22")]),
    ("It was signed Dec. 18 in Paris.", dt.date(2023, 12, 20), [("Dec. 18", "2023-12-18")]),
    (
        "Profit rose in the third quarter.",
        dt.date(2023, 10, 25),
        [("the third quarter", "2023-Q3")],
    ),
    ("Its third-quarter profit rose 5%.", dt.date(2023, 10, 25), [("third-quarter", "2023-Q3")]),
    ("Profit rose 5% from a year earlier.", dt.date(2023, 10, 25), [("a year earlier", "2022")]),
    (
        "The war has gone on for nearly two years.",
        dt.date(2023, 12, 21),
        [("nearly two years", "P2Y")],
    ),
    ("He was on a two-day visit.", dt.date(2023, 12, 21), [("two-day", "P2D")]),
    (
        "Prices rose 50% to $10 on Friday, they said.",
        dt.date(2023, 12, 21),
        [("Friday", "2023-12-15")],
    ),
    ("You may go, but we may not.", dt.date(2023, 12, 21), []),
    ("Crowds gathered for Friday prayers.", dt.date(2023, 12, 21), []),
    ("The Group of 20 and the G7 met, with 2000 people there.", dt.date(2023, 12, 21), []),
    ("More than 1,000 people marched.", dt.date(2023, 12, 21), []),
    ("Asked in May, he said it was so.", dt.date(2023, 12, 21), [("May", "2023-05")]),
    ("May I ask a question?", dt.date(2023, 12, 21), []),
    (
        "The blast came at about 10:35 a.m. (0735 GMT) Friday.",
        dt.date(2023, 12, 16),
        [("10:35 a.m.", "2023-12-15T10:35"), ("Friday", "2023-12-15")],
    ),
    (
        "Net for the nine months rose 5%, compared with a loss in the year-earlier period.",
        dt.date(2023, 10, 27),
        [("the nine months", "P9M"), ("the year-earlier period", "P9M")],
    ),
    (
        "The offer had been scheduled to expire Friday evening.",
        dt.date(2023, 12, 18),
        [("Friday evening", "2023-12-15TEV")],
    ),
    (
        "Third-quarter profit was $5 million, compared with $3 million last year.",
        dt.date(2023, 10, 25),
        [("Third-quarter", "2023-Q3"), ("last year", "2022-Q3")],
    ),
    (
        "Net for the nine months was $9 million, compared with $7 million a year earlier.",
        dt.date(2023, 10, 25),
        [("the nine months", "P9M"), ("a year earlier", "2022")],
    ),
    (
        "Prices rose from March to May.",
        dt.date(2023, 12, 21),
        [("March", "2023-03"), ("May", "2023-05")],
    ),
    (
        "Between 2019 and 2021, output fell.",
        dt.date(2023, 12, 21),
        [("2019", "2019"), ("2021", "2021")],
    ),
    ("Theresa May spoke. Windows 2000 crashed. Room 2020 was booked.", dt.date(2023, 12, 21), []),
    ("That 1978 resolution stands.", dt.date(2023, 12, 21), [("1978", "1978")]),
    ("They left a day-long meeting.", dt.date(2023, 12, 21), [("day-long", "P1D")]),
    (
        "It will cut taxes in future quarters.",
        dt.date(2023, 12, 21),
        [("future quarters", "FUTURE_REF")],
    ),
    (
        "He died on Oct. 23, 2023. Earlier that day, he wrote.",
        dt.date(2023, 12, 21),
        [("Oct. 23, 2023", "2023-10-23"), ("Earlier that day", "2023-10-23")],
    ),
    ("The plant earns $5 million a year.", dt.date(2023, 12, 21), []),
    (
        "The fair runs from March 3 to 5, organisers said.",
        dt.date(2023, 12, 21),
        [("March 3", "2024-03-03"), ("5", "2024-03-05")],
    ),
    ("The election is scheduled for Nov. 5.", dt.date(2023, 12, 20), [("Nov. 5", "2024-11-05")]),
    ("In June last year the talks failed.", dt.date(2023, 12, 21), [("June last year", "2022-06")]),
    ("Sales rose in the 1990s.", dt.date(2023, 12, 21), [("the 1990s", "199")]),
    ("It posted a third-quarter loss.", dt.date(2023, 11, 2), [("third-quarter", "2023-Q3")]),
    ("Shares rose over the past two years.", dt.date(2023, 11, 2), [("the past two years", "P2Y")]),
    ("The deal should close by May.", dt.date(2023, 3, 2), [("May", "2023-05")]),
    (
        "The envoy said on Tuesday that Iraq would retaliate.",
        dt.date(2023, 12, 21),
        [("Tuesday", "2023-12-19")],
    ),
    (
        "Until Thursday, they had not named him.",
        dt.date(2023, 12, 23),
        [("Thursday", "2023-12-21")],
    ),
    ("They would appeal Wednesday's ruling.", dt.date(2023, 12, 21), [("Wednesday", "2023-12-20")]),
    (
        "For the nine months, net was $12.5 million, or $1.05 a share, against $9.8 million a year"
        " earlier.",
        dt.date(2023, 10, 25),
        [("the nine months", "P9M"), ("a year earlier", "2022")],
    ),
    (
        "It lost $2.1 million in the third quarter, against net of $1.8 million for the"
        " comparable period last year.",
        dt.date(2023, 10, 25),
        [("the third quarter", "2023-Q3"), ("the comparable period last year", "2022-Q3")],
    ),
    (
        "Profit will weaken in the second half of 2024 and the last half of 2025.",
        dt.date(2023, 12, 21),
        [("the second half of 2024", "2024-H2"), ("the last half of 2025", "2025-H2")],
    ),
    (
        "Losses should last through the first two quarters of 2024.",
        dt.date(2023, 12, 21),
        [("the first two quarters of 2024", "2024-H1")],
    ),
    (
        "Sales rose in the first nine months of 2023.",
        dt.date(2023, 12, 21),
        [("the first nine months", "P9M"), ("2023", "2023")],
    ),
    (
        "He added that the summit would still be held on April 24.",
        dt.date(2024, 2, 10),
        [("April 24", "2024-04-24")],
    ),
    ("The appeal is heard in May in the high court.", dt.date(2024, 3, 29), [("May", "2024-05")]),
    (
        "The company said the plant could not be located in March.",
        dt.date(2024, 1, 10),
        [("March", "2023-03")],
    ),
    (
        "On Tuesday, the National Association of Independent Builders plans to vote.",
        dt.date(2023, 12, 18),
        [("Tuesday", "2023-12-19")],
    ),
    (
        "Shares closed lower Friday, down 2% from the previous Friday.",
        dt.date(2023, 12, 18),
        [("Friday", "2023-12-15"), ("the previous Friday", "2023-12-08")],
    ),
    (
        "The vote took place on Dec. 5. On the following Monday, the results were published.",
        dt.date(2023, 12, 20),
        [("Dec. 5", "2023-12-05"), ("the following Monday", "2023-12-11")],
    ),
    (
        "Tokyo stocks fell Friday after overnight losses in New York.",
        dt.date(2023, 12, 18),
        [("Friday", "2023-12-15"), ("overnight", "2023-12-14TNI")],
    ),
    (
        "A hearing is set for the week of March 6.",
        dt.date(2024, 2, 24),
        [("the week of March 6", "2024-W10")],
    ),
    ("The board will soon decide on the plan.", dt.date(2023, 12, 21), [("soon", "FUTURE_REF")]),
    (
        "It wants to act as soon as possible.",
        dt.date(2023, 12, 21),
        [("as soon as possible", "FUTURE_REF")],
    ),
    ("He was soon released. Talks resumed soon after.", dt.date(2023, 12, 21), []),
    ("Call me as soon as you land.", dt.date(2023, 12, 21), []),
    (
        "Prices last fell this low in January nineteen ninety-seven.",
        dt.date(2023, 12, 21),
        [("January nineteen ninety-seven", "1997-01")],
    ),
    (
        "Oil hit that level in the winter of nineteen ninety-four.",
        dt.date(2023, 12, 21),
        [("the winter of nineteen ninety-four", "1994-WI")],
    ),
    (
        "Third-quarter net rose. For the nine months, it lost $1.2 million, against year-earlier"
        " net of $3 million.",
        dt.date(2023, 10, 25),
        [("Third-quarter", "2023-Q3"), ("the nine months", "P9M"), ("year-earlier", "2022")],
    ),
    (
        "Third-quarter net rose. In the nine months, net was $9.5 million, against $7 million in"
        " the 2022 period.",
        dt.date(2023, 10, 25),
        [("Third-quarter", "2023-Q3"), ("the nine months", "P9M"), ("the 2022 period", "2022")],
    ),
    (
        "Third-quarter profit rose. After a weak second quarter, the company cut costs. Charges"
        " in the year-earlier period were higher.",
        dt.date(2023, 10, 25),
        [
            ("Third-quarter", "2023-Q3"),
            ("second quarter", "2023-Q2"),
            ("the year-earlier period", "2022-Q3"),
        ],
    ),
    (
        "The guard was attacked on Dec. 2. A witness saw a van there at 6 a.m.",
        dt.date(2023, 12, 20),
        [("Dec. 2", "2023-12-02"), ("6 a.m.", "2023-12-02T06:00")],
    ),
    ("The shop closes at 9 p.m.", dt.date(2023, 12, 20), [("9 p.m.", "2023-12-20T21:00")]),
    (
        "The raid came on Dec. 3, 2019. The council will meet at 10 a.m. to discuss it.",
        dt.date(2023, 12, 20),
        [("Dec. 3, 2019", "2019-12-03"), ("10 a.m.", "2023-12-20T10:00")],
    ),
    (
        "Talks are set for Friday. They will start at 9 a.m. in Geneva.",
        dt.date(2023, 12, 20),
        [("Friday", "2023-12-22"), ("9 a.m.", "2023-12-22T09:00")],
    ),
    (
        "By mid-afternoon yesterday, shares had recovered; by mid afternoon they fell.",
        dt.date(2023, 12, 20),
        [("mid-afternoon yesterday", "2023-12-19TAF"), ("mid afternoon", "2023-12-20TAF")],
    ),
    (
        "Markets fell on Friday. Traders sold heavily in the morning.",
        dt.date(2023, 12, 18),
        [("Friday", "2023-12-15"), ("the morning", "2023-12-15TMO")],
    ),
    ("That matters in today's world and to today's youth.", dt.date(2023, 12, 21), []),
    ("He read today's editions.", dt.date(2023, 12, 21), [("today", "2023-12-21")]),
    ("He told CBS's '60 Minutes' and USA Today so.", dt.date(2023, 12, 21), []),
    (
        "Talks Collapse After 20 Hours Of Debate Today\nThe talks ended.",
        dt.date(2023, 12, 21),
        [("20 Hours", "PT20H"), ("Today", "2023-12-21")],
    ),
    ('"Today, we have a suspect," he said.', dt.date(2023, 12, 21), [("Today", "2023-12-21")]),
    (
        "Food accounted for 27% of sales in the latest fiscal year.",
        dt.date(2023, 10, 26),
        [("the latest fiscal year", "2022")],
    ),
    (
        "Three were killed, most recently last October.",
        dt.date(2024, 2, 6),
        [("last October", "2023-10")],
    ),
    ("The firm recently cut its dividend.", dt.date(2024, 2, 6), [("recently", "PAST_REF")]),
    ("They spoke about the future of Europe.", dt.date(2023, 12, 21), []),
    ("We will stay in the future.", dt.date(2023, 12, 21), [("the future", "FUTURE_REF")]),
    (
        "Many surrendered in the first hours of the war; the early years were harder.",
        dt.date(2023, 12, 21),
        [("the first hours", "PTXH"), ("the early years", "PXY")],
    ),
    (
        "Crowds prayed as Easter week began.",
        dt.date(2024, 3, 25),
        [("Easter week", "2024-W13")],
    ),
    ("Easter week 2023 was quiet.", dt.date(2024, 3, 25), [("Easter week 2023", "2023-W14")]),
    ("It will one day be the largest.", dt.date(2023, 12, 21), [("one day", "FUTURE_REF")]),
    (
        'He loved "High Noon." For Poland, high noon comes now.',
        dt.date(2023, 12, 21),
        [("now", "PRESENT_REF")],
    ),
    ("The talks resume at noon.", dt.date(2023, 12, 21), [("noon", "2023-12-21T12:00")]),
    ("He chose the leaders of tomorrow.", dt.date(2023, 12, 21), []),
    (
        "Holders may buy shares at half the then current price.",
        dt.date(2023, 12, 21),
        [("then current", "PAST_REF")],
    ),
    (
        "Acme agreed to buy the unit for $22 million in February.",
        dt.date(2023, 10, 30),
        [("February", "2024-02")],
    ),
    ("Acme agreed in March to buy the unit.", dt.date(2023, 10, 30), [("March", "2023-03")]),
    (
        "The day before last Tuesday's hearing, he visited his brother.",
        dt.date(2023, 12, 21),
        [("The day before last Tuesday", "2023-12-18")],
    ),
    (
        "Protesters planned a march on Saturday and were planning to drive to the airport.",
        dt.date(2024, 1, 5),
        [("Saturday", "2024-01-06")],
    ),
    (
        "The ship, on patrol since March, was scheduled to return home.",
        dt.date(2023, 8, 13),
        [("March", "2023-03")],
    ),
    (
        "Two bidders extended their offers to acquire the maker Friday.",
        dt.date(2023, 10, 30),
        [("Friday", "2023-10-27")],
    ),
    (
        "It ends by the morning of tomorrow.",
        dt.date(2023, 12, 21),
        [("the morning of tomorrow", "2023-12-22TMO")],
    ),
    ("It offers a bonus equal to six months of base pay.", dt.date(2023, 12, 21), []),
    (
        "For the nine months, net was $81.2 million. In the year-earlier period, net was $77"
        " million.",
        dt.date(2023, 10, 27),
        [("the nine months", "P9M"), ("the year-earlier period", "P9M")],
    ),
    ("The strike lasted one day.", dt.date(2023, 12, 21), [("one day", "P1D")]),
    (
        "He was arrested in the early hours of Thursday.",
        dt.date(2023, 12, 22),
        [("Thursday", "2023-12-21")],
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_annotate(text, published, expected):
    assert _values(text, published) == expected


def test_spans_are_exact_slices():
    text = "On Monday, Dec. 18, 2023, two days after the vote, shares rose 3% to $10."
    for t in annotate(text, dt.date(2023, 12, 20)):
        assert text[t.start : t.end] == t.text
        assert 0 <= t.start < t.end <= len(text)


def test_past_reporting_the_publication_weekday_is_that_day():
    text = "Mishustin met Xi in Beijing on Wednesday, officials said."
    assert _values(text, dt.date(2023, 12, 20)) == [("Wednesday", "2023-12-20")]


@pytest.mark.skipif(not SEED.exists(), reason=f"seed article not found at {SEED}")
def test_seed_article():
    text = SEED.read_text(encoding="utf-8")
    got = [(t.text, t.type, t.value, t.mod) for t in annotate(text, dt.date(2023, 12, 21))]
    assert got == [
        ("Wednesday", "DATE", "2023-12-20", None),
        ("two-day", "DURATION", "P2D", None),
        ("nearly two years", "DURATION", "P2Y", "APPROX"),
        ("Wednesday", "DATE", "2023-12-20", None),
        ("this year", "DATE", "2023", None),
        ("Monday", "DATE", "2023-12-18", None),
    ]


@pytest.mark.skipif(not SEED.exists(), reason=f"seed article not found at {SEED}")
def test_seed_article_published_on_the_wednesday():
    text = SEED.read_text(encoding="utf-8")
    values = {t.text: t.value for t in annotate(text, dt.date(2023, 12, 20))}
    assert values["Wednesday"] == "2023-12-20"
