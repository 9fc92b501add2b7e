"""Headline frames: the parts of a clause a headline is built from (subject, verb, objects)."""

from __future__ import annotations

import re

from service.temporal.model import Timex

from .actors import ActorMention, short_name
from .headlines import Frame
from .sentences import Clause
from .types import Trigger

PAST_VERB = re.compile(
    r"\b(?:[a-z]+ed|met|took|held|said|made|gave|won|lost|began|sent|struck|told|grew|shrank|"
    r"came|went|paid|led|fought|broke|rose|fell)\b(?!\s+by\b)"
)
_NOT_VERBS = frozenset({"need", "seed", "speed", "bed", "red", "shed", "united", "based"})
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$")
_LOWER_FIRST = frozenset("The A An It Its This That These Those There We They He She".split())


def in_quotes(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` is inside a quotation opened after ``start``."""
    segment = text[start:pos]
    return segment.count('"') % 2 == 1 or segment.count("“") > segment.count("”")


def past_verb(text: str, start: int, end: int) -> re.Match | None:
    """The first past-tense verb in ``text[start:end]`` outside quotes."""
    for m in PAST_VERB.finditer(text, start, end):
        if m.group() not in _NOT_VERBS and not in_quotes(text, start, m.start()):
            return m
    return None


def doc_type(trigger: Trigger) -> str:
    """A joint document or communiqué is an agreement; "in a statement" is a statement."""
    joint = re.search(r"joint|communiqu", trigger.text, re.IGNORECASE)
    return "agreement" if joint else "statement"


def display(mention: ActorMention) -> str:
    """How a headline names an actor: surface for people, short keys for organisations."""
    actor = mention.actor
    if actor.kind == "person":
        return mention.surface
    if actor.kind == "organisation":
        return short_name(actor.key.split(":", 1)[1])
    return actor.name


def build(
    text: str,
    clause: Clause,
    trigger: Trigger,
    participants: list[ActorMention],
    place: str | None,
    timexes: list[Timex],
    duration: Timex | None,
    doc: bool,
) -> Frame:
    """The headline frame of a clause, naming actors as a headline does."""
    verb, verb_start, verb_end = _verb(text, clause, trigger, doc)
    subjects = _subjects(participants, trigger, verb_start)
    passive = bool(verb) and bool(_PASSIVE.search(text[clause.start : verb_start]))
    members = [a for a in participants if a.actor.kind == "country" and a.via != "group"]
    noun = _noun_phrase(text, clause, trigger)
    if trigger.type == "membership" and "full member" in clause.text:
        noun = "full member"
    return Frame(
        type=doc_type(trigger) if doc else trigger.type,
        subjects=tuple({a.actor.key: display(a) for a in subjects}.values()),
        verb=verb,
        rest=_without_dates(text, verb_end, clause.end, timexes),
        noun=noun,
        objects=_objects(participants, trigger, clause),
        place=place,
        member=display(members[0]) if members else None,
        duration=_duration_phrase(text, duration),
        fallback=clause.text,
        passive=passive,
    )


def _verb(text, clause, trigger, doc) -> tuple[str | None, int, int]:
    """The predicate: the trigger verb, or the past verb before a trigger noun ("imposed")."""
    if trigger.pos == "verb":
        return trigger.text, trigger.start, trigger.end
    m = None if doc else past_verb(text, clause.start, trigger.start)
    if m:
        return m.group(), m.start(), m.end()
    return None, trigger.start, trigger.end


def _subjects(participants, trigger, verb_start) -> list[ActorMention]:
    """Who acts: actors before the predicate, else the people of a noun phrase ("meeting led
    by A and B"); people only when there are any ("Russian Deputy PM X" is X)."""
    before = [a for a in participants if a.start < min(verb_start, trigger.start)]
    people = [a for a in participants if a.actor.kind == "person"]
    subjects = before or (people if trigger.pos == "noun" else []) or participants
    if any(a.actor.kind == "person" for a in subjects):
        subjects = [a for a in subjects if a.actor.kind == "person"]
    return subjects


def _objects(participants, trigger, clause) -> tuple[str, ...]:
    """Who or where the action is directed at: people met, countries visited or fought in,
    organisations joined."""
    after = [a for a in participants if a.start >= trigger.end]
    carried = [a for a in participants if a.start < clause.start]  # "where war..."
    if trigger.type == "meeting":
        found = [a for a in after if a.actor.kind == "person"]
    elif trigger.type == "membership":
        found = [a for a in participants if a.actor.kind == "organisation"]
    elif trigger.type in ("visit", "conflict"):
        found = [a for a in after + carried if a.actor.kind != "person"]
    else:
        found = after
    return tuple(dict.fromkeys(display(a) for a in found))


def clean_content(content: str) -> str:
    """Reported content as a headline continues it: "That tourism grew" -> "tourism grew"."""
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
