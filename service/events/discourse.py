"""Discourse time: which of the text's own dates a predicate is told at.

A clause's own expressions give its anchor (``times``); the article's day-precise dates, read
in order, give the narrative "now" a clause without one is told at (``Days``). Pure: given the
resolved ``Timex`` objects, never finds or resolves an expression itself.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from collections.abc import Sequence

from service.temporal.edtf import describe
from service.temporal.model import Timex

from . import coref, dates, lexicon, nlp, syntax

#: Finest first: a clause with several dates takes the finest ("results on Jan. 29").
_FINENESS = {
    "time": 0,
    "day": 1,
    "week": 2,
    "month": 3,
    "quarter": 4,
    "season": 4,
    "half": 5,
    "year": 6,
}


def fineness(timex: Timex) -> int:
    """0 for a time of day, 1 for a day ... 6 for a year, 9 for coarser: finest first."""
    return _FINENESS.get(timex.precision, 9)


def times(text: str, own: list[Timex]) -> tuple[Timex | None, Timex | None]:
    """The anchor and the duration a predicate's own expressions give."""
    own = sorted({_of_the_noun(text, t) for t in own}, key=lambda t: t.start)
    own = [t for t in own if not compared(text, t)]
    datable = [t for t in own if dates.datable(t)]
    datable = [t for t in datable if not _state_end(text, t, datable)]
    free = [t for t in datable if not t.modifies_noun]
    if free and len(free) < len(datable):  # "indicted last year in the October 1998 shooting"
        datable = free
    anchor = datable[0] if datable else None
    if anchor is not None and (later := [t for t in datable if t.start > anchor.start]):
        spanned = dates.interval(text, anchor, later[0])
        if spanned is not None:
            anchor = spanned  # "from June 6 to June 9"
        else:  # "its fourth-quarter results on Jan. 29": the finest date the clause gives
            anchor = min(datable, key=lambda t: (fineness(t), t.start))
            anchor = _on_its_day(anchor, datable)
    duration = next((t for t in own if t.type == "DURATION"), None)
    return anchor, duration


#: A superlative or ordinal before "since": "the first since 2015", "its highest since 2007",
#: "the first strike by the pilots since 2001", "the strongest to hit the country since 2007".
_SUPERLATIVE_SINCE = re.compile(
    r"\b(?:first|second|third|only|highest|lowest|biggest|largest|smallest|strongest|weakest"
    r"|worst|best|fastest|slowest|most|least|longest|shortest|sharpest|steepest|greatest"
    r"|heaviest|hottest|coldest|closest|deepest|widest|\w{3,}iest)\b"
    r"(?:\s+[\w'-]+){0,5}?\s+since\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?$",
    re.IGNORECASE,
)
#: A figure set against another time's: "up from 26 in 2011", "compared with 3.2 percent in
#: 2019", "than in 2011"; not a clause of its own ("up from the $23.8 billion it forecast in
#: July": the forecast's date).
_COMPARED = re.compile(
    r"(?:\b(?:(?:up|down|rising|falling|rose|fell)\s+from|compared\s+(?:with|to)|versus)\s+"
    r"(?:the\s+|an?\s+)?[$€£]?\d[\d.,]*\s*"
    r"(?:(?!(?:it|they|he|she|we|you|i|that|which|who)\b)[a-z%]+\s+){0,3}?"
    r"(?:in|for|at|on)\s+(?:the\s+)?|\bthan\s+(?:in\s+|on\s+)?(?:the\s+)?)$",
    re.IGNORECASE,
)


#: A price taken at another time as a reference: "a premium of 28 percent to the closing price
#: on Friday", "from its close on Tuesday".
_PRICE_AT = re.compile(
    r"\b(?:closing|opening|undisturbed)\s+(?:share\s+|stock\s+)?price\s+(?:on|of)\s+$"
    r"|\bclose\s+(?:on|of)\s+$",
    re.IGNORECASE,
)


#: A figure given for another period after the clause's own: "fell 5.9% to $9.5 million, or
#: 46 cents a share, from $10.1 million, or 49 cents a share, in the year-ago period".
_FROM_FIGURE = re.compile(
    r"\bfrom\s+[$€£]?\d[\d.,]*(?:\s*(?:million|billion|trillion|percent|%))?"
    r"(?:,\s+or\s+[^,]{1,40},)?\s+(?:in|for|during)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


#: A figure right before a time told from another (a year-ago figure): "rose 11% to $94
#: million from $85 million a year earlier", "up from $10 million a year ago", "fell 3% from
#: a year earlier".
_FROM_BARE = re.compile(
    r"\b(?:from|versus|compared\s+(?:with|to))\s+(?:(?:an?\s+)?(?:net\s+)?(?:income|profit|loss|"
    r"earnings|revenue|sales)\s+(?:of\s+)?)?(?:[$€£]?\d[\d.,]*"
    r"(?:\s*(?:million|billion|trillion|percent|%))?(?:,\s+or\s+[^,]{1,40},)?\s+)?$",
    re.IGNORECASE,
)
_YEAR_BEFORE = re.compile(
    r"^(?:a|one)\s+year\s+(?:earlier|ago|before)$|^the\s+(?:previous|prior)\s+(?:year|quarter)$",
    re.IGNORECASE,
)


def compared(text: str, timex: Timex) -> bool:
    """Whether an expression names the time a comparison is made with ("a tsunami warning,
    the first since 2015"; "34 seats, up from 26 in 2011"; "to $94 million from $85 million a
    year earlier"): another time than the clause's, so
    it neither dates nor bounds the clause."""
    before = text[max(0, timex.start - 60) : timex.start]
    if _SUPERLATIVE_SINCE.search(before) or _COMPARED.search(before) or _PRICE_AT.search(before):
        return True
    if _YEAR_BEFORE.match(timex.text) and _FROM_BARE.search(before):
        return True  # "from $85 million a year earlier"
    return bool(_FROM_FIGURE.search(text[max(0, timex.start - 100) : timex.start]))


#: "until", "till" with what may stand between it and the date ("until at least Saturday").
_UNTIL = re.compile(
    r"\b(?:until|till|through)\s+(?:at\s+least\s+|at\s+the\s+earliest\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)


def _state_end(text: str, timex: Timex, datable: list[Timex]) -> bool:
    """ "suspended services until at least Saturday": the end of the state the act began, not
    the act's day, unless it closes a span the clause opens ("from June 6 until June 9"). The
    engine reads a bare "until March 3" as a bound already; this is the day it left a day."""
    if timex.mod in _OPEN or not _UNTIL.search(text[max(0, timex.start - 30) : timex.start]):
        return False  # "until March 3": the engine's bound ("../March 3") holds
    return not any(
        t.start < timex.start and dates.interval(text, t, timex) is not None for t in datable
    )


#: Open bounds a preposition gives an expression ("since", "by"): not the noun's own date.
_OPEN = frozenset({"BEFORE", "ON_OR_BEFORE", "AFTER", "ON_OR_AFTER"})


def _of_the_noun(text: str, timex: Timex) -> Timex:
    """ "since Tuesday's earthquake", "hit by Wednesday's aftershock": an expression before the
    noun it modifies dates that noun; the "since" or "by" before them bounds the clause, not
    the noun's happening, which is on the day itself."""
    possessive = text.startswith(("'s", "’s"), timex.end)
    if not ((timex.modifies_noun or possessive) and timex.mod in _OPEN):
        return timex
    edtf, first, last, precision = describe(timex.value, timex.type)
    if first is None or last is None:
        return timex
    return dataclasses.replace(timex, edtf=edtf, start_date=first, end_date=last, mod=None)


def _on_its_day(anchor: Timex, datable: list[Timex]) -> Timex:
    """ "struck at 1653 local time on Tuesday": a clock time read on the publication day gives
    way to the day the clause names (its own day is the day's, not the publication's)."""
    if anchor.type != "TIME" or anchor.precision != "time":
        return anchor
    days = [t for t in datable if t.type == "DATE" and t.precision == "day" and t.start_date]
    if days and all(d.start_date != anchor.start_date for d in days):
        return days[0]
    return anchor


#: Words before a date that make it the end of a span ("in the three months to Sept. 30").
_SPAN_END = re.compile(r"\b(?:to|until|till|through|thru|ending|ended)\s+(?:the\s+)?$", re.I)


def span_end(c) -> bool:
    """Whether a candidate's own date closes a span it is told over ("the three months to
    Sept. 30", "until March"): the happening is not on that day."""
    if c.anchor is None:
        return False
    at = c.anchor.start - c.sentence.start
    return _SPAN_END.search(c.sentence.text[max(0, at - 16) : at]) is not None


_YEAR = re.compile(r"\d{4}|'\d\d")
#: Auxiliaries that put a past participle or a bare verb ahead or in the present.
_NOT_PAST = frozenset(
    {"will", "would", "shall", "'ll", "is", "are", "am", "be", "to", "has", "have"}
)


def past_tense_years(candidates: Sequence, doc, published_at: dt.date) -> None:
    """A past-tense clause dated after publication by a day or month given without its year
    ("which resulted in his death on 25 June", read in mid-June) happened in the year before:
    its anchor moves back a year and it is no plan. Tense is read from the parse (the word
    window the temporal engine reads may hold another clause's verb)."""
    for c in candidates:
        anchor = c.anchor
        if anchor is None or c.trigger.pos != "verb" or c.inherited:
            continue
        start = anchor.start_date
        if start is None or start <= published_at or _YEAR.search(anchor.text):
            continue
        if anchor.precision not in ("day", "time", "month") or not anchor.value[:4].isdigit():
            continue
        tok = doc[c.token]
        aux = {a.lower_ for a in tok.children if a.dep_ in ("aux", "auxpass")}
        if tok.tag_ != "VBD" or aux & _NOT_PAST:
            continue
        value = f"{int(anchor.value[:4]) - 1:04d}{anchor.value[4:]}"
        edtf, first, last, _ = describe(value, anchor.type)
        if first is None:
            continue
        c.anchor = dataclasses.replace(
            anchor, value=value, edtf=edtf, start_date=first, end_date=last
        )
        if c.status == "planned":
            c.status = "occurred"


_YEAR_ON = dt.timedelta(days=366)
#: A month named in an expression ("July", "Feb. 2", "mid-January").
_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)


#: A plan's day read this little before publication is not moved a year on: "will visit on
#: 18 December" in an article of 20 December is more likely a slip (of the text, or of the day
#: the article was dated) than a plan for next December; it keeps the publication bound.
_LATELY = dt.timedelta(days=60)


def planned_years(candidates: Sequence, published_at: dt.date) -> None:
    """A plan dated by a day or month given without its year, read before publication ("agreed
    on Sunday to cut output from July", read in a past-tense window in March), is set for the
    next one: a plan is never in the past. Its anchor moves on a year; not one read within
    :data:`_LATELY` before publication."""
    for c in candidates:
        anchor = c.anchor
        if anchor is None or c.status != "planned" or c.inherited or _YEAR.search(anchor.text):
            continue
        if not _MONTH.search(anchor.text):
            continue  # "released Monday": a weekday's week, not its year (``planned_weekdays``)
        end = anchor.end_date
        if end is None or end >= published_at or anchor.precision not in ("day", "month"):
            continue
        if end > published_at - _LATELY:
            continue  # weeks before: a slip, not a plan most of a year ahead (publication bound)
        if anchor.value[:4] not in (str(published_at.year - 1), str(published_at.year)):
            continue  # a year read near the publication's, not one the text names
        value = f"{int(anchor.value[:4]) + 1:04d}{anchor.value[4:]}"
        edtf, first, last, _ = describe(value, anchor.type)
        if first is None or last is None or not published_at < first <= published_at + _YEAR_ON:
            continue
        c.anchor = dataclasses.replace(
            anchor, value=value, edtf=edtf, start_date=first, end_date=last
        )


#: A clock time with no day of its own ("at 10 p.m.", "1653 local time", "noon").
_CLOCK = re.compile(
    r"^(?:at\s+)?(?:\d{1,2}(?:[:.]\d\d)?|\d{4}|noon|midnight)"
    r"(?:\s*(?:[ap]\.?m\.?|gmt|utc|[ecmp][sd]t|local time|hours?|h))*\s*(?:\([^)]*\))?\.?$",
    re.IGNORECASE,
)


def clock_days(candidates: Sequence, published_at: dt.date, doc=None) -> None:
    """A clock time with no day of its own is read on the publication day; told after the
    story's last day ("was shot to death at 10 p.m." after "on Oct. 23"), it is on that day;
    told of a happening named again, at the day it was told ("The earthquake struck on
    Saturday. The death toll rose on Monday. The quake hit at 4:12 a.m.": Saturday)."""
    for c in candidates:
        anchor = c.anchor
        if anchor is None or anchor.type != "TIME" or not _CLOCK.match(anchor.text.strip()):
            continue
        day = _named_day(c, candidates, doc)
        if day is None and anchor.start_date == published_at:
            day = c.reference_day
        if day is None or day == anchor.start_date:
            continue
        value = day.isoformat() + anchor.value[10:]
        edtf = day.isoformat() + (anchor.edtf or "")[10:]
        c.anchor = dataclasses.replace(anchor, value=value, edtf=edtf, start_date=day, end_date=day)


def _named_day(c, candidates: Sequence, doc) -> dt.date | None:
    """The day of the happening a clause's subject names again ("the quake hit at 4:12 a.m.",
    "the arrest came at 6 a.m.")."""
    if doc is None:
        return None
    noun = doc[c.token] if c.trigger.pos == "noun" else syntax.subject(doc[c.token])
    told = coref.named_before(noun, candidates, doc) if noun is not None else None
    if told is None or told.anchor.start_date != told.anchor.end_date:
        return None
    return told.anchor.start_date


#: Weeks told from the story's day, not from the publication ("later that week").
_STORY_WEEKS = (
    (re.compile(r"^(?:later (?:that|in the|the same) week)$", re.I), 0, "later"),
    (re.compile(r"^(?:earlier (?:that|in the|the same) week)$", re.I), 0, "earlier"),
    (re.compile(r"^(?:that|the same) week$", re.I), 0, None),
    (re.compile(r"^the (?:following|next) week$", re.I), 1, None),
    (re.compile(r"^the (?:previous|preceding) week$|^the week before$", re.I), -1, None),
)


def story_weeks(candidates: Sequence, published_at: dt.date) -> None:
    """ "Later that week", "the following week": the week of the story's day (the last day
    told before the clause), not the publication's; "later"/"earlier" the days after/before
    that day in it (a past happening's no later than the publication: "Later that week, a court
    released them", told of a Monday and published on Wednesday, is Tuesday or Wednesday)."""
    for c in candidates:
        anchor, day = c.anchor, c.reference_day
        if anchor is None or day is None or c.inherited:
            continue
        words = " ".join(anchor.text.split())
        rule = next(((w, side) for p, w, side in _STORY_WEEKS if p.match(words)), None)
        if rule is None:
            continue
        weeks, side = rule
        monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=weeks)
        first, last = monday, monday + dt.timedelta(days=6)
        if side == "later":
            first = day + dt.timedelta(days=1)
            if c.status == "occurred":
                last = min(last, published_at)
        elif side == "earlier":
            last = day - dt.timedelta(days=1)
        if first > last:
            continue
        if side is None:
            year, week, _ = monday.isocalendar()
            value, edtf, precision = f"{year}-W{week:02d}", f"{first}/{last}", "week"
        else:
            value, edtf, precision = f"{first}/{last}", f"{first}/{last}", "day"
        c.anchor = dataclasses.replace(
            anchor, value=value, edtf=edtf, start_date=first, end_date=last, precision=precision
        )


class Days:
    """The day-precise dates of an article by end offset, for the narrative "now"."""

    def __init__(self, timexes: list[Timex]) -> None:
        days = [
            t
            for t in timexes
            if dates.datable(t) and t.precision in ("day", "time") and t.start_date
        ]
        days.sort(key=lambda t: t.end)
        self.ends = [t.end for t in days]
        self.days = [t.start_date for t in days]

    def before(self, offset: int) -> dt.date | None:
        """The narrative "now": the last day-precise date mentioned before ``offset``."""
        i = bisect.bisect_right(self.ends, offset)
        return self.days[i - 1] if i else None


#: Subordinators of a clause that happens at the time of the clause it modifies.
_AT_THE_TIME = frozenset({"when", "as", "while"})
#: Prepositions putting a predicate inside a happening ("In Sunday's debate, X attacked Y").
_INSIDE = frozenset({"in", "at", "during"})
#: Words that place a clause by the story's day ("hours later", "the next day"): days after it.
_SHIFTS = (
    (re.compile(r"\b(?:earlier|later) (?:in|on) the day\b|\blater that (?:day|night|evening)\b"
                r"|\b(?:hours|minutes) (?:later|earlier)\b", re.IGNORECASE), 0),
    (re.compile(r"\b(?:the )?(?:next|following) (?:day|morning)\b|\ba day later\b",
                re.IGNORECASE), 1),
    (re.compile(r"\bthe (?:day|night) before\b|\bthe previous day\b|\ba day earlier\b",
                re.IGNORECASE), -1),
)  # fmt: skip
#: Sentences the story may go on for with no clause told at its time (it has moved on after).
_CARRY = 1


def told_at(
    candidates: Sequence, doc, published_at: dt.date, timexes: Sequence[Timex] = ()
) -> dict[int, Timex]:
    """Candidate index -> the date an undated past-tense predicate is told at.

    The frame a clause sits in dates it first: "died when their boat sank in late November", "In
    Sunday's debate, Spitzer attacked him". Else the story's reference time: the last day a past
    happening was given, while the story goes on in the simple past ("On Monday the board met in
    Frankfurt. It approved the merger."). A new date moves it (not an attribution's, after the
    story's day in its sentence: "X hit on Monday, officials said on Tuesday"); a sentence with
    no clause told at it ends it (TimeBank: carried two sentences on, or from a month or a year,
    these dates disagreed with the gold more often than not). Present, perfect and pluperfect
    clauses ("has claimed", "had arrested") are told at another time and are left alone (a
    pluperfect is told back from the story's time and so keeps it going: "A jury on Thursday
    convicted her. She had denied the charges. She was acquitted of a fourth count" is
    Thursday's), and so is a response told in another paragraph than the story's day, or a
    saying told with one ("The UN envoy condemned the attack", "a spokesman said it was
    reviewing the reports and denied targeting civilians"): one that comes after the story's
    happening, on a day the text does not say (within the paragraph, "Speaker after speaker
    denounced the United States", TimeBank dates it at the story's day, and so a response to a
    story of the publication day, which can be on no other).
    """
    by_token = {c.token: c for c in candidates}
    by_start = {t.start: t for t in timexes if _told(t, published_at)}
    out: dict[int, Timex] = {}
    reference: Timex | None = None
    told = -1  # the sentence the reference was last told in
    done: dict[str, Timex] = {}  # a verb's lemma -> the day it was last told done at
    text, last = nlp.text_of(doc), 0  # the end of the clause giving the reference (its paragraph)
    recent: tuple[Timex, int] | None = None  # the last day or month a past step was told at
    for c in candidates:
        if c.anchor is not None and not c.inherited:
            if c.status == "occurred" and c.trigger.pos == "verb" and _step(c.anchor, published_at):
                recent = (c.anchor, c.position)
            if c.status == "occurred" and c.trigger.pos == "verb" and _told(c.anchor, published_at):
                if c.kind == "report" and reference is not None and told == c.position:
                    continue  # "X hit on Monday, officials said on Tuesday": the story stays
                if syntax.names_a_time(doc[c.token]):
                    continue  # "the last time they met was in May": a look back, not the story
                reference, told, last = c.anchor, c.position, c.clause.end
                done[c.trigger.text] = c.anchor
            continue
        if not _undated_deed(c):
            continue
        tok = doc[c.token]
        framed = _frame(tok, by_token, by_start)
        shifted = _shifted(c.clause, reference)
        if framed is not None:
            out[c.index] = framed
        elif c.trigger.text in done and _also(tok):
            out[c.index] = done[c.trigger.text]  # "charged X on Wednesday ... Y was also charged"
        elif shifted is not None:
            out[c.index], told, last = shifted, c.position, c.clause.end
        elif recent and (later := _days_after(c.clause, recent, c.position, published_at)):
            out[c.index] = later
        elif (
            reference is not None and c.position - told <= _CARRY and syntax.aspect(tok).simple_past
        ):
            if not (_after_story(reference, published_at) and "\n" in text[last : c.clause.start]
                    and _responds(tok)):  # fmt: skip
                out[c.index], told = reference, c.position
        elif reference is not None and c.position - told <= _CARRY and _pluperfect(tok):
            told = c.position  # "had denied the charges": told back from the story's time, kept
    return out


#: Actor kinds whose reaction a spokesperson voices.
_PARTIES = frozenset({"country", "organisation"})


def voiced_later(candidates: Sequence, doc, published_at: dt.date) -> None:
    """A party's undated reaction told just before a dated saying of its spokesperson takes the
    saying's day: "China criticised the summit. Foreign ministry spokeswoman Wu Lan said on
    Tuesday that ..." (the criticism is what she said, on Tuesday). Only a reaction
    (``lexicon.reaction``) by a country or an organisation, and only the first saying of the
    next sentence, by a speaker a noun of ``lexicon.VOICES`` names."""
    by_position: dict[int, list] = {}
    for c in candidates:
        by_position.setdefault(c.position, []).append(c)
    for c in candidates:
        if not _undated_deed(c):
            continue
        tok = doc[c.token]
        if not lexicon.reaction(tok) or not any(
            m.actor.key in c.agents and m.actor.kind in _PARTIES for m in c.actors
        ):
            continue
        sayings = (s for s in by_position.get(c.position + 1, ()) if _saying(s, doc))
        saying = next(sayings, None)
        if saying is None or saying.anchor is None or not _told(saying.anchor, published_at):
            continue
        speaker = syntax.subject(doc[saying.token])
        if speaker is None or not any(w.lower_ in lexicon.VOICES for w in speaker.subtree):
            continue
        c.anchor, c.inherited = saying.anchor, True


def _saying(c, doc) -> bool:
    """Whether a candidate is a verb of saying ("said", "told", "announced")."""
    return c.trigger.pos == "verb" and lexicon.verb_lemma(doc[c.token]) in lexicon.REPORTING


def _responds(tok) -> bool:
    """A response (``lexicon.reaction``), or a saying told with one ("a spokesman said it was
    reviewing the reports and denied targeting civilians": one answer, told together)."""
    return lexicon.reaction(tok) or any(
        c.dep_ == "conj" and c.pos_ == "VERB" and lexicon.reaction(c) for c in tok.children
    )


def _after_story(reference: Timex, published_at: dt.date) -> bool:
    """Whether a response may come on a later day than the story's: not when the story's day
    is the publication's (after it and no later than publication is that day)."""
    return reference.start_date is not None and reference.start_date < published_at


def had_before(candidates: Sequence, published_at: dt.date, doc) -> dict[int, Timex]:
    """Candidate index -> the story's day an undated pluperfect clause was done by: "The
    president fired his defence minister on Tuesday. The minister had criticised the war"
    (no later than Tuesday). The pluperfect is told before the story's past time; that time is
    the latest past date a happening is given in its sentence or the one before (``_CARRY``),
    so a later one in its sentence ("The minister, who had criticised the war, was fired on
    Tuesday") is the bound, not the day before it; a clause said of a noun tells no story's time
    ("Under a program approved in 1987, Nashua had purchased 481,000 shares through Sept. 29").
    Said by someone, it is told before the
    saying, not the story's time ("The bank said on Monday it had cooperated. The SFO said it
    had recovered 3.2 million pounds": no bound from Monday)."""
    told: dict[int, list[Timex]] = {}  # sentence -> the past days its happenings are given
    for c in candidates:
        if c.anchor is not None and not c.inherited and c.status == "occurred":
            aside = doc[c.token].dep_ in ("acl", "relcl")  # "a program approved in 1987": older
            if c.trigger.pos == "verb" and not aside and _past(c.anchor, published_at):
                told.setdefault(c.position, []).append(c.anchor)
    out: dict[int, Timex] = {}
    for c in candidates:
        if not _undated_deed(c):
            continue
        tok = doc[c.token]
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in lexicon.SPEAKING:
            continue  # "the SFO said it had recovered": before the saying, whenever that was
        near = [t for p in range(c.position - _CARRY, c.position + 1) for t in told.get(p, ())]
        if near and _pluperfect(tok):
            out[c.index] = max(near, key=lambda t: t.end_date)
    return out


def _past(anchor: Timex, published_at: dt.date) -> bool:
    """A past date a pluperfect may be told before: a day, a month, a year that has ended."""
    return dates.datable(anchor) and anchor.end_date is not None and anchor.end_date <= published_at


def _undated_deed(c) -> bool:
    """A verb told as having happened that no date of its own anchors: what the story's time,
    a spokesperson's day or a step before can date."""
    return c.anchor is None and c.trigger.pos == "verb" and c.status == "occurred"


def _pluperfect(tok) -> bool:
    """ "had criticised", "had been arrested": done before the story's past time."""
    return syntax.aspect(tok).pluperfect


_ALSO = frozenset({"also", "too", "likewise", "similarly"})


def _also(tok) -> bool:
    """ "Sanz was also charged": the same act again, told at the day the first was."""
    return any(c.dep_ == "advmod" and c.lower_ in _ALSO for c in tok.children)


def _shifted(clause, reference: Timex | None) -> Timex | None:
    """ "Hours later, the suspects were released": the story's day, or the day after or before."""
    if reference is None or reference.start_date is None:
        return None
    for words, days in _SHIFTS:
        if m := words.search(clause.text):
            day = reference.start_date + dt.timedelta(days=days)
            iso = day.isoformat()
            at = clause.start + m.start()
            return Timex(at, clause.start + m.end(), m.group(), "DATE", iso, iso, day, day, "day")
    return None


#: "A few days later", "days later", "several days later": some days after the step told before.
_DAYS_LATER = re.compile(r"\b(?:(?:a\s+few|several|some|just)\s+)?days\s+later\b", re.IGNORECASE)
#: Days "days later" may reach past the day it counts from (a month: to the next one's end).
_DAYS_REACH = 14


def _step(anchor: Timex, published_at: dt.date) -> bool:
    """A past day or month a step of the story is told at."""
    day = anchor.start_date
    return anchor.precision in ("day", "time", "month") and day is not None and day <= published_at


def _days_after(clause, recent: tuple[Timex, int], position: int, published_at: dt.date):
    """ "In January, X named a new chief. A few days later, it announced lower earnings": some
    days after the step told just before (in its sentence or the one before), which a vague
    "days later" counts from: from the day after a day to two weeks on, from a month's first
    day to the end of the month after it; never after publication."""
    anchor, told = recent
    m = _DAYS_LATER.search(clause.text)
    if m is None or position - told > _CARRY or anchor.start_date is None:
        return None
    if anchor.precision == "month":
        first = anchor.start_date
        following = (anchor.start_date.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        last = (following.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(1)
    else:
        first = anchor.start_date + dt.timedelta(days=1)
        last = anchor.start_date + dt.timedelta(days=_DAYS_REACH)
    last = min(last, published_at)
    if first > last:
        return None
    value = f"{first.isoformat()}/{last.isoformat()}"
    at = clause.start + m.start()
    return Timex(at, clause.start + m.end(), m.group(), "DATE", value, value, first, last, "day")


def _told(anchor: Timex, published_at: dt.date) -> bool:
    """A day the story is told at: a past day or time (a year or a month spans too much)."""
    day = anchor.start_date
    return anchor.precision in ("day", "time") and day is not None and day <= published_at


def _frame(tok, by_token: dict, by_start: dict[int, Timex]) -> Timex | None:
    """The own date of the happening a clause is told inside of, in its sentence."""
    head = by_token.get(tok.head.i)
    if tok.dep_ == "advcl" and _mark(tok) in _AT_THE_TIME and head is not None:
        if head.anchor is not None and not head.inherited:
            return head.anchor  # "was gunned down when ...": its "when" is the shooting's
    for child in tok.children:
        inner = by_token.get(child.i)
        if child.dep_ == "advcl" and _mark(child) in _AT_THE_TIME and inner is not None:
            if inner.anchor is not None and not inner.inherited:
                return inner.anchor  # "died when their boat sank in late November"
        if child.dep_ == "prep" and child.lower_ in _INSIDE:
            for noun in (g for g in child.children if g.dep_ == "pobj"):
                frame = by_token.get(noun.i)
                if frame is not None and frame.trigger.pos == "noun" and frame.anchor:
                    return frame.anchor  # "In Sunday's debate, Spitzer attacked him"
                if (day := _day_of(noun, by_start)) is not None:
                    return day  # "at Tuesday's hearing": any dated gathering frames it
    return None


def framed(candidates: Sequence, doc, published_at: dt.date, timexes: Sequence[Timex]) -> None:
    """An undated past clause told inside a dated happening of its sentence takes its date
    before the mentions are grouped ("Three people died when a tree fell on Thursday", "In
    Sunday's debate, Spitzer attacked him"), so that it is not taken for another happening of
    its kind told at another time ("since 1990, when 19 people died")."""
    by_token = {c.token: c for c in candidates}
    by_start = {t.start: t for t in timexes if _told(t, published_at)}
    for c in candidates:
        if not _undated_deed(c):
            continue
        frame = _frame(doc[c.token], by_token, by_start)
        if frame is not None:
            c.anchor, c.inherited = frame, True


def frames(candidates: Sequence, doc) -> dict[int, tuple[str, int | None]]:
    """Candidate index -> the happening noun it is told inside of, as (its lemma, its candidate
    index or None): "the building collapsed in the earthquake", "three soldiers died during
    the raid". Once the noun's happening is dated (by another of its mentions), so is the
    clause."""
    by_token = {c.token: c for c in candidates}
    out: dict[int, tuple[str, int | None]] = {}
    for c in candidates:
        if not _undated_deed(c):
            continue
        for prep in doc[c.token].children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj" or noun.pos_ != "NOUN":
                    continue
                frame = by_token.get(noun.i)
                if frame is None:
                    out[c.index] = (noun.lemma_.lower(), None)
                elif frame.trigger.pos == "noun":
                    out[c.index] = (noun.lemma_.lower(), frame.index)
    return out


def _day_of(noun, by_start: dict[int, Timex]) -> Timex | None:
    """The past day a noun's possessive or modifier gives ("Tuesday's hearing", "the March 3
    meeting"), none for a bare noun or a date after it ("the meeting of 1992")."""
    for mod in noun.children:
        if mod.dep_ in ("poss", "compound", "nmod", "npadvmod") and mod.i < noun.i:
            for w in mod.subtree:
                if (t := by_start.get(w.idx)) is not None and t.precision in ("day", "time"):
                    return t
    return None


def _mark(tok) -> str | None:
    """The word that subordinates a clause: its marker, or a "when" the parse makes the clause's
    adverb ("broke out in January when the army launched an offensive")."""
    for c in tok.children:
        if c.dep_ == "mark" or (
            c.dep_ == "advmod" and c.lower_ == "when" and c.i == tok.left_edge.i
        ):
            return c.lower_
    return None


#: Prepositions that bound a clause by another happening, as the side they put it on.
_BOUNDING = {"before": "before", "after": "after", "following": "after"}


def bounded(candidates: Sequence, doc, timexes: Sequence[Timex]) -> dict[int, tuple[str, Timex]]:
    """Candidate index -> ("before" or "after", the date of the happening the text bounds it
    by): "Before retiring in 1984, Lowe taught at a school in Leeds" (before 1984), "After
    leaving the army in 2010, Smith founded a company" (after 2010), "Two days after the
    arrest, prosecutors charged him" (after the arrest the story told on Dec. 11: the noun
    names it again, ``coref.named_before``). A relation between two events
    (``anchors.relations``) is used first where the bounding one is an event."""
    out: dict[int, tuple[str, Timex]] = {}
    for c in candidates:
        if c.anchor is not None or c.trigger.pos != "verb":
            continue
        for prep in syntax.relation_preps(doc[c.token]):
            word = _BOUNDING.get(prep.lower_)
            if word is None:
                continue
            for inner in prep.children:
                if inner.dep_ not in ("pcomp", "pobj"):
                    continue
                own = _own_chars(inner)
                dated = [t for t in timexes if t.start in own and dates.datable(t)]
                if dated:
                    out[c.index] = (word, dated[0])
                elif (told := coref.named_before(inner, candidates, doc)) is not None:
                    out[c.index] = (word, told.anchor)
    return out


def offsets(candidates: Sequence, doc, timexes: Sequence[Timex]) -> dict[int, tuple[str, Timex]]:
    """Candidate index -> ("before" or "after", the duration it is that far from the happening
    it is placed by): "took out the policy two months before Jackson's June 2009 death",
    "resigned two days after the vote on 5 May", "three years after leaving the army". A
    dated candidate's offset places the happening it is told from ("passed the bill on Tuesday,
    a week after the lower house approved it": the approval a week before Tuesday); that
    clause's duration is the offset, and is taken from it."""
    durations = {t.start: t for t in timexes if t.type == "DURATION"}
    text = nlp.text_of(doc)
    by_token = {c.token: c for c in candidates}
    out: dict[int, tuple[str, Timex]] = {}
    for c in candidates:
        if c.trigger.pos != "verb":
            continue
        subordinate = doc[c.token].dep_ == "advcl"
        for prep in doc[c.token].children:
            word = {"following": "after"}.get(prep.lower_, prep.lower_)
            if prep.dep_ not in ("prep", "mark", "advmod") or word not in ("before", "after"):
                continue
            if subordinate and prep.dep_ == "mark":
                continue  # "charged ..., a week after he was arrested": the charge's offset
            for mod in prep.children:
                found = _distances(text, mod, durations)
                if mod.dep_ == "npadvmod" and found:
                    out[c.index] = (word, found[0])
            ahead = [t for t in durations.values() if t.end <= prep.idx]
            if c.index not in out and ahead:  # "- two months before": the words, if misparsed
                last = max(ahead, key=lambda t: t.end)
                if not text[last.end : prep.idx].strip() and not _spans(text, last):
                    out[c.index] = (word, last)
            if c.index in out and c.anchor is not None and c.duration is out[c.index][1]:
                c.duration = None  # "arrested on Monday, two days before the vote": no span
        for mod in doc[c.token].children:  # "A week after the ruling, ...": the week's "after"
            if mod.dep_ != "npadvmod" or c.index in out:
                continue
            word = next((_BOUNDING[p.lower_] for p in mod.children
                         if p.dep_ == "prep" and p.lower_ in _BOUNDING), None)  # fmt: skip
            found = _distances(text, mod, durations) if word is not None else []
            if found:
                out[c.index] = (word, found[0])
        for clause in doc[c.token].children:  # "two days after it was signed"
            mark = next((m for m in clause.children if m.dep_ == "mark"), None)
            if clause.dep_ != "advcl" or mark is None or mark.lower_ not in ("before", "after"):
                continue
            ahead = [m for m in clause.children if m.dep_ == "npadvmod" and m.i < mark.i]
            for mod in [*mark.children, *ahead]:  # "a week after he was arrested", either parse
                found = _distances(text, mod, durations)
                if mod.dep_ == "npadvmod" and found:
                    out[c.index] = (mark.lower_, found[0])
                    inner = by_token.get(clause.i)
                    if inner is not None and inner.duration is found[0]:
                        inner.duration = None  # the offset, not how long the arrest lasted
    return out


#: Words before a duration that make it the happening's length ("deliberated for two days
#: before returning its verdicts"), not its distance from another.
_LENGTH = re.compile(r"\b(?:for|over|during|throughout)\s+(?:the\s+)?(?:past\s+|last\s+)?$",
                     re.IGNORECASE)  # fmt: skip


def _spans(text: str, duration: Timex) -> bool:
    return _LENGTH.search(text[max(0, duration.start - 24) : duration.start]) is not None


def _distances(text: str, mod, durations: dict[int, Timex]) -> list[Timex]:
    """The durations in ``mod``'s phrase that may be a distance ("two days after"), not a
    length ("for two days")."""
    found = [durations[w.idx] for w in mod.subtree if w.idx in durations]
    return [t for t in found if not _spans(text, t)]


def planned_days(candidates: Sequence, doc, timexes: Sequence[Timex], published_at) -> None:
    """A plan with no date of its own is set for the day of the happening it is done at or
    for: "will publish projections at its next meeting on Sept. 14", "would take charge for
    Saturday's match" (a day ahead of the publication; a past day dates no plan). A plan so
    dated is firm even when its doer is no named actor ("the board will approve the budget at
    its meeting on March 21")."""
    for c in candidates:
        if c.anchor is not None or c.status != "planned" or c.trigger.pos != "verb":
            continue
        for prep in doc[c.token].children:
            if prep.dep_ != "prep" or prep.lower_ not in ("at", "for", "during"):
                continue
            for noun in (p for p in prep.children if p.dep_ == "pobj"):
                clauses = {w.i for k in noun.subtree if k.dep_ in _CLAUSES for w in k.subtree}
                own = {w.idx for w in noun.subtree if w.i not in clauses}
                days = [_ahead(t, published_at) for t in timexes if t.start in own]
                ahead = [
                    t
                    for t in days
                    if t.type == "DATE" and t.precision == "day"
                    and t.start_date is not None and t.start_date >= published_at
                ]  # fmt: skip
                if ahead and c.anchor is None:
                    c.anchor = ahead[0]
                    if c.kind == "reference" and c.phrase.subject:
                        c.kind = "event"  # "the board will approve it at its meeting on ..."


def when_dates(candidates: Sequence, timexes: Sequence[Timex], doc) -> None:
    """A "when" clause right after a date is told at that date ("has raised rates since July
    2022, when it ended eight years of negative rates": the end in July 2022; "the first strike
    since 2001, when a walkout cost..."), not at the main clause's time."""
    ends = {t.end: t for t in timexes if dates.datable(t)}
    text = nlp.text_of(doc)
    for c in candidates:
        if c.anchor is not None or c.trigger.pos != "verb":
            continue
        when = next(
            (w for w in doc[c.token].children if w.dep_ == "advmod" and w.lower_ == "when"), None
        )
        if when is None or when.i > c.token:
            continue
        before = text[: when.idx].rstrip()
        if before.endswith(","):
            before = before[:-1].rstrip()
        timex = ends.get(len(before))  # "in 1968 when", "since July 2022, when"
        if timex is None:
            continue
        edtf, first, last, _ = describe(timex.value, timex.type)
        if first is not None and last is not None and timex.mod in _OPEN:
            timex = dataclasses.replace(
                timex, edtf=edtf, start_date=first, end_date=last, mod=None
            )  # "since July 2022, when": July 2022 itself
        c.anchor = timex
        if c.kind == "reference" and c.status == "occurred" and c.phrase.subject:
            c.kind = "event"  # "in 1968 when Hong Kong flu killed a million": dated, it stands


#: Periods a figure is reported for ("third-quarter net profit", "2022 sales").
_PERIODS = frozenset({"quarter", "half", "year", "month", "season"})
#: Nouns that name a figure told for a period (not a thing made in it: "the 2011 law").
_FIGURES = frozenset(
    """profit profits earnings revenue revenues sales income loss losses turnover output
    growth exports imports production deficit surplus inflation spending margin margins
    ebitda gdp orders deliveries shipments""".split()
)


#: Verbs whose object is a figure of the period it is posted for ("posted a third-quarter net
#: loss", "reported record first-half sales"), not a saying about it ("announced a drop").
_POSTING = frozenset({"post", "report", "record", "book", "log"})


def period_subjects(candidates: Sequence, timexes: Sequence[Timex], doc) -> None:
    """A figure reported for a period is that period's: "third-quarter net profit fell 31
    percent" fell in the third quarter, "its 2022 sales rose" in 2022, and "Citadel posted a
    third-quarter net loss" posted that quarter's loss. Only an undated verb whose subject
    (or, for a verb of ``_POSTING``, whose object) the period modifies; the period itself,
    whatever preposition stands before it ("after third-quarter profit fell": the "after" is
    the clause's)."""
    periods = [t for t in timexes if t.precision in _PERIODS and t.type == "DATE"]
    starts = [s.start_char for s in doc.sents]
    text = nlp.text_of(doc)
    # Read once, not per clause: per clause, the text's every period made long texts quadratic.
    told = _StoryPeriods(
        [t for t in periods if not compared(text, t) and not _EARLIER_PERIOD.match(t.text)], starts
    )
    at = {}  # character offset -> the first period over it
    for t in periods:
        for i in range(t.start, t.end):
            at.setdefault(i, t)
    for c in candidates:
        if c.anchor is not None or c.trigger.pos != "verb" or not periods:
            continue
        subject = next((w for w in doc[c.token].children if w.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ not in _FIGURES:
            subject = _posted(doc[c.token])
            if subject is None:
                continue
        else:
            story = told.before(c)
            if story is not None and c.status == "occurred":
                c.anchor = story  # "Third-quarter net income rose 12%. Sales rose 4%.": that one
        deps = ("compound", "amod", "nmod", "poss", "nummod")
        mods = [w for w in subject.children if w.dep_ in deps]
        for w in (x for m in mods for x in m.subtree):
            timex = at.get(w.idx)
            if timex is None:
                continue
            edtf, first, last, _ = describe(timex.value, timex.type)
            if first is not None and last is not None:
                c.anchor = dataclasses.replace(
                    timex, edtf=edtf, start_date=first, end_date=last, mod=None
                )
                break


def _posted(verb):
    """The figure a verb of ``_POSTING`` posts: its object, when a figure noun ("a net loss")."""
    if verb.lemma_.lower() not in _POSTING:
        return None
    return next((w for w in verb.children if w.dep_ == "dobj" and w.lower_ in _FIGURES), None)


#: A period told as the one compared with ("Year-earlier results included a gain"): no period
#: the figures told after it are for.
_EARLIER_PERIOD = re.compile(
    r"^(?:the\s+)?(?:year-earlier|year-ago|prior-year|year-before)\b|^(?:a|one)\s+year\s+"
    r"(?:earlier|ago|before)$|^the\s+(?:previous|prior|same)\s+(?:year|quarter|period)\b",
    re.IGNORECASE,
)
#: Sentences back a quarter or a half told of figures goes on dating them.
_PERIOD_CARRY = 2


class _StoryPeriods:
    """The quarter or half the report's figures were last told for, in this sentence before the
    clause or the two before it ("For the third quarter, net income rose 12%. Sales rose
    4%."); the subject's own period, if it has one, is read after this and wins."""

    def __init__(self, periods: Sequence[Timex], starts: list[int]) -> None:
        self.starts = starts
        self.told = sorted(
            (
                t
                for t in periods
                if t.precision in ("quarter", "half")
                and t.start_date is not None
                and t.end_date is not None
                and t.mod is None
            ),
            key=lambda t: t.start,
        )
        self.offsets = [t.start for t in self.told]

    def before(self, c) -> Timex | None:
        """The last period told before ``c``'s clause, if no more than ``_PERIOD_CARRY``
        sentences back."""
        last = bisect.bisect_left(self.offsets, c.clause.start) - 1
        if last < 0:
            return None
        here = bisect.bisect_right(self.starts, c.clause.start) - 1
        t = self.told[last]
        sentence = bisect.bisect_right(self.starts, t.start) - 1
        return t if here - sentence <= _PERIOD_CARRY else None


_WEEKDAY = re.compile(r"(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day", re.IGNORECASE)


def planned_weekdays(candidates: Sequence, doc, published_at: dt.date) -> None:
    """A plan set for a bare weekday is set for the next one ("details will be released
    Monday", "the plane will carry supplies to Haiti on Friday"): a day read in the week
    before the publication is no plan's day. Only a weekday said of the plan's verb itself, not
    of a noun on the way ("will pay a premium to the closing price on Friday")."""
    for c in candidates:
        if c.anchor is None or c.status != "planned" or c.trigger.pos != "verb":
            continue
        span = doc.char_span(c.anchor.start, c.anchor.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        root = span.root
        head = root.head
        if head.i == c.token or (head.dep_ == "prep" and head.head.i == c.token):
            c.anchor = _ahead(c.anchor, published_at)


def _ahead(timex: Timex, published_at: dt.date) -> Timex:
    """A bare weekday a plan is set for is the next one, though read in a past report ("said
    ... would take charge for Saturday's match")."""
    start = timex.start_date
    if not _WEEKDAY.fullmatch(timex.text) or start is None or start >= published_at:
        return timex
    if (published_at - start).days >= 7:
        return timex
    day = start + dt.timedelta(days=7)
    iso = day.isoformat()
    return dataclasses.replace(timex, value=iso, edtf=iso, start_date=day, end_date=day)


def _own_chars(tok) -> set[int]:
    """The character offsets of ``tok``'s phrase after it, without the clauses it governs
    ("after a debate that ran past midnight": the debate's date is not the midnight)."""
    words = [w for w in tok.subtree if w.i > tok.i]
    clauses = {w.i for c in tok.subtree if c.dep_ in _CLAUSES and c.i != tok.i for w in c.subtree}
    return {w.idx for w in words if w.i not in clauses}


_CLAUSES = frozenset({"relcl", "acl", "ccomp", "advcl", "conj"})
