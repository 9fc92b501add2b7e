"""Tables: articles, events (with their dates), actors, and the mentions that tie them together."""

from __future__ import annotations

import datetime as dt

import peewee as pw

from ..vocabulary import ACTOR_ALIAS_LENGTH, ACTOR_KEY_LENGTH
from .connection import database


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class BaseModel(pw.Model):
    class Meta:
        database = database
        legacy_table_names = False


class Article(BaseModel):
    content_hash = pw.CharField(max_length=64, unique=True)
    title = pw.TextField(null=True)
    source = pw.TextField(null=True)
    url = pw.TextField(null=True)
    published_at = pw.DateField()
    #: The article's own last-update date, where its page gives one (dateModified).
    modified_at = pw.DateField(null=True)
    language = pw.CharField(max_length=16, default="en")
    text = pw.TextField()
    created_at = pw.DateTimeField(default=utcnow, index=True)


class IdempotencyKey(BaseModel):
    """A client's Idempotency-Key, remembered with the article its request stored."""

    key = pw.CharField(max_length=200, unique=True)
    content_hash = pw.CharField(max_length=64)
    article = pw.ForeignKeyField(Article, backref="idempotency_keys", on_delete="CASCADE")
    created = pw.BooleanField()
    created_at = pw.DateTimeField(default=utcnow)


class Actor(BaseModel):
    key = pw.CharField(
        max_length=ACTOR_KEY_LENGTH, unique=True
    )  # stable id: country:CHN, org:SCO, person:li-qiang
    name = pw.TextField()
    kind = pw.CharField(max_length=20)  # country, organisation, person, place, product, ...
    subkind = pw.CharField(max_length=20, null=True)  # company, government, party, media...
    created_at = pw.DateTimeField(default=utcnow)


# The actor filter matches a key or a name whatever its case.
Actor.add_index(pw.SQL("CREATE INDEX IF NOT EXISTS actor_lower_name ON actor (LOWER(name))"))


class Event(BaseModel):
    title = pw.TextField()
    summary = pw.TextField()
    type = pw.CharField(max_length=20, index=True)
    cameo = pw.CharField(max_length=4, null=True)
    status = pw.CharField(max_length=12, default="occurred")
    # The date, kept whole: as written, TIMEX3 value, EDTF, inclusive bounds, precision.
    date_text = pw.TextField(null=True)
    date_value = pw.CharField(max_length=40, null=True)
    date_edtf = pw.CharField(max_length=60, null=True)
    date_start = pw.DateField(null=True)
    date_end = pw.DateField(null=True)
    date_precision = pw.CharField(max_length=12, default="unknown")
    date_approximate = pw.BooleanField(default=False)
    date_basis = pw.CharField(max_length=16, null=True)
    # Timeline order: the start, or the known end when the start is open; then finer first.
    sort_date = pw.DateField(null=True)
    precision_rank = pw.SmallIntegerField(default=99)
    # How central the event is to the articles reporting it, 0..1 (the highest report's).
    salience = pw.FloatField(default=0.0)
    # How much the store as a whole makes of the event (service.write.importance): kept current
    # as articles arrive or are deleted, so the digest reads it from an index.
    weight = pw.FloatField(null=True)
    # Its rank among its date's events in the digest (service.write.importance): the weight,
    # times how well its summary reads as a timeline's entry.
    standing = pw.FloatField(null=True)
    # The extraction's own title, type and date (JSON), kept when a person first curates it.
    original = pw.TextField(null=True)
    created_at = pw.DateTimeField(default=utcnow)
    updated_at = pw.DateTimeField(default=utcnow, index=True)
    # The timeline order's indexes, (sort_date, precision_rank, id) and the same after ``type``,
    # are made covering (with a page's columns) in storage.indexes.PAGE_INDEXES.


class EventActor(BaseModel):
    event = pw.ForeignKeyField(Event, backref="event_actors", on_delete="CASCADE")
    actor = pw.ForeignKeyField(Actor, backref="event_actors", on_delete="CASCADE")
    role = pw.TextField(null=True)
    # The event's timeline key (storage/order.timeline_key), kept by triggers (storage/indexes):
    # with the index (actor, timeline_key) an actor's events come out in timeline order.
    timeline_key = pw.BigIntegerField(null=True)

    class Meta:
        indexes = ((("event", "actor"), True), (("actor", "event"), False))


class Mention(BaseModel):
    event = pw.ForeignKeyField(Event, backref="mentions", on_delete="CASCADE")
    article = pw.ForeignKeyField(Article, backref="mentions", on_delete="CASCADE")
    sentence = pw.TextField()
    sentence_start = pw.IntegerField()
    sentence_end = pw.IntegerField()
    start = pw.IntegerField()
    end = pw.IntegerField()
    # The sentence's last words hashed (service.write.copies): finds wire copies of a report.
    fingerprint = pw.BigIntegerField(null=True)

    class Meta:
        indexes = ((("article", "event"), False), (("event", "article"), False))


class EventEdit(BaseModel):
    """A curation of an event: what changed, why, when."""

    event = pw.ForeignKeyField(Event, backref="edits", on_delete="CASCADE")
    changes = pw.TextField()  # JSON: field -> new value
    reason = pw.TextField()
    at = pw.DateTimeField(default=utcnow)


class Change(BaseModel):
    """The change feed: one row per event created, updated, merged or deleted, in commit order.

    Writers are serialised (see :func:`service.storage.writes.write_transaction`), so ids grow in
    commit order and a client polling ``since=<last id>`` never misses a change nor sees one twice.
    """

    event_id = pw.IntegerField()
    action = pw.CharField(max_length=10)  # created, updated, merged, deleted
    merged_into = pw.IntegerField(null=True)
    at = pw.DateTimeField(default=utcnow)


class DataState(BaseModel):
    """One row: a counter bumped by every write, the validator behind ETags and 304s."""

    id = pw.IntegerField(primary_key=True)
    version = pw.BigIntegerField(default=0)
    updated_at = pw.DateTimeField(default=utcnow)


class ActorAlias(BaseModel):
    """Another name an article gave an actor ("SEC", "the Fed", "Erdogan"), folded (lower case,
    no accents): ``actor=`` and ``/actors?q=`` find the actor by it."""

    actor = pw.ForeignKeyField(Actor, backref="aliases", on_delete="CASCADE")
    alias = pw.CharField(max_length=ACTOR_ALIAS_LENGTH, index=True)

    class Meta:
        indexes = ((("actor", "alias"), True),)


class Feed(BaseModel):
    """A subscribed RSS or Atom feed, polled by ``timeline watch``: its validators for
    conditional requests, its last fetch and error, and when to fetch it next."""

    url = pw.CharField(max_length=2000, unique=True)
    title = pw.TextField(null=True)
    etag = pw.TextField(null=True)
    last_modified = pw.TextField(null=True)
    last_fetched_at = pw.DateTimeField(null=True)
    last_status = pw.CharField(max_length=20, null=True)  # fetched, not modified, error
    last_error = pw.TextField(null=True)
    errors = pw.IntegerField(default=0)  # in a row: the back-off grows with them
    next_fetch_at = pw.DateTimeField(default=utcnow, index=True)
    created_at = pw.DateTimeField(default=utcnow)


class FeedEntry(BaseModel):
    """A feed entry's link, once read: its article, or why it gave none (never fetched again)."""

    feed = pw.ForeignKeyField(Feed, backref="entries", on_delete="CASCADE")
    url = pw.CharField(max_length=2000, index=True)
    article = pw.ForeignKeyField(Article, backref="feed_entries", null=True, on_delete="SET NULL")
    error = pw.TextField(null=True)
    fetched_at = pw.DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("feed", "url"), True),)


class Job(BaseModel):
    """An article queued for a worker (``TIMELINE_BROKER_URL``): its state, as
    ``GET /jobs/{id}`` shows it. The article itself travels in the broker's message."""

    id = pw.CharField(max_length=32, primary_key=True)  # uuid4 hex
    status = pw.CharField(max_length=10, default="queued")  # queued, running, done, failed
    content_hash = pw.CharField(max_length=64)
    tries = pw.IntegerField(default=0)
    article = pw.ForeignKeyField(Article, null=True, backref="jobs", on_delete="SET NULL")
    created = pw.BooleanField(null=True)  # done: stored by this job, or present already
    error = pw.TextField(null=True)  # the last failure: a problem document as JSON
    created_at = pw.DateTimeField(default=utcnow)
    updated_at = pw.DateTimeField(default=utcnow)


class DayWeight(BaseModel):
    """The sum of the weights of the events of each date (key rank: the precision rank, a time
    of day counting as its day; sort date), kept by triggers on ``event`` (storage.indexes):
    the unfiltered digest's dates without reading every event."""

    key_rank = pw.SmallIntegerField()
    sort_date = pw.DateField()
    total = pw.FloatField(default=0.0)
    events = pw.IntegerField(default=0)  # dated events counted (unweighed as 0); gone at 0

    class Meta:
        primary_key = pw.CompositeKey("key_rank", "sort_date")


class EventTerm(BaseModel):
    """PostgreSQL's posting list of the full-text search (service.storage.search): one row per
    word (its English lexeme, as ``to_tsvector`` stems it) of an event's title and summary, with
    the event's timeline key. Its primary key (term, timeline_key) gives a word's events in
    timeline order, as SQLite's FTS5 table does. Kept by triggers; empty on SQLite."""

    term = pw.TextField()
    timeline_key = pw.BigIntegerField()

    class Meta:
        primary_key = pw.CompositeKey("term", "timeline_key")


MODELS = [
    Article,
    IdempotencyKey,
    Actor,
    ActorAlias,
    Event,
    EventTerm,
    EventActor,
    Mention,
    EventEdit,
    Change,
    DataState,
    Feed,
    FeedEntry,
    Job,
    DayWeight,
]
