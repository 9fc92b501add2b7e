"""The record every stage fills in: one predicate reporting a happening (``Candidate``)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from service.temporal.model import Timex

from .actors import ActorMention
from .phrases import Phrase
from .sentences import Clause, Span
from .types import Trigger


@dataclasses.dataclass
class Candidate:
    """One predicate reporting a happening. ``kind``: "event" (stands alone), "reference" (a
    noun that names a happening told elsewhere), "report" (a reporting act with no date of its
    own, part of another event)."""

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
    phrase: Phrase
    reference_day: dt.date | None
    token: int = -1  # the predicate's token index in the parse
    agents: tuple[str, ...] = ()  # actor keys of the agents
    position: int = 0  # the sentence's index in the article
    reported: Timex | None = None  # the date of the report that tells this past event
    targets: tuple[str, ...] = ()  # actor keys of the objects ("sued Coinbase")
    inherited: bool = False  # the anchor is a coordinated partner's ("arrived on Tuesday and held")
    of_noun: bool = False  # a verb that says when a noun's happening was ("the summit took place")
    #: a plan only said to be had ("said it would appeal"): no event unless a later step dates it
    promised: bool = False
    #: the learned guess at the type of a verb the rules leave untyped ("other"), given to
    #: its event at the end (``eventtype.guessed``): detection and merging go by ``type``
    guess: str | None = None

    @property
    def title(self) -> str:
        return self.phrase.headline()
