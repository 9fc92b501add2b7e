"""Within-article coreference the detection stage cannot see from one sentence: the story going
on in the next sentence with a pronoun or a definite noun for its doer ("On Monday the board
met in Frankfurt. It approved the merger."). Pure: reads the candidates and their parse.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from service.temporal.model import Timex

from . import dates, lexicon, syntax
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
    ("The attack killed 12 people", "Tuesday's earthquake destroyed the port"): the clause
    tells more of that happening, which another clause may have told by its verb."""
    out: dict[int, str] = {}
    for c in candidates:
        if c.trigger.pos != "verb":
            continue
        subject = _own_subject(doc[c.token])
        if subject is None or subject.pos_ != "NOUN" or lexicon.noun_type(subject.lemma_) != c.type:
            continue
        told = any(
            d.dep_ == "poss" or (d.dep_ == "det" and d.lower_ in _DEFINITE)
            for d in subject.children
        )
        if told:  # "the attack", "its raid", "Tuesday's earthquake": one told of already
            out[c.index] = subject.lemma_.lower()
    return out


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

    Only a befall verb's clause (``_BEFALL``) is told again by its "when": an act and the act
    it was done at are two happenings ("He was arrested in May, when police raided the house").
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
        if lexicon.verb_lemma(doc[main.token]) not in _BEFALL:
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
