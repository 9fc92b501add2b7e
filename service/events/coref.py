"""Within-article coreference the detection stage cannot see from one sentence: the story going
on in the next sentence with a pronoun or a definite noun for its doer ("On Monday the board
met in Frankfurt. It approved the merger."). Pure: reads the candidates and their parse.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from service.temporal.model import Timex

from . import dates, lexicon, nlp, syntax
from .actors import ActorMention
from .candidate import Candidate

#: Pronouns a story goes on with, by the kind of doer they take: "it", "they", "he"/"she".
_NEUTER = lexicon.pronouns(gender="n", case="subject")
_PLURAL = lexicon.pronouns(person=3, number="plural", case="subject")
_PERSONAL = lexicon.pronouns(gender=("m", "f"), case="subject")
#: Main clauses: a relative or adverbial clause is background, not the story going on.
_MAIN = frozenset({"ROOT", "conj"})


def continue_story(candidates: Sequence[Candidate], doc) -> None:
    """An undated clause with nobody named whose subject is a pronoun or a definite noun the
    previous main clause's subject names ("It approved the merger", "The board approved the
    merger" after "the board met") tells the same doer's next deed: it becomes an event with
    that doer (and is then dated by the story's time, ``discourse.told_at``)."""
    last: Candidate | None = None  # the last main-clause event with a subject of its own
    for c in candidates:
        tok = doc[c.token]
        if c.trigger.pos != "verb" or tok.dep_ not in _MAIN:
            continue
        subject = _own_subject(tok)
        # detection may already keep the clause as an event with the pronoun or the bare noun
        # as its subject ("They approve merger"): it goes on with the named doer all the same
        goes_on = (
            c.kind in ("reference", "event")
            and c.status == "occurred"
            and last is not None
            and c.position - last.position <= 1
            and not c.actors
            and subject is not None
            and _refers_to(subject, _own_subject(doc[last.token]))
        )
        if not goes_on:
            if c.kind == "event" and c.phrase.subject and subject is not None:
                last = c
            continue
        c.kind = "event"
        c.phrase = dataclasses.replace(c.phrase, subject=last.phrase.subject)
        agents = [m for m in last.actors if m.actor.key in last.agents]
        c.actors = [*agents, *c.actors]
        c.agents = last.agents


def _own_subject(tok):
    found = syntax.subject(tok)
    return found if found is not None and found.head.i == tok.i else None


def _refers_to(subject, antecedent) -> bool:
    """ "It" / "they" / "he" for a doer of that number and kind; "the board" for "the board"."""
    if antecedent is None:
        return False
    word = subject.lower_
    plural = antecedent.tag_ in ("NNS", "NNPS")
    person = antecedent.ent_type_ == "PERSON"
    if word in _NEUTER:
        return not plural and not person and antecedent.pos_ in ("NOUN", "PROPN")
    if word in _PLURAL:
        return plural and antecedent.pos_ in ("NOUN", "PROPN")
    if word in _PERSONAL:
        return person
    definite = any(d.dep_ == "det" and d.lower_ in ("the", "this") for d in subject.children)
    return (
        definite
        and subject.pos_ == "NOUN"
        and antecedent.pos_ == "NOUN"
        and subject.lemma_.lower() == antecedent.lemma_.lower()
    )


#: Verbs that say when a happening told before starts: "The cuts will begin in June".
_STARTS = frozenset({"begin", "start", "commence"})
#: "take effect", "come into force": the same, with their noun.
_STARTS_WITH = {"take": frozenset({"effect"}), "come": frozenset({"effect", "force"})}
_DEFINITE = frozenset({"the", "this", "these", "those", "its", "their"})
_START_LEMMAS = _STARTS | set(_STARTS_WITH)


def dated_later(candidates: Sequence[Candidate], doc, timexes: Sequence[Timex]) -> None:
    """A happening told undated (or coarsely) and dated by a later sentence that names it
    ("The bank said it would cut 2,000 jobs. The cuts will begin in June.", "Acme said it
    would close the plant. The closure will take effect in May."): the earlier mention takes
    the date and stays the event; the later clause is only its date (a reference)."""
    by_token = {c.token: c for c in candidates}
    starts = {t.start: t for t in timexes if dates.datable(t)}
    for tok in doc:
        if tok.lemma_ not in _START_LEMMAS or not _says_start(tok):
            continue
        noun = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if noun is None or noun.pos_ != "NOUN":
            continue
        if not any(d.lower_ in _DEFINITE for d in noun.children if d.dep_ in ("det", "poss")):
            continue
        when = _own_date(tok, starts)
        earlier = [
            c
            for c in candidates
            if c.token < noun.i
            and c.trigger.pos == "verb"
            and c.position >= _position(tok, candidates) - 2
            and _names(noun.lemma_.lower(), doc[c.token].lemma_.lower())
        ]
        if when is None or not earlier:
            continue
        told = earlier[-1]
        if told.anchor is not None and not _finer_inside(when, told.anchor):
            continue
        told.anchor, told.inherited = when, False
        if told.kind == "reference" and told.phrase.subject:
            told.kind = "event"
        if (later := by_token.get(tok.i)) is not None and later is not told:
            later.kind = "reference"


def _says_start(tok) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB":
        return False
    if lemma in _STARTS:
        return True
    nouns = _STARTS_WITH.get(lemma)
    return nouns is not None and any(w.lower_ in nouns for c in tok.children for w in c.subtree)


def _own_date(tok, starts: dict[int, Timex]) -> Timex | None:
    for c in tok.children:
        if c.dep_ in ("prep", "npadvmod"):
            for w in c.subtree:
                if (t := starts.get(w.idx)) is not None:
                    return t
    return None


def _position(tok, candidates: Sequence[Candidate]) -> int:
    """The sentence index of ``tok``, from the candidates told before it (they carry it)."""
    told = [c.position for c in candidates if c.sentence.start <= tok.idx]
    return max(told, default=0)


def _names(noun: str, verb: str) -> bool:
    """ "cuts"/"cut", "closure"/"close", "resignation"/"resign": the noun of the verb."""
    if noun == verb:
        return True
    size = min(len(verb), 5) - 1
    return size >= 3 and noun[:size] == verb[:size] and noun != verb + "er"


def _finer_inside(when: Timex, anchor: Timex) -> bool:
    """ "last year ... began in June": a finer date inside the one given before."""
    if not (when.start_date and when.end_date and anchor.start_date and anchor.end_date):
        return False
    inside = anchor.start_date <= when.start_date and when.end_date <= anchor.end_date
    return inside and when.end_date - when.start_date < anchor.end_date - anchor.start_date


def named_subjects(candidates: Sequence[Candidate], doc) -> dict[int, str]:
    """Candidate index -> the lemma of the happening noun that is its subject, said again
    ("The attack killed 12 people", "Tuesday's earthquake destroyed the port"), or the happening
    noun a relative clause hangs on ("a bombing that killed 12", "the quake, which destroyed the
    port"), or a noun told by such a clause ("A storm that flooded Tarsa cut power"): the clause
    tells more of that happening, which another clause may have told by its verb, or the noun
    itself."""
    out: dict[int, str] = {}
    verbs = {c.token for c in candidates if c.trigger.pos == "verb"}
    for c in candidates:
        if c.trigger.pos != "verb":
            continue
        tok = doc[c.token]
        subject = _own_subject(tok)
        relative = _relative(tok)
        subject = tok.head if relative else subject
        if subject is None or subject.pos_ != "NOUN" or lexicon.noun_type(subject.lemma_) != c.type:
            continue
        # "a magnitude 8.2 earthquake in 2014 that killed six people": the noun just told
        told = relative or any(
            d.dep_ == "poss"
            or (d.dep_ == "det" and d.lower_ in _DEFINITE)
            or (d.dep_ == "relcl" and d.i in verbs)  # "A storm that flooded Tarsa cut power"
            for d in subject.children
        )
        if told:  # "the attack", "its raid", "Tuesday's earthquake": one told of already
            out[c.index] = subject.lemma_.lower()
    return out


def _relative(tok) -> bool:
    """A relative clause whose subject is its relative pronoun ("an earthquake that killed six
    people", "the fighting, which has killed 400"): the clause tells of the noun it hangs on."""
    return (
        tok.dep_ == "relcl"
        and tok.head.pos_ == "NOUN"
        and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("that", "which") for c in tok.children
        )
    )


def introduced(candidates: Sequence[Candidate], doc) -> frozenset[int]:
    """Verb mentions whose direct object is told as new to the reader ("Police arrested a man",
    "attacked a school"): the same verb told of another such object is another happening."""
    out = set()
    for c in candidates:
        if c.trigger.pos != "verb":
            continue
        for obj in doc[c.token].children:
            if obj.dep_ == "dobj" and any(
                d.dep_ == "det" and d.lower_ in ("a", "an") for d in obj.children
            ):
                out.add(c.index)
    return frozenset(out)


def definite_nouns(candidates: Sequence[Candidate], doc) -> set[int]:
    """Noun mentions told as known ("the attack", "her resignation", "the popstar's death"):
    they name a happening the story has told, the one of that kind if it told one."""
    out = set()
    for c in candidates:
        if c.trigger.pos != "noun" or c.doc:
            continue
        noun = doc[c.token]
        if any(
            d.dep_ == "poss" or (d.dep_ == "det" and d.lower_ in _DEFINITE) for d in noun.children
        ):
            out.add(c.index)
    return out


#: Verbs whose date is the date of the happening they bring about ("resulted in his death on
#: 25 June", "led to the collapse of the talks on Monday").
_BRINGS_ABOUT = frozenset({"result", "lead", "end"})


def brought_about(candidates: Sequence[Candidate], doc) -> None:
    """The happening a dated clause results in takes its date ("the drugs resulted in the
    popstar's death on 25 June": the death on 25 June; "soared to 498, followed on Sunday by
    the first death"), so that it can date the other mentions of that happening; a passive
    clause done by a dated happening takes its date ("200,000 people were killed by the quake
    on 12 January", "was hit by Wednesday's aftershock")."""
    by_token = {c.token: c for c in candidates}
    for c in candidates:
        tok = doc[c.token]
        lemma = tok.lemma_.lower()
        if c.trigger.pos != "verb":
            continue
        if c.anchor is None and not c.inherited:
            cause = _agent_happening(tok, by_token)
            if cause is not None and cause.anchor is not None:
                c.anchor = cause.anchor  # "were killed by the quake on 12 January"
            continue
        if c.inherited or lemma not in _BRINGS_ABOUT | {"follow"}:
            continue
        for prep in tok.children:
            if lemma == "follow" and prep.dep_ != "agent":
                continue  # "followed on Sunday by the first death": the death on Sunday
            if lemma != "follow" and (prep.dep_ != "prep" or prep.lower_ not in ("in", "to")):
                continue
            for noun in prep.children:
                result = by_token.get(noun.i)
                if result is not None and result.trigger.pos == "noun" and result.anchor is None:
                    result.anchor = c.anchor


def _agent_happening(tok, by_token: dict):
    """The happening noun a passive clause is done by ("killed by the quake")."""
    for agent in tok.children:
        if agent.dep_ == "agent":
            for noun in agent.children:
                found = by_token.get(noun.i)
                if found is not None and found.trigger.pos == "noun" and not found.inherited:
                    return found
    return None


#: Verbs that say what a happening did to a place or its people ("The area was devastated",
#: "The town was hit"): the disaster frame's verbs (``service/data/verb_frames.json``).
_BEFALL = frozenset({"hit", "strike", "ravage", "devastate", "batter", "rock", "shake"})
#: The types of what may befall a place; a befall verb with no doer of its own ("was struck")
#: says nothing of which, and takes its "when" clause's.
_DAMAGE = frozenset({"disaster", "conflict"})


def told_when(candidates: Sequence[Candidate], doc) -> dict[int, int]:
    """A "when" clause telling the happening its main clause says befell a place ("The area was
    devastated in May 2023, when floods killed 17 people"): one happening, told twice.

    Only a befall verb's clause (``_BEFALL``) or a harm's (``lexicon.HARMED``, see
    ``_how_harmed``: "died when a tree fell on their car") is told again by its "when": an act
    and the act it was done at are two happenings ("He was arrested in May, when police raided
    the house").
    The merge still needs one type (a main clause with no doer of its own, a passive with no
    agent, takes the "when" clause's damage type) and compatible dates. That doer-less main
    clause becomes a reference to the "when" clause, which names the doer and gives the
    headline.

    :returns: candidate index -> the index of the candidate that tells the same happening,
        both ways.
    """
    by_token = {c.token: c for c in candidates if c.trigger.pos == "verb"}
    same: dict[int, int] = {}
    for c in candidates:
        tok = doc[c.token]
        if c.trigger.pos != "verb" or c.kind != "event":
            continue
        if not any(w.dep_ == "advmod" and w.lower_ == "when" for w in tok.children):
            continue
        main = by_token.get(_when_governor(tok))
        if main is None or main is c or main.kind != "event":
            continue
        lemma = lexicon.verb_lemma(doc[main.token])
        if lemma in lexicon.HARMED:
            undone = _undone_harm(doc[main.token], lemma)
            if _how_harmed(c, main, undone):
                same[c.index], same[main.index] = main.index, c.index
                if undone:  # "14 were killed and 60 injured when ...": the whole toll's deed
                    _whole_toll(doc[main.token], c, by_token, same)
            continue
        if lemma not in _BEFALL:
            continue
        doer_less = _doer_less(doc[main.token]) and bool(c.phrase.subject)
        if doer_less and c.type in _DAMAGE:
            main.type = c.type  # "was struck ..., when a landslide killed 12": a disaster
        if main.type != c.type:
            continue
        same[c.index], same[main.index] = main.index, c.index
        if doer_less:
            main.kind = "reference"  # "was devastated": the floods that killed 17 did it
    return same


def one_toll(candidates: Sequence[Candidate], doc) -> dict[int, int]:
    """The counts of one toll told together ("At least 82 were killed and more than 1,700
    injured", "up to 200,000 people have been killed, 250,000 injured"): the dead and the hurt
    of one happening, not two happenings. A casualty verb coordinated with another, or told
    beside it under one head with a count for its subject, tells the same happening; it takes
    the first one's type (the merge still checks that their dates agree).

    :returns: candidate index -> the index of the candidate telling the same toll, both ways.
    """
    tolls = {
        c.token: c
        for c in candidates
        if c.trigger.pos == "verb" and lexicon.verb_lemma(doc[c.token]) in lexicon.CASUALTY
    }
    same: dict[int, int] = {}
    for c in sorted(tolls.values(), key=lambda c: c.token):
        tok = doc[c.token]
        counted = _counted(tok)
        first = tolls.get(tok.head.i) if tok.dep_ == "conj" or counted else None
        if first is None and counted:
            first = next(
                (
                    tolls[w.i]
                    for w in tok.head.children
                    if w.i < tok.i and w.i in tolls and w.dep_ in ("ccomp", "conj", "advcl")
                ),
                None,
            )
        if first is None or first is c or first.sentence != c.sentence:
            continue
        c.type = first.type
        same.setdefault(c.index, first.index)
        same.setdefault(first.index, c.index)
    return same


def _counted(tok) -> bool:
    """A casualty verb whose subject is a bare count ("250,000 injured")."""
    return any(w.dep_ in ("nsubj", "nsubjpass") and w.tag_ == "CD" for w in tok.children)


def _how_harmed(c: Candidate, main: Candidate, doer_less: bool) -> bool:
    """A "when" clause telling how people came to harm ("Three people died when a tree fell on
    their car", "14 people were killed when a train collided with a freight train"): the deed
    the harm is the toll of, one happening, unless it is dated apart ("died in 2010, when ...
    in 2008"). A passive harm with no doer ("were killed") becomes a mention of the deed, which
    names the doer and gives the headline (the deed takes the harm's type unless it is a
    damage of its own: a crash, an attack); otherwise the deed becomes a mention of the harm
    ("Joe Cole died when his office collapsed": a death)."""
    if c.anchor is not None and main.anchor is not None:
        if not dates.overlaps(dates.from_timex(c.anchor), dates.from_timex(main.anchor)):
            return False
    if doer_less and c.phrase.subject:
        if c.type not in _DAMAGE:
            c.type = main.type
        main.type, main.kind = c.type, "reference"
    else:
        c.type, c.kind = main.type, "reference"
    return True


#: Verbs that, with "dead", tell a death: "was pronounced dead", "declared dead".
_DEAD = frozenset({"pronounce", "declare", "find"})


def coordinated_harm(candidates: Sequence[Candidate], doc, same: dict[int, int]) -> None:
    """A deed that harms and a harm coordinated with it, of one doer, tell one happening: the
    harm is the deed's toll ("Gunmen opened fire on a bus and killed nine passengers") or the
    death it ended in ("A man was shot in Leeds and pronounced dead at the hospital", "was
    stabbed and died"). Only a deed that harms by itself (``lexicon.HARM_MEANS``): "kidnapped
    and killed", "arrested and charged" are two. The toll, told with its victims, heads the
    event (the deed is its mention); a death is the shot's mention. Adds both ways to ``same``
    (see ``told_when``)."""
    by_token = {c.token: c for c in candidates if c.trigger.pos == "verb" and c.kind == "event"}
    for second in list(by_token.values()):
        tok = doc[second.token]
        first = by_token.get(tok.head.i) if tok.dep_ == "conj" else None
        if first is None or _own_subject(tok) is not None:
            continue
        if _means(doc[first.token]) is None:
            continue
        if first.anchor is not None and second.anchor is not None:
            if not dates.overlaps(dates.from_timex(first.anchor), dates.from_timex(second.anchor)):
                continue
        lemma = lexicon.verb_lemma(tok)
        objects = [c for c in tok.children if c.dep_ == "dobj"]
        if lemma in lexicon.CASUALTY and objects:  # "... and killed nine passengers"
            first.type, first.kind = second.type, "reference"
        elif lemma in lexicon.HARMED or (
            lemma in _DEAD and any(c.lower_ == "dead" for c in tok.children)
        ):  # "... and pronounced dead", "... and died"
            second.type, second.kind = first.type, "reference"
        else:
            continue
        same[first.index], same[second.index] = second.index, first.index


def _means(tok) -> str | None:
    """The deed a verb tells if it harms by itself ("shot", "opened fire"), else None."""
    lemma = lexicon.verb_lemma(tok)
    if lemma in lexicon.HARM_MEANS:
        return lemma
    for c in tok.children:
        if c.dep_ == "dobj" and f"{lemma} {c.lower_}" in lexicon.HARM_MEANS:
            return f"{lemma} {c.lower_}"
    return None


def _whole_toll(tok, deed: Candidate, by_token: dict, same: dict[int, int]) -> None:
    """The harms a "when" clause's harm is coordinated with ("At least 14 were killed and more
    than 60 injured when a train collided"): mentions of the same deed too."""
    while tok.dep_ == "conj" and (other := by_token.get(tok.head.i)) is not None:
        tok = tok.head
        if other.kind != "event" or not _undone_harm(tok, lexicon.verb_lemma(tok)):
            return
        other.type, other.kind = deed.type, "reference"
        same[other.index] = deed.index


def _undone_harm(tok, lemma: str) -> bool:
    """A casualty verb told of its victims with no doer: "were killed", "more than 60 injured"
    (an elided passive, parsed active with no object); not "gunmen killed two people"."""
    if lemma not in lexicon.CASUALTY:
        return False
    return not any(c.dep_ in ("dobj", "agent") for c in tok.children)


def _when_governor(tok) -> int:
    """The verb a "when" clause is told of: its head ("devastated ..., when floods killed"),
    or the verb whose date it follows ("devastated in May 2023, when": a clause on the date)."""
    head = tok.head
    if tok.dep_ == "relcl" and head.dep_ == "pobj" and head.head.dep_ == "prep":
        return head.head.head.i
    if tok.dep_ == "relcl" and head.dep_ in ("npadvmod", "nummod", "pobj"):
        return head.head.i
    return head.i


def _doer_less(tok) -> bool:
    """A passive clause with no agent ("The area was devastated")."""
    children = {c.dep_ for c in tok.children}
    return "nsubjpass" in children and "agent" not in children


#: Types too general to tie a noun to the one happening of that type told before.
_VAGUE = frozenset({"other", "statement"})


def named_before(noun, candidates: Sequence[Candidate], doc) -> Candidate | None:
    """The past happening, told and dated to a day before ``noun``, that a definite noun names
    again ("Police arrested him on Dec. 11. Two days after the arrest ...", "the court ruled on
    Monday ... after the ruling", "after his resignation"): the last one told by the noun's
    verb, else the last one of the noun's (specific) type whose subject is the noun again ("The
    earthquake struck on Saturday. The toll rose on Monday. The quake hit at 4:12 a.m."), else
    the last one of that type. None for a noun that names no happening, an indefinite one
    ("after an arrest") or one with a date of its own."""
    if noun.pos_ != "NOUN" or not _told_as_known(noun):
        return None
    lemma = lexicon.noun_lemma(noun)
    kind = lexicon.noun_type(lemma)
    named, typed, typed_by_name = None, None, None
    for c in candidates:
        if c.token >= noun.i or c.anchor is None or c.status != "occurred":
            continue
        if c.anchor.precision not in ("day", "time") or c.anchor.start_date is None:
            continue
        if c.trigger.pos == "verb" and _names(lemma, lexicon.verb_lemma(doc[c.token])):
            named = c
        elif kind is not None and kind not in _VAGUE and c.type == kind:
            typed = c
            if _same_noun(lemma, syntax.subject(doc[c.token])):
                typed_by_name = c
    return named or typed_by_name or typed


def _same_noun(lemma: str, tok) -> bool:
    """``tok`` is the noun ``lemma`` again, or a compound ending in it ("earthquake", "quake")."""
    if tok is None or tok.pos_ != "NOUN":
        return False
    other = tok.lemma_.lower()
    return other == lemma or other.endswith(lemma) or lemma.endswith(other)


def _told_as_known(noun) -> bool:
    """ "the arrest", "his resignation", "Tuesday's vote": a happening the reader knows of."""
    return any(
        d.dep_ == "poss" or (d.dep_ == "det" and d.lower_ in _DEFINITE) for d in noun.children
    )


#: What a lede may describe a person by ("a former care home manager", "an abortion foe"):
#: ``service/data/actor_words.json``.
_DESCRIBED = (
    lexicon.actor_words("described_people")
    | lexicon.actor_words("person_nouns")
    | lexicon.actor_words("kin")
)
_AGENT_ENDINGS = ("er", "or", "ist", "ian")
#: A name's age beside it, the way a story introduces a person: "Karen Holt, 52,".
_AGE = re.compile(r"\s*(?:,\s*\d{1,3}\s*,|\(\s*\d{1,3}\s*\))")


def named_next(candidates: Sequence[Candidate], doc) -> None:
    """A clause whose subject or object is a person told by an indefinite description ("A jury
    convicted a former care home manager", "An abortion foe was charged", "a friend of the
    assassin said") when the next sentence introduces a person with their age, named there for the
    first time ("Karen Holt, 52, had denied the charges"): the wire lede's way of naming its
    subject a sentence later. That person takes part: an agent as the subject of an active
    verb, a target as its object or the subject of a passive one."""
    text = nlp.text_of(doc)  # (doc.text joins every token's text afresh)
    introduced: dict[int, ActorMention | None] = {}
    for c in candidates:
        if c.trigger.pos != "verb" or c.kind not in ("event", "reference"):
            continue
        tok = doc[c.token]
        described = [
            w
            for w in (_own_subject(tok), *(o for o in tok.children if o.dep_ == "dobj"))
            if w is not None and _described_person(w) and not _named_beside(w, c.actors)
        ]  # not "a lawyer, John Smith, said": named there already
        if len(described) != 1:
            continue
        if c.position + 1 not in introduced:
            introduced[c.position + 1] = _introduced(candidates, c.position + 1, text)
        person = introduced[c.position + 1]
        if person is None:
            continue
        c.actors = [*c.actors, person]
        if described[0].dep_ in ("nsubjpass", "dobj"):
            c.targets = (*c.targets, person.actor.key)
        else:
            c.agents = (*c.agents, person.actor.key)


def _described_person(noun) -> bool:
    """ "a former care home manager", "an abortion foe": an indefinite noun a person may be."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NN":
        return False
    if not any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in noun.children):
        return False
    lemma = noun.lemma_.lower()
    if lexicon.noun_type(lemma) is not None:
        return False  # "a strike", "a ruling": a happening, not a doer
    return lemma in _DESCRIBED or lemma.endswith(_AGENT_ENDINGS)


def _named_beside(noun, found: list[ActorMention]) -> bool:
    """A person named in apposition to the noun or within it ("a lawyer, John Smith,")."""
    spans = [
        (w.idx, w.idx + len(w.text))
        for c in noun.children
        if c.dep_ in ("appos", "compound", "flat")
        for w in c.subtree
    ]
    return any(m.actor.kind == "person" and any(a <= m.start < b for a, b in spans) for m in found)


def _introduced(candidates: Sequence[Candidate], position: int, text: str):
    """The person the sentence at ``position`` names for the first time with their age."""
    starts = [c.sentence.start for c in candidates if c.position == position]
    if not starts:
        return None
    told = text[: starts[0]]
    for c in candidates:
        if c.position != position:
            continue
        for m in c.actors:
            if m.actor.kind != "person" or m.via == "pronoun" or not _AGE.match(text, m.end):
                continue
            surname = m.actor.name.split()[-1]
            if re.search(r"\b" + re.escape(surname) + r"\b", told) is None:
                return m
    return None


#: How a clause hangs on the clause that tells it ("said it would cut jobs after profit fell").
_GOVERNED = frozenset({"advcl", "ccomp", "conj", "xcomp"})


def figure_owner(candidates: Sequence[Candidate], doc) -> None:
    """A company's figure told with no owner ("Norrland Bank said it would cut jobs after
    third-quarter net profit fell", "Net profit dropped to 3.1 billion crowns" next) is the
    figure of the company that tells it: the organisation doing the clause it hangs on, else
    the one the sentence before tells of. It takes part in the figure's move."""
    by_token = {c.token: c for c in candidates if c.trigger.pos == "verb"}
    for c in candidates:
        if c.trigger.pos != "verb" or c.kind not in ("event", "reference"):
            continue
        subject = _own_subject(doc[c.token])
        if subject is None or subject.lemma_.lower() not in lexicon.EARNINGS_NOUNS:
            continue
        if any(d.dep_ == "poss" for d in subject.children) or any(
            m.actor.kind in ("organisation", "person") for m in c.actors
        ):
            continue  # "its profit", "Acme's sales": the owner is told
        owner = _governing_body(doc[c.token], by_token) or _body_before(c, candidates)
        if owner is not None:
            c.actors = [*c.actors, owner]
            c.agents = (*c.agents, owner.actor.key)


def _governing_body(tok, by_token: dict) -> ActorMention | None:
    while tok.dep_ in _GOVERNED and tok.head.i != tok.i:
        tok = tok.head
        found = _body_agent(by_token.get(tok.i))
        if found is not None:
            return found
    return None


def _body_before(c: Candidate, candidates: Sequence[Candidate]) -> ActorMention | None:
    before = [_body_agent(o) for o in candidates if o.position == c.position - 1]
    found = [m for m in before if m is not None]
    return found[-1] if found and len({m.actor.key for m in found}) == 1 else None


def _body_agent(c: Candidate | None) -> ActorMention | None:
    if c is None:
        return None
    return next(
        (m for m in c.actors if m.actor.key in c.agents and m.actor.kind == "organisation"), None
    )
