"""Full-text search on event titles and summaries with the database's own index:
FTS5 (porter stemming) on SQLite; on PostgreSQL a tsvector GIN expression index, and a posting
table (``event_term``: lexeme, timeline key) from which a page of matches is read in timeline
order, as SQLite reads it from FTS5."""

from __future__ import annotations

import functools
import operator
import re

import peewee as pw
from playhouse.sqlite_ext import RowIDField

from .connection import database
from .models import Event, EventTerm
from .order import ID_MASK, KEY_ID_BITS, KEY_RANK_BITS, timeline_key_sql

_WORD = re.compile(r"\w+", re.UNICODE)
#: A search term: a word, ``*`` after it for a prefix (``sanc*``), or the word ``OR`` (capitals)
#: between alternatives. Anything else in ``q`` is not syntax.
_TERM = re.compile(r"(\w+)(\*?)", re.UNICODE)
MAX_WORDS = 20
_PG_DOCUMENT = (
    "to_tsvector('english', coalesce({row}title, '') || ' ' || coalesce({row}summary, ''))"
)
PG_DOCUMENT = _PG_DOCUMENT.format(row="")

KEY = timeline_key_sql("sqlite", "{row}")
_INSERT = (
    "INSERT INTO event_search(rowid, title, summary) "
    f"VALUES ({KEY.format(row='new.')}, new.title, new.summary);"
)
_DELETE = (
    "INSERT INTO event_search(event_search, rowid, title, summary) "
    f"VALUES ('delete', {KEY.format(row='old.')}, old.title, old.summary);"
)
# Contentless (the text stays in ``event``): each row's rowid is the event's timeline key, so
# the matches of a word come out of the index in timeline order, and a page of them is the
# first rows of the index after the cursor's key (SQLite walks no events and sorts nothing).
SQLITE_SCHEMA = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS event_search USING fts5("
    "title, summary, content='', tokenize='porter unicode61')",
    f"CREATE TRIGGER IF NOT EXISTS event_search_insert AFTER INSERT ON event BEGIN {_INSERT} END",
    f"CREATE TRIGGER IF NOT EXISTS event_search_delete AFTER DELETE ON event BEGIN {_DELETE} END",
    "CREATE TRIGGER IF NOT EXISTS event_search_update "
    "AFTER UPDATE OF title, summary, sort_date, precision_rank ON event "
    f"BEGIN {_DELETE} {_INSERT} END",
]
SQLITE_FILL = (
    "INSERT INTO event_search(rowid, title, summary) "
    f"SELECT {KEY.format(row='')}, title, summary FROM event"
)
#: The index before the timeline key (rowid = event id, content in ``event``).
SQLITE_LEGACY = [
    "DROP TRIGGER IF EXISTS event_fts_insert",
    "DROP TRIGGER IF EXISTS event_fts_delete",
    "DROP TRIGGER IF EXISTS event_fts_update",
    "DROP TABLE IF EXISTS event_fts",
]


class EventSearch(pw.Model):
    """The SQLite full-text table, for joins: ``rowid`` is the timeline key of the event
    (``rowid & ID_MASK`` its id); ``event_search`` is FTS5's hidden column named after the
    table, the left side of MATCH."""

    rowid = RowIDField()
    event_search = pw.BareField()

    class Meta:
        database = database
        table_name = "event_search"


def is_postgres() -> bool:
    return isinstance(database.obj, pw.PostgresqlDatabase)


# PostgreSQL's postings: an event's lexemes (``tsvector_to_array``: each once) under its
# timeline key, replaced when its text or date keys change (an update that changes neither,
# e.g. a save of every column, touches nothing).
_PG_KEY = timeline_key_sql("postgresql", "{row}")
_PG_TERMS = "unnest(tsvector_to_array(" + _PG_DOCUMENT + "))"
PG_SCHEMA = [
    "CREATE OR REPLACE FUNCTION event_terms() RETURNS trigger AS $$ BEGIN "
    "IF TG_OP = 'UPDATE' AND OLD.title IS NOT DISTINCT FROM NEW.title "
    "AND OLD.summary IS NOT DISTINCT FROM NEW.summary "
    "AND OLD.sort_date IS NOT DISTINCT FROM NEW.sort_date "
    "AND OLD.precision_rank IS NOT DISTINCT FROM NEW.precision_rank THEN RETURN NULL; END IF; "
    "IF TG_OP <> 'INSERT' THEN "
    "DELETE FROM event_term WHERE term = ANY(tsvector_to_array("
    f"{_PG_DOCUMENT.format(row='OLD.')})) AND timeline_key = {_PG_KEY.format(row='OLD.')}; "
    "END IF; "
    "IF TG_OP <> 'DELETE' THEN "
    "INSERT INTO event_term (term, timeline_key) "
    f"SELECT {_PG_TERMS.format(row='NEW.')}, {_PG_KEY.format(row='NEW.')}; END IF; "
    "RETURN NULL; END $$ LANGUAGE plpgsql",
    "CREATE OR REPLACE TRIGGER event_terms AFTER INSERT OR DELETE "
    "OR UPDATE OF title, summary, sort_date, precision_rank "
    "ON event FOR EACH ROW EXECUTE FUNCTION event_terms()",
]
PG_FILL = (
    "INSERT INTO event_term (term, timeline_key) "
    f"SELECT {_PG_TERMS.format(row='')}, {_PG_KEY.format(row='')} FROM event"
)


def create_index() -> None:
    """Create the full-text index if missing (filling it from existing events when new)."""
    if is_postgres():
        database.execute_sql(
            f"CREATE INDEX IF NOT EXISTS event_fulltext ON event USING GIN (({PG_DOCUMENT}))"
        )
        # The trigger marks a filled posting table: created and filled in one transaction.
        cursor = database.execute_sql("SELECT 1 FROM pg_trigger WHERE tgname = 'event_terms'")
        existed = cursor.fetchone() is not None
        for statement in PG_SCHEMA:
            database.execute_sql(statement)
        if not existed:
            database.execute_sql("DELETE FROM event_term")
            database.execute_sql(PG_FILL)
        return
    if database.table_exists("event_fts"):
        for statement in SQLITE_LEGACY:
            database.execute_sql(statement)
    existed = database.table_exists("event_search")
    with database.atomic():
        for statement in SQLITE_SCHEMA:
            database.execute_sql(statement)
        if not existed:
            database.execute_sql(SQLITE_FILL)


def alternatives(q: str) -> list[list[tuple[str, bool]]]:
    """``q`` as alternatives (split at ``OR``) of words that must all occur, each with
    whether it is a prefix (``sanc*``); at most :data:`MAX_WORDS` words, empty ones dropped."""
    groups: list[list[tuple[str, bool]]] = [[]]
    count = 0
    for word, star in _TERM.findall(q):
        if word == "OR" and not star:
            groups.append([])
            continue
        if count == MAX_WORDS:
            break
        groups[-1].append((word, bool(star)))
        count += 1
    return [g for g in groups if g]


def phrase(q: str) -> str | None:
    """The FTS5 query of ``q``: each word quoted (``"sanc"*`` for a prefix), alternatives
    joined by OR (None when ``q`` has no word). Nothing of ``q`` but its words reaches FTS5."""
    groups = alternatives(q)
    if not groups:
        return None
    ands = [" ".join(f'"{w}"' + ("*" if prefix else "") for w, prefix in g) for g in groups]
    return " OR ".join(f"({a})" if len(groups) > 1 else a for a in ands)


def _tsquery(groups: list[list[tuple[str, bool]]]) -> str:
    r"""The same query for PostgreSQL's ``to_tsquery`` (words are ``\w+``: safe quoted)."""
    return " | ".join(
        "(" + " & ".join(f"'{w}'" + (":*" if prefix else "") for w, prefix in g) + ")"
        for g in groups
    )


def matching(q: str, walked: bool = False, probe: bool = False) -> pw.Expression:
    """A condition on Event: every word of ``q`` occurs (stemmed) in its title or summary; a
    word ending in ``*`` is a prefix (``sanc*``), and ``OR`` (in capitals) separates
    alternatives (``sanctions OR embargo``).

    User text never reaches the query syntax: words are extracted and quoted (FTS5,
    ``to_tsquery`` on PostgreSQL), so any other operator or quote in ``q`` is just text.
    ``walked``: the page will be read from the index in timeline order (:func:`walk`), so the
    condition is only for counts; otherwise frequent words walk the events' order index.
    ``probe``: the events are read another way (a few dates' events), each checked against
    the matches (SQLite), however many there are.
    """
    groups = alternatives(q)
    if not groups:
        return pw.SQL("1 = 0")
    if is_postgres():
        lexemes = postings(q) if probe else None
        if lexemes:
            return _posted(lexemes)
        return pw.SQL(f"{PG_DOCUMENT} @@ to_tsquery('english', %s)", [_tsquery(groups)])
    terms = phrase(q)
    matches = pw.SQL(
        f"(SELECT rowid & {ID_MASK} FROM event_search WHERE event_search MATCH ?)", [terms]
    )
    if probe or (not walked and _common(terms)):
        # Many matches: walk the events in the requested order and keep those that match
        # (``id + 0`` keeps SQLite from fetching every match by id and sorting them all).
        return (Event.id + 0).in_(matches)
    return Event.id.in_(matches)


def walk(query: pw.Select, terms: str) -> tuple[pw.Select, pw.Field]:
    """``query`` driven by the full-text index: joined to the matches of ``terms``, and the
    column to order and page by (the timeline key)."""
    joined = query.join(EventSearch, on=(Event.id == EventSearch.rowid.bin_and(ID_MASK)))
    match = pw.Expression(EventSearch.event_search, "MATCH", terms)
    return joined.where(match), EventSearch.rowid


def postings(q: str) -> list[str] | None:
    """The lexemes whose postings hold the matches of ``q`` (PostgreSQL): its words' English
    lexemes, each of which a match has, when ``q`` is words that must all occur; None when
    ``q`` is not that (alternatives, a prefix, a word that is two lexemes) or has no lexeme
    (stop words only), and the page is then read as the plain condition gives it."""
    groups = alternatives(q)
    if len(groups) != 1 or any(prefix for _, prefix in groups[0]):
        return None
    found: list[str] = []
    for word, _ in groups[0]:
        lexemes = _lexemes(word.lower())
        if len(lexemes) > 1:
            return None
        found += [x for x in lexemes if x not in found]  # a stop word has none, as in tsquery
    return found or None


@functools.lru_cache(maxsize=4096)
def _lexemes(word: str) -> tuple[str, ...]:
    sql = "SELECT tsvector_to_array(to_tsvector('english', %s))"
    return tuple(database.execute_sql(sql, [word]).fetchone()[0])


def walk_postings(query: pw.Select, lexemes: list[str]) -> tuple[pw.Select, pw.Field]:
    """``query`` driven by the posting table (PostgreSQL): the timeline keys of the first
    lexeme's postings, in order, that every other lexeme has too; the column to order by."""
    first = EventTerm.alias("term0")
    joined = query.join(first, on=(Event.id == first.timeline_key.bin_and(ID_MASK)))
    for i, lexeme in enumerate(lexemes[1:], 1):
        other = EventTerm.alias(f"term{i}")
        on = (other.timeline_key == first.timeline_key) & (other.term == lexeme)
        joined = joined.join(other, on=on)
    return joined.where(first.term == lexemes[0]), first.timeline_key


def _posted(lexemes: list[str]) -> pw.Expression:
    """PostgreSQL: the event has a posting of each of ``lexemes`` (one probe of the posting
    table's key each: reading its text again to match it costs ten times as much)."""
    key = Event.sort_date - pw.SQL("DATE '0001-01-01'") + 1
    key = (key * (1 << KEY_RANK_BITS) + Event.precision_rank) * (1 << KEY_ID_BITS) + Event.id
    found = [
        pw.fn.EXISTS(
            EventTerm.select(pw.SQL("1")).where(
                (EventTerm.term == lexeme) & (EventTerm.timeline_key == key)
            )
        )
        for lexeme in lexemes
    ]
    return functools.reduce(operator.and_, found)


def posted_within(lexemes: list[str], lowest: pw.Node, highest: pw.Node) -> pw.Expression:
    """PostgreSQL: the event is among the postings of the first of ``lexemes`` with timeline
    keys from ``lowest`` to ``highest`` (one range of the posting table), and has a posting
    of each other one."""
    listed = EventTerm.select(EventTerm.timeline_key.bin_and(ID_MASK)).where(
        (EventTerm.term == lexemes[0]) & EventTerm.timeline_key.between(lowest, highest)
    )
    found = Event.id.in_(listed)
    return found & _posted(lexemes[1:]) if lexemes[1:] else found


def count(q: str, at_most: int) -> int:
    """How many events match ``q`` (counted up to ``at_most``), from the index alone: FTS5 on
    SQLite; on PostgreSQL the postings of its rarest lexeme (at least the matches: words that
    must all occur), else the matches themselves."""
    lexemes = postings(q) if is_postgres() else None
    if lexemes:
        sql = "SELECT count(*) FROM (SELECT 1 FROM event_term WHERE term = %s LIMIT %s) AS t"
        return min(database.execute_sql(sql, [x, at_most]).fetchone()[0] for x in lexemes)
    if is_postgres() or not alternatives(q):
        matches = Event.select(Event.id).where(matching(q, walked=True))
        return matches.limit(at_most).count()
    sql = "SELECT count(*) FROM (SELECT rowid FROM event_search WHERE event_search MATCH ? LIMIT ?)"
    return database.execute_sql(sql, [phrase(q), at_most]).fetchone()[0]


COMMON = 5000  # matches above which walking the order index beats fetching and sorting them


def _common(terms: str) -> bool:
    sql = "SELECT count(*) FROM (SELECT rowid FROM event_search WHERE event_search MATCH ? LIMIT ?)"
    return database.execute_sql(sql, [terms, COMMON]).fetchone()[0] >= COMMON
