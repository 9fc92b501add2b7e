"""The value object every part of the service uses for one temporal expression."""

from __future__ import annotations

import dataclasses
import datetime as dt

from ..vocabulary import PRECISIONS  # noqa: F401  (re-exported: the engine's precisions)


@dataclasses.dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression found in a text, normalised.

    ``start``/``end`` are character offsets into the text (end exclusive). ``value`` is the
    TIMEX3 value (``2023-12-20``, ``2023-12``, ``2023-W51``, ``2023-Q3``, ``199``, ``P2D``,
    ``PRESENT_REF``...), ``edtf`` the same in EDTF (None where EDTF has no spelling, e.g.
    durations). ``start_date``/``end_date`` are the inclusive calendar bounds (None when
    unknown). ``mod`` is a TIMEX3 modifier (START, MID, END, APPROX, BEFORE, AFTER, ...).
    A DURATION counted ahead from the publication date ("will be out in two weeks": ``P2W``,
    as TimeBank writes it) carries the period it reaches as ``edtf`` and bounds (that week);
    other durations have none. "1957-58" is ``1957`` with EDTF ``1957/1958`` and bounds
    through 1958. ``modifies_noun`` is True when the expression stands before a noun it
    modifies ("since the 2011 disaster", "Wednesday's ruling"): it dates that thing, which
    may name another happening than the sentence's (``context.modifies_noun``).
    """

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    edtf: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    precision: str = "unknown"
    mod: str | None = None
    modifies_noun: bool = False

    @property
    def approximate(self) -> bool:
        return self.mod == "APPROX"

    def as_dict(self) -> dict:
        """Plain JSON-ready dict (dates as ISO strings)."""
        out = dataclasses.asdict(self)
        out["start_date"] = self.start_date.isoformat() if self.start_date else None
        out["end_date"] = self.end_date.isoformat() if self.end_date else None
        out["approximate"] = self.approximate
        return out
