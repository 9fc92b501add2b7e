"""Stretches of an article with their character offsets: sentences (``Span``) and the
clause a predicate reads from (``Clause``). The sentences themselves come from the parse."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article: ``text == article[start:end]``."""

    text: str
    start: int
    end: int


@dataclasses.dataclass(frozen=True, slots=True)
class Clause(Span):
    """A clause of a sentence; ``link`` is "after"/"before" when the clause is introduced by it."""

    link: str | None = None
