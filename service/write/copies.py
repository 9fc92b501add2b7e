"""Near-identical copies: the same sentence in two articles (a wire copy, a correction, a
syndicated version) reports the same happening, whatever its actors or how its date was found.

Each stored mention keeps a fingerprint of its sentence's last words (``fingerprint``): a prefix
("UPDATE 1-", a dateline, a correction note) changes a sentence's first words, not its tail.
A new event joins the stored event whose mention's sentence is the same (or the same after a
prefix; the fingerprint finds the candidates), the same type and
the mention ending at the same distance from the sentence's end, when their articles were
published within ``COPY_WINDOW`` of each other (the same sentence a month later tells of another
Monday).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections.abc import Sequence
from typing import NamedTuple

import peewee as pw

from .. import events as extraction
from ..storage.models import Article, Event, Mention
from ..storage.writes import write_transaction
from ..text import plain

#: How many last words of a sentence make its fingerprint; shorter sentences have none (too
#: common to tell one report from another: "He resigned.").
TAIL_WORDS = 8
MIN_WORDS = 6
#: Copies of an article are published within days of each other.
COPY_WINDOW = dt.timedelta(days=3)
#: Mentions ending this many characters apart (from the sentence's end) end at the same place.
SAME_PLACE = 2
_WORD = re.compile(r"\w+")


def words(sentence: str) -> str:
    """The sentence's words, lower case and without accents, one space apart."""
    return " ".join(_WORD.findall(plain(sentence)))


def copied(a: str, b: str) -> bool:
    """Whether one sentence (as :func:`words`) is the other, or the other with words before it
    (a prefix, a dateline): a shared tail alone is not a copy ("Acme rose 5 percent after ..."
    and "Bolt fell 5 percent after ...")."""
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


@functools.lru_cache(maxsize=1024)
def fingerprint(sentence: str) -> int | None:
    """A 63-bit hash of the sentence's last ``TAIL_WORDS`` words (lower case, no accents), or
    None for a sentence of fewer than ``MIN_WORDS`` words (remembered: an article's sentences
    are printed to look for copies, to find the copied event and to store each mention)."""
    words = _WORD.findall(plain(sentence))
    if len(words) < MIN_WORDS:
        return None
    digest = hashlib.blake2b(" ".join(words[-TAIL_WORDS:]).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


class Copy(NamedTuple):
    event_id: int
    type: str
    from_end: int  # from the end of the mention (its clause) to the sentence's end, in characters
    start_from_end: int  # from the mention's start to the sentence's end: tells apart clauses
    # ending alike ("profit rose ..., and it raised its forecast" holds two, both ending there)
    words: str  # the stored sentence, as :func:`words`


def stored_copies(
    events: Sequence[extraction.Event], published_at: dt.date
) -> dict[int, list[Copy]]:
    """The stored mentions sharing a fingerprint with ``events``' mentions, by fingerprint
    (one query for the whole article)."""
    prints = {p for e in events for m in e.mentions if (p := fingerprint(m.sentence)) is not None}
    if not prints:
        return {}
    rows = (
        Mention.select(
            Mention.fingerprint,
            Mention.event,
            Event.type,
            Mention.sentence_end,
            Mention.sentence,
            Mention.start,
            Mention.end,
        )
        .join(Event)
        .switch(Mention)
        .join(Article)
        .where(
            Mention.fingerprint.in_(sorted(prints))
            & Article.published_at.between(published_at - COPY_WINDOW, published_at + COPY_WINDOW)
        )
        .tuples()
    )
    found: dict[int, list[Copy]] = {}
    for fp, event_id, kind, sentence_end, sentence, start, end in rows:
        found.setdefault(fp, []).append(
            Copy(event_id, kind, sentence_end - end, sentence_end - start, words(sentence))
        )
    return found


def copied_event(item: extraction.Event, copies: dict[int, list[Copy]]) -> int | None:
    """The stored event ``item`` is a copy of: a mention with the same sentence tail and the
    same type, the mention ending nearest to where it ends in ``item``'s sentence (then
    starting nearest, so two clauses that end together stay two); else one of another type
    ending at the same place (a prefix can change how the first sentence reads, not where its
    clauses end)."""
    best: tuple[int, int, int, int] | None = None
    for m in item.mentions:
        fp = fingerprint(m.sentence)
        mine = words(m.sentence)
        for copy in copies.get(fp, ()) if fp is not None else ():
            if not copied(mine, copy.words):
                continue
            distance = abs(copy.from_end - (m.sentence_end - m.end))
            if copy.type != item.type and distance > SAME_PLACE:
                continue
            start = abs(copy.start_from_end - (m.sentence_end - m.start))
            key = (copy.type != item.type, distance, start, copy.event_id)
            if best is None or key < best:
                best = key
    return best[3] if best else None


def stored_fingerprint(sentence: str) -> int:
    """The fingerprint as stored: 0 for a sentence too short to have one (NULL is a mention
    stored before fingerprints, which :func:`fingerprint_unprinted` fills in)."""
    return fingerprint(sentence) or 0


def fingerprint_unprinted(batch: int = 5000) -> int:
    """Fingerprint the mentions stored before fingerprints (``timeline init-db`` runs it), so
    copies of older articles are found too. Returns how many were filled in."""
    done = 0
    while True:
        rows = list(
            Mention.select(Mention.id, Mention.sentence)
            .where(Mention.fingerprint.is_null())
            .order_by(Mention.id)
            .limit(batch)
            .tuples()
        )
        if not rows:
            return done
        with write_transaction():
            prints = [(mention_id, stored_fingerprint(sentence)) for mention_id, sentence in rows]
            Mention.update(fingerprint=pw.Case(Mention.id, prints)).where(
                Mention.id.in_([mention_id for mention_id, _ in rows])
            ).execute()
        done += len(rows)
