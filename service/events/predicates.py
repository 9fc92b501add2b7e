"""Event mentions from the dependency parse, stage by stage: every eventive predicate with a
participant, as a ``Candidate``.

The stages, each a module that reads alone:

- ``syntax``: helpers on the parse (a predicate's subject, the words of its phrase, quotes);
- ``anchors``: which temporal expressions date which predicate, the dates coordinated
  predicates share, the before/after relations between predicates;
- ``detection``: whether a token is an eventive predicate, and the candidate it makes;
- ``factuality``: whether the text asserts it (negation, modals, hedges, beliefs), and
  whether it occurred, is ongoing or is planned; habits and states are no happenings;
- ``participants``: who takes part, by role, pronouns resolved;
- ``eventtype``: its type from its lemma and frame (word knowledge in ``lexicon``);
- ``phrases``: its headline (who does what to whom);
- ``merge``: one happening, one event (in ``extract``).

This module reads the article sentence by sentence and runs them in order.
"""

from __future__ import annotations

import bisect
import datetime as dt

from service.temporal.model import Timex

from . import anchors, detection, discourse, eventtype, nlp, participants, syntax
from .actors import ActorMention
from .candidate import Candidate
from .entities import Entities
from .sentences import Span

__all__ = ["Candidate", "find"]

#: Commitments an article's document may be telling ("agreed to", "pledged to").
_COMMITMENTS = frozenset({"agree", "pledge", "vow", "commit", "promise", "undertake"})


#: Subjects of a quote that tell the speaker's own doings or views ("we acted", "I saw").
_SPEAKERS = frozenset({"i", "we", "you"})


def _quoted_fact(cand: Candidate, tok) -> bool:
    """A quotation tells a happening as a fact when it dates a past deed of someone else:
    "My son was born on the first of June 2009", "6,000 new cases reported just this week"
    (not the speaker's own acts or views, not what is undated or ahead)."""
    subject = syntax.subject(tok)
    return (
        cand.kind == "event"
        and cand.anchor is not None
        and cand.status == "occurred"
        and (subject is None or subject.lower_ not in _SPEAKERS)
    )


def find(
    text: str, published_at: dt.date, timexes: list[Timex], doc, entities: Entities
) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """Every event mention in the parsed ``doc``, and the (before, after) pairs it states."""
    attached = anchors.attach_all(doc, timexes)
    quoted = syntax.quoted_chars(text)
    found: list[Candidate] = []
    by_token: dict[int, Candidate] = {}
    recent: dict[str, ActorMention] = {}
    last_doc: str | None = None
    starts = [t.start for t in timexes]
    days = discourse.Days(timexes)
    for position, sent in enumerate(doc.sents):
        mentions = entities.find(sent)
        said = nlp.span_text(sent)
        if not said.strip() or said.rstrip().endswith("?"):
            continue
        token_actors = participants.actors_by_token(sent, mentions)
        participants.pronouns(sent, token_actors, recent)
        span = Span(said, sent.start_char, sent.end_char)
        local = timexes[
            bisect.bisect_left(starts, span.start) : bisect.bisect_left(starts, span.end)
        ]
        for tok in sent:
            if tok.idx in quoted and tok.pos_ != "VERB":
                continue
            cand = detection.candidate(
                text, published_at, tok, span, token_actors, attached, (local, days)
            )
            if cand is None or (tok.idx in quoted and not _quoted_fact(cand, tok)):
                continue
            cand.index, cand.position = len(found), position
            if cand.doc:
                last_doc = eventtype.refer_back(tok, cand, last_doc)
            found.append(cand)
            by_token[tok.i] = cand
    anchors.inherit(found, by_token, doc, published_at)
    if any(c.doc for c in found):
        for c in found:  # "they also agreed to expand exchanges": more of what the document says
            commits = doc[c.token].lemma_.lower() in _COMMITMENTS and c.trigger.pos == "verb"
            if commits and c.anchor is None and c.kind == "event":
                c.kind = "report"
    return found, anchors.relations(doc, by_token)
