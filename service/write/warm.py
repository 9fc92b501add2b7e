"""Warm start: a server worker reads one sample article before it calls itself ready.

The first write of a cold process pays for loading the spaCy model, dateparser's language
data, the language identifier and the extraction lexicons (about 10 s); a worker that starts
:func:`start` pays it at once, on a thread of its own, and ``/readyz`` answers 503 until
:func:`done`. A write that arrives meanwhile waits for the warm-up (:func:`wait`) rather than
loading the same model a second time beside it. Processes that never call :func:`start`
(tests, the command line) load on their first write, through :func:`ensure`, before that
article's CPU budget starts: the article is not charged for the model (a cold load under a loaded
machine took 4 s of CPU, twice a short article's budget).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
import time
from pathlib import Path

log = logging.getLogger(__name__)

#: Read at start-up: every stage of extraction runs on it (dates absolute and relative,
#: actors, places, a reported statement).
SAMPLE = (
    "WASHINGTON (Reuters) - The Foreign Minister of France met President Joe Biden in the "
    "White House on Tuesday, two days after talks in Geneva ended, and said on March 3, 2024 "
    "that both countries would sign a trade agreement next month."
)
SAMPLE_DATE = dt.date(2024, 3, 7)

_started = threading.Event()
_done = threading.Event()
_lock = threading.Lock()
#: Seconds the warm-up took, once done.
seconds: float | None = None
#: Whether this process has loaded what a write needs (by a warm-up or by :func:`ensure`).
_loaded = threading.Event()


def warm() -> float:
    """Load everything a first write needs (in this thread); returns the seconds it took."""
    from .. import events
    from . import language

    started = time.perf_counter()
    language.unsupported(SAMPLE)
    events.extract(SAMPLE, SAMPLE_DATE)
    _loaded.set()  # called directly too (queue workers, the ingest pool): ensure() knows
    return time.perf_counter() - started


def start(marker_dir: str | None = None) -> threading.Thread:
    """Warm up on a daemon thread; once done, touch ``marker_dir/<pid>`` when given (the
    server's parent process counts these to say when every worker is ready)."""
    _started.set()
    thread = threading.Thread(target=_run, args=(marker_dir,), name="warm-up", daemon=True)
    thread.start()
    return thread


def _run(marker_dir: str | None) -> None:
    global seconds
    try:
        with _lock:
            seconds = warm()
        log.info("worker warm: language model loaded", extra={"seconds": round(seconds, 2)})
    except Exception:  # a broken model must not kill the worker: writes will say why
        log.exception("warm-up failed; the first write will load the model")
    finally:
        if marker_dir:  # before done: whoever sees done finds the marker
            Path(marker_dir, str(os.getpid())).touch()
        _done.set()


def done() -> bool:
    """Whether this process may call itself ready: warmed up, or never asked to."""
    return _done.is_set() or not _started.is_set()


def wait(timeout: float | None = None) -> bool:
    """Block until a warm-up in progress has finished (at once when none was started)."""
    if not _started.is_set():
        return True
    return _done.wait(timeout)


def ensure() -> None:
    """Before a write reads its text: wait for a warm-up in progress, or, in a process that
    never warmed up, load what a write needs here, once, outside any CPU budget. A load that
    fails is logged and left to the write, whose own reading then says why."""
    wait()
    if _loaded.is_set():
        return
    with _lock:
        if _loaded.is_set():
            return
        try:
            warm()
        except Exception:
            log.exception("loading the language model failed; the write will say why")
        _loaded.set()


def reset() -> None:
    """Forget a warm-up (tests)."""
    global seconds
    _started.clear()
    _done.clear()
    _loaded.clear()
    seconds = None
