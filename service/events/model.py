"""Value objects produced by event extraction: actors, dates, mentions and events."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

from ..vocabulary import (
    ACTOR_KEY_LENGTH,
    STATUSES,  # noqa: F401
)
from ..vocabulary import ACTOR_KINDS as KINDS  # noqa: F401
from ..vocabulary import EXTRACTED_BASES as BASES  # noqa: F401


@dataclasses.dataclass(frozen=True, slots=True)
class Actor:
    """A participant with a stable key: ``country:CHN``, ``org:SCO``, ``person:li-qiang``."""

    key: str
    name: str
    kind: str
    role: str | None = None
    subkind: str | None = None  # organisations: company, government, party, media...; places
    #: Other names the article gives the actor ("SEC", "Lufthansa"); not part of its identity.
    aliases: tuple[str, ...] = dataclasses.field(default=(), compare=False)

    def __post_init__(self) -> None:
        if len(self.key) > ACTOR_KEY_LENGTH:  # stored keys are at most that long
            object.__setattr__(self, "key", bounded_key(self.key))


def bounded_key(key: str) -> str:
    """``key`` cut to :data:`ACTOR_KEY_LENGTH` characters when longer, ending in a digest of the
    whole key, so two long keys that share their beginning stay two (the same key, the same
    cut: stable across articles)."""
    if len(key) <= ACTOR_KEY_LENGTH:
        return key
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]
    return f"{key[: ACTOR_KEY_LENGTH - len(digest) - 1].rstrip('-')}-{digest}"


@dataclasses.dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened: the expression, TIMEX3 value, EDTF and inclusive day bounds.

    ``start``/``end`` are inclusive; ``None`` means unknown on that side (never infinite).
    ``basis`` says where the date came from (see ``BASES``).
    """

    text: str | None
    value: str | None
    edtf: str | None
    start: dt.date | None
    end: dt.date | None
    precision: str
    approximate: bool
    basis: str

    def as_dict(self) -> dict:
        out = dataclasses.asdict(self)
        out["start"] = self.start.isoformat() if self.start else None
        out["end"] = self.end.isoformat() if self.end else None
        return out


@dataclasses.dataclass(frozen=True, slots=True)
class Mention:
    """Where an event is reported: offsets into the article text (end exclusive)."""

    sentence: str
    sentence_start: int
    sentence_end: int
    start: int
    end: int


@dataclasses.dataclass(frozen=True, slots=True)
class Event:
    """One real-world happening as reported by an article (each happening once)."""

    title: str
    summary: str
    type: str
    cameo: str | None
    actors: tuple[Actor, ...]
    date: EventDate
    mentions: tuple[Mention, ...]
    status: str = "occurred"
    #: How central the event is to the article, 0..1 (lead position, mentions, participants).
    salience: float = 0.0

    def as_dict(self) -> dict:
        return {
            "title": self.title,
            "summary": self.summary,
            "type": self.type,
            "cameo": self.cameo,
            "status": self.status,
            "salience": self.salience,
            "actors": [dataclasses.asdict(a) for a in self.actors],
            "date": self.date.as_dict(),
            "mentions": [dataclasses.asdict(m) for m in self.mentions],
        }
