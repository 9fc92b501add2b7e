"""Issue 24 (part 3): the first month of a range takes the closing month's year ("from June
to August 2021"); "that autumn", "the following spring" after a year told in news read from
it; "the same month thirty years later"; "is to be presented on Tuesday" points ahead; a
month and day with no year ("on 22/11") reads ahead unless told in the past."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2024, 3, 6)  # a Wednesday


def values(text: str, published: dt.date = PUB) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in annotate(text, published)]


# (text, expected (span, value) pairs[, published]); published Wednesday 2024-03-06
TABLE = [
    # a month range: the first month in the closing month's year, or the year before
    ("From June to August 2021 sales fell.", [("June", "2021-06"), ("August 2021", "2021-08")]),
    ("The river froze from December to February 1917.",
     [("December", "1916-12"), ("February 1917", "1917-02")]),
    ("Work ran between May and late July 1916.",
     [("May", "1916-05"), ("late July 1916", "1916-07")]),
    # negative: no closing year, or a day range, or another month named later
    ("Sales rose from June to August.", [("June", "2023-06"), ("August", "2023-08")]),
    ("Talks ran from 12 to 20 May 1916.", [("12", "1916-05-12"), ("20 May 1916", "1916-05-20")]),
    # anaphoric seasons and months after a year told two or more years back
    ("The war ended in 1945. That autumn the soldiers came home.",
     [("1945", "1945"), ("That autumn", "1945-FA")]),
    ("The war ended in 1945. The following spring the farms were sown.",
     [("1945", "1945"), ("The following spring", "1946-SP")]),
    ("The plant opened in 2019. That September it hired 40 people.",
     [("2019", "2019"), ("That September", "2019-09")]),
    # negative: a year just past tells no scene; plain seasons read from publication
    ("Sales rose in 2023. That autumn prices fell.",
     [("2023", "2023"), ("That autumn", "2023-FA")]),
    ("The war ended in 1945. The farms will be sown in spring.",
     [("1945", "1945"), ("spring", "2024-SP")]),
    # "the same month N years later / earlier"
    ("In March 1965 the line closed. The same month thirty years later it reopened.",
     [("March 1965", "1965-03"), ("The same month thirty years later", "1995-03")]),
    ("In March 1965 the line closed. The same month two years earlier it had flooded.",
     [("March 1965", "1965-03"), ("The same month two years earlier", "1963-03")]),
    # "is to" + verb: a plan ahead
    ("The budget is to be presented on Tuesday.", [("Tuesday", "2024-03-12")]),
    ("The minister is to visit Paris on Friday.", [("Friday", "2024-03-08")]),
    # negative: "was to" is a plan in the past; "is" with no "to" gives no plan
    ("The minister was to speak on Friday but fell ill.", [("Friday", "2024-03-01")]),
    ("The minister visited Paris on Friday.", [("Friday", "2024-03-01")]),
    # a month and day with no year: ahead unless told in the past
    ("tickets for 22/11 still on sale", [("22/11", "2024-11-22")]),
    ("we met on 2/13 at the station", [("2/13", "2024-02-13")]),
    ("we met on 2/3 at the station", [("2/3", "2024-03-02")]),  # the nearer reading
    ("gig is on 3/9!!", [("3/9", "2024-03-09")]),
]  # fmt: skip


@pytest.mark.parametrize("row", TABLE, ids=[row[0] for row in TABLE])
def test_told_ranges(row):
    text, expected, published = (*row, PUB)[:3]
    assert values(text, published) == expected
