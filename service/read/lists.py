"""The lists other than events: actors with their event counts, stored articles, the change
feed. Each is a query built here and paged by :mod:`service.read.keyset`; views only call."""

from __future__ import annotations

from typing import Any

import peewee as pw

from ..shapes import article_dict, utc
from ..storage.models import Actor, ActorAlias, Article, Change, Event, EventActor, Mention
from ..text import fold
from . import keyset
from .queries import serialize_events


def actors(
    kind: str | None, q: str | None, cursor: str | None, limit: int
) -> tuple[list[dict[str, Any]], str | None]:
    """Actors that take part in at least one event, by id (their key), with their event counts;
    ``kind`` keeps one kind, ``q`` a part of the name or of an alias, in any case."""
    count = pw.fn.COUNT(EventActor.id)
    query = (
        Actor.select(Actor.key, Actor.name, Actor.kind, Actor.subkind, count.alias("event_count"))
        .join(EventActor)
        .group_by(Actor.id, Actor.key, Actor.name, Actor.kind, Actor.subkind)
        .dicts()
    )
    if kind:
        query = query.where(Actor.kind == kind)
    if q:
        named = ActorAlias.select(ActorAlias.actor).where(ActorAlias.alias.contains(fold(q)))
        query = query.where(pw.fn.LOWER(Actor.name).contains(q.lower()) | Actor.id.in_(named))
    rows, next_cursor = keyset.after(query, Actor.key, cursor, limit, lambda r: r["key"], str)
    data = [
        {
            "id": r["key"],
            "name": r["name"],
            "kind": r["kind"],
            "subkind": r["subkind"],
            "event_count": r["event_count"],
        }
        for r in rows
    ]
    return data, next_cursor


#: Words of an article ``q`` matched at most (each one a LIKE over the text).
ARTICLE_Q_WORDS = 8


def filter_articles(query: pw.Select, args: dict[str, Any]) -> pw.Select:
    """``GET /articles``'s filters: source (case-insensitive), publication window, words."""
    if args.get("source"):
        query = query.where(pw.fn.LOWER(Article.source) == args["source"].lower())
    if args.get("from_"):
        query = query.where(Article.published_at >= args["from_"])
    if args.get("to"):
        query = query.where(Article.published_at <= args["to"])
    for word in (args.get("q") or "").split()[:ARTICLE_Q_WORDS]:
        query = query.where(Article.title.contains(word) | Article.text.contains(word))
    return query


def event_counts(article_ids: list[int]) -> dict[int, int]:
    """How many events each article reports (one grouped statement), as its answer says."""
    if not article_ids:
        return {}
    rows = (
        Mention.select(Mention.article, pw.fn.COUNT(Mention.event.distinct()))
        .where(Mention.article.in_(article_ids))
        .group_by(Mention.article)
        .tuples()
    )
    return {article: count for article, count in rows}


def articles(args: dict[str, Any], limit: int) -> tuple[list[dict[str, Any]], str | None]:
    """Stored articles in the order they were stored (by id), without their events but with
    their count; ``args`` filter them (:func:`filter_articles`) and carry the ``cursor``."""
    query = filter_articles(Article.select(), args)
    rows, next_cursor = keyset.after(query, Article.id, args.get("cursor"), limit, lambda a: a.id)
    counts = event_counts([a.id for a in rows])
    return [article_dict(a) | {"event_count": counts.get(a.id, 0)} for a in rows], next_cursor


def latest_change() -> int:
    """The id of the last change (0 when there is none): ``since=now`` starts from it."""
    return Change.select(pw.fn.MAX(Change.id)).scalar() or 0


def changes(after: int, limit: int) -> tuple[list[dict[str, Any]], bool]:
    """The changes after id ``after``, oldest first, each with its event as it is now (without
    mentions; None once deleted), and whether more follow."""
    rows = list(Change.select().where(Change.id > after).order_by(Change.id).limit(limit + 1))
    more = len(rows) > limit
    rows = rows[:limit]
    live = (
        {
            e["id"]: e
            for e in serialize_events(
                list(Event.select().where(Event.id.in_({r.event_id for r in rows}))),
                with_mentions=False,
            )
        }
        if rows
        else {}
    )
    data = [
        {
            "seq": r.id,
            "event_id": r.event_id,
            "action": r.action,
            "merged_into": r.merged_into,
            "at": utc(r.at),
            "event": live.get(r.event_id) if r.action != "deleted" else None,
        }
        for r in rows
    ]
    return data, more
