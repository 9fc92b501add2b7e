"""What a normaliser needs to know: the text, the publication date, and the running reference."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import NamedTuple

from .context import tense

_ABSOLUTE = re.compile(r"^\d{4}(?:-(?:\d\d(?:-\d\d)?|Q[1-4]|H[12]|W\d\d|SP|SU|FA|WI))?")


#: A full stop, question or exclamation mark that ends a sentence: not the point of "$9.7".
SENTENCE_END = re.compile(r"[!?]|\.(?!\d)")


def same_sentence(text: str, start: int, end: int) -> bool:
    """True if no sentence ends in ``text[start:end]`` (decimal points in figures don't)."""
    return start >= 0 and SENTENCE_END.search(text, start, end) is None


def words(text: str | None) -> str:
    """Lower case with single spaces: the key form of a matched phrase."""
    return " ".join((text or "").lower().split())


class Result(NamedTuple):
    """A normalised expression; ``start``/``end`` override the match span when set."""

    type: str
    value: str
    mod: str | None = None
    start: int | None = None
    end: int | None = None
    anchor: bool = True  # False: derived from the reference, so it must not replace it


@dataclasses.dataclass
class State:
    """The document being normalised, left to right."""

    text: str
    dct: dt.date
    forced_tense: str | None = None
    ref: str | None = None  # the last absolute DATE value (e.g. 1989-Q3, 1989-10-20)
    quarter: str | None = None  # the last quarter the text talked about
    last_end: int = -1  # where the previous expression ended, and its value
    last_value: str = ""

    def tense(self, start: int, end: int) -> str | None:
        return self.forced_tense or tense(self.text, start, end)

    def note(self, result: Result) -> None:
        """Remember an absolute date as the reference for 'a year earlier', 'that day'..."""
        if result.anchor and result.type in ("DATE", "TIME"):
            m = _ABSOLUTE.match(result.value)
            if m:
                self.ref = m[0]
                if "-Q" in m[0]:
                    self.quarter = m[0]
