"""Issue 24, narrative class (part 3): years written without their century ("from '58 to
'79", "the spring of '29"), "the same month a year later", a deed done by a deadline ("crossed
the border by noon" is past), and a bare clock time in a narrative read on the day told."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2021, 5, 20)  # a Thursday


def values(text: str, kind: str | None = None) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in annotate(text, PUB, kind)]


# (text, document_type, expected (span, value) pairs); published Thursday 2021-05-20
TABLE = [
    # a year without its century: the last of those digits up to a year after publication
    ("She kept the shop from '58 to '79.", None, [("'58", "1958"), ("'79", "1979")]),
    ("The mill burned down in '07 and was never rebuilt.", None, [("'07", "2007")]),
    ("They married in \u201931, when the bridge opened.", None, [("\u201931", "1931")]),
    ("He first flew in the spring of '29.", None, [("the spring of '29", "1929-SP")]),
    ("The club was founded in the autumn of '22.", None, [("the autumn of '22", "2022-FA")]),
    # negative: a decade, a quoted number, a percentage, a year with no preposition
    ("The '60s were loud.", None, [("The '60s", "196")]),
    ("The sign read '12' in red paint.", None, []),
    ("Prices rose by '15 %' said the poster.", None, []),
    ("Rock 'n' roll '56 was the record's name.", None, []),
    # "the same month a year later": a year on from the month told, and the story moves on
    ("In March 1947 snow closed the pass. In the same month a year later it closed again.",
     "narrative", [("March 1947", "1947-03"), ("the same month a year later", "1948-03")]),
    ("The dam was finished in June 1950. The same month a year later it cracked. By winter it "
     "was gone.", "narrative",
     [("June 1950", "1950-06"), ("The same month a year later", "1951-06"), ("winter", "1951-WI")]),
    # negative: a year back stays a year back
    ("In March 1947 snow closed the pass; the same month a year earlier it had been open.",
     "narrative", [("March 1947", "1947-03"), ("the same month a year earlier", "1946-03")]),
    # a deed done by a deadline is past: the bare clock is the day told
    ("The race began on Saturday 9 May 1936. She crossed the Channel by noon.",
     "narrative", [("Saturday 9 May 1936", "1936-05-09"), ("noon", "1936-05-09T12:00")]),
    ("The flood came on 3 June 1950. The bridge had gone by noon and the town flooded by "
     "evening.", "narrative", [("3 June 1950", "1950-06-03"), ("noon", "1950-06-03T12:00"),
                             ("evening", "1950-06-03TEV")]),
    # negative: what is supposed or due to happen by a deadline still lies ahead
    ("The talks, which are supposed to conclude by May, resumed on Monday.",
     None, [("May", "2021-05"), ("Monday", "2021-05-17")]),
    ("The work will be finished by Friday.", None, [("Friday", "2021-05-21")]),
    ("The council agreed the plan and expects a decision by June.", None, [("June", "2021-06")]),
    # "until" after a deed done: the day behind
    ("The strike lasted until Friday.", None, [("Friday", "2021-05-14")]),
    # negative: a plan or a present state runs until a day ahead
    ("The shop will stay open until Friday.", None, [("Friday", "2021-05-21")]),
    ("The shop stays open until Friday.", None, [("Friday", "2021-05-21")]),
    ("The agency extended its deadline until Tuesday.", None, [("Tuesday", "2021-05-25")]),
    # a bare clock in a narrative falls on the day told, even in a clause about the future
    ("The train left on 2 March 1920. It would reach the coast at 6 p.m.",
     "narrative", [("2 March 1920", "1920-03-02"), ("6 p.m.", "1920-03-02T18:00")]),
    # negative: in news a future clock is today's
    ("The minister spoke on 2 March 1920 about the strike. Voting will end at 6 p.m.",
     "news", [("2 March 1920", "1920-03-02"), ("6 p.m.", "2021-05-20T18:00")]),
    # a decade word after a possessive is an age
    ("In her twenties she moved to Berlin.", None, []),
    ("In his late forties he retired to Kent.", None, []),
    ("By Anna's thirties the studio was famous.", None, []),
    # negative: the decades themselves
    ("In the twenties jazz spread.", None, [("the twenties", "192")]),
    ("The early thirties were hard.", None, [("The early thirties", "193")]),
    # in news, a whole day long past told as the day of a deed sets the scene for the days
    # after it in its paragraph
    ("The siege began on 4 October 1643. The garrison marched out on 20 October.", "news",
     [("4 October 1643", "1643-10-04"), ("20 October", "1643-10-20")]),
    ("The siege began on 4 October 1643. By Christmas the town had fallen.", "news",
     [("4 October 1643", "1643-10-04"), ("Christmas", "1643-12-25")]),
    # "the night of the 12th": that part of the day of the month told
    ("The siege began on 4 October 1643. On the night of the 12th the defenders made a sortie.",
     "narrative", [("4 October 1643", "1643-10-04"), ("the night of the 12th", "1643-10-12TNI")]),
    # negative: an ordinal before a noun is a rank
    ("He was knocked down on the night of the 12th round.", "narrative", []),
    # "the turn of the century" told of the past: the century boundary nearest the time told
    ("The mill was built in the late 1800s and rebuilt at the turn of the century.", None,
     [("the late 1800s", "18"), ("the turn of the century", "19")]),
    ("The firm, founded in 1875, grew fast until the turn of the century.", None,
     [("1875", "1875"), ("the turn of the century", "19")]),
    # negative: said of the future, the writer's century
    ("By the turn of the century, half of us will live in cities.", None,
     [("the turn of the century", "21")]),
    # "the following decade" after a year told, and "the next decade" told in the past in a
    # narrative: the decade after the one told
    ("She opened a studio in 1929. The following decade was hard.", None,
     [("1929", "1929"), ("The following decade", "193")]),
    ("Anna was born in 1902 and opened a studio in 1929. The next decade was hard.",
     "narrative", [("1902", "1902"), ("1929", "1929"), ("The next decade", "193")]),
    ("The mill opened in 1951; the previous decade had been lean.", "narrative",
     [("1951", "1951"), ("the previous decade", "194")]),
    # negative: of the future, or in news, the next decade is a span
    ("Anna opened a studio in 1929. Over the next decade, she said, prices will rise.",
     "narrative", [("1929", "1929"), ("the next decade", "P10Y")]),
    ("Sales grew in 2019. Over the next decade they fell.", "news",
     [("2019", "2019"), ("the next decade", "P10Y")]),
    # "the night before", "the evening before" standing alone: that part of the day before
    ("The army crossed on 12 May 1809. The night before, the bridges had been burned.",
     "narrative", [("12 May 1809", "1809-05-12"), ("The night before", "1809-05-11TNI")]),
    ("The army crossed on 12 May 1809. The morning after, it rained.",
     "narrative", [("12 May 1809", "1809-05-12"), ("The morning after", "1809-05-13TMO")]),
    # negative: with what it precedes it is no date ("the night before the vote")
    ("The army crossed on 12 May 1809. The night before the battle he wrote home.",
     "narrative", [("12 May 1809", "1809-05-12")]),
    # negative: a day naming an event ("the Dec. 21, 1988, bombing") sets no scene
    ("Two men charged in the Dec. 21, 1988, bombing were freed after the leader agreed in April "
     "to a trial.", "news", [("Dec. 21, 1988", "1988-12-21"), ("April", "2021-04")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "expected"), TABLE)
def test_story_time(text, kind, expected):
    assert values(text, kind) == expected
