"""Event extraction: article text in, typed and dated events out (pure: no Flask, no database).

API
---
``extract(text, published_at, timexes=None) -> list[Event]``
    The article's events, each happening once, in order of first mention. ``timexes`` are the
    article's temporal expressions; by default ``service.temporal.annotate(text, published_at)``.
``same_happening(a, b) -> bool`` / ``similarity(a, b) -> float``
    Whether two events (e.g. from two articles) are one happening: same type, dates that can
    overlap (one day of slack), no conflicting people or organisations, shared actors.

Value objects (``model.py``): ``Event``, ``EventDate``, ``Actor``, ``Mention``.

How it reads an article
-----------------------
1. ``nlp`` parses the text (spaCy: tokens, tags, dependencies, entities; the dateline blanked).
2. ``entities`` finds the participants sentence by sentence: the gazetteer's countries and
   organisations, titled people (``actors``), and the recogniser's people, companies, places,
   products, indices and currencies, with aliases and pronouns resolved.
3. ``predicates`` makes one ``candidate`` per eventive predicate (verb or event noun) with a
   participant, stage by stage: ``detection`` (is it a happening), ``factuality`` (asserted,
   planned, ongoing), ``anchors`` (the expressions that modify it on the dependency path),
   ``participants`` (who, by role), ``eventtype`` (typed from ``lexicon``'s data) and
   ``phrases`` (its headline); ``syntax`` holds the parse helpers they share. Reports of
   dated content fold into what they report.
4. ``merge`` groups candidates of one happening; ``extract`` dates each group (``dates``: its
   own expression, a duration, a relation "after"/"before", the report that tells it, else
   the publication bound) and scores its salience.
"""

from .dates import finer, strictly_finer
from .extract import clear_cache, extract
from .merge import same_happening, similarity
from .model import Actor, Event, EventDate, Mention

__all__ = [
    "Actor",
    "Event",
    "EventDate",
    "Mention",
    "clear_cache",
    "extract",
    "finer",
    "strictly_finer",
    "same_happening",
    "similarity",
]
