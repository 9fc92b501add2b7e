"""The document's time line: which time a year-less or relative expression is read from.

A news article is read from its publication date: "on 15 May" in a story published in June is
this year's. A narrative (a history, a biography, a background passage) is read from the time
the text is telling: after "In 1917 the army retreated.", "On 15 May it counter-attacked" is
1917-05-15 and "a year later" 1918. The time line is the publication date, then each anchor in
reading order: an explicit date with a year sets it, and in narrative text so does every date
read from it ("A year later" moves the story to 1918, so "that September" is 1918-09).

Which default applies is the *document type*: ``news`` or ``narrative``, given by the client or
detected from the text (:func:`detect`). News keeps the publication date as its default, and
reads from the story only inside a passage that makes it clear: an explicit year at least two
years before publication set earlier in the same paragraph ("In 2008 the plant closed. That
September..."). A narrative reads every expression from the story once one is set, across
paragraphs, until another anchor replaces it.
"""

from __future__ import annotations

import datetime as dt
import re

from ..vocabulary import DOCUMENT_TYPES

NEWS, NARRATIVE = DOCUMENT_TYPES

#: A year (or "480 BC") and, in the few characters before it, what makes it one a text sets:
#: a preposition, a month name, a day, or a sentence start ("In 1917", "May 1917", "of 1917").
_YEAR_NUMBER = re.compile(r"(?<![\d$.,])(1[0-9]\d\d|20\d\d|\d{1,3}\s+BC)(?![\d%])")
_YEAR_CUE = re.compile(
    r"(?:\b(?:in|of|by|since|until|during|from|to|after|before|early|late|mid|spring|summer|"
    r"autumn|fall|winter|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|\d{1,2})[\s,-]+|(?:^|[.!?]\s+|\n))$",
    re.IGNORECASE,
)


def _set_years(text: str) -> list[int]:
    """The explicit years a text sets, in reading order (BC years negative)."""
    years = []
    for m in _YEAR_NUMBER.finditer(text):
        if _YEAR_CUE.search(text, max(0, m.start() - 12), m.start()):
            word = m[1]
            years.append(-int(word.split()[0]) if word.endswith("BC") else int(word))
    return years


#: Words that tie a text to its publication date: news deixis and reporting verbs.
_PRESENT_CUES = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight|(?:this|last|next)\s+(?:week|month|year)|"
    r"said|says|told)\b",
    re.IGNORECASE,
)
#: A narrative text sets at least this many explicit years ...
_MIN_YEARS = 3
#: ... and this share of them lies this many years or more before publication.
_OLD_SHARE = 0.6
_OLD_YEARS = 5
#: ... and has at most one present cue for every this many years.
_YEARS_PER_CUE = 3


def detect(text: str, published_at: dt.date) -> str:
    """``narrative`` if the text tells a story of the past: at least three explicit years (two
    if nothing ties the text to the present), most of them five or more years before
    publication, and few words tying it to the day of publication ("yesterday", "last week",
    "said"); else ``news``.

    News quotes old years too ("since 1985", "the 1973 law"), but beside reports of what was
    said this week; a history or biography is told almost entirely in past years.
    """
    years = _set_years(text)
    if len(years) < 2:
        return NEWS
    old = sum(1 for y in years if y <= published_at.year - _OLD_YEARS)
    if old < _OLD_SHARE * len(years):
        return NEWS
    cues = sum(1 for _ in _PRESENT_CUES.finditer(text))
    if len(years) < _MIN_YEARS and cues:  # two old years: only with no tie to the present
        return NEWS
    return NARRATIVE if cues * _YEARS_PER_CUE <= len(years) else NEWS


def mode(document_type: str | None, text: str, published_at: dt.date) -> str:
    """The document type to read ``text`` with: the client's, else the detected one."""
    if document_type in DOCUMENT_TYPES:
        return document_type
    return detect(text, published_at)


#: The leading year of a value: "1917", "1917-05-15", "-0480" (480 BC).
_YEAR_OF = re.compile(r"^-?\d{4}")


def year_of(value: str) -> int | None:
    m = _YEAR_OF.match(value)
    return int(m[0]) if m else None


_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 12, "Q1": 2, "Q2": 5, "Q3": 8, "Q4": 11}


def told_month(value: str) -> int | None:
    """The month a story value is in: its own, or the middle of its season or quarter."""
    m = re.match(r"^\d{4}-(\d\d|SP|SU|FA|WI|Q[1-4])", value)
    if not m:
        return None
    return _SEASON_MONTH.get(m[1]) or int(m[1])


def nearest_year(value: str, month: int) -> int | None:
    """The year putting ``month`` near the story time ``value``, ahead rather than back: after
    "It was finished in October [1643]", "In January" is 1644's; with no month told, the
    story's own year."""
    year = year_of(value)
    if year is None:
        return None
    told = told_month(value)
    if told is None:
        return year
    # a story moves on: up to eight months ahead or four back ("in the spring of 1918 ...
    # after the armistice in November": 1918's November, not 1917's)
    ahead = month - told
    if ahead > 8:
        return year - 1
    if ahead < -4:
        return year + 1
    return year


def as_day(value: str) -> dt.date | None:
    """The day a value names, if it names one ("1917-05-15", "1917-05-15T08:00")."""
    m = re.match(r"^(\d{4})-(\d\d)-(\d\d)", value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def base_date(value: str) -> dt.date | None:
    """A day standing for a story value, for the resolvers that read from a day: its own day,
    or the middle of its month or year (so a month or season falls in that year)."""
    day = as_day(value)
    if day:
        return day
    year = year_of(value)
    if year is None or year < 1:
        return None
    m = re.match(r"^\d{4}-(\d\d)$", value)
    if m:
        return dt.date(year, int(m[1]), 15)
    return dt.date(year, 7, 1)
