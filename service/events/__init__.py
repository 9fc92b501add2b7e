"""Event extraction: article text in, typed and dated events out (pure: no Flask, no database).

``extract(text, published_at, timexes=None)`` returns the article's events, each happening once;
``same_happening(a, b)`` tells whether events from two articles are one happening, and
``combine(a, b)`` merges them.
"""

from .extract import extract
from .merge import combine, same_happening, similarity
from .model import Actor, Event, EventDate, Mention

__all__ = [
    "Actor",
    "Event",
    "EventDate",
    "Mention",
    "combine",
    "extract",
    "same_happening",
    "similarity",
]
