"""Test helpers: the event tests' articles and hand-built temporal expressions for them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from service.temporal.model import Timex

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[2]
TEXTS = {  # the seed is the project's own seed; the second report lives with the fixtures
    "geopost-china-russia.txt": ROOT / "seeds" / "geopost-china-russia.txt",
    "second-article.txt": ROOT / "fixtures" / "articles" / "texts" / "second-article.txt",
}
SEED_PUBLISHED = dt.date(2023, 12, 21)
SECOND_PUBLISHED = dt.date(2023, 12, 20)


def read(name: str) -> str:
    return TEXTS.get(name, DATA / name).read_text(encoding="utf-8")


def timex(text: str, phrase: str, value: str, nth: int = 0, **fields) -> Timex:
    """A Timex for the ``nth`` occurrence of ``phrase``; DATE with day bounds by default."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    kind = fields.pop("type", "DURATION" if value.startswith("P") else "DATE")
    if kind == "DATE" and len(value) == 10 and "start_date" not in fields:
        day = dt.date.fromisoformat(value)
        fields.update(start_date=day, end_date=day, precision="day")
    edtf = fields.pop("edtf", None if kind == "DURATION" else value)
    return Timex(start, start + len(phrase), phrase, kind, value, edtf, **fields)


def seed_timexes(text: str, published: dt.date = SEED_PUBLISHED) -> list[Timex]:
    """What the temporal engine should find in the seed, published on ``published``."""
    wednesday = dt.date(2023, 12, 20).isoformat()
    year = dt.date(2023, 1, 1), dt.date(2023, 12, 31)
    return [
        timex(text, "on Wednesday", wednesday),
        timex(text, "two-day", "P2D"),
        timex(text, "for nearly two years", "P2Y", mod="APPROX"),
        timex(text, "on Wednesday", wednesday, nth=1),
        timex(text, "this year", "2023", start_date=year[0], end_date=year[1], precision="year"),
        timex(text, "on Monday", "2023-12-18"),
    ]


def second_timexes(text: str) -> list[Timex]:
    year = dt.date(2023, 1, 1), dt.date(2023, 12, 31)
    return [
        timex(text, "on Wednesday", "2023-12-20"),
        timex(text, "on Tuesday", "2023-12-19"),
        timex(text, "two-day", "P2D"),
        timex(text, "this year", "2023", start_date=year[0], end_date=year[1], precision="year"),
    ]


def titled(text: str, word: str, published: dt.date):
    """The first event extracted from ``text`` whose title holds ``word`` (lower case)."""
    from service.events import extract

    events = extract(text, published)
    found = [e for e in events if word in e.title.lower()]
    assert found, [e.title for e in events]
    return found[0]


def actor_names(text: str, word: str, published: dt.date) -> set[str]:
    """The actors' names of the first event whose title holds ``word`` (``titled``)."""
    return {a.name for a in titled(text, word, published).actors}
