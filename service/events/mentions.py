"""Find event mentions: the clauses that report a happening, with trigger, actors and time."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from service.temporal.model import Timex

from . import dates
from .actors import ActorMention, ArticleActors, short_name
from .headlines import Frame
from .sentences import Clause, Span, clauses, split
from .types import DOCUMENTS, Trigger, triggers

#: A clause whose trigger is negated ("None of the statements mentioned...") reports nothing.
_NEGATION = re.compile(r"\b(?:[Nn]one of|[Nn]o|not|never|neither|nor)\b|n't\b")
#: Habitual or generic clauses ("have repeatedly been accused") are background, not events.
_HABITUAL = re.compile(
    r"\b(?:repeatedly|regularly|often|usually|routinely|frequently|increasingly|always|"
    r"typically|generally)\b"
)
_PLANNED = re.compile(
    r"\b(?:will|shall|plans? to|planned|planning|intends? to|(?:is|are|was|were) (?:set|due|"
    r"expected|scheduled|slated) to|to be held|upcoming|would)\b",
    re.IGNORECASE,
)
_ONGOING = re.compile(r"\b(?:ongoing|continues|continuing|still|under ?way)\b", re.IGNORECASE)
_PAST_VERB = re.compile(
    r"\b(?:[a-z]+ed|met|took|held|said|made|gave|won|lost|began|sent|struck|told|grew|shrank|"
    r"came|went|paid|led|fought|broke|rose|fell)\b(?!\s+by\b)"
)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$")
_PERFECT = re.compile(r"\bha(?:s|ve) been\b")
_LOWER_FIRST = frozenset("The A An It Its This That These Those There We They He She".split())
_NOT_VERBS = frozenset({"need", "seed", "speed", "bed", "red", "shed", "united", "based"})
#: Reporting and commitment verbs: what follows them is reported content, not new events.
_REPORTING = frozenset({"statement"})
_REPORTING_VERBS = re.compile(r"\b(?:agreed|pledged)\b")


@dataclasses.dataclass
class Candidate:
    """One clause reporting a happening. ``kind``: "event" (stands alone), "reference" (a noun
    that names a happening told elsewhere), "report" (reported speech, part of another event)."""

    index: int
    type: str
    kind: str
    sentence: Span
    clause: Clause
    trigger: Trigger
    actors: list[ActorMention]
    anchor: Timex | None
    duration: Timex | None
    status: str
    doc: bool
    place: str | None
    frame: Frame
    reference_day: dt.date | None


def find(text: str, published_at: dt.date, timexes: list[Timex]) -> tuple[list[Candidate], list]:
    """Every event mention in ``text``, and the (before, after) index pairs the text states."""
    article = ArticleActors(text)
    found: list[Candidate] = []
    relations: list[tuple[int, int]] = []
    last_doc: str | None = None
    for sentence in split(text):
        sentence_actors = article.find(sentence)
        has_doc = _has_document(text, sentence)
        previous: Candidate | None = None
        carried: list[ActorMention] = []
        for clause in clauses(text, sentence):
            in_clause = [a for a in sentence_actors if clause.start <= a.start < clause.end]
            if clause.text.startswith("where "):
                in_clause = carried[-1:] + in_clause
            carried = [a for a in in_clause if a.actor.kind == "country" and not a.place]
            cand = _candidate(text, published_at, timexes, sentence, clause, in_clause, has_doc)
            if cand is None:
                previous = None if clause.link else previous
                continue
            cand.index = len(found)
            if cand.doc:
                last_doc = _refer_back(text, cand, last_doc)
            found.append(cand)
            if clause.link and previous is not None:
                pair = (cand.index, previous.index)  # "A after B": B came before A
                relations.append(pair if clause.link == "after" else pair[::-1])
            previous = cand
    return found, relations


def _refer_back(text: str, cand: Candidate, last_doc: str | None) -> str:
    """ "The statement" after "a joint statement" is that document: give it the same type."""
    definite = text[max(0, cand.trigger.start - 4) : cand.trigger.start].lower() == "the "
    if last_doc and definite and cand.type != last_doc:
        cand.type = last_doc
        cand.frame = dataclasses.replace(cand.frame, type=last_doc)
    return cand.type


def _has_document(text: str, sentence: Span) -> bool:
    return any(
        not _in_quotes(text, sentence.start, m.start())
        for m in DOCUMENTS.finditer(text, sentence.start, sentence.end)
    )


def _candidate(text, published_at, timexes, sentence, clause, actors, has_doc):
    trigger, doc = _main_trigger(text, clause)
    if trigger is None:
        return None
    head = text[clause.start : trigger.end]
    if _NEGATION.search(head) and not doc or _HABITUAL.search(clause.text):
        return None
    c_start, c_end = _content(text, clause, trigger, timexes)
    complement = c_start if c_end == clause.end else clause.end

    def outside(pos: int) -> bool:
        return not c_start <= pos < c_end

    inside = [
        t for t in timexes if clause.start <= t.start and t.end <= clause.end and outside(t.start)
    ]
    anchor = next((t for t in inside if dates.datable(t)), None)
    if anchor is not None and (later := [t for t in inside if t.start > anchor.start]):
        anchor = dates.interval(text, anchor, later[0]) or anchor
    duration = next((t for t in inside if t.type == "DURATION"), None)
    status = _status(text, clause, trigger, anchor, published_at, (c_start, c_end))
    if status == "occurred" and duration is not None and _PERFECT.search(clause.text):
        status = "ongoing"  # "has been falling for six months"
    reporting = trigger.type in _REPORTING or bool(_REPORTING_VERBS.fullmatch(trigger.text))
    if doc:
        kind = "event"
    elif reporting and anchor is None:
        kind = "report"
    elif anchor or duration or (_past_verb(text, clause.start, complement) and actors):
        kind = "event"
    elif status == "planned" and actors and text[: trigger.start].endswith(("to ", "will ")):
        kind = "event"
    else:
        kind = "reference"
    participants = [a for a in actors if not a.place and outside(a.start)]
    if doc or trigger.type == "statement":
        subject = [a for a in participants if a.start < trigger.start]
        participants = subject if doc or subject else participants
    place = next((a.surface for a in actors if a.place), None)
    content = text[c_start:c_end] if c_end > c_start else ""
    frame = _frame(text, clause, trigger, participants, place, timexes, duration, doc)
    if reporting and content:
        frame = dataclasses.replace(frame, rest=_clean_content(content))
    reference = _reference_day(timexes, clause.start)
    return Candidate(
        -1,
        _doc_type(trigger) if doc else trigger.type,
        kind,
        sentence,
        clause,
        trigger,
        participants,
        anchor,
        duration,
        status,
        doc,
        place,
        frame,
        reference,
    )


def _main_trigger(text: str, clause: Clause) -> tuple[Trigger | None, bool]:
    found = [
        t
        for t in triggers(text, clause.start, clause.end)
        if not _in_quotes(text, clause.start, t.start)
    ]
    for t in found:
        if DOCUMENTS.fullmatch(t.text):
            return t, True
    return (found[0] if found else None), False


def _doc_type(trigger: Trigger) -> str:
    """A joint document or communiqué is an agreement; "in a statement" is a statement."""
    joint = re.search(r"joint|communiqu", trigger.text, re.IGNORECASE)
    return "agreement" if joint else "statement"


def _content(text: str, clause: Clause, trigger: Trigger, timexes) -> tuple[int, int]:
    """The reported content of a reporting verb: after "said (on Monday) (that) ...", or
    before a closing ", officials said". An empty span at the clause end when there is none."""
    if trigger.type != "statement" and not _REPORTING_VERBS.fullmatch(trigger.text):
        return clause.end, clause.end
    if trigger.pos == "noun":
        return clause.end, clause.end
    comma = text.rfind(",", clause.start, trigger.start)
    if comma > clause.start and trigger.end >= clause.end - 1:
        return clause.start, comma
    m = re.search(r"\bthat\b", text[trigger.end : clause.end])
    if m:
        return trigger.end + m.start(), clause.end
    start = trigger.end
    for t in timexes:  # "said Monday the ...", "said on Monday the ..."
        if t.start >= start and re.fullmatch(r"\s*(?:on|in|at)?\s*", text[start : t.start]):
            start = t.end
    return start, clause.end


def _status(text, clause, trigger, anchor, published_at, content) -> str:
    reporting = content[1] > content[0]
    end = trigger.end if reporting else min(clause.end, trigger.end + 20)
    around = text[clause.start : min(end, content[0])] + text[max(clause.start, content[1]) : end]
    if anchor is not None and anchor.start_date and anchor.start_date > published_at:
        return "planned"
    if _PLANNED.search(around):
        return "planned"
    if _ONGOING.search(clause.text):
        return "ongoing"
    return "occurred"


def _past_verb(text: str, start: int, end: int) -> re.Match | None:
    for m in _PAST_VERB.finditer(text, start, end):
        if m.group() not in _NOT_VERBS and not _in_quotes(text, start, m.start()):
            return m
    return None


def _reference_day(timexes: list[Timex], before: int) -> dt.date | None:
    """The narrative "now": the last day-precise date mentioned before ``before``."""
    days = [
        t
        for t in timexes
        if t.end <= before and dates.datable(t) and t.precision in ("day", "time") and t.start_date
    ]
    return days[-1].start_date if days else None


def _in_quotes(text: str, start: int, pos: int) -> bool:
    segment = text[start:pos]
    return segment.count('"') % 2 == 1 or segment.count("“") > segment.count("”")


def display(mention: ActorMention) -> str:
    """How a headline names an actor: surface for people, short keys for organisations."""
    actor = mention.actor
    if actor.kind == "person":
        return mention.surface
    if actor.kind == "organisation":
        return short_name(actor.key.split(":", 1)[1])
    return actor.name


def _frame(text, clause, trigger, participants, place, timexes, duration, doc) -> Frame:
    before = [a for a in participants if a.start < trigger.start]
    after = [a for a in participants if a.start >= trigger.end]
    people = [a for a in participants if a.actor.kind == "person"]
    subjects = before or (people if trigger.pos == "noun" else []) or participants
    if trigger.pos == "noun" and people and not before:
        subjects = people
    verb = trigger.text if trigger.pos == "verb" else None
    verb_end = trigger.end
    if verb is None:
        m = _past_verb(text, clause.start, trigger.start)
        if m and not doc:
            verb, verb_end = m.group(), m.end()
            subjects = [a for a in participants if a.start < m.start()] or subjects
    if any(a.actor.kind == "person" for a in subjects):
        subjects = [a for a in subjects if a.actor.kind == "person"]  # "Russian Deputy PM X"
    rest = _without_dates(text, verb_end, clause.end, timexes)
    passive = bool(verb) and bool(_PASSIVE.search(text[clause.start : verb_end - len(verb)]))
    objects_kind = "person" if trigger.type == "meeting" else None
    objects = [display(a) for a in after if objects_kind is None or a.actor.kind == objects_kind]
    if trigger.type in ("visit", "conflict", "membership"):
        carried = [a for a in participants if a.start < clause.start]  # "where war..."
        objects = [display(a) for a in after + carried if a.actor.kind != "person"]
        if trigger.type == "membership":
            objects = [display(a) for a in participants if a.actor.kind == "organisation"]
    members = [a for a in participants if a.actor.kind == "country" and a.via != "group"]
    noun = _noun_phrase(text, clause, trigger)
    if trigger.type == "membership" and "full member" in clause.text:
        noun = "full member"
    return Frame(
        type=_doc_type(trigger) if doc else trigger.type,
        subjects=tuple(display(a) for a in subjects),
        verb=verb,
        rest=rest,
        noun=noun,
        objects=tuple(dict.fromkeys(objects)),
        place=place,
        member=display(members[0]) if members else None,
        duration=_duration_phrase(text, duration),
        fallback=clause.text,
        passive=passive,
    )


def _clean_content(content: str) -> str:
    content = re.sub(r"^\s*(?:that\s+)?", "", content.strip(" ,"))
    first = content.split(" ", 1)[0]
    return first.lower() + content[len(first) :] if first in _LOWER_FIRST else content


def _duration_phrase(text: str, duration: Timex | None) -> str | None:
    """ "for nearly two years", with the "for" whether or not the expression includes it."""
    if duration is None:
        return None
    if text[max(0, duration.start - 4) : duration.start] == "for ":
        return "for " + duration.text
    return duration.text


def _noun_phrase(text: str, clause: Clause, trigger: Trigger) -> str:
    """The trigger with its modifiers: "a two-day visit" -> "two-day visit"."""
    left = text[clause.start : trigger.start]
    m = re.search(r"(?:\b(?:a|an|the|its|his|her|their)\s+)((?:[\w-]+\s+){0,2})$", left)
    modifiers = m.group(1) if m else ""
    return (modifiers + trigger.text).strip().lower() if trigger.pos == "noun" else None


def _without_dates(text: str, start: int, end: int, timexes: list[Timex]) -> str:
    pieces, pos = [], start
    for t in timexes:
        if start <= t.start and t.end <= end:
            pieces.append(text[pos : t.start])
            pos = t.end
    pieces.append(text[pos:end])
    rest = re.sub(r"\s+", " ", "".join(pieces))
    rest = re.sub(r"\b(?:from|between)\s+(?:to|until|through|and)\b", "", rest)
    rest = re.sub(r"\b(?:on|in|at|this|last|since)\s*(?=,|$|\s(?:that|and)\b)", "", rest)
    return re.sub(r"\s+", " ", rest).strip(" ,")
