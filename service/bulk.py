"""Bulk ingest for the command line: extraction outside transactions, storage in batches.

Each batch is one transaction; inside it every article has its own savepoint, so an article
that cannot be stored is skipped without undoing the others. A run that is stopped loses at
most the batch in flight; running it again skips what is stored (by content hash), so it
resumes where it stopped.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable

import peewee as pw
from marshmallow import ValidationError

from schemas import ArticleCreateSchema

from . import pipeline
from .db import database
from .sources import Record


@dataclasses.dataclass
class Outcome:
    counts: Counter = dataclasses.field(
        default_factory=lambda: Counter(stored=0, present=0, skipped=0, events=0)
    )
    skipped: list[tuple[str, str]] = dataclasses.field(default_factory=list)


def ingest_records(
    records: Iterable[Record],
    max_chars: int,
    batch_size: int = 20,
    progress: Callable[[], None] = lambda: None,
) -> Outcome:
    """Validate, extract and store ``records``; report what was stored, present, skipped."""
    schema, outcome = ArticleCreateSchema(), Outcome()
    pending: list[tuple[str, pipeline.Prepared]] = []
    for label, raw, error in records:
        prepared = None
        if error is None:
            try:
                data = schema.load(raw)
                if len(data["text"]) > max_chars:
                    raise ValidationError({"text": [f"Longer than {max_chars} characters."]})
                prepared = pipeline.prepare(data)
                if prepared is None:
                    outcome.counts["present"] += 1
            except ValidationError as exc:
                error = describe(exc.messages)
        if error is not None:
            outcome.counts["skipped"] += 1
            outcome.skipped.append((label, error))
        elif prepared is not None:
            pending.append((label, prepared))
        if len(pending) >= batch_size:
            _store(pending, outcome)
        progress()
    _store(pending, outcome)
    return outcome


def _store(pending: list[tuple[str, pipeline.Prepared]], outcome: Outcome) -> None:
    if not pending:
        return
    with pipeline.write_transaction():
        for _label, prepared in pending:
            try:
                with database.atomic():  # a savepoint: this article alone on failure
                    pipeline.store(prepared)
            except pw.IntegrityError:  # the same text earlier in the batch, or stored meanwhile
                outcome.counts["present"] += 1
                continue
            outcome.counts["stored"] += 1
            outcome.counts["events"] += sum(len(e.mentions) for e in prepared.events)
    pending.clear()


def describe(messages: dict | list) -> str:
    """Validation messages as one line: ``field: message; field: message``."""
    if isinstance(messages, dict):
        return "; ".join(
            f"{k}: {' '.join(map(str, v)) if isinstance(v, list) else v}"
            for k, v in messages.items()
        )
    return " ".join(map(str, messages))
