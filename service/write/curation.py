"""People correct the extraction: edit an event (the original stays visible), merge two events,
delete an article. Each is one write transaction and shows up in the change feed."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ..exceptions import Invalid
from ..shapes import DATE_FIELDS, original_dict
from ..storage.models import Article, Event, EventActor, EventEdit, Mention, utcnow
from ..storage.order import precision_rank, sort_date
from ..storage.writes import record_change, write_transaction
from ..temporal.edtf import describe
from . import importance


def edit_event(event_id: int, changes: dict[str, Any], reason: str) -> Event:
    """Apply a curation (title, type, status and/or date) to an event, recording what and why."""
    with write_transaction():
        event = Event.get_by_id(event_id)
        if event.original is None:
            event.original = json.dumps(original_dict(event))
        for field in ("title", "type", "status"):
            if field in changes:
                setattr(event, field, changes[field])
        if "date" in changes:
            _set_date(event, changes["date"])
        event.updated_at = utcnow()
        event.save()
        EventEdit.create(event=event, changes=json.dumps(changes, default=str), reason=reason)
        record_change(event.id, "updated")
        if "date" in changes:
            importance.reweigh([event.id])  # its precision, and its share of its date
    return event


def _set_date(event: Event, date: dict[str, Any]) -> None:
    if "value" in date and not {"start", "end"} & set(date):
        try:
            edtf, start, end, precision = describe(date["value"], "DATE")
        except (OverflowError, ValueError):  # e.g. 9999-W52 ends after the last date
            edtf, start, end, precision = None, None, None, None
        if edtf is None or not _possible(edtf):
            raise Invalid(
                "The date value is not a TIMEX3 date this service can bound.",
                {"date": {"value": ["Use e.g. 2023-12-20, 2023-12, 2023-W51, 2023."]}},
            )
        date = {"edtf": edtf, "start": start, "end": end, "precision": precision, **date}
    start, end = date.get("start"), date.get("end")
    if start and end and start > end:
        raise Invalid(
            "The date's start is after its end.",
            {"date": {"start": ["Must not be after end."]}},
        )
    for column in DATE_FIELDS:
        if column in date:
            setattr(event, f"date_{column}", date[column])
    event.date_basis = "curated"
    event.sort_date = sort_date(event.date_start, event.date_end)
    event.precision_rank = precision_rank(event.date_precision)


def _possible(edtf: str) -> bool:
    """An EDTF date with an unknown year (``XXXX-12-20``) still needs a real month and day."""
    parts = edtf.split("-")
    if parts[0] != "XXXX" or len(parts) == 1 or not all(p.isdigit() for p in parts[1:3]):
        return True
    try:
        dt.date(2000, int(parts[1]), int(parts[2]) if len(parts) > 2 else 1)  # 2000: leap year
    except ValueError:
        return False
    return True


def merge_events(source_id: int, target_id: int, reason: str) -> Event:
    """Fold ``source`` into ``target``: mentions and actors move, ``source`` is deleted."""
    if source_id == target_id:
        raise Invalid("An event cannot be merged into itself.", {"into": ["Same event."]})
    with write_transaction():
        source, target = Event.get_by_id(source_id), Event.get_by_id(target_id)
        Mention.update(event=target).where(Mention.event == source).execute()
        for link in EventActor.select().where(EventActor.event == source):
            EventActor.insert(
                event=target, actor=link.actor_id, role=link.role
            ).on_conflict_ignore().execute()
        EventEdit.create(event=target, changes=json.dumps({"merged": source_id}), reason=reason)
        source.delete_instance()
        target.updated_at = utcnow()
        target.save()
        record_change(source_id, "merged", merged_into=target.id)
        record_change(target.id, "updated")
        importance.reweigh([target.id])
    return target


def delete_article(article_id: int) -> None:
    """Delete an article and its mentions; events left with no mention are deleted too."""
    with write_transaction():
        article = Article.get_by_id(article_id)
        touched = [
            m.event_id
            for m in Mention.select(Mention.event).where(Mention.article == article).distinct()
        ]
        Mention.delete().where(Mention.article == article).execute()
        article.delete_instance()
        still = (
            {
                m.event_id
                for m in Mention.select(Mention.event).where(Mention.event.in_(touched)).distinct()
            }
            if touched
            else set()
        )
        for event_id in touched:
            if event_id in still:
                Event.update(updated_at=utcnow()).where(Event.id == event_id).execute()
                record_change(event_id, "updated")
            else:
                Event.delete().where(Event.id == event_id).execute()
                record_change(event_id, "deleted")
        importance.reweigh(still)
