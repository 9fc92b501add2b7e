"""Merge mentions of one happening: within an article, and across articles."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re

from . import dates, discourse, lexicon
from .model import Actor, Event
from .predicates import Candidate

#: Types whose undated noun mentions ("the invasion") may stand alone as events.
STANDALONE_REFERENCES = frozenset(
    {"conflict", "sanctions", "membership", "election", "agreement", "economy"}
)
#: Types whose different verbs tell one happening ("met" / "held talks", "signed" / "agreed";
#: a person resigns or dies once in a story: "resigned" / "was stepping down").
SYNONYMOUS = frozenset(
    {
        "resignation",
        "death",
        "meeting",
        "visit",
        "agreement",
        "membership",
        "sanctions",
        "conflict",
        "election",
        "statement",
    }
)
#: Dates of two reports of one happening may differ by this much (time zones, "late on").
CROSS_ARTICLE_SLACK = dt.timedelta(days=1)


@dataclasses.dataclass
class Group:
    """The mentions of one happening in one article, while the article is being read."""

    members: list[Candidate]
    date: object = None  # EventDate once resolved
    #: candidate index -> the happening noun its subject names (``coref.named_subjects``)
    named: dict[int, str] = dataclasses.field(default_factory=dict, repr=False)
    #: candidates whose object is told as new ("arrested a man"), see ``coref.introduced``
    introduced: frozenset[int] = dataclasses.field(default=frozenset(), repr=False)

    @property
    def type(self) -> str:
        return self.head.type

    @property
    def head(self) -> Candidate:
        """The mention the event is told from: a document, else the first dated mention that
        says who did it, else the first clause that does ("The minister resigned. Her
        resignation on Friday ...": not "Resignation"), else the first dated mention, else the
        first standalone one (never reported content when the event has its own mention)."""
        for test in self._head_tests():
            for c in self.members:
                if test(c):
                    return c
        return self.members[0]

    @property
    def teller(self) -> Candidate:
        """The mention the event's headline is told from: the head, unless it is a response
        told without what it answers and another mention passing the same head test tells it
        whole (the head still dates and types the event)."""
        for test in self._head_tests():
            passing = [c for c in self.members if test(c)]
            if passing:
                return next((c for c in passing if not _answers_nothing(c)), passing[0])
        return self.members[0]

    def _head_tests(self) -> tuple:
        """The tests choosing the head, in order (see ``head``)."""
        # a verb that says who did it before a dated noun that says it with no verb ("Her
        # resignation on Friday" is told as "Anna Berg resigns", not "Anna Berg resignation")
        worded = not any(
            c.trigger.pos == "noun" and c.kind != "report" and c.agents and c.phrase.verb
            for c in self.members
        )
        return (
            lambda c: c.doc,
            # a verb of its own, not one saying when a noun's was ("the resignation came")
            lambda c: c.anchor is not None and _own_verb(c),
            lambda c: _own_verb(c) and bool(c.agents) and worded,
            lambda c: c.anchor is not None and c.kind != "report" and bool(c.agents),
            lambda c: c.duration is not None and c.kind != "report" and bool(c.agents),
            lambda c: c.kind == "event" and c.trigger.pos == "verb" and bool(c.phrase.subject),
            lambda c: c.anchor is not None and c.kind != "report",
            lambda c: c.duration is not None and c.kind != "report",
            lambda c: c.kind == "event",
            lambda c: c.kind != "report",
        )

    @property
    def dated(self) -> Candidate:
        """The mention whose own date the event takes: the head's, else the finest any other
        mention gives ("The minister resigned. Her resignation on Friday ...")."""
        dated = [c for c in self.members if c.anchor is not None and c.kind != "report"]
        head = self.head
        if head.anchor is not None:  # "last week's earthquake" ... "last Tuesday's earthquake"
            dated = [
                c
                for c in dated
                if c is head or (_inside(c.anchor, head.anchor) and not discourse.span_end(c))
            ]
        if not dated:
            return head
        return min(dated, key=lambda c: (discourse.fineness(c.anchor), c.inherited, c.index))

    def actors(self) -> list[Actor]:
        """Everyone taking part; what a document reports names its signatories too."""
        traits = self.traits()
        if not traits.reports:  # merging asks again after every candidate: keep it linear
            return list(traits.actors.values())
        cached = self.__dict__.get("_actors_cache")
        if cached is not None and cached[0] == len(self.members):
            return cached[1]
        found = self._actors()
        self.__dict__["_actors_cache"] = (len(self.members), found)
        return found

    def _actors(self) -> list[Actor]:
        document = any(c.doc for c in self.members)
        seen: dict[str, Actor] = {}
        for c in self.members:
            if c.kind != "report" or (document and c.agents):
                for m in c.actors:
                    if c.kind != "report" or m.actor.key in c.agents:
                        seen.setdefault(m.actor.key, m.actor)
        return list(seen.values())

    def anchors(self) -> list:
        """The distinct dates the members give (kept as members join: merging stays linear)."""
        return list(self.traits().anchors)

    def traits(self) -> _Traits:
        """What merging compares a candidate with, read from each member once as it joins (a
        group of n mentions is not read n times over: merging stays linear)."""
        traits = self.__dict__.get("_traits")
        if traits is None:
            traits = self.__dict__["_traits"] = _Traits()
        for c in self.members[traits.count :]:
            traits.add(c, self.named, self.introduced)
        traits.count = len(self.members)
        return traits


def _answers_nothing(c: Candidate) -> bool:
    """A response told without what it answers ("BNP leader Nick Griffin criticised for Haiti
    remarks": a headline's participle read as an active verb, its object lost). Another mention
    of the happening that tells it whole ("... have been condemned by the leader of Labor
    MEPs") tells it better. A response always answers something (``lexicon.REACTIONS``)."""
    return (
        c.trigger.pos == "verb"
        and c.trigger.text in lexicon.REACTIONS
        and not c.phrase.obj
        and not c.targets
    )


@dataclasses.dataclass
class _Traits:
    """A group's members as merging compares them (see ``Group.traits``)."""

    count: int = 0
    anchors: dict = dataclasses.field(default_factory=dict)  # distinct dates, in order
    verbs: set[str] = dataclasses.field(default_factory=set)  # verb triggers' texts
    stems: set[str] = dataclasses.field(default_factory=set)  # triggers' last words' stems
    named: set[str] = dataclasses.field(default_factory=set)  # stems of happening subjects
    named_at: set[tuple] = dataclasses.field(default_factory=set)  # (stem, sentence start)
    targets: set[str] = dataclasses.field(default_factory=set)
    bodies: set[str] = dataclasses.field(default_factory=set)  # organisations telling
    counts: dict[str, list] = dataclasses.field(default_factory=dict)  # verb -> its counts
    kin: set[str] = dataclasses.field(default_factory=set)  # rows of verbs' ``verb_kin``
    subjects: set[str] = dataclasses.field(default_factory=set)  # ``_subject_key``s
    heads: set[str] = dataclasses.field(default_factory=set)  # their head words
    doers: set[tuple] = dataclasses.field(default_factory=set)  # (head, sentence start)
    objects: set[str] = dataclasses.field(default_factory=set)  # ``_object_head``s
    #: verb -> the heads of its indefinite objects ("arrested a man": {"man"})
    introduced: dict[str, set[str]] = dataclasses.field(default_factory=dict)
    document: bool = False
    reports: int = 0
    actors: dict[str, Actor] = dataclasses.field(default_factory=dict)  # of all but reports

    def add(self, c: Candidate, named: dict[int, str], introduced: frozenset[int]) -> None:
        if c.kind == "report":
            self.reports += 1
        else:
            for m in c.actors:
                self.actors.setdefault(m.actor.key, m.actor)
        if c.anchor is not None:
            self.anchors.setdefault(dates.from_timex(c.anchor), None)
        if c.trigger.pos == "verb":
            self.verbs.add(c.trigger.text)
            if found := _counts(c):
                self.counts.setdefault(c.trigger.text, []).append(found)
            if (row := lexicon.verb_kin(c.trigger.text)) is not None:
                self.kin.add(row)
            if subject := _subject_key(c.phrase.subject):
                self.subjects.add(subject)
                self.heads.add(_subject_head(subject))
                self.doers.add((_subject_head(subject), c.sentence.start))
            if head := _object_head(c.phrase.obj):
                self.objects.add(head)
                if c.index in introduced:
                    self.introduced.setdefault(c.trigger.text, set()).add(head)
        self.stems.add(_stem(c))
        if (noun := named.get(c.index)) is not None:
            self.named.add(noun[:5])
            self.named_at.add((noun[:5], c.sentence.start))
        self.targets.update(c.targets)
        if _own_verb(c):
            self.bodies |= _bodies_telling(c)
        self.document = self.document or c.doc


def _own_verb(c: Candidate) -> bool:
    """A verb event telling its own act ("Anna Berg resigned"), not when a noun's happening was
    ("her resignation came on Friday", "the summit took place")."""
    return c.kind == "event" and c.trigger.pos == "verb" and not c.of_noun


def _inside(inner, outer) -> bool:
    """Whether one mention's date lies within another's (both bounded): a finer telling."""
    if inner is outer:
        return True
    if not (inner.start_date and inner.end_date and outer.start_date and outer.end_date):
        return False
    return outer.start_date <= inner.start_date and inner.end_date <= outer.end_date


def compatible_actors(a: list[Actor], b: list[Actor], need_overlap: bool) -> bool:
    """People must be the same or one side a subset; named organisations must meet."""

    def keys(actors, kind):
        return {x.key for x in actors if x.kind == kind}

    pa, pb = keys(a, "person"), keys(b, "person")
    if pa and pb and not (pa <= pb or pb <= pa):
        return False
    oa, ob = keys(a, "organisation"), keys(b, "organisation")
    if oa and ob and not oa & ob:
        return False
    if need_overlap:
        return bool({x.key for x in a} & {x.key for x in b})
    return True


def _score(group: Group, cand: Candidate, named: dict[int, str]) -> int | None:
    if group.members[0].type != cand.type:  # merging keeps one type to a group
        return None
    traits = group.traits()
    names_it = _names_it(traits, cand, named)
    alike = _told_alike(traits, cand)
    if (
        cand.trigger.pos == "verb"
        and cand.type not in SYNONYMOUS
        and cand.trigger.text not in traits.verbs
        and traits.verbs
        and not names_it
        and not alike
    ):
        return None  # "profit rose" and "raised its forecast" are two happenings
    mine = [m.actor for m in cand.actors]
    theirs = group.actors()
    same = (
        names_it
        or alike
        or _stem(cand) in traits.stems
        # "the 1996 bombing that killed an officer": the noun a member's subject names, there
        or (cand.trigger.pos == "noun" and (_stem(cand), cand.sentence.start) in traits.named_at)
        or (cand.doc and traits.document)
        or (cand.trigger.pos == "noun" and cand.kind == "event" and _doer_told(traits, cand))
    )
    if not (mine and theirs) and not same:
        return None  # with no actors to compare, only the same word names the same thing
    if not (mine and theirs) and not (names_it or alike) and _told_of_others(traits, cand):
        return None  # "floods killed residents" / "a landslide killed villagers": two
    if not (mine and theirs) and _told_as_another(cand):
        return None  # "The finance minister resigned. Health Minister Ann Lee also resigned."
    if not compatible_actors(mine, theirs, need_overlap=bool(mine and theirs)):
        return None
    if _other_doers(traits, cand):
        return None  # "Paywell admitted ..." and "the auditor refused ...": two tellers' words
    if _other_measure(traits, cand):
        return None  # "Oil prices fell" and "Gold prices fell": two markets moved
    document = cand.doc or traits.document
    if not document and cand.targets and traits.targets and not set(cand.targets) & traits.targets:
        return None  # "sued Binance" and "sued Coinbase" are two happenings
    if _introduced_apart(traits, cand, group.introduced):
        return None  # "arrested a man in Leeds" / "arrested a woman in York": two arrests
    if _counted_apart(traits, cand):
        return None  # "the flu killed a million people in 1968" / "has killed 20 people"
    if cand.anchor is not None:
        mine_date = dates.from_timex(cand.anchor)
        if any(not dates.overlaps(mine_date, d) for d in traits.anchors):
            return None
    elif _apart(cand) and traits.anchors:
        return None  # "two cases were confirmed this week ... a second case a day later"
    return len({m.actor.key for m in cand.actors} & {a.key for a in theirs})


def _told_alike(traits: _Traits, cand: Candidate) -> bool:
    """A verb of the same row of ``verb_kin.json`` as the group's, told of the same thing: "net
    profit fell 31 percent" / "net profit dropped to 3.1 billion crowns" (the same subject),
    "an air strike hit a crowded market" / "two missiles struck the market" (the same thing
    struck), "the Fed raised interest rates" / "the Fed lifted its policy rate" (both). Not
    "oil prices fell" / "gold prices dropped", nor "raised rates" / "lifted its forecast"."""
    row = lexicon.verb_kin(cand.trigger.text) if cand.trigger.pos == "verb" else None
    if row is None or row not in traits.kin:
        return False
    head = _object_head(cand.phrase.obj)
    if head and traits.objects and head not in traits.objects:
        return False  # another thing done to
    if _subject_key(cand.phrase.subject) in traits.subjects:
        return True
    # told by another subject: the same thing done to, named by a noun (not "3 percent")
    return bool(head) and head in traits.objects and not _counts(cand)


#: Types whose verbs tell a measure that moved (a price, a profit, a rate).
_MEASURES = frozenset({"market", "earnings", "economy"})


def _other_measure(traits: _Traits, cand: Candidate) -> bool:
    """The same measure of another thing: "Oil prices fell" / "Gas prices fell", "Crude
    futures rose" / "Gold futures rose" (the same head, another word right before it). Not
    "Norrland's net profit fell" / "Net profit dropped", nor "Kessler shares" / "shares in
    Kessler", nor "Acme's shares" / "Beta's shares" (whose: the actors tell)."""
    if cand.type not in _MEASURES or cand.trigger.pos != "verb" or not traits.subjects:
        return False
    key = _subject_key(_AFTER_HEAD.sub("", cand.phrase.subject.lower()))
    words = key.split()
    if len(words) < 2 or key in traits.subjects:
        return False
    for other in traits.subjects:
        theirs = _AFTER_HEAD.sub("", other).split()
        if len(theirs) >= 2 and theirs[-1] == words[-1] and theirs[-2] != words[-2]:
            return not (theirs[-2].endswith("'s") or words[-2].endswith("'s"))
    return False


def _told_of_others(traits: _Traits, cand: Candidate) -> bool:
    """The same verb told of another doer and another thing done to, with no names to compare
    ("Floods killed residents in the north. A landslide killed villagers in the south.", "Rebels
    attacked the town. Troops attacked the rebels."): two happenings. Not "Police arrested a man.
    Officers arrested him." (a pronoun may be the same); a reference, which only adds a telling
    to a happening told, may name it in other words ("shareholders rejected his plan" ... "the
    first time investors had rejected a board proposal")."""
    if cand.kind != "event" or cand.trigger.pos != "verb":
        return False  # a reference only adds a telling ("investors had rejected a proposal")
    if len(_AFTER_HEAD.sub("", cand.phrase.obj).split()) > 3:
        return False  # a clause told ("testified that Dr Murray had said ..."), not a thing
    subject, head = _subject_head(cand.phrase.subject), _object_head(cand.phrase.obj)
    if not (subject and head and traits.heads and traits.objects):
        return False
    if subject in _PRONOUNS or head in _PRONOUNS:
        return False
    return subject not in traits.heads and head not in traits.objects


#: A pronoun may stand for the doer or thing named the other time ("Officers arrested him").
_PRONOUNS = lexicon.pronouns(case=("subject", "object", "determiner"))
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that"})
#: Words after an object's head: "a crowded market in the town of Al-Mansura" -> "market".
_AFTER_HEAD = re.compile(
    r"\s(?:in|of|at|on|for|from|to|by|with|against|after|over|into|as|since|than)\s.*$"
)


def _last_word(text: str) -> str:
    words = text.lower().split()
    return words[-1] if words else ""


def _subject_head(subject: str) -> str:
    """ "The center of the quake" -> "center"."""
    return _last_word(_AFTER_HEAD.sub("", subject.lower()))


def _doer_told(traits: _Traits, cand: Candidate) -> bool:
    """A noun that is the subject of a member's verb in its sentence: "Iquique was hit by a
    magnitude 8.2 earthquake in 2014": the earthquake is the hitting."""
    return (_last_word(cand.trigger.text), cand.sentence.start) in traits.doers


def _subject_key(subject: str) -> str:
    """A subject as merging compares it: "The net profit" and "Net profit" alike."""
    words = subject.lower().split()
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    return " ".join(words)


def _object_head(obj: str) -> str:
    """The stem of an object's head noun ("interest rates" / "its policy rate": "rate")."""
    words = _AFTER_HEAD.sub("", obj.lower()).split()
    return words[-1][:4] if words else ""


def _other_doers(traits: _Traits, cand: Candidate) -> bool:
    """A statement whose telling bodies are named, none of them telling the group's statements
    (which name theirs): another body's word, even when a third takes part in both ("Paywell
    admitted ..." and "the auditor refused to sign off on Paywell's accounts"); a person may
    speak for a body ("the company said" and "its spokesman John Doe said")."""
    if cand.type != "statement" or not _own_verb(cand):
        return False  # "the meeting with Xi lasted two hours": the noun's happening
    mine = _bodies_telling(cand)
    return bool(mine and traits.bodies) and not mine & traits.bodies


def _bodies_telling(c: Candidate) -> set[str]:
    return {
        m.actor.key for m in c.actors if m.actor.key in c.agents and m.actor.kind == "organisation"
    }


#: A count in an object: digits, or number words ("20 people", "about a million people").
_COUNT = re.compile(
    r"\b(?:\d[\d,.]*\d|\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"dozens?|hundreds?|thousands?|millions?|billions?)\b",
    re.IGNORECASE,
)


def _counts(c: Candidate) -> frozenset[str]:
    return _counts_in(c.phrase.obj)


@functools.lru_cache(maxsize=4096)
def _counts_in(obj: str) -> frozenset[str]:
    """The counts an object names (read once per object: a group's members are read again for
    each candidate)."""
    return frozenset(m.group().lower().replace(",", "") for m in _COUNT.finditer(obj))


def _counted_apart(traits: _Traits, cand: Candidate) -> bool:
    """The same verb told with other counts ("killed 20 people" / "killed about a million
    people"): two happenings, not one told twice."""
    mine = _counts(cand)
    if cand.trigger.pos != "verb" or not mine:
        return False
    return any(not mine & theirs for theirs in traits.counts.get(cand.trigger.text, ()))


def _introduced_apart(traits: _Traits, cand: Candidate, introduced: frozenset[int]) -> bool:
    """The same verb done to another thing, both told as new ("Police arrested a man in Leeds.
    Police arrested a woman in York.", "gunmen attacked a checkpoint ... attacked a school"):
    an indefinite object brings in one more thing, so another happening. Not "arrested a man"
    / "arrested John Smith" nor "arrested him" (the same one told again)."""
    if cand.trigger.pos != "verb" or cand.index not in introduced:
        return False
    theirs = traits.introduced.get(cand.trigger.text)
    return bool(theirs) and _object_head(cand.phrase.obj) not in theirs


_LATER = re.compile(r"\b(?:later|earlier)$", re.IGNORECASE)


def _apart(cand: Candidate) -> bool:
    """Whether a candidate is told a while from the story's time ("a day later", "two weeks
    earlier"): a happening of its own, not one the story already dated."""
    return cand.duration is not None and bool(_LATER.search(cand.duration.text))


def _stem(c: Candidate) -> str:
    """ "meetings"/"meeting", "communiqué"/"communique": a trigger's last word's stem."""
    return c.trigger.text.split()[-1].lower()[:5]


def _names_it(traits: _Traits, cand: Candidate, named: dict[int, str]) -> bool:
    """ "Rebels attacked Goma. The attack killed 12 people.", "The quake hit Tarsa. The quake
    destroyed the port", "An earthquake struck Tarsa. The quake destroyed the port": a clause
    whose subject is the group's happening by name (``named``: index -> that noun's lemma)."""
    noun = named.get(cand.index)
    if noun is None:
        return False
    stem = noun[:5]
    # "The quake hit at 10:42 p.m." after "A magnitude 7.1 earthquake struck": a compound's head
    compound = any(h != noun and h.endswith(noun) for h in traits.heads) if len(noun) > 3 else False
    # "The suspected car bombings occurred on Friday" after "Terrorist bombings ... blew apart
    # buildings": the group's subject is that happening, told without "the"
    subject = any(h in (noun, noun + "s", noun + "es") for h in traits.heads)
    return stem in traits.named or stem in traits.stems or compound or subject


def _best(
    groups: list[Group],
    cand: Candidate,
    named: dict[int, str],
    known: set[int] = frozenset(),
    same: dict[int, int] | None = None,
) -> Group | None:
    told = _told_again(groups, cand, same or {})
    if told is not None:
        return told
    scored = [(s, -i, g) for i, g in enumerate(groups) if (s := _score(g, cand, named)) is not None]
    if scored:
        return max(scored, key=lambda x: x[:2])[2]
    if cand.index in known and cand.type in SYNONYMOUS:
        return _the_one(groups, cand)
    if cand.type in SYNONYMOUS and cand.trigger.pos == "verb" and not cand.actors:
        # "... over Jackson's death in June 2009. The pop star died from an overdose": the one
        # happening of its kind the story named as known, told again with nobody named
        found = _the_one(groups, cand)
        if found is not None and all(c.index in known for c in found.members):
            return found
    if cand.type in ONCE and _names_the_role(groups, cand):
        return _the_one(groups, cand)
    return None


#: Types a person goes through once in a story: a role told first ("The chief executive of
#: Paywell resigned on Wednesday") and then the person by name ("Markus Brand, who founded
#: Paywell, stepped down") tell one happening.
ONCE = frozenset({"resignation", "death"})
#: Words telling a second happening of a kind: "Ann Lee also resigned", "another minister".
_ANOTHER = re.compile(r"\b(?:also|too|another|second|as well|likewise)\b", re.IGNORECASE)


def _told_as_another(cand: Candidate) -> bool:
    """A verb event told as one more of its kind ("Ann Lee also resigned", "a second blast
    hit the town"): not the happening told before, when no names say it is."""
    return (
        cand.kind == "event"
        and cand.trigger.pos == "verb"
        and _ANOTHER.search(cand.clause.text) is not None
    )


def _names_the_role(groups: list[Group], cand: Candidate) -> bool:
    """A verb event naming one person ("Markus Brand stepped down"), the story's one happening
    of its kind told of a role with nobody named ("The chief executive resigned"), not told as
    another ("Ann Lee also resigned") nor of many ("two workers died")."""
    if cand.kind != "event" or cand.trigger.pos != "verb" or _told_as_another(cand):
        return False
    people = {m.actor.key for m in cand.actors if m.actor.kind == "person"}
    if len(people) != 1 or not people <= set(cand.agents):
        return False
    kind = [g for g in groups if g.members[0].type == cand.type]
    if len(kind) != 1 or any(a.kind == "person" for a in kind[0].actors()):
        return False
    subject = kind[0].head.phrase.subject
    head = _subject_head(subject)
    return bool(head) and not _counts_in(subject) and not (head.endswith("s") and head[-2:] != "ss")


def _told_again(groups: list[Group], cand: Candidate, same: dict[int, int]) -> Group | None:
    """The group holding the clause ``cand`` tells again ("was devastated in May 2023, when
    floods killed 17 people", ``coref.told_when``), if their type and dates agree."""
    other = same.get(cand.index)
    if other is None:
        return None
    for group in groups:
        if group.members[0].type == cand.type and any(c.index == other for c in group.members):
            if cand.anchor is not None:
                mine = dates.from_timex(cand.anchor)
                if any(not dates.overlaps(mine, d) for d in group.anchors()):
                    return None
            return group
    return None


def _the_one(groups: list[Group], cand: Candidate) -> Group | None:
    """ "The minister resigned. Her resignation on Friday ...", "Jackson, who died last June
    ... the popstar's death on 25 June": a known happening's noun names the one happening of
    its kind the story told (none when it told two), if their dates and people agree."""
    kind = [g for g in groups if g.members[0].type == cand.type]
    if len(kind) != 1:
        return None
    group = kind[0]
    if not compatible_actors([m.actor for m in cand.actors], group.actors(), need_overlap=False):
        return None
    if cand.anchor is not None:
        mine = dates.from_timex(cand.anchor)
        if any(not dates.overlaps(mine, d) for d in group.anchors()):
            return None
    return group


def within_article(
    candidates: list[Candidate],
    named: dict[int, str] | None = None,
    known: set[int] = frozenset(),
    same: dict[int, int] | None = None,
    introduced: frozenset[int] = frozenset(),
) -> list[Group]:
    """Group an article's mentions so each happening is told once.

    Standalone mentions merge when type, time and actors agree; noun references join the best
    matching happening (or stand alone for types in ``STANDALONE_REFERENCES``); reported speech
    joins the document it is in, else the dated happening of its sentence, else the article's
    document with the same actors, else is dropped as background.

    :param named: candidate index -> the stem of the happening noun that is its subject ("the
        attack killed"), see ``coref.named_subjects``.
    :param known: noun mentions told as known ("her resignation"), see ``coref.definite_nouns``.
    :param same: candidate index -> a candidate telling the same happening again ("was
        devastated ..., when floods killed"), see ``coref.told_when``.
    :param introduced: verb candidates whose object is told as new ("arrested a man"), see
        ``coref.introduced``.
    """
    named = named or {}
    groups: list[Group] = []
    for cand in (c for c in candidates if c.kind == "event"):
        group = _best(groups, cand, named, known, same)
        if group is None:
            groups.append(Group([cand], named=named, introduced=introduced))
        else:
            group.members.append(cand)
    for cand in (c for c in candidates if c.kind == "reference"):
        group = _best(groups, cand, named, known, same)
        if group is not None:
            group.members.append(cand)
        elif cand.type in STANDALONE_REFERENCES and cand.actors and cand.anchor is not None:
            groups.append(Group([cand], named=named, introduced=introduced))
    for cand in (c for c in candidates if c.kind == "report"):
        group = _report_home(groups, cand)
        if group is not None:
            group.members.append(cand)
    for group in groups:
        group.members.sort(key=lambda c: c.index)
        group.__dict__.pop("_traits", None)  # read in the text's order from now on
        group.__dict__.pop("_actors_cache", None)
    groups.sort(key=lambda g: g.members[0].index)
    return groups


def _report_home(groups: list[Group], cand: Candidate) -> Group | None:
    same_sentence = [g for g in groups if any(c.sentence == cand.sentence for c in g.members)]
    for g in same_sentence:
        if any(c.doc for c in g.members):
            return g
    for g in same_sentence:
        if any(c.anchor is not None for c in g.members):
            return g
    mine = {m.actor.key for m in cand.actors}
    for g in groups:
        if any(c.doc for c in g.members) and mine & {a.key for a in g.actors()}:
            return g
    return None


def similarity(a: Event, b: Event) -> float:
    """How likely two events (e.g. from two articles) are one happening, 0..1.

    0 when the types differ, the dates cannot overlap (one day of slack) or the actors conflict
    (different people, different organisations); otherwise the Jaccard overlap of actor keys.
    """
    if a.type != b.type or not dates.overlaps(a.date, b.date, CROSS_ARTICLE_SLACK):
        return 0.0
    if not compatible_actors(list(a.actors), list(b.actors), need_overlap=True):
        return 0.0
    ka, kb = {x.key for x in a.actors}, {x.key for x in b.actors}
    return len(ka & kb) / len(ka | kb)


def same_happening(a: Event, b: Event, threshold: float = 0.3) -> bool:
    """Whether two events report one happening: type, time and actors agree.

    Two events that both name people must share one; both must be dated at least on one side
    unless they share a person.
    """
    if similarity(a, b) < threshold:
        return False
    shared = {x.key for x in a.actors} & {x.key for x in b.actors}
    if all(x.kind == "place" for x in a.actors if x.key in shared):
        return False  # where alone says nothing of who: two happenings in one city
    pa = {x.key for x in a.actors if x.kind == "person"}
    pb = {x.key for x in b.actors if x.kind == "person"}
    if pa and pb and not pa & pb:
        return False
    undated = a.date.basis == "publication" or b.date.basis == "publication"
    if undated and not pa & pb:
        return False
    if not pa & pb and not _named_organisations(a) & _named_organisations(b):
        # Countries alone are weak evidence (two governments do many things in a week): their
        # dates must overlap as they are, without the cross-article slack.
        return dates.overlaps(a.date, b.date)
    return True


def _named_organisations(event: Event) -> set[str]:
    return {x.key for x in event.actors if x.kind == "organisation"}
