"""Texts written all in lower case ("march 3 2015", "last monday", "christmas eve"): a copy
with the names of days, months and holidays capitalised, so the rules (which read only
capitalised names, to keep "may" and "march" the verbs out) find them. The copy has the same
length, so every offset found in it is an offset into the text."""

from __future__ import annotations

import re

_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|weds|thurs|thur|fri"
_MONTHS = "january|february|april|june|july|september|october|november|december"
#: Month names that are also common words: capitalised only where a date reads them.
_AMBIGUOUS = "may|march|august"
#: Abbreviated months, read only before a day or a year ("sept 3", "dec 2023").
_ABBREVIATED = "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
_HOLIDAYS = (
    r"(?:christmas|xmas)(?:\s+(?:day|eve))?|new\s+year's(?:\s+(?:day|eve))?|new\s+years(?:\s+(?:day|eve))?|new\s+year\s+(?:day|eve)|thanksgiving(?:\s+day)?|"
    r"easter(?:\s+sunday)?|halloween|valentine's\s+day|good\s+friday|boxing\s+day|"
    r"mother's\s+day|father's\s+day|black\s+friday|cyber\s+monday|independence\s+day|"
    r"labor\s+day|memorial\s+day|veterans\s+day|election\s+day"
)
_DATE_BEFORE = r"in|since|until|till|early|late|mid|during"
_DATE_AFTER = r"(?=\s+(?:[0-3]?\d(?:st|nd|rd|th)?\b|(?:1[0-9]|20)\d\d\b))"
# Case-sensitive patterns (an IGNORECASE scan of every text costs a third of the run time).
_NAMES = re.compile(
    rf"\b(?:(?P<plain>{_WEEKDAYS}|{_MONTHS}|{_HOLIDAYS})\b"
    rf"|(?P<cue>(?:{_DATE_BEFORE})\s+|[0-3]?\d\s+)(?P<cued>{_AMBIGUOUS})\b"
    rf"|(?P<dcue>\b[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?)(?P<dcued>{_AMBIGUOUS}|{_ABBREVIATED})\b"
    rf"|(?P<numbered>{_AMBIGUOUS}|{_ABBREVIATED}){_DATE_AFTER})"
)
#: Holidays in capitals ("CHRISTMAS EVE"): the rules read their names in title case only.
_UPPER_HOLIDAYS = re.compile(
    rf"\b(?P<plain>{_HOLIDAYS.upper().replace(chr(92) + 'S', chr(92) + 's')})\b"
)


def _cap(word: str) -> str:
    """Capitalise each word of a lower-case or all-capitals name ("christmas eve", "MOTHER'S
    DAY": "Christmas Eve", "Mother's Day"); a name already capitalised stays as it is."""
    if not (word.islower() or word.isupper()):
        return word
    return re.sub(r"[A-Za-z]+", lambda w: w[0].capitalize(), word.lower()).replace("'S", "'s")


def _title(m: re.Match[str]) -> str:
    for cue, cued in (("cue", "cued"), ("dcue", "dcued")):
        if m.groupdict().get(cued) is not None:
            name = m[cued]
            return m[cue] + (_cap(name) if name.islower() else name)
    name = m["plain"] or m.groupdict().get("numbered")
    if name.isupper() and not re.match(_HOLIDAYS, name, re.IGNORECASE):
        return name  # "MONDAY", "MARCH 3": the rules read capitals already
    return _cap(name) if name.islower() or name.isupper() else name


def recase(text: str) -> str:
    """``text`` with lower-case day, month and holiday names capitalised (the same length)."""
    text = _NAMES.sub(_title, text)
    return _UPPER_HOLIDAYS.sub(_title, text) if "DAY" in text or "MAS" in text else text
