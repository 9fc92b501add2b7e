"""'The next Tuesday' after a day told is the Tuesday after that day (narrative, a news
background passage, or a past clause after a day named); 'next Tuesday' and a clause about
the future from now still count from the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from service.temporal import annotate

PUB = dt.date(2024, 3, 6)  # a Wednesday


def values(text: str, kind: str | None = None) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in annotate(text, PUB, kind)]


# (text, document_type, expected (span, value) pairs); published Wednesday 2024-03-06
TABLE = [
    # positive: from the day told (3 May 1940 is a Friday); the story moves on with it
    ("The army reached the river on 3 May 1940. The next Tuesday the bridge fell, and on "
     "Friday the town surrendered.", "narrative",
     [("3 May 1940", "1940-05-03"), ("The next Tuesday", "1940-05-07"), ("Friday", "1940-05-10")]),
    ("The mill burned on 12 June 1888; the next Saturday the owners met.", "narrative",
     [("12 June 1888", "1888-06-12"), ("the next Saturday", "1888-06-16")]),
    # positive: a past clause after a day named in news
    ("The army reached the river on Friday. The next Tuesday the bridge fell.", "news",
     [("Friday", "2024-03-01"), ("The next Tuesday", "2024-03-05")]),
    ("The strike began on Feb. 12. The next Monday the port closed.", "news",
     [("Feb. 12", "2024-02-12"), ("The next Monday", "2024-02-19")]),
    # negative: about the future from now, or no day told: the Tuesday of next week
    ("The army reached the river on 3 May 1940. It will reopen the next Tuesday.", "narrative",
     [("3 May 1940", "1940-05-03"), ("the next Tuesday", "2024-03-12")]),
    ("The council will meet the next Tuesday.", "news", [("the next Tuesday", "2024-03-12")]),
    ("The team won on Friday. It plays again the next Tuesday.", "news",
     [("Friday", "2024-03-01"), ("the next Tuesday", "2024-03-12")]),
    # negative: 'next Tuesday' without 'the' is deictic even after a day told
    ("The strike began on Feb. 12. Talks resume next Tuesday.", "news",
     [("Feb. 12", "2024-02-12"), ("next Tuesday", "2024-03-12")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "expected"), TABLE)
def test_next_weekday(text, kind, expected):
    assert values(text, kind) == expected
