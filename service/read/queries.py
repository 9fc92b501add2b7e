"""Read side: filter, order and page events, and turn rows into API dicts without N+1 queries."""

from __future__ import annotations

import datetime as dt
import functools
import operator
import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import peewee as pw

from ..exceptions import Invalid
from ..shapes import actor_dict, edit_dict, event_dict, mention_article, mention_dict, plain
from ..storage import search
from ..storage.connection import database
from ..storage.indexes import SPAN_DAYS, span_class_sql
from ..storage.models import Actor, ActorAlias, Article, Event, EventActor, EventEdit, Mention
from ..storage.order import ID_MASK, UNDATED, precision_rank, timeline_key
from ..storage.rows import Statement, converter, fetch, rows_of
from ..text import fold
from .cache import RenderedEvents
from .keyset import decode_cursor, encode_cursor, invalid_cursor
from .rendering import to_json


# Window filters: the span classes and their index are in service.storage.indexes.
def _days_before(day: dt.date, days: int) -> dt.date:
    return day - dt.timedelta(days=days) if day.toordinal() > days else dt.date.min


def _last_day(hi_day: dt.date | None) -> dt.date:
    return min(hi_day or UNDATED, UNDATED - dt.timedelta(days=1))


def _floors(lo_day: dt.date) -> list[dt.date]:
    """Per span class, the earliest sort date of an event that can overlap from ``lo_day``."""
    return [_days_before(lo_day, days) for days in SPAN_DAYS] + [dt.date.min]


def _window_part(span_class: Any, floor: Any, last: dt.date, lo_day: dt.date) -> pw.Expression:
    """Events of one span class overlapping [lo_day, last]: one range of the span-class index."""
    cls = pw.SQL(span_class_sql("postgresql" if search.is_postgres() else "sqlite"))
    hi = pw.fn.COALESCE(Event.date_end, Event.date_start)
    return (cls == span_class) & Event.sort_date.between(floor, last) & (hi >= lo_day)


def _window(lo_day: dt.date | None, hi_day: dt.date | None) -> list[pw.Expression]:
    """Events whose known interval overlaps [lo_day, hi_day] (either side may be open): one
    condition per span class, each one range of the span-class index, in date order."""
    last = _last_day(hi_day)
    if lo_day is None:
        return [Event.sort_date <= last]  # sort_date is lo, or UNDATED when there is no bound
    return [_window_part(c, floor, last, lo_day) for c, floor in enumerate(_floors(lo_day))]


#: A word of ``q`` written as an acronym or initials ("MJ", "SEC", "WHO": two to six capitals)
#: that is an alias of actors also finds the events that name those actors in full.
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,5}")
#: At most this many actors' names are added for one such word (those in most events first).
WIDENED_NAMES = 3


def widened(q: str) -> str:
    """``q`` with an alternative for each actor a word of it names by an alias written in
    capitals: ``MJ`` becomes ``MJ OR Michael Jackson`` when Michael Jackson is known by the
    alias ``mj`` (his initials, kept when his events were stored), ``SEC trial`` becomes
    ``SEC trial OR Securities and Exchange Commission trial`` (at most ``WIDENED_NAMES``
    bodies or one person a word, those in most events first). A word in lower case, a prefix
    (``sec*``) or a word no actor is known by leaves ``q`` as it is, and so does a widening
    that would pass search.MAX_WORDS."""
    groups = search.alternatives(q)
    wanted = {
        fold(word)
        for group in groups
        for word, prefix in group
        if not prefix and _ACRONYM.fullmatch(word)
    }
    if not wanted:
        return q
    events = pw.fn.COUNT(EventActor.id)
    rows = list(
        ActorAlias.select(ActorAlias.alias, Actor.name, Actor.kind, events)
        .join(Actor)
        .join(EventActor, pw.JOIN.LEFT_OUTER)
        .where(ActorAlias.alias.in_(sorted(wanted)))
        .group_by(ActorAlias.alias, Actor.id, Actor.name, Actor.kind)
        .order_by(events.desc(), Actor.name)
        .tuples()
    )
    # An acronym a country or a body is known by ("US", "WHO") means that one; a person's
    # initials ("us" for Ursula Smith) widen only a word no country or body is known by, and
    # to one person, the one in most events ("MJ": Michael Jackson, not Mick Jagger too).
    bodies = {alias for alias, _, kind, _ in rows if kind != "person"}
    names: dict[str, list[list[str]]] = defaultdict(list)
    for alias, name, kind, _ in rows:
        said = search.alternatives(name)  # its words as q reads them (one group: no "OR")
        if kind == "person" and (alias in bodies or names[alias]):
            continue
        if len(said) == 1 and fold(name) != alias and len(names[alias]) < WIDENED_NAMES:
            names[alias].append([word for word, _ in said[0]])
    more: list[list[str]] = []
    for group in groups:
        for i, (word, prefix) in enumerate(group):
            for name in [] if prefix else names.get(fold(word), []):
                rest = [w + ("*" if p else "") for w, p in group[:i] + group[i + 1 :]]
                more.append(rest[:i] + name + rest[i:])
    if not more or sum(map(len, groups)) + sum(map(len, more)) > search.MAX_WORDS:
        return q
    return " OR ".join([q, *(" ".join(words) for words in more)])


def filter_events(query: pw.Select, args: dict[str, Any]) -> pw.Select:
    """Apply the documented filters (window, actor, type, article, q) to an Event query
    (``q`` :func:`widened`)."""
    if args.get("q"):
        args = {**args, "q": widened(args["q"])}
    if args.get("from_") or args.get("to"):
        if args.get("open") == "include":
            lo = pw.fn.COALESCE(Event.date_start, Event.date_end)
            query = query.where(lo.is_null(False))
            if args.get("to"):
                query = query.where(Event.date_start.is_null() | (Event.date_start <= args["to"]))
            if args.get("from_"):
                query = query.where(Event.date_end.is_null() | (Event.date_end >= args["from_"]))
        else:
            parts = _window(args.get("from_"), args.get("to"))
            either = functools.reduce(operator.or_, parts)
            query = query.where(either)
            # A page in date order merges the classes' own ordered ranges (page_events).
            window = (either, args.get("from_"), _last_day(args.get("to")))
            query._window_parts = window if len(parts) > 1 else None
            # PostgreSQL guesses that walking the order index finds a window's rows early (it
            # assumes they are spread evenly): they are not, so page_events sorts them instead.
            query._sort_matches = search.is_postgres()
    if args.get("type"):
        query = query.where(Event.type.in_(args["type"]))
    if args.get("min_salience") is not None:
        query = query.where(salient(args["min_salience"]))
    if args.get("precision_at_least"):
        query = query.where(Event.precision_rank <= precision_rank(args["precision_at_least"]))
    if args.get("precision_at_most"):
        query = query.where(Event.precision_rank >= precision_rank(args["precision_at_most"]))
    if args.get("actor"):
        actor_ids = resolve_actor_terms(args["actor"])
        if len(actor_ids) == 1 and _walkable(query, args):
            # A page in date order is read from the actor's links in timeline order.
            condition = actor_clause(actor_ids)
            query = query.where(condition)
            query._walk = (_actor_walk, condition, actor_ids[0])
        else:
            # A frequent actor: walk the events in order and keep theirs (SQLite would
            # otherwise fetch every one of them by id and sort them all); PostgreSQL chooses
            # by statistics.
            links = EventActor.select(EventActor.id).where(EventActor.actor.in_(actor_ids))
            common = not search.is_postgres() and links.limit(COMMON).count() >= COMMON
            query = query.where(actor_clause(actor_ids, "kept" if common else "listed"))
    if args.get("article"):
        query = query.where(article_clause(args["article"]))
    if args.get("q"):
        # A page in date order is read from the full-text index in timeline order: FTS5's
        # rows keyed by timeline key (SQLite), the postings of the words (PostgreSQL).
        drive, terms = None, None
        if _walkable(query, args):  # (PostgreSQL looks its words' lexemes up only then)
            if search.is_postgres():
                drive, terms = search.walk_postings, search.postings(args["q"])
            else:
                drive, terms = search.walk, search.phrase(args["q"])
        condition = search.matching(args["q"], walked=bool(terms))
        query = query.where(condition)
        if terms:
            query._walk = (drive, condition, terms)
    return query


def actor_clause(actor_ids: list[int], how: str = "listed", within: tuple = ()) -> pw.Expression:
    """The one actor filter (GET /events, the digest): events linked to one of ``actor_ids``.
    ``how`` the database should find them: ``listed`` (the links listed from their index,
    each event fetched by id), ``kept`` (the events read in another order, each kept when
    listed: ``id + 0`` keeps SQLite from fetching every match and sorting them all) or
    ``probed`` (each event read looks its own link up: one probe of (event_id, actor_id)).
    ``within``: the (lowest, highest) timeline keys wanted, one range of the links' index
    (actor_id, timeline_key), the ids read from the keys (no link row read)."""
    wanted = EventActor.actor.in_(actor_ids)
    if how == "probed":
        return pw.fn.EXISTS(
            EventActor.select(pw.SQL("1")).where(wanted & (EventActor.event == Event.id))
        )
    if within:
        links = EventActor.select(EventActor.timeline_key.bin_and(ID_MASK)).where(
            wanted & EventActor.timeline_key.between(*within)
        )
    else:
        links = EventActor.select(EventActor.event).where(wanted)
    return (Event.id + 0 if how == "kept" else Event.id).in_(links)


def article_clause(article_id: int) -> pw.Expression:
    """The one article filter: events the article mentions (index mention (article, event))."""
    return Event.id.in_(Mention.select(Mention.event).where(Mention.article == article_id))


def salient(floor: float) -> pw.Expression:
    """Events of salience ``floor`` or more: a rare floor's matches listed from the index
    event_salience and fetched by id (walking the order index would read every event to find
    none); a common one checked on each event read in order (SQLite; PostgreSQL chooses by
    statistics)."""
    if search.is_postgres():
        return Event.salience >= floor
    matches = Event.select(Event.id).where(Event.salience >= floor)
    if matches.limit(COMMON).count() >= COMMON:
        return Event.salience + 0 >= floor
    return Event.id.in_(matches)


def _actor_walk(query: pw.Select, actor_id: int) -> tuple[pw.Select, pw.Field]:
    """``query`` driven by one actor's links in timeline order (index actor, timeline_key)."""
    joined = query.join(EventActor, on=(EventActor.event == Event.id))
    return joined.where(EventActor.actor == actor_id), EventActor.timeline_key


def _walkable(query: pw.Select, args: dict[str, Any]) -> bool:
    """Whether a page of ``query`` can be read in timeline order from an index of matches that
    keeps that order (an actor's links; the full-text index; see
    :func:`page_events`): pages in date order, not already driven by another such index or by
    a window's ranges."""
    return (
        str(args.get("sort") or "date").lstrip("-") == "date"
        and getattr(query, "_walk", None) is None
        and getattr(query, "_window_parts", None) is None
    )


COMMON = search.COMMON

#: The kinds' id prefixes: a bare code (``IRN``, ``sco``) is tried under each.
ACTOR_KEY_PREFIXES = ("country", "org", "person")


def actor_term_matches(terms: Sequence[str]) -> dict[str, set[int]]:
    """The one actor lookup: for each term, the ids of the actors it names. A term names an
    actor by its id (``country:IRN``), its code (``IRN``), its name (``Iran``), in any case, or
    an alias. One statement (the aliases' rows, then the actors'): on PostgreSQL each statement
    is a round trip, and this lookup runs before every actor-filtered page.
    (Another way to name actors is one more condition here.)"""
    wanted = {t: t.strip().lower() for t in terms}
    keys = {w for w in wanted.values() if ":" in w}
    keys |= {f"{p}:{w}" for w in wanted.values() if ":" not in w for p in ACTOR_KEY_PREFIXES}
    folded = {t: fold(t) for t in terms}
    by_alias = ActorAlias.select(
        ActorAlias.actor, ActorAlias.alias, pw.SQL("NULL"), pw.SQL("NULL")
    ).where(ActorAlias.alias.in_(sorted(set(folded.values()))))
    by_name = Actor.select(Actor.id, pw.SQL("NULL"), Actor.key, Actor.name).where(
        pw.fn.LOWER(Actor.key).in_(sorted(keys))
        | pw.fn.LOWER(Actor.name).in_(sorted(set(wanted.values())))
    )
    found: dict[str, set[int]] = {t: set() for t in terms}
    for actor_id, alias, key, name in database.execute_sql(*(by_alias + by_name).sql()):
        if alias is not None:
            for term, f in folded.items():
                if f == alias:
                    found[term].add(actor_id)
            continue
        key, name = key.lower(), name.lower()
        code = key.partition(":")[2]
        for term, w in wanted.items():
            if w in (key, name, code):
                found[term].add(actor_id)
    return found


def resolve_actor_terms(terms: Sequence[str], field: str = "actor") -> list[int]:
    """The actor ids ``terms`` name (see :func:`actor_term_matches`); a term naming no actor
    is refused, saying how to find the right one."""
    found = actor_term_matches(terms)
    unknown = [t for t in terms if not found[t]]
    if unknown:
        hints = [f"No actor {t!r}; search with /api/v1/actors?q={t.strip()[:40]}" for t in unknown]
        raise Invalid("; ".join(hints) + ".", {field: hints})
    return sorted({i for ids in found.values() for i in ids})


SORT_KEYS = {
    "date": (Event.sort_date, Event.precision_rank, Event.id),
    "updated": (Event.updated_at, Event.id),
}
_PARSE = {
    "sort_date": dt.date.fromisoformat,
    "precision_rank": int,
    "id": int,
    "updated_at": dt.datetime.fromisoformat,
}


def page_events(
    query: pw.Select, cursor: str | None, limit: int, sort: str = "date"
) -> tuple[list[Event], str | None]:
    """Keyset pagination in ``sort`` order (date: sort_date, precision, id; updated:
    updated_at, id; a leading ``-`` reverses): stable while new events arrive."""
    descending = sort.startswith("-")
    columns = sort_columns = SORT_KEYS[sort.lstrip("-")]
    walk = getattr(query, "_walk", None) if sort.lstrip("-") == "date" else None
    if walk:
        # Driven by an index that keeps its matches in timeline order: its first rows after
        # the cursor are the page (the condition it stands for is taken out of the WHERE).
        drive, condition, target = walk
        driven = query.clone()
        driven._where = _replace(query._where, condition, pw.SQL("1 = 1"))
        query, key = drive(driven, target)
        columns = [key]
    if cursor:
        key = decode_cursor(cursor, (str,) + (object,) * len(sort_columns))
        if key[0] != sort:
            raise invalid_cursor(
                reason="Not a cursor of this sort order.",
                detail="The cursor belongs to another sort order; start again.",
            )
        try:
            values = [_PARSE[c.name](v) for c, v in zip(sort_columns, key[1:], strict=True)]
        except (TypeError, ValueError):
            raise invalid_cursor() from None
        if walk:
            row, after = columns[0], timeline_key(*values)
        else:
            row, after = pw.Tuple(*columns), pw.Tuple(*values)
        query = query.where(row < after if descending else row > after)
    keys = list(columns)
    if getattr(query, "_sort_matches", False):
        keys = [pw.fn.COALESCE(c, c) for c in columns]  # no index order: sort the matches
    order = [c.desc() if descending else c.asc() for c in keys]
    parts = getattr(query, "_window_parts", None)
    if parts and sort.lstrip("-") == "date":
        rows = _merged(query, parts, columns, descending, limit + 1)
    else:
        # Plain named tuples: the serialiser reads attributes, and they cost less than models.
        rows = fetch(query.order_by(*order).limit(limit + 1))
    if len(rows) <= limit:
        return rows, None
    last = rows[limit - 1]
    values = [getattr(last, c.name) for c in sort_columns]
    return rows[:limit], encode_cursor([sort, *(plain(v) for v in values)])


_CLASS_MARK, _FLOOR_MARK = -7_654_321, dt.date(1, 2, 3)  # stand-ins, replaced per class


def _merged(query: pw.Select, window: tuple, columns, descending: bool, limit: int) -> list:
    """The first ``limit`` rows of ``query`` in ``columns`` order: each span class's own first
    ``limit`` (one index range each), put together and cut in one statement, so a window never
    sorts all its matches and only the page's rows come back.

    The classes' statements differ only in two parameters (the class and its earliest date), so
    one is built by peewee and repeated with those swapped: building eight took longer than
    running the statement.
    """
    either, lo_day, last = window
    order = [c.desc() if descending else c.asc() for c in columns]
    one = query.clone()
    one._where = _replace(
        query._where, either, _window_part(_CLASS_MARK, _FLOOR_MARK, last, lo_day)
    )
    sql, params = one.order_by(*order).limit(limit).sql()
    marks = [i for i, p in enumerate(params) if p == _CLASS_MARK]
    floors = [i for i, p in enumerate(params) if p in (_FLOOR_MARK, _FLOOR_MARK.isoformat())]
    if len(marks) != 1 or len(floors) != 1:  # never seen; then let peewee build every part
        return _merged_by_peewee(query, either, lo_day, last, order, columns, descending, limit)
    as_text = isinstance(params[floors[0]], str)
    statements, values = [], []
    for c, floor in enumerate(_floors(lo_day)):
        mine = list(params)
        mine[marks[0]], mine[floors[0]] = c, floor.isoformat() if as_text else floor
        statements.append(f"SELECT * FROM ({sql}) AS w{c}")
        values += mine
    direction = "DESC" if descending else "ASC"
    outer = ", ".join(f'"{c.column_name}" {direction}' for c in columns)
    union = f"{' UNION ALL '.join(statements)} ORDER BY {outer} LIMIT {int(limit)}"
    return rows_of(one, database.execute_sql(union, values))


def _merged_by_peewee(query, either, lo_day, last, order, columns, descending, limit) -> list:
    runs = []
    for c, floor in enumerate(_floors(lo_day)):
        one = query.clone()
        one._where = _replace(query._where, either, _window_part(c, floor, last, lo_day))
        runs.append(one.order_by(*order).limit(limit))
    outer = [pw.SQL(f'"{c.column_name}"') for c in columns]
    union = functools.reduce(operator.add, runs)  # UNION ALL
    union = union.order_by(*[c.desc() if descending else c.asc() for c in outer]).limit(limit)
    return list(union.namedtuples())


def _replace(node, old, new):
    """``node`` (a WHERE tree of ANDs) with the sub-expression ``old`` swapped for ``new``."""
    if node is old:
        return new
    if isinstance(node, pw.Expression) and node.op == pw.OP.AND:
        return pw.Expression(_replace(node.lhs, old, new), node.op, _replace(node.rhs, old, new))
    return node


def iterate_events(query: pw.Select, sort: str = "date", batch: int = 1000):
    """Every row of ``query`` in ``sort`` order, fetched ``batch`` at a time (flat memory)."""
    # Text and number columns come from the driver as their Python values already (SQLite's
    # column affinity, PostgreSQL's types): read unconverted, which was a third of the cost of
    # a page of full rows. Dates too: SQLite's are their ISO text, which the cursor and every
    # export format read as the date (they take dumped events alike). Timestamps and booleans
    # are converted as before.
    plain = (pw.CharField, pw.TextField, pw.IntegerField, pw.FloatField, pw.DateField)
    query = query.select(
        *(f.coerce(False) if isinstance(f, plain) else f for f in query._returning)
    )
    cursor = None
    while True:
        rows, cursor = page_events(query, cursor, batch, sort)
        yield rows
        if cursor is None:
            return


#: What a JSON page reads of each matching event: its sort keys and its version. The rest comes
#: from the rendered-events cache, or for the events not in it from one more query.
PAGE_COLUMNS = (Event.id, Event.sort_date, Event.precision_rank, Event.updated_at)


_ONE = Statement(lambda event_id: Event.select(*PAGE_COLUMNS).where(Event.id == event_id))


def event_keys(event_id: int) -> list:
    """The page columns of one event (an empty list when there is none)."""
    return _ONE.rows(event_id)


def render_events(rows: Sequence[Any], cache: RenderedEvents) -> list[str]:
    """The JSON text of each row's API dict (actors and mentions included), in row order.

    ``rows`` need only ``id`` and ``updated_at``; texts come from ``cache`` when the event has
    not changed since it was rendered, and the others are rendered together (three queries).
    """
    texts = cache.get_many([(row.id, row.updated_at) for row in rows])
    missing = [row.id for row, text in zip(rows, texts, strict=True) if text is None]
    if missing:
        full = fetch(Event.select().where(Event.id.in_(missing)))
        rendered = {}
        for row, body in zip(full, serialize_events(full), strict=True):
            rendered[row.id] = to_json(body)
            cache.put(row.id, row.updated_at, rendered[row.id])
        # An event deleted between the two queries is left out, as if the page had missed it.
        texts = [text or rendered.get(row.id) for row, text in zip(rows, texts, strict=True)]
    return [text for text in texts if text is not None]


_PUBLISHED = converter(Article.published_at)  # a date: the ISO text parsed, else as peewee does


def serialize_events(rows: Sequence[Event], with_mentions: bool = True) -> list[dict[str, Any]]:
    """Rows -> API dicts, with actors and mentions fetched in one query each."""
    ids = [row.id for row in rows]
    actors: dict[int, list[dict]] = defaultdict(list)
    mentions: dict[int, list[dict]] = defaultdict(list)
    if ids:
        # The ids as one SQL text of placeholders, passed straight to the driver (peewee builds
        # and renders a node per value of a list: 1000 per batch of an export), and the rows
        # read as the driver gives them: ids and texts need no conversion, and the one
        # timestamp is converted below.
        among = pw.SQL(f"({', '.join([database.param] * len(ids))})")

        def run(query: pw.Select, params: list) -> Any:
            return database.execute_sql(query.sql()[0], params)  # its only parameters: params

        for event_id, key, name, kind in run(
            EventActor.select(EventActor.event, Actor.key, Actor.name, Actor.kind)
            .join(Actor)
            .where(EventActor.event.in_(among))
            .order_by(EventActor.id),
            ids,
        ):
            actors[event_id].append(actor_dict(key, name, kind))
        if with_mentions:
            found = run(
                Mention.select(
                    Mention.event,
                    Mention.article,
                    Mention.sentence,
                    Mention.sentence_start,
                    Mention.sentence_end,
                    Mention.start,
                    Mention.end,
                    Article.title,
                    Article.source,
                    Article.url,
                    Article.published_at,
                )
                .join(Article)
                .where(Mention.event.in_(among))
                .order_by(Mention.article, Mention.start),
                ids,
            )
            for event_id, article_id, sentence, s_start, s_end, start, end, *article in found:
                title, source, url, published_at = article
                source_article = mention_article(
                    article_id, title, source, url, _PUBLISHED(published_at)
                )
                mentions[event_id].append(
                    mention_dict(article_id, sentence, s_start, s_end, start, end, source_article)
                )
    return [
        event_dict(row, actors[row.id], mentions[row.id] if with_mentions else None) for row in rows
    ]


_EDITS = Statement(
    lambda event_id: (
        EventEdit.select(EventEdit.at, EventEdit.reason, EventEdit.changes)
        .where(EventEdit.event == event_id)
        .order_by(EventEdit.id)
    )
)


def edits_of(event_id: int) -> list[dict[str, Any]]:
    """An event's edits, oldest first."""
    return [edit_dict(e.at, e.reason, e.changes) for e in _EDITS.rows(event_id)]


def article_events(article_id: int) -> list[dict[str, Any]]:
    rows = list(
        Event.select()
        .where(Event.id.in_(Mention.select(Mention.event).where(Mention.article == article_id)))
        .order_by(Event.sort_date, Event.precision_rank, Event.id)
    )
    return serialize_events(rows)


def dated(query: pw.Select) -> pw.Select:
    return query.where(Event.sort_date < UNDATED)


def undated(query: pw.Select) -> pw.Select:
    return query.where(Event.sort_date == UNDATED)
