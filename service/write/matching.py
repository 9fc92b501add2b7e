"""Whether two reports tell of one happening in words, beside their type, date and actors.

Two articles' events of one type, dates a day apart and a shared participant may still be two
happenings: on a busy day a person or a country does many things ("Jackson's doctor was
charged" / "Jackson's children were shown on a screen"). A cross-article merge
(``pipeline.find_same_event``) also needs the reports' sentences to share ``SHARED`` content
words: words of three letters or more that are not function words, reporting verbs or time
words, each cut to its first ``STEM`` letters ("declared", "declares" -> "declar";
"organisation", "organization" -> "organi"). Wire copies do not come here (``copies``).

``told_alike`` can also leave out the words of the participants' names (``names``), which
every report of a story's busy day repeats. The pipeline does not pass them yet: on the MJ dev
story (issue 21) that rule cut its wrong cross-article merges from about 71 to 26 (15-sample
reads) but cost one gold date (date F1 0.541 -> 0.514, ROUGE-1 0.165 -> 0.155), both dates
lost having been hit through wrong merges.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import Any

from ..text import plain

#: How many content words two reports of one happening share at least.
SHARED = 2
#: Words are compared by their first letters (a crude stem that also meets British and
#: American spellings).
STEM = 6
_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")
#: Function words, reporting verbs and time words: two reports of different happenings share
#: them as much as two reports of one.
STOPWORDS = frozenset(
    """
    a about above after again against ago all also am an and any are around as at back be
    because been before being below between both but by can could did do does doing done down
    during each earlier even ever every few for from further had has have having he her here
    hers him his how however i if in into is it its itself just last late later least less
    like made make many may me might more most much must my near next no nor not now of off
    often on once one only or other our out over own per said same say says saying see seen
    she should since so some still such than that the their them then there these they this
    those though three through to today told too tomorrow two under until up upon us very was
    we week weeks were what when where whether which while who whom whose why will with within
    without would year years yesterday you your monday tuesday wednesday thursday friday
    saturday sunday january february march april june july august september october november
    december day days month months morning evening night hour hours time times new first
    second according added asked called news report reported reports reporter reporters
    statement spokesman spokeswoman official officials told mr mrs ms dr sir percent cent
    """.split()
)


def content_words(sentences: Iterable[str]) -> set[str]:
    """The stems of the content words of ``sentences`` (lower case, accents removed)."""
    found = set()
    for sentence in sentences:
        for word in _WORD.findall(plain(sentence).lower()):
            word = word.removesuffix("'s")
            if len(word) >= 3 and word not in STOPWORDS:
                found.add(word[:STEM])
    return found


def told_alike(mine: Iterable[str], stored: Iterable[str], names: Iterable[str] = ()) -> bool:
    """Whether the reports ``mine`` and ``stored`` (their sentences) share ``SHARED`` content
    words other than the words of ``names``: the participants' names, which every report of
    a story's busy day repeats ("Jackson", "Murray") whatever it tells."""
    shared = content_words(mine) & content_words(stored)
    return len(shared - content_words(names)) >= SHARED


@dataclasses.dataclass(frozen=True)
class Report:
    """What the matcher reads of an event's reports: their sentences, the words in them that
    tell the happening (the extractor's triggers: "resigned", "apology"), the participants'
    names and where the date came from (``EventDate.basis``)."""

    sentences: tuple[str, ...]
    triggers: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    basis: str | None = None
    #: The event's headline ("Minister resigns"): its verb or noun is the deed.
    title: str = ""

    @classmethod
    def of(cls, event: Any, told: Iterable[tuple[str, int, int, int]] | None = None) -> Report:
        """The report of an extracted ``event`` (``service.events.Event``); ``told`` gives
        its mentions as (sentence, sentence_start, start, end) when they are stored apart."""
        if told is None:
            told = [(m.sentence, m.sentence_start, m.start, m.end) for m in event.mentions]
        told = list(told)
        sentences = tuple(s for s, *_ in told) or (event.summary,)
        triggers = tuple(s[max(0, a - at) : max(0, b - at)] for s, at, a, b in told)
        names = tuple(a.name for a in event.actors)
        triggers = tuple(t for t in triggers if t) or sentences
        return cls(sentences, triggers, names, event.date.basis, event.title)


def same_deed(mine: Report, stored: Report) -> bool:
    """Whether two reports (of one type, compatible dates and a shared participant, as
    ``extraction.same_happening`` decides) tell one deed: their sentences share ``SHARED``
    content words (:func:`told_alike`)."""
    return told_alike(mine.sentences, stored.sentences)
