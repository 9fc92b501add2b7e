"""Event extraction: article text in, typed and dated events out (pure: no Flask, no database)."""

from .model import Actor, Event, EventDate, Mention

__all__ = ["Actor", "Event", "EventDate", "Mention"]
