"""'a year earlier' right after a year told in its sentence is the year before that one ('lost
1.2m in 2022, against 0.4m a year earlier': 2021); 'N years later' never counts from the
quarter a report is about ('founded in 1980 and ten years later': 1990, was 1990-Q3 moved from
the quarter); a quarter already over named as a deadline in a future clause is next year's
('voted to close the depot by the fourth quarter' in February: this year's, was last year's)."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate


def values(text: str, pub: dt.date) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in annotate(text, pub, document_type="news")]


FEB = dt.date(2023, 2, 16)
MAY = dt.date(2024, 5, 15)

TABLE = [
    # positive: 'a year earlier' after a year in the same sentence
    ("The depot lost 1.2 million pounds in 2022, against a loss of 0.4 million a year earlier.",
     FEB, [("2022", "2022"), ("a year earlier", "2021")]),
    ("In 2019 sales rose; a year earlier they had fallen.", MAY,
     [("2019", "2019"), ("a year earlier", "2018")]),
    # negative: no year before it in the sentence, or a month: the publication's year, that month
    ("Profit rose to $5 million from $4 million a year earlier.", MAY,
     [("a year earlier", "2023")]),
    ("Sales in September fell from a year earlier.", MAY,
     [("September", "2023-09"), ("a year earlier", "2022-09")]),
    # positive: 'N years later' after a year told, with a quarter reported before
    ("The company earned $5 million in the third quarter. It was founded in 1980 and ten years "
     "later it listed its shares.", MAY,
     [("the third quarter", "2023-Q3"), ("1980", "1980"), ("ten years later", "1990")]),
    # negative: 'a year earlier' after the quarter reported stays that quarter a year back
    ("The company earned $5 million in the third quarter, up from $4 million a year earlier.", MAY,
     [("the third quarter", "2023-Q3"), ("a year earlier", "2022-Q3")]),
    # positive: a quarter already over, as a deadline in a future clause
    ("The council voted on Wednesday to close the depot by the fourth quarter.", FEB,
     [("Wednesday", "2023-02-15"), ("the fourth quarter", "2023-Q4")]),
    ("The firm expects to finish the plant by the first quarter.", MAY,
     [("the first quarter", "2025-Q1")]),
    # negative: no deadline, or a past clause: the latest such quarter
    ("Profit fell in the fourth quarter.", FEB, [("the fourth quarter", "2022-Q4")]),
    ("The plant was finished by the fourth quarter.", FEB, [("the fourth quarter", "2022-Q4")]),
    ("The firm will report results for the fourth quarter next week.", FEB,
     [("the fourth quarter", "2022-Q4"), ("next week", "2023-W08")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "pub", "expected"), TABLE)
def test_year_earlier_and_deadline_quarters(text, pub, expected):
    assert values(text, pub) == expected
