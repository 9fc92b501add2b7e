"""The service's closed vocabularies, each written once: every layer (the temporal engine, the
extraction, storage, the read side, the API's schemas and its OpenAPI document) imports them
from here. A leaf: it imports nothing (``tests/test_layers.py`` checks)."""

from __future__ import annotations

#: Date precisions, finest first: an event's stored precision rank is its place here. ``time``
#: is a clock time or part of day within a known day.
PRECISIONS = (
    "time",
    "day",
    "week",
    "month",
    "season",
    "quarter",
    "half",
    "year",
    "decade",
    "century",
    "unknown",
)

#: Event types, in the order the API documents them (``service.events.types`` maps each to
#: its CAMEO root code and says why).
EVENT_TYPES = (
    "meeting",
    "visit",
    "statement",
    "agreement",
    "sanctions",
    "membership",
    "conflict",
    "election",
    "economy",
    "deal",
    "market",
    "legal",
    "death",
    "disaster",
    "launch",
    "appointment",
    "resignation",
    "legislation",
    "protest",
    "research",
    "earnings",
    "other",
)

#: What an actor is.
ACTOR_KINDS = ("country", "organisation", "person", "place", "product", "index", "currency")

#: The longest actor key (``org:…``, ``person:…``) and actor alias the store holds. A name read
#: from a long run of capitalised words can be longer: its key is cut, ending in a digest of the
#: whole (:func:`service.events.model.bounded_key`), and such an alias is not kept.
ACTOR_KEY_LENGTH = 120
ACTOR_ALIAS_LENGTH = 200

#: Whether an event happened, is planned or goes on.
STATUSES = ("occurred", "planned", "ongoing")

#: Where an event's date came from: the extraction's bases, and ``curated`` (a person set it).
EXTRACTED_BASES = ("expression", "duration", "relation", "publication", "narrative")
BASES = (*EXTRACTED_BASES, "curated")

#: How a text tells time: from the publication date (news) or from the time being told.
DOCUMENT_TYPES = ("news", "narrative")

#: Histogram bucket sizes.
BUCKETS = ("day", "week", "month", "quarter", "year")
