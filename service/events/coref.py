"""Within-article coreference the detection stage cannot see from one sentence: the story going
on in the next sentence with a pronoun or a definite noun for its doer ("On Monday the board
met in Frankfurt. It approved the merger."). Pure: reads the candidates and their parse.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from . import syntax
from .candidate import Candidate

#: Pronouns a story goes on with, by the kind of doer they take.
_NEUTER = frozenset({"it"})
_PLURAL = frozenset({"they"})
_PERSONAL = frozenset({"he", "she"})
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
        if c.kind == "event" and c.phrase.subject and _own_subject(tok) is not None:
            last = c
            continue
        if c.kind != "reference" or c.status != "occurred" or last is None:
            continue
        if c.position - last.position > 1 or c.actors:
            continue
        subject = _own_subject(tok)
        if subject is not None and _refers_to(subject, _own_subject(doc[last.token])):
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
