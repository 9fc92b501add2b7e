"""The extraction pipeline: article text and publication date in, events out."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from service.temporal.model import Timex

from . import dates
from .headlines import headline
from .mentions import Candidate, find
from .merge import Group, within_article
from .model import Event, EventDate, Mention
from .types import CAMEO

#: Outcomes issued at the close of a meeting or visit take its closing day ("a communiqué
#: issued after meetings" on Wednesday is dated Wednesday).
_OUTCOMES = frozenset({"agreement", "statement"})
_GATHERINGS = frozenset({"meeting", "visit"})
#: A duration dated by a day it starts on ("arrived on Tuesday for a two-day visit"); otherwise
#: the day is taken as its last ("a two-day visit that concluded on Wednesday").
_STARTS = re.compile(r"\b(?:arriv\w*|began|begins|start\w*|open\w*|kick\w* off|launch\w*)\b")


def extract(text: str, published_at: dt.date, timexes: list[Timex] | None = None) -> list[Event]:
    """The events an article reports, each happening once, in order of first mention.

    :param timexes: the article's temporal expressions; by default ``service.temporal.annotate``.
    """
    if timexes is None:
        from service.temporal import annotate

        timexes = annotate(text, published_at)
    timexes = sorted(timexes, key=lambda t: t.start)
    candidates, relations = find(text, published_at, timexes)
    groups = within_article(candidates)
    _date_groups(groups, candidates, relations, published_at)
    _inherit_places(groups)
    return [_event(g) for g in groups]


def _date_groups(groups, candidates, relations, published_at) -> None:
    for group in groups:
        group.date = _own_date(group, published_at)
    owner = {c.index: g for g in groups for c in g.members}
    for _ in range(2):  # a relation may date a group that dates another
        for earlier, later in relations:
            first, then = owner.get(earlier), owner.get(later)
            if first is None or then is None or first is then:
                continue
            if then.date is not None and first.date is None:
                first.date = dates.before(then.date)
            elif first.date is not None and then.date is None:
                if then.type in _OUTCOMES and first.type in _GATHERINGS:
                    then.date = dates.narrative(first.date)
                else:
                    then.date = dates.after(first.date, published_at)
    for group in groups:
        if group.date is None:
            group.date = dates.publication(published_at, planned=_status(group) == "planned")


def _own_date(group: Group, published_at: dt.date) -> EventDate | None:
    """The date the group's own clauses give: an expression, or a duration with its anchor."""
    head = group.head
    if head.anchor is not None:
        when = dates.from_timex(head.anchor)
        if head.duration is not None and when.precision == "day" and when.start:
            starts = _STARTS.search(head.clause.text)
            spanned = (dates.starting_on if starts else dates.ending_on)(head.duration, when.start)
            when = spanned or when
        if _status(group) == "planned" and when.end and when.end < published_at:
            return None  # a plan is never placed in the past
        return when
    for c in group.members:
        if c.duration is None:
            continue
        if _status(group) == "ongoing":
            began = dates.began_before(c.duration, published_at)
            if began is not None:
                return began
        if c.reference_day is not None:
            ended = dates.ending_on(c.duration, c.reference_day)
            if ended is not None:
                return ended
    return None


def _status(group: Group) -> str:
    statuses = [c.status for c in group.members if c.kind != "report"]
    if "ongoing" in statuses:
        return "ongoing"
    return group.head.status if group.head.kind != "report" else "occurred"


def _inherit_places(groups: list[Group]) -> None:
    """A meeting with no place takes the place of a same-day event of the same person."""
    for group in groups:
        if group.type not in _GATHERINGS or group.head.frame.place:
            continue
        people = {a.key for a in group.actors() if a.kind == "person"}
        for other in groups:
            same_day = other.date.precision == "day" and other.date.start == group.date.start
            shared = people & {a.key for a in other.actors() if a.kind == "person"}
            if other is not group and other.head.frame.place and same_day and shared:
                group.head.frame = _with_place(group.head, other.head.frame.place)
                break


def _with_place(cand: Candidate, place: str):
    return dataclasses.replace(cand.frame, place=place)


def _event(group: Group) -> Event:
    head = group.head
    return Event(
        title=headline(head.frame),
        summary=head.sentence.text,
        type=group.type,
        cameo=CAMEO[group.type],
        actors=tuple(group.actors()),
        date=group.date,
        mentions=_mentions(group.members),
        status=_status(group),
    )


def _mentions(members: list[Candidate]) -> tuple[Mention, ...]:
    by_sentence: dict[int, list[Candidate]] = {}
    for c in members:
        by_sentence.setdefault(c.sentence.start, []).append(c)
    out = []
    for cands in by_sentence.values():
        s = cands[0].sentence
        start = min(c.clause.start for c in cands)
        end = max(c.clause.end for c in cands)
        out.append(Mention(s.text, s.start, s.end, start, end))
    return tuple(out)
