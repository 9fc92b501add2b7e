"""Find event mentions: the clauses that report a happening, with trigger, actors and time."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from service.temporal.model import Timex

from . import dates, frames
from .actors import ActorMention, ArticleActors
from .frames import doc_type, in_quotes, past_verb
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
_PERFECT = re.compile(r"\bha(?:s|ve) been\b")
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
        previous: Candidate | None = None
        carried: list[ActorMention] = []
        for clause in clauses(text, sentence):
            in_clause = [a for a in sentence_actors if clause.start <= a.start < clause.end]
            if clause.text.startswith("where "):
                in_clause = carried[-1:] + in_clause
            carried = [a for a in in_clause if a.actor.kind == "country" and not a.place]
            cand = _candidate(text, published_at, timexes, sentence, clause, in_clause)
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


def _candidate(text, published_at, timexes, sentence, clause, actors) -> Candidate | None:
    trigger, doc = _main_trigger(text, clause)
    if trigger is None:
        return None
    if _NEGATION.search(text[clause.start : trigger.end]) and not doc:
        return None
    if _HABITUAL.search(clause.text):
        return None
    content = _content(text, clause, trigger, timexes)
    anchor, duration = _times(text, clause, timexes, content)
    status = _status(text, clause, trigger, anchor, published_at, content)
    if status == "occurred" and duration is not None and _PERFECT.search(clause.text):
        status = "ongoing"  # "has been falling for six months"
    participants = _participants(actors, trigger, doc, content)
    kind = _kind(text, clause, trigger, doc, anchor or duration, status, participants)
    place = next((a.surface for a in actors if a.place), None)
    frame = frames.build(text, clause, trigger, participants, place, timexes, duration, doc)
    if content[1] > content[0]:
        frame = dataclasses.replace(frame, rest=frames.clean_content(text[slice(*content)]))
    type_ = doc_type(trigger) if doc else trigger.type
    reference = _reference_day(timexes, clause.start)
    return Candidate(
        -1, type_, kind, sentence, clause, trigger, participants, anchor, duration, status, doc,
        place, frame, reference,
    )  # fmt: skip


def _reporting(trigger: Trigger) -> bool:
    return trigger.type in _REPORTING or bool(_REPORTING_VERBS.fullmatch(trigger.text))


def _times(text, clause, timexes, content) -> tuple[Timex | None, Timex | None]:
    """The clause's own date (an expression or a from/to span) and duration, outside content."""
    inside = [
        t for t in timexes
        if clause.start <= t.start and t.end <= clause.end
        and not content[0] <= t.start < content[1]
    ]  # fmt: skip
    anchor = next((t for t in inside if dates.datable(t)), None)
    if anchor is not None and (later := [t for t in inside if t.start > anchor.start]):
        anchor = dates.interval(text, anchor, later[0]) or anchor
    duration = next((t for t in inside if t.type == "DURATION"), None)
    return anchor, duration


def _participants(actors, trigger, doc, content) -> list[ActorMention]:
    """Who takes part: not places, not actors of reported content; speakers for statements."""
    out = [a for a in actors if not a.place and not content[0] <= a.start < content[1]]
    if doc or trigger.type == "statement":
        subject = [a for a in out if a.start < trigger.start]
        out = subject if doc or subject else out
    return out


def _kind(text, clause, trigger, doc, dated, status, participants) -> str:
    if doc:
        return "event"
    if _reporting(trigger) and not dated:
        return "report"
    if dated or (past_verb(text, clause.start, clause.end) and participants):
        return "event"
    infinitive = text[: trigger.start].endswith(("to ", "will "))
    if status == "planned" and participants and infinitive:
        return "event"
    return "reference"


def _main_trigger(text: str, clause: Clause) -> tuple[Trigger | None, bool]:
    found = [
        t
        for t in triggers(text, clause.start, clause.end)
        if not in_quotes(text, clause.start, t.start)
    ]
    for t in found:
        if DOCUMENTS.fullmatch(t.text):
            return t, True
    return (found[0] if found else None), False


def _content(text: str, clause: Clause, trigger: Trigger, timexes) -> tuple[int, int]:
    """The reported content of a reporting verb: after "said (on Monday) (that) ...", or
    before a closing ", officials said". An empty span at the clause end when there is none."""
    if not _reporting(trigger) or trigger.pos == "noun":
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


def _reference_day(timexes: list[Timex], before: int) -> dt.date | None:
    """The narrative "now": the last day-precise date mentioned before ``before``."""
    days = [
        t
        for t in timexes
        if t.end <= before and dates.datable(t) and t.precision in ("day", "time") and t.start_date
    ]
    return days[-1].start_date if days else None
