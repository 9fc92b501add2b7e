"""Event extraction: article text in, typed and dated events out (pure: no Flask, no database).

API
---
``extract(text, published_at, timexes=None) -> list[Event]``
    The article's events, each happening once, in order of first mention. ``timexes`` are the
    article's temporal expressions; by default ``service.temporal.annotate(text, published_at)``.
``same_happening(a, b) -> bool`` / ``similarity(a, b) -> float``
    Whether two events (e.g. from two articles) are one happening: same type, dates that can
    overlap (one day of slack), no conflicting people or organisations, shared actors.
``combine(a, b) -> Event``
    One event from two reports of it: the finer date, all actors, all mentions.

Value objects (``model.py``): ``Event``, ``EventDate``, ``Actor``, ``Mention``.

How it reads an article
-----------------------
1. ``sentences`` splits sentences and clauses (with offsets); ``actors`` finds countries
   (pycountry + ``service/data``), organisations and titled people, with surname, pronoun and
   "the two countries" coreference; ``types`` finds trigger words.
2. ``mentions`` makes one candidate per clause with a trigger: an *event* (it has its own
   date or duration, a past-tense verb with actors, or is a document such as a communiqué), a
   *reference* (a noun naming a happening told elsewhere: "Mishustin's visit") or a *report*
   (reported speech: "the communiqué said..."). Negated and habitual clauses are skipped.
3. ``merge`` groups candidates of one happening; reports join their document, else the dated
   event of their sentence, else the article's document with the same actors, else are dropped.
4. ``extract`` dates each group (``dates``): its own expression; a duration ending on the
   narrative day ("a two-day visit"); an ongoing duration ("for nearly two years" -> ~2022);
   relations ("X after Y": Y ends the day before X starts; a communiqué issued after a
   meeting takes the meeting's last day); otherwise bounded by publication (planned events
   start at publication instead, never in the past). ``headlines`` writes the title.
"""

from .dates import finer, strictly_finer
from .extract import clear_cache, extract
from .merge import combine, same_happening, similarity
from .model import Actor, Event, EventDate, Mention

__all__ = [
    "Actor",
    "Event",
    "EventDate",
    "Mention",
    "clear_cache",
    "combine",
    "extract",
    "finer",
    "strictly_finer",
    "same_happening",
    "similarity",
]
