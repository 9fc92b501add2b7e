"""Whether two reports tell of one happening in words, beside their type, date and actors.

Two articles' events of one type, dates a day apart and a shared participant may still be two
happenings: on a busy day a person or a country does many things ("Jackson's doctor was
charged" / "Jackson's children were shown on a screen"). A cross-article merge
(``pipeline.find_same_event``) also needs :func:`same_deed`: the new report and one stored
article's report of the event tell the same deed. The participants' names do not count (every
report of a story's busy day repeats them); beside them, the words that told each event (the
extractor's triggers) share a word, and the sentences share ``SHARED_WORDS`` words or that
word is the deed a title names. Words are content words (three letters or more, not function
words, reporting verbs or time words) compared by a crude :func:`lemma` and the classes of
``service/data/predicates.json``. Wire copies do not come here (``copies``).

Scored on pairs of reports read and labelled (``fixtures/merges/pairs.json``, from the
Timeline17 dev stories; ``make bench-merges``): precision 0.844, recall 0.871 on the 176 pairs
with a shared participant; shared sentence words alone (:func:`told_alike`, the rule before)
gave 0.509 / 0.935, and leaving the names out of them 0.742 / 0.790 (two reports of one deed
sharing only its verb beside a name, "The minister will resign" / "The minister resigned",
stayed apart). With 21 pairs where a report names nobody (same type and day): 0.855 / 0.808
(those pairs were never weighed before: 0.844 / 0.740); the same bar pooled over a report's
sentences (a trigger word and two more shared, no share of the shorter sentence) gave
0.816 / 0.849, and the rule for named reports 0.818 / 0.863: four unrelated reports of one
busy day merged (:func:`told_closely`). A telling figure both reports give (:func:`same_figure`,
with the triggers sharing a word) merges: 0.855 / 0.808 -> 0.863 / 0.863, the four missed
pairs of the Haiti quake ("7.0-magnitude") and no wrong merge more; a learned pair model
(``scripts/learn_xmerge.py``) did not beat this rule leave-one-topic-out.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
from collections.abc import Iterable
from pathlib import Path
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
    names, where the date came from (``EventDate.basis``: kept for reading the labelled
    pairs, the rule does not weigh it) and the event's title."""

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


#: Regular endings taken off a word before it is cut to ``STEM`` letters, longest first, as
#: long as four letters stay ("resignation", "resigned" -> "resign"; "raids" -> "raid").
_ENDINGS = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "es", "ed", "s", "y")
_PREDICATES = Path(__file__).resolve().parent.parent / "data" / "predicates.json"


def lemma(word: str) -> str:
    """A crude lemma of a lower-case word, the same for its regular forms and derivations:
    an ending of ``_ENDINGS`` off, then a final "e" and a doubled last letter ("charged",
    "charges", "charge" -> "charg"; "stopped" -> "stop"), cut to ``STEM`` letters; a word of
    a class of ``service/data/predicates.json`` gives its class's first word ("apology",
    "sorry" -> "apologise")."""
    classes = _classes()
    if word in classes:
        return classes[word]
    word = _bare_lemma(word)
    return classes.get(word, word)


@functools.cache
def _classes() -> dict[str, str]:
    """Each word of a class, and its :func:`lemma` without classes, -> the class's name."""
    found: dict[str, str] = {}
    for words in json.loads(_PREDICATES.read_text(encoding="utf-8"))["classes"]:
        for word in words:
            found[word] = words[0]
    bare = {}
    for word, name in found.items():
        if " " not in word:
            bare.setdefault(_bare_lemma(word), name)
    return {**bare, **found}


def _bare_lemma(word: str) -> str:
    """:func:`lemma` without the classes."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            word = word[: -len(ending)]
            break
    if word.endswith("e") and len(word) >= 5:
        word = word[:-1]
    if len(word) >= 5 and word[-1] == word[-2]:
        word = word[:-1]
    return word[:STEM]


def deed_words(sentences: Iterable[str]) -> set[str]:
    """The :func:`lemma` of each content word of ``sentences`` (as :func:`content_words`
    reads them)."""
    found = set()
    for sentence in sentences:
        for word in _WORD.findall(plain(sentence).lower()):
            word = word.removesuffix("'s")
            if len(word) >= 3 and word not in STOPWORDS:
                found.add(lemma(word))
    return found


#: How many words beside the participants' names two reports' sentences share when their
#: triggers share one.
SHARED_WORDS = 2
#: How many words two sentences share, a word of their triggers among them, when one of the
#: reports names no participant (nothing else then tells that they speak of one deed); and
#: what share of the shorter sentence's words that must be at least.
SHARED_WORDS_UNNAMED = 3
SHARE_UNNAMED = 0.5


def same_deed(mine: Report, stored: Report) -> bool:
    """Whether two reports (of one type, compatible dates and a shared participant, as
    ``extraction.same_happening`` decides) tell one deed.

    The participants' names do not count: every report of a story's busy day repeats them
    ("Jackson", "Murray"), whatever it tells. Beside them, the words that told each event
    (the extractor's triggers: "raised its alert level", "resigned") share a word, and
    either the sentences share ``SHARED_WORDS`` words or that word is the deed a title names
    ("Minister resigns" / "The minister will resign": :func:`title_deed`). Words are
    compared by :func:`lemma`, so "apologised" meets "apology" and "quit" "resigned".

    A report that names no participant (``pipeline.candidates`` then weighs reports of the
    same type on the same day) needs more, whatever the titles say: :func:`told_closely`;
    unless the sentences give one figure (:func:`same_figure`: "a 7.0-magnitude quake", "as
    many as 45,000 dead"), which reporters copy from one source and unrelated reports of a
    day rarely share.
    """
    names = deed_words(mine.names + stored.names)
    told = deed_words(mine.triggers) & deed_words(stored.triggers) - names
    if not told:
        return False
    if same_figure(mine.sentences, stored.sentences):
        return True
    shared = deed_words(mine.sentences) & deed_words(stored.sentences) - names
    if not mine.names or not stored.names:
        return told_closely(mine, stored, names)
    deed = title_deed(mine.title, names) | title_deed(stored.title, names)
    return len(shared) >= SHARED_WORDS or bool(told & deed)


#: A number written in a sentence: "7.0", "45,000", "149".
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")
#: Integers up to this are too common to tell one happening (days of a month, counts).
SMALL_NUMBER = 31


def figures(sentences: Iterable[str]) -> set[str]:
    """The telling numbers of ``sentences``: a decimal ("7.0") or an integer above
    ``SMALL_NUMBER`` that is not a year (1900-2100), thousands commas taken off."""
    found = set()
    for sentence in sentences:
        for number in _NUMBER.findall(sentence):
            if re.fullmatch(r"\d{1,3}(?:,\d{3})+", number):
                number = number.replace(",", "")
            if "," in number:
                continue
            if "." in number:
                if number.count(".") == 1:
                    found.add(number)
                continue
            value = int(number)
            if value > SMALL_NUMBER and not 1900 <= value <= 2100:
                found.add(number)
    return found


def same_figure(mine: Iterable[str], stored: Iterable[str]) -> bool:
    """Whether the sentences of two reports give one telling number (:func:`figures`)."""
    return bool(figures(mine) & figures(stored))


def told_closely(mine: Report, stored: Report, names: set[str]) -> bool:
    """Whether a sentence of each report (with the trigger found in it) tells the other's
    deed closely: the triggers share a word, the sentences ``SHARED_WORDS_UNNAMED`` words
    that are not the participants' ``names`` and at least ``SHARE_UNNAMED`` of the shorter
    sentence's. Sentence by sentence, not a report's words pooled: a stored event's report
    pools many sentences, and long triggers (a whole clause) share some word by chance."""
    theirs = [
        (deed_words([other]) - names, deed_words([other_trigger]))
        for other, other_trigger in _told(stored)
    ]
    for sentence, trigger in _told(mine):
        words, deed = deed_words([sentence]) - names, deed_words([trigger]) - names
        for other_words, other_deed in theirs:
            shared = words & other_words
            if (
                len(shared) >= SHARED_WORDS_UNNAMED
                and len(shared) >= SHARE_UNNAMED * min(len(words), len(other_words))
                and deed & other_deed
            ):
                return True
    return False


def _told(report: Report) -> list[tuple[str, str]]:
    """Each sentence of ``report`` with its trigger (each trigger with each sentence when
    they do not pair up)."""
    if len(report.sentences) == len(report.triggers):
        return list(zip(report.sentences, report.triggers, strict=True))
    return [(s, t) for s in report.sentences for t in report.triggers]


def title_deed(title: str, names: set[str]) -> set[str]:
    """The word of a title (as :func:`deed_words` reads it) that tells the deed: the first
    after its subject, which is the participants' ``names`` or else the title's first word
    ("Minister resigns", "Jane Roe quits", "Police raid a bank": "resign", "quit",
    "raid")."""
    words = [w.removesuffix("'s") for w in _WORD.findall(plain(title).lower())]
    words = [lemma(w) for w in words if len(w) >= 3 and w not in STOPWORDS]
    if words and words[0] not in names:
        words = words[1:]
    return {next(w for w in words if w not in names)} if set(words) - names else set()
