"""What a normaliser needs to know: the text, the publication date, and the running reference."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import NamedTuple

from .context import tense
from .timeline import NARRATIVE, NEWS, year_of

_ABSOLUTE = re.compile(r"^\d{4}(?:-(?:\d\d(?:-\d\d)?|Q[1-4]|H[12]|W\d\d|SP|SU|FA|WI))?")


#: A full stop, question or exclamation mark that ends a sentence: not the point of "$9.7".
SENTENCE_END = re.compile(r"[!?]|\.(?!\d)")


def same_sentence(text: str, start: int, end: int) -> bool:
    """True if no sentence ends in ``text[start:end]`` (decimal points in figures don't)."""
    return start >= 0 and SENTENCE_END.search(text, start, end) is None


def words(text: str | None) -> str:
    """Lower case with single spaces: the key form of a matched phrase."""
    return " ".join((text or "").lower().split())


_YEAR_TOLD = re.compile(r"(?<!\d)(?:1\d|20)\d\d(?!\d)")
#: A scene-setting date opens its sentence: "In 1917, ...", "On May 22, 1995, ...".
_SCENE = re.compile(
    r"(?:^|[.!?]\s+|\n)[\"'\u201c(]?(?:(?:[Ii]n|[Oo]n|[Dd]uring|[Bb]y|[Ll]ate\s+in|"
    r"[Ee]arly\s+in|[Bb]y\s+the\s+end\s+of|[Aa]t\s+the\s+end\s+of)\s+)?(?:the\s+)?$"
)
_ON_DAY = re.compile(r"\b[Oo]n\s+$")
#: A sentence opening that steps back to the present from a background passage.
_BACK_TO_NOW = re.compile(
    r"(?:^|[.!?]\s+)(?:However|But|Now|Since\s+then|Today|Recently|Currently|This\s+year|"
    r"Last\s+(?:week|month|year)|Earlier\s+this)\b"
)


class Result(NamedTuple):
    """A normalised expression; ``start``/``end`` override the match span when set."""

    type: str
    value: str
    mod: str | None = None
    start: int | None = None
    end: int | None = None
    anchor: bool = True  # False: derived from the reference, so it must not replace it
    story: bool = False  # read from the story time (the time line), not the publication date
    through: str | None = None  # a later value the span runs through ("1957-58": 1958)
    reach: str | None = None  # the date a DURATION from publication reaches ("in two weeks")


@dataclasses.dataclass
class State:
    """The document being normalised, left to right."""

    text: str
    dct: dt.date
    forced_tense: str | None = None
    ref: str | None = None  # the last absolute DATE value (e.g. 1989-Q3, 1989-10-20)
    quarter: str | None = None  # the last quarter the text talked about
    last_start: int = -1  # where the previous expression began
    last_end: int = -1  # where the previous expression ended, and its value
    last_value: str = ""
    mode: str = NEWS  # the document type: news or narrative (timeline.py)
    story: str | None = None  # the time the text is telling (the last anchor on its time line)
    story_end: int = -1  # where the expression that set it ends
    raw: str = ""  # the text as written (``text`` has lower-case day and month names capitalised)

    def lower_case(self, start: int) -> bool:
        """True if the name at ``start`` was written in lower case ("see you friday")."""
        return self.raw[start : start + 1].islower()

    def story_at(self, start: int, end: int) -> str | None:
        """The story time an expression at ``start`` is read from, or None for the publication
        date: in narrative text the last anchor; in news only a past-tense clause after a
        sentence opened by an explicit year two or more years back, in the same paragraph,
        with no sentence between that steps back to the present ("However, ...")."""
        if self.story is None:
            return None
        if self.mode == NARRATIVE:
            return self.story
        between = self.text[self.story_end : start]
        if "\n" in between or _BACK_TO_NOW.search(between):
            return None
        year = year_of(self.story)
        if year is None or year > self.dct.year - 2:
            return None
        return self.story if self.tense(start, end) == "past" else None

    def _scene(self, start: int, end: int) -> bool:
        """True if a date at ``start`` sets the scene of its sentence: it opens it ("In 1917,
        ...", "On 5 May 1988 the ..."), unlike "since 1980", "approved in 1987" or "the 1988
        cease-fire", and the sentence is not about the future."""
        if not _SCENE.search(self.text, max(0, start - 40), start):
            return False
        return self.tense(start, end) != "future"

    def _old_day(self, value: str, start: int) -> bool:
        """True if ``value`` is a whole day two or more years before publication, told as the
        day something happened ("The siege began on 4 October 1643"), not a name ("the Dec.
        21, 1988, bombing"): it sets the scene wherever it stands in its sentence."""
        year = year_of(value)
        if len(value) != 10 or year is None or year > self.dct.year - 2:
            return False
        return _ON_DAY.search(self.text, max(0, start - 4), start) is not None

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

    def note_story(self, result: Result, start: int, end: int) -> None:
        """Move the story time: in narrative text every dated expression sets it (a date read
        from it too: "A year later" moves it on); in news only a date naming its year does,
        and a date read from the publication date ends the passage."""
        if result.type not in ("DATE", "TIME"):
            return
        m = _ABSOLUTE.match(result.value)
        if not m:
            return
        if self.mode == NARRATIVE:
            if result.anchor or result.story:
                self.story, self.story_end = m[0], end
            return
        if result.story and self.story is not None:
            self.story, self.story_end = m[0], end  # "a year later": the passage goes on
        elif result.anchor and _YEAR_TOLD.search(self.text, start, end):
            if self._scene(start, end) or self.story_at(start, end) or self._old_day(m[0], start):
                self.story, self.story_end = m[0], end  # or the passage goes on
        elif not result.story and abs((year_of(m[0]) or 0) - self.dct.year) <= 1:
            self.story = None  # "last week", "this year": back to the present
