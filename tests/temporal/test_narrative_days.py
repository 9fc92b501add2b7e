"""Issue 24, narrative class: weekday names read from the day the text is telling, "by
morning" after a night, "the same month a year ago", and both ends of "from 2009 to 2011"."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2024, 3, 6)  # a Wednesday


def values(text: str, kind: str | None = None) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in annotate(text, PUB, kind)]


# (text, document_type, expected (span, value) pairs); published Wednesday 2024-03-06
TABLE = [
    # weekdays after a day told: the one that follows it
    ("The ship sailed on Friday, 9 November 1956. Lifeboats reached it on Sunday.",
     "narrative", [("Friday, 9 November 1956", "1956-11-09"), ("Sunday", "1956-11-11")]),
    ("It opened on Monday, 3 May 1869, and that Wednesday the first train ran.",
     "narrative", [("Monday, 3 May 1869", "1869-05-03"), ("that Wednesday", "1869-05-05")]),
    ("On 7 March 1895 a thaw flooded the cutting, and on Saturday the line closed.",
     "narrative", [("7 March 1895", "1895-03-07"), ("Saturday", "1895-03-09")]),
    ("The ship sailed on 9 November 1956. A gale had been forecast for Saturday.",
     "narrative", [("9 November 1956", "1956-11-09"), ("Saturday", "1956-11-10")]),
    # ... or before it, in the pluperfect
    ("On 7 March 1895 the board met. It had inspected the line on Tuesday.",
     "narrative", [("7 March 1895", "1895-03-07"), ("Tuesday", "1895-03-05")]),
    # negative: a story told only to the month gives no day to read from; news reads the
    # publication date outside a background passage
    ("In March 1895 the line flooded.\nThe line will reopen on Saturday.",
     None, [("March 1895", "1895-03"), ("Saturday", "2024-03-09")]),
    ("The council met on Tuesday, officials said.", None, [("Tuesday", "2024-03-05")]),
    # negative: a clause about the future from now reads from the publication date
    ("The ship sank on 9 November 1956. A memorial service will be held on Sunday.",
     "narrative", [("9 November 1956", "1956-11-09"), ("Sunday", "2024-03-10")]),
    ("The ship sank on 9 November 1956. Rescuers hoped it would be raised on Sunday.",
     "narrative", [("9 November 1956", "1956-11-09"), ("Sunday", "1956-11-11")]),
    # "by morning": the morning after a night told, the same day after an early hour
    ("The river rose through the night of 14 March 1947. By morning the town was flooded.",
     "narrative", [("the night of 14 March 1947", "1947-03-14TNI"), ("morning", "1947-03-15TMO")]),
    ("On 10 November 1956 the engines failed at 2 a.m., and by morning the ship was aground.",
     "narrative", [("10 November 1956", "1956-11-10"), ("2 a.m.", "1956-11-10T02:00"),
                   ("morning", "1956-11-10TMO")]),  # fmt: skip
    ("On 4 May 1950 at 11 p.m. the dam broke; by morning the valley was flooded.",
     "narrative", [("4 May 1950", "1950-05-04"), ("11 p.m.", "1950-05-04T23:00"),
                   ("morning", "1950-05-05TMO")]),  # fmt: skip
    # a narrative moves on with "the next morning": later counts start from it
    ("The storm hit on 3 May 1950. The next morning the roads were shut. Two days later they "
     "reopened.", "narrative", [("3 May 1950", "1950-05-03"), ("The next morning", "1950-05-04TMO"),
                                ("Two days later", "1950-05-06")]),
    # negative: "that morning" is the day told; it moves nothing on
    ("The storm hit on 3 May 1950. That morning the roads were shut. Two days later they "
     "reopened.", "narrative", [("3 May 1950", "1950-05-03"), ("That morning", "1950-05-03TMO"),
                                ("Two days later", "1950-05-05")]),
    # negative: "by night", "by day" are manners of travel
    ("They travelled by night and rested by day.", None, []),
    # the same month a year ago: that month a year back, as one expression
    ("The same month a year ago, sales fell.", None, [("The same month a year ago", "2023-03")]),
    ("The ship sank on 9 November 1956. The company had cut the crew in the same month a year "
     "earlier.", "narrative",
     [("9 November 1956", "1956-11-09"), ("the same month a year earlier", "1955-11")]),
    ("The company cut the crew in the same month.", None, [("the same month", "2024-03")]),
    # ranges: both ends, each with its own year
    ("He served from 2009 to 2011.", None, [("2009", "2009"), ("2011", "2011")]),
    ("Prices rose between March 2022 and July 2023.", None,
     [("March 2022", "2022-03"), ("July 2023", "2023-07")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "expected"), TABLE)
def test_narrative_days(text, kind, expected):
    assert values(text, kind) == expected
