"""A fault of the extractors on one article: ``service.events.extract`` raising for every text
that holds :data:`MARKER` (as the StopIteration of 7f6dc77 did for one real article), to check
that each way in (``timeline ingest`` with one process or a pool, the queue worker, a single
POST, a batch) refuses that article alone, saying which and why, and stores the others."""

from __future__ import annotations

from service import events

MARKER = "Zorbania"
#: What the broken extractors raise: the reason each way in must report.
REASON = "IndexError: the extractors fell over"
#: An article they fail on.
BAD_TEXT = f"Officials in {MARKER} said the talks ended on Tuesday after a long night."


def install(monkeypatch=None) -> None:
    """Make extraction raise for texts holding :data:`MARKER` (undone by ``monkeypatch``, or for
    the rest of the process without one: a subprocess or its forked workers)."""
    real = events.extract

    def extract(text, *args, **kwargs):
        if MARKER in text:
            raise IndexError("the extractors fell over")
        return real(text, *args, **kwargs)

    if monkeypatch is None:
        events.extract = extract
    else:
        monkeypatch.setattr(events, "extract", extract)


#: A text that kills the worker process reading it (a segfault, the OOM killer).
KILLER = "Krakovia"


def install_killer() -> None:
    """Make extraction kill its own process (SIGKILL) for texts holding :data:`KILLER`, in the
    forked workers only (called before the pool is forked; this process is spared)."""
    import os
    import signal

    parent = os.getpid()
    real = events.extract

    def extract(text, *args, **kwargs):
        if KILLER in text and os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(text, *args, **kwargs)

    events.extract = extract
