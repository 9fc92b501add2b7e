"""The extraction pipeline: article text and publication date in, events out."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re

from service.temporal.model import Timex

from . import actorfilter, coref, dates, discourse, eventtype, keep, lexicon, nlp, syntax
from .actors import country
from .entities import Entities
from .merge import Group, within_article
from .model import Actor, Event, EventDate, Mention
from .phrases import issued_by
from .predicates import Candidate, find
from .types import CAMEO

#: Outcomes issued at the close of a meeting or visit take its closing day ("a communiqué
#: issued after meetings" on Wednesday is dated Wednesday).
_OUTCOMES = frozenset({"agreement", "statement"})
_GATHERINGS = frozenset({"meeting", "visit"})
#: A duration dated by a day it starts on ("arrived on Tuesday for a two-day visit"); otherwise
#: the day is taken as its last ("a two-day visit that concluded on Wednesday").
#: A duration told from the story's day ("two days later", "a week earlier"), not a span.
_OFFSET = re.compile(r"\b(later|after|on|earlier)$", re.IGNORECASE)
_STARTS = re.compile(r"\b(?:arriv\w*|began|begins|start\w*|open\w*|kick\w* off|launch\w*)\b")


def extract(
    text: str, published_at: dt.date, timexes: list[Timex] | None = None, doc=None
) -> list[Event]:
    """The events an article reports, each happening once, in order of first mention.

    :param timexes: the article's temporal expressions; by default ``service.temporal.annotate``.
    :param doc: the article's parse; by default ``nlp.parse(text)``.
    """
    if timexes is None and doc is None:
        return list(_extract_cached(text, published_at))
    return _extract(text, published_at, timexes, doc)


@functools.lru_cache(maxsize=256)
def _extract_cached(text: str, published_at: dt.date) -> tuple[Event, ...]:
    """The same article read again (a retry, a re-post, a test) is not parsed again: events
    are immutable, so the answer can be shared."""
    return tuple(_extract(text, published_at, None, None))


def clear_cache() -> None:
    """Forget the articles read (benchmarks measure reading, not remembering)."""
    _extract_cached.cache_clear()


def _extract(text: str, published_at: dt.date, timexes, doc) -> list[Event]:
    """The events ``described`` tells, less those the learned keep model drops (``keep``)."""
    return [
        event
        for event, features in described(text, published_at, timexes, doc)
        if keep.keeps(features)
    ]


def described(
    text: str, published_at: dt.date, timexes: list[Timex] | None = None, doc=None
) -> list[tuple[Event, dict[str, float]]]:
    """Every event the article tells, before the keep decision, with the features it is
    decided on (``keep.features``; ``scripts/learn_keep.py`` learns from these)."""
    if timexes is None:
        from service.temporal import annotate

        timexes = annotate(text, published_at)
    story = nlp.stamp_end(text)  # a dateline's or page stamp's time dates no event
    links = nlp.related_spans(text)  # nor a linked story's age ("- 9 hrs ago")
    timexes = sorted(
        (t for t in timexes if t.start >= story and not any(a <= t.start < b for a, b in links)),
        key=lambda t: t.start,
    )
    if doc is None:
        doc = nlp.parse(text)
    entities = Entities(text, doc)
    candidates, relations = find(text, published_at, timexes, doc, entities)
    discourse.past_tense_years(candidates, doc, published_at)
    discourse.planned_years(candidates, published_at)
    discourse.clock_days(candidates, published_at, doc)
    discourse.story_weeks(candidates, published_at)
    discourse.planned_days(candidates, doc, timexes, published_at)
    discourse.planned_weekdays(candidates, doc, published_at)
    discourse.when_dates(candidates, timexes, doc)
    discourse.period_subjects(candidates, timexes, doc)
    coref.continue_story(candidates, doc)
    coref.named_next(candidates, doc)
    coref.figure_owner(candidates, doc)
    coref.brought_about(candidates, doc)
    coref.dated_later(candidates, doc, timexes)
    same = coref.told_when(candidates, doc)
    coref.coordinated_harm(candidates, doc, same)
    same.update({k: v for k, v in coref.one_toll(candidates, doc).items() if k not in same})
    discourse.framed(candidates, doc, published_at, timexes)
    discourse.voiced_later(candidates, doc, published_at)
    for c in candidates:
        if c.promised and c.anchor is None and c.duration is None:
            c.kind = "report"  # "Acme said it would appeal", dated by nothing: an intention told
    named, known = coref.named_subjects(candidates, doc), coref.definite_nouns(candidates, doc)
    groups = within_article(candidates, named, known, same, coref.introduced(candidates, doc))
    told = discourse.told_at(candidates, doc, published_at, timexes)
    had = discourse.had_before(candidates, published_at, doc)
    bounds = discourse.bounded(candidates, doc, timexes)
    apart = discourse.offsets(candidates, doc, timexes)
    inside = discourse.frames(candidates, doc)
    for c in candidates:
        if c.index in bounds and c.index in apart and c.duration is apart[c.index][1]:
            c.duration = None  # "two days after the arrest": a distance from it, not a span
    _date_groups(groups, relations, (told, bounds, apart, inside, had), published_at, doc)
    _inherit_places(groups)
    sentences = max(1, len(list(doc.sents)))
    setting = _setting(entities.counts)
    article = keep.Article.read(text, groups, candidates, entities.counts, sentences)
    befallen = [_where_befallen(g, doc, setting) for g in groups]
    told = [_event(g, entities, sentences, b) for g, b in zip(groups, befallen, strict=True)]
    # the keep model weighs the actors the rules attach (as it was learned), the events shown
    # hold those the actor filter keeps
    events = [
        dataclasses.replace(e, actors=tuple(actorfilter.kept(g, e.actors, entities.counts, doc, b)))
        for e, g, b in zip(told, groups, befallen, strict=True)
    ]
    return list(zip(events, keep.described(groups, told, doc, article), strict=True))


def _date_groups(groups, relations, discourse_time, published_at, doc) -> None:
    """Each group's date: its own, else one the text relates it to (before/after another
    happening), else the story's time it is told at, else its report's, else the story's
    past time a pluperfect was done by, else publication."""
    told, bounds, apart, inside, had = discourse_time
    for group in groups:
        group.date = _own_date(group, published_at)
        group.date = _finer_told(group, told) or group.date
    owner = {c.index: g for g in groups for c in g.members}
    for _ in range(2):  # a relation may date a group that dates another
        for earlier, later in relations:
            first, then = owner.get(earlier), owner.get(later)
            if first is None or then is None or first is then:
                continue
            if then.date is None and first.date is None:
                _told_apart(first, then, apart.get(earlier), apart.get(later), told)
            if then.date is not None and first.date is None:
                first.date = (
                    _moved(apart.get(earlier), then.date, "before")
                    or _back(apart.get(later), then.date, "after")  # "a week after it was"
                    or dates.before(then.date)
                )
            elif first.date is not None and then.date is None:
                if (moved := _moved(apart.get(later), first.date, "after")) is not None:
                    then.date = moved  # "two days after the vote on 5 May"
                elif (moved := _back(apart.get(earlier), first.date, "before")) is not None:
                    then.date = moved  # "was arrested on Monday, two days before the vote"
                elif then.type in _OUTCOMES and first.type in _GATHERINGS:
                    then.date = dates.narrative(first.date)
                else:
                    then.date = dates.after(first.date, published_at)
    for group in groups:
        index, bound = next(
            ((c.index, bounds[c.index]) for c in group.members if c.index in bounds), (-1, None)
        )
        if group.date is None and bound is not None:
            word, when = bound[0], dates.from_timex(bound[1])
            moved = _moved(apart.get(index), when, word)
            if moved is not None and moved.start and moved.start > published_at:
                moved = None  # "a week after Monday's ruling", published on Wednesday: not yet
            group.date = moved or (
                dates.before(when) if word == "before" else dates.after(when, published_at)
            )
        frame = _frame(group, groups, owner, inside)
        if group.date is None and frame is not None:
            group.date = dates.narrative(frame.date)  # "collapsed in the earthquake"
        if group.date is None and (struck := _struck_by(group, groups, doc)) is not None:
            # "At least 82 were killed": the attack's own date, as told by the story
            group.date = dataclasses.replace(struck.date, basis="narrative")
        at = [told[c.index] for c in (group.head, *group.members) if c.index in told]
        if group.date is None and at and _status(group) == "occurred":
            group.date = dates.from_timex(at[0], "narrative")  # the story's time (discourse)
        if group.date is None and (report := group.head.reported) is not None:
            group.date = dates.no_later_than(dates.from_timex(report))
        story = [had[c.index] for c in (group.head, *group.members) if c.index in had]
        if group.date is None and story and _status(group) == "occurred":
            group.date = dates.no_later_than(dates.from_timex(story[0]))  # "had criticised"
        if group.date is None and _status(group) == "ongoing":
            group.date = dates.as_of(published_at)  # "the FBI is conducting tests": on the day
        if group.date is None:
            group.date = dates.publication(published_at, planned=_status(group) == "planned")
        if _status(group) == "occurred" and group.date.basis != "expression":
            # "a week later", told of Sunday on a Wednesday (a date the text names that lands
            # after publication is the temporal reading's to correct, not dropped here)
            since = _counted_from(group, relations, owner)
            group.date = dates.not_after(group.date, published_at, since)


def _counted_from(group: Group, relations, owner: dict) -> dt.date | None:
    """The latest day a group's offset can count from: the story's day its duration is told
    from ("two days later"), or the start of a happening the text puts before it."""
    days = [c.reference_day for c in group.members if c.duration and c.reference_day]
    for earlier, later in relations:
        first = owner.get(earlier)
        if owner.get(later) is group and first is not None and first is not group:
            days += [first.date.start] if first.date is not None and first.date.start else []
    return max(days, default=None)


def _told_apart(first: Group, then: Group, earlier, later, told: dict) -> None:
    """Two undated happenings a duration apart, the one telling it told at the story's day
    ("The Senate passed the bill, a week after the lower house approved it", "the tremor,
    which struck eight days after the quake devastated the country"): that one is at the
    story's day, the other that far from it."""
    if later is not None and (day := _told_day(then, told)) is not None:
        if (moved := _back(later, day, "after")) is not None:
            then.date, first.date = day, moved
    elif earlier is not None and (day := _told_day(first, told)) is not None:
        if (moved := _back(earlier, day, "before")) is not None:
            first.date, then.date = day, moved


def _finer_told(group: Group, told: dict) -> EventDate | None:
    """The day a happening dated by a coarser expression of its own is told at, when that day
    lies inside it: "last year's embassy blasts ... the bombings, which killed 224 people on
    Aug. 7, 1998" is of that day (as ``Group.dated`` takes the finest date a mention gives)."""
    own = group.date
    if own is None or own.basis != "expression" or own.precision in ("day", "unknown"):
        return None
    if own.start is None or own.end is None:
        return None
    day = _told_day(group, told)
    if day is None or day.precision != "day" or day.start is None or day.end is None:
        return None
    return day if own.start <= day.start and day.end <= own.end else None


def _told_day(group: Group, told: dict) -> EventDate | None:
    """The story's day a group of past happenings is told at (``discourse.told_at``)."""
    at = [told[c.index] for c in (group.head, *group.members) if c.index in told]
    if not at or _status(group) != "occurred":
        return None
    return dates.from_timex(at[0], "narrative")


#: Types whose happenings kill and injure.
_STRIKING = frozenset({"conflict", "disaster"})


def _struck_by(group: Group, groups: list[Group], doc) -> Group | None:
    """The attack or disaster an undated casualty count told right after it is of: "Bombs hit
    two embassies on Friday. At least 82 were killed and 1,700 injured, officials said" (the
    last such happening dated to a day in the sentence before or the same one)."""
    head = group.head
    if head.type not in _STRIKING or head.trigger.pos != "verb" or group.actors():
        return None
    if head.trigger.text.lower() not in lexicon.CASUALTY:
        return None
    if syntax.aspect(doc[head.token]).perfect is not None:
        return None  # "up to 200,000 people have been killed": a toll so far, no day's
    before = [
        g
        for g in groups
        if g is not group
        and g.members[0].index < head.index
        and g.type in _STRIKING
        and g.date is not None
        and g.date.precision == "day"
        and g.date.basis in ("expression", "narrative")
    ]
    if not before:
        return None
    last = max(before, key=lambda g: g.members[0].index)
    return last if head.position - last.members[0].position <= 1 else None


def _frame(group: Group, groups: list[Group], owner: dict, inside: dict) -> Group | None:
    """The dated happening a group is told inside of: the group of the noun it names ("in the
    earthquake"), else the last group before it that a noun of that word dates to a day."""
    for c in group.members:
        if c.index not in inside:
            continue
        lemma, index = inside[c.index]
        found = owner.get(index) if index is not None else None
        if found is None:
            named = [
                g
                for g in groups
                if g.members[0].index < c.index
                and any(m.trigger.pos == "noun" and _stem(m) == lemma[:5] for m in g.members)
            ]
            found = named[-1] if named else None
        if found is not None and found is not group and found.date is not None:
            if found.date.basis in ("expression", "narrative") and found.date.precision == "day":
                return found
    return None


def _stem(c) -> str:
    return c.trigger.text.split()[-1].lower()[:5]


def _moved(offset, anchor: EventDate | None, word: str) -> EventDate | None:
    """The date ``offset`` ("two months", "before") puts a happening at from ``anchor``."""
    if offset is None or anchor is None or offset[0] != word:
        return None
    return dates.moved(anchor, offset[1], later=word == "after")


def _back(offset, anchor: EventDate | None, word: str) -> EventDate | None:
    """The other happening's date, ``offset`` from ``anchor`` the other way: "passed the bill
    on Tuesday, a week after the lower house approved it" puts the approval a week before."""
    if offset is None or anchor is None or offset[0] != word:
        return None
    return dates.moved(anchor, offset[1], later=word == "before")


def _own_date(group: Group, published_at: dt.date) -> EventDate | None:
    """The date the group's own clauses give: an expression, or a duration with its anchor."""
    head = group.dated
    if head.anchor is not None:
        when = dates.from_timex(head.anchor, "narrative" if head.inherited else "expression")
        if (
            head.duration is not None
            and when.precision == "day"
            and when.start
            and not _bound_by(head, head.duration)
            and not (head.trigger.pos == "verb" and head.trigger.text in lexicon.ENDING)
        ):  # "ended a two-day summit on Wednesday": the ending is on Wednesday
            starts = _STARTS.search(head.clause.text)
            spanned = (dates.starting_on if starts else dates.ending_on)(head.duration, when.start)
            when = spanned or when
        late = when.end is not None and when.end > published_at
        if _status(group) == "occurred" and when.start is None and late:
            return None  # "had shut schools until May 6": the state's end, not the act's bound
        if _status(group) == "planned" and when.end and when.end < published_at:
            if head.anchor.precision not in ("year", "decade", "century"):
                return None  # a plan is never placed in the past
        return when
    for c in group.members:
        if c.duration is None:
            continue
        if _status(group) == "ongoing":
            began = dates.began_before(c.duration, published_at)
            if began is not None:
                return began
        if _status(group) == "occurred":
            report = c.reported.end_date if c.reported is not None else None
            spanned = dates.lately(c.duration, report or published_at)
            if spanned is not None:
                return spanned  # "fell over the last two weeks": up to the time of speaking
        if c.reference_day is not None:
            after = _OFFSET.search(c.duration.text)
            if after is not None:  # "released two days later": that far from the story's day
                moved = dates.shifted(c.duration, c.reference_day, after.group(1) != "earlier")
                if moved is not None:
                    return moved
            ended = dates.ending_on(c.duration, c.reference_day)
            if ended is not None:
                return ended
    return None


#: Words before a duration that make it a distance or a bound, not the happening's length
#: ("After a weekend of accusations, attention returned today").
_NO_SPAN = re.compile(
    r"\b(?:after|before|since|following|within|ahead\s+of)\s+"
    r"(?:(?:a|an|the|nearly|about|almost|some|more\s+than|less\s+than)\s+)*$",
    re.IGNORECASE,
)


def _bound_by(c: Candidate, duration) -> bool:
    """Whether a clause's duration is told after "after", "before", "since"..."""
    at = duration.start - c.sentence.start
    return at >= 0 and _NO_SPAN.search(c.sentence.text[max(0, at - 30) : at]) is not None


def _status(group: Group) -> str:
    statuses = [c.status for c in group.members if c.kind != "report"]
    if "ongoing" in statuses:
        return "ongoing"
    return group.head.status if group.head.kind != "report" else "occurred"


def _inherit_places(groups: list[Group]) -> None:
    """A meeting with no place takes the place of a same-day event of the same person."""
    for group in groups:
        if group.type not in _GATHERINGS or group.head.phrase.place:
            continue
        people = {a.key for a in group.actors() if a.kind == "person"}
        for other in groups:
            same_day = other.date.precision == "day" and other.date.start == group.date.start
            shared = people & {a.key for a in other.actors() if a.kind == "person"}
            if other is not group and other.head.phrase.place and same_day and shared:
                group.head.phrase = group.head.phrase.with_place(other.head.phrase.place)
                break


def _setting(counts: dict[str, int]) -> Actor | None:
    """The country an article is set in: the one it names most, more often than any other
    (names, adjectives and capitals alike: "Haiti", "Haitian", "Port-au-Prince")."""
    named = sorted(
        ((n, key) for key, n in counts.items() if key.startswith("country:")), reverse=True
    )
    if not named or (len(named) > 1 and named[1][0] == named[0][0]):
        return None
    return country(named[0][1].split(":", 1)[1])


def _where_befallen(group: Group, doc, setting: Actor | None) -> tuple[Actor, ...]:
    """A hazard told with no place ("the flu had killed 20 people", "last week's earthquake",
    "the tremor struck") befalls the country the article is set in; a happening whose subject
    is no hazard ("37 peacekeepers were killed") or that names a place or country is left as
    told."""
    if setting is None or group.type != "disaster":
        return ()
    if any(a.kind in ("country", "place") for a in group.actors()):
        return ()
    for c in group.members:
        tok = doc[c.token] if c.token >= 0 else None
        if tok is None:
            continue
        hazard = tok if c.trigger.pos == "noun" else syntax.subject(tok)
        if hazard is not None and hazard.lemma_.lower() in lexicon.DISASTER_NOUNS:
            return (setting,)
    return ()


def _event(group: Group, entities: Entities, sentences: int, befallen: tuple = ()) -> Event:
    head = group.teller
    counts = entities.counts
    title = head.title
    if head.doc:
        names = [a.name for a in group.actors() if a.kind in ("country", "organisation", "person")]
        title = issued_by(head.phrase, names[:3]).headline()
    return Event(
        title=title,
        summary=shown(head.sentence)[0],
        type=eventtype.event_type(group.head),
        cameo=CAMEO[eventtype.event_type(group.head)],
        actors=tuple(
            dataclasses.replace(a, aliases=entities.aliases(a))
            for a in (*group.actors(), *befallen)
        ),
        date=group.date,
        mentions=_mentions(group.members),
        status=_status(group),
        salience=salience(group, counts, sentences),
    )


def salience(group: Group, counts: dict[str, int], sentences: int) -> float:
    """How central an event is to its article, 0..1: where it is first told (the lead counts
    most), how often it is told, how prominent its participants are, whether the text dates it.
    """
    first = min(c.position for c in group.members)
    lead = 1.0 / (1.0 + first / 2.0)
    told = min(1.0, (len({c.sentence.start for c in group.members}) - 1) / 3.0)
    top = max(counts.values(), default=1)
    actors = [counts.get(a.key, 0) / top for a in group.actors() if a.kind != "place"]
    prominence = max(actors, default=0.0)
    dated = 1.0 if group.date is not None and group.date.basis == "expression" else 0.0
    score = 0.45 * lead + 0.15 * told + 0.25 * prominence + 0.15 * dated
    return round(min(1.0, score), 3)


def _mentions(members: list[Candidate]) -> tuple[Mention, ...]:
    by_sentence: dict[int, list[Candidate]] = {}
    for c in members:
        by_sentence.setdefault(c.sentence.start, []).append(c)
    out = []
    for cands in by_sentence.values():
        text, sentence_start, sentence_end = shown(cands[0].sentence)
        start = max(sentence_start, min(c.clause.start for c in cands))
        end = min(sentence_end, max(c.clause.end for c in cands))
        out.append(Mention(text, sentence_start, sentence_end, start, end))
    return tuple(out)


def shown(sentence) -> tuple[str, int, int]:
    """A sentence as a reader is shown it, with its offsets: without the white space around it
    (a blanked dateline is white space, see ``nlp.masked``) and with its line breaks as spaces
    (one for one, so ``text[start:end]`` of the article is still this sentence, line breaks
    aside)."""
    text = sentence.text
    lead = len(text) - len(text.lstrip())
    kept = text.strip()
    return (
        kept.replace("\r", " ").replace("\n", " "),
        sentence.start + lead,
        sentence.start + lead + len(kept),
    )
